package annexa.iso42001.a6_2_5_test

import data.annexa.iso42001.a6_2_5
import rego.v1

_params := {"lookback_days": 365, "aiia_review_days": 365}

_person(id, role) := {
	"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2021-03-01",
	"roles": [{"role": role, "from": "2025-03-03"}],
}

_doc(id, published, approved) := {
	"kind": "Document", "id": id, "doc_type": "plan", "version": "1.0.0", "published_on": published,
	"approvals": [{"by": "Person/emre", "on": approved, "decision": "approved", "version": "1.0.0"}],
}

_result(criterion, day, passed) := {
	"criterion": criterion, "category": "performance", "threshold": 0.9, "value": 0.95, "passed": passed,
	"evaluated_on": day, "evaluator": "Person/sofia",
}

_model := {
	"kind": "ModelRecord", "id": "bot-2.0.0", "ai_system": "AISystem/bot", "model_version": "2.0.0",
	"evaluation": {"plan": "Document/eval-plan", "results": [
		_result("groundedness", "2026-04-15", true),
		_result("harmful", "2026-04-15", true),
	]},
	"release_approval": {"by": "Person/jonas", "role": "Role/ai-release-approver", "on": "2026-04-17"},
	"deployment": {
		"change": "ChangeRecord/chg-2", "deployed_on": "2026-04-21T07:30:00Z", "environment": "prod",
		"rollback_version": "1.0.0", "plan": "Document/deploy-plan",
	},
}

_change := {
	"kind": "ChangeRecord", "id": "chg-2", "change_class": "ai-model", "systems": ["AISystem/bot"],
	"author": "Person/tobias", "deployed_on": "2026-04-21T07:30:00Z", "significant": true,
}

_aiia := {
	"kind": "AIImpactAssessment", "id": "aiia-2", "ai_system": "AISystem/bot", "system_version": "2.0.0",
	"trigger": "significant-change", "trigger_ref": "ChangeRecord/chg-2", "method": "Document/proc-aiia",
	"performed_on": "2026-04-08", "affected_groups": [{"group": "agents", "vulnerable": false}], "impacts": [],
	"conclusion": "proceed", "next_review_on": "2027-04-08",
	"approvals": [{"by": "Person/lena", "on": "2026-04-14", "decision": "approved"}],
}

