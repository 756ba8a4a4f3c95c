package annexa.iso42001.a5_4_test

import data.annexa.iso42001.a5_4
import rego.v1

_params := {"aiia_individual_dimensions": ["fairness", "privacy", "safety"]}

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
	"affected_groups": [{"group": "agents", "vulnerable": false}, {"group": "requesters in distress", "vulnerable": true}],
	"impacts": [
		_impact("fairness", "group", "medium", []),
		_impact("privacy", "individual", "high", ["RiskTreatment/rt-1"]),
		_impact("environment", "societal", "high", []),
	],
	"not_relevant": [{"dimension": "safety", "rationale": "no physical actuation"}],
	"conclusion": "proceed",
	"approvals": [{"by": "Person/lena", "on": "2026-04-14", "decision": "approved"}],
}

# an older approved assessment that would fail every rule: the current one is judged
_old := {
	"kind": "AIImpactAssessment", "id": "aiia-v1", "ai_system": "AISystem/bot", "system_version": "1.0.0",
	"trigger": "initial", "method": "Document/proc-aiia", "performed_on": "2025-07-15",
	"affected_groups": [{"group": "agents"}], "impacts": [_impact("privacy", "individual", "high", [])],
	"conclusion": "proceed",
	"approvals": [{"by": "Person/lena", "on": "2025-07-22", "decision": "approved"}],
}

_records := {
	"AISystem": {"bot": _system},
	"Person": {"lena": _lena},
	"AIImpactAssessment": {"aiia-v2": _aiia, "aiia-v1": _old},
	"RiskTreatment": {"rt-1": {"kind": "RiskTreatment", "id": "rt-1", "risk": "Risk/r-1"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with(patch) := {"AIImpactAssessment": {"aiia-v2": object.union(_aiia, patch), "aiia-v1": _old}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a5_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_population_is_current_assessment if {
	fs := a5_4.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["AIImpactAssessment/aiia-v2"]
}

test_pass_unapproved_newer_assessment_not_current if {
	draft := object.union(_old, {"id": "aiia-v3", "performed_on": "2026-10-01", "approvals": []})
	fs := a5_4.findings with input as _input({"AIImpactAssessment": {"aiia-v2": _aiia, "aiia-v1": _old, "aiia-v3": draft}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R1

test_fail_r1_dimension_missing if {
	fs := a5_4.findings with input as _input(_with({"not_relevant": []}))
	some f in _fails("R1", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts"]
	f.message == concat("", [
		"AIImpactAssessment/aiia-v2 (of AISystem/bot) neither assesses nor rules out safety for individuals or ",
		"groups (aiia_individual_dimensions): complete it",
	])
}

test_fail_r1_societal_level_does_not_count if {
	impacts := [
		_impact("fairness", "societal", "medium", []),
		_impact("privacy", "individual", "high", ["RiskTreatment/rt-1"]),
	]
	fs := a5_4.findings with input as _input(_with({"impacts": impacts}))
	some f in _fails("R1", fs)
	contains(f.message, "rules out fairness for")
}

test_fail_r1_rationale_empty if {
	fs := a5_4.findings with input as _input(_with({"not_relevant": [{"dimension": "safety", "rationale": " "}]}))
	some f in _fails("R1", fs)
	contains(f.message, "rules out safety")
}

# --- R2

test_fail_r2_vulnerable_not_set if {
	fs := a5_4.findings with input as _input(_with({"affected_groups": [{"group": "agents"}]}))
	some f in _fails("R2", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#affected_groups.0"]
	f.message == concat("", [
		"affected group \"agents\" of AIImpactAssessment/aiia-v2 does not say whether it is vulnerable: ",
		"set vulnerable to true or false",
	])
}

test_fail_r2_no_groups if {
	fs := a5_4.findings with input as _input(_with({"affected_groups": []}))
	some f in _fails("R2", fs)
	f.refs == ["AIImpactAssessment/aiia-v2"]
}

# --- R3

test_fail_r3_high_impact_untreated if {
	fs := a5_4.findings with input as _input({"RiskTreatment": {}})
	some f in _fails("R3", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts.1"]
	f.message == concat("", [
		"the high privacy impact (individual) in AIImpactAssessment/aiia-v2 lists no existing RiskTreatment ",
		"and no linked Risk is accepted at 2026-11-30: treat or accept it",
	])
}

test_fail_r3_dangling_mitigation if {
	fs := a5_4.findings with input as _input({"RiskTreatment": {}})
	some f in _fails("R3", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts.1.mitigations.0"]
}

_risk(expires) := {
	"kind": "Risk", "id": "r-1", "domain": "ai",
	"acceptance": {"accepted_by": "Person/emre", "on": "2026-04-13", "expires_on": expires},
}

test_pass_r3_accepted_linked_risk if {
	impacts := [_impact("fairness", "group", "high", []), _impact("privacy", "individual", "low", [])]
	extra := object.union(
		_with({"impacts": impacts, "linked_risks": ["Risk/r-1"]}),
		{"Risk": {"r-1": _risk("2027-04-13")}},
	)
	fs := a5_4.findings with input as _input(extra)
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_acceptance_expired if {
	impacts := [_impact("fairness", "group", "high", []), _impact("privacy", "individual", "low", [])]
	extra := object.union(
		_with({"impacts": impacts, "linked_risks": ["Risk/r-1"]}),
		{"Risk": {"r-1": _risk("2026-11-29")}},
	)
	fs := a5_4.findings with input as _input(extra)
	some f in _fails("R3", fs)
	f.refs == ["AIImpactAssessment/aiia-v2#impacts.0"]
}

test_pass_r3_acceptance_expiring_on_as_of if {
	impacts := [_impact("fairness", "group", "high", []), _impact("privacy", "individual", "low", [])]
	extra := object.union(
		_with({"impacts": impacts, "linked_risks": ["Risk/r-1"]}),
		{"Risk": {"r-1": _risk("2026-11-30")}},
	)
	fs := a5_4.findings with input as _input(extra)
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_societal_high_belongs_to_a5_5 if {
	fs := a5_4.findings with input as _input({})
	some f in fs
	f.rule == "R3"
	f.refs == ["AIImpactAssessment/aiia-v2#impacts.1"]
}
