package annexa.iso42001.a6_2_7_test

import data.annexa.iso42001.a6_2_7
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "doc_review_days": 365}

_system := {
	"kind": "AISystem", "id": "assistant", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "reply drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
	"oversight_role": "Role/support-agent",
	"affects": {
		"users": true, "customers": true, "employees": true, "public": false,
		"decisions_with_legal_effect": false,
	},
	"technical_docs": ["Document/techdoc-ops", "Document/techdoc-customers"],
}

_doc(id, audience, version, day) := {
	"kind": "Document", "id": id, "doc_type": "technical-doc", "topic": "ai-technical-documentation",
	"version": version, "published_on": day, "audience": audience, "review_interval_days": 365,
	"subject_refs": ["AISystem/assistant"],
	"approvals": [{"by": "Person/emre", "on": day, "decision": "approved", "version": version}],
}

_model(id, version, day) := {
	"kind": "ModelRecord", "id": id, "ai_system": "AISystem/assistant", "model_version": version,
	"deployment": {"deployed_on": day, "environment": "prod"},
}

_records := {
	"AISystem": {"assistant": _system},
	"Document": {
		"techdoc-ops": _doc("techdoc-ops", ["operators"], "2.0.0", "2026-04-21"),
		"techdoc-customers": _doc("techdoc-customers", ["customers"], "2.0.0", "2026-04-21"),
	},
	"ModelRecord": {
		"m1": object.union(_model("m1", "1.0.0", "2025-09-30"), {"retired_on": "2026-04-21"}),
		"m2": _model("m2", "2.0.0", "2026-04-21T07:30:00Z"),
	},
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
	fs := a6_2_7.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_without_live_model_not_exercised if {
	fs := a6_2_7.findings with input as _input({"ModelRecord": {}})
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R1", fs) == {"pass"}
}

test_pass_one_document_for_both_audiences if {
	both := _doc("techdoc", ["operators", "customers"], "2.1.0", "2026-06-16")
	sys := object.union(_system, {"technical_docs": ["Document/techdoc"]})
	fs := a6_2_7.findings with input as _input({"AISystem": {"assistant": sys}, "Document": {"techdoc": both}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R1

test_fail_r1_no_customer_documentation if {
	fs := a6_2_7.findings with input as _input(_docs({"techdoc-customers": {}}))
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant"]
	f.message == concat("", [
		"AISystem/assistant has no current technical documentation for customers (technical-doc or user-doc with ",
		"that audience): write it, have it approved and list it in technical_docs",
	])
}

test_fail_r1_unapproved_document_does_not_count if {
	draft := object.remove(_doc("techdoc-ops", ["operators"], "2.0.0", "2026-04-21"), ["approvals"])
	fs := a6_2_7.findings with input as _input(_docs({"techdoc-ops": draft}))
	some f in _fails("R1", fs)
	contains(f.message, "for operators")
}

test_fail_r1_regulators_when_reporting_duty_applies if {
	law := {
		"kind": "LegalRequirement", "id": "ai-act", "type": "regulatory", "jurisdiction": "EU", "owner": "Person/emre",
		"applies_to": ["all"], "obligations": [{"type": "ai-reporting"}],
	}
	fs := a6_2_7.findings with input as _input({"LegalRequirement": {"ai-act": law}})
	some f in _fails("R1", fs)
	contains(f.message, "for regulators")
}

test_fail_r1_dangling_technical_doc if {
	sys := object.union(_system, {"technical_docs": ["Document/techdoc-ops", "Document/gone"]})
	fs := a6_2_7.findings with input as _input({"AISystem": {"assistant": sys}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant#technical_docs.1"]
}

# --- R2

test_fail_r2_documentation_of_old_major if {
	old := object.union(_doc("techdoc-ops", ["operators"], "1.3.0", "2026-01-10"), {"reviews": []})
	fs := a6_2_7.findings with input as _input(_docs({"techdoc-ops": old}))
	some f in _fails("R2", fs)
	f.refs == ["Document/techdoc-ops"]
	f.message == concat("", [
		"Document/techdoc-ops (version 1.3.0, last published or reviewed 2026-01-10) does not cover major version 2 ",
		"of AISystem/assistant, live since 2026-04-21: update it for that version",
	])
}

test_pass_r2_reviewed_after_go_live if {
	old := object.union(
		_doc("techdoc-ops", ["operators"], "1.3.0", "2026-01-10"),
		{"reviews": [{"by": "Person/emre", "on": "2026-04-21", "outcome": "no-change"}]},
	)
	fs := a6_2_7.findings with input as _input(_docs({"techdoc-ops": old}))
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

test_fail_r3_review_overdue if {
	stale := _doc("techdoc-ops", ["operators"], "2.0.0", "2025-11-29")
	fs := a6_2_7.findings with input as _input(_docs({"techdoc-ops": stale}))
	some f in _fails("R3", fs)
	f.message == concat("", [
		"Document/techdoc-ops was last reviewed on 2025-11-29 and was due for review on 2026-11-29 ",
		"(review_interval_days or doc_review_days): review it",
	])
}

test_pass_r3_due_on_the_as_of_date_is_at_risk if {
	edge := _doc("techdoc-ops", ["operators"], "2.0.0", "2025-11-30")
	fs := a6_2_7.findings with input as _input(_docs({"techdoc-ops": edge}))
	_outcomes("R3", fs) == {"at_risk", "pass"}
}
