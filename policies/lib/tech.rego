# METADATA
# title: Technological controls
# description: >-
#   Helpers shared by the technological controls A.8.1 to A.8.14: which assets a TestRun names,
#   the latest results of a family of checks about an asset, limits written into check ids,
#   valid exceptions, access reviews per account, the latest recorded activity or exercise of a
#   type, and the severity deadlines of A.8.8 applied to any set of findings.
#
#   Check-id convention. A result is about an asset when its resource is the Asset reference or
#   one of the asset's external ids. A family of checks is a regular expression on check_id
#   (for example ^disk_encryption). The first number in a check id is the limit the tool
#   enforced (screen_lock_max_5_minutes and screen_lock_minutes_le_15 give 5 and 15,
#   os_supported_and_patched_30d gives 30, lockout_threshold_max_10 gives 10); a rule compares
#   it with its parameter and does not accept a family member without one when the parameter
#   is the point of the rule.
# scope: package
package annexa.lib.tech

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# ---- test runs and their results

# named returns the Asset refs a TestRun names: the Asset refs of its scope and the assets that
# the resources of its results name.
named(t) := {x | some x in object.get(t, "scope", []); startswith(x, "Asset/")} | {a |
	some r in object.get(t, "results", [])
	some a in ops.assets_named(object.get(r, "resource", ""))
}

_runs_p[asset] contains {"ns": dates.ns(t.performed_on), "ref": records.ref(t), "type": t.test_type} if {
	some t in records.of("TestRun")
	dates.visible(t.performed_on)
	some asset in named(t)
}

# last_run returns the latest visible TestRun of one of types that names an asset, as
# {"ref": TestRun ref, "on": day}; undefined when there is none.
last_run(types, asset) := {"ref": ref, "on": dates.day(records.get(ref).performed_on)} if {
	runs := {r | some r in object.get(_runs, asset, set()); r.type in types}
	count(runs) > 0
	top := max({r.ns | some r in runs})
	ref := max({r.ref | some r in runs; r.ns == top})
}

# last_run_text returns the day of the latest TestRun of types naming an asset, or "never".
last_run_text(types, asset) := last_run(types, asset).on

last_run_text(types, asset) := "never" if not last_run(types, asset)

# run_within holds when a TestRun of one of types named the asset within n days.
run_within(types, asset, n) if dates.within(last_run(types, asset).on, n)

_obs_p[asset] contains {
	"ns": dates.ns(t.performed_on), "on": dates.day(t.performed_on), "run": records.ref(t), "type": t.test_type,
	"check_id": r.check_id, "status": r.status, "severity": object.get(r, "severity", "unrated"),
	"at": records.at(t, sprintf("results.%d", [i])),
} if {
	some t in records.of("TestRun")
	dates.visible(t.performed_on)
	some i, r in object.get(t, "results", [])
	some asset in ops.assets_named(object.get(r, "resource", ""))
}

# assets_with_results is the set of Asset refs that some visible TestRun result is about.
assets_with_results := {a | some a, _ in _obs}

# latest_checks returns the results about an asset whose check_id matches pattern, taken from
# the latest visible TestRun of one of types that reports any: a set of objects with on, run,
# type, check_id, status, severity ("unrated" when absent) and at (the field reference of the
# result). Undefined when none.
latest_checks(asset, types, pattern) := {o | some o in m; o.ns == top} if {
	m := {o | some o in object.get(_obs, asset, set()); o.type in types; regex.match(pattern, o.check_id)}
	count(m) > 0
	top := max({o.ns | some o in m})
}

# failing returns the results of a set from latest_checks whose status is not pass.
failing(cs) := {o | some o in cs; o.status != "pass"}

# describe names a set of results as "check_id reported status", sorted and joined, so that a
# message built from several results is deterministic.
describe(os) := concat(", ", sort({sprintf("%s reported %s", [o.check_id, o.status]) | some o in os}))

# checks_on returns the day of a set of results from latest_checks.
checks_on(cs) := min({o.on | some o in cs})

# limit returns the first number written in a check id: the limit the tool enforced. Undefined
# when the check id holds no number.
limit(check_id) := to_number(m[0]) if {
	m := regex.find_n(`[0-9]+`, check_id, 1)
	count(m) > 0
}

# failed is the set of result statuses that show a check did not pass.
failed := {"fail", "error"}

# ---- exceptions

_approver_roles := {people.role_ref(id) | some id in input.params.exception_approver_roles}

# valid_exception holds when an Exception can be relied on at the as-of date: approved on or
# before it and not expired, approved by someone other than the requester who held one of the
# exception_approver_roles on the approval date, and valid for at most exception_max_days.
valid_exception(e) if {
	dates.visible(e.approved_on)
	input.as_of <= e.expires_on
	e.approved_by != e.requested_by
	dates.days_between(e.approved_on, e.expires_on) <= input.params.exception_max_days
	approver := records.get(e.approved_by)
	some role in _approver_roles
	people.holds_on(approver, role, e.approved_on)
}

