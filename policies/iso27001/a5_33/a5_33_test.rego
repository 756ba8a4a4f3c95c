package annexa.iso27001.a5_33_test

import data.annexa.iso27001.a5_33
import rego.v1

_params := {"config_scan_days": 7}

_schedule := {
	"kind": "Document", "id": "retention", "doc_type": "standard", "topic": "records-retention",
	"version": "1.3.0", "published_on": "2026-02-02",
	"content_flags": {"categories_listed": true, "periods_defined": true},
	"levels": ["security-logs:365", "hr-records:3650"],
	"approvals": [{"by": "Person/miriam", "on": "2026-01-30", "decision": "approved", "version": "1.3.0"}],
}

_siem := {
	"kind": "Asset", "id": "siem", "asset_type": "data-store", "environment": "prod",
	"external_ids": {"cloud_arn": "arn:aws:es:eu-central-1:1:domain/security-logs"},
	"records": {"record_category": "security-logs", "retention_days": 400},
}

_hris := {
	"kind": "Asset", "id": "hris", "asset_type": "service", "environment": "corp",
	"records": {"record_category": "hr-records", "retention_days": 3650},
}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z",
	"scope": ["Asset/siem", "Asset/hris"],
	"results": [
		{
			"check_id": "opensearch_domain_encryption_at_rest", "resource": "arn:aws:es:eu-central-1:1:domain/security-logs",
			"status": "pass",
		},
		{"check_id": "s3_bucket_object_versioning", "resource": "Asset/siem", "status": "pass"},
		{"check_id": "hris_export_retention", "resource": "Asset/hris", "status": "pass"},
	],
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"retention": _schedule},
	"Asset": {"siem": _siem, "hris": _hris},
	"TestRun": {"cspm-1": _scan},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_33.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_schedule if {
	fs := a5_33.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r1_periods_not_defined if {
	partial := object.union(_schedule, {"content_flags": {"periods_defined": false}})
	fs := a5_33.findings with input as _input({"Document": {"retention": partial}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/retention#content_flags.periods_defined"]
}

test_fail_r2_category_kept_too_short if {
	short := object.union(_siem, {"records": {"retention_days": 300}})
	fs := a5_33.findings with input as _input({"Asset": {"siem": short, "hris": _hris}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Document/retention"]
	f.message == concat("", [
		"the retention schedule keeps security-logs for 365 days, but no active asset stores that category that long ",
		"(stores: Asset/siem): set records.record_category and retention_days on the system that keeps it",
	])
}

test_pass_r2_kept_exactly_the_period if {
	exact := object.union(_siem, {"records": {"retention_days": 365}})
	fs := a5_33.findings with input as _input({"Asset": {"siem": exact, "hris": _hris}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_category_without_store if {
	more := object.union(_schedule, {"levels": ["security-logs:365", "hr-records:3650", "invoices"]})
	fs := a5_33.findings with input as _input({"Document": {"retention": more}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "keeps invoices for 0 days, but no active asset stores that category that long (stores: none)")
}

test_fail_r2_schedule_lists_nothing if {
	bare := object.remove(_schedule, ["levels"])
	fs := a5_33.findings with input as _input({"Document": {"retention": bare}})
	some f in fs
	f.rule == "R2"
	f.refs == ["Document/retention#levels"]
}

test_fail_r2_malformed_entry if {
	odd := object.union(_schedule, {"levels": ["security-logs:one year"]})
	fs := a5_33.findings with input as _input({"Document": {"retention": odd}})
	some f in fs
	f.rule == "R2"
	f.refs == ["Document/retention"]
	contains(f.message, "is not written category or category:days")
}

test_fail_r3_store_not_scanned if {
	old := object.union(_scan, {"performed_on": "2026-11-22T04:00:00Z"})
	fs := a5_33.findings with input as _input({"TestRun": {"cspm-1": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/hris"]
}

test_fail_r3_protection_check_failing if {
	failing := object.union(_scan, {"results": [
		{"check_id": "s3_bucket_object_versioning", "resource": "Asset/siem", "status": "fail"},
		{"check_id": "hris_export_retention", "resource": "Asset/hris", "status": "pass"},
	]})
	fs := a5_33.findings with input as _input({"TestRun": {"cspm-1": failing}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.0"]
}

test_pass_r3_unrelated_failure_ignored if {
	failing := object.union(_scan, {"results": [
		{"check_id": "opensearch_domain_encryption_at_rest", "resource": "Asset/siem", "status": "fail"},
	]})
	fs := a5_33.findings with input as _input({"TestRun": {"cspm-1": failing}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_lifecycle_rules_failure_counts if {
	lifecycle := {
		"kind": "TestRun", "id": "lc-1", "test_type": "lifecycle-rules", "performed_on": "2026-11-30",
		"scope": ["Asset/hris"], "results": [{"check_id": "export_job", "status": "fail"}],
	}
	fs := a5_33.findings with input as _input({"TestRun": {"cspm-1": _scan, "lc-1": lifecycle}})
	some f in fs
	f.rule == "R3"
	f.refs == ["TestRun/lc-1#results.0"]
}
