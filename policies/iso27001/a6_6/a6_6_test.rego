package annexa.iso27001.a6_6_test

import data.annexa.iso27001.a6_6
import rego.v1

_params := {"doc_review_days": 365}

_alice := {"kind": "Person", "id": "alice", "start_date": "2021-03-01", "employment_type": "contractor"}

_acc(id, created) := {
	"kind": "Account", "id": id, "system": "Asset/github", "account_type": "human",
	"holder": "Person/alice", "privileged": false, "created_on": created,
}

_nda := {
	"kind": "Acknowledgement", "id": "nda-alice", "person": "Person/alice", "ack_type": "nda",
	"document": "Document/tmpl-nda", "document_version": "2.0.0", "signed_on": "2021-02-15",
}

_tmpl := {
	"kind": "Document", "id": "tmpl-nda", "doc_type": "contract-template", "topic": "nda", "version": "2.0.0",
	"published_on": "2024-02-01", "approvals": [{"by": "Person/lena", "on": "2024-01-29", "decision": "approved"}],
	"reviews": [{"by": "Person/clara", "on": "2026-05-20", "outcome": "no-change"}],
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2020-01-01"}, "contract": {"clauses": ["confidentiality", "security-requirements"]},
}

_records := {
	"Person": {"alice": _alice},
	"Account": {"gh": _acc("gh", "2021-03-01"), "aws": _acc("aws", "2021-04-01")},
	"Acknowledgement": {"nda-alice": _nda},
	"Document": {"tmpl-nda": _tmpl},
	"Supplier": {"aws": _aws},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a6_6.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_nda_after_first_account if {
	late := object.union(_nda, {"signed_on": "2021-03-02"})
	fs := a6_6.findings with input as _input({"Acknowledgement": {"nda-alice": late}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/alice", "Acknowledgement/nda-alice"]
	f.message == concat("", [
		"Person/alice first signed an NDA on 2021-03-02 (Acknowledgement/nda-alice), after their first account ",
		"Account/gh was created on 2021-03-01: sign the NDA before any access is granted",
	])
}

test_pass_r1_nda_on_account_creation_day if {
	same := object.union(_nda, {"signed_on": "2021-03-01"})
	fs := a6_6.findings with input as _input({"Acknowledgement": {"nda-alice": same}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_nda if {
	other := object.union(_nda, {"ack_type": "employment-terms"})
	fs := a6_6.findings with input as _input({"Acknowledgement": {"nda-alice": other}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/alice"]
	f.message == "Person/alice has signed no NDA: have them sign the confidentiality agreement"
}

test_pass_r1_without_accounts if {
	late := object.union(_nda, {"signed_on": "2022-01-01"})
	fs := a6_6.findings with input as _input({"Account": {}, "Acknowledgement": {"nda-alice": late}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_nda_signed_after_as_of_does_not_count if {
	future := object.union(_nda, {"signed_on": "2026-12-01"})
	fs := a6_6.findings with input as _input({"Account": {}, "Acknowledgement": {"nda-alice": future}})
	"fail" in _outcomes("R1", fs)
}

test_fail_r2_no_confidentiality_clause if {
	bare := object.union(_aws, {"contract": {"clauses": ["security-requirements"]}})
	fs := a6_6.findings with input as _input({"Supplier": {"aws": bare}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#contract.clauses"]
	f.message == concat("", [
		"Supplier/aws has access to pii data, but its contract lists no ",
		"confidentiality clause: add the clause or record it",
	])
}

test_fail_r2_no_contract if {
	none := object.remove(_aws, ["contract"])
	fs := a6_6.findings with input as _input({"Supplier": {"aws": none}})
	"fail" in _outcomes("R2", fs)
}

test_r2_ignores_ended_and_non_sensitive_suppliers if {
	ended := object.union(_aws, {"relationship": {"end_on": "2026-01-01"}, "contract": {"clauses": []}})
	internal := object.union(_aws, {"id": "slack", "data_access": "internal", "contract": {"clauses": []}})
	fs := a6_6.findings with input as _input({"Supplier": {"aws": ended, "slack": internal}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_template_review_overdue if {
	stale := object.union(_tmpl, {"reviews": [{"by": "Person/clara", "on": "2025-11-29", "outcome": "no-change"}]})
	fs := a6_6.findings with input as _input({"Document": {"tmpl-nda": stale}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/tmpl-nda"]
	f.message == concat("", [
		"Document/tmpl-nda was last reviewed on 2025-11-29, more than 365 ",
		"days before 2026-11-30: review the NDA template",
	])
}

test_pass_r3_reviewed_on_window_boundary if {
	edge := object.union(_tmpl, {"reviews": [{"by": "Person/clara", "on": "2025-11-30", "outcome": "no-change"}]})
	fs := a6_6.findings with input as _input({"Document": {"tmpl-nda": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_own_shorter_interval if {
	short := object.union(_tmpl, {"review_interval_days": 180})
	fs := a6_6.findings with input as _input({"Document": {"tmpl-nda": short}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "more than 180 days")
}

test_fail_r3_no_template if {
	fs := a6_6.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
}
