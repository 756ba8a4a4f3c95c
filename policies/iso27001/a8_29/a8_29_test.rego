package annexa.iso27001.a8_29_test

import data.annexa.iso27001.a8_29
import rego.v1

_params := {"lookback_days": 365, "pentest_days": 365, "at_risk_days": 7, "required_security_tests": ["sast", "sca"]}

_fix := {
	"kind": "ChangeRecord", "id": "chg-fix", "change_class": "normal", "systems": ["Asset/app"],
	"environment": "prod", "author": "Person/tobias", "deployed_on": "2026-06-04T08:05:00Z",
	"tests": [
		{"type": "unit", "result": "pass", "ref": "ci:8701"},
		{"type": "sast", "result": "pass", "ref": "ci:semgrep-8701"},
		{"type": "sca", "result": "pass", "ref": "TestRun/sca-1"},
	],
}

_sca := {
	"kind": "TestRun", "id": "sca-1", "test_type": "sca", "performed_on": "2026-06-03T18:00:00Z",
	"scope": ["Asset/repo-app"],
}

_project := {
	"kind": "ChangeRecord", "id": "chg-sso", "change_class": "project", "systems": ["Asset/app"],
	"environment": "prod", "author": "Person/felix", "deployed_on": "2026-04-28T08:00:00Z",
	"go_live_on": "2026-04-28T08:00:00Z",
	"tests": [{"type": "sast", "result": "pass", "ref": "ci:8561"}, {"type": "sca", "result": "pass", "ref": "ci:8561"}],
}

_app := {"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod", "internet_facing": true}

_pentest := {
	"kind": "TestRun", "id": "pt-1", "test_type": "pentest", "performed_on": "2026-05-22T16:00:00Z",
	"scope": ["Asset/app"],
}

