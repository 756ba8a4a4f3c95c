# METADATA
# title: Internal audit and management review
# description: >-
#   The checks of clauses 9.2 (internal audit) and 9.3 (management review), which both
#   standards share. Every function takes the standard (iso27001:2022 or iso42001:2023); only
#   audits and reviews whose standards include it count, and only internal audits (external:
#   false) count for the audit programme. Also holds the Annex A control lists and the
#   auditable clauses of both standards, and reads audit scopes (single controls, ranges,
#   themes; clauses that cover their sub-clauses).
# scope: package
package annexa.lib.assurance

import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.soa
import rego.v1

# annex_a maps a standard to the canonical ids of its Annex A controls (93 and 38).
annex_a := {
	"iso27001:2022": {
		"iso27001:A.5.1", "iso27001:A.5.2", "iso27001:A.5.3", "iso27001:A.5.4", "iso27001:A.5.5", "iso27001:A.5.6",
		"iso27001:A.5.7", "iso27001:A.5.8", "iso27001:A.5.9", "iso27001:A.5.10", "iso27001:A.5.11",
		"iso27001:A.5.12", "iso27001:A.5.13", "iso27001:A.5.14", "iso27001:A.5.15", "iso27001:A.5.16",
		"iso27001:A.5.17", "iso27001:A.5.18", "iso27001:A.5.19", "iso27001:A.5.20", "iso27001:A.5.21",
		"iso27001:A.5.22", "iso27001:A.5.23", "iso27001:A.5.24", "iso27001:A.5.25", "iso27001:A.5.26",
		"iso27001:A.5.27", "iso27001:A.5.28", "iso27001:A.5.29", "iso27001:A.5.30", "iso27001:A.5.31",
		"iso27001:A.5.32", "iso27001:A.5.33", "iso27001:A.5.34", "iso27001:A.5.35", "iso27001:A.5.36",
		"iso27001:A.5.37", "iso27001:A.6.1", "iso27001:A.6.2", "iso27001:A.6.3", "iso27001:A.6.4", "iso27001:A.6.5",
		"iso27001:A.6.6", "iso27001:A.6.7", "iso27001:A.6.8", "iso27001:A.7.1", "iso27001:A.7.2", "iso27001:A.7.3",
		"iso27001:A.7.4", "iso27001:A.7.5", "iso27001:A.7.6", "iso27001:A.7.7", "iso27001:A.7.8", "iso27001:A.7.9",
		"iso27001:A.7.10", "iso27001:A.7.11", "iso27001:A.7.12", "iso27001:A.7.13", "iso27001:A.7.14",
		"iso27001:A.8.1", "iso27001:A.8.2", "iso27001:A.8.3", "iso27001:A.8.4", "iso27001:A.8.5", "iso27001:A.8.6",
		"iso27001:A.8.7", "iso27001:A.8.8", "iso27001:A.8.9", "iso27001:A.8.10", "iso27001:A.8.11",
		"iso27001:A.8.12", "iso27001:A.8.13", "iso27001:A.8.14", "iso27001:A.8.15", "iso27001:A.8.16",
		"iso27001:A.8.17", "iso27001:A.8.18", "iso27001:A.8.19", "iso27001:A.8.20", "iso27001:A.8.21",
		"iso27001:A.8.22", "iso27001:A.8.23", "iso27001:A.8.24", "iso27001:A.8.25", "iso27001:A.8.26",
		"iso27001:A.8.27", "iso27001:A.8.28", "iso27001:A.8.29", "iso27001:A.8.30", "iso27001:A.8.31",
		"iso27001:A.8.32", "iso27001:A.8.33", "iso27001:A.8.34",
	},
	"iso42001:2023": {
		"iso42001:A.2.2", "iso42001:A.2.3", "iso42001:A.2.4", "iso42001:A.3.2", "iso42001:A.3.3", "iso42001:A.4.2",
		"iso42001:A.4.3", "iso42001:A.4.4", "iso42001:A.4.5", "iso42001:A.4.6", "iso42001:A.5.2", "iso42001:A.5.3",
		"iso42001:A.5.4", "iso42001:A.5.5", "iso42001:A.6.1.2", "iso42001:A.6.1.3", "iso42001:A.6.2.2",
		"iso42001:A.6.2.3", "iso42001:A.6.2.4", "iso42001:A.6.2.5", "iso42001:A.6.2.6", "iso42001:A.6.2.7",
		"iso42001:A.6.2.8", "iso42001:A.7.2", "iso42001:A.7.3", "iso42001:A.7.4", "iso42001:A.7.5", "iso42001:A.7.6",
		"iso42001:A.8.2", "iso42001:A.8.3", "iso42001:A.8.4", "iso42001:A.8.5", "iso42001:A.9.2", "iso42001:A.9.3",
		"iso42001:A.9.4", "iso42001:A.10.2", "iso42001:A.10.3", "iso42001:A.10.4",
	},
}

