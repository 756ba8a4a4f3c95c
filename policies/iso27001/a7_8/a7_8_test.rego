package annexa.iso27001.a7_8_test

import data.annexa.iso27001.a7_8
import rego.v1

_params := {"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/berlin", "Site/aws-eu"]},
}

_berlin := {"kind": "Site", "id": "berlin", "site_type": "office", "operated_by": "self"}

_aws_site := {"kind": "Site", "id": "aws-eu", "site_type": "cloud-region", "operated_by": "Supplier/aws"}

_aws := {
	"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2020-01-01"},
	"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2027-01-01",
	}],
}

_hank := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2020-01-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-berlin", "controls": ["iso27001:A.7.1", "iso27001:A.7.8"], "scope": ["Site/berlin"],
	"statement": "Checked during the site walk.", "attested_by": "Person/hank", "role": "Role/isms-manager",
	"attested_on": "2026-02-20", "valid_until": "2027-02-19", "basis": "inspection",
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"berlin": _berlin, "aws-eu": _aws_site},
	"Supplier": {"aws": _aws},
	"Person": {"hank": _hank},
	"Attestation": {"att-berlin": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_attested_and_inherited if {
	fs := a7_8.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_attestation_valid_until_as_of if {
	edge := object.union(_att, {"attested_on": "2025-12-01", "valid_until": "2026-11-30"})
	fs := a7_8.findings with input as _input({"Attestation": {"att-berlin": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_attestation_expired if {
	old := object.union(_att, {"attested_on": "2025-11-29", "valid_until": "2026-11-28"})
	fs := a7_8.findings with input as _input({"Attestation": {"att-berlin": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	f.message == concat("", [
		"Site/berlin is run by us and has no current attestation of iso27001:A.7.8 by Role/facilities-lead or ",
		"Role/isms-manager (Attestation/att-berlin expired on 2026-11-28): inspect it and record an Attestation",
	])
}

test_fail_r1_attestation_too_long if {
	long := object.union(_att, {"valid_until": "2027-12-31"})
	fs := a7_8.findings with input as _input({"Attestation": {"att-berlin": long}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "more than attestation_max_days (365)")
}

test_fail_r1_exception_not_handled if {
	gap := object.union(_att, {"exceptions": [{"text": "one gap"}]})
	fs := a7_8.findings with input as _input({"Attestation": {"att-berlin": gap}})
	"fail" in _outcomes("R1", fs)
}

test_fail_r1_inherited_site_certificate_lapsed if {
	lapsed := object.union(_aws, {"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2024-01-01", "valid_to": "2026-08-31",
	}]})
	fs := a7_8.findings with input as _input({"Supplier": {"aws": lapsed}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/aws-eu"]
	contains(f.message, "Site/aws-eu is run by Supplier/aws, which has no certification covering the service")
}

test_pass_fully_hosted_without_attestation if {
	isms := object.union(_isms, {"boundaries": {"sites": ["Site/aws-eu"]}})
	fs := a7_8.findings with input as _input({"ManagementSystem": {"isms": isms}, "Attestation": {}})
	_outcomes("R1", fs) == {"pass"}
}

test_not_exercised_without_sites if {
	isms := object.union(_isms, {"boundaries": {"sites": []}})
	fs := a7_8.findings with input as _input({"ManagementSystem": {"isms": isms}})
	_outcomes("R1", fs) == {"not_exercised"}
}
