package annexa.iso42001.c7_1_test

import data.annexa.iso42001.c7_1
import rego.v1

_params := {"management_review_days": 365, "attestation_max_days": 365, "attestation_sod": false}

_review := {
	"kind": "ManagementReview", "id": "mr-1", "standards": ["iso42001:2023"], "held_on": "2026-10-15",
	"attendees": ["Person/lena"], "inputs_covered": [],
	"decisions": [{"text": "Hire a second platform engineer", "type": "resources"}],
}

_attestation := {
	"kind": "Attestation", "id": "att-1", "controls": ["iso42001:7.1"], "statement": "Resources are provided",
	"scope": ["ManagementSystem/aims"], "attested_by": "Person/lena", "role": "Role/ceo",
	"attested_on": "2026-10-15", "valid_until": "2027-10-14",
}

_records := {
	"ManagementSystem": {"aims": {
		"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023",
		"top_management": ["Person/lena"],
	}},
	"Person": {
		"lena": {
			"kind": "Person", "id": "lena", "start_date": "2020-01-01",
			"roles": [{"role": "Role/ceo", "from": "2020-01-01"}],
		},
		"ivan": {
			"kind": "Person", "id": "ivan", "start_date": "2020-01-01",
			"roles": [{"role": "Role/aims-manager", "from": "2020-01-01"}],
		},
	},
	"ManagementReview": {"mr-1": _review},
	"Attestation": {"att-1": _attestation},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_review(patch) := _input({"ManagementReview": {"mr-1": object.union(_review, patch)}})

_with_attestation(patch) := _input({"Attestation": {"att-1": object.union(_attestation, patch)}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c7_1.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_names_the_attestation if {
	fs := c7_1.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["Attestation/att-1"]
	f.message == concat("", [
		"a current Attestation of iso42001:7.1 by top management of iso42001:2023 ",
		"states that the resources are provided",
	])
}

# --- R1

test_fail_r1_no_resources_decision if {
	fs := c7_1.findings with input as _with_review({"decisions": [{"text": "Roll out WebAuthn", "type": "improvement"}]})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-1#decisions"]
	f.message == concat("", [
		"ManagementReview/mr-1 (held 2026-10-15) records no decision on resources (of type resources, or stating ",
		"that resources are adequate): record what top management decided",
	])
}

test_pass_r1_resources_named_in_text if {
	fs := c7_1.findings with input as _with_review({"decisions": [{"text": "Resources for 2027 are adequate"}]})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_review_too_old if {
	fs := c7_1.findings with input as _with_review({"held_on": "2025-11-29"})
	some f in _failures("R1", fs)
	f.refs == ["ManagementReview/mr-1#held_on"]
	f.message == concat("", [
		"the latest management review of iso42001:2023, ManagementReview/mr-1, was held on 2025-11-29, 366 days ago ",
		"(management_review_days = 365), so its decision on resources is out of date: hold the next review",
	])
}

test_pass_r1_review_on_window_boundary if {
	fs := c7_1.findings with input as _with_review({"held_on": "2025-11-30"})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_review if {
	fs := c7_1.findings with input as _input({"ManagementReview": {}})
	some f in _failures("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	startswith(f.message, "no management review of iso42001:2023 is recorded")
}

test_fail_r1_review_of_other_standard_only if {
	fs := c7_1.findings with input as _with_review({"standards": ["iso27001:2022"]})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_only_latest_review_counts if {
	later := object.union(_review, {"id": "mr-2", "held_on": "2026-11-20", "decisions": [{"text": "x", "type": "change"}]})
	fs := c7_1.findings with input as _input({"ManagementReview": {"mr-1": _review, "mr-2": later}})
	some f in _failures("R1", fs)
	f.refs == ["ManagementReview/mr-2#decisions"]
}

# --- R2

test_fail_r2_no_attestation if {
	fs := c7_1.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/aims"]
	f.message == concat("", [
		"no current Attestation of iso42001:7.1 by top management of iso42001:2023 (Person/lena) covers ",
		"ManagementSystem/aims (for ManagementSystem/aims: no Attestation names iso42001:7.1): have a member of top ",
		"management attest that the resources are provided",
	])
}

test_fail_r2_attester_not_top_management if {
	fs := c7_1.findings with input as _with_attestation({"attested_by": "Person/ivan", "role": "Role/aims-manager"})
	some f in _failures("R2", fs)
	f.refs == ["Attestation/att-1", "ManagementSystem/aims"]
	contains(f.message, "Attestation/att-1 was made by Person/ivan, who is not top management")
}

test_fail_r2_expired if {
	fs := c7_1.findings with input as _with_attestation({"attested_on": "2025-11-30", "valid_until": "2026-11-29"})
	some f in _failures("R2", fs)
	contains(f.message, "Attestation/att-1 expired on 2026-11-29")
}

test_pass_r2_valid_until_as_of if {
	fs := c7_1.findings with input as _with_attestation({"attested_on": "2025-12-01", "valid_until": "2026-11-30"})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_role_not_held if {
	fs := c7_1.findings with input as _with_attestation({"role": "Role/cto"})
	some f in _failures("R2", fs)
	contains(f.message, "Person/lena did not hold Role/cto on 2026-10-15")
}

test_fail_r2_scope_is_not_the_management_system if {
	fs := c7_1.findings with input as _with_attestation({"scope": ["Site/berlin-office"]})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_annex_a_control_id if {
	fs := c7_1.findings with input as _with_attestation({"controls": ["iso42001:A.7.1"]})
	_outcomes("R2", fs) == {"fail"}
}