_shared_clauses := {
	"4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
	"7.1", "7.2", "7.3", "7.4", "7.5", "8.1", "8.2", "8.3", "9.1", "9.2", "9.3", "10.1", "10.2",
}

# clauses maps a standard to its clauses 4 to 10 at the finest level the catalog lists (25 and 27).
clauses := {
	"iso27001:2022": _shared_clauses,
	"iso42001:2023": (_shared_clauses | {"6.1.4", "8.4"}),
}

# owner_role maps a standard to the Role that runs its management system; its holder is not
# independent of any audit of that system.
owner_role := {"iso27001:2022": "Role/isms-manager", "iso42001:2023": "Role/aims-owner"}

_standards := {"iso27001:2022", "iso42001:2023"}

# short returns a standard without its edition: iso27001 for iso27001:2022.
short(std) := split(std, ":")[0]

# numbers returns the numeric parts of a control or clause number: [5, 15] for A.5.15 or 5.15;
# undefined when the text is not such a number.
numbers(n) := [to_number(x) | some x in split(trim_prefix(n, "A."), ".")] if {
	is_string(n)
	regex.match(`^(A\.)?[0-9]+(\.[0-9]+)*$`, n)
}

# _order is the sort key of a canonical id or a clause number.
_order(id) := numbers(_local(id))

_local(id) := split(id, ":")[1] if contains(id, ":")

_local(id) := id if not contains(id, ":")

# sorted lists canonical ids or clause numbers in numeric order (A.5.2 before A.5.10).
sorted(ids) := [pair[1] | some pair in sort([[_order(id), id] | some id in ids])]

# _msg joins what is wrong and what to do into one message.
_msg(what, args, fix) := concat(": ", [sprintf(what, args), fix])

# ---- audit scope

_scope(a, field) := object.get(object.get(a, "scope", {}), field, [])

# audit_clauses returns the clauses of a standard that an audit's scope covers. An entry covers
# the clause it names and all its sub-clauses ("9" covers 9.1 to 9.3); it may carry the
# standard's prefix (iso27001:9.2).
audit_clauses(a, std) := {c |
	some e in _scope(a, "clauses")
	is_string(e)
	n := trim_prefix(e, concat("", [short(std), ":"]))
	some c in clauses[std]
	_clause_covers(n, c)
}

_clause_covers(n, c) if n == c

_clause_covers(n, c) if startswith(c, concat("", [n, "."]))

# audit_controls returns the Annex A controls of a standard that an audit's scope covers.
# Entries of the other standard are ignored. An entry is a control (iso27001:A.5.15), a theme
# or group (iso27001:A.5, iso42001:A.6.2), or a range of either (iso27001:A.5.15-A.5.18); the
# "A." may be left out (iso27001:5.15-5.18), and a shorter end replaces the trailing numbers of
# the start (iso27001:5.15-18). An entry that does not parse covers nothing.
audit_controls(a, std) := {c |
	some e in _scope(a, "controls")
	b := _bounds(e, std)
	some c in annex_a[std]
	_in_bounds(_order(c), b)
}

_body(e, std) := trim_prefix(e, p) if {
	is_string(e)
	p := concat("", [short(std), ":"])
	startswith(e, p)
}

_bounds(e, std) := ["prefix", lo, lo] if {
	body := _body(e, std)
	not contains(body, "-")
	lo := numbers(body)
}

_bounds(e, std) := ["range", lo, _fill(lo, hi)] if {
	parts := split(_body(e, std), "-")
	count(parts) == 2
	lo := numbers(parts[0])
	hi := numbers(parts[1])
}

_fill(lo, hi) := array.concat(array.slice(lo, 0, count(lo) - count(hi)), hi) if count(hi) < count(lo)

