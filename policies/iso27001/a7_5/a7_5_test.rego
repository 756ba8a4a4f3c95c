package annexa.iso27001.a7_5_test

import data.annexa.iso27001.a7_5
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"risk_assessment_days": 365, "safety_inspection_days": 365,
}

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

_risk := {
	"kind": "Risk", "id": "r-fire", "domain": "continuity", "description": "Fire in the Berlin office",
	"affects": ["Site/berlin", "Asset/laptops"], "owner": "Person/hank",
	"inherent": {"likelihood": 2, "impact": 4}, "last_assessed_on": "2026-02-12",
}

_inspection := {
	"kind": "Activity", "id": "fire-2026", "activity_type": "fire-system-inspection", "subject_refs": ["Site/berlin"],
	"performed_by": "Person/hank", "performed_on": "2026-04-10", "outcome": "ok",
}

_hank := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/facilities-lead", "from": "2020-01-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-berlin", "controls": ["iso27001:A.7.5"], "scope": ["Site/berlin"],
	"statement": "Smoke detectors and extinguishers in place.", "attested_by": "Person/hank",
	"role": "Role/facilities-lead", "attested_on": "2026-02-20", "valid_until": "2027-02-19",
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"berlin": _berlin, "aws-eu": _aws_site},
	"Supplier": {"aws": _aws},
	"Risk": {"r-fire": _risk},
	"Activity": {"fire-2026": _inspection},
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
	fs := a7_5.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_risk_stale if {
	old := object.union(_risk, {"last_assessed_on": "2025-11-29"})
	fs := a7_5.findings with input as _input({"Risk": {"r-fire": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	f.message == concat("", [
		"Site/berlin has no risk assessed within 365 days (risk_assessment_days) that names it (last: 2025-11-29): ",
		"assess its physical and environmental threats",
	])
}

test_pass_r1_risk_on_window_boundary if {
	edge := object.union(_risk, {"last_assessed_on": "2025-11-30"})
	fs := a7_5.findings with input as _input({"Risk": {"r-fire": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_risk_names_site if {
	other := object.union(_risk, {"affects": ["Asset/laptops"]})
	fs := a7_5.findings with input as _input({"Risk": {"r-fire": other}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "(last: never)")
}

test_fail_r2_no_inspection if {
	fs := a7_5.findings with input as _input({"Activity": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	contains(f.message, "no fire-system-inspection in the last 365 days (safety_inspection_days; last: never)")
}

test_fail_r2_wrong_activity_type if {
	alarm := object.union(_inspection, {"activity_type": "alarm-test"})
	fs := a7_5.findings with input as _input({"Activity": {"fire-2026": alarm}})
	"fail" in _outcomes("R2", fs)
}

test_fail_r3_operator_not_certified if {
	uncertified := object.remove(_aws, ["certifications"])
	fs := a7_5.findings with input as _input({"Supplier": {"aws": uncertified}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/aws-eu"]

	# An uncertified hosted site becomes local, so R1, R2 and R4 ask for its local evidence too.
	"fail" in _outcomes("R4", fs)
}

test_fail_r4_no_attestation if {
	fs := a7_5.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	contains(f.message, "no Attestation names iso27001:A.7.5")
}

test_fully_hosted_organisation if {
	isms := object.union(_isms, {"boundaries": {"sites": ["Site/aws-eu"]}})
	fs := a7_5.findings with input as _input({"ManagementSystem": {"isms": isms}, "Attestation": {}, "Risk": {}})
	_outcomes("R1", fs) == {"not_exercised"}
	_outcomes("R3", fs) == {"pass"}
}
