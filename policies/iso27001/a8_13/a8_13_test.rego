package annexa.iso27001.a8_13_test

import data.annexa.iso27001.a8_13
import rego.v1

_params := {
	"backup_retention_days": 30, "backup_success_max_age_factor": 2, "restore_test_days": 365,
	"at_risk_days": 7,
}

_db := {
	"kind": "Asset", "id": "db", "asset_type": "data-store", "owner": "Person/ann", "classification": "confidential",
	"criticality": "critical", "environment": "prod", "external_ids": {"cloud_arn": "arn:aws:rds:db"},
	"continuity": {"rto_hours": 4, "rpo_hours": 1},
	"backup": {
		"required": true, "frequency_hours": 1, "retention_days": 35, "encrypted": true,
		"separate_location": true,
	},
}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "owner": "Person/ann", "classification": "internal",
	"criticality": "high", "environment": "prod",
	"backup": {
		"required": true, "frequency_hours": 24, "retention_days": 30, "encrypted": true,
		"separate_location": true,
	},
}

_laptop := {
	"kind": "Asset", "id": "laptop", "asset_type": "endpoint", "owner": "Person/ann", "classification": "internal",
	"criticality": "low", "environment": "corp", "backup": {"required": false},
}

_status := {
	"kind": "TestRun", "id": "bs-1", "test_type": "backup-status", "performed_on": "2026-11-29T03:00:00Z",
	"scope": ["Asset where backup.required=true"],
	"results": [
		{"check_id": "last_job", "resource": "arn:aws:rds:db", "status": "pass"},
		{"check_id": "last_job", "resource": "Asset/app", "status": "pass"},
	],
}

_restore := {
	"kind": "Exercise", "id": "rt-1", "exercise_type": "restore-test", "scope": ["Asset/db"],
	"performed_on": "2026-05-10", "result": "pass", "achieved": {
		"rto_hours": 2, "rpo_hours": 0.5,
		"data_integrity_ok": true,
	},
}