_fill(lo, hi) := hi if count(hi) >= count(lo)

_in_bounds(n, ["prefix", lo, _]) if array.slice(n, 0, count(lo)) == lo

_in_bounds(n, ["range", lo, hi]) if {
	lo <= n
	_upto(n, hi)
}

_upto(n, hi) if n <= hi

_upto(n, hi) if array.slice(n, 0, count(hi)) == hi

# _theme returns the theme of a canonical control id: iso27001:A.5 for iso27001:A.5.15.
_theme(c) := concat(".", array.slice(split(c, "."), 0, 2))

# ---- internal audits

_internal(a) if not a.external == true

# audits maps a standard to the refs of its internal audits (planned or performed).
audits := {k: vs |
	some k in {x[0] | some x in _audits_rows}
	vs := {x[1] | some x in _audits_rows; x[0] == k}
}

_audits_rows := {[std, records.ref(a)] |
	some a in records.of("InternalAudit")
	_internal(a)
	some std in a.standards
}

_performed := {k: vs |
	some k in {x[0] | some x in _performed_rows}
	vs := {x[1] | some x in _performed_rows; x[0] == k}
}

_performed_rows := {[std, ref] |
	some std, refs in audits
	some ref in refs
	dates.visible(records.get(ref).performed_on)
}

# audited_in returns the refs of a standard's internal audits performed in the last n days.
audited_in(std, n) := {ref |
	some ref in object.get(_performed, std, set())
	dates.within(records.get(ref).performed_on, n)
}

_audit_key(ref) := [dates.day(records.get(ref).performed_on), ref]

# latest_audit maps a standard to its internal audit performed last (by date, then id).
_latest_audit_p[std] := max(keys)[1] if {
	some std in _standards
	keys := {_audit_key(ref) | some ref in object.get(_performed, std, set())}
	count(keys) > 0
}

_last_audit(std) := sprintf("last: %s on %s", [ref, dates.day(records.get(ref).performed_on)]) if {
	ref := latest_audit[std]
} else := "none recorded"

_ms_refs(std) := sort({records.ref(ms) | some ms in records.of("ManagementSystem"); ms.standard == std})

# _audit_anchor points a programme-level failure at a field of the latest audit, or else at
# the management system.
_audit_anchor(std, field) := [records.at(records.get(latest_audit[std]), field)] if {
	latest_audit[std]
} else := _ms_refs(std)

# --- 9.2 R1: an internal audit within internal_audit_days.

# frequency_summary is the pass message of the audit-frequency rule.
frequency_summary(std) := sprintf(
	"an internal audit of %s was performed within the last %d days (internal_audit_days)",
	[std, input.params.internal_audit_days],
)

# frequency_items fails when no internal audit of the standard was performed within
# internal_audit_days.
frequency_items(rule, std) := {result.fail(rule, msg, _audit_anchor(std, "performed_on")) |
	count(audited_in(std, input.params.internal_audit_days)) == 0
	msg := _msg(
		"no internal audit of %s was performed in the last %d days (internal_audit_days; %s)",
		[std, input.params.internal_audit_days, _last_audit(std)],
		"perform and record the next audit",
	)
}

# --- 9.2 R2: programme coverage of clauses and applicable Annex A controls.

_excluded := {k: vs |
	some k in {x[0] | some x in _excluded_rows}
	vs := {x[1] | some x in _excluded_rows; x[0] == k}
}

_excluded_rows := {[e.standard, soa.control_id(e)] |
	some e in records.of("SoAEntry")
	e.applicable == false
	count(records.approved_on(e)) > 0
}

# applicable maps a standard to its Annex A controls that no approved SoA entry excludes.
_applicable_p[std] := ids - object.get(_excluded, std, set()) if some std, ids in annex_a

_clause_days := input.params.audit_clause_cycle_days

_cycle_days := input.params.audit_cycle_days

_covered_clauses_p[std] := {c |
	some ref in audited_in(std, _clause_days)
	some c in audit_clauses(records.get(ref), std)
} if some std in _standards

_covered_controls_p[std] := {c |
	some ref in audited_in(std, _cycle_days)
	some c in audit_controls(records.get(ref), std)
} if some std in _standards

