package annexa.iso42001.c8_4_test

import data.annexa.iso42001.c8_4
import rego.v1

_params := {"aiia_review_days": 365, "aiia_retention_days": 1825, "lookback_days": 365, "at_risk_days": 7}

_system := {
	"kind": "AISystem", "id": "triage", "systems": ["aims"],
	"lifecycle": [{"stage": "design", "from": "2025-01-01"}, {"stage": "operation", "from": "2025-06-01"}],
	"impact_assessment": "AIImpactAssessment/aiia-1",
	"deployment_contexts": [{"context": "eu-customers", "from": "2025-06-01"}],
}

_aiia := {
	"kind": "AIImpactAssessment", "id": "aiia-1", "ai_system": "AISystem/triage", "system_version": "1.0.0",
	"trigger": "initial", "performed_on": "2026-03-01", "next_review_on": "2027-03-01",
	"approvals": [{"by": "Person/lena", "on": "2026-03-05", "decision": "approved"}],
}

# The first production model: a new major version, covered by aiia-1 (same major, approved before).
_model := {
	"kind": "ModelRecord", "id": "triage-1.0.0", "ai_system": "AISystem/triage", "model_version": "1.0.0",
	"deployment": {"change": "ChangeRecord/chg-1", "deployed_on": "2026-03-10T06:30:00Z", "environment": "prod"},
}