_records := {
	"ChangeRecord": {"chg-fix": _fix, "chg-sso": _project},
	"TestRun": {"sca-1": _sca, "pt-1": _pentest},
	"Asset": {"app": _app},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

_with_tests(c, tests) := object.union(object.remove(c, ["tests"]), {"tests": tests})

test_pass_all_rules if {
	fs := a8_29.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_required_test_missing if {
	no_sca := _with_tests(_fix, [{"type": "unit", "result": "pass"}, {"type": "sast", "result": "pass", "ref": "ci:1"}])
	fs := a8_29.findings with input as _input({"ChangeRecord": {"chg-fix": no_sca, "chg-sso": _project}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ChangeRecord/chg-fix#tests"],
		"message": concat("", [
			"ChangeRecord/chg-fix was deployed on 2026-06-04 without the required security tests passing first ",
			"(sca: no passing test recorded): run required_security_tests (sast, sca) before deploying",
		]),
	}}
}

test_fail_r1_test_failed if {
	failed := _with_tests(_fix, [{"type": "sast", "result": "fail"}, {"type": "sca", "result": "pass"}])
	fs := a8_29.findings with input as _input({"ChangeRecord": {"chg-fix": failed, "chg-sso": _project}})
	some f in _fails("R1", fs)
	contains(f.message, "(sast: no passing test recorded)")
}

test_pass_r1_failed_then_passed if {
	rerun := _with_tests(_fix, [
		{"type": "sast", "result": "fail"}, {"type": "sast", "result": "pass"},
		{"type": "sca", "result": "pass"},
	])
	fs := a8_29.findings with input as _input({"ChangeRecord": {"chg-fix": rerun, "chg-sso": _project}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_test_run_after_deployment if {
	late := object.union(_sca, {"performed_on": "2026-06-05T09:00:00Z"})
	fs := a8_29.findings with input as _input({"TestRun": {"sca-1": late, "pt-1": _pentest}})
	some f in _fails("R1", fs)
	contains(f.message, "(sca: TestRun/sca-1 ran on 2026-06-05, after deployment on 2026-06-04)")
}

test_pass_r1_test_run_on_deployment_day if {
	same := object.union(_sca, {"performed_on": "2026-06-04T07:00:00Z"})
	fs := a8_29.findings with input as _input({"TestRun": {"sca-1": same, "pt-1": _pentest}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_test_run_not_recorded if {
	fs := a8_29.findings with input as _input({"TestRun": {"pt-1": _pentest}})
	some f in _fails("R1", fs)
	contains(f.message, "(sca: TestRun/sca-1 is not in the bundle)")
}

test_fail_r1_no_tests_at_all if {
	bare := object.remove(_fix, ["tests"])
	fs := a8_29.findings with input as _input({"ChangeRecord": {"chg-fix": bare, "chg-sso": _project}})
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-fix"]
	contains(f.message, "(sast: no passing test recorded; sca: no passing test recorded)")
}

test_r1_population_limits if {
	bare := object.remove(_fix, ["tests"])
	emergency := object.union(bare, {"id": "chg-em", "change_class": "emergency"})
	staging := object.union(bare, {"id": "chg-stg", "environment": "staging"})
	old := object.union(bare, {"id": "chg-old", "deployed_on": "2025-11-29T08:00:00Z"})
	fs := a8_29.findings with input as _input({"ChangeRecord": {"chg-em": emergency, "chg-stg": staging, "chg-old": old}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r1_prod_by_system_without_environment if {
	bare := object.remove(_fix, ["tests", "environment"])
	fs := a8_29.findings with input as _input({"ChangeRecord": {"chg-fix": bare}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_required_tests_parameter if {
	no_sca := _with_tests(_fix, [{"type": "sast", "result": "pass", "ref": "ci:1"}])
	fs := a8_29.findings with input as object.union(
		_input({"ChangeRecord": {"chg-fix": no_sca, "chg-sso": _project}}),
		{"params": {"required_security_tests": ["sast"]}},
	)
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_no_recent_pentest if {
	old := object.union(_pentest, {"performed_on": "2025-11-29T16:00:00Z"})
	fs := a8_29.findings with input as _input({"TestRun": {"sca-1": _sca, "pt-1": old}, "ChangeRecord": {"chg-fix": _fix}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Asset/app"],
		"message": concat("", [
			"Asset/app is internet facing and has no penetration test in the last 365 days ",
			"(pentest_days; last: 2025-11-29): have it tested",
		]),
	}}
}

test_pass_r2_pentest_on_window_boundary if {
	edge := object.union(_pentest, {"performed_on": "2025-11-30T16:00:00Z"})
	fs := a8_29.findings with input as _input({
		"TestRun": {"sca-1": _sca, "pt-1": edge},
		"ChangeRecord": {"chg-fix": _fix},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_pentest_after_project_went_live if {
	before := object.union(_pentest, {"performed_on": "2026-04-01T16:00:00Z"})
	fs := a8_29.findings with input as _input({"TestRun": {"sca-1": _sca, "pt-1": before}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ChangeRecord/chg-sso"],
		"message": concat("", [
			"ChangeRecord/chg-sso went live on Asset/app on 2026-04-28, and Asset/app has had no penetration test ",
			"since (last: 2026-04-01): test it after each project",
		]),
	}}
}

test_pass_r2_pentest_on_go_live_day if {
	same := object.union(_pentest, {"performed_on": "2026-04-28T20:00:00Z"})
	fs := a8_29.findings with input as _input({"TestRun": {"sca-1": _sca, "pt-1": same}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_project_just_live_at_risk if {
	recent := object.union(_project, {"deployed_on": "2026-11-25T08:00:00Z", "go_live_on": "2026-11-25T08:00:00Z"})
	fs := a8_29.findings with input as _input({"ChangeRecord": {"chg-fix": _fix, "chg-sso": recent}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_new_app_counts_as_project if {
	launch := object.union(_fix, {"id": "chg-launch", "new_app": true, "deployed_on": "2026-07-01T08:00:00Z"})
	changes := {"chg-fix": _fix, "chg-sso": _project, "chg-launch": launch}
	fs := a8_29.findings with input as _input({"ChangeRecord": changes})
	{f.refs | some f in _fails("R2", fs)} == {["ChangeRecord/chg-launch"]}
}

test_pass_r2_pentest_names_app_by_external_id if {
	app := object.union(_app, {"external_ids": {"hostname": "app.example.com"}})
	pt := object.union(_pentest, {
		"scope": ["https://app.example.com"],
		"results": [{"check_id": "XSS-1", "resource": "app.example.com", "status": "pass"}],
	})
	fs := a8_29.findings with input as _input({"Asset": {"app": app}, "TestRun": {"sca-1": _sca, "pt-1": pt}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_internal_and_retired_apps_ignored if {
	internal := object.union(_app, {"internet_facing": false})
	retired := object.union(_app, {"id": "old", "lifecycle": {"retired_on": "2026-01-01"}})
	fs := a8_29.findings with input as _input({"Asset": {"app": internal, "old": retired}, "TestRun": {"sca-1": _sca}})
	_outcomes("R2", fs) == {"not_exercised"}
}
