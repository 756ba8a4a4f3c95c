package annexa.iso27001.a8_10_test

import data.annexa.iso27001.a8_10
import rego.v1

_params := {
	"config_scan_days": 7, "lookback_days": 365, "deletion_request_days": 30,
	"supplier_deletion_days": 60, "at_risk_days": 7,
}

_bucket := {
	"kind": "Asset", "id": "bucket", "asset_type": "data-store", "environment": "prod",
	"pii": {"contains_pii": true, "retention_days": 730}, "external_ids": {"cloud_arn": "arn:aws:s3:::bucket"},
}

_db := {
	"kind": "Asset", "id": "db", "asset_type": "data-store", "environment": "prod",
	"records": {"record_category": "tickets", "retention_days": 2555},
}

_cache := {"kind": "Asset", "id": "cache", "asset_type": "data-store", "environment": "prod"}

_lifecycle := {
	"kind": "TestRun", "id": "lc-1", "test_type": "lifecycle-rules", "performed_on": "2026-11-29",
	"scope": ["Asset/bucket"],
	"results": [{"check_id": "s3_lifecycle_expiration_730d", "resource": "arn:aws:s3:::bucket", "status": "pass"}],
}

_deletions := {
	"kind": "Activity", "id": "del-h2", "activity_type": "deletion-request", "subject_refs": ["Asset/db"],
	"performed_by": "Person/clara", "performed_on": "2026-11-27", "outcome": "ok",
	"metrics": {"requests": 3, "max_days_to_close": 8},
}

_records := {
	"Asset": {"bucket": _bucket, "db": _db, "cache": _cache},
	"TestRun": {"lc-1": _lifecycle},
	"Activity": {"del-h2": _deletions},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_10.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r1_lifecycle_rule_failing if {
	failing := object.union(_lifecycle, {"results": [object.union(_lifecycle.results[0], {"status": "fail"})]})
	fs := a8_10.findings with input as _input({"TestRun": {"lc-1": failing}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/bucket"]
	f.message == concat("", [
		"Asset/bucket keeps data for 730 days but shows no passing lifecycle rule in the last 7 days ",
		"(config_scan_days; latest lifecycle check 2026-11-29) and no deletion run in the last 365 days: ",
		"configure automatic deletion or record the deletion runs",
	])
}

test_fail_r1_no_evidence_for_records_retention if {
	fs := a8_10.findings with input as _input({"Activity": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
	contains(f.message, "no lifecycle check")
}

test_pass_r1_lifecycle_on_boundary if {
	edge := object.union(_lifecycle, {"performed_on": "2026-11-23"})
	fs := a8_10.findings with input as _input({"TestRun": {"lc-1": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_request_took_too_long if {
	slow := object.union(_deletions, {"metrics": {"requests": 3, "max_days_to_close": 31}})
	fs := a8_10.findings with input as _input({"Activity": {"del-h2": slow}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Activity/del-h2#metrics"]
	f.message == "Activity/del-h2: a deletion request took 31 days, more than deletion_request_days (30)"
}

test_fail_r2_time_taken_missing if {
	bare := object.remove(_deletions, ["metrics"])
	fs := a8_10.findings with input as _input({"Activity": {"del-h2": bare}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Activity/del-h2"]
}

test_pass_r2_single_request_on_deadline if {
	one := object.union(object.remove(_deletions, ["metrics"]), {"metrics": {"days_to_close": 30}})
	fs := a8_10.findings with input as _input({"Activity": {"del-h2": one}})
	_outcomes("R2", fs) == {"pass"}
}

_vendor := {
	"kind": "Supplier", "id": "old-crm", "supplier_type": "saas", "criticality": "medium", "data_access": "pii",
	"relationship": {"start_on": "2022-01-01", "end_on": "2026-08-31"},
}

test_fail_r3_deletion_not_confirmed if {
	fs := a8_10.findings with input as _input({"Supplier": {"old-crm": _vendor}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Supplier/old-crm"]
	contains(f.message, "due by 2026-10-30")
}

test_pass_r3_confirmed_on_deadline if {
	done := object.union(_vendor, {"offboarding": {"data_deletion_confirmed_on": "2026-10-30"}})
	fs := a8_10.findings with input as _input({"Supplier": {"old-crm": done}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_at_risk_before_deadline if {
	recent := object.union(_vendor, {"relationship": {"start_on": "2022-01-01", "end_on": "2026-10-05"}})
	fs := a8_10.findings with input as _input({"Supplier": {"old-crm": recent}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}
