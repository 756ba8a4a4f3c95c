# METADATA
# title: Independent review of information security
# description: >-
#   Someone who does not run what they examine reviews information security at planned
#   intervals, through an external audit, an audit firm, or an internal auditor who owns none
#   of the audited controls or areas, and top management considers the review's report at a
#   management review held after it was issued.
# scope: package
# custom:
#   control: iso27001:A.5.35
#   class: a
#   evidence: [InternalAudit, ManagementReview, SoAEntry, Site, ManagementSystem]
#   rules:
#     R1: >-
#       At least one InternalAudit covering iso27001:2022 was performed within
#       independent_review_days by an independent lead: external is true, or lead_auditor is a
#       Supplier, or lead_auditor is a Person who owns none of the audited areas (the SoAEntry of
#       any iso27001 control inside the audit's scope.controls, any Site in scope.sites, and the
#       ISMS ManagementSystem when scope.clauses is not empty).
#     R2: >-
#       Every independent review of R1 is referenced by a ManagementReview covering
#       iso27001:2022 held on or after its report_on (through input_refs, or the audit's
#       reported_to.review); until report_on (performed_on when no report is out yet) +
#       management_review_days has passed the review may still be pending.
#   decisions:
#     - >-
#       An audit firm (lead_auditor a Supplier) counts as independent even for an outsourced
#       internal audit: it owns no control of ours.
#     - >-
#       Control ranges such as iso27001:A.5.1-A.5.37 are compared number by number, so 5.15 lies
#       between 5.1 and 5.37; SoAEntry.control_id is read with or without the A. prefix.
#     - >-
#       A report does not have to reach the very next management review; it must reach one within
#       management_review_days, the interval at which reviews are due anyway.
#     - Pentest TestRuns named by the model are technical tests and are not treated as independent reviews of the ISMS.
package annexa.iso27001.a5_35

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_standard := "iso27001:2022"

_audits_p contains a if {
	some a in records.of("InternalAudit")
	_standard in a.standards
	dates.within(a.performed_on, input.params.independent_review_days)
}

# --- control numbers and ranges.

_nums(s) := [to_number(x) | some x in split(trim_prefix(s, "A."), ".")] if regex.match(`^(A\.)?[0-9]+(\.[0-9]+)*$`, s)

# _range parses iso27001:A.5.1-A.5.37 (or a single control) into [standard, low, high].
_range(r) := [std, _nums(bounds[0]), _nums(bounds[count(bounds) - 1])] if {
	parts := split(r, ":")
	count(parts) == 2
	std := parts[0]
	bounds := split(parts[1], "-")
}

# _owned maps a Person ref to [standard, numbers] of the SoA entries they own.
_owned := {k: vs |
	some k in {x[0] | some x in _owned_rows}
	vs := {x[1] | some x in _owned_rows; x[0] == k}
}

_owned_rows := {[e.owner, [split(e.standard, ":")[0], _nums(e.control_id)]] |
	some e in records.of("SoAEntry")
	e.owner
}

_owns_audited_control(a, p) if {
	some r in object.get(a, ["scope", "controls"], [])
	rng := _range(r)
	some c in object.get(_owned, p, set())
	c[0] == rng[0]
	c[1] >= rng[1]
	c[1] <= rng[2]
}

_owns_audited_site(a, p) if {
	some s in object.get(a, ["scope", "sites"], [])
	records.get(s).owner == p
}

_isms_owners := {ms.owner | some ms in records.of("ManagementSystem"); ms.standard == _standard; ms.owner}

_owns_audited_system(a, p) if {
	count(object.get(a, ["scope", "clauses"], [])) > 0
	p in _isms_owners
}

_conflicted(a) if _owns_audited_control(a, a.lead_auditor)

_conflicted(a) if _owns_audited_site(a, a.lead_auditor)

_conflicted(a) if _owns_audited_system(a, a.lead_auditor)

_independent(a) if a.external == true

_independent(a) if startswith(a.lead_auditor, "Supplier/")

_independent(a) if {
	startswith(a.lead_auditor, "Person/")
	not _conflicted(a)
}

# --- R1: an independent review within independent_review_days.

_reviews_p contains records.ref(a) if {
	some a in _audits
	_independent(a)
}

_r1_items_p contains result.fail("R1", msg, {ops.isms_ref} | {records.at(a, "lead_auditor") | some a in _audits}) if {
	count(_reviews) == 0
	msg := sprintf(
		"no independent review of information security within %d days (independent_review_days) of %s; %s: %s",
		[
			input.params.independent_review_days, input.as_of, _why,
			"have an auditor who owns none of the audited areas review the ISMS",
		],
	)
}

_why := "no audit covering iso27001:2022 was performed in that time" if {
	count(_audits) == 0
} else := sprintf(
	"the lead auditors of %s own controls or areas they audited",
	[concat(", ", sort({records.ref(a) | some a in _audits}))],
)

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"an independent review of information security was performed within %d days",
			[input.params.independent_review_days],
		),
		_reviews, _r1_items,
	)
}

# --- R2: the report reaches a management review.

# _considered maps an audit ref to the held_on dates of management reviews that reference it.
_considered := {k: vs |
	some k in {x[0] | some x in _considered_rows}
	vs := {x[1] | some x in _considered_rows; x[0] == k}
}

_considered_rows := {[x, m.held_on] |
	some m in records.of("ManagementReview")
	_standard in m.standards
	dates.visible(m.held_on)
	some x in object.get(m, "input_refs", [])
	startswith(x, "InternalAudit/")
} | {[records.ref(a), m.held_on] |
	some a in records.of("InternalAudit")
	m := records.get(a.reported_to.review)
	_standard in m.standards
	dates.visible(m.held_on)
}

_reported(a) if dates.visible(a.report_on)

_base(a) := a.report_on if _reported(a)

_base(a) := a.performed_on if not _reported(a)

_taken_up(a) if {
	_reported(a)
	some held in object.get(_considered, records.ref(a), set())
	held >= a.report_on
}

_due(a) := dates.add_days(_base(a), input.params.management_review_days)

_r2_items_p contains result.fail("R2", msg, [records.at(a, "reported_to")]) if {
	some ref in _reviews
	a := records.get(ref)
	not _taken_up(a)
	_due(a) < input.as_of
	msg := sprintf(
		"%s (report %s) was not considered by any management review held after its report, and %s: %s",
		[
			ref, object.get(a, "report_on", "not issued"),
			sprintf("management_review_days (%d) ran out on %s", [input.params.management_review_days, _due(a)]),
			"take it to a management review",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every independent review's report was considered by a management review after it was issued",
		_reviews, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_audits := _audits_p

_reviews := _reviews_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p
