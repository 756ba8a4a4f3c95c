package annexa.iso27001.a7_4_test

import data.annexa.iso27001.a7_4
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"safety_inspection_days": 365, "cctv_retention_days": 30,
}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/berlin", "Site/aws-eu"]},
}

_berlin := {
	"kind": "Site", "id": "berlin", "site_type": "office", "operated_by": "self",
	"zones": [
		{"name": "open-office", "level": "internal", "measures": ["badge"]},
		{"name": "server-room", "level": "secure", "measures": ["badge", "cctv", "alarm"]},
	],
	"monitoring": {"cctv": true, "cctv_retention_days": 30, "alarm_provider": "Supplier/securitas"},
}

_aws_site := {"kind": "Site", "id": "aws-eu", "site_type": "cloud-region", "operated_by": "Supplier/aws"}

_aws := {
	"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2020-01-01"},
	"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2027-01-01",
	}],
}

_securitas := {"kind": "Supplier", "id": "securitas", "relationship": {"start_on": "2021-01-01"}}

_test(id, type, on) := {
	"kind": "Activity", "id": id, "activity_type": type, "subject_refs": ["Site/berlin"],
	"performed_by": "Person/hank", "performed_on": on, "outcome": "ok",
}

_hank := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/facilities-lead", "from": "2020-01-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-berlin", "controls": ["iso27001:A.7.4"], "scope": ["Site/berlin"],
	"statement": "Cameras cover the server room door.", "attested_by": "Person/hank",
	"role": "Role/facilities-lead", "attested_on": "2026-02-20", "valid_until": "2027-02-19",
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"berlin": _berlin, "aws-eu": _aws_site},
	"Supplier": {"aws": _aws, "securitas": _securitas},
	"Activity": {
		"alarm": _test("alarm", "alarm-test", "2026-03-01"),
		"cctv": _test("cctv", "cctv-test", "2026-03-01"),
	},
	"Person": {"hank": _hank},
	"Attestation": {"att-berlin": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_site(patch) := {"Site": {"berlin": object.union(_berlin, patch), "aws-eu": _aws_site}}

test_pass_all_rules if {
	fs := a7_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_secure_zone_unmonitored if {
	site := object.union(object.remove(_berlin, ["monitoring"]), {"zones": [
		{"name": "server-room", "level": "secure", "measures": ["badge", "lock"]},
	]})
	fs := a7_4.findings with input as _input({"Site": {"berlin": site, "aws-eu": _aws_site}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/berlin#zones.0"]
	f.message == "Site/berlin#zones.0: secure zone server-room lists neither cctv nor alarm: add monitoring and record it"
}

test_fail_r2_alarm_without_provider if {
	site := object.union(object.remove(_berlin, ["monitoring"]), {"monitoring": {"cctv": true, "cctv_retention_days": 30}})
	fs := a7_4.findings with input as _input({"Site": {"berlin": site, "aws-eu": _aws_site}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Site/berlin#monitoring.alarm_provider"]
	f.message == "Site/berlin has alarms but names no alarm_provider: record who answers them"
}

test_fail_r2_provider_contract_ended if {
	ended := object.union(_securitas, {"relationship": {"end_on": "2026-11-30"}})
	fs := a7_4.findings with input as _input({"Supplier": {"aws": _aws, "securitas": ended}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "names Supplier/securitas as alarm provider, which is not an active supplier on 2026-11-30")
}

test_fail_r3_alarm_test_too_old if {
	fs := a7_4.findings with input as _input({"Activity": {
		"alarm": _test("alarm", "alarm-test", "2025-11-29"),
		"cctv": _test("cctv", "cctv-test", "2026-03-01"),
	}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	f.message == concat("", [
		"Site/berlin has no alarm-test in the last 365 days (safety_inspection_days; last: 2025-11-29): ",
		"test it and record an Activity",
	])
}

test_pass_r3_tests_on_window_boundary if {
	fs := a7_4.findings with input as _input({"Activity": {
		"alarm": _test("alarm", "alarm-test", "2025-11-30"),
		"cctv": _test("cctv", "cctv-test", "2025-11-30"),
	}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_cameras_never_tested if {
	fs := a7_4.findings with input as _input({"Activity": {"alarm": _test("alarm", "alarm-test", "2026-03-01")}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "no cctv-test in the last 365 days (safety_inspection_days; last: never)")
}

test_fail_r4_retention_too_short if {
	fs := a7_4.findings with input as _input(_site({"monitoring": {"cctv_retention_days": 14}}))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Site/berlin#monitoring.cctv_retention_days"]
	f.message == concat("", [
		"Site/berlin keeps camera recordings for 14 days, less than cctv_retention_days (30): ",
		"extend the retention and record it",
	])
}

test_fail_r4_retention_not_stated if {
	monitoring := {"cctv": true, "alarm_provider": "Supplier/securitas"}
	site := object.union(object.remove(_berlin, ["monitoring"]), {"monitoring": monitoring})
	fs := a7_4.findings with input as _input({"Site": {"berlin": site, "aws-eu": _aws_site}})
	some f in fs
	f.rule == "R4"
	contains(f.message, "for not stated")
}

test_fail_r5_no_attestation if {
	fs := a7_4.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
}

test_inherited_sites_skip_local_rules if {
	isms := object.union(_isms, {"boundaries": {"sites": ["Site/aws-eu"]}})
	fs := a7_4.findings with input as _input({"ManagementSystem": {"isms": isms}, "Attestation": {}, "Activity": {}})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"not_exercised"}
	}
	_outcomes("R5", fs) == {"pass"}
}
