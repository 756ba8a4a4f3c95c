package annexa.iso27001.a8_11_test

import data.annexa.iso27001.a8_11
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
}

_rules := {
	"kind": "Document", "id": "proc-masking", "doc_type": "procedure", "topic": "data-masking", "version": "1.1.0",
	"published_on": "2026-02-02",
	"approvals": [{"by": "Person/erin", "on": "2026-01-30", "decision": "approved", "version": "1.1.0"}],
}

_tom := {
	"kind": "Person", "id": "tom", "start_date": "2021-01-01",
	"roles": [{"role": "Role/prod-admin", "from": "2021-01-01"}],
}

_erin := {
	"kind": "Person", "id": "erin", "start_date": "2021-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-01-01"}],
}

_staging := {
	"kind": "Asset", "id": "db-staging", "asset_type": "data-store", "environment": "staging", "owner": "Person/tom",
	"classification": "internal", "derived_from_production": true, "masking_applied": true,
}

_scan := {
	"kind": "TestRun", "id": "pii-1", "test_type": "pii-scan", "performed_on": "2026-11-02T06:00:00Z",
	"scope": ["Asset/db-staging"],
	"results": [{"check_id": "no_personal_data_in_staging", "resource": "Asset/db-staging", "status": "pass"}],
}

_attestation := {
	"kind": "Attestation", "id": "att-test-data", "controls": ["iso27001:A.8.11"], "statement": "synthetic only",
	"scope": ["Asset/db-staging"], "attested_by": "Person/tom", "role": "Role/prod-admin",
	"attested_on": "2026-03-01", "valid_until": "2027-02-28",
}

_records := {
	"Document": {"proc-masking": _rules},
	"Person": {"tom": _tom, "erin": _erin},
	"Asset": {"db-staging": _staging},
	"TestRun": {"pii-1": _scan},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_11.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_masking_rules if {
	fs := a8_11.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
}

test_fail_r2_copy_not_masked if {
	raw := object.union(_staging, {"masking_applied": false})
	fs := a8_11.findings with input as _input({"Asset": {"db-staging": raw}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/db-staging#masking_applied"]
	f.message == concat("", [
		"Asset/db-staging (staging) holds a copy of production data without masking (masking_applied): ",
		"mask it or record an approved Exception",
	])
}

test_pass_r2_excepted_copy if {
	raw := object.union(_staging, {"masking_applied": false})
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["Asset/db-staging"], "requested_by": "Person/tom",
		"approved_by": "Person/erin", "approved_on": "2026-11-01", "expires_on": "2026-12-31", "reason": "debugging",
	}
	fs := a8_11.findings with input as _input({"Asset": {"db-staging": raw}, "Exception": {"exc-1": exc}})
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_r2_not_exercised_without_copies if {
	synthetic := object.union(_staging, {"derived_from_production": false})
	fs := a8_11.findings with input as _input({"Asset": {"db-staging": synthetic}})
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_scan_too_old_and_no_attestation if {
	old := object.union(_scan, {"performed_on": "2026-08-31"})
	fs := a8_11.findings with input as _input({"TestRun": {"pii-1": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/db-staging"]
	f.message == concat("", [
		"Asset/db-staging has no passing pii-scan in the last 90 days (masking_scan_days; latest pii-scan 2026-08-31) ",
		"and no current Attestation of iso27001:A.8.11 by its owner Person/tom (no Attestation names iso27001:A.8.11): ",
		"scan it or have the owner attest what it holds",
	])
}

test_pass_r3_scan_on_boundary if {
	edge := object.union(_scan, {"performed_on": "2026-09-01"})
	fs := a8_11.findings with input as _input({"TestRun": {"pii-1": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_owner_attestation_without_scan if {
	fs := a8_11.findings with input as _input({"TestRun": {}, "Attestation": {"att-test-data": _attestation}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_attestation_by_someone_else if {
	other := object.union(_attestation, {"attested_by": "Person/erin", "role": "Role/isms-manager"})
	fs := a8_11.findings with input as _input({"TestRun": {}, "Attestation": {"att-test-data": other}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "(Attestation/att-test-data not made by the owner)")
}

test_fail_r3_failing_scan if {
	bad := object.union(_scan, {"results": [object.union(_scan.results[0], {"status": "fail"})]})
	fs := a8_11.findings with input as _input({"TestRun": {"pii-1": bad}})
	_outcomes("R3", fs) == {"fail"}
}

test_pass_r3_scan_window_parameter if {
	old := object.union(_scan, {"performed_on": "2026-08-31"})
	longer := object.union(_input({"TestRun": {"pii-1": old}}), {"params": {"masking_scan_days": 120}})
	fs := a8_11.findings with input as longer
	_outcomes("R3", fs) == {"pass"}
}
