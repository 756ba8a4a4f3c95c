package annexa.iso27001.a8_33_test

import data.annexa.iso27001.a8_33
import rego.v1

_params := {
	"exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
	"attestation_max_days": 365, "attestation_sod": false,
}

_stg := {
	"kind": "Asset", "id": "db-stg", "asset_type": "data-store", "environment": "staging",
	"owner": "Person/tobias", "derived_from_production": false,
}

_copy := {
	"kind": "Asset", "id": "db-copy", "asset_type": "data-store", "environment": "test", "owner": "Person/tobias",
	"derived_from_production": true, "masking_applied": true,
	"lifecycle": {"in_service_on": "2026-10-01"}, "pii": {"contains_pii": true, "retention_days": 90},
}

_exception := {
	"kind": "Exception", "id": "exc-copy", "applies_to": ["rule:8.33/R1", "Asset/db-copy"],
	"reason": "load test with production volumes", "requested_by": "Person/tobias", "approved_by": "Person/miriam",
	"approved_on": "2026-10-01", "expires_on": "2027-01-31",
}

_attestation := {
	"kind": "Attestation", "id": "att-test-data", "controls": ["iso27001:A.8.33", "iso27001:A.8.11"],
	"statement": "Staging is seeded from the synthetic data generator only", "scope": ["Asset/db-stg"],
	"attested_by": "Person/tobias", "role": "Role/prod-admin", "attested_on": "2026-11-03", "valid_until": "2027-11-02",
}

_tobias := {
	"kind": "Person", "id": "tobias", "employment_type": "employee", "start_date": "2021-06-01",
	"roles": [{"role": "Role/prod-admin", "from": "2022-03-01"}],
}

_miriam := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2021-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-01-01"}],
}

_records := {
	"Asset": {"db-stg": _stg, "db-copy": _copy},
	"Exception": {"exc-copy": _exception},
	"Attestation": {"att-test-data": _attestation},
	"Person": {"tobias": _tobias, "miriam": _miriam},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_33.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_unmasked_copy_without_exception if {
	raw := object.union(_copy, {"masking_applied": false})
	fs := a8_33.findings with input as _input({"Asset": {"db-stg": _stg, "db-copy": raw}, "Exception": {}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Asset/db-copy#derived_from_production"],
		"message": concat("", [
			"Asset/db-copy (test) holds a copy of production data, but masking_applied is not true; ",
			"no valid Exception naming it with rule:8.33/R1 or iso27001:A.8.33 authorises the copy: ",
			"authorise, mask and schedule the deletion of the copy, or remove it",
		]),
	}}
}

test_pass_r1_exception_scoped_to_control if {
	by_control := object.union(_exception, {"applies_to": ["iso27001:A.8.33", "Asset/db-copy"]})
	fs := a8_33.findings with input as _input({"Exception": {"exc-copy": by_control}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_exception_self_approved if {
	self := object.union(_exception, {"approved_by": "Person/tobias"})
	fs := a8_33.findings with input as _input({"Exception": {"exc-copy": self}})
	some f in _fails("R1", fs)
	contains(f.message, "Exception/exc-copy was approved by its own requester Person/tobias")
}

test_fail_r1_exception_longer_than_allowed if {
	long := object.union(_exception, {"expires_on": "2027-12-31"})
	fs := a8_33.findings with input as _input({"Exception": {"exc-copy": long}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_exception_expiring_today if {
	edge := object.union(_exception, {"expires_on": "2026-11-30"})
	fs := a8_33.findings with input as _input({"Exception": {"exc-copy": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_copy_kept_past_retention if {
	old := object.union(_copy, {"lifecycle": {"in_service_on": "2026-08-31"}})
	fs := a8_33.findings with input as _input({"Asset": {"db-stg": _stg, "db-copy": old}})
	some f in _fails("R1", fs)
	contains(f.message, "its planned deletion date 2026-11-29 (lifecycle.in_service_on + pii.retention_days) has passed")
}

test_r1_copies_in_production_ignored if {
	prod := object.union(_copy, {"environment": "prod", "masking_applied": false})
	fs := a8_33.findings with input as _input({"Asset": {"db-stg": _stg, "db-copy": prod}, "Exception": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R2

test_fail_r2_no_attestation if {
	fs := a8_33.findings with input as _input({"Attestation": {}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Asset/db-stg"],
		"message": concat("", [
			"Asset/db-stg has no current Attestation of iso27001:A.8.33 by its owner Person/tobias that its test data ",
			"is synthetic (no Attestation names iso27001:A.8.33): have the owner attest it, or record the store as a ",
			"production copy",
		]),
	}}
}

test_fail_r2_attested_by_someone_else if {
	other := object.union(_attestation, {"attested_by": "Person/miriam", "role": "Role/isms-manager"})
	fs := a8_33.findings with input as _input({"Attestation": {"att-test-data": other}})
	some f in _fails("R2", fs)
	contains(f.message, "(Attestation/att-test-data is made by Person/miriam)")
}

test_fail_r2_attestation_expired if {
	old := object.union(_attestation, {"attested_on": "2025-11-03", "valid_until": "2026-11-29"})
	fs := a8_33.findings with input as _input({"Attestation": {"att-test-data": old}})
	some f in _fails("R2", fs)
	contains(f.message, "(Attestation/att-test-data expired on 2026-11-29)")
}

test_pass_r2_attestation_valid_until_today if {
	edge := object.union(_attestation, {"attested_on": "2025-12-01", "valid_until": "2026-11-30"})
	fs := a8_33.findings with input as _input({"Attestation": {"att-test-data": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_attester_did_not_hold_role if {
	late := object.union(_tobias, {"roles": [{"role": "Role/prod-admin", "from": "2026-11-04"}]})
	fs := a8_33.findings with input as _input({"Person": {"tobias": late, "miriam": _miriam}})
	some f in _fails("R2", fs)
	contains(f.message, "Person/tobias did not hold Role/prod-admin on 2026-11-03")
}

test_fail_r2_store_outside_attestation_scope if {
	other := object.union(_stg, {"id": "db-dev", "environment": "dev"})
	fs := a8_33.findings with input as _input({"Asset": {"db-stg": _stg, "db-dev": other, "db-copy": _copy}})
	{f.refs | some f in _fails("R2", fs)} == {["Asset/db-dev"]}
}

test_fail_r2_undeclared_store_needs_attestation if {
	undeclared := object.remove(_stg, ["derived_from_production"])
	fs := a8_33.findings with input as _input({"Asset": {"db-stg": undeclared, "db-copy": _copy}, "Attestation": {}})
	_outcomes("R2", fs) == {"fail"}
}

test_r2_other_asset_types_ignored if {
	app := object.union(_stg, {"id": "app-stg", "asset_type": "application"})
	fs := a8_33.findings with input as _input({"Asset": {"app-stg": app, "db-copy": _copy}, "Attestation": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}
