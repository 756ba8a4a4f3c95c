package annexa.iso27001.c9_2_test

import data.annexa.iso27001.c9_2
import data.annexa.lib.assurance
import rego.v1

_params := {
	"internal_audit_days": 365, "audit_cycle_days": 1095, "audit_clause_cycle_days": 365,
	"audit_plan_tolerance_days": 60, "lookback_days": 365, "at_risk_days": 7, "management_review_days": 365,
}

_audit := {
	"kind": "InternalAudit", "id": "ia-1", "standards": ["iso27001:2022"], "external": false,
	"planned_on": "2026-05-15", "performed_on": "2026-05-19", "report_on": "2026-05-28",
	"scope": {
		"clauses": ["4", "5", "6", "7", "8", "9", "10"],
		"controls": ["iso27001:A.5", "iso27001:A.6", "iso27001:A.7", "iso27001:A.8"],
	},
	"lead_auditor": "Supplier/audit-partners", "findings": ["Nonconformity/nc-1"],
	"reported_to": {"review": "ManagementReview/mr-1", "on": "2026-06-10"},
}

_erin := {
	"kind": "Person", "id": "erin", "start_date": "2020-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-01-01"}],
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"InternalAudit": {"ia-1": _audit},
	"Supplier": {"audit-partners": {"kind": "Supplier", "id": "audit-partners"}},
	"Person": {
		"erin": _erin,
		"dan": {"kind": "Person", "id": "dan", "start_date": "2020-01-01"},
		"ivan": {"kind": "Person", "id": "ivan", "start_date": "2020-01-01"},
	},
	"SoAEntry": {"iso27001-5.15": {
		"kind": "SoAEntry", "id": "iso27001-5.15", "standard": "iso27001:2022", "control_id": "5.15",
		"applicable": true, "owner": "Person/dan", "implementation_refs": ["Supplier/idp-vendor"],
	}},
	"Nonconformity": {"nc-1": {"kind": "Nonconformity", "id": "nc-1", "source_ref": "InternalAudit/ia-1"}},
	"ManagementReview": {"mr-1": {
		"kind": "ManagementReview", "id": "mr-1", "standards": ["iso27001:2022"], "held_on": "2026-06-10",
	}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_audit(patch) := _input({"InternalAudit": {"ia-1": object.union(_audit, patch)}})

_controls_scope(controls) := {"scope": {"clauses": _audit.scope.clauses, "controls": controls}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c9_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_refs_name_the_audit if {
	fs := c9_2.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["InternalAudit/ia-1"]
	f.message == "an internal audit of iso27001:2022 was performed within the last 365 days (internal_audit_days)"
}

# --- R1

test_fail_r1_audit_too_old if {
	fs := c9_2.findings with input as _with_audit({"planned_on": "2025-11-20", "performed_on": "2025-11-20"})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#performed_on"]
	f.message == concat("", [
		"no internal audit of iso27001:2022 was performed in the last 365 days ",
		"(internal_audit_days; last: InternalAudit/ia-1 on 2025-11-20): perform and record the next audit",
	])
}

test_pass_r1_on_window_boundary if {
	fs := c9_2.findings with input as _with_audit({"planned_on": "2025-11-30", "performed_on": "2025-11-30"})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_only_external_audit if {
	fs := c9_2.findings with input as _with_audit({"external": true})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "(internal_audit_days; none recorded)")
}

test_fail_r1_audit_of_other_standard if {
	fs := c9_2.findings with input as _with_audit({"standards": ["iso42001:2023"]})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_planned_not_performed if {
	fs := c9_2.findings with input as _input({"InternalAudit": {"ia-1": object.remove(_audit, ["performed_on"])}})
	_outcomes("R1", fs) == {"fail"}
}

# --- R2

test_fail_r2_clause_not_audited if {
	scope := {"clauses": ["4", "5", "6", "7", "8", "9.1", "9.2", "10"], "controls": _audit.scope.controls}
	fs := c9_2.findings with input as _with_audit({"scope": scope})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#scope"]
	f.message == concat("", [
		"clause 9.3 of iso27001:2022 was not audited in the last 365 days (audit_clause_cycle_days): ",
		"include them in the next internal audit",
	])
}

test_fail_r2_whole_clauses_named if {
	scope := {"clauses": ["4", "5", "6.1", "7", "8"], "controls": _audit.scope.controls}
	fs := c9_2.findings with input as _with_audit({"scope": scope})
	some f in _failures("R2", fs)
	startswith(f.message, "clauses 6.2, 6.3, 9, 10 of iso27001:2022 were not audited")
}

test_fail_r2_control_not_audited if {
	controls := ["iso27001:A.5.1-A.5.36", "iso27001:A.6", "iso27001:A.7", "iso27001:A.8"]
	fs := c9_2.findings with input as _with_audit(_controls_scope(controls))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.message == concat("", [
		"1 of the 37 applicable controls of theme iso27001:A.5 (A.5.37) was not audited in the last 1095 days ",
		"(audit_cycle_days): include them in the audit programme",
	])
}

test_fail_r2_one_failure_per_theme if {
	controls := ["iso27001:A.5.1-A.5.36", "iso27001:A.7", "iso27001:A.8.1-A.8.33"]
	fs := c9_2.findings with input as _with_audit(_controls_scope(controls))
	count(_failures("R2", fs)) == 3
	some f in _failures("R2", fs)
	startswith(f.message, "none of the 8 applicable controls of theme iso27001:A.6 was audited in the last 1095 days")
}

test_fail_r2_old_audit_covers_controls_not_clauses if {
	old := object.union(_audit, {"id": "ia-0", "planned_on": "2025-03-01", "performed_on": "2025-03-01"})
	recent := object.union(_audit, {"scope": {"clauses": ["9.2"]}})
	fs := c9_2.findings with input as _input({"InternalAudit": {"ia-0": old, "ia-1": recent}})
	failures := _failures("R2", fs)
	count(failures) == 1
	some f in failures
	startswith(f.message, "clauses 4, 5, 6, 7, 8, 9.1, 9.3, 10 of iso27001:2022")
}

_excluded_712 := {
	"kind": "SoAEntry", "id": "iso27001-7.12", "standard": "iso27001:2022", "control_id": "7.12",
	"applicable": false, "justification": "no cabling of our own", "owner": "Person/erin",
	"approvals": [{"by": "Person/carol", "on": "2026-01-10", "decision": "approved"}],
}

_without_712 := ["iso27001:A.5", "iso27001:A.6", "iso27001:A.7.1-A.7.11", "iso27001:A.7.13-14", "iso27001:8"]

test_pass_r2_approved_exclusion_not_required if {
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.union(_audit, _controls_scope(_without_712))},
		"SoAEntry": {"iso27001-7.12": _excluded_712},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_unapproved_exclusion_still_required if {
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.union(_audit, _controls_scope(_without_712))},
		"SoAEntry": {"iso27001-7.12": object.remove(_excluded_712, ["approvals"])},
	})
	some f in _failures("R2", fs)
	startswith(f.message, "1 of the 14 applicable controls of theme iso27001:A.7 (A.7.12) was not audited")
}