_records := {
	"Asset": {"db": _db, "app": _app, "laptop": _laptop},
	"TestRun": {"bs-1": _status},
	"Exercise": {"rt-1": _restore},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_asset(id, changes) := _input({"Asset": object.union(_records.Asset, {id: object.union(
	_records.Asset[id],
	changes,
)})})

# _replace sets one key of a record, replacing (not merging) its value.
_replace(r, key, value) := object.union(object.remove(r, [key]), {key: value})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_13.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_population_skips_assets_without_required_backup if {
	fs := a8_13.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Asset/app", "Asset/db"]
}

# --- R1

test_fail_r1_frequency_above_rpo if {
	fs := a8_13.findings with input as _with_asset("db", {"backup": {"frequency_hours": 4}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Asset/db#backup.frequency_hours"],
		"message": concat("", [
			"Asset/db is backed up every 4 hours but its recovery point (continuity.rpo_hours) is 1 hours: ",
			"back it up more often",
		]),
	}}
}

test_pass_r1_frequency_equal_to_rpo if {
	fs := a8_13.findings with input as _with_asset("db", {
		"backup": {"frequency_hours": 1},
		"continuity": {"rpo_hours": 1},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_no_rpo_declared if {
	fs := a8_13.findings with input as _with_asset("app", {"backup": {"frequency_hours": 168}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_frequency_missing if {
	no_freq := _replace(_app, "backup", object.remove(_app.backup, ["frequency_hours"]))
	fs := a8_13.findings with input as _input({"Asset": {"db": _db, "app": no_freq}})
	some f in _fails("R1", fs)
	f.message == "Asset/app must be backed up but declares no backup.frequency_hours: set the backup interval"
}

test_fail_r1_retention_too_short if {
	fs := a8_13.findings with input as _with_asset("app", {"backup": {"retention_days": 29}})
	some f in _fails("R1", fs)
	f.refs == ["Asset/app#backup.retention_days"]
	f.message == "Asset/app keeps backups for 29 days, fewer than backup_retention_days=30: keep them longer"
}

test_fail_r1_retention_missing if {
	no_ret := _replace(_app, "backup", object.remove(_app.backup, ["retention_days"]))
	fs := a8_13.findings with input as _input({"Asset": {"db": _db, "app": no_ret}})
	some f in _fails("R1", fs)
	contains(f.message, "keeps backups for not set days")
}

test_fail_r1_not_encrypted if {
	fs := a8_13.findings with input as _with_asset("app", {"backup": {"encrypted": false}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Asset/app#backup.encrypted"],
		"message": "Asset/app has backup.encrypted false, not true: encrypt its backups",
	}}
}

test_fail_r1_separate_location_missing if {
	same_place := _replace(_app, "backup", object.remove(_app.backup, ["separate_location"]))
	fs := a8_13.findings with input as _input({"Asset": {"db": _db, "app": same_place}})
	some f in _fails("R1", fs)
	f.refs == ["Asset/app#backup.separate_location"]
	contains(f.message, "backup.separate_location not set, not true")
}

test_pass_r1_retired_asset_ignored if {
	retired := object.union(_app, {"backup": {"encrypted": false}, "lifecycle": {"retired_on": "2026-11-30"}})
	fs := a8_13.findings with input as _input({"Asset": {"db": _db, "app": retired}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_last_success_too_old if {
	old := object.union(_status, {"performed_on": "2026-11-27T03:00:00Z"})
	fs := a8_13.findings with input as _input({"TestRun": {"bs-1": old}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/app"]
	f.message == concat("", [
		"Asset/app has no successful backup within 2 day(s) of 2026-11-30 (last: 2026-11-27; ",
		"backup_success_max_age_factor=2, frequency_hours=24): check the backup job and the backup-status collection",
	])
}

test_pass_r2_last_success_on_boundary if {
	edge := object.union(_status, {
		"performed_on": "2026-11-28T23:00:00Z",
		"results": [{"check_id": "last_job", "resource": "Asset/app", "status": "pass"}],
	})
	hourly := object.union(_status, {"id": "bs-2", "results": [{
		"check_id": "last_job", "resource": "Asset/db",
		"status": "pass",
	}]})
	fs := a8_13.findings with input as _input({"TestRun": {"bs-1": edge, "bs-2": hourly}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_hourly_backup_rounds_to_one_day if {
	old := object.union(_status, {"performed_on": "2026-11-28T23:00:00Z"})
	fs := a8_13.findings with input as _input({"TestRun": {"bs-1": old}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/db"]
	contains(f.message, "within 1 day(s)")
}

test_fail_r2_failed_job_does_not_count if {
	failed := object.union(_status, {"results": [
		{"check_id": "last_job", "resource": "arn:aws:rds:db", "status": "fail"},
		{"check_id": "last_job", "resource": "Asset/app", "status": "pass"},
	]})
	fs := a8_13.findings with input as _input({"TestRun": {"bs-1": failed}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/db"]
	contains(f.message, "(last: never;")
}

test_fail_r2_scope_without_result_does_not_count if {
	scoped := object.union(_status, {"scope": ["Asset/db", "Asset/app"], "results": []})
	fs := a8_13.findings with input as _input({"TestRun": {"bs-1": scoped}})
	count(_fails("R2", fs)) == 2
}

test_fail_r2_other_test_type_does_not_count if {
	scan := object.union(_status, {"test_type": "vuln-scan"})
	fs := a8_13.findings with input as _input({"TestRun": {"bs-1": scan}})
	count(_fails("R2", fs)) == 2
}

test_fail_r2_missing_frequency_assumes_daily if {
	no_freq := _replace(_app, "backup", object.remove(_app.backup, ["frequency_hours"]))
	old := object.union(_status, {"performed_on": "2026-11-27T03:00:00Z"})
	fs := a8_13.findings with input as _input({"Asset": {"db": _db, "app": no_freq}, "TestRun": {"bs-1": old}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/app"]
	contains(f.message, "frequency_hours=24")
}

# --- R3

test_fail_r3_no_restore_test_in_window if {
	old := object.union(_restore, {"performed_on": "2025-11-29"})
	fs := a8_13.findings with input as _input({"Exercise": {"rt-1": old}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Asset/db"],
		"message": concat("", [
			"Asset/db is critical and has no restore test within 365 days of 2026-11-30 (last: 2025-11-29): ",
			"restore it from backup and record the test",
		]),
	}}
}

test_pass_r3_restore_test_on_boundary if {
	edge := object.union(_restore, {"performed_on": "2025-11-30"})
	fs := a8_13.findings with input as _input({"Exercise": {"rt-1": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_never_tested if {
	fs := a8_13.findings with input as _input({"Exercise": {}})
	some f in _fails("R3", fs)
	contains(f.message, "(last: never)")
}

test_fail_r3_latest_restore_failed if {
	failed := object.union(_restore, {"id": "rt-2", "performed_on": "2026-09-01", "result": "fail"})
	fs := a8_13.findings with input as _input({"Exercise": {"rt-1": _restore, "rt-2": failed}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Exercise/rt-2#result"],
		"message": concat("", [
			"Exercise/rt-2, the latest restore test of Asset/db (2026-09-01), did not succeed: result fail; ",
			"fix the restore and test again",
		]),
	}}
}

test_pass_r3_retest_same_day if {
	failed := object.union(_restore, {"id": "rt-2", "result": "fail"})
	fs := a8_13.findings with input as _input({"Exercise": {"rt-1": _restore, "rt-2": failed}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_rto_exceeded if {
	slow := object.union(_restore, {"achieved": {"rto_hours": 6}})
	fs := a8_13.findings with input as _input({"Exercise": {"rt-1": slow}})
	some f in _fails("R3", fs)
	contains(f.message, "did not succeed: achieved RTO 6 h against a 4 h target;")
}

test_fail_r3_rto_not_recorded if {
	blind := object.union(object.remove(_restore, ["achieved"]), {"achieved": {"data_integrity_ok": true}})
	fs := a8_13.findings with input as _input({"Exercise": {"rt-1": blind}})
	some f in _fails("R3", fs)
	contains(f.message, "no achieved.rto_hours recorded against a 4 h target")
}

test_fail_r3_integrity_not_confirmed if {
	corrupt := object.union(_restore, {"achieved": {"data_integrity_ok": false}})
	fs := a8_13.findings with input as _input({"Exercise": {"rt-1": corrupt}})
	some f in _fails("R3", fs)
	contains(f.message, "data integrity not confirmed")
}

test_r3_exercise_target_used_without_asset_rto if {
	no_rto := _replace(_db, "continuity", {"rpo_hours": 1})
	targeted := object.union(_restore, {"targets": {"rto_hours": 1}})
	fs := a8_13.findings with input as _input({"Asset": {"db": no_rto, "app": _app}, "Exercise": {"rt-1": targeted}})
	some f in _fails("R3", fs)
	contains(f.message, "achieved RTO 2 h against a 1 h target")
}

test_pass_r3_no_target_needs_pass_only if {
	no_rto := _replace(_db, "continuity", {"rpo_hours": 1})
	fs := a8_13.findings with input as _input({"Asset": {"db": no_rto, "app": _app}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_not_exercised_without_critical_assets if {
	fs := a8_13.findings with input as _input({"Asset": {"app": _app}})
	_outcomes("R3", fs) == {"not_exercised"}
}
