package annexa.iso27001.a8_1_test

import data.annexa.iso27001.a8_1
import rego.v1

_params := {
	"posture_max_age_days": 7, "screen_lock_max_minutes": 15, "os_patch_days": 30,
	"asset_return_days": 7, "lookback_days": 365, "at_risk_days": 7,
}

_alice := {"kind": "Person", "id": "alice", "start_date": "2024-01-01"}

_bob := {"kind": "Person", "id": "bob", "start_date": "2024-01-01", "end_date": "2026-10-31"}

_laptop := {
	"kind": "Asset", "id": "lt-1", "asset_type": "endpoint", "assigned_to": "Person/alice",
	"external_ids": {"mdm_id": "SER1"},
}

_bob_laptop := {
	"kind": "Asset", "id": "lt-2", "asset_type": "endpoint", "assigned_to": "Person/bob",
	"external_ids": {"mdm_id": "SER2"},
	"lifecycle": {"returned_on": "2026-10-31"},
}

_checks(resource) := [
	{"check_id": "disk_encryption", "resource": resource, "status": "pass"},
	{"check_id": "screen_lock_max_5_minutes", "resource": resource, "status": "pass"},
	{"check_id": "os_supported_and_patched_30d", "resource": resource, "status": "pass"},
	{"check_id": "edr_running_definitions_current", "resource": resource, "status": "pass"},
]

_posture := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-29T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"], "results": _checks("SER1"),
}

