package annexa.iso27001.a5_1_test

import data.annexa.iso27001.a5_1
import rego.v1

_params := {
	"required_policy_topics": ["access-control"], "policy_review_days": 365,
	"ack_coverage_pct": 100, "ack_grace_days": 30,
}

_ms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "scope_doc": "Document/scope",
	"boundaries": {}, "top_management": ["Person/carol"],
}

_person(id, start) := {"kind": "Person", "id": id, "employment_type": "employee", "start_date": start}

_people := {
	"carol": _person("carol", "2020-01-01"),
	"alice": object.union(_person("alice", "2021-03-01"), {"roles": [{"role": "Role/engineer", "from": "2021-03-01"}]}),
	"bob": object.union(_person("bob", "2022-01-01"), {"end_date": "2026-06-01"}),
}

_pol_old := {
	"kind": "Document", "id": "pol-is-old", "doc_type": "policy", "topic": "information-security",
	"version": "3.0.0", "published_on": "2025-06-01",
	"approvals": [{"by": "Person/carol", "on": "2025-05-30", "decision": "approved", "version": "3.0.0"}],
}

_pol_is := {
	"kind": "Document", "id": "pol-is", "doc_type": "policy", "topic": "information-security",
	"version": "3.1.0", "published_on": "2026-02-01", "audience": ["all-personnel"], "supersedes": "Document/pol-is-old",
	"approvals": [{"by": "Person/carol", "on": "2026-01-28", "decision": "approved", "version": "3.1.0"}],
}

_pol_ac := {
	"kind": "Document", "id": "pol-ac", "doc_type": "topic-policy", "topic": "access-control",
	"version": "1.0.0", "published_on": "2026-03-01",
	"approvals": [{"by": "Person/erin", "on": "2026-03-01", "decision": "approved"}],
}

_ack(id, person, doc, version, on) := {
	"kind": "Acknowledgement", "id": id, "person": person, "ack_type": "policy",
	"document": doc, "document_version": version, "signed_on": on,
}

_acks := {
	"carol": _ack("carol", "Person/carol", "Document/pol-is", "3.1.0", "2026-02-02"),
	"alice": _ack("alice", "Person/alice", "Document/pol-is-old", "3.0.0", "2025-06-05"),
}

