package annexa.iso42001.a2_4_test

import data.annexa.iso42001.a2_4
import rego.v1

_params := {
	"ai_policy_review_days": 365,
	"trigger_review_days": 90,
	"lookback_days": 365,
	"at_risk_days": 7,
}

_policy := {
	"kind": "Document", "id": "pol-ai", "doc_type": "policy", "topic": "ai-policy", "version": "2.0.0",
	"published_on": "2026-01-20",
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "2.0.0"}],
	"reviews": [{"by": "Person/emre", "on": "2026-01-15", "outcome": "updated"}],
}

_records := {
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
	"Document": {"pol-ai": _policy},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_policy(p) := {"Document": {"pol-ai": p}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules_with_a_trigger if {
	mr := {
		"kind": "ManagementReview", "id": "mr-1", "standards": ["iso27001:2022", "iso42001:2023"],
		"held_on": "2025-12-10", "attendees": ["Person/lena"], "inputs_covered": [],
		"decisions": [{"text": "rewrite the AI policy", "type": "policy-change"}],
	}
	fs := a2_4.findings with input as _input({"ManagementReview": {"mr-1": mr}})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_not_exercised_without_triggers if {
	fs := a2_4.findings with input as _input({})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_review_too_old if {
	old := object.union(_policy, {
		"published_on": "2025-10-01",
		"approvals": [{"by": "Person/lena", "on": "2025-10-01", "decision": "approved", "version": "2.0.0"}],
		"reviews": [{"by": "Person/emre", "on": "2025-11-29", "outcome": "no-change"}],
	})
	fs := a2_4.findings with input as _input(_with_policy(old))
	some f in _fails("R1", fs)
	f.refs == ["Document/pol-ai"]
	f.message == concat("", [
		"Document/pol-ai (version 2.0.0) was last reviewed on 2025-11-29, more than 365 days ago ",
		"(ai_policy_review_days): review it",
	])
}

test_pass_r1_review_on_boundary_is_at_risk if {
	edge := object.union(_policy, {
		"published_on": "2025-10-01",
		"approvals": [{"by": "Person/lena", "on": "2025-10-01", "decision": "approved", "version": "2.0.0"}],
		"reviews": [{"by": "Person/emre", "on": "2025-11-30", "outcome": "no-change"}],
	})
	fs := a2_4.findings with input as _input(_with_policy(edge))
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_fail_r1_own_shorter_interval if {
	short := object.union(_policy, {"review_interval_days": 180})
	fs := a2_4.findings with input as _input(_with_policy(short))
	some f in _fails("R1", fs)
	contains(f.message, "more than 180 days ago (ai_policy_review_days or its shorter review_interval_days)")
}

test_fail_r1_no_current_policy if {
	fs := a2_4.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
}

# --- R2

_incident(severity) := {
	"kind": "Incident", "id": "inc-1", "category": "ai-incident", "severity": severity,
	"reported_on": "2026-06-03T10:20:00Z", "owner": "Person/tobias",
	"triage": {"decided_on": "2026-06-03T13:00:00Z", "decided_by": "Person/miriam", "classification": "incident"},
}

test_fail_r2_serious_incident_without_review if {
	fs := a2_4.findings with input as _input({"Incident": {"inc-1": _incident("sev2")}})
	some f in _fails("R2", fs)
	f.refs == ["Incident/inc-1"]
	f.message == concat("", [
		"Incident/inc-1 (sev2 AI incident, 2026-06-03) was not followed by a review of the AI policy by ",
		"2026-09-01 (trigger_review_days=90): review the policy",
	])
}

test_pass_r2_incident_answered_by_review if {
	reviewed := object.union(_policy, {"reviews": [
		{"by": "Person/emre", "on": "2026-01-15", "outcome": "updated"},
		{"by": "Person/emre", "on": "2026-09-01", "outcome": "no-change"},
	]})
	fs := a2_4.findings with input as _input({"Incident": {"inc-1": _incident("sev1")}, "Document": {"pol-ai": reviewed}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_minor_or_dismissed_incidents_are_no_trigger if {
	dismissed := object.union(_incident("sev1"), {"triage": {"classification": "not-incident"}})
	fs := a2_4.findings with input as _input({"Incident": {"inc-1": _incident("sev3"), "inc-2": object.union(
		dismissed,
		{"id": "inc-2"},
	)}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r2_new_high_tier_system if {
	s := {
		"kind": "AISystem", "id": "credit", "risk_tier": "eu-ai-act:high-risk",
		"lifecycle": [{"stage": "inception", "from": "2026-03-01"}, {"stage": "design", "from": "2026-04-01"}],
	}
	fs := a2_4.findings with input as _input({"AISystem": {"credit": s}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/credit"]
	contains(f.message, "new AI system with risk_tier eu-ai-act:high-risk, 2026-03-01")
}

test_pass_r2_limited_tier_is_no_trigger if {
	s := {
		"kind": "AISystem", "id": "bot", "risk_tier": "limited",
		"lifecycle": [{"stage": "inception", "from": "2026-03-01"}],
	}
	fs := a2_4.findings with input as _input({"AISystem": {"bot": s}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r2_legal_requirement_review_before_trigger if {
	law := {
		"kind": "LegalRequirement", "id": "ai-act", "type": "regulatory", "jurisdiction": "EU",
		"applies_to": ["all"], "tags": ["ai"], "owner": "Person/emre", "recorded_on": "2026-02-10",
	}
	fs := a2_4.findings with input as _input({"LegalRequirement": {"ai-act": law}})
	some f in _fails("R2", fs)
	f.refs == ["LegalRequirement/ai-act"]
}

test_pass_r2_new_version_approval_answers_trigger if {
	mr := {
		"kind": "ManagementReview", "id": "mr-1", "standards": ["iso42001:2023"], "held_on": "2025-12-10",
		"attendees": ["Person/lena"], "inputs_covered": [],
		"decisions": [{"text": "x", "type": "resources"}, {"text": "update the AI policy", "type": "policy-change"}],
	}
	old := object.union(_policy, {
		"id": "pol-ai-1", "version": "1.0.0", "published_on": "2024-01-10", "reviews": [],
		"approvals": [{"by": "Person/lena", "on": "2024-01-09", "decision": "approved", "version": "1.0.0"}],
	})
	new := object.union(_policy, {"reviews": [], "supersedes": "Document/pol-ai-1"})
	fs := a2_4.findings with input as _input({
		"ManagementReview": {"mr-1": mr},
		"Document": {"pol-ai": new, "pol-ai-1": old},
	})
	_outcomes("R2", fs) == {"pass"}
	some f in fs
	f.rule == "R2"
	f.refs == ["ManagementReview/mr-1#decisions.1"]
}

test_fail_r2_policy_change_not_answered if {
	mr := {
		"kind": "ManagementReview", "id": "mr-1", "standards": ["iso42001:2023"], "held_on": "2026-02-01",
		"attendees": ["Person/lena"], "inputs_covered": [],
		"decisions": [{"text": "update the AI policy", "type": "policy-change"}],
	}
	fs := a2_4.findings with input as _input({"ManagementReview": {"mr-1": mr}})
	some f in _fails("R2", fs)
	f.refs == ["ManagementReview/mr-1#decisions.0"]
}

test_pass_r2_isms_only_review_is_no_trigger if {
	mr := {
		"kind": "ManagementReview", "id": "mr-1", "standards": ["iso27001:2022"], "held_on": "2026-02-01",
		"attendees": ["Person/lena"], "inputs_covered": [],
		"decisions": [{"text": "update the access policy", "type": "policy-change"}],
	}
	fs := a2_4.findings with input as _input({"ManagementReview": {"mr-1": mr}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_pass_r2_pending_trigger_at_risk if {
	i := object.union(_incident("sev1"), {"reported_on": "2026-09-03T08:00:00Z"})
	fs := a2_4.findings with input as _input({"Incident": {"inc-1": i}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}
