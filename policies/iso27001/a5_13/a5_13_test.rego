package annexa.iso27001.a5_13_test

import data.annexa.iso27001.a5_13
import rego.v1

_params := {"config_scan_days": 7, "label_coverage_pct": 95, "attestation_max_days": 365, "attestation_sod": false}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_miriam := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2021-06-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-06-01"}],
}

_proc := {
	"kind": "Document", "id": "proc-labelling", "doc_type": "procedure", "topic": "labelling", "version": "1.0.0",
	"published_on": "2026-02-02", "approvals": [{"by": "Person/jonas", "on": "2026-01-30", "decision": "approved"}],
}

_scan := {
	"kind": "TestRun", "id": "labels-2026-11-27", "test_type": "labelling", "performed_on": "2026-11-27T02:00:00Z",
	"scope": ["Asset/google-drive"], "coverage": {"in_scope": 200, "covered": 194},
}

_att := {
	"kind": "Attestation", "id": "att-labels", "controls": ["iso27001:A.5.13"], "statement": "Paper is labelled",
	"scope": ["Site/berlin-office"], "attested_by": "Person/miriam", "role": "Role/isms-manager",
	"attested_on": "2026-03-01", "valid_until": "2027-02-28",
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"miriam": _miriam},
	"Document": {"proc-labelling": _proc},
	"TestRun": {"labels-2026-11-27": _scan},
	"Attestation": {"att-labels": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_13.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_procedure if {
	fs := a5_13.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no current labelling procedure at 2026-11-30: publish a Document with topic labelling and approve its version",
	])
}

test_fail_r2_coverage_low if {
	low := object.union(_scan, {"coverage": {"covered": 180}})
	fs := a5_13.findings with input as _input({"TestRun": {"labels-2026-11-27": low}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/labels-2026-11-27#coverage"]
	f.message == concat("", [
		"TestRun/labels-2026-11-27 found 90% of items labelled, below label_coverage_pct 95: ",
		"label the missing items",
	])
}

test_pass_r2_coverage_exactly_at_threshold if {
	edge := object.union(_scan, {"coverage": {"covered": 190}})
	fs := a5_13.findings with input as _input({"TestRun": {"labels-2026-11-27": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_scan_too_old if {
	old := object.union(_scan, {"performed_on": "2026-11-22"})
	fs := a5_13.findings with input as _input({"TestRun": {"labels-2026-11-27": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/labels-2026-11-27"]
	f.message == concat("", [
		"the latest labelling scan TestRun/labels-2026-11-27 ran on 2026-11-22, more than 7 days ",
		"(config_scan_days) before 2026-11-30: run it again",
	])
}

test_fail_r2_results_only_below_threshold if {
	results := object.union(object.remove(_scan, ["coverage"]), {"results": [
		{"check_id": "label-present", "resource": "doc-1", "status": "pass"},
		{"check_id": "label-present", "resource": "doc-2", "status": "fail"},
		{"check_id": "label-present", "resource": "doc-3", "status": "manual"},
	]})
	fs := a5_13.findings with input as _input({"TestRun": {"labels-2026-11-27": results}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "found 50% of items labelled")
}

test_fail_r2_no_figures if {
	bare := object.remove(_scan, ["coverage"])
	fs := a5_13.findings with input as _input({"TestRun": {"labels-2026-11-27": bare}})
	"fail" in _outcomes("R2", fs)
}

test_r2_not_exercised_without_tool if {
	fs := a5_13.findings with input as _input({"TestRun": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_r2_judges_latest_only if {
	older := object.union(_scan, {"id": "labels-old", "performed_on": "2026-11-01", "coverage": {"covered": 10}})
	fs := a5_13.findings with input as _input({"TestRun": {"labels-2026-11-27": _scan, "labels-old": older}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_wrong_role if {
	other := {
		"kind": "Person", "id": "hank", "employment_type": "employee", "start_date": "2021-06-01",
		"roles": [{"role": "Role/facilities-lead", "from": "2021-06-01"}],
	}
	by_hank := object.union(_att, {"attested_by": "Person/hank", "role": "Role/facilities-lead"})
	fs := a5_13.findings with input as _input({
		"Person": {"miriam": _miriam, "hank": other},
		"Attestation": {"att-labels": by_hank},
	})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"Attestation/att-labels is made as Role/facilities-lead, not as Role/isms-manager: have the IS manager ",
		"attest that paper and physical information is labelled",
	])
}

test_fail_r3_role_not_held if {
	former := object.union(_miriam, {"roles": [{"role": "Role/isms-manager", "from": "2021-06-01", "to": "2026-01-31"}]})
	fs := a5_13.findings with input as _input({"Person": {"miriam": former}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	startswith(f.message, "Attestation/att-labels: Person/miriam did not hold Role/isms-manager on 2026-03-01")
}

test_pass_r3_valid_until_as_of if {
	edge := object.union(_att, {"attested_on": "2025-12-01", "valid_until": "2026-11-30"})
	fs := a5_13.findings with input as _input({"Attestation": {"att-labels": edge}})
	_outcomes("R3", fs) == {"pass"}
}