test_fail_r2_no_audit_at_all if {
	fs := c9_2.findings with input as _input({"InternalAudit": {}})
	failures := _failures("R2", fs)
	count(failures) == 5
	every f in failures {
		f.refs == ["ManagementSystem/isms"]
	}
}

# Scope entries: single ids, themes, ranges (full, without A., short end), other standard, garbage.
test_pass_r2_scope_entries_read_as_documented if {
	audit := {"scope": {"controls": [
		"iso27001:A.5.15", "iso27001:A.5.1-A.5.3", "iso27001:8.30-32", "iso27001:A.6",
		"iso42001:A.5.2-A.5.5", "iso27001:A.7.14-A.7.13", "iso27001:bogus", 42,
	]}}
	got := assurance.audit_controls(audit, "iso27001:2022")
	got == {
		"iso27001:A.5.15", "iso27001:A.5.1", "iso27001:A.5.2", "iso27001:A.5.3",
		"iso27001:A.8.30", "iso27001:A.8.31", "iso27001:A.8.32",
		"iso27001:A.6.1", "iso27001:A.6.2", "iso27001:A.6.3", "iso27001:A.6.4",
		"iso27001:A.6.5", "iso27001:A.6.6", "iso27001:A.6.7", "iso27001:A.6.8",
	}
}