_records := {
	"ModelRecord": {"bot-2.0.0": _model},
	"ChangeRecord": {"chg-2": _change},
	"AIImpactAssessment": {"aiia-2": _aiia},
	"Document": {
		"eval-plan": _doc("eval-plan", "2026-03-25", "2026-03-24"),
		"deploy-plan": _doc("deploy-plan", "2026-02-02", "2026-01-30"),
	},
	"Person": {
		"lena": _person("lena", "Role/ai-impact-approver"),
		"jonas": _person("jonas", "Role/ai-release-approver"),
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_model(patch) := {"ModelRecord": {"bot-2.0.0": object.union(_model, patch)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_2_5.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_staging_deployment_not_judged if {
	fs := a6_2_5.findings with input as _input(_with_model({"deployment": {"environment": "staging"}}))
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_no_release_approval if {
	fs := a6_2_5.findings with input as _input({"ModelRecord": {"bot-2.0.0": object.remove(_model, ["release_approval"])}})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/bot-2.0.0"]
	f.message == concat("", [
		"ModelRecord/bot-2.0.0 (version 2.0.0, live 2026-04-21) has no release_approval: ",
		"have a holder of Role/ai-release-approver approve releases",
	])
}

test_fail_r1_approved_after_going_live if {
	fs := a6_2_5.findings with input as _input(_with_model({"release_approval": {"on": "2026-04-22"}}))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/bot-2.0.0#release_approval.on"]
}

test_pass_r1_approved_on_deployment_day if {
	fs := a6_2_5.findings with input as _input(_with_model({"release_approval": {"on": "2026-04-21"}}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_approver_without_role if {
	fs := a6_2_5.findings with input as _input(_with_model({"release_approval": {"by": "Person/lena"}}))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/bot-2.0.0#release_approval.by"]
	f.message == concat("", [
		"ModelRecord/bot-2.0.0 was released by Person/lena, who did not hold Role/ai-release-approver on ",
		"2026-04-17: have a holder of the role approve it",
	])
}

test_fail_r1_approver_unknown if {
	fs := a6_2_5.findings with input as _input(_with_model({"release_approval": {"by": "Person/nobody"}}))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/bot-2.0.0#release_approval.by"]
}

# --- R2

test_fail_r2_no_rollback_version if {
	m := object.union(object.remove(_model, ["deployment"]), {"deployment": {
		"change": "ChangeRecord/chg-2", "deployed_on": "2026-04-21T07:30:00Z", "plan": "Document/deploy-plan",
	}})
	fs := a6_2_5.findings with input as _input({"ModelRecord": {"bot-2.0.0": m}})
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/bot-2.0.0#deployment"]
	f.message == concat("", [
		"ModelRecord/bot-2.0.0 (version 2.0.0) records no deployment.rollback_version: ",
		"name the version to fall back to",
	])
}

test_fail_r2_plan_missing if {
	fs := a6_2_5.findings with input as _input({"Document": {"eval-plan": _records.Document["eval-plan"]}})
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/bot-2.0.0#deployment.plan"]
}

test_fail_r2_no_plan if {
	m := object.union(object.remove(_model, ["deployment"]), {"deployment": {
		"change": "ChangeRecord/chg-2", "deployed_on": "2026-04-21T07:30:00Z", "rollback_version": "1.0.0",
	}})
	fs := a6_2_5.findings with input as _input({"ModelRecord": {"bot-2.0.0": m}})
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/bot-2.0.0#deployment"]
}

# --- R3: impact assessment

test_fail_r3_assessment_approved_after_going_live if {
	late := object.union(_aiia, {"approvals": [{"by": "Person/lena", "on": "2026-04-22", "decision": "approved"}]})
	fs := a6_2_5.findings with input as _input({"AIImpactAssessment": {"aiia-2": late}})
	some f in _fails("R3", fs)
	f.refs == ["ModelRecord/bot-2.0.0#deployment.deployed_on"]
	f.message == concat("", [
		"ModelRecord/bot-2.0.0 went live on 2026-04-21 before its impact assessment and verification were in ",
		"order: no impact assessment of AISystem/bot was approved by a holder of Role/ai-impact-approver on or ",
		"before 2026-04-21; the release is a new major version of AISystem/bot, but no impact assessment ",
		"covering it (trigger_ref or system_version) was approved by 2026-04-21; the release is a significant ",
		"change of AISystem/bot, but no impact assessment covering it (trigger_ref or system_version) was ",
		"approved by 2026-04-21",
	])
}

test_fail_r3_assessment_overdue_at_deployment if {
	old := object.union(_aiia, {
		"id": "aiia-1", "system_version": "1.0.0", "trigger": "initial", "trigger_ref": "ChangeRecord/chg-1",
		"performed_on": "2025-03-10", "next_review_on": "2026-03-10",
		"approvals": [{"by": "Person/lena", "on": "2025-03-12", "decision": "approved"}],
	})
	v1 := object.union(_model, {
		"id": "bot-1.0.0", "model_version": "1.0.0", "retired_on": "2026-04-21",
		"deployment": {"deployed_on": "2025-04-01T07:00:00Z", "change": "ChangeRecord/chg-1"},
	})
	minor := object.union(_model, {"model_version": "1.1.0", "deployment": {"change": "ChangeRecord/chg-3"}})
	fs := a6_2_5.findings with input as _input({
		"AIImpactAssessment": {"aiia-1": old},
		"ModelRecord": {"bot-1.0.0": v1, "bot-2.0.0": minor},
	})
	some f in _fails("R3", fs)
	f.refs == ["ModelRecord/bot-2.0.0#deployment.deployed_on"]
	contains(f.message, "AIImpactAssessment/aiia-1, the latest approved impact assessment of AISystem/bot on 2026-04-21")
	contains(f.message, "was due for renewal on 2026-03-10")
}

test_fail_r3_significant_release_not_covered if {
	other := object.union(_aiia, {"trigger": "periodic", "trigger_ref": "AISystem/bot", "system_version": "1.0.0"})
	fs := a6_2_5.findings with input as _input({"AIImpactAssessment": {"aiia-2": other}})
	some f in _fails("R3", fs)
	contains(f.message, "the release is a new major version of AISystem/bot")
	contains(f.message, "the release is a significant change of AISystem/bot")
}

test_pass_r3_minor_release_reuses_assessment if {
	v21 := object.union(_model, {
		"id": "bot-2.1.0", "model_version": "2.1.0", "release_approval": {"on": "2026-06-12"},
		"evaluation": {"results": [_result("groundedness", "2026-06-05", true)]},
		"deployment": {"deployed_on": "2026-06-16T06:30:00Z", "change": "ChangeRecord/chg-3"},
	})
	minor := object.union(_change, {"id": "chg-3", "significant": false})
	fs := a6_2_5.findings with input as _input({
		"ModelRecord": {"bot-2.0.0": _model, "bot-2.1.0": v21},
		"ChangeRecord": {"chg-2": _change, "chg-3": minor},
	})
	_outcomes("R3", fs) == {"pass"}
}

# --- R3: verification and validation

test_fail_r3_criterion_failed if {
	results := [_result("groundedness", "2026-04-15", true), _result("harmful", "2026-04-15", false)]
	fs := a6_2_5.findings with input as _input(_with_model({"evaluation": {"results": results}}))
	some f in _fails("R3", fs)
	contains(f.message, "criterion harmful failed on 2026-04-15 (value 0.95, threshold 0.9) with no exception in force")
}

test_pass_r3_failed_criterion_retested_before_release if {
	results := [
		_result("groundedness", "2026-04-15", true),
		_result("harmful", "2026-04-14", false),
		_result("harmful", "2026-04-16", true),
	]
	fs := a6_2_5.findings with input as _input(_with_model({"evaluation": {"results": results}}))
	_outcomes("R3", fs) == {"pass"}
}

_exception(approved, expires) := {
	"kind": "Exception", "id": "exc-1", "applies_to": ["ModelRecord/bot-2.0.0#harmful"],
	"requested_by": "Person/tobias", "approved_by": "Person/miriam", "approved_on": approved, "expires_on": expires,
}

test_pass_r3_failed_criterion_excepted if {
	results := [_result("groundedness", "2026-04-15", true), _result("harmful", "2026-04-15", false)]
	extra := object.union(
		_with_model({"evaluation": {"results": results}}),
		{"Exception": {"exc-1": _exception("2026-04-20", "2026-06-30")}},
	)
	fs := a6_2_5.findings with input as _input(extra)
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_exception_approved_after_release if {
	results := [_result("groundedness", "2026-04-15", true), _result("harmful", "2026-04-15", false)]
	extra := object.union(
		_with_model({"evaluation": {"results": results}}),
		{"Exception": {"exc-1": _exception("2026-04-22", "2026-06-30")}},
	)
	fs := a6_2_5.findings with input as _input(extra)
	_outcomes("R3", fs) == {"fail"}
}

test_fail_r3_plan_published_after_release if {
	late := _doc("eval-plan", "2026-04-25", "2026-04-24")
	docs := {"eval-plan": late, "deploy-plan": _records.Document["deploy-plan"]}
	fs := a6_2_5.findings with input as _input({"Document": docs})
	some f in _fails("R3", fs)
	contains(f.message, "its evaluation plan Document/eval-plan was published only on 2026-04-25")
	contains(f.message, "its evaluation plan Document/eval-plan was not approved for its version by then")
}

test_fail_r3_criterion_evaluated_after_release if {
	results := [_result("groundedness", "2026-04-15", true), _result("harmful", "2026-04-23", true)]
	fs := a6_2_5.findings with input as _input(_with_model({"evaluation": {"results": results}}))
	some f in _fails("R3", fs)
	contains(f.message, "criterion harmful was not evaluated by then")
}

test_fail_r3_no_results if {
	fs := a6_2_5.findings with input as _input(_with_model({"evaluation": {"results": []}}))
	some f in _fails("R3", fs)
	contains(f.message, "it records no evaluation results")
}
