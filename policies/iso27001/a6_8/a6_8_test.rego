package annexa.iso27001.a6_8_test

import data.annexa.iso27001.a6_8
import rego.v1

_params := {"channel_test_days": 365, "lookback_days": 365}

_channel := {
	"kind": "CommsChannel", "id": "sec-report", "direction": "inbound", "channel_type": "security-event-reporting",
	"audience": ["personnel"], "published_in": ["Document/pol-incident"], "owner": "Person/miriam",
	"tests": [{"on": "2026-03-01", "by": "Person/aylin", "result": "ok"}],
}

_course := {
	"kind": "Document", "id": "course-2026", "doc_type": "training-material", "topic": "security-awareness",
	"version": "2026.1.0", "published_on": "2026-01-26", "content_flags": {"phishing": true, "event-reporting": true},
	"approvals": [{"by": "Person/jonas", "on": "2026-01-23", "decision": "approved"}],
}

_incident := {
	"kind": "Incident", "id": "inc-1", "category": "security-event", "severity": "sev3",
	"reported_on": "2026-05-02T09:00:00Z", "reported_by": "Person/hannah",
	"reported_via": "CommsChannel/sec-report", "owner": "Person/miriam",
}

_records := {
	"CommsChannel": {"sec-report": _channel},
	"Document": {"course-2026": _course},
	"Incident": {"inc-1": _incident},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a6_8.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_channel if {
	outbound := object.union(_channel, {"direction": "outbound"})
	fs := a6_8.findings with input as _input({"CommsChannel": {"sec-report": outbound}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
}

test_fail_r1_not_published if {
	hidden := object.union(_channel, {"audience": ["customers"]})
	fs := a6_8.findings with input as _input({"CommsChannel": {"sec-report": hidden}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["CommsChannel/sec-report#published_in"]
}

test_fail_r1_test_too_old if {
	old := object.union(_channel, {"tests": [{"on": "2025-11-29", "by": "Person/aylin", "result": "ok"}]})
	fs := a6_8.findings with input as _input({"CommsChannel": {"sec-report": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["CommsChannel/sec-report#tests"]
	f.message == concat("", [
		"CommsChannel/sec-report was last tested on 2025-11-29, more than 365 days (channel_test_days) ",
		"before 2026-11-30: test the channel",
	])
}

test_pass_r1_test_on_window_boundary if {
	edge := object.union(_channel, {"tests": [{"on": "2025-11-30", "by": "Person/aylin", "result": "ok"}]})
	fs := a6_8.findings with input as _input({"CommsChannel": {"sec-report": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_never_tested if {
	untested := object.remove(_channel, ["tests"])
	fs := a6_8.findings with input as _input({"CommsChannel": {"sec-report": untested}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "last tested on never")
}

test_fail_r1_latest_test_failed if {
	broken := object.union(_channel, {"tests": [
		{"on": "2026-03-01", "by": "Person/aylin", "result": "ok"},
		{"on": "2026-09-01", "by": "Person/aylin", "result": "failed"},
	]})
	fs := a6_8.findings with input as _input({"CommsChannel": {"sec-report": broken}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.message == "CommsChannel/sec-report failed its latest test on 2026-09-01: repair the channel and test it again"
}

test_fail_r2_course_without_reporting if {
	thin := object.union(_course, {"content_flags": {"event-reporting": false}})
	fs := a6_8.findings with input as _input({"Document": {"course-2026": thin}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Document/course-2026#content_flags"]
}

test_fail_r2_no_course if {
	fs := a6_8.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
}

test_pass_r2_course_named_by_training_with_underscore_flag if {
	bare := object.remove(_course, ["topic", "content_flags"])
	course := object.union(bare, {"content_flags": {"event_reporting": true}})
	tr := {
		"kind": "TrainingRecord", "id": "tr-1", "person": "Person/hannah", "course": "Document/course-2026",
		"course_type": "awareness", "completed_on": "2026-02-01", "passed": true,
	}
	fs := a6_8.findings with input as _input({"Document": {"course-2026": course}, "TrainingRecord": {"tr-1": tr}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_channel_missing if {
	unknown := object.remove(_incident, ["reported_via"])
	fs := a6_8.findings with input as _input({"Incident": {"inc-1": unknown}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#reported_via"]
	f.message == concat("", [
		"Incident/inc-1, reported by Person/hannah on 2026-05-02T09:00:00Z, names no existing inbound channel ",
		"in reported_via (none): record the channel used",
	])
}

test_fail_r3_channel_unknown if {
	unknown := object.union(_incident, {"reported_via": "CommsChannel/nope"})
	fs := a6_8.findings with input as _input({"Incident": {"inc-1": unknown}})
	"fail" in _outcomes("R3", fs)
}

test_r3_ignores_events_not_reported_by_personnel if {
	external := object.remove(_incident, ["reported_by", "reported_via"])
	fs := a6_8.findings with input as _input({"Incident": {"inc-1": external}})
	_outcomes("R3", fs) == {"not_exercised"}
}
