package annexa.iso42001.a8_5_test

import data.annexa.iso42001.a8_5
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "doc_review_days": 365}

_aims := {
	"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023",
	"interested_parties": [
		{
			"id": "ip-customers", "name": "Customers enabling AI features",
			"addressed_by": ["Document/terms", "Disclosure/assistant-customers"],
			"info_needs": ["AI feature documentation and limitations"],
		},
		{
			"id": "ip-requesters", "name": "Ticket requesters",
			"addressed_by": ["CommsChannel/ai-feedback"],
			"info_needs": ["how to report a problem with an AI-assisted reply"],
		},
		{"id": "ip-bank", "name": "Bank", "addressed_by": [], "info_needs": ["yearly accounts", "domain mail"]},
	],
}

_notice := {
	"kind": "Disclosure", "id": "assistant-customers", "ai_systems": ["AISystem/assistant"], "audience": "customers",
	"disclosure_type": "terms", "content_elements": ["intended-use"], "system_version_covered": "2",
	"published_on": "2026-04-21", "reviews": [{"by": "Person/emre", "on": "2026-10-21", "outcome": "no-change"}],
}

_channel := {
	"kind": "CommsChannel", "id": "ai-feedback", "direction": "inbound", "channel_type": "external-ai-report",
	"owner": "Person/emre",
}

_act := {
	"kind": "LegalRequirement", "id": "ai-act", "type": "regulatory", "jurisdiction": "EU", "owner": "Person/emre",
	"applies_to": ["all"], "obligations": [{"type": "ai-reporting", "deadline_hours": 360}],
	"addressed_by": ["Document/proc-serious-incident-reporting"],
}

_incident := {
	"kind": "Incident", "id": "inc-9", "category": "ai-incident", "severity": "sev1", "owner": "Person/emre",
	"reported_on": "2026-11-01T08:00:00Z", "timeline": {"detected_on": "2026-11-01T08:00:00Z"},
	"notifications": [{"to": "authority", "basis": "LegalRequirement/ai-act", "sent_on": "2026-11-10T12:00:00Z"}],
}

_records := {
	"ManagementSystem": {"aims": _aims},
	"Disclosure": {"assistant-customers": _notice},
	"CommsChannel": {"ai-feedback": _channel},
	"LegalRequirement": {"ai-act": _act},
	"Incident": {"inc-9": _incident},
	"Document": {"proc-serious-incident-reporting": {"kind": "Document", "id": "proc-serious-incident-reporting"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_parties(parties) := {"ManagementSystem": {"aims": object.union(_aims, {"interested_parties": parties})}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_5.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R1"
	f.refs == ["ManagementSystem/aims#interested_parties.0", "ManagementSystem/aims#interested_parties.1"]
}

test_pass_r3_no_reporting_duty_not_exercised if {
	fs := a8_5.findings with input as _input({"LegalRequirement": {}})
	_outcomes("R3", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_party_not_served if {
	parties := [
		object.union(_aims.interested_parties[0], {"addressed_by": ["Document/terms"]}),
		_aims.interested_parties[1],
	]
	fs := a8_5.findings with input as _input(_parties(parties))
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims#interested_parties.0"]
	f.message == concat("", [
		"interested party ip-customers (Customers enabling AI features) needs information about AI but addressed_by ",
		"lists no published Disclosure or CommsChannel: link the disclosure or channel that informs it",
	])
}

test_fail_r1_unpublished_disclosure_does_not_count if {
	later := object.union(_notice, {"published_on": "2026-12-15"})
	fs := a8_5.findings with input as _input({"Disclosure": {"assistant-customers": later}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims#interested_parties.0"]
}

test_pass_r1_word_ai_inside_other_words_does_not_count if {
	parties := [{"id": "ip-x", "name": "X", "addressed_by": [], "info_needs": ["email domains", "maintenance windows"]}]
	fs := a8_5.findings with input as _input(_parties(parties))
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R2

test_fail_r2_disclosure_not_reviewed if {
	stale := object.union(_notice, {"published_on": "2025-06-01", "reviews": []})
	fs := a8_5.findings with input as _input({"Disclosure": {"assistant-customers": stale}})
	some f in _fails("R2", fs)
	f.refs == ["Disclosure/assistant-customers"]
	f.message == concat("", [
		"Disclosure/assistant-customers, which informs interested parties about AI, was last published or reviewed ",
		"on 2025-06-01, more than doc_review_days=365 ago: review it",
	])
}

# --- R3

test_fail_r3_duty_not_addressed if {
	bare := object.remove(_act, ["addressed_by"])
	fs := a8_5.findings with input as _input({"LegalRequirement": {"ai-act": bare}})
	some f in _fails("R3", fs)
	f.refs == ["LegalRequirement/ai-act"]
}

test_fail_r3_report_late if {
	late := object.union(_incident, {"notifications": [{
		"to": "authority", "basis": "LegalRequirement/ai-act",
		"sent_on": "2026-11-16T09:00:00Z",
	}]})
	fs := a8_5.findings with input as _input({"Incident": {"inc-9": late}})
	some f in _fails("R3", fs)
	f.refs == ["Incident/inc-9#notifications.0.sent_on"]
	f.message == concat("", [
		"Incident/inc-9 reported to authority on 2026-11-16T09:00:00Z, after the deadline 2026-11-16T08:00:00Z ",
		"of the AI reporting duty of LegalRequirement/ai-act: report in time",
	])
}

test_fail_r3_report_overdue if {
	unsent := object.union(_incident, {"notifications": [{"to": "authority", "basis": "LegalRequirement/ai-act"}]})
	fs := a8_5.findings with input as _input({"Incident": {"inc-9": unsent}})
	some f in _fails("R3", fs)
	f.refs == ["Incident/inc-9#notifications.0"]
}

test_at_risk_r3_report_due_soon if {
	recent := object.union(_incident, {
		"reported_on": "2026-11-20T08:00:00Z", "timeline": {"detected_on": "2026-11-20T08:00:00Z"},
		"notifications": [{"to": "authority", "basis": "LegalRequirement/ai-act"}],
	})
	fs := a8_5.findings with input as _input({"Incident": {"inc-9": recent}})
	_outcomes("R3", fs) == {"at_risk", "pass"}
}
