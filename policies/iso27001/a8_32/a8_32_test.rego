package annexa.iso27001.a8_32_test

import data.annexa.iso27001.a8_32
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "emergency_retro_days": 2, "config_scan_days": 7}

_person(id) := {"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2020-01-01"}

_approval(by, on) := {"by": by, "on": on, "decision": "approved"}

_normal := {
	"kind": "ChangeRecord", "id": "chg-1", "change_class": "normal", "systems": ["Asset/app"], "environment": "prod",
	"author": "Person/ann", "approvals": [_approval("Person/dan", "2026-11-10")],
	"deployed_on": "2026-11-10T14:00:00Z", "rollback_plan": true, "pipeline_run": "run-100",
	"tests": [{"type": "unit", "result": "pass"}, {"type": "sast", "result": "pass", "ref": "TestRun/sast-1"}],
}

_emergency := {
	"kind": "ChangeRecord", "id": "chg-emg", "change_class": "emergency", "systems": ["Asset/app"],
	"environment": "prod",
	"author": "Person/ann", "deployed_on": "2026-11-20T02:00:00Z", "pipeline_run": "run-101",
	"tests": [{"type": "unit", "result": "pass"}], "retro_approval": {"by": "Person/dan", "on": "2026-11-21"},
}

_model_change := {
	"kind": "ChangeRecord", "id": "chg-model", "change_class": "ai-model", "systems": ["AISystem/triage"],
	"environment": "prod", "author": "Person/ann", "approvals": [_approval("Person/dan", "2026-11-04")],
	"deployed_on": "2026-11-05T09:00:00Z", "tests": [{"type": "ai-eval", "result": "pass"}],
}

_model := {
	"kind": "ModelRecord", "id": "triage-2-1", "ai_system": "AISystem/triage", "model_version": "2.1.0",
	"deployment": {"change": "ChangeRecord/chg-model", "deployed_on": "2026-11-05T09:30:00Z", "environment": "prod"},
}

_asset(id, asset_type, environment) := {
	"kind": "Asset", "id": id, "asset_type": asset_type, "owner": "Person/ann", "classification": "internal",
	"criticality": "high", "environment": environment,
}

_repo := object.union(_asset("repo", "repository", "prod"), {"external_ids": {"repo": "org/app"}})

_protection := {
	"kind": "TestRun", "id": "bp-1", "test_type": "branch-protection", "performed_on": "2026-11-28T01:00:00Z",
	"scope": ["Asset where asset_type=repository"],
	"results": [{"check_id": "block-direct-push", "resource": "org/app", "status": "pass"}],
}

_changes := {"chg-1": _normal, "chg-emg": _emergency, "chg-model": _model_change}

_records := {
	"Person": {"ann": _person("ann"), "dan": _person("dan")},
	"ChangeRecord": _changes,
	"ModelRecord": {"triage-2-1": _model},
	"Asset": {"app": _asset("app", "application", "prod"), "repo": _repo},
	"TestRun": {"bp-1": _protection},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

# _replace sets one key of an object, replacing (not merging) its value.
_replace(r, key, value) := object.union(object.remove(r, [key]), {key: value})

_with_change(c) := _input({"ChangeRecord": _replace(_changes, c.id, c)})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_32.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r4_message_states_its_limits if {
	fs := a8_32.findings with input as _input({})
	some f in fs
	f.rule == "R4"
	f.refs == ["ChangeRecord/chg-1", "ChangeRecord/chg-emg", "ChangeRecord/chg-model", "ModelRecord/triage-2-1"]
	contains(f.message, "no deployment log is in the evidence")
}

# --- R1

test_fail_r1_no_approval if {
	fs := a8_32.findings with input as _with_change(_replace(_normal, "approvals", []))
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ChangeRecord/chg-1#approvals"],
		"message": concat("", [
			"ChangeRecord/chg-1 was deployed on 2026-11-10 without an approval by someone other than its author ",
			"Person/ann on or before that day: approve changes before they ship",
		]),
	}}
}

test_fail_r1_self_approval if {
	own := [_approval("Person/ann", "2026-11-09")]
	fs := a8_32.findings with input as _with_change(_replace(_normal, "approvals", own))
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-1#approvals"]
}

test_fail_r1_approved_after_deployment if {
	late := [_approval("Person/dan", "2026-11-11")]
	fs := a8_32.findings with input as _with_change(_replace(_normal, "approvals", late))
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-1#approvals"]
}

