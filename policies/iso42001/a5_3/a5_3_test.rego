package annexa.iso42001.a5_3_test

import data.annexa.iso42001.a5_3
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "aiia_review_days": 365, "aiia_retention_days": 1825}

_lena := {
	"kind": "Person", "id": "lena", "start_date": "2021-03-01",
	"roles": [{"role": "Role/ai-impact-approver", "from": "2025-03-03"}],
}

_emre := {
	"kind": "Person",
	"id": "emre",
	"start_date": "2024-03-01",
	"roles": [{"role": "Role/aims-owner", "from": "2025-03-03"}],
}

_bot := {
	"kind": "AISystem", "id": "bot",
	"lifecycle": [{"stage": "design", "from": "2025-01-01"}, {"stage": "operation", "from": "2025-06-01"}],
	"deployment_contexts": [
		{"context": "eu-support", "from": "2025-06-01"},
		{"context": "us-support", "from": "2026-05-01"},
	],
	"impact_assessment": "AIImpactAssessment/aiia-3",
}

_model(id, version, deployed, extra) := object.union(
	{
		"kind": "ModelRecord", "id": id, "ai_system": "AISystem/bot", "model_version": version,
		"deployment": {"deployed_on": deployed, "environment": "prod"},
	},
	extra,
)

_chg_m2 := {
	"kind": "ChangeRecord", "id": "chg-m2", "change_class": "ai-model", "systems": ["AISystem/bot"],
	"significant": true, "deployed_on": "2026-04-01T09:00:00Z",
}

_approved(on) := [{"by": "Person/lena", "on": on, "decision": "approved"}]

_aiia(id, extra) := object.union(
	{"kind": "AIImpactAssessment", "id": id, "ai_system": "AISystem/bot", "method": "Document/proc"},
	extra,
)

_aiia1 := _aiia(
	"aiia-1",
	{
		"trigger": "initial",
		"system_version": "1.0.0",
		"performed_on": "2025-05-01",
		"approvals": _approved("2025-05-10"),
	},
)

_aiia2 := _aiia("aiia-2", {
	"trigger": "significant-change", "trigger_ref": "ChangeRecord/chg-m2", "system_version": "2.0.0",
	"performed_on": "2026-03-10", "approvals": _approved("2026-03-20"), "next_review_on": "2027-03-10",
})

_aiia3 := _aiia(
	"aiia-3",
	{
		"trigger": "new-context",
		"system_version": "2.0.0",
		"performed_on": "2026-04-15",
		"approvals": _approved("2026-04-20"),
	},
)

# a system retired in 2025 whose assessment (approved before the approver role existed) is still kept.
_old := {
	"kind": "AISystem", "id": "old",
	"lifecycle": [
		{"stage": "design", "from": "2022-01-01"},
		{"stage": "operation", "from": "2022-06-01"},
		{"stage": "retired", "from": "2025-01-01"},
	],
}

_aiia_old := object.union(
	_aiia(
		"aiia-old",
		{
			"trigger": "initial",
			"system_version": "1",
			"performed_on": "2022-03-01",
			"approvals": _approved("2022-03-05"),
		},
	),
	{"ai_system": "AISystem/old"},
)

_bot_aiias := {"aiia-1": _aiia1, "aiia-2": _aiia2, "aiia-3": _aiia3}

