package annexa.iso27001.a7_10_test

import data.annexa.iso27001.a7_10
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"posture_max_age_days": 7, "lookback_days": 365,
}

_proc := {
	"kind": "Document", "id": "proc-media", "doc_type": "procedure", "topic": "media-handling", "version": "1.1.0",
	"published_on": "2026-02-02", "approvals": [{"by": "Person/jonas", "on": "2026-01-30", "decision": "approved"}],
}

_laptop := {"kind": "Asset", "id": "laptop-1", "asset_type": "endpoint", "external_ids": {"mdm_id": "mdm:0041"}}

_usb := {
	"kind": "TestRun", "id": "usb-1", "test_type": "usb-control", "performed_on": "2026-11-28T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"],
	"results": [{"check_id": "removable_storage_blocked", "resource": "mdm:0041", "status": "pass"}],
}

_stick := {
	"kind": "Asset", "id": "usb-stick-1", "asset_type": "removable-media", "custodian": "Person/alice",
	"lifecycle": {"in_service_on": "2025-01-01"},
}

_alice := {
	"kind": "Person", "id": "alice", "start_date": "2021-03-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-03-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-media", "controls": ["iso27001:A.7.10"], "scope": ["Asset/usb-stick-1"],
	"statement": "The one encrypted backup stick is kept in the safe.", "attested_by": "Person/alice",
	"role": "Role/isms-manager", "attested_on": "2026-02-20", "valid_until": "2027-02-19",
}

_records := {
	"Document": {"proc-media": _proc},
	"Asset": {"laptop-1": _laptop, "usb-stick-1": _stick},
	"TestRun": {"usb-1": _usb},
	"Person": {"alice": _alice},
	"Attestation": {"att-media": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a7_10.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_procedure if {
	policy := object.union(_proc, {"doc_type": "policy"})
	fs := a7_10.findings with input as _input({"Document": {"proc-media": policy}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current media-handling procedure at 2026-11-30: publish and ",
		"approve a procedure with topic media-handling",
	])
}

test_fail_r2_usb_not_blocked if {
	open := object.union(_usb, {"results": [
		{"check_id": "removable_storage_blocked", "resource": "mdm:0041", "status": "fail"},
	]})
	fs := a7_10.findings with input as _input({"TestRun": {"usb-1": open}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-1"]
	f.message == concat("", [
		"Asset/laptop-1 failed removable_storage_blocked in the usb-control snapshot of 2026-11-28: ",
		"block or force-encrypt removable storage",
	])
}

test_fail_r2_no_recent_snapshot if {
	old := object.union(_usb, {"performed_on": "2026-11-22"})
	fs := a7_10.findings with input as _input({"TestRun": {"usb-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "(last: 2026-11-22)")
}

test_fail_r3_media_without_custodian if {
	orphan := object.remove(_stick, ["custodian"])
	fs := a7_10.findings with input as _input({"Asset": {"laptop-1": _laptop, "usb-stick-1": orphan}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/usb-stick-1#custodian"]
	f.message == concat("", [
		"Asset/usb-stick-1 is in service without an active custodian ",
		"(custodian: none): name the person who keeps it",
	])
}

test_fail_r3_custodian_left if {
	gone := object.union(_alice, {"end_date": "2026-06-30"})
	fs := a7_10.findings with input as _input({"Person": {"alice": gone}})
	"fail" in _outcomes("R3", fs)
}

test_fail_r3_retired_without_disposal if {
	retired := object.union(_stick, {"lifecycle": {"retired_on": "2026-05-01"}})
	fs := a7_10.findings with input as _input({"Asset": {"laptop-1": _laptop, "usb-stick-1": retired}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/usb-stick-1#lifecycle.disposal"]
}

test_pass_r3_retired_with_disposal if {
	retired := object.union(_stick, {"lifecycle": {
		"retired_on": "2026-05-01",
		"disposal": {"method": "shred", "on": "2026-05-02"},
	}})
	fs := a7_10.findings with input as _input({"Asset": {"laptop-1": _laptop, "usb-stick-1": retired}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r4_media_in_service_without_attestation if {
	fs := a7_10.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Asset/usb-stick-1", "ManagementSystem"]
	f.message == concat("", [
		"storage media exist outside technical control (1 registered in service, 0 endpoints not controlled) ",
		"and no current attestation by Role/facilities-lead or Role/isms-manager covers them ",
		"(no Attestation names iso27001:A.7.10): record an Attestation",
	])
}

test_pass_r4_technically_controlled_without_attestation if {
	fs := a7_10.findings with input as _input({"Asset": {"laptop-1": _laptop}, "Attestation": {}})
	some f in fs
	f.rule == "R4"
	f.outcome == "pass"
	f.message == "removable media are blocked or force-encrypted on every endpoint and none are registered"
}

test_fail_r4_uncontrolled_endpoint_without_attestation if {
	open := object.union(_usb, {"results": [
		{"check_id": "removable_storage_blocked", "resource": "mdm:0041", "status": "fail"},
	]})
	fs := a7_10.findings with input as _input({
		"Asset": {"laptop-1": _laptop}, "TestRun": {"usb-1": open},
		"Attestation": {},
	})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
}