# exceptions_for maps an excepted item (a reference, a resource or a check id, as written in
# applies_to) to the refs of the valid exceptions that list it.
_exceptions_for_p[item] contains records.ref(e) if {
	some e in records.of("Exception")
	valid_exception(e)
	some item in e.applies_to
}

# excepted holds when a valid exception lists the item.
excepted(item) if exceptions_for[item]

# exception_rule_text describes what a valid exception is, for failure messages.
exception_rule_text := sprintf(
	"approved by a holder of %s other than the requester, unexpired, at most exception_max_days",
	[concat(" or ", input.params.exception_approver_roles)],
)

# ---- findings and the A.8.8 deadlines

# fixed holds when a finding was resolved on or before the as-of date.
fixed(f) if dates.visible(f.resolved_on)

# in_sla_period holds for a finding first seen by the as-of date that is open, or was resolved
# inside the lookback window (as in A.8.8 R2).
in_sla_period(f) if {
	dates.visible(f.first_seen_on)
	not fixed(f)
}

in_sla_period(f) if {
	dates.visible(f.first_seen_on)
	dates.within(f.resolved_on, input.params.lookback_days)
}

# due returns the deadline of a finding: first_seen_on + vuln_sla_days of its severity, or the
# catalogue due date when the finding is known exploited and that date is earlier.
due(f) := min({_sla_due(f)} | _catalogue_due(f))

_sla_due(f) := dates.add_days(f.first_seen_on, input.params.vuln_sla_days[f.severity])

_catalogue_due(f) := {f.catalogue_due_on} if f.known_exploited == true

_catalogue_due(f) := set() if not f.known_exploited == true

# excepted_finding holds when a valid exception covers a finding: the one its exception field
# names, or one whose applies_to lists the finding.
excepted_finding(f) if valid_exception(records.get(f.exception))

excepted_finding(f) if excepted(records.ref(f))

# sla_item returns the fail or at_risk finding of rule for a finding in its SLA period:
# fixed after its deadline, open past its deadline without a valid exception, or open and due
# within at_risk_days. Undefined when the finding is on time.
sla_item(rule, f) := result.fail(rule, msg, [records.at(f, "resolved_on")]) if {
	fixed(f)
	dates.day(f.resolved_on) > due(f)
	msg := sprintf(
		"%s (%s) was fixed on %s, after its deadline %s (vuln_sla_days)",
		[records.ref(f), f.severity, dates.day(f.resolved_on), due(f)],
	)
} else := result.fail(rule, msg, [records.ref(f)]) if {
	not fixed(f)
	not excepted_finding(f)
	due(f) < input.as_of
	msg := sprintf(
		"%s (%s, %s) is open and overdue since %s (vuln_sla_days): fix it or record an approved exception",
		[records.ref(f), f.severity, f.asset, due(f)],
	)
} else := result.at_risk(rule, msg, [records.ref(f)]) if {
	not fixed(f)
	not excepted_finding(f)
	ops.due_soon(due(f))
	msg := sprintf("%s (%s) is due on %s", [records.ref(f), f.severity, due(f)])
}

# findings_tracking maps [asset ref, identifier] to the refs of the findings recorded for it.
_findings_tracking_p[[f.asset, f.identifier]] contains records.ref(f) if {
	some f in records.of("Finding")
	f.identifier
}

# ---- access reviews

_reviews_of_p[item.account] contains [dates.day(ar.completed_on), ar.review_type] if {
	some ar in records.of("AccessReview")
	dates.visible(ar.completed_on)
	some item in ar.items
}

# last_review returns the latest completion day of the AccessReviews of one of types that
# decided on an account; undefined when none did.
last_review(account_ref, types) := dates.latest({x[0] |
	some x in object.get(_reviews_of, account_ref, set())
	x[1] in types
})

# review_types is every AccessReview type.
review_types := {"privileged", "standard", "physical", "source-code", "service-accounts"}

# ---- recorded activities and exercises

_type_field := {"Activity": "activity_type", "Exercise": "exercise_type"}

_done_p[[kind, r[field]]] contains [dates.day(r.performed_on), records.ref(r)] if {
	some kind, field in _type_field
	some r in records.of(kind)
	dates.visible(r.performed_on)
}

# last_done returns [day, ref] of the latest Activity or Exercise (kind) of a type performed on
# or before the as-of date; undefined when none was.
last_done(kind, type) := max(_done[[kind, type]])

# done_text names the latest Activity or Exercise of a type and its date, or says there is none.
done_text(kind, type) := sprintf("last: %s on %s", [x[1], x[0]]) if {
	x := last_done(kind, type)
} else := "none recorded"

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_runs := _runs_p

_obs := _obs_p

exceptions_for := _exceptions_for_p

findings_tracking := _findings_tracking_p

_reviews_of := _reviews_of_p

_done := _done_p
