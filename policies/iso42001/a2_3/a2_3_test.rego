package annexa.iso42001.a2_3_test

import data.annexa.iso42001.a2_3
import rego.v1

_params := {
	"ai_intersecting_topics": ["privacy", "hr"],
	"doc_review_days": 365,
	"lookback_days": 365,
	"at_risk_days": 7,
}

_doc(id, doc_type, topic, version, published) := {
	"kind": "Document", "id": id, "doc_type": doc_type, "topic": topic, "version": version,
	"published_on": published,
	"approvals": [{"by": "Person/lena", "on": published, "decision": "approved", "version": version}],
}

_ai_policy := object.union(
	_doc("pol-ai", "policy", "ai-policy", "2.0.0", "2026-01-20"),
	{
		"related_documents": ["Document/pol-privacy", "Document/pol-hr", "Document/proc-ai"],
		"supersedes": "Document/pol-ai-1",
	},
)

_ai_policy_v1 := _doc("pol-ai-1", "policy", "ai-policy", "1.0.0", "2025-01-10")

_review := {
	"kind": "Activity", "id": "align-2026", "activity_type": "policy-alignment-review",
	"subject_refs": ["Document/pol-ai", "Document/pol-privacy", "Document/pol-hr"],
	"performed_by": "Person/emre", "performed_on": "2026-02-05", "outcome": "ok",
}

_records := {
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
	"Document": {
		"pol-ai": _ai_policy,
		"pol-ai-1": _ai_policy_v1,
		"pol-privacy": _doc("pol-privacy", "topic-policy", "privacy", "2.1.0", "2026-01-20"),
		"pol-hr": _doc("pol-hr", "topic-policy", "hr", "2.0.0", "2026-01-20"),
		"proc-ai": _doc("proc-ai", "procedure", "ai-lifecycle", "1.0.0", "2026-01-20"),
	},
	"Activity": {"align-2026": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_docs(extra) := {"Document": object.union(object.remove(_records.Document, object.keys(extra)), extra)}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a2_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_population_is_listed_policies_only if {
	fs := a2_3.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["Document/pol-hr", "Document/pol-privacy"]
}

# --- R1

test_fail_r1_topic_not_listed if {
	ai := object.union(_ai_policy, {"related_documents": ["Document/pol-privacy"]})
	fs := a2_3.findings with input as _input(_docs({"pol-ai": ai}))
	some f in _fails("R1", fs)
	f.refs == ["Document/pol-ai#related_documents"]
	f.message == concat("", [
		"Document/pol-ai (version 2.0.0) lists no current policy on hr among its related_documents ",
		"(ai_intersecting_topics): link them",
	])
}

test_fail_r1_listed_policy_not_current if {
	draft := object.union(
		_doc("pol-hr", "topic-policy", "hr", "3.0.0", "2026-01-20"),
		{"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "2.0.0"}]},
	)
	fs := a2_3.findings with input as _input(_docs({"pol-hr": draft}))
	some f in _fails("R1", fs)
	contains(f.message, "no current policy on hr")
}

test_fail_r1_no_ai_policy if {
	unapproved := object.remove(_ai_policy, ["approvals"])
	fs := a2_3.findings with input as _input(_docs({"pol-ai": unapproved}))
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	_outcomes("R2", fs) == {"fail"}
}

# --- R2

test_fail_r2_review_before_major_version if {
	old := object.union(_review, {"performed_on": "2026-01-15"})
	fs := a2_3.findings with input as _input({"Activity": {"align-2026": old}})
	some f in _fails("R2", fs)
	f.refs == ["Document/pol-ai#related_documents.0"]
	f.message == concat("", [
		"Document/pol-privacy has no policy-alignment-review with Document/pol-ai since its major version ",
		"was first published (2026-01-20): review their alignment",
	])
}

test_pass_r2_major_version_counted_from_first_publication if {
	# a minor version 2.1.0 published later keeps the 2.0.0 publication as the start
	v21 := object.union(
		_doc("pol-ai-21", "policy", "ai-policy", "2.1.0", "2026-06-01"),
		{"related_documents": _ai_policy.related_documents, "supersedes": "Document/pol-ai"},
	)
	fs := a2_3.findings with input as _input(_docs({"pol-ai-21": v21}))
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_review_too_old if {
	v2 := object.union(_ai_policy, {"published_on": "2025-06-01", "approvals": [
		{"by": "Person/lena", "on": "2025-06-01", "decision": "approved", "version": "2.0.0"},
	]})
	old := object.union(_review, {"performed_on": "2025-11-29"})
	fs := a2_3.findings with input as _input(object.union(_docs({"pol-ai": v2}), {"Activity": {"align-2026": old}}))
	some f in _fails("R2", fs)
	contains(f.message, "last reviewed for alignment with Document/pol-ai on 2025-11-29, more than 365 days ago")
}

test_pass_r2_review_exactly_on_boundary if {
	v2 := object.union(_ai_policy, {"published_on": "2025-06-01", "approvals": [
		{"by": "Person/lena", "on": "2025-06-01", "decision": "approved", "version": "2.0.0"},
	]})
	edge := object.union(_review, {"performed_on": "2025-11-30"})
	fs := a2_3.findings with input as _input(object.union(_docs({"pol-ai": v2}), {"Activity": {"align-2026": edge}}))
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_review_without_ai_policy if {
	other := object.union(_review, {"subject_refs": ["Document/pol-privacy", "Document/pol-hr"]})
	fs := a2_3.findings with input as _input({"Activity": {"align-2026": other}})
	count(_fails("R2", fs)) == 2
}

# --- R3

test_fail_r3_conflict_without_follow_up if {
	found := object.union(_review, {"outcome": "issues-found"})
	fs := a2_3.findings with input as _input({"Activity": {"align-2026": found}})
	some f in _fails("R3", fs)
	f.refs == ["Activity/align-2026#outcome"]
}

test_fail_r3_output_does_not_exist if {
	found := object.union(_review, {"outcome": "issues-found", "outputs": ["Nonconformity/nc-9"]})
	fs := a2_3.findings with input as _input({"Activity": {"align-2026": found}})
	some f in _fails("R3", fs)
	f.refs == ["Activity/align-2026#outputs"]
}

test_pass_r3_conflict_with_change if {
	found := object.union(_review, {"outcome": "issues-found", "outputs": ["ChangeRecord/chg-1"]})
	chg := {"kind": "ChangeRecord", "id": "chg-1", "change_class": "management-system", "systems": ["Document/pol-hr"]}
	fs := a2_3.findings with input as _input({"Activity": {"align-2026": found}, "ChangeRecord": {"chg-1": chg}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_not_exercised_without_reviews_in_lookback if {
	old := object.union(_review, {"performed_on": "2025-11-01"})
	fs := a2_3.findings with input as _input({"Activity": {"align-2026": old}})
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r1_related_document_missing if {
	ai := object.union(_ai_policy, {"related_documents": array.concat(_ai_policy.related_documents, ["Document/pol-x"])})
	fs := a2_3.findings with input as _input(_docs({"pol-ai": ai}))
	some f in _fails("R1", fs)
	f.refs == ["Document/pol-ai#related_documents.3"]
	f.message == concat("", [
		"Document/pol-ai lists Document/pol-x in related_documents, which does not exist: ",
		"record it or fix the reference",
	])
}