test_pass_r2_range_across_groups if {
	audit := {"scope": {"controls": ["iso27001:A.5.36-A.6.2"]}}
	assurance.audit_controls(audit, "iso27001:2022") == {
		"iso27001:A.5.36", "iso27001:A.5.37", "iso27001:A.6.1", "iso27001:A.6.2",
	}
}

test_pass_r2_clause_entries if {
	audit := {"scope": {"clauses": ["1", "6.1", "9.2", "9.2.1", "iso27001:10.2", "iso42001:4"]}}
	assurance.audit_clauses(audit, "iso27001:2022") == {"6.1.1", "6.1.2", "6.1.3", "9.2", "10.2"}
}

test_pass_r2_annex_a_lists if {
	count(assurance.annex_a["iso27001:2022"]) == 93
	count(assurance.annex_a["iso42001:2023"]) == 38
	count(assurance.clauses["iso27001:2022"]) == 25
	count(assurance.clauses["iso42001:2023"]) == 27
}

# --- R3

test_fail_r3_performed_late if {
	fs := c9_2.findings with input as _with_audit({"performed_on": "2026-07-15"})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#performed_on"]
	f.message == concat("", [
		"InternalAudit/ia-1 was performed on 2026-07-15, 61 days after its planned date 2026-05-15 ",
		"(audit_plan_tolerance_days = 60): hold audits on the dates of the programme",
	])
}

