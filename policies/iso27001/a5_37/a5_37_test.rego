package annexa.iso27001.a5_37_test

import data.annexa.iso27001.a5_37
import rego.v1

_params := {"required_procedures": ["backup", "change"], "doc_review_days": 365}

_proc(topic) := {
	"kind": "Document", "id": concat("-", ["proc", topic]), "doc_type": "procedure", "topic": topic,
	"version": "2.0.0", "published_on": "2026-02-02", "location": "https://handbook.example/proc",
	"audience": ["engineering"], "owner": "Person/aylin", "review_interval_days": 365,
	"approvals": [{"by": "Person/miriam", "on": "2026-01-30", "decision": "approved", "version": "2.0.0"}],
	"reviews": [{"by": "Person/aylin", "on": "2026-01-27", "outcome": "updated"}],
}

_aylin := {"kind": "Person", "id": "aylin", "employment_type": "employee", "start_date": "2022-04-01"}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"proc-backup": _proc("backup"), "proc-change": _proc("change")},
	"Person": {"aylin": _aylin},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_37.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_missing_procedure if {
	fs := a5_37.findings with input as _input({"Document": {"proc-backup": _proc("backup")}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no current procedure for change, which required_procedures lists: ",
		"publish and approve a Document with doc_type procedure and topic change",
	])
}

test_fail_r1_owner_left if {
	left := object.union(_aylin, {"end_date": "2026-10-31"})
	fs := a5_37.findings with input as _input({"Person": {"aylin": left}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/proc-backup#owner"]
}

test_fail_r1_procedure_not_approved if {
	draft := object.remove(_proc("change"), ["approvals"])
	fs := a5_37.findings with input as _input({"Document": {"proc-backup": _proc("backup"), "proc-change": draft}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_review_stale if {
	stale := object.union(_proc("change"), {
		"version": "1.0.0", "published_on": "2025-11-01",
		"approvals": [{"by": "Person/miriam", "on": "2025-11-29", "decision": "approved", "version": "1.0.0"}],
		"reviews": [],
	})
	fs := a5_37.findings with input as _input({"Document": {"proc-backup": _proc("backup"), "proc-change": stale}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Document/proc-change#reviews"]
	contains(f.message, "last reviewed on 2025-11-29, more than 365 days")
}

test_fail_r2_document_interval_shorter if {
	short := object.union(_proc("change"), {"review_interval_days": 180})
	fs := a5_37.findings with input as _input({"Document": {"proc-backup": _proc("backup"), "proc-change": short}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "more than 180 days")
}

test_pass_r2_document_interval_longer_is_capped if {
	long := object.union(_proc("change"), {"review_interval_days": 730})
	fs := a5_37.findings with input as _input({"Document": {"proc-backup": _proc("backup"), "proc-change": long}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_no_location if {
	hidden := object.remove(_proc("change"), ["location"])
	fs := a5_37.findings with input as _input({"Document": {"proc-backup": _proc("backup"), "proc-change": hidden}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/proc-change#location"]
}

test_fail_r3_empty_audience if {
	nobody := object.union(_proc("change"), {"audience": []})
	fs := a5_37.findings with input as _input({"Document": {"proc-backup": _proc("backup"), "proc-change": nobody}})
	some f in fs
	f.rule == "R3"
	f.refs == ["Document/proc-change#audience"]
}
