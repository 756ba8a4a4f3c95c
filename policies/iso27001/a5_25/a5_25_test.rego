package annexa.iso27001.a5_25_test

import data.annexa.iso27001.a5_25
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "incident_triage_hours": {
	"sev1": 1, "sev2": 4, "sev3": 24,
	"sev4": 72,
}}

_felix := {
	"kind": "Person", "id": "felix", "employment_type": "employee", "start_date": "2023-02-01",
	"roles": [{"role": "Role/on-call", "from": "2023-05-02"}],
}

_event := {
	"kind": "Incident", "id": "ev-1", "category": "security-event", "severity": "sev2",
	"reported_on": "2026-11-10T09:00:00Z", "owner": "Person/felix",
	"triage": {"decided_on": "2026-11-10T13:00:00Z", "decided_by": "Person/felix", "classification": "not-incident"},
}

_input(events) := {
	"as_of": "2026-11-30", "params": _params,
	"records": {"Person": {"felix": _felix}, "Incident": events},
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_25.findings with input as _input({"ev-1": _event})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_triaged_late if {
	late := object.union(_event, {"triage": {"decided_on": "2026-11-10T13:01:00Z"}})
	fs := a5_25.findings with input as _input({"ev-1": late})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Incident/ev-1#triage.decided_on"]
	f.message == concat("", [
		"Incident/ev-1 (sev2) was reported on 2026-11-10T09:00:00Z and triaged on 2026-11-10T13:01:00Z, ",
		"after the deadline 2026-11-10T13:00:00Z (incident_triage_hours 4): triage events faster",
	])
}

test_fail_r1_triaged_by_outsider if {
	outsider := object.union(_event, {"triage": {"decided_by": "Person/paul"}})
	fs := a5_25.findings with input as _input({"ev-1": outsider})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Incident/ev-1#triage.decided_by"]
}

test_fail_r1_role_ended_before_triage if {
	ended := object.union(_felix, {"roles": [{"role": "Role/on-call", "from": "2023-05-02", "to": "2026-11-10"}]})
	fs := a5_25.findings with input as {
		"as_of": "2026-11-30", "params": _params,
		"records": {"Person": {"felix": ended}, "Incident": {"ev-1": _event}},
	}
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_untriaged_overdue if {
	open := object.remove(_event, ["triage"])
	fs := a5_25.findings with input as _input({"ev-1": open})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Incident/ev-1"]
	contains(f.message, "is still not triaged; its deadline was 2026-11-10T13:00:00Z")
}

test_r1_untriaged_today_at_risk if {
	today := object.union(object.remove(_event, ["triage"]), {"reported_on": "2026-11-29T22:00:00Z"})
	fs := a5_25.findings with input as _input({"ev-1": today})
	_outcomes("R1", fs) == {"at_risk", "pass"}
}

test_r1_triage_after_as_of_counts_as_missing if {
	future := object.union(_event, {
		"reported_on": "2026-11-20T09:00:00Z",
		"triage": {"decided_on": "2026-12-01T09:00:00Z"},
	})
	fs := a5_25.findings with input as _input({"ev-1": future})
	_outcomes("R1", fs) == {"fail"}
	_outcomes("R2", fs) == {"not_exercised"}
}

test_pass_r1_date_only_report if {
	dated := object.union(_event, {"reported_on": "2026-11-10", "triage": {"decided_on": "2026-11-10T04:00:00Z"}})
	fs := a5_25.findings with input as _input({"ev-1": dated})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_outside_lookback_ignored if {
	old := object.union(object.remove(_event, ["triage"]), {"reported_on": "2025-11-29T09:00:00Z"})
	fs := a5_25.findings with input as _input({"ev-1": old})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_pass_r1_incidents_not_in_scope if {
	inc := object.union(object.remove(_event, ["triage"]), {"category": "security-incident"})
	fs := a5_25.findings with input as _input({"ev-1": inc})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_unknown_classification if {
	odd := object.union(_event, {"triage": {"classification": "false-positive"}})
	fs := a5_25.findings with input as _input({"ev-1": odd})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Incident/ev-1#triage.classification"]
}
