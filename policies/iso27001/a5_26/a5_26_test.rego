package annexa.iso27001.a5_26_test

import data.annexa.iso27001.a5_26
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "incident_update_days": 7}

_gdpr := {
	"kind": "LegalRequirement", "id": "gdpr", "type": "statutory", "jurisdiction": "EU", "applies_to": ["all"],
	"tags": ["privacy"], "owner": "Person/clara",
	"obligations": [{"type": "breach-notification", "deadline_hours": 72, "authority": "CommsChannel/dpa"}],
}

_msa := {
	"kind": "LegalRequirement", "id": "msa", "type": "contractual", "jurisdiction": "customers",
	"applies_to": ["Asset/app"],
	"owner": "Person/lena", "obligations": [{"type": "breach-notification", "deadline_hours": 48}],
}

_inc := {
	"kind": "Incident", "id": "inc-1", "category": "security-incident", "severity": "sev2",
	"reported_on": "2026-05-07T19:32:00Z", "owner": "Person/miriam",
	"triage": {"decided_on": "2026-05-07T20:05:00Z", "decided_by": "Person/aylin", "classification": "incident"},
	"timeline": {
		"detected_on": "2026-05-07T19:32:00Z", "contained_on": "2026-05-07T22:10:00Z",
		"resolved_on": "2026-05-08T12:00:00Z", "closed_on": "2026-05-22T16:00:00Z",
	},
	"affected": ["Asset/app"],
	"notifications": [{"to": "customers", "basis": "LegalRequirement/msa", "sent_on": "2026-05-08T15:00:00Z"}],
}

_records := {"LegalRequirement": {"gdpr": _gdpr, "msa": _msa}, "Incident": {"inc-1": _inc}}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_26.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_resolved_without_containment if {
	t := object.remove(_inc.timeline, ["contained_on"])
	inc := object.union(object.remove(_inc, ["timeline"]), {"timeline": t})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": inc}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#timeline.contained_on"]
}

test_fail_r1_open_without_recent_update if {
	open := object.union(object.remove(_inc, ["timeline"]), {
		"reported_on": "2026-11-01T10:00:00Z",
		"triage": {"decided_on": "2026-11-01T11:00:00Z"},
		"timeline": {"detected_on": "2026-11-01T10:00:00Z"},
		"updates": [{"on": "2026-11-22T09:00:00Z", "note": "still investigating"}],
		"notifications": [],
	})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": open}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#updates"]
	f.message == concat("", [
		"Incident/inc-1 is open and its last update was on 2026-11-22, more than incident_update_days (7) ago: ",
		"update it or resolve it",
	])
}

test_pass_r1_open_updated_on_window_edge if {
	open := object.union(object.remove(_inc, ["timeline"]), {
		"reported_on": "2026-11-01T10:00:00Z",
		"triage": {"decided_on": "2026-11-01T11:00:00Z"},
		"updates": [{"on": "2026-11-23T09:00:00Z", "note": "still investigating"}],
		"notifications": [],
	})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": open}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_bad_severity if {
	odd := object.union(_inc, {"severity": "critical"})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": odd}})
	some f in fs
	f.rule == "R1"
	f.refs == ["Incident/inc-1#severity"]
}

test_pass_r1_not_incident_ignored if {
	event := object.union(object.remove(_inc, ["timeline"]), {"triage": {"classification": "not-incident"}})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": event}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_sent_late if {
	late := object.union(_inc, {"notifications": [{
		"to": "customers", "basis": "LegalRequirement/msa",
		"sent_on": "2026-05-09T19:33:00Z",
	}]})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": late}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#notifications.0.sent_on"]
	f.message == concat("", [
		"Incident/inc-1 notified customers on 2026-05-09T19:33:00Z, after the deadline 2026-05-09T19:32:00Z ",
		"(basis LegalRequirement/msa): record why and tighten the notification procedure",
	])
}

test_pass_r2_written_due_date_is_end_of_day if {
	own := object.union(_inc, {"notifications": [{
		"to": "supplier", "due_on": "2026-05-10",
		"sent_on": "2026-05-10T23:00:00Z",
	}]})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": own}, "LegalRequirement": {}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_earlier_written_due_date_wins if {
	own := object.union(_inc, {"notifications": [{
		"to": "customers", "basis": "LegalRequirement/msa", "due_on": "2026-05-08T12:00:00Z",
		"sent_on": "2026-05-08T15:00:00Z",
	}]})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": own}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_not_sent_overdue if {
	unsent := object.union(_inc, {"notifications": [{"to": "customers", "basis": "LegalRequirement/msa"}]})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": unsent}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#notifications.0"]
}

test_fail_r2_no_deadline_not_sent if {
	vague := object.union(_inc, {"notifications": [{"to": "users"}]})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": vague}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "owes a notification to users with no deadline")
}

test_fail_r2_triggered_duty_not_listed if {
	silent := object.remove(_inc, ["notifications"])
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": silent}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1"]
	contains(
		f.message,
		"triggers the notification duty of LegalRequirement/msa (48 h from 2026-05-07T19:32:00Z, due 2026-05-09T19:32:00Z)",
	)
}

test_fail_r2_privacy_breach_triggers_privacy_duties if {
	breach := object.union(_inc, {"category": "privacy-breach"})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": breach}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "LegalRequirement/gdpr (72 h")
}

test_r2_open_duty_at_risk_before_deadline if {
	fresh := object.union(object.remove(_inc, ["timeline", "notifications"]), {
		"reported_on": "2026-11-29T10:00:00Z",
		"triage": {"decided_on": "2026-11-29T11:00:00Z"},
	})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": fresh}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_applies_to_all_not_triggered if {
	other := object.union(object.remove(_inc, ["notifications"]), {"affected": ["Asset/laptop"]})
	fs := a5_26.findings with input as _input({"Incident": {"inc-1": other}})
	_outcomes("R2", fs) == {"not_exercised"}
}
