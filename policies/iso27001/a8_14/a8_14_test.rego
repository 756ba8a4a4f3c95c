package annexa.iso27001.a8_14_test

import data.annexa.iso27001.a8_14
import rego.v1

_params := {"config_scan_days": 7, "dr_test_days": 365, "supplier_cert_grace_days": 90}

_db := {
	"kind": "Asset", "id": "db", "asset_type": "data-store", "criticality": "critical", "environment": "prod",
	"continuity": {"rto_hours": 8, "rpo_hours": 24, "redundancy": "multi-az"},
	"external_ids": {"cloud_arn": "arn:db"},
}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "criticality": "high", "environment": "prod",
	"continuity": {"rto_hours": 8, "redundancy": "multi-az"},
}

_idp := {
	"kind": "Asset", "id": "idp", "asset_type": "service", "criticality": "high", "environment": "corp",
	"supplier": "Supplier/okta", "continuity": {"rto_hours": 8, "redundancy": "multi-region"},
}

_low := {"kind": "Asset", "id": "wiki", "asset_type": "service", "criticality": "low", "continuity": {"rto_hours": 72}}

_okta := {
	"kind": "Supplier", "id": "okta", "supplier_type": "saas", "criticality": "high", "data_access": "pii",
	"relationship": {"start_on": "2022-01-01"},
	"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-03-10", "valid_to": "2028-03-09",
	}],
}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z", "scope": ["Asset/aws"],
	"results": [{"check_id": "rds_instance_multi_az", "resource": "arn:db", "status": "pass"}],
}

_drill := {
	"kind": "Exercise", "id": "dr-1", "exercise_type": "dr-failover", "scope": ["Asset/app"],
	"performed_on": "2026-09-23", "result": "pass",
}

_records := {
	"Asset": {"db": _db, "app": _app, "idp": _idp, "wiki": _low},
	"Supplier": {"okta": _okta},
	"TestRun": {"cspm-1": _scan},
	"Exercise": {"dr-1": _drill},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_14.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
	some f in fs
	f.rule == "R1"
	f.refs == ["Asset/app", "Asset/db", "Asset/idp"]
}

test_fail_r1_single_zone if {
	single := object.union(_app, {"continuity": {"rto_hours": 8, "redundancy": "single"}})
	fs := a8_14.findings with input as _input({"Asset": {"db": _db, "app": single, "idp": _idp, "wiki": _low}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/app#continuity"]
	f.message == concat("", [
		"Asset/app (criticality high, RTO 8 h) runs without declared redundancy (continuity.redundancy: single): ",
		"run it multi-az or multi-region",
	])
}

test_fail_r1_redundancy_unconfirmed if {
	single := {"check_id": "rds_instance_multi_az", "resource": "arn:db", "status": "fail"}
	failing := object.union(_scan, {"results": [single]})
	fs := a8_14.findings with input as _input({"TestRun": {"cspm-1": failing}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
	startswith(f.message, "Asset/db declares multi-az redundancy, but no redundancy check")
}

test_fail_r1_saas_certificate_expired if {
	old := object.union(_okta, {"certifications": [object.union(_okta.certifications[0], {"valid_to": "2026-06-01"})]})
	fs := a8_14.findings with input as _input({"Supplier": {"okta": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/idp"]
}

test_pass_r1_certificate_in_grace_period if {
	grace := object.union(_okta, {"certifications": [object.union(_okta.certifications[0], {"valid_to": "2026-09-01"})]})
	fs := a8_14.findings with input as _input({"Supplier": {"okta": grace}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_failover_too_old if {
	old := object.union(_drill, {"performed_on": "2025-11-29"})
	fs := a8_14.findings with input as _input({"Exercise": {"dr-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	contains(f.message, "(dr_test_days; last: Exercise/dr-1 on 2025-11-29)")
}

test_pass_r2_failover_on_boundary if {
	edge := object.union(_drill, {"performed_on": "2025-11-30"})
	fs := a8_14.findings with input as _input({"Exercise": {"dr-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_failed_exercise_does_not_count if {
	failed := object.union(_drill, {"result": "fail"})
	fs := a8_14.findings with input as _input({"Exercise": {"dr-1": failed}})
	_outcomes("R2", fs) == {"fail"}
}
