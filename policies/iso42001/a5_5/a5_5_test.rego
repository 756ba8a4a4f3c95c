package annexa.iso42001.a5_5_test

import data.annexa.iso42001.a5_5
import rego.v1

_params := {"aiia_societal_dimensions": ["environment", "labour", "public-safety"]}

_system := {
	"kind": "AISystem", "id": "bot", "ai_role": "provider", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "design", "from": "2025-03-17"}, {"stage": "operation", "from": "2025-10-01"}],
}

_lena := {
	"kind": "Person", "id": "lena", "employment_type": "employee", "start_date": "2021-03-01",
	"roles": [{"role": "Role/ai-impact-approver", "from": "2025-03-03"}],
}

_impact(dimension, level, severity, mitigations) := {
	"dimension": dimension, "level": level, "severity": severity, "mitigations": mitigations,
}

_aiia := {
	"kind": "AIImpactAssessment", "id": "aiia-v2", "ai_system": "AISystem/bot", "system_version": "2.0.0",
	"trigger": "significant-change", "method": "Document/proc-aiia", "performed_on": "2026-04-08",
	"affected_groups": [{"group": "agents", "vulnerable": false}],
	"impacts": [
		_impact("environment", "societal", "low", []),
		_impact("labour", "societal", "high", ["RiskTreatment/rt-1"]),
		_impact("privacy", "individual", "high", []),
	],
	"not_relevant": [{"dimension": "public-safety", "rationale": "no physical actuation"}],
	"conclusion": "proceed",
	"approvals": [{"by": "Person/lena", "on": "2026-04-14", "decision": "approved"}],
}

_records := {
	"AISystem": {"bot": _system},
	"Person": {"lena": _lena},
	"AIImpactAssessment": {"aiia-v2": _aiia},
	"RiskTreatment": {"rt-1": {"kind": "RiskTreatment", "id": "rt-1", "risk": "Risk/r-1"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with(patch) := {"AIImpactAssessment": {"aiia-v2": object.union(_aiia, patch)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a5_5.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_not_approved_by_role_holder_is_out_of_scope if {
	ceo := object.union(_lena, {"roles": [{"role": "Role/ceo", "from": "2021-03-01"}]})
	fs := a5_5.findings with input as _input({"Person": {"lena": ceo}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_dimension_missing if {
	fs := a5_5.findings with input as _input(_with({"not_relevant": []}))
	some f in _fails("R1", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts"]
	f.message == concat("", [
		"AIImpactAssessment/aiia-v2 (of AISystem/bot) neither assesses nor rules out the societal impacts ",
		"public-safety (aiia_societal_dimensions): complete it",
	])
}

test_fail_r1_individual_level_does_not_count if {
	impacts := [_impact("environment", "individual", "low", []), _impact("labour", "societal", "low", [])]
	fs := a5_5.findings with input as _input(_with({"impacts": impacts}))
	some f in _fails("R1", fs)
	contains(f.message, "societal impacts environment (")
}

# --- R2

test_fail_r2_high_societal_untreated if {
	fs := a5_5.findings with input as _input({"RiskTreatment": {}})
	some f in _fails("R2", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts.1"]
	f.message == concat("", [
		"the high societal labour impact in AIImpactAssessment/aiia-v2 lists no existing RiskTreatment ",
		"and no linked Risk is accepted at 2026-11-30: treat or accept it",
	])
}

test_fail_r2_dangling_mitigation if {
	impacts := [
		_impact("environment", "societal", "low", []),
		_impact("labour", "societal", "high", ["RiskTreatment/rt-1", "RiskTreatment/rt-9"]),
	]
	fs := a5_5.findings with input as _input(_with({"impacts": impacts}))
	some f in _fails("R2", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts.1.mitigations.1"]
}

test_pass_r2_accepted_risk if {
	risk := {
		"kind": "Risk", "id": "r-1", "domain": "ai",
		"acceptance": {"accepted_by": "Person/emre", "on": "2026-04-13", "expires_on": "2027-04-13"},
	}
	impacts := [_impact("environment", "societal", "high", []), _impact("labour", "societal", "low", [])]
	extra := object.union(_with({"impacts": impacts, "linked_risks": ["Risk/r-1"]}), {"Risk": {"r-1": risk}})
	fs := a5_5.findings with input as _input(extra)
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_residual_acceptable_is_not_acceptance if {
	high := object.union(_impact("environment", "societal", "high", []), {"residual_acceptable": true})
	impacts := [high, _impact("labour", "societal", "low", [])]
	fs := a5_5.findings with input as _input(_with({"impacts": impacts}))
	some f in _fails("R2", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts.0"]
}

test_r2_not_exercised_without_high_societal_impacts if {
	impacts := [_impact("environment", "societal", "low", []), _impact("labour", "societal", "medium", [])]
	fs := a5_5.findings with input as _input(_with({"impacts": impacts}))
	_outcomes("R2", fs) == {"not_exercised"}
}
