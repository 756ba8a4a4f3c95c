package annexa.iso42001.a6_2_4_test

import data.annexa.iso42001.a6_2_4
import rego.v1

_params := {
	"lookback_days": 365,
	"ai_vv_sod": true,
	"ai_vv_categories": ["performance", "robustness", "fairness", "safety"],
}

_plan := {
	"kind": "Document", "id": "eval-plan", "doc_type": "plan", "topic": "ai-evaluation", "version": "2.0.0",
	"published_on": "2026-03-25", "approvals": [
		{"by": "Person/emre", "on": "2026-03-24", "decision": "approved", "version": "2.0.0"},
	],
}

_result(criterion, category, day, passed) := {
	"criterion": criterion, "category": category, "metric": "m", "threshold": 0.8, "value": 0.9,
	"passed": passed, "evaluated_on": day, "evaluator": "Person/kim",
}

_results := [
	_result("accuracy", "performance", "2026-04-01", true),
	_result("injection", "robustness", "2026-04-01", true),
	_result("parity", "fairness", "2026-04-02", true),
	_result("harmful", "safety", "2026-04-02", true),
]

_model := {
	"kind": "ModelRecord", "id": "m2", "ai_system": "AISystem/bot", "model_version": "2.0.0",
	"evaluation": {"plan": "Document/eval-plan", "results": _results},
	"deployment": {"change": "ChangeRecord/chg-m2", "deployed_on": "2026-04-03T09:00:00Z", "environment": "prod"},
}

_change := {
	"kind": "ChangeRecord",
	"id": "chg-m2",
	"change_class": "ai-model",
	"systems": ["AISystem/bot"],
	"author": "Person/tobias",
}