_records := {
	"Person": {"lena": _lena, "emre": _emre},
	"AISystem": {"bot": _bot, "old": _old},
	"ModelRecord": {
		"m1": _model("m1", "1.0.0", "2025-06-01", {}),
		"m2": _model("m2", "2.0.0", "2026-04-01T09:00:00Z", {"deployment": {"change": "ChangeRecord/chg-m2"}}),
		"m21": _model("m21", "2.1.0", "2026-07-01", {}),
	},
	"ChangeRecord": {"chg-m2": _chg_m2},
	"AIImpactAssessment": {"aiia-1": _aiia1, "aiia-2": _aiia2, "aiia-3": _aiia3, "aiia-old": _aiia_old},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with(kind, id, record) := {kind: object.union(object.remove(_records[kind], [id]), {id: record})}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a5_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_population if {
	fs := a5_3.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["AISystem/bot#deployment_contexts.1", "ChangeRecord/chg-m2", "ModelRecord/m2"]
}

# --- R1

test_fail_r1_no_assessment if {
	fs := a5_3.findings with input as _input({"AIImpactAssessment": {"aiia-old": _aiia_old}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/bot"]
	f.message == concat("", [
		"AISystem/bot is at stage operation but has no impact assessment at 2026-11-30: ",
		"assess it and have a holder of Role/ai-impact-approver approve it",
	])
}

test_fail_r1_approved_by_non_holder if {
	by_emre := [{"by": "Person/emre", "on": "2026-04-20", "decision": "approved", "role": "Role/ai-impact-approver"}]
	fs := a5_3.findings with input as _input({"AIImpactAssessment": {
		"aiia-3": object.union(_aiia3, {"approvals": by_emre}),
		"aiia-old": _aiia_old,
	}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"AISystem/bot has impact assessments (AIImpactAssessment/aiia-3) but none is approved by a holder of ",
		"Role/ai-impact-approver at 2026-11-30: have one approved",
	])
}

test_fail_r1_approval_before_role_was_held if {
	early := _aiia(
		"aiia-1",
		{
			"trigger": "initial",
			"system_version": "1.0.0",
			"performed_on": "2025-01-01",
			"approvals": _approved("2025-03-02"),
		},
	)
	fs := a5_3.findings with input as _input({"AIImpactAssessment": {"aiia-1": early, "aiia-old": _aiia_old}})
	count(_fails("R1", fs)) == 1
}

test_fail_r1_approval_after_as_of if {
	late := object.union(_aiia3, {"approvals": _approved("2026-12-01")})
	fs := a5_3.findings with input as _input({"AIImpactAssessment": {"aiia-3": late, "aiia-old": _aiia_old}})
	count(_fails("R1", fs)) == 1
}

test_r1_skips_inception_systems if {
	idea := {"kind": "AISystem", "id": "idea", "lifecycle": [{"stage": "inception", "from": "2026-01-01"}]}
	fs := a5_3.findings with input as _input(_with("AISystem", "idea", idea))
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

_chg_prompt := {
	"kind": "ChangeRecord", "id": "chg-prompt", "change_class": "normal", "systems": ["AISystem/bot", "Asset/app"],
	"significant": true, "deployed_on": "2026-09-01T10:00:00Z",
}

test_fail_r2_significant_change_uncovered if {
	fs := a5_3.findings with input as _input(_with("ChangeRecord", "chg-prompt", _chg_prompt))
	some f in _fails("R2", fs)
	f.refs == ["ChangeRecord/chg-prompt"]
	f.message == concat("", [
		"ChangeRecord/chg-prompt (significant change of AISystem/bot, live 2026-09-01) is covered by no approved impact ",
		"assessment: link one (trigger_ref, system_version)",
	])
}

test_fail_r2_covered_but_approved_after_go_live if {
	late := _aiia("aiia-4", {
		"trigger": "significant-change", "trigger_ref": "ChangeRecord/chg-prompt", "system_version": "2.1.0",
		"performed_on": "2026-08-25", "approvals": _approved("2026-09-02"),
	})
	fs := a5_3.findings with input as _input(object.union(
		_with("ChangeRecord", "chg-prompt", _chg_prompt),
		_with("AIImpactAssessment", "aiia-4", late),
	))
	some f in _fails("R2", fs)
	f.message == concat("", [
		"ChangeRecord/chg-prompt (significant change of AISystem/bot, live 2026-09-01) is covered by ",
		"AIImpactAssessment/aiia-4, first approved on 2026-09-02, after go-live: approve before go-live",
	])
}

test_pass_r2_approved_on_go_live_day if {
	same_day := _aiia("aiia-4", {
		"trigger": "significant-change", "trigger_ref": "ChangeRecord/chg-prompt", "system_version": "2.1.0",
		"performed_on": "2026-08-25", "approvals": _approved("2026-09-01"),
	})
	fs := a5_3.findings with input as _input(object.union(
		_with("ChangeRecord", "chg-prompt", _chg_prompt),
		_with("AIImpactAssessment", "aiia-4", same_day),
	))
	_outcomes("R2", fs) == {"pass"}
}

test_r2_ignores_changes_outside_lookback_and_not_live if {
	old := object.union(_chg_prompt, {"deployed_on": "2025-11-29"})
	planned := object.union(object.remove(_chg_prompt, ["deployed_on"]), {"id": "chg-planned"})
	minor := object.union(_chg_prompt, {"id": "chg-minor", "significant": false})
	fs := a5_3.findings with input as _input({"ChangeRecord": {
		"chg-m2": _chg_m2, "chg-prompt": old,
		"chg-planned": planned, "chg-minor": minor,
	}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_go_live_on_is_used_without_deployed_on if {
	project := object.union(object.remove(_chg_prompt, ["deployed_on"]), {"go_live_on": "2026-10-01"})
	fs := a5_3.findings with input as _input(_with("ChangeRecord", "chg-prompt", project))
	some f in _fails("R2", fs)
	contains(f.message, "live 2026-10-01")
}

test_fail_r2_new_major_model_version_uncovered if {
	fs := a5_3.findings with input as _input(_with("ModelRecord", "m3", _model("m3", "3.0.0", "2026-10-01", {})))
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/m3"]
	contains(f.message, "(new major model version 3.0.0 of AISystem/bot, live 2026-10-01)")
}

test_pass_r2_major_version_covered_by_same_major if {
	aiia := _aiia(
		"aiia-5",
		{
			"trigger": "significant-change",
			"system_version": "3",
			"performed_on": "2026-09-01",
			"approvals": _approved("2026-09-10"),
		},
	)
	fs := a5_3.findings with input as _input(object.union(
		_with("ModelRecord", "m3", _model("m3", "3.0.0", "2026-10-01", {})),
		_with("AIImpactAssessment", "aiia-5", aiia),
	))
	_outcomes("R2", fs) == {"pass"}
}

test_r2_staging_deployment_is_not_a_change if {
	staging := _model("m3", "3.0.0", "2026-10-01", {"deployment": {"environment": "staging"}})
	fs := a5_3.findings with input as _input(_with("ModelRecord", "m3", staging))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_new_context_uncovered if {
	bot := object.union(_bot, {"deployment_contexts": [
		{"context": "eu-support", "from": "2025-06-01"},
		{"context": "us-support", "from": "2026-05-01"},
		{"context": "apac-support", "from": "2026-10-01"},
	]})
	fs := a5_3.findings with input as _input(_with("AISystem", "bot", bot))
	some f in _fails("R2", fs)
	f.refs == ["AISystem/bot#deployment_contexts.2"]
	contains(f.message, "(new deployment context apac-support of AISystem/bot, live 2026-10-01)")
}

# --- R3

test_fail_r3_assessment_too_old if {
	fs := a5_3.findings with input as _input({
		"AIImpactAssessment": {"aiia-1": _aiia1, "aiia-old": _aiia_old},
		"ModelRecord": {},
		"ChangeRecord": {},
		"AISystem": {"bot": object.remove(_bot, ["deployment_contexts"]), "old": _old},
	})
	some f in _fails("R3", fs)
	f.refs == ["AIImpactAssessment/aiia-1"]
	f.message == concat("", [
		"AIImpactAssessment/aiia-1, latest approved impact assessment of AISystem/bot, performed on 2025-05-01, ",
		"was due for renewal on 2026-05-01 (aiia_review_days=365): reassess",
	])
}

test_fail_r3_next_review_on_passed if {
	early := object.union(_aiia3, {"next_review_on": "2026-11-01"})
	fs := a5_3.findings with input as _input(_with("AIImpactAssessment", "aiia-3", early))
	some f in _fails("R3", fs)
	contains(f.message, "due for renewal on 2026-11-01 (its next_review_on 2026-11-01)")
}

test_r3_at_risk_on_the_boundary if {
	edge := object.union(
		_aiia3,
		{"performed_on": "2025-11-30", "approvals": _approved("2025-12-01"), "trigger": "periodic"},
	)
	fs := a5_3.findings with input as _input({
		"AIImpactAssessment": {"aiia-3": edge, "aiia-old": _aiia_old},
		"ModelRecord": {},
		"ChangeRecord": {},
		"AISystem": {"bot": object.remove(_bot, ["deployment_contexts"]), "old": _old},
	})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

# --- R4

test_fail_r4_retired_system_lost_its_assessments if {
	fs := a5_3.findings with input as _input({"AIImpactAssessment": _bot_aiias})
	some f in _fails("R4", fs)
	f.refs == ["AISystem/old"]
	f.message == concat("", [
		"AISystem/old was retired on 2025-01-01; keep its impact assessments until 2029-12-31 ",
		"(aiia_retention_days=1825), but none is left: restore them",
	])
}

test_fail_r4_dangling_impact_assessment_reference if {
	old := object.union(_old, {"impact_assessment": "AIImpactAssessment/aiia-old-2"})
	fs := a5_3.findings with input as _input(_with("AISystem", "old", old))
	some f in _fails("R4", fs)
	f.refs == ["AISystem/old#impact_assessment"]
}

test_fail_r4_dangling_supersedes if {
	kept := object.union(_aiia_old, {"supersedes": "AIImpactAssessment/aiia-old-0"})
	fs := a5_3.findings with input as _input(_with("AIImpactAssessment", "aiia-old", kept))
	some f in _fails("R4", fs)
	f.refs == ["AIImpactAssessment/aiia-old#supersedes"]
}

test_r4_retention_period_over if {
	gone := object.union(
		_old,
		{"lifecycle": [{"stage": "design", "from": "2018-01-01"}, {"stage": "retired", "from": "2021-11-29"}]},
	)
	fs := a5_3.findings with input as _input({
		"AISystem": {"bot": _bot, "old": gone},
		"AIImpactAssessment": {"aiia-1": _aiia1, "aiia-2": _aiia2, "aiia-3": _aiia3},
	})
	_outcomes("R4", fs) == {"not_exercised"}
}

test_fail_r4_last_day_of_retention if {
	edge := object.union(
		_old,
		{"lifecycle": [{"stage": "design", "from": "2018-01-01"}, {"stage": "retired", "from": "2021-12-01"}]},
	)
	fs := a5_3.findings with input as _input({
		"AISystem": {"bot": _bot, "old": edge},
		"AIImpactAssessment": {"aiia-1": _aiia1, "aiia-2": _aiia2, "aiia-3": _aiia3},
	})
	count(_fails("R4", fs)) == 1
}

test_r4_system_retired_before_design_is_not_counted if {
	idea := {
		"kind": "AISystem",
		"id": "old",
		"lifecycle": [{"stage": "inception", "from": "2024-01-01"}, {"stage": "retired", "from": "2024-06-01"}],
	}
	fs := a5_3.findings with input as _input({
		"AISystem": {"bot": _bot, "old": idea},
		"AIImpactAssessment": {"aiia-1": _aiia1, "aiia-2": _aiia2, "aiia-3": _aiia3},
	})
	_outcomes("R4", fs) == {"not_exercised"}
}
