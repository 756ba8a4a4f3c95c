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
#
# Cost. An index groups the results of some TestRuns by resource, and the Asset refs their
# scopes list, once (object.union_n groups in one pass). The results about an asset are those
# of its own reference and of its external ids (_rows), so no result is mapped to assets one
# by one. A run's time, day and type are computed once (_vis), and result objects are built only
# for the results a function returns. The functions that take types (last_run, latest_checks)
# read an index of every visible run; a policy that asks about many assets builds an index of
# the types it reads once, in a complete rule (_idx := tech.index(types)), and reads it with
# last_run_in, latest_in or view, which see only those runs.
#
# A row is one result in an index: [ns, check_id, status, test_type, day, run id, result index,
# severity ("unrated" when absent)].

# named returns the Asset refs a TestRun names: the Asset refs of its scope and the assets that
# the resources of its results name.
named(t) := {x | some x in object.get(t, "scope", []); startswith(x, "Asset/")} | {a |
	some res in {object.get(r, "resource", "") | some r in object.get(t, "results", [])}
	some a in ops.assets_named(res)
}

# _vis maps the id of every visible TestRun to its ref, time (ns), day (on) and type. Builtins
# are inlined in the loops over runs and results: a user function call costs more than they do.
_vis := {id: {"ref": concat("/", [t.kind, t.id]), "ns": dates.ns(t.performed_on), "on": day, "type": t.test_type} |
	some id, t in input.records.TestRun
	day := substring(t.performed_on, 0, 10)
	day <= input.as_of
}

# index returns the index of the visible TestRuns of one of types: results maps a resource
# ("" when a result has none) to {[run id, result index]: row}, scope maps an Asset ref to
# {run id: true} of the runs whose scope lists it.
index(types) := _index(types, {id: v | some id, v in _vis; v.type in types})

_index(types, runs) := {
	"types": types,
	"results": object.union_n([{object.get(r, "resource", ""): {[id, i]: [v.ns, r.check_id, r.status, v.type, v.on, id, i, object.get(r, "severity", "unrated")]}} |
		some id, v in runs
		some i, r in object.get(input.records.TestRun[id], "results", [])
	]),
	"scope": object.union_n([{x: {id: true}} |
		some id, _ in runs
		some x in object.get(input.records.TestRun[id], "scope", [])
		startswith(x, "Asset/")
	]),
}

# checks_index returns the index of the results of the visible TestRuns of one of types whose
# check_id starts with prefix, without scopes: smaller than index(types) for a policy that reads
# one family of checks and no latest run.
checks_index(types, prefix) := {
	"types": types,
	"results": object.union_n([{object.get(r, "resource", ""): {[id, i]: [v.ns, r.check_id, r.status, v.type, v.on, id, i, object.get(r, "severity", "unrated")]}} |
		some id, v in _vis
		v.type in types
		some i, r in object.get(input.records.TestRun[id], "results", [])
		startswith(r.check_id, prefix)
	]),
	"scope": {},
}

# family_index returns the index of the results of the visible TestRuns of one of types whose
# check_id matches one of patterns (an object of regular expressions, as for families), without
# scopes: what latest_rows, latest_in and families read about those families, smaller than
# index(types) when most results of the runs are other checks. Each distinct check id is
# matched once.
family_index(types, patterns) := _family_index(types, patterns, {id: v | some id, v in _vis; v.type in types})

_family_index(types, patterns, runs) := {
	"types": types,
	"results": object.union_n([{object.get(r, "resource", ""): {[id, i]: [v.ns, r.check_id, r.status, v.type, v.on, id, i, object.get(r, "severity", "unrated")]}} |
		some id, v in runs
		some i, r in object.get(input.records.TestRun[id], "results", [])
		r.check_id in cids
	]),
	"scope": {},
} if {
	cids := {cid |
		some cid in {r.check_id | some id, _ in runs; some r in object.get(input.records.TestRun[id], "results", [])}
		some pattern in patterns
		regex.match(pattern, cid)
	}
}

# _all is the index of every visible TestRun, of the same shape with arrays of rows (grouped by
# comprehension indexes, which cost less per result than object.union_n but need a rule).
_all := {"types": {v.type | some v in _vis}, "results": _all_results, "scope": _all_scope}

