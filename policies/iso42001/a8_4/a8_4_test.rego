package annexa.iso42001.a8_4_test

import data.annexa.iso42001.a8_4
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "doc_review_days": 365, "ir_tabletop_days": 365}

_plan := {
	"kind": "Document", "id": "comms-plan", "doc_type": "communication", "topic": "communication-plan",
	"version": "1.2.0", "published_on": "2026-02-02", "review_interval_days": 365,
	"content_flags": {"ai_incident_communication": true},
	"approvals": [{"by": "Person/lena", "on": "2026-01-30", "decision": "approved", "version": "1.2.0"}],
}

_incident := {
	"kind": "Incident", "id": "inc-4", "category": "ai-incident", "severity": "sev3",
	"reported_on": "2026-06-03T10:20:00Z", "owner": "Person/tobias",
	"triage": {"decided_on": "2026-06-03T13:00:00Z", "decided_by": "Person/miriam", "classification": "incident"},
	"timeline": {"detected_on": "2026-06-03T10:20:00Z", "closed_on": "2026-06-12T16:00:00Z"},
	"affected": ["AISystem/assistant"],
	"notifications": [{
		"to": "customers", "basis": "LegalRequirement/msa",
		"due_on": "2026-06-05T10:20:00Z", "sent_on": "2026-06-03T16:30:00Z",
	}],
	"ai": {"ai_system": "AISystem/assistant", "harm_type": "misinformation"},
}

_msa := {
	"kind": "LegalRequirement", "id": "msa", "type": "contractual", "jurisdiction": "customers", "owner": "Person/lena",
	"applies_to": ["all"], "obligations": [{"type": "breach-notification", "deadline_hours": 48}],
}

_drill := {
	"kind": "Exercise", "id": "drill-2026", "exercise_type": "ai-incident-drill", "scope": ["Document/comms-plan"],
	"performed_on": "2026-06-23", "result": "pass",
}

_records := {
	"Document": {"comms-plan": _plan},
	"Incident": {"inc-4": _incident},
	"LegalRequirement": {"msa": _msa},
	"Exercise": {"drill-2026": _drill},
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_security_incident_is_not_in_r2 if {
	sec := object.remove(object.union(_incident, {"category": "security-incident"}), ["ai"])
	fs := a8_4.findings with input as _input({"Incident": {"inc-4": sec}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_no_plan if {
	fs := a8_4.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	f.message == concat("", [
		"no current plan covers the communication of AI incidents at 2026-11-30 ",
		"(content_flags.ai_incident_communication on a current plan, communication or procedure): write one",
	])
}

test_fail_r1_plan_without_ai_flag if {
	plain := object.union(_plan, {"content_flags": {"ai_incident_communication": false}})
	fs := a8_4.findings with input as _input({"Document": {"comms-plan": plain}})
	count(_fails("R1", fs)) == 1
}

test_fail_r1_plan_not_reviewed if {
	old := object.union(_plan, {"approvals": [{
		"by": "Person/lena", "on": "2025-11-29", "decision": "approved",
		"version": "1.2.0",
	}]})
	fs := a8_4.findings with input as _input({"Document": {"comms-plan": old}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"Document/comms-plan, the AI incident communication plan, was last reviewed on 2025-11-29 and was due on ",
		"2026-11-29: review it",
	])
}

# --- R2

test_fail_r2_notice_sent_late if {
	late := object.union(_incident, {"notifications": [{
		"to": "customers", "basis": "LegalRequirement/msa",
		"due_on": "2026-06-05T10:20:00Z", "sent_on": "2026-06-06T09:00:00Z",
	}]})
	fs := a8_4.findings with input as _input({"Incident": {"inc-4": late}})
	some f in _fails("R2", fs)
	f.refs == ["Incident/inc-4#notifications.0.sent_on"]
}

test_fail_r2_notice_never_sent if {
	unsent := object.union(_incident, {"notifications": [{
		"to": "customers", "basis": "LegalRequirement/msa",
		"due_on": "2026-06-05T10:20:00Z",
	}]})
	fs := a8_4.findings with input as _input({"Incident": {"inc-4": unsent}})
	some f in _fails("R2", fs)
	f.refs == ["Incident/inc-4#notifications.0"]
}

test_pass_r2_incident_without_duty_not_exercised if {
	quiet := object.remove(_incident, ["notifications"])
	fs := a8_4.findings with input as _input({"Incident": {"inc-4": quiet}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_no_drill if {
	fs := a8_4.findings with input as _input({"Exercise": {}})
	some f in _fails("R3", fs)
	f.refs == ["ManagementSystem/aims"]
	f.message == "no AI incident drill has been performed by 2026-11-30: hold an ai-incident-drill Exercise"
}

test_fail_r3_drill_too_old if {
	old := object.union(_drill, {"performed_on": "2025-11-29"})
	fs := a8_4.findings with input as _input({"Exercise": {"drill-2026": old}})
	some f in _fails("R3", fs)
	f.refs == ["Exercise/drill-2026"]
	f.message == "the last AI incident drill was on 2025-11-29, more than ir_tabletop_days=365 ago: hold one"
}

test_pass_r3_drill_on_the_boundary_is_at_risk if {
	edge := object.union(_drill, {"performed_on": "2025-11-30"})
	fs := a8_4.findings with input as _input({"Exercise": {"drill-2026": edge}})
	_outcomes("R3", fs) == {"at_risk", "pass"}
}
