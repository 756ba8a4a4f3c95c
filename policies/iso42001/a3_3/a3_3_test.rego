package annexa.iso42001.a3_3_test

import data.annexa.iso42001.a3_3
import rego.v1

_params := {
	"channel_test_days": 365,
	"concern_triage_days": 10,
	"training_new_hire_days": 30,
	"lookback_days": 365,
	"at_risk_days": 7,
}

_policy := {
	"kind": "Document", "id": "pol-speak-up", "doc_type": "topic-policy", "topic": "whistleblowing",
	"version": "1.0.0", "published_on": "2026-01-20", "content_flags": {"non_retaliation": true},
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "1.0.0"}],
}

_course := {
	"kind": "Document", "id": "course-ai", "doc_type": "training-material", "topic": "ai-literacy",
	"version": "1.1.0", "published_on": "2026-01-26", "supersedes": "Document/course-ai-1",
	"approvals": [{"by": "Person/lena", "on": "2026-01-23", "decision": "approved", "version": "1.1.0"}],
}

_channel := {
	"kind": "CommsChannel", "id": "concerns", "direction": "inbound", "channel_type": "ai-concern",
	"audience": ["personnel"], "anonymous_allowed": true, "owner": "Person/clara",
	"published_in": ["Document/pol-speak-up", "Document/course-ai"],
	"tests": [{"on": "2026-02-18", "by": "Person/clara", "result": "ok"}],
}

_person(id, start) := {"kind": "Person", "id": id, "employment_type": "employee", "start_date": start}

_training(id, person, course, day) := {
	"kind": "TrainingRecord", "id": id, "person": person, "course": course,
	"course_type": "ai-literacy", "completed_on": day, "passed": true,
}

_concern := {
	"kind": "Incident", "id": "inc-5", "category": "ai-concern", "severity": "sev4", "owner": "Person/sofia",
	"reported_on": "2026-09-16T14:00:00Z",
	"triage": {"decided_on": "2026-09-17T10:00:00Z", "decided_by": "Person/sofia", "classification": "not-incident"},
	"timeline": {"closed_on": "2026-09-25T10:00:00Z"},
	"post_incident_review": {"completed_on": "2026-09-25", "no_action_rationale": "not confirmed"},
}