# programme_audits returns the audits that count for the programme: those performed within
# the longer of audit_cycle_days and audit_clause_cycle_days.
programme_audits(std) := audited_in(std, max([_cycle_days, _clause_days]))

# programme_summary is the pass message of the programme-coverage rule.
programme_summary(std) := concat(" and ", [
	sprintf("every clause of %s was audited within %d days (audit_clause_cycle_days)", [std, _clause_days]),
	sprintf("all %d applicable Annex A controls within %d days (audit_cycle_days)", [count(applicable[std]), _cycle_days]),
])

# programme_items fails once for the clauses not audited within audit_clause_cycle_days, and
# once per Annex A theme with applicable controls not audited within audit_cycle_days.
programme_items(rule, std) := _clause_gap(rule, std) | _control_gaps(rule, std)

_clause_gap(rule, std) := {result.fail(rule, msg, _audit_anchor(std, "scope")) |
	missing := clauses[std] - _covered_clauses[std]
	count(missing) > 0
	names := _clause_list(std, missing)
	msg := _msg(
		"%s %s of %s %s not audited in the last %d days (audit_clause_cycle_days)",
		[_plural(names, "clause", "clauses"), concat(", ", names), std, _plural(names, "was", "were"), _clause_days],
		"include them in the next internal audit",
	)
}

# _clause_list names a whole top-level clause when all of its sub-clauses are missing.
_clause_list(std, missing) := sorted(whole | part) if {
	tops := {split(c, ".")[0] | some c in clauses[std]}
	whole := {t | some t in tops; count({c | some c in clauses[std]; split(c, ".")[0] == t} - missing) == 0}
	part := {c | some c in missing; not split(c, ".")[0] in whole}
}

_control_gaps(rule, std) := {result.fail(rule, msg, _audit_anchor(std, "scope")) |
	missing := applicable[std] - _covered_controls[std]
	some theme in {_theme(c) | some c in missing}
	gap := {_local(c) | some c in missing; _theme(c) == theme}
	total := count({c | some c in applicable[std]; _theme(c) == theme})
	msg := concat(": ", [_gap_text(gap, total, theme), "include them in the audit programme"])
}

# _gap_text says which applicable controls of a theme were not audited within audit_cycle_days.
_gap_text(gap, total, theme) := sprintf(
	"none of the %d applicable controls of theme %s was audited in the last %d days (audit_cycle_days)",
	[total, theme, _cycle_days],
) if {
	count(gap) == total
}

_gap_text(gap, total, theme) := sprintf(
	"%d of the %d applicable controls of theme %s (%s) %s not audited in the last %d days (audit_cycle_days)",
	[count(gap), total, theme, concat(", ", sorted(gap)), _plural(gap, "was", "were"), _cycle_days],
) if {
	count(gap) < total
}

_plural(xs, one, _) := one if count(xs) == 1

_plural(xs, _, many) := many if count(xs) != 1

# --- 9.2 R3: audits performed within audit_plan_tolerance_days of their planned date.

_tolerance := input.params.audit_plan_tolerance_days

# planned_audits returns the internal audits of a standard planned on or before the as-of
# date that were planned or performed inside the lookback window.
planned_audits(std) := {ref |
	some ref in object.get(audits, std, set())
	a := records.get(ref)
	dates.visible(a.planned_on)
	_in_lookback(a)
}

_in_lookback(a) if dates.within(a.planned_on, input.params.lookback_days)

_in_lookback(a) if dates.within(a.performed_on, input.params.lookback_days)

_done(a) if dates.visible(a.performed_on)

_plan_due(a) := dates.add_days(a.planned_on, _tolerance)

# plan_summary is the pass message of the plan-adherence rule.
plan_summary(std) := sprintf(
	"every internal audit of %s was performed within %d days of its planned date (audit_plan_tolerance_days)",
	[std, _tolerance],
)

# plan_items fails audits performed more than audit_plan_tolerance_days before or after their
# planned date and audits still not performed after it; audits whose deadline is within
# at_risk_days are at risk.
plan_items(rule, std) := (_off_plan(rule, std) | _overdue(rule, std)) | _due_soon(rule, std)

