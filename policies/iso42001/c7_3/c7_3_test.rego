package annexa.iso42001.c7_3_test

import data.annexa.iso42001.c7_3
import rego.v1

_params := {
	"training_refresh_days": 365, "training_new_hire_days": 30, "lookback_days": 365, "at_risk_days": 7,
	"ack_coverage_pct": 100, "ack_grace_days": 30,
}

_flags := {"ai_policy": true, "personal_contribution": true, "consequences_of_nonconformity": true}

_course := {
	"kind": "Document", "id": "course-aw", "doc_type": "training-material", "topic": "ai-literacy",
	"version": "2026.1.0", "published_on": "2026-01-10", "content_flags": _flags,
	"approvals": [{"by": "Person/lena", "on": "2026-01-09", "decision": "approved", "version": "2026.1.0"}],
}

_policy := {
	"kind": "Document", "id": "pol-ai", "doc_type": "policy", "topic": "ai-policy", "version": "3.0.0",
	"published_on": "2026-01-10", "audience": ["all-personnel"], "requires_acknowledgement": true,
	"approvals": [{"by": "Person/lena", "on": "2026-01-09", "decision": "approved", "version": "3.0.0"}],
}

_alice := {"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2020-01-01"}

_training := {
	"kind": "TrainingRecord", "id": "tr-1", "person": "Person/alice", "course": "Document/course-aw",
	"course_type": "awareness", "completed_on": "2026-02-01", "passed": true,
}

_ack := {
	"kind": "Acknowledgement", "id": "ack-1", "person": "Person/alice", "ack_type": "policy",
	"document": "Document/pol-ai", "document_version": "3.0.0", "signed_on": "2026-01-15",
}