_records := {
	"Person": {"alice": _alice, "bob": _bob},
	"Asset": {"lt-1": _laptop, "lt-2": _bob_laptop},
	"TestRun": {"mdm-1": _posture},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_results(results) := {"TestRun": {"mdm-1": object.union(_posture, {"results": results})}}

test_pass_all_rules if {
	fs := a8_1.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_separate_os_checks_and_le_form if {
	results := [
		{"check_id": "disk_encryption", "resource": "Asset/lt-1", "status": "pass"},
		{"check_id": "screen_lock_minutes_le_15", "resource": "Asset/lt-1", "status": "pass"},
		{"check_id": "os_supported", "resource": "Asset/lt-1", "status": "pass"},
		{"check_id": "os_patched_14d", "resource": "Asset/lt-1", "status": "pass"},
		{"check_id": "edr_running", "resource": "Asset/lt-1", "status": "pass"},
	]
	fs := a8_1.findings with input as _input(_with_results(results))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r1_assignee_missing if {
	unassigned := object.remove(_laptop, ["assigned_to"])
	fs := a8_1.findings with input as _input({"Asset": {"lt-1": unassigned, "lt-2": _bob_laptop}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/lt-1#assigned_to"]
	f.message == "Asset/lt-1 is assigned to nobody (assigned_to): assign it to the person who uses it or take it back"
}

test_fail_r1_not_enrolled if {
	# posture is reported by Asset ref, so only the missing mdm_id breaks the rule
	bare := object.remove(_laptop, ["external_ids"])
	results := [object.union(r, {"resource": "Asset/lt-1"}) | some r in _checks("x")]
	extra := object.union(_with_results(results), {"Asset": {"lt-1": bare, "lt-2": _bob_laptop}})
	fs := a8_1.findings with input as _input(extra)
	_outcomes("R1", fs) == {"fail"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_snapshot_too_old if {
	old := object.union(_posture, {"performed_on": "2026-11-22"})
	fs := a8_1.findings with input as _input({"TestRun": {"mdm-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/lt-1"]
	f.message == concat("", [
		"Asset/lt-1 has no device posture snapshot in the last 7 days (posture_max_age_days; last: 2026-11-22): ",
		"collect posture from MDM",
	])
}

test_pass_r2_snapshot_on_window_boundary if {
	edge := object.union(_posture, {"performed_on": "2026-11-23"})
	fs := a8_1.findings with input as _input({"TestRun": {"mdm-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_encryption_off if {
	off := {"check_id": "disk_encryption", "resource": "SER1", "status": "fail"}
	results := array.concat([off], array.slice(_checks("SER1"), 1, 4))
	fs := a8_1.findings with input as _input(_with_results(results))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/mdm-1#results.0"]
	f.message == concat("", [
		"Asset/lt-1 does not show disk encryption: disk_encryption reported fail; ",
		"fix the device or its MDM checks",
	])
}

test_fail_r2_screen_lock_limit_too_loose if {
	results := [
		{"check_id": "disk_encryption", "resource": "SER1", "status": "pass"},
		{"check_id": "screen_lock_max_30_minutes", "resource": "SER1", "status": "pass"},
		{"check_id": "os_supported_and_patched_30d", "resource": "SER1", "status": "pass"},
		{"check_id": "edr_running", "resource": "SER1", "status": "pass"},
	]
	fs := a8_1.findings with input as _input(_with_results(results))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "screen_lock_max_30_minutes states no limit of at most 15 minutes")
}

test_fail_r2_os_patch_window_too_long if {
	results := [
		{"check_id": "disk_encryption", "resource": "SER1", "status": "pass"},
		{"check_id": "screen_lock_max_5_minutes", "resource": "SER1", "status": "pass"},
		{"check_id": "os_supported_and_patched_60d", "resource": "SER1", "status": "pass"},
		{"check_id": "edr_running", "resource": "SER1", "status": "pass"},
	]
	fs := a8_1.findings with input as _input(_with_results(results))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "no check shows patches within 30 days")
}

test_fail_r2_edr_missing if {
	fs := a8_1.findings with input as _input(_with_results(array.slice(_checks("SER1"), 0, 3)))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/lt-1"]
	contains(f.message, "endpoint protection running: no check reports it")
}

test_r2_ignores_device_back_in_stock if {
	# lt-2 was returned by a leaver and has no posture: it is out of R1 and R2
	fs := a8_1.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["Asset/lt-1"]
}

test_fail_r3_leaver_device_not_returned if {
	kept := object.remove(_bob_laptop, ["lifecycle"])
	fs := a8_1.findings with input as _input({"Asset": {"lt-1": _laptop, "lt-2": kept}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/lt-2"]
	f.message == concat("", [
		"Asset/lt-2 of Person/bob (left 2026-10-31) was neither returned nor wiped by 2026-11-07 ",
		"(asset_return_days 7): recover or wipe it",
	])
}

test_fail_r3_returned_late if {
	late := object.union(_bob_laptop, {"lifecycle": {"returned_on": "2026-11-10"}})
	fs := a8_1.findings with input as _input({"Asset": {"lt-1": _laptop, "lt-2": late}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/lt-2#lifecycle"]
}

test_pass_r3_wiped_instead_of_returned if {
	wiped := object.union(_bob_laptop, {"lifecycle": {"disposal": {"method": "crypto-erase", "on": "2026-11-07"}}})
	fs := a8_1.findings with input as _input({"Asset": {"lt-1": _laptop, "lt-2": wiped}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_at_risk_inside_window if {
	kept := object.remove(_bob_laptop, ["lifecycle"])
	recent := object.union(_bob, {"end_date": "2026-11-27"})
	fs := a8_1.findings with input as _input({
		"Asset": {"lt-1": _laptop, "lt-2": kept},
		"Person": {"alice": _alice, "bob": recent},
	})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_not_exercised_without_endpoints if {
	fs := a8_1.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	_outcomes("R1", fs) == {"not_exercised"}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r2_two_failing_checks_in_one_family if {
	results := [
		{"check_id": "disk_encryption", "resource": "SER1", "status": "pass"},
		{"check_id": "screen_lock_max_5_minutes", "resource": "SER1", "status": "pass"},
		{"check_id": "os_supported", "resource": "SER1", "status": "fail"},
		{"check_id": "os_patched_30d", "resource": "SER1", "status": "error"},
		{"check_id": "edr_running", "resource": "SER1", "status": "pass"},
	]
	fs := a8_1.findings with input as _input(_with_results(results))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/mdm-1#results.2", "TestRun/mdm-1#results.3"]
	contains(f.message, "os_patched_30d reported error, os_supported reported fail")
}