_mr := {
	"kind": "ManagementReview", "id": "mr-2026", "standards": ["iso27001:2022"], "held_on": "2026-01-15",
	"attendees": ["Person/carol"], "inputs_covered": [],
	"decisions": [{"text": "More staff", "type": "resources"}, {"text": "Tighten policies", "type": "policy-change"}],
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": _people,
	"Document": {"pol-is-old": _pol_old, "pol-is": _pol_is, "pol-ac": _pol_ac},
	"Acknowledgement": _acks,
	"ManagementReview": {"mr-2026": _mr},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_base_docs := {"pol-is-old": _pol_old, "pol-is": _pol_is, "pol-ac": _pol_ac}

_docs(extra) := {"Document": object.union(object.remove(_base_docs, object.keys(extra)), extra)}

test_pass_all_rules if {
	fs := a5_1.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_names_policy_and_system if {
	fs := a5_1.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Document/pol-is", "ManagementSystem/isms"]
}

# --- R1

test_fail_r1_no_current_security_policy if {
	unapproved := object.remove(_pol_is, ["approvals"])
	fs := a5_1.findings with input as _input(_docs({"pol-is": unapproved}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-is", "Document/pol-is-old", "ManagementSystem/isms"]
	f.message == concat("", [
		"no current information security policy at 2026-11-30 (published ones not approved or superseded: ",
		"Document/pol-is, Document/pol-is-old): publish a Document with doc_type policy and topic ",
		"information-security and have ",
		"top management approve it",
	])
}

test_fail_r1_not_approved_by_top_management if {
	by_erin := object.union(_pol_is, {"approvals": [{"by": "Person/erin", "on": "2026-01-28", "decision": "approved"}]})
	fs := a5_1.findings with input as _input(_docs({"pol-is": by_erin}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-is#approvals"]
	f.message == concat("", [
		"Document/pol-is version 3.1.0 is approved only by Person/erin, and none of them is top management ",
		"of the ISMS (Person/carol): have a member of top management approve this version",
	])
}

test_fail_r1_top_management_approved_an_older_version_only if {
	old_approval := object.union(_pol_is, {"approvals": [
		{"by": "Person/carol", "on": "2026-01-28", "decision": "approved", "version": "3.0.0"},
		{"by": "Person/erin", "on": "2026-01-29", "decision": "approved", "version": "3.1.0"},
	]})
	fs := a5_1.findings with input as _input(_docs({"pol-is": old_approval}))
	"fail" in _outcomes("R1", fs)
}

test_fail_r1_no_management_system if {
	fs := a5_1.findings with input as _input({"ManagementSystem": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == []
	startswith(f.message, "no ManagementSystem with standard iso27001:2022")
}

test_fail_r1_management_system_of_other_standard_only if {
	aims := object.union(_ms, {"id": "aims", "standard": "iso42001:2023"})
	fs := a5_1.findings with input as _input({"ManagementSystem": {"aims": aims}})
	"fail" in _outcomes("R1", fs)
}

test_fail_r1_approval_after_as_of if {
	future := object.union(_pol_is, {"approvals": [{"by": "Person/carol", "on": "2026-12-01", "decision": "approved"}]})
	fs := a5_1.findings with input as _input(_docs({"pol-is": future}))
	"fail" in _outcomes("R1", fs)
}

# --- R2

test_fail_r2_missing_topic if {
	topics := {"params": {"required_policy_topics": ["access-control", "backup"]}}
	fs := a5_1.findings with input as object.union(_input({}), topics)
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no current approved policy on the topic backup, which required_policy_topics lists: publish a Document ",
		"with doc_type topic-policy and topic backup and approve its version",
	])
}

test_fail_r2_points_at_declared_parameter if {
	ms := object.union(_ms, {"parameters": {"required_policy_topics": ["backup"]}})
	inp := object.union(_input({"ManagementSystem": {"isms": ms}}), {"params": {"required_policy_topics": ["backup"]}})
	fs := a5_1.findings with input as inp
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms#parameters.required_policy_topics"]
}

test_r2_not_exercised_without_required_topics if {
	fs := a5_1.findings with input as object.union(_input({}), {"params": {"required_policy_topics": []}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_review_overdue if {
	old := object.union(_pol_ac, {"approvals": [{"by": "Person/erin", "on": "2025-11-29", "decision": "approved"}]})
	fs := a5_1.findings with input as _input(_docs({"pol-ac": old}))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/pol-ac"]
	f.message == concat("", [
		"Document/pol-ac was last reviewed on 2025-11-29, more than 365 days (policy_review_days) before ",
		"2026-11-30: review it and record the review",
	])
}

test_pass_r3_review_on_window_boundary if {
	edge := object.union(_pol_ac, {"approvals": [{"by": "Person/erin", "on": "2025-11-30", "decision": "approved"}]})
	fs := a5_1.findings with input as _input(object.union(_docs({"pol-ac": edge}), {"ManagementReview": {}}))
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_recent_review_entry_counts if {
	reviewed := object.union(_pol_ac, {
		"approvals": [{"by": "Person/erin", "on": "2024-01-01", "decision": "approved"}],
		"reviews": [{"by": "Person/erin", "on": "2026-10-01", "outcome": "no-change"}],
	})
	fs := a5_1.findings with input as _input(_docs({"pol-ac": reviewed}))
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_own_review_interval if {
	short := object.union(_pol_ac, {"review_interval_days": 180})
	fs := a5_1.findings with input as _input(_docs({"pol-ac": short}))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "more than 180 days (review_interval_days)")
}

test_fail_r3_not_reviewed_after_policy_change_decision if {
	mr := object.union(_mr, {"held_on": "2026-06-01"})
	fs := a5_1.findings with input as _input({"ManagementReview": {"mr-2026": mr}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/pol-ac", "ManagementReview/mr-2026#decisions.1"]
	f.message == concat("", [
		"Document/pol-ac was last reviewed on 2026-03-01, before ManagementReview/mr-2026 decided on ",
		"2026-06-01 that policies must change: review the policy against that decision",
	])
}

test_pass_r3_reviewed_on_the_decision_day if {
	mr := object.union(_mr, {"held_on": "2026-03-01"})
	reviewed := object.union(_pol_is, {"reviews": [{"by": "Person/carol", "on": "2026-03-01", "outcome": "no-change"}]})
	fs := a5_1.findings with input as _input({"ManagementReview": {"mr-2026": mr}, "Document": {
		"pol-is-old": _pol_old, "pol-is": reviewed, "pol-ac": _pol_ac,
	}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_ignores_later_and_other_standard_reviews if {
	future := object.union(_mr, {"id": "mr-future", "held_on": "2026-12-15"})
	aims := object.union(_mr, {"id": "mr-aims", "held_on": "2026-11-01", "standards": ["iso42001:2023"]})
	no_change := object.union(_mr, {
		"id": "mr-res", "held_on": "2026-11-02",
		"decisions": [{"text": "x", "type": "resources"}],
	})
	fs := a5_1.findings with input as _input({"ManagementReview": {
		"mr-2026": _mr, "mr-future": future, "mr-aims": aims, "mr-res": no_change,
	}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_ignores_aims_only_policies if {
	ai := object.union(_pol_ac, {"id": "pol-ai", "topic": "ai-policy", "systems": ["aims"], "approvals": [
		{"by": "Person/erin", "on": "2024-01-01", "decision": "approved"},
	]})
	fs := a5_1.findings with input as _input(_docs({"pol-ai": ai}))
	_outcomes("R3", fs) == {"pass"}
}

# --- R4

test_fail_r4_missing_acknowledgement if {
	fs := a5_1.findings with input as _input({"Acknowledgement": {"carol": _acks.carol}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Document/pol-is", "Person/alice"]
	f.message == concat("", [
		"Document/pol-is: 1 of 2 active people in its audience acknowledged major version 3, below ",
		"ack_coverage_pct 100: have Person/alice acknowledge it",
	])
}

test_pass_r4_below_100_percent_threshold if {
	inp := object.union(_input({"Acknowledgement": {"carol": _acks.carol}}), {"params": {"ack_coverage_pct": 50}})
	fs := a5_1.findings with input as inp
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_older_major_version_does_not_count if {
	old_major := object.union(_acks.alice, {"document_version": "2.4.0"})
	fs := a5_1.findings with input as _input({"Acknowledgement": {"carol": _acks.carol, "alice": old_major}})
	"fail" in _outcomes("R4", fs)
}

test_pass_r4_major_only_version_string if {
	short := object.union(_acks.alice, {"document": "Document/pol-is", "document_version": "v3"})
	fs := a5_1.findings with input as _input({"Acknowledgement": {"carol": _acks.carol, "alice": short}})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_acknowledgement_signed_after_as_of if {
	late := object.union(_acks.alice, {"signed_on": "2026-12-02"})
	fs := a5_1.findings with input as _input({"Acknowledgement": {"carol": _acks.carol, "alice": late}})
	"fail" in _outcomes("R4", fs)
}

_people_with(extra) := {"Person": object.union(_people, extra)}

test_pass_r4_new_hire_in_grace if {
	fs := a5_1.findings with input as _input(_people_with({"newbie": _person("newbie", "2026-10-31")}))
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_new_hire_past_grace if {
	fs := a5_1.findings with input as _input(_people_with({"newbie": _person("newbie", "2026-10-30")}))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Document/pol-is", "Person/newbie"]
}

test_pass_r4_ended_and_future_people_not_counted if {
	future := _person("future", "2026-12-15")
	fs := a5_1.findings with input as _input(_people_with({"future": future}))
	_outcomes("R4", fs) == {"pass"}
}

_v4 := object.union(_pol_is, {
	"id": "pol-is-4", "version": "4.0.0", "published_on": "2026-11-01", "supersedes": "Document/pol-is",
	"approvals": [{"by": "Person/carol", "on": "2026-10-30", "decision": "approved", "version": "4.0.0"}],
})

test_pass_r4_new_major_version_in_grace if {
	fs := a5_1.findings with input as _input(_docs({"pol-is-4": _v4}))
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_new_major_version_past_grace if {
	v4 := object.union(_v4, {"published_on": "2026-10-30"})
	fs := a5_1.findings with input as _input(_docs({"pol-is-4": v4}))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Document/pol-is-4", "Person/alice", "Person/carol"]
}

test_pass_r4_minor_version_keeps_acknowledgements if {
	v32 := object.union(_v4, {
		"id": "pol-is-32", "version": "3.2.0", "published_on": "2026-11-01",
		"approvals": [{"by": "Person/carol", "on": "2026-10-30", "decision": "approved"}],
	})

	# major 3 was first published in 2025 (pol-is-old), so no grace: the acks come through the chain
	fs := a5_1.findings with input as _input(_docs({"pol-is-32": v32}))
	_outcomes("R4", fs) == {"pass"}
}

test_pass_r4_role_audience if {
	handbook := object.union(_pol_ac, {
		"id": "eng-rules", "topic": "secure-development", "requires_acknowledgement": true,
		"audience": ["Role/engineer"],
	})
	ack := _ack("alice-eng", "Person/alice", "Document/eng-rules", "1.0.0", "2026-03-02")
	fs := a5_1.findings with input as _input({
		"Document": {"pol-is-old": _pol_old, "pol-is": _pol_is, "pol-ac": _pol_ac, "eng-rules": handbook},
		"Acknowledgement": object.union(_acks, {"alice-eng": ack}),
	})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_employment_type_audience if {
	handbook := object.union(_pol_ac, {"id": "staff-rules", "requires_acknowledgement": true, "audience": ["employees"]})
	fs := a5_1.findings with input as _input(_docs({"staff-rules": handbook}))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Document/staff-rules", "Person/alice", "Person/carol"]
}

test_pass_r4_external_audience_counts_nobody if {
	external := object.union(_pol_ac, {
		"id": "customer-terms", "requires_acknowledgement": true,
		"audience": ["customers"],
	})
	fs := a5_1.findings with input as _input(_docs({"customer-terms": external}))
	_outcomes("R4", fs) == {"pass"}
}

test_r4_not_exercised_when_security_policy_opts_out if {
	no_ack := object.union(_pol_is, {"requires_acknowledgement": false})
	fs := a5_1.findings with input as _input({"Acknowledgement": {}, "Document": {
		"pol-is-old": _pol_old, "pol-is": no_ack, "pol-ac": _pol_ac,
	}})
	_outcomes("R4", fs) == {"not_exercised"}
}

test_r4_lists_at_most_five_people if {
	many := {id: _person(id, "2020-01-01") | some id in ["p1", "p2", "p3", "p4", "p5", "p6"]}
	fs := a5_1.findings with input as _input(_people_with(many))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	contains(f.message, "have Person/p1, Person/p2, Person/p3, Person/p4, Person/p5 and 1 more acknowledge it")
	count(f.refs) == 7
}
