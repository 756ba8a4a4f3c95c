package annexa.iso27001.a7_11_test

import data.annexa.iso27001.a7_11
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"utility_test_days": 365,
}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/dc", "Site/aws-eu"]},
}

_dc := {
	"kind": "Site", "id": "dc", "site_type": "own-datacenter", "operated_by": "self",
	"utilities": {"ups": "Asset/ups-1", "redundant_network": true},
}

_aws_site := {"kind": "Site", "id": "aws-eu", "site_type": "cloud-region", "operated_by": "Supplier/aws"}

_aws := {
	"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2020-01-01"},
	"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2027-01-01",
	}],
}

_ups_test := {
	"kind": "Activity", "id": "ups-test", "activity_type": "maintenance", "subject_refs": ["Asset/ups-1"],
	"performed_by": "Person/hank", "performed_on": "2026-05-05", "outcome": "ok",
}

_hank := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/facilities-lead", "from": "2020-01-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-dc", "controls": ["iso27001:A.7.11"], "scope": ["Site/dc"],
	"statement": "Cooling and power distribution inspected.", "attested_by": "Person/hank",
	"role": "Role/facilities-lead", "attested_on": "2026-02-20", "valid_until": "2027-02-19",
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"dc": _dc, "aws-eu": _aws_site},
	"Supplier": {"aws": _aws},
	"Activity": {"ups-test": _ups_test},
	"Person": {"hank": _hank},
	"Attestation": {"att-dc": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a7_11.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_redundant_network if {
	single := object.union(_dc, {"utilities": {"redundant_network": false}})
	fs := a7_11.findings with input as _input({"Site": {"dc": single, "aws-eu": _aws_site}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/dc#utilities"]
	f.message == concat("", [
		"Site/dc supports critical systems but does not declare a ups or generator and a redundant network link: ",
		"provide utility redundancy and record it in utilities",
	])
}

test_fail_r1_office_hosting_critical_asset if {
	office := {"kind": "Site", "id": "dc", "site_type": "office", "operated_by": "self"}
	server := {"kind": "Asset", "id": "db", "asset_type": "server", "criticality": "critical", "location": "Site/dc"}
	fs := a7_11.findings with input as _input({"Site": {"dc": office, "aws-eu": _aws_site}, "Asset": {"db": server}})
	"fail" in _outcomes("R1", fs)
}

test_r1_office_without_critical_assets_not_critical if {
	office := {"kind": "Site", "id": "dc", "site_type": "office", "operated_by": "self"}
	laptop := {"kind": "Asset", "id": "l", "asset_type": "endpoint", "criticality": "low", "location": "Site/dc"}
	fs := a7_11.findings with input as _input({"Site": {"dc": office, "aws-eu": _aws_site}, "Asset": {"l": laptop}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_ups_test_too_old if {
	old := object.union(_ups_test, {"performed_on": "2025-11-29"})
	fs := a7_11.findings with input as _input({"Activity": {"ups-test": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/ups-1", "Site/dc#utilities.ups"]
	f.message == concat("", [
		"Asset/ups-1 (Site/dc#utilities.ups) was last tested on 2025-11-29, more than 365 days (utility_test_days) ago: ",
		"test it and record a maintenance Activity",
	])
}

test_pass_r2_test_on_window_boundary if {
	edge := object.union(_ups_test, {"performed_on": "2025-11-30"})
	fs := a7_11.findings with input as _input({"Activity": {"ups-test": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_hosted_site_uncertified if {
	fs := a7_11.findings with input as _input({"Supplier": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/aws-eu"]
}

test_fail_r4_no_attestation if {
	fs := a7_11.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Site/dc"]
	contains(f.message, "no Attestation names iso27001:A.7.11")
}
