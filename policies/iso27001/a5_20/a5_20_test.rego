package annexa.iso27001.a5_20_test

import data.annexa.iso27001.a5_20
import rego.v1

_params := {
	"lookback_days": 365, "max_supplier_incident_notice_hours": 72,
	"required_clauses": {
		"medium": ["confidentiality", "security-requirements", "incident-notification"],
		"high": [
			"confidentiality", "security-requirements", "incident-notification",
			"audit-right", "subprocessing", "data-return-deletion",
		],
	},
}

_high_clauses := [
	"confidentiality", "security-requirements", "incident-notification",
	"audit-right", "subprocessing", "data-return-deletion",
]

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2026-03-01"},
	"contract": {
		"signed_on": "2026-02-20", "clauses": _high_clauses, "incident_notice_hours": 48,
		"dpa_signed_on": "2026-02-20",
	},
}

_input(suppliers) := {"as_of": "2026-11-30", "params": _params, "records": {"Supplier": suppliers}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_20.findings with input as _input({"aws": _aws})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_contract if {
	bare := object.remove(_aws, ["contract"])
	fs := a5_20.findings with input as _input({"aws": bare})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#contract"]
	f.message == concat("", [
		"Supplier/aws (criticality critical, data access pii) has no contract signed by 2026-11-30: sign one ",
		"with the high clauses",
	])
}

test_fail_r1_signed_after_start if {
	late := object.union(_aws, {"contract": {"signed_on": "2026-03-02"}})
	fs := a5_20.findings with input as _input({"aws": late})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#contract.signed_on"]
}

test_pass_r1_signed_on_start_day if {
	edge := object.union(_aws, {"contract": {"signed_on": "2026-03-01"}})
	fs := a5_20.findings with input as _input({"aws": edge})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_old_supplier_signed_late if {
	old := object.union(_aws, {"relationship": {"start_on": "2020-01-01"}, "contract": {"signed_on": "2021-01-01"}})
	fs := a5_20.findings with input as _input({"aws": old})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_missing_clauses if {
	thin := object.union(_aws, {"contract": {"clauses": [
		"confidentiality", "security-requirements",
		"incident-notification",
	]}})
	fs := a5_20.findings with input as _input({"aws": thin})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#contract.clauses"]
	contains(f.message, "lacks the clauses audit-right, data-return-deletion, subprocessing that required_clauses.high")
}

test_pass_r1_medium_supplier_medium_clauses if {
	medium := object.union(_aws, {
		"criticality": "medium", "data_access": "internal",
		"contract": {"clauses": ["confidentiality", "security-requirements", "incident-notification"]},
	})
	fs := a5_20.findings with input as _input({"aws": medium})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_contract_signed_after_as_of if {
	future := object.union(_aws, {"relationship": {"start_on": "2020-01-01"}, "contract": {"signed_on": "2026-12-01"}})
	fs := a5_20.findings with input as _input({"aws": future})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_low_supplier_without_data_needs_nothing if {
	low := {
		"kind": "Supplier", "id": "florist", "supplier_type": "facility", "criticality": "low", "data_access": "none",
		"relationship": {"start_on": "2026-01-01"},
	}
	fs := a5_20.findings with input as _input({"aws": _aws, "florist": low})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_no_dpa if {
	no_dpa := object.union(_aws, {"contract": {"dpa_signed_on": "2026-12-15"}})
	fs := a5_20.findings with input as _input({"aws": no_dpa})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#contract"]
}

test_fail_r3_notice_too_long if {
	slow := object.union(_aws, {"contract": {"incident_notice_hours": 96}})
	fs := a5_20.findings with input as _input({"aws": slow})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#contract.incident_notice_hours"]
	f.message == concat("", [
		"Supplier/aws may take 96 hours to report an incident, more than max_supplier_incident_notice_hours (72): ",
		"renegotiate the term",
	])
}

test_pass_r3_notice_on_limit if {
	edge := object.union(_aws, {"contract": {"incident_notice_hours": 72}})
	fs := a5_20.findings with input as _input({"aws": edge})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_notice_missing if {
	c := object.remove(_aws.contract, ["incident_notice_hours"])
	none := object.union(object.remove(_aws, ["contract"]), {"contract": c})
	fs := a5_20.findings with input as _input({"aws": none})
	_outcomes("R3", fs) == {"fail"}
}

test_not_exercised_without_suppliers if {
	fs := a5_20.findings with input as _input({})
	_outcomes("R1", fs) == {"not_exercised"}
	_outcomes("R2", fs) == {"not_exercised"}
}
