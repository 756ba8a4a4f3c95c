package annexa.iso27001.a8_17_test

import data.annexa.iso27001.a8_17
import rego.v1

_params := {"config_scan_days": 7, "supplier_cert_grace_days": 90}

_laptop := {
	"kind": "Asset", "id": "laptop-1", "asset_type": "endpoint", "environment": "corp",
	"external_ids": {"mdm_id": "M1"},
}

_server := {"kind": "Asset", "id": "srv-1", "asset_type": "server", "environment": "prod", "supplier": "Supplier/aws"}

_sagemaker := {
	"kind": "Asset", "id": "ml-1", "asset_type": "compute", "environment": "prod", "supplier": "Supplier/aws",
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "relationship": {"start_on": "2021-01-01"},
	"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2027-12-31",
	}],
}

_ntp := {
	"kind": "TestRun", "id": "ntp-1", "test_type": "ntp", "performed_on": "2026-11-29T05:00:00Z", "scope": ["Asset/srv-1"],
	"results": [
		{"check_id": "time_sync_enabled", "resource": "M1", "status": "pass"},
		{"check_id": "chrony_offset_below_100ms", "resource": "Asset/srv-1", "status": "pass"},
	],
}

_log(id, source) := {
	"kind": "LoggingSource", "id": id, "system": "Asset/srv-1", "log_types": ["auth"], "destination": "Asset/siem",
	"retention_days": 400, "observed_on": "2026-11-29", "time_source": source,
}

_records := {
	"Asset": {"laptop-1": _laptop, "srv-1": _server, "ml-1": _sagemaker},
	"Supplier": {"aws": _aws},
	"TestRun": {"ntp-1": _ntp},
	"LoggingSource": {"log-a": _log("log-a", "Amazon Time Sync"), "log-b": _log("log-b", " amazon time sync ")},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_17.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
	some f in fs
	f.rule == "R1"
	f.refs == ["Asset/laptop-1", "Asset/srv-1"]
}

test_fail_r1_check_too_old if {
	old := object.union(_ntp, {"performed_on": "2026-11-22"})
	fs := a8_17.findings with input as _input({"TestRun": {"ntp-1": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-1"]
	f.message == concat("", [
		"Asset/laptop-1 has no time synchronisation check in the last 7 days (last: 2026-11-22) ",
		"(config_scan_days 7): make it follow the reference time source and collect the check",
	])
}

test_pass_r1_check_on_window_boundary if {
	edge := object.union(_ntp, {"performed_on": "2026-11-23T00:00:00Z"})
	fs := a8_17.findings with input as _input({"TestRun": {"ntp-1": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_failing_result if {
	bad := object.union(_ntp, {"results": [
		{"check_id": "time_sync_enabled", "resource": "M1", "status": "fail"},
		{"check_id": "ntp_synced", "resource": "Asset/srv-1", "status": "pass"},
	]})
	fs := a8_17.findings with input as _input({"TestRun": {"ntp-1": bad}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-1"]
	contains(f.message, "fails its time synchronisation check of 2026-11-29 (time_sync_enabled fail)")
}

test_fail_r1_uninherited_compute if {
	ended := object.union(_aws, {"certifications": [object.union(_aws.certifications[0], {"valid_to": "2026-06-30"})]})
	fs := a8_17.findings with input as _input({"Supplier": {"aws": ended}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/ml-1"]
}

test_pass_r1_ignores_retired_and_lost if {
	retired := object.union(_laptop, {"id": "laptop-2", "lifecycle": {"retired_on": "2026-11-01"}})
	lost := object.union(_laptop, {"id": "laptop-3", "lifecycle": {"lost_on": "2026-11-01"}})
	fs := a8_17.findings with input as _input({"Asset": {
		"laptop-1": _laptop, "srv-1": _server, "ml-1": _sagemaker,
		"laptop-2": retired, "laptop-3": lost,
	}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_missing_time_source if {
	none := object.remove(_log("log-c", ""), ["time_source"])
	inp := _input({"LoggingSource": {"log-a": _log("log-a", "Amazon Time Sync"), "log-c": none}})
	fs := a8_17.findings with input as inp
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["LoggingSource/log-c"]
	f.message == "LoggingSource/log-c declares no time_source: name the time source its system follows"
}

test_fail_r2_two_time_sources if {
	fs := a8_17.findings with input as _input({"LoggingSource": {
		"log-a": _log("log-a", "Amazon Time Sync"),
		"log-b": _log("log-b", "amazon time sync"),
		"log-c": _log("log-c", "pool.ntp.org"),
	}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["LoggingSource/log-c#time_source"]
	contains(f.message, "declare 2 time sources: LoggingSource/log-a, LoggingSource/log-b follow \"amazon time sync\"")
}

test_pass_r2_ignores_retired_systems if {
	retired := object.union(_server, {"lifecycle": {"retired_on": "2026-10-01"}})
	fs := a8_17.findings with input as _input({
		"Asset": {"laptop-1": _laptop, "srv-1": retired, "ml-1": _sagemaker},
		"LoggingSource": {"log-c": _log("log-c", "pool.ntp.org"), "log-a": _log("log-a", "Amazon Time Sync")},
	})
	_outcomes("R2", fs) == {"not_exercised"}
}
