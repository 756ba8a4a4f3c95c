package annexa.iso42001.a8_3_test

import data.annexa.iso42001.a8_3
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "channel_test_days": 365, "concern_triage_days": 10}

_system := {
	"kind": "AISystem", "id": "assistant", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "reply drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
	"affects": {
		"users": true, "customers": true, "employees": true, "public": false,
		"decisions_with_legal_effect": false,
	},
	"reporting_channel": "CommsChannel/ai-feedback",
}

_channel := {
	"kind": "CommsChannel", "id": "ai-feedback", "direction": "inbound", "channel_type": "external-ai-report",
	"owner": "Person/emre", "published_in": ["Disclosure/assistant-users"],
	"tests": [{"on": "2026-04-22", "by": "Person/emre", "result": "ok"}],
}

_notice := {
	"kind": "Disclosure", "id": "assistant-users", "ai_systems": ["AISystem/assistant"], "audience": "users",
	"disclosure_type": "user-instructions", "content_elements": ["how-to-report"], "system_version_covered": "2",
	"published_on": "2026-04-21",
}

_report := {
	"kind": "Incident", "id": "inc-3", "category": "external-report", "severity": "sev4",
	"reported_on": "2026-07-14T08:40:00Z", "reported_via": "CommsChannel/ai-feedback", "owner": "Person/nora",
	"triage": {"decided_on": "2026-07-15T09:00:00Z", "decided_by": "Person/nora", "classification": "not-incident"},
	"timeline": {"closed_on": "2026-07-21T15:00:00Z"},
	"updates": [{"on": "2026-07-21T15:00:00Z", "note": "exemplars extended; requester answered"}],
}

_records := {
	"AISystem": {"assistant": _system},
	"CommsChannel": {"ai-feedback": _channel},
	"Disclosure": {"assistant-users": _notice},
	"Incident": {"inc-3": _report},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_channel(changes) := {"CommsChannel": {"ai-feedback": object.union(_channel, changes)}}

_with_report(changes) := {"Incident": {"inc-3": object.union(_report, changes)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_3.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_channel_linked_through_related if {
	sys := object.remove(_system, ["reporting_channel"])
	ch := object.union(_channel, {"related": ["AISystem/assistant"]})
	fs := a8_3.findings with input as _input({"AISystem": {"assistant": sys}, "CommsChannel": {"ai-feedback": ch}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R1

test_fail_r1_no_channel if {
	sys := object.remove(_system, ["reporting_channel"])
	fs := a8_3.findings with input as _input({"AISystem": {"assistant": sys}, "CommsChannel": {}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant"]
	f.message == concat("", [
		"AISystem/assistant affects users or the public but has no external AI reporting channel: ",
		"set up one and link it",
	])
}

test_fail_r1_reporting_channel_is_internal if {
	internal := object.union(_channel, {"channel_type": "ai-concern"})
	fs := a8_3.findings with input as _input({"CommsChannel": {"ai-feedback": internal}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant#reporting_channel"]
}

test_fail_r1_not_published if {
	fs := a8_3.findings with input as _input(_with_channel({"published_in": ["Document/help-page"]}))
	some f in _fails("R1", fs)
	f.refs == ["CommsChannel/ai-feedback"]
	f.message == concat("", [
		"the external reporting channel of AISystem/assistant (CommsChannel/ai-feedback) is not listed in ",
		"published_in of any published Disclosure of it: publish it where users read about the system",
	])
}

test_fail_r1_test_too_old if {
	tests := [{"on": "2025-11-29", "by": "Person/emre", "result": "ok"}]
	fs := a8_3.findings with input as _input(_with_channel({"tests": tests}))
	some f in _fails("R1", fs)
	f.message == concat("", [
		"the external reporting channel of AISystem/assistant (CommsChannel/ai-feedback) has no successful test ",
		"within channel_test_days=365 (last: 2025-11-29): test it",
	])
}

test_fail_r1_failed_test_does_not_count if {
	tests := [{"on": "2026-10-21", "by": "Person/emre", "result": "failed"}]
	fs := a8_3.findings with input as _input(_with_channel({"tests": tests}))
	some f in _fails("R1", fs)
	contains(f.message, "(last: never)")
}

test_pass_r1_test_on_the_boundary_is_at_risk if {
	tests := [{"on": "2025-11-30", "by": "Person/emre", "result": "ok"}]
	fs := a8_3.findings with input as _input(_with_channel({"tests": tests}))
	_outcomes("R1", fs) == {"at_risk", "pass"}
}

# --- R2

test_fail_r2_triaged_late if {
	fs := a8_3.findings with input as _input(_with_report({"triage": {"decided_on": "2026-07-25T09:00:00Z"}}))
	some f in _fails("R2", fs)
	f.refs == ["Incident/inc-3#triage.decided_on"]
	f.message == concat("", [
		"Incident/inc-3 was reported on 2026-07-14 and triaged on 2026-07-25, after 2026-07-24 ",
		"(concern_triage_days=10): triage reports sooner",
	])
}

test_pass_r2_triaged_on_the_last_day if {
	fs := a8_3.findings with input as _input(_with_report({"triage": {"decided_on": "2026-07-24T18:00:00Z"}}))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_never_triaged if {
	open := object.remove(_report, ["triage", "timeline", "updates"])
	fs := a8_3.findings with input as _input({"Incident": {"inc-3": open}})
	some f in _fails("R2", fs)
	f.refs == ["Incident/inc-3"]
}

test_at_risk_r2_triage_due_soon if {
	open := object.remove(_report, ["triage", "timeline", "updates"])
	fresh := object.union(open, {"reported_on": "2026-11-25T10:00:00Z"})
	fs := a8_3.findings with input as _input({"Incident": {"inc-3": fresh}})
	some f in fs
	f.rule == "R2"
	f.outcome == "at_risk"
	f.message == "Incident/inc-3 must be triaged by 2026-12-05"
}

test_fail_r2_closed_without_outcome if {
	bare := object.remove(_report, ["updates"])
	fs := a8_3.findings with input as _input({"Incident": {"inc-3": bare}})
	some f in _fails("R2", fs)
	f.refs == ["Incident/inc-3#timeline.closed_on"]
}

test_fail_r2_ai_concern_via_external_channel_counts if {
	ai := object.union(_report, {"category": "ai-concern", "triage": {"decided_on": "2026-07-30T09:00:00Z"}})
	fs := a8_3.findings with input as _input({"Incident": {"inc-3": ai}})
	count(_fails("R2", fs)) == 1
}