test_fail_r1_rejection_is_not_approval if {
	rejected := {"by": "Person/dan", "on": "2026-11-09", "decision": "rejected"}
	fs := a8_32.findings with input as _with_change(_replace(_normal, "approvals", [rejected]))
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-1#approvals"]
}

test_pass_r1_approved_on_deployment_day if {
	same_day := [_approval("Person/dan", "2026-11-10")]
	fs := a8_32.findings with input as _with_change(_replace(_normal, "approvals", same_day))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_tests if {
	fs := a8_32.findings with input as _with_change(object.remove(_normal, ["tests"]))
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-1#tests"]
	f.message == "ChangeRecord/chg-1 records no tests: run and record the tests before deploying"
}

test_fail_r1_failed_test if {
	failing := _replace(_normal, "tests", [{"type": "unit", "result": "pass"}, {"type": "sast", "result": "fail"}])
	fs := a8_32.findings with input as _with_change(failing)
	some f in _fails("R1", fs)
	f.message == concat("", [
		"ChangeRecord/chg-1 was deployed with failing tests (sast): fix them, re-run and record the passing result",
	])
}

test_fail_r1_normal_without_rollback_plan if {
	fs := a8_32.findings with input as _with_change(object.remove(_normal, ["rollback_plan"]))
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-1#rollback_plan"]
	contains(f.message, "is a normal change without a rollback plan")
}

test_pass_r1_standard_change_needs_no_rollback_plan if {
	standard := object.remove(object.union(_normal, {"change_class": "standard"}), ["rollback_plan"])
	fs := a8_32.findings with input as _with_change(standard)
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_unknown_author if {
	fs := a8_32.findings with input as _with_change(object.union(_normal, {"author": "Person/ghost"}))
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-1#author"]
	contains(f.message, "names Person/ghost as author, who is not a recorded Person")
}

test_fail_r1_author_missing if {
	fs := a8_32.findings with input as _with_change(object.remove(_normal, ["author"]))
	some f in _fails("R1", fs)
	f.message == "ChangeRecord/chg-1 names nobody as author, who is not a recorded Person: record who made the change"
}

test_pass_r1_non_production_change_ignored if {
	staging := object.union(_replace(_normal, "approvals", []), {"environment": "staging"})
	fs := a8_32.findings with input as _with_change(staging)
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_environment_from_prod_system if {
	unlabelled := object.remove(_replace(_normal, "approvals", []), ["environment"])
	fs := a8_32.findings with input as _with_change(unlabelled)
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-1#approvals"]
}

test_pass_r1_outside_lookback_ignored if {
	old := object.union(_replace(_normal, "approvals", []), {"deployed_on": "2025-11-29T10:00:00Z"})
	fs := a8_32.findings with input as _with_change(old)
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_project_go_live_date_used if {
	project := object.union(
		object.remove(_replace(_normal, "approvals", [_approval("Person/dan", "2026-10-02")]), ["deployed_on"]),
		{"change_class": "project", "go_live_on": "2026-10-01"},
	)
	fs := a8_32.findings with input as _with_change(project)
	some f in _fails("R1", fs)
	contains(f.message, "was deployed on 2026-10-01 without an approval")
}

test_pass_r1_management_system_change_ignored if {
	ms := object.union(_replace(_normal, "approvals", []), {"change_class": "management-system"})
	fs := a8_32.findings with input as _with_change(ms)
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_retro_approval_late if {
	late := object.union(_emergency, {"retro_approval": {"on": "2026-11-23"}})
	fs := a8_32.findings with input as _with_change(late)
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ChangeRecord/chg-emg#retro_approval"],
		"message": concat("", [
			"emergency change ChangeRecord/chg-emg deployed on 2026-11-20 was first approved on 2026-11-23, ",
			"after its limit 2026-11-22 (emergency_retro_days=2)",
		]),
	}}
}

test_pass_r2_retro_approval_on_limit if {
	edge := object.union(_emergency, {"retro_approval": {"on": "2026-11-22T18:00:00Z"}})
	fs := a8_32.findings with input as _with_change(edge)
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_never_approved if {
	fs := a8_32.findings with input as _with_change(object.remove(_emergency, ["retro_approval"]))
	some f in _fails("R2", fs)
	f.message == concat("", [
		"emergency change ChangeRecord/chg-emg deployed on 2026-11-20 has no approval by someone other than ",
		"its author Person/ann, due by 2026-11-22: approve it after the fact",
	])
}

test_fail_r2_self_retro_approval if {
	fs := a8_32.findings with input as _with_change(object.union(_emergency, {"retro_approval": {"by": "Person/ann"}}))
	"fail" in _outcomes("R2", fs)
}

test_r2_pending_retro_approval_is_at_risk if {
	fresh := object.remove(object.union(_emergency, {"deployed_on": "2026-11-29T23:00:00Z"}), ["retro_approval"])
	fs := a8_32.findings with input as _with_change(fresh)
	_outcomes("R2", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == "emergency change ChangeRecord/chg-emg needs its retrospective approval by 2026-12-01"
}

test_pass_r2_approved_before_deployment if {
	approval := _approval("Person/dan", "2026-11-20")
	pre := object.union(object.remove(_emergency, ["retro_approval"]), {"approvals": [approval]})
	fs := a8_32.findings with input as _with_change(pre)
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_emergency_exempt_from_r1_approval if {
	fs := a8_32.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	not "ChangeRecord/chg-emg#approvals" in {r | some f in fs; some r in f.refs}
}

# --- R3

test_fail_r3_no_branch_protection_check if {
	fs := a8_32.findings with input as _input({"TestRun": {}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Asset/repo"],
		"message": concat("", [
			"Asset/repo has no branch-protection check within 7 days of 2026-11-30 (last: never): collect the ",
			"repository settings",
		]),
	}}
}

test_fail_r3_check_too_old if {
	old := object.union(_protection, {"performed_on": "2026-11-22T01:00:00Z"})
	fs := a8_32.findings with input as _input({"TestRun": {"bp-1": old}})
	some f in _fails("R3", fs)
	contains(f.message, "(last: 2026-11-22)")
}

test_pass_r3_check_on_boundary if {
	edge := object.union(_protection, {"performed_on": "2026-11-23T01:00:00Z"})
	fs := a8_32.findings with input as _input({"TestRun": {"bp-1": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_direct_push_allowed if {
	open := _replace(_protection, "results", [
		{"check_id": "block-direct-push", "resource": "Asset/repo", "status": "fail"},
		{"check_id": "require-review", "resource": "org/app", "status": "pass"},
	])
	fs := a8_32.findings with input as _input({"TestRun": {"bp-1": open}})
	some f in _fails("R3", fs)
	f.message == concat("", [
		"Asset/repo is not protected against direct pushes (branch-protection check of 2026-11-28: ",
		"block-direct-push fail): protect its production branches",
	])
}

test_fail_r3_latest_check_decides if {
	older := object.union(_protection, {"id": "bp-0", "performed_on": "2026-11-25T01:00:00Z"})
	newer := _replace(_protection, "results", [{
		"check_id": "block-direct-push", "resource": "org/app",
		"status": "error",
	}])
	fs := a8_32.findings with input as _input({"TestRun": {"bp-0": older, "bp-1": newer}})
	some f in _fails("R3", fs)
	contains(f.message, "block-direct-push error")
}

test_fail_r3_named_without_result if {
	scoped := object.union(_replace(_protection, "results", []), {"scope": ["Asset/repo"]})
	fs := a8_32.findings with input as _input({"TestRun": {"bp-1": scoped}})
	some f in _fails("R3", fs)
	f.message == "Asset/repo is named by the branch-protection check of 2026-11-28, which reports no result for it"
}

test_pass_r3_non_production_repository_ignored if {
	sandbox := object.union(_asset("sandbox", "repository", "dev"), {"criticality": "medium"})
	fs := a8_32.findings with input as _input({"Asset": {
		"app": _asset("app", "application", "prod"), "repo": _repo,
		"sandbox": sandbox,
	}})
	_outcomes("R3", fs) == {"pass"}
}

_vcs_org := object.union(_asset("vcs", "repository", "corp"), {"external_ids": {"repo": "github.com/example"}})

_vcs_settings := {
	"kind": "TestRun", "id": "vcs-1", "test_type": "vcs-settings", "performed_on": "2026-11-29T04:00:00Z",
	"scope": ["Asset/vcs"],
	"results": [
		{"check_id": "branch_protection_no_direct_push:app", "resource": "Asset/vcs", "status": "pass"},
		{"check_id": "org_owner_count_max_4", "resource": "Asset/vcs", "status": "fail"},
	],
}

test_pass_r3_vcs_settings_branch_checks_count if {
	fs := a8_32.findings with input as _input({"Asset": {"vcs": _vcs_org}, "TestRun": {"vcs-1": _vcs_settings}})
	some f in fs
	f.rule == "R3"
	f.outcome == "pass"
	f.refs == ["Asset/vcs"]
}

test_fail_r3_vcs_settings_direct_push_allowed if {
	open := _replace(_vcs_settings, "results", [
		{"check_id": "branch_protection_no_direct_push:app", "resource": "github.com/example", "status": "pass"},
		{"check_id": "branch_protection_no_direct_push:infra", "resource": "Asset/vcs", "status": "fail"},
	])
	fs := a8_32.findings with input as _input({"Asset": {"vcs": _vcs_org}, "TestRun": {"vcs-1": open}})
	some f in _fails("R3", fs)
	contains(f.message, "(branch-protection check of 2026-11-29: branch_protection_no_direct_push:infra fail)")
}

test_fail_r3_vcs_settings_without_branch_checks if {
	unrelated := _replace(_vcs_settings, "results", [{
		"check_id": "org_2fa_required", "resource": "Asset/vcs",
		"status": "pass",
	}])
	fs := a8_32.findings with input as _input({"Asset": {"vcs": _vcs_org}, "TestRun": {"vcs-1": unrelated}})
	some f in _fails("R3", fs)
	contains(f.message, "(last: never)")
}

# --- R4

test_fail_r4_model_deployment_without_change if {
	loose := _replace(_model, "deployment", {"deployed_on": "2026-11-05T09:30:00Z", "environment": "prod"})
	fs := a8_32.findings with input as _input({"ModelRecord": {"triage-2-1": loose}})
	fails := _fails("R4", fs)
	some f in fails
	f.refs == ["ModelRecord/triage-2-1#deployment"]
	f.message == concat("", [
		"ModelRecord/triage-2-1 was deployed on 2026-11-05 but names no ChangeRecord (deployment.change): ",
		"record the change that released it",
	])
	some g in fails
	g.refs == ["ChangeRecord/chg-model"]
	contains(g.message, "no ModelRecord deployment names it")
}

test_fail_r4_change_does_not_exist if {
	dangling := object.union(_model, {"deployment": {"change": "ChangeRecord/chg-missing"}})
	fs := a8_32.findings with input as _input({"ModelRecord": {"triage-2-1": dangling}})
	some f in _fails("R4", fs)
	f.refs == ["ModelRecord/triage-2-1#deployment.change"]
}

test_fail_r4_deployment_days_differ if {
	shifted := object.union(_model, {"deployment": {"deployed_on": "2026-11-07T09:30:00Z"}})
	fs := a8_32.findings with input as _input({"ModelRecord": {"triage-2-1": shifted}})
	some f in _fails("R4", fs)
	f.message == concat("", [
		"ModelRecord/triage-2-1 was deployed on 2026-11-07, but its change ChangeRecord/chg-model records ",
		"deployment on 2026-11-05: correct whichever record is wrong",
	])
}

test_fail_r4_two_deployments_one_change if {
	second := object.union(_model, {"id": "triage-2-2", "model_version": "2.2.0"})
	fs := a8_32.findings with input as _input({"ModelRecord": {"triage-2-1": _model, "triage-2-2": second}})
	some f in _fails("R4", fs)
	f.refs == ["ChangeRecord/chg-model"]
	contains(f.message, "is named as the deployment change of 2 model deployments")
}

test_pass_r4_deployment_without_environment_reconciled if {
	unlabelled := _replace(_model, "deployment", {
		"change": "ChangeRecord/chg-model",
		"deployed_on": "2026-11-05T09:30:00Z",
	})
	fs := a8_32.findings with input as _input({"ModelRecord": {"triage-2-1": unlabelled}})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_pipeline_run_claimed_twice if {
	twin := object.union(_model_change, {"pipeline_run": "run-100"})
	fs := a8_32.findings with input as _with_change(twin)
	_fails("R4", fs) == {
		{
			"rule": "R4", "outcome": "fail", "refs": ["ChangeRecord/chg-1"],
			"message": concat("", [
				concat("", [
					"pipeline run run-100 is claimed by 2 production changes (ChangeRecord/chg-1, ",
					"ChangeRecord/chg-model): ",
				]),
				"one deployment must map to one ChangeRecord",
			]),
		},
		{
			"rule": "R4", "outcome": "fail", "refs": ["ChangeRecord/chg-model"],
			"message": concat("", [
				concat("", [
					"pipeline run run-100 is claimed by 2 production changes (ChangeRecord/chg-1, ",
					"ChangeRecord/chg-model): ",
				]),
				"one deployment must map to one ChangeRecord",
			]),
		},
	}
}

test_r4_not_exercised_without_deployments if {
	fs := a8_32.findings with input as _input({"ChangeRecord": {}, "ModelRecord": {}})
	_outcomes("R4", fs) == {"not_exercised"}
}
