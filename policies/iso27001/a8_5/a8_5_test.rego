package annexa.iso27001.a8_5_test

import data.annexa.iso27001.a8_5
import rego.v1

_params := {
	"phishing_resistant_methods": ["webauthn"], "lockout_threshold": 10, "config_scan_days": 7,
	"lookback_days": 365,
}

_user := {
	"kind": "Account", "id": "okta-bob", "system": "Asset/okta", "account_type": "human", "holder": "Person/bob",
	"privileged": false, "mfa": {"enabled": true, "method": "push"}, "created_on": "2024-01-01",
	"observed_on": "2026-11-29",
}

_admin := {
	"kind": "Account", "id": "okta-ann", "system": "Asset/okta", "account_type": "human", "holder": "Person/ann",
	"privileged": true, "mfa": {"enabled": true, "method": "webauthn"}, "created_on": "2024-01-01",
	"observed_on": "2026-11-29",
}

_idp := {
	"kind": "TestRun", "id": "idp-1", "test_type": "idp", "performed_on": "2026-11-29T04:30:00Z", "scope": ["Asset/okta"],
	"results": [
		{"check_id": "mfa_required_all_users", "resource": "Asset/okta", "status": "pass"},
		{"check_id": "lockout_threshold_max_10", "resource": "Asset/okta", "status": "pass"},
		{"check_id": "session_lifetime_max_12h", "resource": "Asset/okta", "status": "pass"},
	],
}

_records := {"Account": {"okta-bob": _user, "okta-ann": _admin}, "TestRun": {"idp-1": _idp}}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_results(results) := {"TestRun": {"idp-1": object.union(_idp, {"results": results})}}

test_pass_all_rules if {
	fs := a8_5.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_user_without_mfa if {
	bare := object.union(_user, {"mfa": {"enabled": false}})
	fs := a8_5.findings with input as _input({"Account": {"okta-bob": bare, "okta-ann": _admin}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Account/okta-bob#mfa"]
	f.message == "Account/okta-bob (Asset/okta, Person/bob) signs in without a second factor (mfa.enabled): enforce MFA"
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r1_mfa_field_missing if {
	fs := a8_5.findings with input as _input({"Account": {"okta-bob": object.remove(_user, ["mfa"]), "okta-ann": _admin}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_disabled_account_ignored if {
	off := object.union(object.remove(_user, ["mfa"]), {"disabled_on": "2026-10-01"})
	fs := a8_5.findings with input as _input({"Account": {"okta-bob": off, "okta-ann": _admin}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_admin_on_push if {
	pushed := object.union(_admin, {"mfa": {"enabled": true, "method": "push"}})
	fs := a8_5.findings with input as _input({"Account": {"okta-bob": _user, "okta-ann": pushed}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/okta-ann#mfa"]
	f.message == concat("", [
		"privileged Account/okta-ann (Asset/okta) uses MFA method push, not a phishing-resistant method ",
		"(phishing_resistant_methods: webauthn): switch it",
	])
}

test_r2_not_exercised_without_parameter if {
	fs := a8_5.findings with input as object.union(_input({}), {"params": {"phishing_resistant_methods": []}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_no_idp_export if {
	fs := a8_5.findings with input as _input({"TestRun": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
}

test_fail_r3_export_stale if {
	old := object.union(_idp, {"performed_on": "2026-11-20"})
	fs := a8_5.findings with input as _input({"TestRun": {"idp-1": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/idp-1"]
	contains(f.message, "is from 2026-11-20, more than 7 days ago")
}

test_fail_r3_lockout_too_lenient if {
	results := [{"check_id": "lockout_threshold_max_20", "resource": "Asset/okta", "status": "pass"}, _idp.results[2]]
	fs := a8_5.findings with input as _input(_with_results(results))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.message == concat("", [
		"Asset/okta does not show a compliant lockout setting in TestRun/idp-1: lockout_threshold_max_20 allows more ",
		"than lockout_threshold (10) attempts; fix the identity provider settings",
	])
}

test_fail_r3_session_check_missing if {
	fs := a8_5.findings with input as _input(_with_results(array.slice(_idp.results, 0, 2)))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "compliant session setting")
}

test_fail_r3_lockout_without_number if {
	results := [{"check_id": "lockout_threshold_set", "resource": "Asset/okta", "status": "pass"}, _idp.results[2]]
	fs := a8_5.findings with input as _input(_with_results(results))
	_outcomes("R3", fs) == {"fail"}
}
