package annexa.iso27001.a5_11_test

import data.annexa.iso27001.a5_11
import rego.v1

_params := {"lookback_days": 365, "asset_return_days": 7, "at_risk_days": 7}

_ivan := {
	"kind": "Person", "id": "ivan", "employment_type": "employee",
	"start_date": "2022-09-01", "end_date": "2026-10-31",
}

_alice := {"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2023-01-01"}

_laptop := {
	"kind": "Asset", "id": "laptop-ivan", "asset_type": "endpoint", "owner": "Person/it", "assigned_to": "Person/ivan",
	"classification": "internal", "criticality": "medium", "environment": "corp",
	"lifecycle": {"in_service_on": "2022-09-01", "returned_on": "2026-11-03"},
}

_laptop2 := {
	"kind": "Asset", "id": "laptop-alice", "asset_type": "endpoint", "owner": "Person/it", "assigned_to": "Person/alice",
	"classification": "internal", "criticality": "medium", "environment": "corp",
	"lifecycle": {"in_service_on": "2023-01-01"},
}

_records := {
	"Person": {"ivan": _ivan, "alice": _alice},
	"Asset": {"laptop-ivan": _laptop, "laptop-alice": _laptop2},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_life(fields) := object.union(object.remove(_laptop, ["lifecycle"]), {"lifecycle": fields})

test_pass_all_rules if {
	fs := a5_11.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_returned_late if {
	late := _life({"returned_on": "2026-11-08"})
	fs := a5_11.findings with input as _input({"Asset": {"laptop-ivan": late, "laptop-alice": _laptop2}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-ivan#lifecycle.returned_on"]
	f.message == concat("", [
		"Asset/laptop-ivan of Person/ivan was returned on 2026-11-08, after 2026-11-07 (left on 2026-10-31, ",
		"asset_return_days 7): collect devices in time",
	])
}

test_pass_r1_returned_on_deadline if {
	edge := _life({"returned_on": "2026-11-07"})
	fs := a5_11.findings with input as _input({"Asset": {"laptop-ivan": edge, "laptop-alice": _laptop2}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_not_returned if {
	kept := _life({"in_service_on": "2022-09-01"})
	fs := a5_11.findings with input as _input({"Asset": {"laptop-ivan": kept, "laptop-alice": _laptop2}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-ivan"]
	f.message == concat("", [
		"Asset/laptop-ivan is not recorded as returned or lost, although Person/ivan left on 2026-10-31 and ",
		"it was due back by 2026-11-07: recover it and record lifecycle.returned_on",
	])
}

test_fail_r1_return_by_earlier_holder_does_not_count if {
	old := _life({"returned_on": "2022-08-15"})
	fs := a5_11.findings with input as _input({"Asset": {"laptop-ivan": old, "laptop-alice": _laptop2}})
	"fail" in _outcomes("R1", fs)
}

test_fail_r1_lost_without_incident if {
	lost := _life({"lost_on": "2026-11-02"})
	fs := a5_11.findings with input as _input({"Asset": {"laptop-ivan": lost, "laptop-alice": _laptop2}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-ivan#lifecycle.lost_on"]
}

test_pass_r1_lost_with_incident if {
	lost := _life({"lost_on": "2026-11-02"})
	inc := {
		"kind": "Incident", "id": "inc-9", "category": "security-incident", "severity": "sev3",
		"reported_on": "2026-11-02", "owner": "Person/alice", "affected": ["Asset/laptop-ivan"],
	}
	fs := a5_11.findings with input as _input({
		"Asset": {"laptop-ivan": lost, "laptop-alice": _laptop2},
		"Incident": {"inc-9": inc},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_r1_at_risk_before_deadline if {
	recent := object.union(_ivan, {"end_date": "2026-11-27"})
	kept := _life({"in_service_on": "2022-09-01"})
	fs := a5_11.findings with input as _input({
		"Person": {"ivan": recent, "alice": _alice},
		"Asset": {"laptop-ivan": kept, "laptop-alice": _laptop2},
	})
	_outcomes("R1", fs) == {"at_risk", "pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_r1_ignores_asset_retired_before_leaving if {
	retired := _life({"retired_on": "2026-05-01"})
	fs := a5_11.findings with input as _input({"Asset": {"laptop-ivan": retired, "laptop-alice": _laptop2}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_still_with_leaver if {
	old := object.union(_ivan, {"end_date": "2025-06-30"})
	kept := _life({"in_service_on": "2022-09-01"})
	fs := a5_11.findings with input as _input({
		"Person": {"ivan": old, "alice": _alice},
		"Asset": {"laptop-ivan": kept, "laptop-alice": _laptop2},
	})
	_outcomes("R1", fs) == {"not_exercised"}
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-ivan#assigned_to"]
	f.message == concat("", [
		"Asset/laptop-ivan is still assigned to Person/ivan, who left on 2025-06-30, more than 7 days ",
		"(asset_return_days) ago: recover it or record its return or loss",
	])
}

test_pass_r2_within_return_days if {
	recent := object.union(_ivan, {"end_date": "2026-11-23"})
	kept := _life({"in_service_on": "2022-09-01"})
	fs := a5_11.findings with input as _input({
		"Person": {"ivan": recent, "alice": _alice},
		"Asset": {"laptop-ivan": kept, "laptop-alice": _laptop2},
	})
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R1", fs) == {"at_risk", "pass"}
}
