package annexa.iso27001.a5_10_test

import data.annexa.iso27001.a5_10
import rego.v1

_params := {"ack_coverage_pct": 100, "ack_grace_days": 30}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_approved := [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}]

_aup := {
	"kind": "Document", "id": "pol-aup", "doc_type": "topic-policy", "topic": "acceptable-use", "version": "2.2.0",
	"published_on": "2026-01-20", "audience": ["all-personnel"], "requires_acknowledgement": true,
	"approvals": _approved,
}

_scheme := {
	"kind": "Document", "id": "pol-class", "doc_type": "topic-policy", "topic": "classification", "version": "2.0.0",
	"published_on": "2026-01-20", "levels": ["public", "internal", "confidential"],
	"content_flags": {"handling_rules_per_level": true}, "approvals": _approved,
}

_alice := {"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2024-01-01"}

_bob := {"kind": "Person", "id": "bob", "employment_type": "contractor", "start_date": "2024-01-01"}

_ack(p) := {
	"kind": "Acknowledgement", "id": concat("-", ["ack", p]), "person": concat("/", ["Person", p]), "ack_type": "policy",
	"document": "Document/pol-aup", "document_version": "2.2.0", "signed_on": "2026-01-25",
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Document": {"pol-aup": _aup, "pol-class": _scheme},
	"Person": {"alice": _alice, "bob": _bob},
	"Acknowledgement": {"ack-alice": _ack("alice"), "ack-bob": _ack("bob")},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_10.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_not_approved if {
	draft := object.remove(_aup, ["approvals"])
	fs := a5_10.findings with input as _input({"Document": {"pol-aup": draft, "pol-class": _scheme}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-aup", "ManagementSystem/isms"]
	f.message == concat("", [
		"no current acceptable-use document at 2026-11-30 (published ones not approved or superseded: ",
		"Document/pol-aup): publish a Document with topic acceptable-use and approve its version",
	])
}

test_fail_r1_published_after_as_of if {
	future := object.union(_aup, {"published_on": "2026-12-01"})
	fs := a5_10.findings with input as _input({"Document": {"pol-aup": future, "pol-class": _scheme}})
	_outcomes("R1", fs) == {"fail"}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r2_no_scheme if {
	fs := a5_10.findings with input as _input({"Document": {"pol-aup": _aup}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no current classification scheme at 2026-11-30 (a Document with topic classification and levels): ",
		"publish one, then handling rules for each of its levels",
	])
}

test_fail_r2_handling_misses_a_level if {
	scheme := object.remove(_scheme, ["content_flags"])
	handling := {
		"kind": "Document", "id": "std-handling", "doc_type": "standard", "topic": "information-handling",
		"version": "1.0.0", "published_on": "2026-02-01", "levels": ["Public", "Internal"], "approvals": _approved,
	}
	docs := {"pol-aup": _aup, "pol-class": scheme, "std-handling": handling}
	fs := a5_10.findings with input as _input({"Document": docs})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Document/pol-class", "Document/std-handling", "ManagementSystem/isms"]
	f.message == concat("", [
		"the current information-handling documents leave levels of Document/pol-class without handling rules ",
		"(Document/std-handling lacks confidential): add those levels to the handling rules",
	])
}

test_fail_r2_scheme_without_handling_rules if {
	scheme := object.remove(_scheme, ["content_flags"])
	fs := a5_10.findings with input as _input({"Document": {"pol-aup": _aup, "pol-class": scheme}})
	some f in fs
	f.rule == "R2"
	startswith(f.message, "no current information-handling document covers the levels of Document/pol-class")
}

test_pass_r2_separate_handling_standard if {
	scheme := object.remove(_scheme, ["content_flags"])
	handling := {
		"kind": "Document", "id": "std-handling", "doc_type": "standard", "topic": "information-handling",
		"version": "1.0.0", "published_on": "2026-02-01", "levels": ["public", "internal", "confidential", "secret"],
		"approvals": _approved,
	}
	docs := {"pol-aup": _aup, "pol-class": scheme, "std-handling": handling}
	fs := a5_10.findings with input as _input({"Document": docs})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_contractor_not_acknowledged if {
	fs := a5_10.findings with input as _input({"Acknowledgement": {"ack-alice": _ack("alice")}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/pol-aup", "Person/bob"]
	f.message == concat("", [
		"Document/pol-aup: 1 of 2 active people in its audience acknowledged major version 2, ",
		"below ack_coverage_pct 100: have Person/bob acknowledge it",
	])
}

test_pass_r3_below_threshold_allowed if {
	fs := a5_10.findings with input as object.union(
		_input({"Acknowledgement": {"ack-alice": _ack("alice")}}),
		{"params": {"ack_coverage_pct": 50}},
	)
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_new_hire_in_grace if {
	carl := {"kind": "Person", "id": "carl", "employment_type": "employee", "start_date": "2026-10-31"}
	fs := a5_10.findings with input as _input({"Person": {"alice": _alice, "bob": _bob, "carl": carl}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_grace_over_on_day_31 if {
	carl := {"kind": "Person", "id": "carl", "employment_type": "employee", "start_date": "2026-10-30"}
	fs := a5_10.findings with input as _input({"Person": {"alice": _alice, "bob": _bob, "carl": carl}})
	some f in fs
	f.rule == "R3"
	f.refs == ["Document/pol-aup", "Person/carl"]
}

test_fail_r3_old_major_version_does_not_count if {
	old := object.union(_ack("bob"), {"document_version": "1.4.0"})
	fs := a5_10.findings with input as _input({"Acknowledgement": {"ack-alice": _ack("alice"), "ack-bob": old}})
	"fail" in _outcomes("R3", fs)
}

test_pass_r3_ended_person_not_counted if {
	gone := object.union(_bob, {"end_date": "2026-06-30"})
	fs := a5_10.findings with input as _input({
		"Person": {"alice": _alice, "bob": gone},
		"Acknowledgement": {"ack-alice": _ack("alice")},
	})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_audience_by_employment_type if {
	employees := object.union(_aup, {"audience": ["employees"]})
	fs := a5_10.findings with input as _input({
		"Document": {"pol-aup": employees, "pol-class": _scheme},
		"Acknowledgement": {"ack-alice": _ack("alice")},
	})
	_outcomes("R3", fs) == {"pass"}
}
