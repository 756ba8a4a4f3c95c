package annexa.iso27001.a5_17_test

import data.annexa.iso27001.a5_17
import rego.v1

_params := {
	"ack_coverage_pct": 100, "ack_grace_days": 30, "config_scan_days": 7, "min_password_length": 14,
	"lockout_threshold": 10, "key_rotation_days": {"access_keys": 90, "cmk": 365}, "secret_sla_days": 1,
	"at_risk_days": 7, "exception_max_days": 365, "exception_approver_roles": ["isms-manager", "ciso"],
}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_miriam := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2021-06-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-06-01"}],
}

_policy := {
	"kind": "Document", "id": "pol-auth", "doc_type": "topic-policy", "topic": "authentication", "version": "2.0.0",
	"published_on": "2026-01-20", "audience": ["all-personnel"],
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
}

_ack := {
	"kind": "Acknowledgement", "id": "ack-miriam", "person": "Person/miriam", "ack_type": "policy",
	"document": "Document/pol-auth", "document_version": "2.0.0", "signed_on": "2026-01-22",
}

_idp := {
	"kind": "TestRun", "id": "okta-2026-11-29", "test_type": "idp", "performed_on": "2026-11-29T02:00:00Z",
	"scope": ["Asset/okta"],
	"results": [
		{"check_id": "password_min_length_ge_16", "resource": "okta:policy/default", "status": "pass"},
		{"check_id": "lockout_threshold_le_5", "resource": "okta:policy/default", "status": "pass"},
	],
}

_svc := {
	"kind": "Account", "id": "svc-deploy", "system": "Asset/aws", "external_id": "deploy-bot", "account_type": "service",
	"service_owner": "Person/miriam", "privileged": true, "created_on": "2024-01-01",
	"credential_rotated_on": "2026-10-01", "observed_on": "2026-11-29",
}

_leak := {
	"kind": "Finding", "id": "secret-1", "source": "manual", "finding_type": "secret", "asset": "Asset/repo-app",
	"severity": "high", "first_seen_on": "2026-11-10", "resolved_on": "2026-11-10",
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"miriam": _miriam},
	"Document": {"pol-auth": _policy},
	"Acknowledgement": {"ack-miriam": _ack},
	"TestRun": {"okta-2026-11-29": _idp},
	"Account": {"svc-deploy": _svc},
	"Finding": {"secret-1": _leak},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_17.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"pass"}
	_outcomes("R4", fs) == {"not_exercised"}
}

test_fail_r1_no_policy if {
	fs := a5_17.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no current authentication policy at 2026-11-30: publish a Document with topic authentication and ",
		"approve its version",
	])
}