# _all_rows pairs every result of the visible TestRuns with its resource, in run and result
# order; _all_pairs every Asset ref of their scopes with the run. The groupings below compare a
# plain element of a pair with the key, which OPA indexes: a function call on that side of the
# comparison would rescan every result for every key.
_all_rows := [[object.get(r, "resource", ""), [v.ns, r.check_id, r.status, v.type, v.on, id, i, object.get(r, "severity", "unrated")]] |
	some id, v in _vis
	some i, r in object.get(input.records.TestRun[id], "results", [])
]

_all_results := {res: rows |
	some res in {p[0] | some p in _all_rows}
	rows := [p[1] | some p in _all_rows; p[0] == res]
}

_all_pairs := [[x, id] |
	some id, _ in _vis
	some x in object.get(input.records.TestRun[id], "scope", [])
	startswith(x, "Asset/")
]

_all_scope := {x: ids |
	some x in {p[0] | some p in _all_pairs}
	ids := {p[1]: true | some p in _all_pairs; p[0] == x}
}

_assets := object.get(input.records, "Asset", {})

# _rows returns the rows about an asset in an index: the rows of the resources that name it, its
# reference and its external ids (a row twice when two of them are the same resource); none for
# a reference that is not an Asset reference.
_rows(idx, asset) := array.concat([x | some _, x in object.get(idx.results, asset, {})], [x |
	some v in object.get(object.get(_assets, substring(asset, 6, -1), {}), "external_ids", {})
	some _, x in object.get(idx.results, v, {})
]) if {
	startswith(asset, "Asset/")
} else := []

# rows_in returns the rows of the results about an asset in an index.
rows_in(idx, asset) := _rows(idx, asset)

# _typed returns the rows of one of types.
_typed(rows, types) := [x | some x in rows; x[3] in types]

# _last returns the latest run of one of types that names an asset, from its rows and the scopes
# in an index.
_last(idx, types, asset, rows) := {"ref": top[1], "on": top[2]} if {
	ids := {id | some id, _ in object.get(idx.scope, asset, {})} | {x[5] | some x in rows}
	runs := {[v.ns, v.ref, v.on] | some id in ids; v := _vis[id]; v.type in types}
	count(runs) > 0
	top := max(runs)
}

# last_run returns the latest visible TestRun of one of types that names an asset, as
# {"ref": TestRun ref, "on": day}; undefined when there is none.
last_run(types, asset) := _last(_all, types, asset, _rows(_all, asset))

# last_run_in is last_run of the types of an index.
last_run_in(idx, asset) := _last(idx, idx.types, asset, _rows(idx, asset))

# last_run_of is last_run_in for an asset whose rows (rows_in(idx, asset)) were already read.
last_run_of(idx, asset, rows) := _last(idx, idx.types, asset, rows)

# last_run_text returns the day of the latest TestRun of types naming an asset, or "never".
last_run_text(types, asset) := last_run(types, asset).on

last_run_text(types, asset) := "never" if not last_run(types, asset)

# run_within holds when a TestRun of one of types named the asset within n days.
run_within(types, asset, n) if dates.within(last_run(types, asset).on, n)

# assets_with_results is the set of Asset refs that some visible TestRun result is about.
assets_with_results := assets_in(_all)

# assets_in returns the Asset refs that some result in an index is about: the Asset refs among
# its resources and the assets one of whose external ids is one (ops.assets_named_by of the
# resources, in one pass over the assets' external ids instead of an index of them all).
assets_in(idx) := {r | some r, _ in idx.results; startswith(r, "Asset/")} | {concat("/", [a.kind, a.id]) |
	some a in _assets
	some v in object.get(a, "external_ids", {})
	idx.results[v]
}

# latest_checks returns the results about an asset whose check_id matches pattern, taken from
# the latest visible TestRun of one of types that reports any: a set of objects with on, run,
# type, check_id, status, severity ("unrated" when absent) and at (the field reference of the
# result). Undefined when none.
latest_checks(asset, types, pattern) := checks(_top([x | some x in _typed(_rows(_all, asset), types); regex.match(pattern, x[1])]))

# latest_in is latest_checks of the types of an index.
latest_in(idx, asset, pattern) := checks(latest_rows_in(idx, asset, pattern))

