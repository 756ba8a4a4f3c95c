package annexa.iso27001.a5_19_test

import data.annexa.iso27001.a5_19
import rego.v1

_params := {"dd_min_criticality": "medium", "dd_grace_days": 30, "lookback_days": 365, "at_risk_days": 7}

_policy := {
	"kind": "Document", "id": "pol-supplier", "doc_type": "topic-policy", "topic": "supplier-security",
	"version": "2.0.0", "published_on": "2026-01-20",
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "2.0.0"}],
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2023-01-01"},
	"due_diligence": [{"on": "2022-12-15", "by": "Person/miriam", "result": "approved", "scope": "security"}],
}

_risk := {
	"kind": "Risk", "id": "r-1", "domain": "information-security", "description": "AWS outage",
	"affects": ["Supplier/aws"], "owner": "Person/miriam", "last_assessed_on": "2026-02-01",
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"pol-supplier": _policy},
	"Supplier": {"aws": _aws},
	"Risk": {"r-1": _risk},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_suppliers(s) := {"Supplier": {"aws": _aws, s.id: s}}

test_pass_all_rules if {
	fs := a5_19.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_policy if {
	fs := a5_19.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	startswith(f.message, "no current supplier security policy")
}

test_fail_r1_policy_not_approved if {
	draft := object.remove(_policy, ["approvals"])
	fs := a5_19.findings with input as _input({"Document": {"pol-supplier": draft}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_unknown_criticality if {
	odd := object.union(_aws, {"criticality": "very-high"})
	fs := a5_19.findings with input as _input({"Supplier": {"aws": odd}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#criticality"]
	f.message == concat("", [
		"Supplier/aws has criticality \"very-high\", not one of low, medium, high or critical: rate how much ",
		"we depend on it",
	])
}

test_fail_r2_missing_data_access if {
	odd := object.remove(_aws, ["data_access"])
	fs := a5_19.findings with input as _input({"Supplier": {"aws": odd}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#data_access"]
}

test_pass_r2_ignores_ended_supplier if {
	old := object.union(_aws, {"id": "old", "criticality": "???", "relationship": {
		"start_on": "2020-01-01",
		"end_on": "2026-11-30",
	}})
	fs := a5_19.findings with input as _input(_suppliers(old))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_no_due_diligence if {
	none := object.remove(_aws, ["due_diligence"])
	fs := a5_19.findings with input as _input({"Supplier": {"aws": none}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#due_diligence"]
	f.message == concat("", [
		"Supplier/aws (criticality critical) started on 2023-01-01 and has no approved security due diligence; ",
		"dd_grace_days (30) ended on 2023-01-31: carry out and record the due diligence",
	])
}

test_fail_r3_latest_rejected if {
	rejected := object.union(_aws, {"due_diligence": array.concat(
		_aws.due_diligence,
		[{"on": "2026-03-01", "by": "Person/miriam", "result": "rejected", "scope": "security"}],
	)})
	fs := a5_19.findings with input as _input({"Supplier": {"aws": rejected}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#due_diligence.1"]
}

test_fail_r3_recent_supplier_late_due_diligence if {
	late := object.union(_aws, {
		"id": "new", "relationship": {"start_on": "2026-03-01"},
		"due_diligence": [{"on": "2026-04-01", "by": "Person/miriam", "result": "approved", "scope": "security"}],
	})
	fs := a5_19.findings with input as _input(_suppliers(late))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "after the deadline 2026-03-31")
}

test_pass_r3_due_diligence_on_deadline if {
	edge := object.union(_aws, {
		"id": "new", "relationship": {"start_on": "2026-03-01"},
		"due_diligence": [{
			"on": "2026-03-31", "by": "Person/miriam", "result": "approved-with-conditions",
			"scope": "security",
		}],
	})
	fs := a5_19.findings with input as _input(_suppliers(edge))
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_old_supplier_late_due_diligence_counts if {
	old := object.union(_aws, {"due_diligence": [{
		"on": "2024-06-01", "by": "Person/miriam", "result": "approved",
		"scope": "security",
	}]})
	fs := a5_19.findings with input as _input({"Supplier": {"aws": old}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_ai_review_is_not_security_due_diligence if {
	ai_only := object.union(_aws, {"due_diligence": [{
		"on": "2022-12-15", "by": "Person/miriam", "result": "approved",
		"scope": "ai",
	}]})
	fs := a5_19.findings with input as _input({"Supplier": {"aws": ai_only}})
	_outcomes("R3", fs) == {"fail"}
}

test_r3_at_risk_in_grace if {
	fresh := object.union(_aws, {"id": "new", "relationship": {"start_on": "2026-11-05"}, "due_diligence": []})
	fs := a5_19.findings with input as _input(_suppliers(fresh))
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_pass_r3_low_criticality_needs_none if {
	low := object.union(_aws, {"id": "low", "criticality": "low", "due_diligence": []})
	fs := a5_19.findings with input as _input(_suppliers(low))
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r4_no_risk if {
	fs := a5_19.findings with input as _input({"Risk": {}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Supplier/aws"]
}

test_pass_r4_linked_through_links if {
	linked := object.union(object.remove(_risk, ["affects"]), {
		"affects": ["Asset/app"],
		"links": {"suppliers": ["Supplier/aws"]},
	})
	fs := a5_19.findings with input as _input({"Risk": {"r-1": linked}})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_risk_assessed_after_as_of if {
	future := object.union(_risk, {"last_assessed_on": "2026-12-01"})
	fs := a5_19.findings with input as _input({"Risk": {"r-1": future}})
	_outcomes("R4", fs) == {"fail"}
}

test_not_exercised_without_suppliers if {
	fs := a5_19.findings with input as _input({"Supplier": {}})
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R4", fs) == {"not_exercised"}
}
