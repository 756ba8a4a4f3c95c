# METADATA
# title: Internal audit
# description: >-
#   The organisation audits its information security management system itself, on a
#   programme: an internal audit at least once a year and on the planned dates; over the
#   year every clause is audited, and over the certification cycle every applicable Annex A
#   control; the lead auditor is independent of what is audited; every finding becomes a
#   nonconformity and every audit report goes to the next management review.
# scope: package
# custom:
#   control: iso27001:9.2
#   class: a
#   evidence: [InternalAudit, SoAEntry, Person, Supplier, Nonconformity, ManagementReview, ManagementSystem]
#   rules:
#     R1: >-
#       At least one internal audit of iso27001:2022 (an InternalAudit with external false and
#       iso27001:2022 among its standards) was performed within internal_audit_days.
#     R2: >-
#       The internal audits performed within audit_clause_cycle_days together cover every clause
#       of the standard (4.1 to 10.2; an entry of scope.clauses covers its sub-clauses), and those
#       performed within audit_cycle_days together cover every applicable Annex A control (entries
#       of scope.controls: a control, a range, or a theme). A control is applicable unless an
#       approved SoAEntry of iso27001:2022 sets applicable false. One failure for the missing
#       clauses, one per theme with missing controls.
#     R3: >-
#       Every internal audit planned on or before the as-of date and planned or performed within
#       lookback_days was performed no more than audit_plan_tolerance_days before or after its
#       planned_on; an audit not performed by planned_on + audit_plan_tolerance_days fails, and
#       one whose deadline is within at_risk_days is at risk.
#     R4: >-
#       For every internal audit performed within lookback_days, the lead auditor is a Person or
#       Supplier record, is neither the owner of the SoAEntry of an audited control nor named in
#       its implementation_refs, and (for a Person) did not hold Role/isms-manager on the day
#       of the audit.
#     R5: >-
#       For every internal audit performed within lookback_days, each entry of findings is an
#       existing Nonconformity, and the audit reached a ManagementReview held on or after it
#       (reported_to.review, or the audit listed in the review's input_refs). It fails when a
#       review of iso27001:2022 was held on or after the report date (report_on, else
#       performed_on) without it, or when the report is older than management_review_days.
#   decisions:
#     - Only InternalAudit records with iso27001:2022 among their standards and external false (or
#       unset) count; certification and surveillance audits (external true) are not internal audits.
#     - An audit is performed when its performed_on is on or before the as-of date; without
#       performed_on it is only planned.
#     - Clauses are checked at the level of the clause catalog (25 clauses, 4.1 to 10.2). An entry
#       covers the clause it names and its sub-clauses ("6" covers 6.1.1 to 6.3); an entry finer
#       than a catalog clause (9.2.1) does not cover it.
#     - Control entries are read as the schema allows them, with or without "A." (iso27001:A.5.15,
#       iso27001:5.15). Ranges are compared number by number, may cross groups, and a shorter end
#       replaces the trailing numbers of the start (iso27001:5.15-18 is A.5.15 to A.5.18). A
#       single entry that is not a control covers every control under it (iso27001:A.5 is the
#       theme). Entries that do not parse, or name the other standard, cover nothing.
#     - A control without an SoA entry, or excluded by an entry that is not approved by the as-of
#       date, counts as applicable.
#     - Independence is checked in this form. The lead auditor may not own, or be named in the
#       implementation_refs of, the SoAEntry of a control in the audit scope, and a Person lead
#       auditor may not hold Role/isms-manager (the role that runs the ISMS) on the audit day.
#       Role responsibilities are free text and scope.processes are names, so they cannot be
#       matched. An audit firm (Supplier) passes unless the SoA names it as implementing an
#       audited control. The other members of the audit team are not checked.
#     - R3 applies the tolerance both ways (an audit much earlier than planned also fails), as the
#       model's rule says; the schema's comment on audit_plan_tolerance_days speaks only of lateness.
#     - R3, R4 and R5 examine the audits of the lookback window (lookback_days); R2 uses the
#       audit_clause_cycle_days and audit_cycle_days windows.
#     - R5 counts an audit whose report is younger than management_review_days and that no later
#       review has passed over as waiting for its review, not as failing.
#     - Nonconformities that name the audit as their source_ref but are missing from its findings
#       are left to clause 10.2.
package annexa.iso27001.c9_2

import data.annexa.lib.assurance
import data.annexa.lib.result
import rego.v1

_std := "iso27001:2022"

# --- R1: an internal audit within internal_audit_days.

findings contains f if {
	some f in result.check(
		"R1", assurance.frequency_summary(_std),
		assurance.audited_in(_std, input.params.internal_audit_days), assurance.frequency_items("R1", _std),
	)
}

# --- R2: clauses within audit_clause_cycle_days, applicable controls within audit_cycle_days.

findings contains f if {
	some f in result.check(
		"R2", assurance.programme_summary(_std),
		assurance.programme_audits(_std), assurance.programme_items("R2", _std),
	)
}

# --- R3: audits held within audit_plan_tolerance_days of their planned date.

findings contains f if {
	some f in result.check(
		"R3", assurance.plan_summary(_std),
		assurance.planned_audits(_std), assurance.plan_items("R3", _std),
	)
}

# --- R4: the lead auditor is independent of what is audited.

findings contains f if {
	some f in result.check(
		"R4", assurance.independence_summary(_std),
		assurance.recent_audits(_std), assurance.independence_items("R4", _std),
	)
}

# --- R5: findings recorded as nonconformities, reports taken to a management review.

findings contains f if {
	some f in result.check(
		"R5", assurance.reporting_summary(_std),
		assurance.recent_audits(_std), assurance.reporting_items("R5", _std),
	)
}