_off_plan(rule, std) := {result.fail(rule, msg, [records.at(a, "performed_on")]) |
	some ref in planned_audits(std)
	a := records.get(ref)
	_done(a)
	shift := dates.days_between(a.planned_on, a.performed_on)
	abs(shift) > _tolerance
	msg := _msg(
		"%s was performed on %s, %d days %s its planned date %s (audit_plan_tolerance_days = %d)",
		[ref, dates.day(a.performed_on), abs(shift), _direction(shift), dates.day(a.planned_on), _tolerance],
		"hold audits on the dates of the programme",
	)
}

_direction(shift) := "after" if shift > 0

_direction(shift) := "before" if shift < 0

_overdue(rule, std) := {result.fail(rule, msg, [records.at(a, "planned_on")]) |
	some ref in planned_audits(std)
	a := records.get(ref)
	not _done(a)
	_plan_due(a) < input.as_of
	msg := _msg(
		"%s was planned for %s and is not performed %d days later (audit_plan_tolerance_days = %d)",
		[ref, dates.day(a.planned_on), dates.age(a.planned_on), _tolerance],
		"perform it or record why it was dropped",
	)
}

_due_soon(rule, std) := {result.at_risk(rule, msg, [records.at(a, "planned_on")]) |
	some ref in planned_audits(std)
	a := records.get(ref)
	not _done(a)
	due := _plan_due(a)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s (planned for %s) must be performed by %s", [ref, dates.day(a.planned_on), due])
}

# --- 9.2 R4: independence of the lead auditor.

# recent_audits returns the internal audits of a standard performed inside the lookback window.
recent_audits(std) := audited_in(std, input.params.lookback_days)

# _soa_owner maps "control|person" to the SoA entries of that control the person owns.
_soa_owner := {k: vs |
	some k in {x[0] | some x in _soa_owner_rows}
	vs := {x[1] | some x in _soa_owner_rows; x[0] == k}
}

_soa_owner_rows := {[concat("|", [soa.control_id(e), e.owner]), records.ref(e)] |
	some e in records.of("SoAEntry")
}

# _soa_impl maps "control|ref" to the SoA entries of that control that name ref among their
# implementation_refs.
_soa_impl := {k: vs |
	some k in {x[0] | some x in _soa_impl_rows}
	vs := {x[1] | some x in _soa_impl_rows; x[0] == k}
}

_soa_impl_rows := {[concat("|", [soa.control_id(e), x]), records.ref(e)] |
	some e in records.of("SoAEntry")
	some x in object.get(e, "implementation_refs", [])
}

_lead(a) := object.get(a, "lead_auditor", "")

# independence_summary is the pass message of the independence rule.
independence_summary(std) := sprintf(
	"no lead auditor of an internal audit of %s in the last %d days owns or implements an audited control or holds %s",
	[std, input.params.lookback_days, owner_role[std]],
)

# independence_items fails an audit whose lead auditor is not in the bundle, owns or is named
# as implementing an audited control in the Statement of Applicability, or held the role that
# runs the management system (owner_role) on the day of the audit.
independence_items(rule, std) := union({
	_unknown_lead(rule, std), _lead_owns(rule, std),
	_lead_implements(rule, std), _lead_runs(rule, std),
})

_unknown_lead(rule, std) := {result.fail(rule, msg, [records.at(a, "lead_auditor")]) |
	some ref in recent_audits(std)
	a := records.get(ref)
	not records.exists(_lead(a))
	msg := _msg(
		"%s names lead auditor %q, which is not a Person or Supplier record, so its independence cannot be checked",
		[ref, _lead(a)],
		"fix the reference",
	)
}

_lead_owns(rule, std) := {result.fail(rule, msg, array.concat([records.at(a, "lead_auditor")], sort(entries))) |
	some ref in recent_audits(std)
	a := records.get(ref)
	hits := {[c, e] | some c in audit_controls(a, std); some e in _soa_owner[concat("|", [c, _lead(a)])]}
	count(hits) > 0
	entries := {h[1] | some h in hits}
	msg := _msg(
		"%s was led by %s, who owns the SoA entries of audited controls %s",
		[ref, _lead(a), concat(", ", sorted({h[0] | some h in hits}))],
		"have the audit led by someone who does not own what is audited",
	)
}

