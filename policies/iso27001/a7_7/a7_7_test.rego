package annexa.iso27001.a7_7_test

import data.annexa.iso27001.a7_7
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"ack_grace_days": 30, "posture_max_age_days": 7, "screen_lock_max_minutes": 15,
	"clear_desk_check_days": 90, "lookback_days": 365,
}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/berlin"]},
}

_berlin := {"kind": "Site", "id": "berlin", "site_type": "office", "operated_by": "self"}

_pol := {
	"kind": "Document", "id": "pol-clear-desk", "doc_type": "topic-policy", "topic": "clear-desk", "version": "1.2.0",
	"published_on": "2026-01-20", "approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
}

_alice := {"kind": "Person", "id": "alice", "start_date": "2021-03-01"}

_ack := {
	"kind": "Acknowledgement", "id": "ack-alice", "person": "Person/alice", "ack_type": "policy",
	"document": "Document/pol-clear-desk", "document_version": "1.2.0", "signed_on": "2026-02-01",
}

_laptop := {"kind": "Asset", "id": "laptop-1", "asset_type": "endpoint", "external_ids": {"mdm_id": "mdm:0041"}}

_posture := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-28T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"],
	"results": [{"check_id": "screen_lock_minutes_le_15", "resource": "mdm:0041", "status": "pass"}],
}

_check := {
	"kind": "Activity", "id": "cd-1", "activity_type": "clear-desk-check", "subject_refs": ["Site/berlin"],
	"performed_by": "Person/hank", "performed_on": "2026-10-15", "outcome": "issues-found",
	"outputs": ["Nonconformity/nc-7"],
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"berlin": _berlin},
	"Document": {"pol-clear-desk": _pol},
	"Person": {"alice": _alice},
	"Acknowledgement": {"ack-alice": _ack},
	"Asset": {"laptop-1": _laptop},
	"TestRun": {"mdm-1": _posture},
	"Activity": {"cd-1": _check},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a7_7.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_policy if {
	fs := a7_7.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r1_not_acknowledged if {
	fs := a7_7.findings with input as _input({"Acknowledgement": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-clear-desk", "Person/alice"]
	f.message == "Document/pol-clear-desk is not acknowledged by 1 of 1 active people: have Person/alice acknowledge it"
}

test_pass_r1_newcomer_on_grace_boundary if {
	# Started 30 days before the as-of date: still within ack_grace_days.
	newbie := object.union(_alice, {"start_date": "2026-10-31"})
	fs := a7_7.findings with input as _input({"Person": {"alice": newbie}, "Acknowledgement": {}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_lock_limit_looser_than_parameter if {
	loose := object.union(_posture, {"results": [
		{"check_id": "screen_lock_minutes_le_30", "resource": "mdm:0041", "status": "pass"},
	]})
	fs := a7_7.findings with input as _input({"TestRun": {"mdm-1": loose}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-1"]
	f.message == concat("", [
		"Asset/laptop-1 does not lock its screen within screen_lock_max_minutes (15) in the snapshot of 2026-11-28 ",
		"(screen_lock_minutes_le_30 pass): fix the setting",
	])
}

test_fail_r2_lock_check_failed if {
	failed := object.union(_posture, {"results": [
		{"check_id": "screen_lock", "resource": "Asset/laptop-1", "status": "fail"},
	]})
	fs := a7_7.findings with input as _input({"TestRun": {"mdm-1": failed}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "(screen_lock fail)")
}

test_fail_r2_snapshot_stale if {
	old := object.union(_posture, {"performed_on": "2026-11-22T02:00:00Z"})
	fs := a7_7.findings with input as _input({"TestRun": {"mdm-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "(last: 2026-11-22)")
}

test_fail_r2_snapshot_without_lock_check if {
	other := object.union(_posture, {"results": [
		{"check_id": "disk_encryption", "resource": "mdm:0041", "status": "pass"},
	]})
	fs := a7_7.findings with input as _input({"TestRun": {"mdm-1": other}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "(last: never)")
}

test_pass_r2_snapshot_on_window_boundary if {
	edge := object.union(_posture, {"performed_on": "2026-11-23"})
	fs := a7_7.findings with input as _input({"TestRun": {"mdm-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_no_recent_desk_check if {
	old := object.union(_check, {"performed_on": "2026-08-31"})
	fs := a7_7.findings with input as _input({"Activity": {"cd-1": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	f.message == concat("", [
		"Site/berlin has no clear-desk-check in the last 90 days (clear_desk_check_days; last: 2026-08-31): ",
		"spot-check the desks",
	])
}

test_pass_r3_desk_check_on_window_boundary if {
	edge := object.union(_check, {"performed_on": "2026-09-01"})
	fs := a7_7.findings with input as _input({"Activity": {"cd-1": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_issues_without_follow_up if {
	loose := object.remove(_check, ["outputs"])
	fs := a7_7.findings with input as _input({"Activity": {"cd-1": loose}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Activity/cd-1#outputs"]
}

test_fail_r3_remote_organisation_without_attestation if {
	isms := object.union(_isms, {"boundaries": {"sites": []}})
	fs := a7_7.findings with input as _input({"ManagementSystem": {"isms": isms}, "Activity": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "no Attestation names iso27001:A.7.7")
}

test_pass_r3_remote_organisation_attested if {
	isms := object.union(_isms, {"boundaries": {"sites": []}})
	hank := {
		"kind": "Person", "id": "hank", "start_date": "2020-01-01",
		"roles": [{"role": "Role/isms-manager", "from": "2020-01-01"}],
	}
	att := {
		"kind": "Attestation", "id": "att-cd", "controls": ["iso27001:A.7.7"], "scope": ["ManagementSystem/isms"],
		"statement": "Home workers keep no paper; screens lock.", "attested_by": "Person/hank",
		"role": "Role/isms-manager", "attested_on": "2026-02-20", "valid_until": "2027-02-19",
	}
	fs := a7_7.findings with input as _input({
		"ManagementSystem": {"isms": isms}, "Activity": {},
		"Person": {"alice": _alice, "hank": hank}, "Attestation": {"att-cd": att},
	})
	_outcomes("R3", fs) == {"pass"}
}
