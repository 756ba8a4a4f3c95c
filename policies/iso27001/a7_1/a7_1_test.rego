package annexa.iso27001.a7_1_test

import data.annexa.iso27001.a7_1
import rego.v1

_params := {"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/berlin", "Site/aws-eu"]},
}

_berlin := {
	"kind": "Site", "id": "berlin", "site_type": "office", "operated_by": "self",
	"zones": [
		{"name": "open-office", "level": "internal", "measures": ["badge", "visitor-log"]},
		{"name": "server-room", "level": "secure", "measures": ["badge", "lock"]},
	],
}

_aws_site := {"kind": "Site", "id": "aws-eu", "site_type": "cloud-region", "operated_by": "Supplier/aws"}

_aws := {
	"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2020-01-01"},
	"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2026-10-01",
	}],
}

_hank := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/facilities-lead", "from": "2020-01-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-berlin", "controls": ["iso27001:A.7.1"], "scope": ["Site/berlin"],
	"statement": "Walked the perimeter; doors and locks work.", "attested_by": "Person/hank",
	"role": "Role/facilities-lead", "attested_on": "2026-02-20", "valid_until": "2027-02-19", "basis": "inspection",
	"evidence": [{"uri": "s3://evidence/berlin.pdf", "sha256": "c0de7a"}],
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

test_pass_all_rules if {
	fs := a7_1.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_zone_without_measures if {
	bare := object.union(_berlin, {"zones": [{"name": "open-office", "level": "internal"}]})
	fs := a7_1.findings with input as _input({"Site": {"berlin": bare, "aws-eu": _aws_site}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/berlin#zones.0.measures"]
	f.message == "Site/berlin zone open-office (internal) lists no protective measures: record its measures"
}

test_fail_r1_no_zones if {
	bare := object.remove(_berlin, ["zones"])
	fs := a7_1.findings with input as _input({"Site": {"berlin": bare, "aws-eu": _aws_site}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/berlin#zones"]
}

test_fail_r1_site_listed_without_record if {
	fs := a7_1.findings with input as _input({"Site": {"aws-eu": _aws_site}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
}

test_fail_r2_operator_certificate_lapsed if {
	lapsed := object.union(_aws, {"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2026-08-31",
	}]})
	fs := a7_1.findings with input as _input({"Supplier": {"aws": lapsed}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Site/aws-eu"]
	f.message == concat("", [
		"Site/aws-eu is run by Supplier/aws, which has no certification covering the service valid at 2026-11-30 ",
		"or within supplier_cert_grace_days (90) after it ended, and no attestation of iso27001:A.7.1 covers the site ",
		"(no Attestation names iso27001:A.7.1): obtain the operator's current certificate or attest the site locally",
	])
}

test_pass_r2_certificate_in_grace_period if {
	# valid_to 2026-09-01 + 90 days = 2026-11-30, the as-of date.
	edge := object.union(_aws, {"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2026-09-01",
	}]})
	fs := a7_1.findings with input as _input({"Supplier": {"aws": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_certificate_not_covering_service if {
	narrow := object.union(_aws, {"certifications": [{
		"scheme": "iso27001", "scope_covers_service": false,
		"valid_from": "2025-01-01", "valid_to": "2027-01-01",
	}]})
	fs := a7_1.findings with input as _input({"Supplier": {"aws": narrow}})
	"fail" in _outcomes("R2", fs)
}

test_pass_r2_uncertified_operator_attested_locally if {
	cowork := {"kind": "Site", "id": "cowork", "site_type": "coworking", "operated_by": "Supplier/spaces", "zones": [
		{"name": "desk", "level": "internal", "measures": ["badge"]},
	]}
	isms := object.union(_isms, {"boundaries": {"sites": ["Site/berlin", "Site/cowork"]}})
	att := object.union(_att, {"scope": ["Site/berlin", "Site/cowork"]})
	fs := a7_1.findings with input as _input({
		"ManagementSystem": {"isms": isms},
		"Site": {"berlin": _berlin, "cowork": cowork},
		"Attestation": {"att-berlin": att},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_attestation_expired if {
	old := object.union(_att, {"attested_on": "2025-02-20", "valid_until": "2026-02-19"})
	fs := a7_1.findings with input as _input({"Attestation": {"att-berlin": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	f.message == concat("", [
		"Site/berlin is run by us and has no current attestation of iso27001:A.7.1 by Role/facilities-lead or ",
		"Role/isms-manager (Attestation/att-berlin expired on 2026-02-19): inspect it and record an Attestation",
	])
}

test_fail_r3_not_an_inspection if {
	seen := object.union(_att, {"basis": "interview"})
	fs := a7_1.findings with input as _input({"Attestation": {"att-berlin": seen}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "rests on Attestation/att-berlin, which is not an inspection with hashed evidence")
}

test_fail_r3_evidence_without_hash if {
	unpinned := object.union(_att, {"evidence": [{"uri": "s3://evidence/berlin.pdf"}]})
	fs := a7_1.findings with input as _input({"Attestation": {"att-berlin": unpinned}})
	"fail" in _outcomes("R3", fs)
}

test_fail_r3_wrong_role if {
	ceo := object.union(_hank, {"roles": [{"role": "Role/ceo", "from": "2020-01-01"}]})
	att := object.union(_att, {"role": "Role/ceo"})
	fs := a7_1.findings with input as _input({"Person": {"hank": ceo}, "Attestation": {"att-berlin": att}})
	some f in fs
	f.rule == "R3"
	contains(f.message, "is made as Role/ceo, not as Role/facilities-lead or Role/isms-manager")
}

test_fail_r3_other_site_only if {
	att := object.union(_att, {"scope": ["Site/munich"]})
	fs := a7_1.findings with input as _input({"Attestation": {"att-berlin": att}})
	"fail" in _outcomes("R3", fs)
}

test_fully_hosted_organisation if {
	isms := object.union(_isms, {"boundaries": {"sites": ["Site/aws-eu"]}})
	fs := a7_1.findings with input as _input({"ManagementSystem": {"isms": isms}, "Attestation": {}})
	_outcomes("R1", fs) == {"not_exercised"}
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"not_exercised"}
}