_lead_implements(rule, std) := {result.fail(rule, msg, array.concat([records.at(a, "lead_auditor")], sort(entries))) |
	some ref in recent_audits(std)
	a := records.get(ref)
	hits := {[c, e] | some c in audit_controls(a, std); some e in _soa_impl[concat("|", [c, _lead(a)])]}
	count(hits) > 0
	entries := {h[1] | some h in hits}
	msg := _msg(
		"%s was led by %s, which the SoA names as implementing audited controls %s",
		[ref, _lead(a), concat(", ", sorted({h[0] | some h in hits}))],
		"have the audit led by someone who did not implement what is audited",
	)
}

_lead_runs(rule, std) := {result.fail(rule, msg, [records.at(a, "lead_auditor")]) |
	some ref in recent_audits(std)
	a := records.get(ref)
	startswith(_lead(a), "Person/")
	p := records.get(_lead(a))
	people.holds_on(p, owner_role[std], dates.day(a.performed_on))
	msg := _msg(
		"%s was led by %s, who held %s on %s and so runs the audited management system",
		[ref, _lead(a), owner_role[std], dates.day(a.performed_on)],
		"have the audit led by someone independent of it",
	)
}

# --- 9.2 R5: findings recorded as nonconformities, report taken to a management review.

# reporting_summary is the pass message of the reporting rule.
reporting_summary(std) := concat(" and ", [
	sprintf(
		"every finding of the internal audits of %s in the last %d days is a Nonconformity",
		[std, input.params.lookback_days],
	),
	"each report reached the first management review held after it",
])

# reporting_items fails an audit finding that is not a Nonconformity record, and an audit not
# reported to a management review although one of the standard was held after its report, or
# although its report is older than management_review_days.
reporting_items(rule, std) := (_untracked(rule, std) | _skipped_review(rule, std)) | _never_reported(rule, std)

_untracked(rule, std) := {result.fail(rule, msg, [records.at(a, sprintf("findings.%d", [i]))]) |
	some ref in recent_audits(std)
	a := records.get(ref)
	some i, x in object.get(a, "findings", [])
	not _nonconformity(x)
	msg := _msg(
		"%s lists finding %v, which is not a Nonconformity record",
		[ref, x],
		"record each audit finding as a Nonconformity",
	)
}

_nonconformity(x) if {
	is_string(x)
	startswith(x, "Nonconformity/")
	records.exists(x)
}

# _reviews_citing maps a ref to the management reviews that list it among their input_refs.
_reviews_citing := {k: vs |
	some k in {x[0] | some x in _reviews_citing_rows}
	vs := {x[1] | some x in _reviews_citing_rows; x[0] == k}
}

_reviews_citing_rows := {[x, records.ref(mr)] |
	some mr in records.of("ManagementReview")
	some x in object.get(mr, "input_refs", [])
}

_reported(a) if {
	review := a.reported_to.review
	startswith(review, "ManagementReview/")
	_held_since(records.get(review), a)
}

_reported(a) if {
	some review in _reviews_citing[records.ref(a)]
	_held_since(records.get(review), a)
}

_held_since(mr, a) if {
	dates.visible(mr.held_on)
	dates.day(mr.held_on) >= dates.day(a.performed_on)
}

_report_day(a) := dates.day(a.report_on) if a.report_on

_report_day(a) := dates.day(a.performed_on) if not a.report_on

_skipped_review(rule, std) := {result.fail(rule, msg, [records.at(a, "reported_to")]) |
	some ref in recent_audits(std)
	a := records.get(ref)
	not _reported(a)
	review := latest_review[std]
	held := dates.day(records.get(review).held_on)
	held >= _report_day(a)
	msg := _msg(
		"%s (report of %s) did not reach a management review although %s was held on %s",
		[ref, _report_day(a), review, held],
		"present it and set reported_to or list it in the review's input_refs",
	)
}

_never_reported(rule, std) := {result.fail(rule, msg, [records.at(a, "reported_to")]) |
	some ref in recent_audits(std)
	a := records.get(ref)
	not _reported(a)
	day := _report_day(a)
	not _review_since(std, day)
	dates.age(day) > input.params.management_review_days
	msg := _msg(
		"%s (report of %s) has not reached a management review in %d days (management_review_days = %d)",
		[ref, day, dates.age(day), input.params.management_review_days],
		"present it at a review",
	)
}

_review_since(std, d) if dates.day(records.get(latest_review[std]).held_on) >= d

# ---- management reviews