_records := {
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
	"Document": {"pol-speak-up": _policy, "course-ai": _course},
	"CommsChannel": {"concerns": _channel},
	"Person": {"nora": _person("nora", "2021-09-01"), "paul": _person("paul", "2024-06-03")},
	"TrainingRecord": {"tr-nora": _training("tr-nora", "Person/nora", "Document/course-ai", "2026-02-10")},
	"Acknowledgement": {"ack-paul": {
		"kind": "Acknowledgement", "id": "ack-paul", "person": "Person/paul", "ack_type": "policy",
		"document": "Document/pol-speak-up", "document_version": "1.0.0", "signed_on": "2026-01-25",
	}},
	"Incident": {"inc-5": _concern},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_channel(patch) := {"CommsChannel": {"concerns": object.union(_channel, patch)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a3_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_channel if {
	fs := a3_3.findings with input as _input({"CommsChannel": {}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r1_not_anonymous if {
	fs := a3_3.findings with input as _input(_with_channel({"anonymous_allowed": false}))
	some f in _fails("R1", fs)
	f.refs == ["CommsChannel/concerns#anonymous_allowed"]
	f.message == "CommsChannel/concerns does not allow anonymous reports (anonymous_allowed): allow them"
}

test_fail_r1_not_for_personnel if {
	fs := a3_3.findings with input as _input(_with_channel({"audience": ["public"]}))
	some f in _fails("R1", fs)
	f.refs == ["CommsChannel/concerns#audience"]
}

test_fail_r1_no_non_retaliation_document if {
	plain := object.union(_policy, {"content_flags": {"non_retaliation": false}})
	fs := a3_3.findings with input as _input({"Document": {"pol-speak-up": plain, "course-ai": _course}})
	some f in _fails("R1", fs)
	f.refs == ["CommsChannel/concerns#published_in"]
}

test_pass_r1_hyphenated_flag if {
	hyphen := object.union(object.remove(_policy, ["content_flags"]), {"content_flags": {"non-retaliation": true}})
	fs := a3_3.findings with input as _input({"Document": {"pol-speak-up": hyphen, "course-ai": _course}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_test_too_old if {
	tests := [{"on": "2025-11-29", "by": "Person/clara", "result": "ok"}]
	fs := a3_3.findings with input as _input(_with_channel({"tests": tests}))
	some f in _fails("R1", fs)
	f.refs == ["CommsChannel/concerns#tests"]
	f.message == concat("", [
		"CommsChannel/concerns has no successful test within 365 days (channel_test_days; last: ok on 2025-11-29): ",
		"test it",
	])
}

test_pass_r1_test_on_boundary if {
	tests := [{"on": "2025-11-30", "by": "Person/clara", "result": "ok"}]
	fs := a3_3.findings with input as _input(_with_channel({"tests": tests}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_latest_test_failed if {
	tests := [
		{"on": "2026-02-18", "by": "Person/clara", "result": "ok"},
		{"on": "2026-08-19", "by": "Person/clara", "result": "failed"},
	]
	fs := a3_3.findings with input as _input(_with_channel({"tests": tests}))
	some f in _fails("R1", fs)
	contains(f.message, "last: failed on 2026-08-19")
}

test_fail_r1_never_tested if {
	fs := a3_3.findings with input as _input({"CommsChannel": {"concerns": object.remove(_channel, ["tests"])}})
	some f in _fails("R1", fs)
	f.refs == ["CommsChannel/concerns"]
	contains(f.message, "never tested")
}

# --- R2

test_fail_r2_person_not_informed if {
	hannah := _person("hannah", "2023-09-01")
	fs := a3_3.findings with input as _input({"Person": object.union(_records.Person, {"hannah": hannah})})
	some f in _fails("R2", fs)
	f.refs == ["Person/hannah"]
	f.message == concat("", [
		"Person/hannah has neither taken a course nor acknowledged a document that publishes the concern channel ",
		"(Document/course-ai, Document/pol-speak-up): inform them",
	])
}

test_pass_r2_earlier_course_version_counts if {
	old := _training("tr-hannah", "Person/hannah", "Document/course-ai-1", "2025-02-10")
	fs := a3_3.findings with input as _input({
		"Person": object.union(_records.Person, {"hannah": _person("hannah", "2023-09-01")}),
		"TrainingRecord": object.union(_records.TrainingRecord, {"tr-hannah": old}),
	})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_new_hire_in_grace_at_risk if {
	people := object.union(_records.Person, {"max": _person("max", "2026-11-05")})
	fs := a3_3.findings with input as _input({"Person": people})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_leaver_not_counted if {
	left := object.union(_person("ivan", "2022-09-01"), {"end_date": "2026-10-31"})
	fs := a3_3.findings with input as _input({"Person": object.union(_records.Person, {"ivan": left})})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_failed_course_does_not_count if {
	failed := object.union(_training("tr-nora", "Person/nora", "Document/course-ai", "2026-02-10"), {"passed": false})
	fs := a3_3.findings with input as _input({"TrainingRecord": {"tr-nora": failed}})
	some f in _fails("R2", fs)
	f.refs == ["Person/nora"]
}

# --- R3

test_fail_r3_triaged_late if {
	late := object.union(_concern, {"triage": {"decided_on": "2026-09-30T10:00:00Z"}})
	fs := a3_3.findings with input as _input({"Incident": {"inc-5": late}})
	some f in _fails("R3", fs)
	f.refs == ["Incident/inc-5#triage.decided_on"]
	f.message == concat("", [
		"Incident/inc-5 was reported on 2026-09-16 but triaged only on 2026-09-30, after 2026-09-26 ",
		"(concern_triage_days=10): triage concerns sooner",
	])
}

test_pass_r3_triaged_on_deadline if {
	edge := object.union(_concern, {"triage": {"decided_on": "2026-09-26T18:00:00Z"}})
	fs := a3_3.findings with input as _input({"Incident": {"inc-5": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_untriaged_overdue if {
	open := {
		"kind": "Incident", "id": "inc-6", "category": "ai-concern", "severity": "sev4",
		"owner": "Person/sofia", "reported_on": "2026-11-01T09:00:00Z",
	}
	fs := a3_3.findings with input as _input({"Incident": {"inc-5": _concern, "inc-6": open}})
	some f in _fails("R3", fs)
	f.refs == ["Incident/inc-6"]
}

test_pass_r3_untriaged_within_deadline_at_risk if {
	open := {
		"kind": "Incident", "id": "inc-6", "category": "ai-concern", "severity": "sev4",
		"owner": "Person/sofia", "reported_on": "2026-11-25T09:00:00Z",
	}
	fs := a3_3.findings with input as _input({"Incident": {"inc-5": _concern, "inc-6": open}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_fail_r3_closed_without_outcome if {
	bare := object.remove(_concern, ["post_incident_review"])
	fs := a3_3.findings with input as _input({"Incident": {"inc-5": bare}})
	some f in _fails("R3", fs)
	f.refs == ["Incident/inc-5#timeline.closed_on"]
}

test_pass_r3_duplicate_needs_no_review if {
	dup := object.union(object.remove(_concern, ["post_incident_review"]), {"triage": {"classification": "duplicate"}})
	fs := a3_3.findings with input as _input({"Incident": {"inc-5": dup}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_not_exercised_without_concerns if {
	fs := a3_3.findings with input as _input({"Incident": {}})
	_outcomes("R3", fs) == {"not_exercised"}
}
