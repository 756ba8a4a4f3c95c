package annexa.lib.incidents_test

import data.annexa.lib.incidents
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7}

_msa := {
	"kind": "LegalRequirement", "id": "msa", "type": "contractual", "jurisdiction": "customers",
	"applies_to": ["Asset/app"], "owner": "Person/lena",
	"obligations": [{"type": "breach-notification", "deadline_hours": 48}, {
		"type": "breach-notification",
		"deadline_hours": 24,
	}],
}

_inc := {
	"kind": "Incident", "id": "inc-1", "category": "security-incident", "severity": "sev2",
	"reported_on": "2026-11-20T10:00:00Z", "owner": "Person/miriam",
	"timeline": {"detected_on": "2026-11-20T08:00:00Z"},
	"affected": ["Asset/app"],
}

_in(inc) := {"as_of": "2026-11-30", "params": _params, "records": {
	"LegalRequirement": {"msa": _msa},
	"Incident": {"inc-1": inc},
}}

test_pass_severity_order if {
	incidents.at_least("sev1", "sev2")
	incidents.at_least("sev2", "sev2")
	not incidents.at_least("sev3", "sev2")
}

test_pass_untriaged_incident_category_is_incident if {
	incidents.is_incident(_inc) with input as _in(_inc)
}

test_fail_not_incident_after_triage if {
	t := object.union(_inc, {"triage": {
		"decided_on": "2026-11-20T11:00:00Z", "decided_by": "Person/x",
		"classification": "not-incident",
	}})
	not incidents.is_incident(t) with input as _in(t)
}

test_pass_end_of_day_deadline if {
	incidents.stamp(incidents.end_ns("2026-05-10")) == "2026-05-10T23:59:59Z"
}

test_pass_shortest_deadline_from_detection if {
	n := {"to": "customers", "basis": "LegalRequirement/msa"}
	due := incidents.entry_due(_inc, n) with input as _in(_inc)
	incidents.stamp(due) == "2026-11-21T08:00:00Z"
}

test_fail_triggered_duty_not_listed if {
	ps := incidents.problems with input as _in(_inc)
	some p in ps
	p.outcome == "fail"
	p.ref == "Incident/inc-1"
	contains(p.message, "LegalRequirement/msa (24 h from 2026-11-20T08:00:00Z, due 2026-11-21T08:00:00Z)")
}

test_pass_listed_and_sent_in_time if {
	sent := object.union(_inc, {"notifications": [{
		"to": "customers", "basis": "LegalRequirement/msa",
		"sent_on": "2026-11-21",
	}]})
	ps := incidents.problems with input as _in(sent)
	count(ps) == 0
}