# reviews maps a standard to the refs of its management reviews held on or before the as-of date.
reviews := {k: vs |
	some k in {x[0] | some x in _reviews_rows}
	vs := {x[1] | some x in _reviews_rows; x[0] == k}
}

_reviews_rows := {[std, records.ref(mr)] |
	some mr in records.of("ManagementReview")
	dates.visible(mr.held_on)
	some std in mr.standards
}

_review_key(ref) := [dates.day(records.get(ref).held_on), ref]

# latest_review maps a standard to its management review held last (by date, then id).
_latest_review_p[std] := max(keys)[1] if {
	some std, refs in reviews
	keys := {_review_key(ref) | some ref in refs}
}

# previous_review maps a standard to the management review held before its latest one.
_previous_review_p[std] := max(keys)[1] if {
	some std, refs in reviews
	last := _review_key(latest_review[std])
	keys := {k | some ref in refs; k := _review_key(ref); k < last}
	count(keys) > 0
}

# latest_population is the latest management review of a standard, as a set (empty when none).
latest_population(std) := {latest_review[std]} if latest_review[std]

latest_population(std) := set() if not latest_review[std]

# top_management returns the people the ManagementSystem records of a standard name as top management.
top_management(std) := {p |
	some ms in records.of("ManagementSystem")
	ms.standard == std
	some p in object.get(ms, "top_management", [])
}

# --- 9.3 R1: the latest review within management_review_days, attended by top management.

_mr_days := input.params.management_review_days

# held_summary is the pass message of the review-held rule.
held_summary(std) := sprintf(
	"the latest management review of %s was held within %d days (management_review_days) with top management present",
	[std, _mr_days],
)

# held_items fails when no review of the standard is recorded, when the latest was held more
# than management_review_days ago, and when no member of top management attended it.
held_items(rule, std) := (_no_review(rule, std) | _review_stale(rule, std)) | _no_top_management(rule, std)

_no_review(rule, std) := {result.fail(rule, msg, _ms_refs(std)) |
	not latest_review[std]
	msg := _msg(
		"no management review of %s is recorded",
		[std],
		sprintf("hold one with top management at least every %d days (management_review_days)", [_mr_days]),
	)
}

_review_stale(rule, std) := {result.fail(rule, msg, [records.at(mr, "held_on")]) |
	ref := latest_review[std]
	mr := records.get(ref)
	dates.age(mr.held_on) > _mr_days
	msg := _msg(
		"the latest management review of %s, %s, was held on %s, %d days ago (management_review_days = %d)",
		[std, ref, dates.day(mr.held_on), dates.age(mr.held_on), _mr_days],
		"hold the next one",
	)
}

_no_top_management(rule, std) := {result.fail(rule, msg, [records.at(mr, "attendees")]) |
	ref := latest_review[std]
	mr := records.get(ref)
	top := top_management(std)
	count(top & {p | some p in object.get(mr, "attendees", [])}) == 0
	msg := sprintf(
		"%s (held %s) was attended by no member of top management of %s (%s): top management must take part in the review",
		[ref, dates.day(mr.held_on), std, _names(top)],
	)
}

_names(people_refs) := concat(", ", sort(people_refs)) if count(people_refs) > 0

_names(people_refs) := "none named in ManagementSystem.top_management" if count(people_refs) == 0

# --- 9.3 R2: the latest review covered the required inputs.

# required_inputs returns the inputs a review must cover: mr_required_inputs of each standard
# it reviews (the union for an integrated review).
required_inputs(mr) := {i |
	some s in mr.standards
	some i in object.get(input.params.mr_required_inputs, short(s), [])
}

# inputs_summary is the pass message of the review-inputs rule.
inputs_summary(std) := sprintf("the latest management review of %s covered every input of mr_required_inputs", [std])

# inputs_items fails the latest review when its inputs_covered miss a required input.
inputs_items(rule, std) := {result.fail(rule, msg, [records.at(mr, "inputs_covered")]) |
	ref := latest_review[std]
	mr := records.get(ref)
	missing := required_inputs(mr) - {i | some i in object.get(mr, "inputs_covered", [])}
	count(missing) > 0
	msg := sprintf(
		"%s (held %s) did not cover %s, required by mr_required_inputs for %s: consider them and list them in inputs_covered",
		[ref, dates.day(mr.held_on), concat(", ", sort(missing)), concat(", ", sort(mr.standards))],
	)
}

