package annexa.iso27001.a5_28_test

import data.annexa.iso27001.a5_28
import rego.v1

_params := {"lookback_days": 365, "training_refresh_days": 365}

_proc := {
	"kind": "Document", "id": "proc-evidence", "doc_type": "procedure", "topic": "evidence-handling",
	"version": "1.0.0", "published_on": "2026-02-02",
	"approvals": [{"by": "Person/jonas", "on": "2026-01-30", "decision": "approved", "version": "1.0.0"}],
}

_inc := {
	"kind": "Incident", "id": "inc-1", "category": "security-incident", "severity": "sev2",
	"reported_on": "2026-05-07T19:32:00Z", "owner": "Person/miriam",
	"evidence_handling": {"legal_hold": true, "items": [
		{"sha256": "ab12", "collected_on": "2026-05-07T23:00:00Z", "custodian": "Person/miriam"},
		{"sha256": "cd34", "collected_on": "2026-05-08T07:30:00Z", "custodian": "Person/miriam"},
	]},
}

_dfir := {
	"kind": "Supplier", "id": "dfir", "supplier_type": "professional-services", "criticality": "medium",
	"data_access": "confidential", "services": ["Incident Response retainer with forensic analysis"],
	"relationship": {"start_on": "2025-01-01"}, "contract": {"signed_on": "2024-12-20"},
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"proc-evidence": _proc},
	"Incident": {"inc-1": _inc},
	"Supplier": {"dfir": _dfir},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_analyst := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2022-01-10",
	"roles": [{"role": "Role/forensics", "from": "2022-01-10"}],
}

_ir_course := {
	"kind": "TrainingRecord", "id": "tr-1", "person": "Person/miriam", "course": "Document/course-ir",
	"course_type": "incident-response", "completed_on": "2025-12-01", "passed": true,
}

test_pass_all_rules if {
	fs := a5_28.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_procedure if {
	fs := a5_28.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r1_superseded_procedure_only if {
	newer := object.union(_proc, {
		"id": "proc-evidence-2", "version": "2.0.0", "supersedes": "Document/proc-evidence",
		"approvals": [],
	})
	fs := a5_28.findings with input as _input({"Document": {"proc-evidence": _proc, "proc-evidence-2": newer}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_item_without_custodian if {
	items := [{"sha256": "ab12", "collected_on": "2026-05-07T23:00:00Z"}]
	inc := object.union(object.remove(_inc, ["evidence_handling"]), {"evidence_handling": {
		"legal_hold": true,
		"items": items,
	}})
	fs := a5_28.findings with input as _input({"Incident": {"inc-1": inc}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#evidence_handling.items.0"]
	f.message == concat("", [
		"Incident/inc-1: evidence item 0 under legal hold lacks custodian: record it so the chain of custody ",
		"holds",
	])
}

test_fail_r2_no_items if {
	inc := object.union(object.remove(_inc, ["evidence_handling"]), {"evidence_handling": {"legal_hold": true}})
	fs := a5_28.findings with input as _input({"Incident": {"inc-1": inc}})
	some f in fs
	f.rule == "R2"
	f.refs == ["Incident/inc-1#evidence_handling.items"]
}

test_pass_r2_no_legal_hold_not_exercised if {
	inc := object.union(object.remove(_inc, ["evidence_handling"]), {"evidence_handling": {"legal_hold": false}})
	fs := a5_28.findings with input as _input({"Incident": {"inc-1": inc}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_no_capability if {
	fs := a5_28.findings with input as _input({"Supplier": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r3_supplier_ended if {
	ended := object.union(_dfir, {"relationship": {"end_on": "2026-06-30"}})
	fs := a5_28.findings with input as _input({"Supplier": {"dfir": ended}})
	_outcomes("R3", fs) == {"fail"}
}

test_pass_r3_trained_role_holder if {
	fs := a5_28.findings with input as _input({
		"Supplier": {}, "Person": {"miriam": _analyst},
		"TrainingRecord": {"tr-1": _ir_course},
	})
	some f in fs
	f.rule == "R3"
	f.outcome == "pass"
	f.refs == ["Person/miriam"]
}

test_fail_r3_role_holder_training_expired if {
	old := object.union(_ir_course, {"completed_on": "2025-11-29"})
	fs := a5_28.findings with input as _input({
		"Supplier": {}, "Person": {"miriam": _analyst},
		"TrainingRecord": {"tr-1": old},
	})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms", "Person/miriam"]
}

test_pass_r3_role_competence_course if {
	role := {
		"kind": "Role", "id": "forensics", "responsibilities": ["collect evidence"], "min_holders": 1, "privileged": false,
		"required_competences": [{"course": "Document/course-forensics", "renew_days": 730}],
	}
	course := object.union(_ir_course, {
		"course": "Document/course-forensics", "course_type": "role-other",
		"completed_on": "2025-06-01",
	})
	fs := a5_28.findings with input as _input({
		"Supplier": {}, "Person": {"miriam": _analyst}, "Role": {"forensics": role},
		"TrainingRecord": {"tr-1": course},
	})
	_outcomes("R3", fs) == {"pass"}
}