# latest_rows_in returns the rows of the results of latest_in; undefined when there are none.
latest_rows_in(idx, asset, pattern) := _top([x | some x in _rows(idx, asset); regex.match(pattern, x[1])])

# _top returns the rows of the latest time among rows; undefined when there are none.
_top(rows) := [x | some x in rows; x[0] == top] if {
	count(rows) > 0
	top := max([x[0] | some x in rows])
}

# families returns, for an object of patterns, {check_id: names of the patterns it matches} for
# the check ids in an index that match any. Compute it once per policy, in a complete rule, for
# view.
families(idx, patterns) := {cid: names |
	some cid in {x[1] | some _, m in idx.results; some x in m}
	names := {name | some name, pattern in patterns; regex.match(pattern, cid)}
	count(names) > 0
}

# view returns what an index shows about an asset, reading its results once: last, as
# last_run_in (absent when no run names the asset), and latest, which maps the name of each
# family (fam := families(idx, patterns)) with results about the asset to the rows of its
# latest results: checks(view(idx, asset, fam).latest[name]) is latest_in(idx, asset, pattern).
view(idx, asset, fam) := {"last": last, "latest": _by_family(rows, fam)} if {
	rows := _rows(idx, asset)
	last := _last(idx, idx.types, asset, rows)
} else := {"latest": {}}

# latest_rows is view(idx, asset, fam).latest without the latest run.
latest_rows(idx, asset, fam) := _by_family(_rows(idx, asset), fam)

_by_family(rows, fam) := {name: _top(g) |
	some name in {n | some x in rows; some n in object.get(fam, x[1], set())}
	g := [x | some x in rows; name in object.get(fam, x[1], set())]
}

# checks returns the result objects of rows (see latest_checks).
checks(rows) := {_check(x) | some x in rows}

_check(x) := {
	"ns": x[0], "on": x[4], "run": ref, "type": x[3],
	"check_id": x[1], "status": x[2], "severity": x[7],
	"at": concat("", [ref, "#results.", format_int(x[6], 10)]),
} if {
	ref := _vis[x[5]].ref
}

# at returns the field reference of the result of a row (the at of its result object).
at(x) := concat("", [_vis[x[5]].ref, "#results.", format_int(x[6], 10)])

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
	dates.since(f.resolved_on, _lookback_cutoff)
}

_lookback_cutoff := dates.cutoff(input.params.lookback_days)

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
findings_tracking := {k: {ref | some ref, _ in m} |
	some k, m in object.union_n([{[f.asset, f.identifier]: {concat("/", [f.kind, f.id]): true}} |
		some f in records.of("Finding")
		f.identifier
	])
}

# ---- access reviews

# _reviews_of maps an account to {[day, review type]: true} of the visible AccessReviews that
# decided on it.
_reviews_of := object.union_n([{item.account: {[x[0], x[1]]: true}} |
	some x in _visible_reviews
	some item in x[2].items
])

_visible_reviews := [[dates.day(ar.completed_on), ar.review_type, ar] |
	some ar in records.of("AccessReview")
	dates.visible(ar.completed_on)
]

# last_review returns the latest completion day of the AccessReviews of one of types that
# decided on an account; undefined when none did.
last_review(account_ref, types) := dates.latest({x[0] |
	some x, _ in object.get(_reviews_of, account_ref, {})
	x[1] in types
})

# review_types is every AccessReview type.
review_types := {"privileged", "standard", "physical", "source-code", "service-accounts"}

# ---- recorded activities and exercises

_type_field := {"Activity": "activity_type", "Exercise": "exercise_type"}

# last_done returns [day, ref] of the latest Activity or Exercise (kind) of a type performed on
# or before the as-of date; undefined when none was.
last_done(kind, type) := max(done) if {
	field := _type_field[kind]
	done := {[day, concat("/", [r.kind, r.id])] |
		some r in records.of(kind)
		r[field] == type
		day := substring(r.performed_on, 0, 10)
		day <= input.as_of
	}
	count(done) > 0
}

# done_text names the latest Activity or Exercise of a type and its date, or says there is none.
done_text(kind, type) := sprintf("last: %s on %s", [x[1], x[0]]) if {
	x := last_done(kind, type)
} else := "none recorded"

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
exceptions_for := _exceptions_for_p