_records := {
	"Person": {
		"alice": _alice,
		# Started ten days ago: inside onboarding and the acknowledgement grace, not yet failed.
		"nina": {"kind": "Person", "id": "nina", "employment_type": "intern", "start_date": "2026-11-20"},
	},
	"TrainingRecord": {"tr-1": _training},
	"Document": {"course-aw": _course, "pol-ai": _policy},
	"Acknowledgement": {"ack-1": _ack},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_trained(patch) := _input({"TrainingRecord": {"tr-1": object.union(_training, patch)}})

_with_course_flags(flags) := _input({"Document": {
	"course-aw": object.union(object.remove(_course, ["content_flags"]), {"content_flags": flags}),
	"pol-ai": _policy,
}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c7_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_refresher_missing if {
	fs := c7_3.findings with input as _trained({"completed_on": "2025-11-29"})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/alice"]
	f.message == concat("", [
		"Person/alice passed no course of type ai-literacy or awareness within 365 days (training_refresh_days) ",
		"of 2026-11-30 ",
		"(last: 2025-11-29): have them take the refresher",
	])
}

test_pass_r1_refresher_on_boundary_at_risk if {
	fs := c7_3.findings with input as _trained({"completed_on": "2025-11-30"})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_fail_r1_missed_onboarding if {
	late := {"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2026-09-01"}
	fs := c7_3.findings with input as object.union(
		_trained({"completed_on": "2026-10-15"}),
		{"records": {"Person": {"alice": late}}},
	)
	some f in _failures("R1", fs)
	f.message == concat("", [
		"Person/alice started on 2026-09-01 and passed no course of type ai-literacy or awareness by 2026-10-01 ",
		"(training_new_hire_days = 30; last: 2026-10-15): enrol them now",
	])
}

test_pass_r1_preboarding_course_counts if {
	new := {"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2026-09-01"}
	fs := c7_3.findings with input as object.union(
		_trained({"completed_on": "2026-08-20"}),
		{"records": {"Person": {"alice": new}}},
	)
	_outcomes("R1", fs) == {"pass"}
}

test_r1_onboarding_deadline_at_risk if {
	nina := {"kind": "Person", "id": "nina", "employment_type": "intern", "start_date": "2026-11-02"}
	fs := c7_3.findings with input as _input({"Person": {"alice": _alice, "nina": nina}})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_pass_r1_ai_literacy_counts if {
	fs := c7_3.findings with input as _trained({"course_type": "ai-literacy"})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_other_course_type_does_not_count if {
	fs := c7_3.findings with input as _trained({"course_type": "secure-coding"})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r3_topic_policy_counts if {
	pol := object.union(_policy, {"doc_type": "topic-policy"})
	fs := c7_3.findings with input as _input({"Document": {"course-aw": _course, "pol-ai": pol}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r2_security_course_without_ai_policy if {
	fs := c7_3.findings with input as _with_course_flags({
		"policy_overview": true, "personal_contribution": true, "consequences_of_nonconformity": true,
	})
	some f in _failures("R2", fs)
	contains(f.message, "which together do not cover ai_policy")
}

test_pass_r1_leaver_ignored if {
	gone := {
		"kind": "Person",
		"id": "gus",
		"employment_type": "employee",
		"start_date": "2020-01-01",
		"end_date": "2026-11-01",
	}
	fs := c7_3.findings with input as _input({"Person": {"alice": _alice, "gus": gone}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_course_lacks_a_topic if {
	fs := c7_3.findings with input as _with_course_flags({"ai_policy": true, "personal_contribution": true})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Document/course-aw"]
	f.message == concat("", [
		"1 active person (Person/alice) passed only Document/course-aw within 365 days (training_refresh_days), ",
		"which together do not cover consequences_of_nonconformity: add these topics to the course material ",
		"(content_flags) or enrol them in a course that covers them",
	])
}

test_fail_r2_flag_set_false if {
	fs := c7_3.findings with input as _with_course_flags(object.union(_flags, {"personal_contribution": false}))
	_outcomes("R2", fs) == {"fail"}
}

test_pass_r2_hyphenated_flags if {
	fs := c7_3.findings with input as _with_course_flags({
		"ai-policy": true, "personal-contribution": true, "consequences-of-nonconformity": true,
	})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_topics_spread_over_courses if {
	second := object.union(_course, {"id": "course-b", "content_flags": {"consequences_of_nonconformity": true}})
	tr2 := object.union(_training, {"id": "tr-2", "course": "Document/course-b", "completed_on": "2026-03-01"})
	fs := c7_3.findings with input as _input({
		"Document": {
			"course-aw": object.union(
				object.remove(_course, ["content_flags"]),
				{"content_flags": {"ai_policy": true, "personal_contribution": true}},
			),
			"course-b": second, "pol-ai": _policy,
		},
		"TrainingRecord": {"tr-1": _training, "tr-2": tr2},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_missing_course_document if {
	fs := c7_3.findings with input as _input({"Document": {"pol-ai": _policy}})
	some f in _failures("R2", fs)
	contains(f.message, "do not cover ai_policy, consequences_of_nonconformity, personal_contribution")
}

# --- R3

test_fail_r3_old_major_version_acknowledged if {
	old := object.union(_ack, {"document_version": "2.4.0"})
	fs := c7_3.findings with input as _input({"Acknowledgement": {"ack-1": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/pol-ai", "Person/alice"]
	f.message == concat("", [
		"Document/pol-ai: 0 of 1 active people in its audience acknowledged major version 3, below ",
		"ack_coverage_pct 100: have Person/alice acknowledge it",
	])
}

test_pass_r3_minor_version_acknowledged if {
	inp := _input({"Acknowledgement": {"ack-1": object.union(_ack, {"document_version": "3.2.0"})}})
	fs := c7_3.findings with input as inp
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_no_policy if {
	fs := c7_3.findings with input as _input({"Document": {"course-aw": _course}})
	some f in _failures("R3", fs)
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current AI policy of iso42001:2023 (a Document of doc_type policy or topic-policy and topic ",
		"ai-policy, published and approved) exists: publish and approve it, then have personnel acknowledge it",
	])
}

test_fail_r3_policy_not_approved if {
	draft := object.remove(_policy, ["approvals"])
	fs := c7_3.findings with input as _input({"Document": {"course-aw": _course, "pol-ai": draft}})
	_outcomes("R3", fs) == {"fail"}
}

test_fail_r3_acknowledgement_required_even_if_flag_false if {
	pol := object.union(_policy, {"requires_acknowledgement": false})
	fs := c7_3.findings with input as _input({
		"Document": {"course-aw": _course, "pol-ai": pol},
		"Acknowledgement": {},
	})
	_outcomes("R3", fs) == {"fail"}
}
