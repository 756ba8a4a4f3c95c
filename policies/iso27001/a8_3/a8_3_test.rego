package annexa.iso27001.a8_3_test

import data.annexa.iso27001.a8_3
import rego.v1

_params := {
	"config_scan_days": 7, "lookback_days": 365, "at_risk_days": 7,
	"vuln_sla_days": {"critical": 15, "high": 30, "medium": 90, "low": 180},
	"exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
}

_scheme := {
	"kind": "Document", "id": "pol-class", "doc_type": "topic-policy", "topic": "classification", "version": "1.0.0",
	"published_on": "2026-01-01", "levels": ["public", "internal", "confidential", "restricted"],
	"approvals": [{"by": "Person/carol", "on": "2026-01-01", "decision": "approved"}],
}

_db := {"kind": "Asset", "id": "db", "asset_type": "data-store", "classification": "restricted", "environment": "prod"}

_site := {"kind": "Asset", "id": "www", "asset_type": "data-store", "classification": "public", "environment": "prod"}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z",
	"scope": ["Asset/aws"],
	"results": [
		{"check_id": "rds_instance_no_public_access", "resource": "arn:db", "status": "pass"},
		{"check_id": "rds_instance_storage_encrypted", "resource": "arn:db", "status": "pass"},
	],
}

_records := {
	"Document": {"pol-class": _scheme},
	"Asset": {"db": object.union(_db, {"external_ids": {"cloud_arn": "arn:db"}}), "www": _site},
	"TestRun": {"cspm-1": _scan},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failing_scan := object.union(_scan, {"results": [
	{"check_id": "rds_instance_no_public_access", "resource": "arn:db", "status": "fail"},
]})

test_pass_r1_scanned_and_private if {
	fs := a8_3.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r1_public_data_store if {
	fs := a8_3.findings with input as _input({"TestRun": {"cspm-1": _failing_scan}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.0"]
	f.message == concat("", [
		"Asset/db (classification restricted) is reported publicly accessible: rds_instance_no_public_access fail ",
		"on 2026-11-29; close public access or record an approved Exception",
	])
}

_isms := {
	"kind": "Person", "id": "erin", "start_date": "2020-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2020-01-01"}],
}

_exception := {
	"kind": "Exception", "id": "exc-1", "applies_to": ["Asset/db"], "requested_by": "Person/ivan",
	"approved_by": "Person/erin", "approved_on": "2026-11-01", "expires_on": "2026-12-31", "reason": "migration",
}

test_pass_r1_public_but_excepted if {
	fs := a8_3.findings with input as _input({
		"TestRun": {"cspm-1": _failing_scan}, "Person": {"erin": _isms},
		"Exception": {"exc-1": _exception},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_exception_by_non_approver if {
	other := object.union(_isms, {"roles": []})
	fs := a8_3.findings with input as _input({
		"TestRun": {"cspm-1": _failing_scan}, "Person": {"erin": other},
		"Exception": {"exc-1": _exception},
	})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_scan_stale if {
	old := object.union(_scan, {"performed_on": "2026-11-22"})
	fs := a8_3.findings with input as _input({"TestRun": {"cspm-1": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
	contains(f.message, "(config_scan_days; last: 2026-11-22)")
}

test_pass_r1_scan_on_boundary if {
	edge := object.union(_scan, {"performed_on": "2026-11-23"})
	fs := a8_3.findings with input as _input({"TestRun": {"cspm-1": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_internal_store_never_scanned_without_scheme if {
	staging := {"kind": "Asset", "id": "stg", "asset_type": "data-store", "classification": "internal"}
	fs := a8_3.findings with input as _input({"Document": {}, "Asset": {"stg": staging, "www": _site}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/stg"]
	contains(f.message, "last: never")
}

_account := {
	"kind": "Account", "id": "db-app", "system": "Asset/db", "account_type": "service", "service_owner": "Person/ann",
	"privileged": false, "created_on": "2025-01-01", "observed_on": "2026-11-29",
}

_ann := {
	"kind": "Person", "id": "ann", "start_date": "2020-01-01",
	"roles": [{"role": "Role/dba", "from": "2020-01-01"}],
}

test_pass_r2_owner_holds_listed_role if {
	db := object.union(_records.Asset.db, {"links": {"access_roles": ["Role/dba"]}})
	fs := a8_3.findings with input as _input({
		"Asset": {"db": db, "www": _site},
		"Account": {"db-app": _account}, "Person": {"ann": _ann},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_store_lists_no_roles if {
	fs := a8_3.findings with input as _input({"Account": {"db-app": _account}, "Person": {"ann": _ann}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/db-app"]
	f.message == concat("", [
		"Account/db-app gives access to restricted Asset/db, but Asset/db lists no access_roles in its links: ",
		"list the allowed roles on the store or remove the account",
	])
}

test_fail_r2_holder_lacks_role if {
	db := object.union(_records.Asset.db, {"links": {"access_roles": ["Role/dba"]}})
	fs := a8_3.findings with input as _input({
		"Asset": {"db": db, "www": _site},
		"Account": {"db-app": _account}, "Person": {"ann": object.union(_ann, {"roles": []})},
	})
	_outcomes("R2", fs) == {"fail"}
}

_finding := {
	"kind": "Finding", "id": "pub-1", "source": "TestRun/cspm-1", "finding_type": "misconfiguration",
	"asset": "Asset/db", "identifier": "rds_instance_no_public_access", "severity": "critical",
	"first_seen_on": "2026-11-01",
}

test_fail_r3_public_access_finding_overdue if {
	fs := a8_3.findings with input as _input({"Finding": {"pub-1": _finding}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Finding/pub-1"]
	f.message == concat("", [
		"Finding/pub-1 (critical, Asset/db) is open and overdue since 2026-11-16 (vuln_sla_days): ",
		"fix it or record an approved exception",
	])
}

test_pass_r3_fixed_on_deadline if {
	fixed := object.union(_finding, {"resolved_on": "2026-11-16"})
	fs := a8_3.findings with input as _input({"Finding": {"pub-1": fixed}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_at_risk_near_deadline if {
	near := object.union(_finding, {"first_seen_on": "2026-11-20"})
	fs := a8_3.findings with input as _input({"Finding": {"pub-1": near}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_r3_ignores_other_misconfigurations if {
	other := object.union(_finding, {"identifier": "s3_bucket_server_access_logging_enabled"})
	fs := a8_3.findings with input as _input({"Finding": {"pub-1": other}})
	_outcomes("R3", fs) == {"not_exercised"}
}
