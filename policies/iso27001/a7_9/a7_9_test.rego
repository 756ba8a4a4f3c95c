package annexa.iso27001.a7_9_test

import data.annexa.iso27001.a7_9
import rego.v1

_params := {"posture_max_age_days": 7, "lookback_days": 365, "lost_device_wipe_hours": 24, "at_risk_days": 7}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/berlin"]},
}

_berlin := {"kind": "Site", "id": "berlin", "site_type": "office", "operated_by": "self"}

_storage := {"kind": "Site", "id": "storage", "site_type": "office", "operated_by": "Supplier/storage-co"}

_laptop := {"kind": "Asset", "id": "laptop-1", "asset_type": "endpoint", "external_ids": {"mdm_id": "mdm:0041"}}

_posture := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-28T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"],
	"results": [
		{"check_id": "disk_encryption", "resource": "mdm:0041", "status": "pass"},
		{"check_id": "remote_wipe_enabled", "resource": "mdm:0041", "status": "pass"},
	],
}

_nas := {
	"kind": "Asset", "id": "nas", "asset_type": "server", "location": "Site/storage",
	"approvals": [{"by": "Person/miriam", "on": "2026-01-10", "decision": "approved"}],
}

_lost := {
	"kind": "Asset", "id": "laptop-9", "asset_type": "endpoint",
	"lifecycle": {"lost_on": "2026-06-10", "disposal": {"method": "crypto-erase", "on": "2026-06-11"}},
}

_incident := {
	"kind": "Incident", "id": "inc-lost", "category": "security-incident", "severity": "sev3",
	"reported_on": "2026-06-10", "owner": "Person/miriam", "affected": ["Asset/laptop-9"],
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"berlin": _berlin, "storage": _storage},
	"Asset": {"laptop-1": _laptop, "nas": _nas, "laptop-9": _lost},
	"TestRun": {"mdm-1": _posture},
	"Incident": {"inc-lost": _incident},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_base_assets := {"laptop-1": _laptop, "nas": _nas, "laptop-9": _lost}

_assets(patch) := {"Asset": object.union(object.remove(_base_assets, object.keys(patch)), patch)}

test_pass_all_rules if {
	fs := a7_9.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_not_enrolled if {
	fs := a7_9.findings with input as _input({"TestRun": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-1"]
	f.message == concat("", [
		"Asset/laptop-1 has no MDM posture snapshot in the last 7 days ",
		"(last: never): enrol it in MDM and collect posture",
	])
}

test_fail_r1_not_encrypted if {
	bad := object.union(_posture, {"results": [{"check_id": "disk_encryption", "resource": "mdm:0041", "status": "fail"}]})
	fs := a7_9.findings with input as _input({"TestRun": {"mdm-1": bad}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.message == concat("", [
		"Asset/laptop-1 shows no passing disk encryption check in the snapshot ",
		"of 2026-11-28 (disk_encryption fail): encrypt the disk",
	])
}

test_fail_r1_encryption_not_reported if {
	silent := object.union(_posture, {"results": [{"check_id": "edr_running", "resource": "mdm:0041", "status": "pass"}]})
	fs := a7_9.findings with input as _input({"TestRun": {"mdm-1": silent}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "(no such check reported)")
}

test_fail_r1_remote_wipe_failed if {
	bad := object.union(_posture, {"results": [
		{"check_id": "disk_encryption", "resource": "mdm:0041", "status": "pass"},
		{"check_id": "remote_wipe_enabled", "resource": "mdm:0041", "status": "fail"},
	]})
	fs := a7_9.findings with input as _input({"TestRun": {"mdm-1": bad}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "failed remote_wipe_enabled fail")
}

test_pass_r1_snapshot_on_window_boundary if {
	edge := object.union(_posture, {"performed_on": "2026-11-23"})
	fs := a7_9.findings with input as _input({"TestRun": {"mdm-1": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_off_site_without_approval if {
	fs := a7_9.findings with input as _input(_assets({"nas": object.remove(_nas, ["approvals"])}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/nas#approvals"]
	f.message == concat("", [
		"Asset/nas (server) is kept off-premises at Site/storage without an approval: ",
		"record who approved taking it off-site",
	])
}

test_fail_r2_unknown_whereabouts if {
	fs := a7_9.findings with input as _input(_assets({"nas": object.remove(_nas, ["location"])}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/nas#location"]
	contains(f.message, "its location (none) is not a recorded Site")
}

test_r2_ignores_on_site_and_cloud_equipment if {
	onsite := object.union(object.remove(_nas, ["approvals"]), {"location": "Site/berlin"})
	cloud := {"kind": "Asset", "id": "vm", "asset_type": "server", "region": "eu-central-1"}
	fs := a7_9.findings with input as _input(_assets({"nas": onsite, "vm": cloud}))
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_lost_without_incident if {
	fs := a7_9.findings with input as _input({"Incident": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-9#lifecycle.lost_on"]
	f.message == concat("", [
		"Asset/laptop-9 was lost on 2026-06-10 but no Incident names it ",
		"in affected: report the loss as an incident",
	])
}

test_fail_r3_wiped_late if {
	late := object.union(_lost, {"lifecycle": {"disposal": {"on": "2026-06-12"}}})
	fs := a7_9.findings with input as _input(_assets({"laptop-9": late}))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-9#lifecycle.disposal.on"]
}

test_fail_r3_never_wiped if {
	unwiped := object.union(object.remove(_lost, ["lifecycle"]), {"lifecycle": {"lost_on": "2026-06-10"}})
	fs := a7_9.findings with input as _input(_assets({"laptop-9": unwiped}))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "no wipe is recorded (due 2026-06-11")
}

test_r3_recent_loss_at_risk if {
	recent := object.union(object.remove(_lost, ["lifecycle"]), {"lifecycle": {"lost_on": "2026-11-30"}})
	fs := a7_9.findings with input as _input(_assets({"laptop-9": recent}))
	_outcomes("R3", fs) == {"pass", "at_risk"}
}