test_pass_r3_on_tolerance_boundary if {
	fs := c9_2.findings with input as _with_audit({"performed_on": "2026-07-14"})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_performed_early if {
	fs := c9_2.findings with input as _with_audit({"planned_on": "2026-08-01"})
	some f in _failures("R3", fs)
	contains(f.message, "74 days before its planned date 2026-08-01")
}

_planned := {
	"kind": "InternalAudit", "id": "ia-2", "standards": ["iso27001:2022"], "external": false,
	"planned_on": "2026-09-01", "scope": {"clauses": ["9"]}, "lead_auditor": "Person/ivan",
}

test_fail_r3_not_performed_after_tolerance if {
	fs := c9_2.findings with input as _input({"InternalAudit": {"ia-1": _audit, "ia-2": _planned}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-2#planned_on"]
	f.message == concat("", [
		"InternalAudit/ia-2 was planned for 2026-09-01 and is not performed 90 days later ",
		"(audit_plan_tolerance_days = 60): perform it or record why it was dropped",
	])
}

test_r3_at_risk_when_deadline_near if {
	soon := object.union(_planned, {"planned_on": "2026-10-01"})
	fs := c9_2.findings with input as _input({"InternalAudit": {"ia-1": _audit, "ia-2": soon}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_pass_r3_future_plan_ignored if {
	future := object.union(_planned, {"planned_on": "2027-01-15"})
	fs := c9_2.findings with input as _input({"InternalAudit": {"ia-1": _audit, "ia-2": future}})
	_outcomes("R3", fs) == {"pass"}
}

# --- R4

test_fail_r4_lead_owns_audited_control if {
	fs := c9_2.findings with input as _with_audit({"lead_auditor": "Person/dan"})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#lead_auditor", "SoAEntry/iso27001-5.15"]
	f.message == concat("", [
		"InternalAudit/ia-1 was led by Person/dan, who owns the SoA entries of audited controls iso27001:A.5.15: ",
		"have the audit led by someone who does not own what is audited",
	])
}

test_pass_r4_owner_of_control_outside_scope if {
	scope := {"clauses": ["4", "5", "6", "7", "8", "9", "10"], "controls": ["iso27001:A.5.1-A.5.14"]}
	fs := c9_2.findings with input as _with_audit({"lead_auditor": "Person/dan", "scope": scope})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_lead_runs_the_isms if {
	fs := c9_2.findings with input as _with_audit({"lead_auditor": "Person/erin"})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#lead_auditor"]
	contains(f.message, "Person/erin, who held Role/isms-manager on 2026-05-19")
}

test_pass_r4_role_ended_before_audit if {
	former := object.union(_erin, {"roles": [{"role": "Role/isms-manager", "from": "2021-01-01", "to": "2026-01-01"}]})
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.union(_audit, {"lead_auditor": "Person/erin"})},
		"Person": {"erin": former},
	})
	_outcomes("R4", fs) == {"pass"}
}

test_pass_r4_independent_person if {
	fs := c9_2.findings with input as _with_audit({"lead_auditor": "Person/ivan"})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_supplier_implements_audited_control if {
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.union(_audit, {"lead_auditor": "Supplier/idp-vendor"})},
		"Supplier": {"idp-vendor": {"kind": "Supplier", "id": "idp-vendor"}},
	})
	some f in _failures("R4", fs)
	f.refs == ["InternalAudit/ia-1#lead_auditor", "SoAEntry/iso27001-5.15"]
	contains(f.message, "which the SoA names as implementing audited controls iso27001:A.5.15")
}

test_fail_r4_unknown_lead_auditor if {
	fs := c9_2.findings with input as _with_audit({"lead_auditor": "Person/nobody"})
	some f in _failures("R4", fs)
	f.refs == ["InternalAudit/ia-1#lead_auditor"]
	startswith(f.message, `InternalAudit/ia-1 names lead auditor "Person/nobody", which is not a Person or Supplier`)
}

# --- R5

test_fail_r5_finding_not_a_nonconformity if {
	fs := c9_2.findings with input as _with_audit({"findings": ["Nonconformity/nc-1", "Nonconformity/nc-9"]})
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#findings.1"]
	f.message == concat("", [
		"InternalAudit/ia-1 lists finding Nonconformity/nc-9, which is not a Nonconformity record: ",
		"record each audit finding as a Nonconformity",
	])
}

test_fail_r5_review_held_without_the_report if {
	fs := c9_2.findings with input as _input({"InternalAudit": {"ia-1": object.remove(_audit, ["reported_to"])}})
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#reported_to"]
	f.message == concat("", [
		"InternalAudit/ia-1 (report of 2026-05-28) did not reach a management review although ",
		"ManagementReview/mr-1 was held on 2026-06-10: present it and set reported_to or list it in the review's input_refs",
	])
}

test_fail_r5_reported_to_earlier_review if {
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.union(_audit, {"reported_to": {"review": "ManagementReview/mr-0"}})},
		"ManagementReview": {
			"mr-0": {"kind": "ManagementReview", "id": "mr-0", "standards": ["iso27001:2022"], "held_on": "2026-01-10"},
			"mr-1": _records.ManagementReview["mr-1"],
		},
	})
	_outcomes("R5", fs) == {"fail"}
}

test_pass_r5_audit_listed_in_review_inputs if {
	mr := object.union(_records.ManagementReview["mr-1"], {"input_refs": ["InternalAudit/ia-1"]})
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.remove(_audit, ["reported_to"])},
		"ManagementReview": {"mr-1": mr},
	})
	_outcomes("R5", fs) == {"pass"}
}

test_pass_r5_waiting_for_next_review if {
	fs := c9_2.findings with input as _input({
		"InternalAudit": {"ia-1": object.remove(_audit, ["reported_to"])},
		"ManagementReview": {},
	})
	_outcomes("R5", fs) == {"pass"}
}

test_fail_r5_report_older_than_review_interval if {
	fs := c9_2.findings with input as object.union(
		_input({"InternalAudit": {"ia-1": object.remove(_audit, ["reported_to"])}, "ManagementReview": {}}),
		{"params": {"management_review_days": 180}},
	)
	some f in _failures("R5", fs)
	f.message == concat("", [
		"InternalAudit/ia-1 (report of 2026-05-28) has not reached a management review in 186 days ",
		"(management_review_days = 180): present it at a review",
	])
}

test_not_exercised_without_audits if {
	fs := c9_2.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	_outcomes("R1", fs) == {"fail"}
	_outcomes("R2", fs) == {"fail"}
	_outcomes("R3", fs) == {"not_exercised"}
	_outcomes("R4", fs) == {"not_exercised"}
	_outcomes("R5", fs) == {"not_exercised"}
}
