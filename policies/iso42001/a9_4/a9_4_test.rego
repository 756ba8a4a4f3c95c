package annexa.iso42001.a9_4_test

import data.annexa.iso42001.a9_4
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7, "intended_use_review_days": 180,
	"attestation_max_days": 365, "attestation_sod": false,
}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/sofia", "risk_tier": "limited",
	"intended_use": "Routing aid for agents",
	"out_of_scope_uses": ["ranking agents"],
	"lifecycle": [{"stage": "design", "from": "2025-09-01"}, {"stage": "operation", "from": "2026-01-10"}],
	"deployment_contexts": [
		{"context": "saas-eu", "from": "2026-01-10"},
		{"context": "own-desk", "from": "2026-01-10"},
		{"context": "saas-uk", "from": "2026-07-01"},
	],
}

_aiia(id, day) := {
	"kind": "AIImpactAssessment", "id": id, "ai_system": "AISystem/triage", "system_version": "2",
	"trigger": "initial", "method": "Document/proc-aiia", "performed_on": day, "conclusion": "proceed",
	"affected_groups": [{"group": "requesters", "vulnerable": false}], "impacts": [],
}

_review := {
	"kind": "Activity", "id": "iu-2026-11", "activity_type": "intended-use-review",
	"subject_refs": ["AISystem/triage"], "performed_by": "Person/emre", "performed_on": "2026-11-12", "outcome": "ok",
}

_records := {
	"AISystem": {"triage": _system},
	"AIImpactAssessment": {"v1": _aiia("v1", "2025-12-15"), "v2": _aiia("v2", "2026-06-20")},
	"Activity": {"iu-2026-11": _review},
	"Person": {"emre": {
		"kind": "Person", "id": "emre", "employment_type": "employee", "start_date": "2024-03-01",
		"roles": [{"role": "Role/aims-owner", "from": "2025-03-03"}],
	}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

_attestation(valid_until) := {
	"kind": "Attestation", "id": "att-iu", "controls": ["iso42001:A.9.4"],
	"statement": "Use stays within the intended purpose", "scope": ["AISystem/triage"],
	"attested_by": "Person/emre", "role": "Role/aims-owner", "attested_on": "2026-06-01", "valid_until": valid_until,
}

test_pass_all_rules if {
	fs := a9_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R2"
	f.refs == [
		"AISystem/triage#deployment_contexts.0", "AISystem/triage#deployment_contexts.1",
		"AISystem/triage#deployment_contexts.2",
	]
}

test_pass_owner_attestation_instead_of_review if {
	fs := a9_4.findings with input as _input({"Activity": {}, "Attestation": {"att-iu": _attestation("2027-05-31")}})
	_outcomes("R3", fs) == {"pass"}
	some f in fs
	f.rule == "R3"
	f.refs == ["AISystem/triage", "Attestation/att-iu"]
}

# --- R1

test_fail_r1_no_out_of_scope_uses if {
	sys := object.remove(_system, ["out_of_scope_uses"])
	fs := a9_4.findings with input as _input({"AISystem": {"triage": sys}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage (stage operation) does not record out_of_scope_uses: state what it is for, what it must ",
		"not be used for and where it is used",
	])
}

test_fail_r1_deployed_without_contexts if {
	sys := object.remove(_system, ["deployment_contexts"])
	fs := a9_4.findings with input as _input({"AISystem": {"triage": sys}})
	some f in _fails("R1", fs)
	contains(f.message, "does not record deployment_contexts")
}

test_pass_r1_design_stage_needs_no_contexts if {
	sys := object.union(object.remove(_system, ["deployment_contexts"]), {"lifecycle": [{
		"stage": "design",
		"from": "2025-09-01",
	}]})
	fs := a9_4.findings with input as _input({"AISystem": {"triage": sys}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_added_context_not_assessed if {
	fs := a9_4.findings with input as _input({"AIImpactAssessment": {"v1": _aiia("v1", "2025-12-15")}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#deployment_contexts.2"]
	f.message == concat("", [
		"AISystem/triage#deployment_contexts.2 (a deployment context of AISystem/triage from 2026-07-01) has no ",
		"impact assessment performed after the previous context began (2026-01-10) and on or before that day: ",
		"assess the new context before use begins",
	])
}

test_fail_r2_first_context_not_assessed if {
	fs := a9_4.findings with input as _input({"AIImpactAssessment": {"v2": _aiia("v2", "2026-06-20")}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#deployment_contexts.0"]
	contains(f.message, "has no impact assessment performed on or before that day")
}

test_pass_r2_assessment_on_the_start_day if {
	fs := a9_4.findings with input as _input({"AIImpactAssessment": {
		"v1": _aiia("v1", "2026-01-10"),
		"v2": _aiia("v2", "2026-07-01"),
	}})
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

test_fail_r3_no_review_no_attestation if {
	old := object.union(_review, {"performed_on": "2026-05-28"})
	fs := a9_4.findings with input as _input({"Activity": {"iu-2026-11": old}})
	some f in _fails("R3", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage has no intended-use review within intended_use_review_days=180 (last: 2026-05-28) and no ",
		"current attestation of iso42001:A.9.4 by its owner Person/emre (no Attestation names iso42001:A.9.4): ",
		"review actual use against the intended use",
	])
}

test_fail_r3_attestation_too_long if {
	fs := a9_4.findings with input as _input({"Activity": {}, "Attestation": {"att-iu": _attestation("2027-07-31")}})
	some f in _fails("R3", fs)
	contains(f.message, "is valid for 425 days, more than attestation_max_days (365)")
}

test_pass_r3_review_on_the_boundary_is_at_risk if {
	edge := object.union(_review, {"performed_on": "2026-06-03"})
	fs := a9_4.findings with input as _input({"Activity": {"iu-2026-11": edge}})
	_outcomes("R3", fs) == {"at_risk", "pass"}
}