test_fail_r1_not_acknowledged if {
	fs := a5_17.findings with input as _input({"Acknowledgement": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-auth", "Person/miriam"]
	f.message == concat("", [
		"Document/pol-auth: 0 of 1 active people in its audience acknowledged major version 2, below ",
		"ack_coverage_pct 100: have Person/miriam acknowledge it",
	])
}

test_fail_r2_password_too_short if {
	weak := object.union(_idp, {"results": [
		{"check_id": "password_min_length_ge_12", "resource": "okta:policy/default", "status": "pass"},
		{"check_id": "lockout_threshold_le_5", "resource": "okta:policy/default", "status": "pass"},
	]})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": weak}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/okta-2026-11-29#results"]
	f.message == concat("", [
		"TestRun/okta-2026-11-29 shows no passing check that passwords need at least 14 characters ",
		"(min_password_length; a passing password_min_length_ge_N check with N at least that): raise the minimum ",
		"length in the identity provider and export again",
	])
}

test_pass_r2_thresholds_exactly_met if {
	edge := object.union(_idp, {"results": [
		{"check_id": "password_min_length_ge_14", "status": "pass"},
		{"check_id": "lockout_threshold_le_10", "status": "pass"},
	]})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_bundle_spelling if {
	other := object.union(_idp, {"results": [
		{"check_id": "min_password_length_14", "status": "pass"},
		{"check_id": "lockout_threshold_max_10", "status": "pass"},
	]})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": other}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_unrelated_number_not_a_setting if {
	other := object.union(_idp, {"results": [
		{"check_id": "session_lifetime_max_12h", "status": "pass"},
		{"check_id": "admin_count_max_4", "status": "pass"},
		{"check_id": "lockout_threshold_max_10", "status": "pass"},
	]})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": other}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_lockout_check_failed if {
	failed := object.union(_idp, {"results": [
		{"check_id": "password_min_length_ge_16", "status": "pass"},
		{"check_id": "lockout_threshold_le_5", "status": "fail"},
	]})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": failed}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "lock after at most 10 failed sign-ins")
}

test_fail_r2_lockout_too_lax if {
	lax := object.union(_idp, {"results": [
		{"check_id": "password_min_length_ge_16", "status": "pass"},
		{"check_id": "lockout_threshold_le_20", "status": "pass"},
	]})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": lax}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_export_stale if {
	old := object.union(_idp, {"performed_on": "2026-11-20"})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/okta-2026-11-29"]
}

test_fail_r2_no_export if {
	fs := a5_17.findings with input as _input({"TestRun": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r2_second_idp_judged_separately if {
	google := object.union(_idp, {"id": "google-2026-11-28", "scope": ["Asset/google"], "results": []})
	fs := a5_17.findings with input as _input({"TestRun": {"okta-2026-11-29": _idp, "google-2026-11-28": google}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/google-2026-11-28#results"]
}

test_fail_r3_credential_not_rotated if {
	old := object.union(_svc, {"credential_rotated_on": "2026-08-31"})
	fs := a5_17.findings with input as _input({"Account": {"svc-deploy": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Account/svc-deploy#credential_rotated_on"]
	f.message == concat("", [
		"Account/svc-deploy (service, Asset/aws) was last rotated on 2026-08-31, more than 90 days ",
		"(key_rotation_days.access_keys) ago: rotate the credential or record an Exception",
	])
}

test_fail_r3_never_rotated if {
	never := object.remove(_svc, ["credential_rotated_on"])
	fs := a5_17.findings with input as _input({"Account": {"svc-deploy": never}})
	some f in fs
	f.rule == "R3"
	contains(f.message, "was created on 2024-01-01 and never rotated")
}

test_fail_r3_rotation_after_as_of_does_not_count if {
	later := object.union(_svc, {"credential_rotated_on": "2026-12-10"})
	fs := a5_17.findings with input as _input({"Account": {"svc-deploy": later}})
	some f in fs
	f.rule == "R3"
	contains(f.message, "was created on 2024-01-01 and never rotated")
}

test_r3_at_risk_on_due_date if {
	due := object.union(_svc, {"credential_rotated_on": "2026-09-01"})
	fs := a5_17.findings with input as _input({"Account": {"svc-deploy": due}})
	_outcomes("R3", fs) == {"at_risk", "pass"}
}

test_pass_r3_excepted if {
	old := object.union(_svc, {"credential_rotated_on": "2026-01-01"})
	exc := {
		"kind": "Exception", "id": "exc-key", "applies_to": ["Account/svc-deploy"], "reason": "vendor-managed key",
		"requested_by": "Person/ivan", "approved_by": "Person/miriam",
		"approved_on": "2026-06-01", "expires_on": "2026-12-31",
	}
	fs := a5_17.findings with input as _input({"Account": {"svc-deploy": old}, "Exception": {"exc-key": exc}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r4_secret_open_past_sla if {
	open := object.remove(_leak, ["resolved_on"])
	fs := a5_17.findings with input as _input({"Finding": {"secret-1": open}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Finding/secret-1"]
	f.message == concat("", [
		"Finding/secret-1 (leaked secret on Asset/repo-app, first seen 2026-11-10) is still open, past its deadline ",
		"2026-11-11 (secret_sla_days 1): revoke and replace the secret",
	])
}

test_r4_at_risk_within_sla if {
	fresh := object.union(object.remove(_leak, ["resolved_on"]), {"first_seen_on": "2026-11-29"})
	fs := a5_17.findings with input as _input({"Finding": {"secret-1": fresh}})
	_outcomes("R4", fs) == {"at_risk", "pass"}
}

test_fail_r4_resolved_after_as_of_counts_as_open if {
	later := object.union(_leak, {"resolved_on": "2026-12-03"})
	fs := a5_17.findings with input as _input({"Finding": {"secret-1": later}})
	_outcomes("R4", fs) == {"fail"}
}