# --- 9.3 R3: the latest review records decisions, and actions with owner and due date.

# outputs_summary is the pass message of the review-outputs rule.
outputs_summary(std) := sprintf(
	"the latest management review of %s records decisions, and every action has an owner and a due date",
	[std],
)

# outputs_items fails the latest review when it records no decision, and each of its actions
# without a due date or whose owner is not a Person record.
outputs_items(rule, std) := (_no_decisions(rule, std) | _undated_actions(rule, std)) | _unowned_actions(rule, std)

_no_decisions(rule, std) := {result.fail(rule, msg, [records.ref(mr)]) |
	ref := latest_review[std]
	mr := records.get(ref)
	count(object.get(mr, "decisions", [])) == 0
	msg := sprintf(
		"%s (held %s) records no decisions: record what the review decided on improvement and on changes",
		[ref, dates.day(mr.held_on)],
	)
}

_undated_actions(rule, std) := {result.fail(rule, msg, [records.at(mr, sprintf("actions.%d", [i]))]) |
	ref := latest_review[std]
	mr := records.get(ref)
	some i, x in object.get(mr, "actions", [])
	not x.due_on
	msg := sprintf("action %s of %s has no due date: set due_on", [_action_id(x, i), ref])
}

_unowned_actions(rule, std) := {result.fail(rule, msg, [records.at(mr, sprintf("actions.%d.owner", [i]))]) |
	ref := latest_review[std]
	mr := records.get(ref)
	some i, x in object.get(mr, "actions", [])
	not _person(object.get(x, "owner", ""))
	msg := sprintf(
		"action %s of %s is owned by %q, which is not a Person record: name the person who owns it",
		[_action_id(x, i), ref, object.get(x, "owner", "")],
	)
}

_person(x) if {
	is_string(x)
	startswith(x, "Person/")
	records.exists(x)
}

_action_id(x, i) := object.get(x, "id", sprintf("#%d", [i]))

# --- 9.3 R4: actions of the previous review done or carried over.

# previous_actions returns the actions of the review held before the latest one, as field refs.
previous_actions(std) := {records.at(p, sprintf("actions.%d", [i])) |
	p := records.get(previous_review[std])
	some i, _ in object.get(p, "actions", [])
}

# actions_summary is the pass message of the previous-actions rule.
actions_summary(std) := sprintf(
	"every action of the previous management review of %s is done or carried over by the latest one",
	[std],
)

# actions_items fails each action of the previous review that has no done_on on or before the
# as-of date, unless the latest review lists previous-actions among its inputs and names the
# action id in its input_refs or in the text of one of its decisions.
actions_items(rule, std) := {result.fail(rule, msg, [records.at(p, sprintf("actions.%d", [i]))]) |
	prev := previous_review[std]
	p := records.get(prev)
	last := latest_review[std]
	l := records.get(last)
	some i, x in object.get(p, "actions", [])
	not _action_done(x)
	not _carried(l, object.get(x, "id", ""))
	msg := _msg(
		"action %s of %s (owner %s, due %s) is not done and %s does not carry it over",
		[_action_id(x, i), prev, object.get(x, "owner", "none"), object.get(x, "due_on", "not set"), last],
		"record done_on, or cover previous-actions and name the action in input_refs or a decision",
	)
}

_action_done(x) if dates.visible(x.done_on)

_carried(l, id) if {
	"previous-actions" in object.get(l, "inputs_covered", [])
	_named(l, id)
}

_named(l, id) if {
	some r in object.get(l, "input_refs", [])
	is_string(r)
	_ref_names(r, id)
}

_named(l, id) if {
	some d in object.get(l, "decisions", [])
	id in _tokens(object.get(d, "text", ""))
}

_ref_names(r, id) if r == id

_ref_names(r, id) if {
	parts := regex.split(`[/#]`, r)
	parts[count(parts) - 1] == id
}

# _tokens splits a text into id-like words, dropping trailing punctuation.
_tokens(text) := {trim_right(t, ".:-") | some t in regex.split(`[^A-Za-z0-9._:-]+`, text)}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
latest_audit := _latest_audit_p

applicable := _applicable_p

_covered_clauses := _covered_clauses_p

_covered_controls := _covered_controls_p

latest_review := _latest_review_p

previous_review := _previous_review_p
