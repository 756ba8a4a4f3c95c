package annexa.iso42001.c9_2_test

import data.annexa.iso42001.c9_2
import data.annexa.lib.assurance
import rego.v1

_params := {
	"internal_audit_days": 365, "audit_cycle_days": 1095, "audit_clause_cycle_days": 365,
	"audit_plan_tolerance_days": 60, "lookback_days": 365, "at_risk_days": 7, "management_review_days": 365,
}

_all_clauses := ["4", "5", "6", "7", "8", "9", "10"]

# One integrated audit: 27001 entries in the scope must not count for 42001 and the other way round.
_audit := {
	"kind": "InternalAudit", "id": "ia-1", "standards": ["iso27001:2022", "iso42001:2023"], "external": false,
	"planned_on": "2026-05-15", "performed_on": "2026-05-19", "report_on": "2026-05-28",
	"scope": {"clauses": _all_clauses, "controls": ["iso27001:A.5", "iso42001:A.2-A.10"]},
	"lead_auditor": "Person/ivan", "findings": ["Nonconformity/nc-1"],
	"reported_to": {"review": "ManagementReview/mr-1", "on": "2026-06-10"},
}

_frank := {
	"kind": "Person", "id": "frank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/aims-owner", "from": "2024-01-01"}],
}

_records := {
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
	"InternalAudit": {"ia-1": _audit},
	"Person": {
		"frank": _frank,
		"gina": {"kind": "Person", "id": "gina", "start_date": "2020-01-01"},
		"ivan": {"kind": "Person", "id": "ivan", "start_date": "2020-01-01"},
	},
	"SoAEntry": {
		"iso42001-A.6.2.4": {
			"kind": "SoAEntry", "id": "iso42001-A.6.2.4", "standard": "iso42001:2023", "control_id": "A.6.2.4",
			"applicable": true, "owner": "Person/gina",
		},
		"iso27001-5.15": {
			"kind": "SoAEntry", "id": "iso27001-5.15", "standard": "iso27001:2022", "control_id": "5.15",
			"applicable": true, "owner": "Person/ivan",
		},
	},
	"Nonconformity": {"nc-1": {"kind": "Nonconformity", "id": "nc-1"}},
	"ManagementReview": {"mr-1": {
		"kind": "ManagementReview", "id": "mr-1", "standards": ["iso27001:2022", "iso42001:2023"],
		"held_on": "2026-06-10",
	}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_audit(patch) := _input({"InternalAudit": {"ia-1": object.union(_audit, patch)}})

_controls_scope(controls) := {"scope": {"clauses": _all_clauses, "controls": controls}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c9_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_message_counts_42001_controls if {
	fs := c9_2.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.message == concat("", [
		"every clause of iso42001:2023 was audited within 365 days (audit_clause_cycle_days) and ",
		"all 38 applicable Annex A controls within 1095 days (audit_cycle_days)",
	])
}

# --- R1

test_fail_r1_only_27001_audit if {
	fs := c9_2.findings with input as _with_audit({"standards": ["iso27001:2022"]})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/aims"]
	f.message == concat("", [
		"no internal audit of iso42001:2023 was performed in the last 365 days ",
		"(internal_audit_days; none recorded): perform and record the next audit",
	])
}

test_fail_r1_audit_too_old if {
	fs := c9_2.findings with input as _with_audit({"planned_on": "2025-11-01", "performed_on": "2025-11-01"})
	some f in _failures("R1", fs)
	f.refs == ["InternalAudit/ia-1#performed_on"]
}

# --- R2

test_fail_r2_impact_assessment_clauses_not_audited if {
	clauses := ["4", "5", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3", "7", "8.1", "8.2", "8.3", "9", "10"]
	fs := c9_2.findings with input as _with_audit({"scope": {"clauses": clauses, "controls": ["iso42001:A.2-A.10"]}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#scope"]
	f.message == concat("", [
		"clauses 6.1.4, 8.4 of iso42001:2023 were not audited in the last 365 days (audit_clause_cycle_days): ",
		"include them in the next internal audit",
	])
}

test_fail_r2_group_not_audited if {
	controls := ["iso42001:A.2-A.5", "iso42001:A.6.1", "iso42001:A.6.2.2-A.6.2.7", "iso42001:A.7-A.10"]
	fs := c9_2.findings with input as _with_audit(_controls_scope(controls))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.message == concat("", [
		"1 of the 9 applicable controls of theme iso42001:A.6 (A.6.2.8) was not audited in the last 1095 days ",
		"(audit_cycle_days): include them in the audit programme",
	])
}

test_fail_r2_27001_entries_do_not_count if {
	fs := c9_2.findings with input as _with_audit(_controls_scope(["iso27001:A.5", "iso27001:A.6", "iso27001:A.8"]))
	count(_failures("R2", fs)) == 9
}

test_pass_r2_42001_scope_entries if {
	audit := {"scope": {"controls": ["iso42001:A.6.2.2-6", "iso42001:6.1", "iso42001:A.10.4", "iso42001:A.2.2-A.3.3"]}}
	assurance.audit_controls(audit, "iso42001:2023") == {
		"iso42001:A.6.2.2", "iso42001:A.6.2.3", "iso42001:A.6.2.4", "iso42001:A.6.2.5", "iso42001:A.6.2.6",
		"iso42001:A.6.1.2", "iso42001:A.6.1.3", "iso42001:A.10.4",
		"iso42001:A.2.2", "iso42001:A.2.3", "iso42001:A.2.4", "iso42001:A.3.2", "iso42001:A.3.3",
	}
}

test_pass_r2_approved_exclusion_not_required if {
	excluded := {
		"kind": "SoAEntry", "id": "iso42001-A.10.4", "standard": "iso42001:2023", "control_id": "A.10.4",
		"applicable": false, "justification": "no customers use our AI", "owner": "Person/frank",
		"approvals": [{"by": "Person/frank", "on": "2026-01-10", "decision": "approved"}],
	}
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.union(_audit, _controls_scope(["iso42001:A.2-A.9", "iso42001:A.10.2-3"]))},
		"SoAEntry": {"iso42001-A.10.4": excluded},
	})
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

test_fail_r3_not_performed_after_tolerance if {
	fs := c9_2.findings with input as _input({"InternalAudit": {"ia-1": object.remove(_audit, ["performed_on"])}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#planned_on"]
	contains(f.message, "was planned for 2026-05-15 and is not performed 199 days later")
}

test_fail_r3_performed_late if {
	fs := c9_2.findings with input as _with_audit({"performed_on": "2026-08-01"})
	some f in _failures("R3", fs)
	contains(f.message, "78 days after its planned date 2026-05-15")
}

# --- R4

test_fail_r4_lead_is_aims_owner if {
	fs := c9_2.findings with input as _with_audit({"lead_auditor": "Person/frank"})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#lead_auditor"]
	f.message == concat("", [
		"InternalAudit/ia-1 was led by Person/frank, who held Role/aims-owner on 2026-05-19 and so runs the ",
		"audited management system: have the audit led by someone independent of it",
	])
}

test_fail_r4_lead_owns_audited_42001_control if {
	fs := c9_2.findings with input as _with_audit({"lead_auditor": "Person/gina"})
	some f in _failures("R4", fs)
	f.refs == ["InternalAudit/ia-1#lead_auditor", "SoAEntry/iso42001-A.6.2.4"]
	contains(f.message, "owns the SoA entries of audited controls iso42001:A.6.2.4")
}

# ivan owns a 27001 control in the scope; that is the 27001 clause's business, not this one's.
test_pass_r4_owner_of_27001_control_only if {
	fs := c9_2.findings with input as _input({})
	_outcomes("R4", fs) == {"pass"}
}

# --- R5

test_fail_r5_finding_not_recorded if {
	fs := c9_2.findings with input as _with_audit({"findings": ["Finding/vuln-1"]})
	some f in _failures("R5", fs)
	f.refs == ["InternalAudit/ia-1#findings.0"]
}

test_fail_r5_later_42001_review_skipped_the_report if {
	mr2 := {"kind": "ManagementReview", "id": "mr-2", "standards": ["iso42001:2023"], "held_on": "2026-10-01"}
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.remove(_audit, ["reported_to"])},
		"ManagementReview": {"mr-2": mr2},
	})
	some f in _failures("R5", fs)
	contains(f.message, "although ManagementReview/mr-2 was held on 2026-10-01")
}

test_pass_r5_later_27001_review_only if {
	mr2 := {"kind": "ManagementReview", "id": "mr-2", "standards": ["iso27001:2022"], "held_on": "2026-10-01"}
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.remove(_audit, ["reported_to"])},
		"ManagementReview": {"mr-2": mr2},
	})
	_outcomes("R5", fs) == {"pass"}
}
