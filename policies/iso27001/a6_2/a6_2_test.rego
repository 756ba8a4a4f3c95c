package annexa.iso27001.a6_2_test

import data.annexa.iso27001.a6_2
import rego.v1

_params := {"lookback_days": 365}

_tmpl_v1 := {
	"kind": "Document", "id": "tmpl-v1", "doc_type": "contract-template", "version": "1.0.0",
	"published_on": "2020-01-01", "content_flags": {"security_responsibilities": true},
}

_tmpl_v2 := {
	"kind": "Document", "id": "tmpl-v2", "doc_type": "contract-template", "version": "2.0.0",
	"published_on": "2025-01-01", "supersedes": "Document/tmpl-v1", "content_flags": {"confidentiality": true},
}

_alice := {"kind": "Person", "id": "alice", "start_date": "2021-03-01", "employment_type": "employee"}

_ack := {
	"kind": "Acknowledgement", "id": "ack-alice", "person": "Person/alice", "ack_type": "employment-terms",
	"document": "Document/tmpl-v1", "document_version": "1.0.0", "signed_on": "2021-02-15",
}

_records := {
	"Document": {"tmpl-v1": _tmpl_v1, "tmpl-v2": _tmpl_v2},
	"Person": {"alice": _alice},
	"Acknowledgement": {"ack-alice": _ack},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_signed_before_start if {
	fs := a6_2.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_signed_on_start_date_via_later_document if {
	# The acknowledgement names the current template, but the version signed is the older one in its chain.
	ack := object.union(_ack, {"document": "Document/tmpl-v2", "signed_on": "2021-03-01"})
	fs := a6_2.findings with input as _input({"Acknowledgement": {"ack-alice": ack}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_contractor_agreement if {
	ack := object.union(_ack, {"ack_type": "contractor-agreement"})
	fs := a6_2.findings with input as _input({"Acknowledgement": {"ack-alice": ack}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_terms if {
	fs := a6_2.findings with input as _input({"Acknowledgement": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/alice"]
	f.message == concat("", [
		"Person/alice (started 2021-03-01) signed no employment-terms or contractor-agreement: ",
		"have them sign terms that state their security responsibilities",
	])
}

test_fail_r1_signed_after_start if {
	late := object.union(_ack, {"signed_on": "2021-03-02"})
	fs := a6_2.findings with input as _input({"Acknowledgement": {"ack-alice": late}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Acknowledgement/ack-alice", "Person/alice"]
	f.message == concat("", [
		"Person/alice (started 2021-03-01) has no terms signed by the start date that state security responsibilities ",
		"(Acknowledgement/ack-alice was signed on 2021-03-02, after the start date): have them sign the current terms",
	])
}

test_fail_r1_version_without_security_responsibilities if {
	ack := object.union(_ack, {"document": "Document/tmpl-v2", "document_version": "2.0.0"})
	fs := a6_2.findings with input as _input({"Acknowledgement": {"ack-alice": ack}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "Document/tmpl-v2 version 2.0.0, which does not state security_responsibilities")
}

test_fail_r1_unknown_version_read_from_document if {
	ack := object.union(_ack, {"document": "Document/tmpl-v2", "document_version": "0.9.0"})
	fs := a6_2.findings with input as _input({"Acknowledgement": {"ack-alice": ack}})
	"fail" in _outcomes("R1", fs)
}

test_fail_r1_other_ack_type_does_not_count if {
	nda := object.union(_ack, {"ack_type": "nda"})
	fs := a6_2.findings with input as _input({"Acknowledgement": {"ack-alice": nda}})
	"fail" in _outcomes("R1", fs)
}

test_r1_ignores_ended_people if {
	gone := object.union(_alice, {"end_date": "2026-06-30"})
	fs := a6_2.findings with input as _input({"Person": {"alice": gone}, "Acknowledgement": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}
