package annexa.iso27001.a6_7_test

import data.annexa.iso27001.a6_7
import rego.v1

_params := {"ack_grace_days": 30, "posture_max_age_days": 7}

_pol := {
	"kind": "Document", "id": "pol-remote", "doc_type": "topic-policy", "topic": "remote-working", "version": "2.0.0",
	"published_on": "2026-01-20", "requires_acknowledgement": true,
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
}

_alice := {"kind": "Person", "id": "alice", "start_date": "2021-03-01", "remote_eligible": true}

_ack := {
	"kind": "Acknowledgement", "id": "ack-alice", "person": "Person/alice", "ack_type": "policy",
	"document": "Document/pol-remote", "document_version": "2.0.0", "signed_on": "2026-02-01",
}

_laptop := {
	"kind": "Asset", "id": "laptop-1", "asset_type": "endpoint", "assigned_to": "Person/alice",
	"external_ids": {"mdm_id": "mdm:0041"},
}

_posture := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-28T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"],
	"results": [
		{"check_id": "disk_encryption", "resource": "mdm:0041", "status": "pass"},
		{"check_id": "edr_running", "resource": "mdm:0041", "status": "pass"},
	],
}

_account := {
	"kind": "Account", "id": "okta-alice", "system": "Asset/okta", "account_type": "human", "holder": "Person/alice",
	"privileged": false, "created_on": "2021-03-01", "mfa": {"enabled": true, "method": "webauthn"},
}

_records := {
	"Document": {"pol-remote": _pol},
	"Person": {"alice": _alice},
	"Acknowledgement": {"ack-alice": _ack},
	"Asset": {"laptop-1": _laptop},
	"TestRun": {"mdm-1": _posture},
	"Account": {"okta-alice": _account},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a6_7.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_policy if {
	fs := a6_7.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
}

test_fail_r1_not_acknowledged if {
	fs := a6_7.findings with input as _input({"Acknowledgement": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-remote", "Person/alice"]
	f.message == concat("", [
		"Document/pol-remote is not acknowledged by 1 of 1 ",
		"remote-eligible people: have Person/alice acknowledge it",
	])
}

test_pass_r1_office_only_people_not_counted if {
	office := object.union(_alice, {"remote_eligible": false})
	fs := a6_7.findings with input as _input({"Person": {"alice": office}, "Acknowledgement": {}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_snapshot_too_old if {
	old := object.union(_posture, {"performed_on": "2026-11-22"})
	fs := a6_7.findings with input as _input({"TestRun": {"mdm-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-1"]
	f.message == concat("", [
		"Asset/laptop-1 (assigned to Person/alice) has no posture snapshot in the last 7 days (last: 2026-11-22): ",
		"enrol it in MDM and collect posture",
	])
}

test_pass_r2_snapshot_on_window_boundary if {
	edge := object.union(_posture, {"performed_on": "2026-11-23"})
	fs := a6_7.findings with input as _input({"TestRun": {"mdm-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_failed_check_in_latest_snapshot if {
	bad := object.union(_posture, {"results": [
		{"check_id": "disk_encryption", "resource": "mdm:0041", "status": "fail"},
		{"check_id": "edr_running", "resource": "Asset/laptop-1", "status": "error"},
	]})
	fs := a6_7.findings with input as _input({"TestRun": {"mdm-1": bad}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "failed disk_encryption, edr_running in the posture snapshot of 2026-11-28")
}

test_pass_r2_old_failure_fixed_in_later_snapshot if {
	bad := object.union(_posture, {"id": "mdm-0", "performed_on": "2026-11-25", "results": [
		{"check_id": "disk_encryption", "resource": "mdm:0041", "status": "fail"},
	]})
	fs := a6_7.findings with input as _input({"TestRun": {"mdm-0": bad, "mdm-1": _posture}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_never_reported if {
	fs := a6_7.findings with input as _input({"TestRun": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "(last: never)")
}

test_r2_ignores_lost_and_retired_devices if {
	lost := object.union(_laptop, {"lifecycle": {"lost_on": "2026-11-01"}})
	retired := object.union(_laptop, {"id": "laptop-2", "lifecycle": {"retired_on": "2026-10-01"}})
	fs := a6_7.findings with input as _input({"Asset": {"laptop-1": lost, "laptop-2": retired}, "TestRun": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_account_without_mfa if {
	nomfa := object.union(_account, {"mfa": {"enabled": false}})
	fs := a6_7.findings with input as _input({"Account": {"okta-alice": nomfa}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Account/okta-alice#mfa"]
	f.message == concat("", [
		"Account/okta-alice in Asset/okta, held by remote-eligible ",
		"Person/alice, does not require a second factor: enable MFA on it",
	])
}

test_fail_r3_mfa_missing if {
	nomfa := object.remove(_account, ["mfa"])
	fs := a6_7.findings with input as _input({"Account": {"okta-alice": nomfa}})
	"fail" in _outcomes("R3", fs)
}

test_r3_ignores_disabled_accounts if {
	off := object.union(_account, {"mfa": {"enabled": false}, "disabled_on": "2026-11-30"})
	fs := a6_7.findings with input as _input({"Account": {"okta-alice": off}})
	_outcomes("R3", fs) == {"not_exercised"}
}