_records := {
	"Document": {"eval-plan": _plan},
	"ModelRecord": {"m2": _model},
	"ChangeRecord": {"chg-m2": _change},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_results(rs) := {"ModelRecord": {"m2": object.union(
	object.remove(_model, ["evaluation"]),
	{"evaluation": {"plan": "Document/eval-plan", "results": rs}},
)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_2_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_population_excludes_old_and_staging_versions if {
	old := object.union(_model, {"id": "m1", "retired_on": "2025-11-01", "evaluation": {"results": []}})
	staging := object.union(
		_model,
		{"id": "m3", "deployment": {"environment": "staging"}, "evaluation": {"results": []}},
	)
	future := object.union(
		_model,
		{"id": "m4", "deployment": {"deployed_on": "2026-12-01"}, "evaluation": {"results": []}},
	)
	fs := a6_2_4.findings with input as _input({"ModelRecord": {"m2": _model, "m1": old, "m3": staging, "m4": future}})
	some f in fs
	f.rule == "R1"
	f.outcome == "pass"
	f.refs == ["ModelRecord/m2"]
}

test_pass_retired_inside_window_still_counts if {
	retired := object.union(_model, {"retired_on": "2025-12-31"})
	fs := a6_2_4.findings with input as _input({"ModelRecord": {"m2": retired}})
	_outcomes("R1", fs) == {"pass"}
	some f in fs
	f.rule == "R1"
	f.refs == ["ModelRecord/m2"]
}

# --- R1

test_fail_r1_no_plan if {
	fs := a6_2_4.findings with input as _input({
		"ModelRecord": {
			"m2": object.union(object.remove(_model, ["evaluation"]), {"evaluation": {"results": _results}}),
		},
	})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2"]
	f.message == concat("", [
		"ModelRecord/m2 (version 2.0.0) names no evaluation plan: link the approved plan it was evaluated ",
		"against",
	])
}

test_fail_r1_plan_missing if {
	fs := a6_2_4.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2#evaluation.plan"]
	f.message == "ModelRecord/m2 names evaluation plan Document/eval-plan, which does not exist: record the plan"
}

test_fail_r1_plan_published_after_deployment if {
	late := object.union(_plan, {"published_on": "2026-04-04"})
	fs := a6_2_4.findings with input as _input({"Document": {"eval-plan": late}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"ModelRecord/m2 was deployed on 2026-04-03, before its evaluation plan Document/eval-plan ",
		"was published (2026-04-04): plan verification before release",
	])
}

test_pass_r1_plan_published_on_deployment_day if {
	same := object.union(_plan, {"published_on": "2026-04-03"})
	fs := a6_2_4.findings with input as _input({"Document": {"eval-plan": same}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_plan_not_approved if {
	fs := a6_2_4.findings with input as _input({"Document": {"eval-plan": object.remove(_plan, ["approvals"])}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"the evaluation plan Document/eval-plan of ModelRecord/m2 is not approved for its version 2.0.0: ",
		"have it approved",
	])
}

test_fail_r1_no_results if {
	fs := a6_2_4.findings with input as _input(_with_results([]))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2"]
}

test_fail_r1_threshold_not_numeric if {
	bad := object.union(_result("tone", "safety", "2026-04-01", true), {"threshold": "high"})
	fs := a6_2_4.findings with input as _input(_with_results(array.concat(_results, [bad])))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2#evaluation.results.4.threshold"]
}

# --- R2

test_fail_r2_criterion_failed if {
	failed := object.union(_result("parity", "fairness", "2026-04-02", false), {"value": 0.7})
	fs := a6_2_4.findings with input as _input(_with_results([_results[0], _results[1], failed, _results[3]]))
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/m2#evaluation.results.2.passed"]
	f.message == concat("", [
		"criterion parity (fairness) of ModelRecord/m2 failed on 2026-04-02 (value 0.7, threshold 0.8); ",
		"live on 2026-04-03 with no approved exception: fix it",
	])
}

test_pass_r2_rerun_before_deployment_passes if {
	first := _result("parity", "fairness", "2026-03-30", false)
	fs := a6_2_4.findings with input as _input(_with_results(array.concat(_results, [first])))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_passing_rerun_after_deployment_does_not_count if {
	failed := _result("parity", "fairness", "2026-04-02", false)
	later := _result("parity", "fairness", "2026-04-05", true)
	fs := a6_2_4.findings with input as _input(_with_results([_results[0], _results[1], failed, later, _results[3]]))
	count(_fails("R2", fs)) == 1
}

test_fail_r2_only_evaluated_after_deployment if {
	late := _result("harmful", "safety", "2026-04-04", true)
	fs := a6_2_4.findings with input as _input(_with_results([_results[0], _results[1], _results[2], late]))
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/m2#evaluation.results.3.evaluated_on"]
	f.message == concat("", [
		"criterion harmful of ModelRecord/m2 was not evaluated on or before deployment (2026-04-03): verify ",
		"before release",
	])
}

_exception := {
	"kind": "Exception", "id": "exc-parity", "applies_to": ["ModelRecord/m2#parity"], "reason": "r",
	"requested_by": "Person/tobias", "approved_by": "Person/emre", "approved_on": "2026-04-02", "expires_on": "2026-12-31",
}

_failed_parity := _with_results([
	_results[0], _results[1],
	_result("parity", "fairness", "2026-04-02", false), _results[3],
])

test_pass_r2_excepted if {
	fs := a6_2_4.findings with input as _input(object.union(_failed_parity, {"Exception": {"exc-parity": _exception}}))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_exception_approved_after_deployment if {
	late := object.union(_exception, {"approved_on": "2026-04-04"})
	fs := a6_2_4.findings with input as _input(object.union(_failed_parity, {"Exception": {"exc-parity": late}}))
	count(_fails("R2", fs)) == 1
}

test_fail_r2_exception_self_approved if {
	self := object.union(_exception, {"approved_by": "Person/tobias"})
	fs := a6_2_4.findings with input as _input(object.union(_failed_parity, {"Exception": {"exc-parity": self}}))
	count(_fails("R2", fs)) == 1
}

test_fail_r2_exception_lapsed_while_live if {
	lapsed := object.union(_exception, {"expires_on": "2026-11-29"})
	fs := a6_2_4.findings with input as _input(object.union(_failed_parity, {"Exception": {"exc-parity": lapsed}}))
	count(_fails("R2", fs)) == 1
}

test_pass_r2_exception_ends_on_as_of if {
	edge := object.union(_exception, {"expires_on": "2026-11-30", "applies_to": ["ModelRecord/m2"]})
	fs := a6_2_4.findings with input as _input(object.union(_failed_parity, {"Exception": {"exc-parity": edge}}))
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

test_fail_r3_author_evaluated if {
	own := object.union(_result("parity", "fairness", "2026-04-02", true), {"evaluator": "Person/tobias"})
	fs := a6_2_4.findings with input as _input(_with_results([_results[0], _results[1], own, _results[3]]))
	some f in _fails("R3", fs)
	f.refs == ["ModelRecord/m2#evaluation.results.2.evaluator"]
	f.message == concat("", [
		"criterion parity of ModelRecord/m2 was evaluated by Person/tobias, the author of its release ",
		"ChangeRecord/chg-m2 (ai_vv_sod=true): have another person do it",
	])
}

test_fail_r3_no_deployment_change if {
	fs := a6_2_4.findings with input as _input({"ChangeRecord": {}})
	some f in _fails("R3", fs)
	f.refs == ["ModelRecord/m2"]
}

test_fail_r3_evaluator_missing if {
	anon := object.remove(_result("parity", "fairness", "2026-04-02", true), ["evaluator"])
	fs := a6_2_4.findings with input as _input(_with_results([_results[0], _results[1], anon, _results[3]]))
	some f in _fails("R3", fs)
	f.refs == ["ModelRecord/m2#evaluation.results.2"]
}

test_r3_not_exercised_without_sod if {
	own := object.union(_result("parity", "fairness", "2026-04-02", true), {"evaluator": "Person/tobias"})
	inp := object.union(
		_input(_with_results([_results[0], _results[1], own, _results[3]])),
		{"params": {"ai_vv_sod": false}},
	)
	fs := a6_2_4.findings with input as inp
	some f in fs
	f.rule == "R3"
	f.outcome == "not_exercised"
	f.message == "nothing to check: evaluator independence is not required (ai_vv_sod=false)"
}

# --- R4

test_fail_r4_category_missing if {
	fs := a6_2_4.findings with input as _input(_with_results([_results[0], _results[2]]))
	some f in _fails("R4", fs)
	f.refs == ["ModelRecord/m2#evaluation.results"]
	f.message == concat("", [
		"the evaluation of ModelRecord/m2 (version 2.0.0) has no criterion of category robustness, safety ",
		"(ai_vv_categories): add and evaluate them",
	])
}

test_not_exercised_without_deployed_models if {
	fs := a6_2_4.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"not_exercised"}
	}
}