_records := {
	"Person": {
		"lena": {
			"kind": "Person", "id": "lena", "start_date": "2020-01-01",
			"roles": [{"role": "Role/ai-impact-approver", "from": "2025-01-01"}],
		},
		"ivan": {"kind": "Person", "id": "ivan", "start_date": "2020-01-01"},
	},
	"AISystem": {"triage": _system},
	"AIImpactAssessment": {"aiia-1": _aiia},
	"ModelRecord": {"triage-1.0.0": _model},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_aiia(patch) := _input({"AIImpactAssessment": {"aiia-1": object.union(_aiia, patch)}})

_plus(kind, id, record) := object.union(_input({}), {"records": {kind: {id: record}}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c8_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_population_is_the_new_major_version if {
	fs := c8_4.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["ModelRecord/triage-1.0.0"]
}

# --- R1

test_fail_r1_assessment_overdue if {
	fs := c8_4.findings with input as _with_aiia({
		"performed_on": "2025-11-29", "next_review_on": "2026-12-31",
		"approvals": [{"by": "Person/lena", "on": "2025-12-01", "decision": "approved"}],
	})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["AIImpactAssessment/aiia-1"]
	f.message == concat("", [
		"AIImpactAssessment/aiia-1, the latest approved impact assessment of AISystem/triage (performed 2025-11-29), ",
		"was due for renewal on 2026-11-29 (aiia_review_days = 365): reassess the system and have the assessment approved",
	])
}

test_fail_r1_own_next_review_passed if {
	fs := c8_4.findings with input as _with_aiia({"next_review_on": "2026-11-01"})
	some f in _failures("R1", fs)
	contains(f.message, "was due for renewal on 2026-11-01 (its next_review_on 2026-11-01)")
}

test_r1_renewal_due_soon if {
	fs := c8_4.findings with input as _with_aiia({"next_review_on": "2026-12-03"})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_fail_r1_approver_without_role if {
	inp := _with_aiia({"approvals": [{"by": "Person/ivan", "on": "2026-03-05", "decision": "approved"}]})
	fs := c8_4.findings with input as inp
	some f in _failures("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage is at stage operation but has no impact assessment approved by a holder of ",
		"Role/ai-impact-approver (assessments: AIImpactAssessment/aiia-1): assess it and have the assessment approved",
	])
}

test_fail_r1_no_assessment if {
	fs := c8_4.findings with input as _input({"AIImpactAssessment": {}})
	some f in _failures("R1", fs)
	contains(f.message, "(assessments: none)")
}

test_pass_r1_system_in_inception_ignored if {
	idea := {"kind": "AISystem", "id": "idea", "lifecycle": [{"stage": "inception", "from": "2026-10-01"}]}
	fs := c8_4.findings with input as _plus("AISystem", "idea", idea)
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_approved_after_go_live if {
	inp := _with_aiia({"approvals": [{"by": "Person/lena", "on": "2026-03-12", "decision": "approved"}]})
	fs := c8_4.findings with input as inp
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ModelRecord/triage-1.0.0"]
	f.message == concat("", [
		"ModelRecord/triage-1.0.0 (new major model version 1.0.0 of AISystem/triage, live 2026-03-10) is covered by ",
		"AIImpactAssessment/aiia-1, first approved on 2026-03-12, after it went live: ",
		"have the assessment approved before go-live",
	])
}

test_pass_r2_approved_on_go_live_day if {
	inp := _with_aiia({"approvals": [{"by": "Person/lena", "on": "2026-03-10", "decision": "approved"}]})
	fs := c8_4.findings with input as inp
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_new_major_version_uncovered if {
	v2 := object.union(
		_model,
		{
			"id": "triage-2.0.0",
			"model_version": "2.0.0",
			"deployment": {"change": "ChangeRecord/chg-2", "deployed_on": "2026-06-16T06:30:00Z"},
		},
	)
	fs := c8_4.findings with input as _plus("ModelRecord", "triage-2.0.0", v2)
	some f in _failures("R2", fs)
	f.refs == ["ModelRecord/triage-2.0.0"]
	contains(f.message, "is covered by no approved impact assessment")
}

test_pass_r2_minor_version_is_no_event if {
	v11 := object.union(
		_model,
		{
			"id": "triage-1.1.0",
			"model_version": "1.1.0",
			"deployment": {"change": "ChangeRecord/chg-2", "deployed_on": "2026-06-16T06:30:00Z"},
		},
	)
	fs := c8_4.findings with input as _plus("ModelRecord", "triage-1.1.0", v11)
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_test_deployment_is_no_event if {
	v2 := object.union(
		_model,
		{
			"id": "triage-2.0.0",
			"model_version": "2.0.0",
			"deployment": {"change": "ChangeRecord/chg-2", "deployed_on": "2026-06-16T06:30:00Z", "environment": "test"},
		},
	)
	fs := c8_4.findings with input as _plus("ModelRecord", "triage-2.0.0", v2)
	_outcomes("R2", fs) == {"pass"}
}

_change := {
	"kind": "ChangeRecord", "id": "chg-9", "change_class": "ai-model", "systems": ["AISystem/triage"],
	"author": "Person/ivan", "deployed_on": "2026-07-01T08:00:00Z", "significant": true,
}

test_fail_r2_significant_change_uncovered if {
	fs := c8_4.findings with input as _plus("ChangeRecord", "chg-9", _change)
	some f in _failures("R2", fs)
	f.refs == ["ChangeRecord/chg-9"]
	contains(f.message, "(significant change of AISystem/triage, live 2026-07-01)")
}

test_pass_r2_significant_change_covered_by_trigger_ref if {
	aiia2 := object.union(_aiia, {
		"id": "aiia-2", "trigger": "significant-change", "trigger_ref": "ChangeRecord/chg-9", "performed_on": "2026-06-20",
		"approvals": [{"by": "Person/lena", "on": "2026-06-25", "decision": "approved"}],
	})
	inp := object.union(_plus("ChangeRecord", "chg-9", _change), {"records": {"AIImpactAssessment": {"aiia-2": aiia2}}})
	fs := c8_4.findings with input as inp
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_new_deployment_context if {
	sys := object.union(_system, {"deployment_contexts": [
		{"context": "eu-customers", "from": "2025-06-01"},
		{"context": "us-customers", "from": "2026-08-01"},
	]})
	fs := c8_4.findings with input as _input({"AISystem": {"triage": sys}})
	some f in _failures("R2", fs)
	f.refs == ["AISystem/triage#deployment_contexts.1"]
	contains(f.message, "(new deployment context us-customers of AISystem/triage, live 2026-08-01)")
}

test_pass_r2_new_context_covered if {
	sys := object.union(_system, {"deployment_contexts": [
		{"context": "eu-customers", "from": "2025-06-01"},
		{"context": "us-customers", "from": "2026-08-01"},
	]})
	aiia2 := object.union(_aiia, {
		"id": "aiia-2", "trigger": "new-context", "performed_on": "2026-07-15",
		"approvals": [{"by": "Person/lena", "on": "2026-07-20", "decision": "approved"}],
	})
	inp := _input({"AISystem": {"triage": sys}, "AIImpactAssessment": {"aiia-1": _aiia, "aiia-2": aiia2}})
	fs := c8_4.findings with input as inp
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

test_fail_r3_impact_assessment_reference_dangles if {
	inp := _input({"AISystem": {"triage": object.union(_system, {"impact_assessment": "AIImpactAssessment/gone"})}})
	fs := c8_4.findings with input as inp
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["AISystem/triage#impact_assessment"]
	f.message == concat("", [
		"AISystem/triage names impact assessment AIImpactAssessment/gone, which is not in the bundle: ",
		"restore it or fix the reference",
	])
}

test_fail_r3_superseded_assessment_deleted if {
	fs := c8_4.findings with input as _with_aiia({"supersedes": "AIImpactAssessment/aiia-0"})
	some f in _failures("R3", fs)
	f.refs == ["AIImpactAssessment/aiia-1#supersedes"]
}

test_fail_r3_retired_system_without_assessments if {
	old := {
		"kind": "AISystem", "id": "old", "lifecycle": [
			{"stage": "design", "from": "2022-01-01"}, {"stage": "operation", "from": "2022-06-01"},
			{"stage": "retired", "from": "2026-01-31"},
		],
	}
	fs := c8_4.findings with input as _plus("AISystem", "old", old)
	_outcomes("R1", fs) == {"pass"}
	some f in _failures("R3", fs)
	f.refs == ["AISystem/old"]
	contains(f.message, "was retired on 2026-01-31, but none of its impact assessments is left")
}

test_pass_r3_retired_long_ago_ignored if {
	old := {
		"kind": "AISystem", "id": "old", "lifecycle": [
			{"stage": "design", "from": "2015-01-01"}, {"stage": "retired", "from": "2020-01-31"},
		],
	}
	fs := c8_4.findings with input as _plus("AISystem", "old", old)
	_outcomes("R3", fs) == {"pass"}
}
