package annexa.iso27001.c8_2_test

import data.annexa.iso27001.c8_2
import rego.v1

_params := {"risk_assessment_days": 365, "risk_change_trigger_days": 90, "lookback_days": 365, "at_risk_days": 7}

_periodic := {
	"kind": "RiskAssessment", "id": "ra-annual", "standard": "iso27001:2022", "trigger": "periodic",
	"method": "Document/risk-methodology", "scope": ["ManagementSystem/isms"], "performed_on": "2026-02-10",
	"risks_assessed": ["Risk/r-1"], "approvals": [{"by": "Person/lena", "on": "2026-02-12", "decision": "approved"}],
}

_change := {
	"kind": "ChangeRecord", "id": "chg-sso", "change_class": "project", "systems": ["Asset/app"],
	"author": "Person/felix", "deployed_on": "2026-04-28T08:00:00Z", "significant": true,
}

_reassessment := {
	"kind": "RiskAssessment", "id": "ra-sso", "standard": "iso27001:2022", "trigger": "significant-change",
	"trigger_ref": "ChangeRecord/chg-sso", "method": "Document/risk-methodology", "scope": ["Asset/app"],
	"performed_on": "2026-04-20", "risks_assessed": ["Risk/r-1"],
	"approvals": [{"by": "Person/lena", "on": "2026-04-21", "decision": "approved"}],
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"RiskAssessment": {"ra-annual": _periodic, "ra-sso": _reassessment},
	"Risk": {"r-1": {"kind": "Risk", "id": "r-1"}},
	"ChangeRecord": {"chg-sso": _change},
	"Asset": {"app": {"kind": "Asset", "id": "app"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_periodic(patch) := _input({"RiskAssessment": {
	"ra-annual": object.union(_periodic, patch),
	"ra-sso": _reassessment,
}})

_with_reassessment(patch) := _input({"RiskAssessment": {
	"ra-annual": _periodic,
	"ra-sso": object.union(_reassessment, patch),
}})

_no_reassessment := _input({"RiskAssessment": {"ra-annual": _periodic}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c8_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_periodic_assessment_too_old if {
	fs := c8_2.findings with input as _with_periodic({"performed_on": "2025-11-29"})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["RiskAssessment/ra-annual#performed_on"]
	f.message == concat("", [
		"no periodic risk assessment of iso27001:2022 was performed in the last 365 days (risk_assessment_days; ",
		"last: RiskAssessment/ra-annual on 2025-11-29): perform and record the next one",
	])
}

test_pass_r1_on_window_boundary_at_risk if {
	fs := c8_2.findings with input as _with_periodic({"performed_on": "2025-11-30"})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_fail_r1_only_other_standard if {
	fs := c8_2.findings with input as _with_periodic({"standard": "iso42001:2023"})
	some f in _failures("R1", fs)
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "last: none recorded")
}

test_fail_r1_change_assessment_is_not_periodic if {
	fs := c8_2.findings with input as _input({"RiskAssessment": {"ra-sso": _reassessment}})
	_outcomes("R1", fs) == {"fail"}
}

# --- R2

test_fail_r2_change_not_reassessed if {
	fs := c8_2.findings with input as _no_reassessment
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/chg-sso"]
	f.message == concat("", [
		"ChangeRecord/chg-sso (significant change on 2026-04-28) has no risk assessment of iso27001:2022 with ",
		"trigger_ref to it, due by 2026-07-27 (risk_change_trigger_days = 90): assess the risks it brings and link ",
		"the assessment through trigger_ref",
	])
}

test_fail_r2_reassessed_late if {
	fs := c8_2.findings with input as _with_reassessment({"performed_on": "2026-07-28"})
	some f in _failures("R2", fs)
	f.refs == ["ChangeRecord/chg-sso", "RiskAssessment/ra-sso"]
	contains(f.message, "was first reassessed by RiskAssessment/ra-sso on 2026-07-28, after the due date 2026-07-27")
}

test_pass_r2_reassessed_on_due_date if {
	fs := c8_2.findings with input as _with_reassessment({"performed_on": "2026-07-27"})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_reassessment_of_other_standard if {
	fs := c8_2.findings with input as _with_reassessment({"standard": "iso42001:2023"})
	_outcomes("R2", fs) == {"fail"}
}

test_r2_recent_change_at_risk if {
	recent := object.union(_change, {"deployed_on": "2026-09-05T08:00:00Z"})
	fs := c8_2.findings with input as object.union(_no_reassessment, {"records": {"ChangeRecord": {"chg-sso": recent}}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_change_before_lookback_ignored if {
	old := object.union(_change, {"deployed_on": "2025-10-01T08:00:00Z"})
	fs := c8_2.findings with input as object.union(_no_reassessment, {"records": {"ChangeRecord": {"chg-sso": old}}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_pass_r2_change_of_other_system_ignored if {
	ai := object.union(_change, {"systems": ["AISystem/bot"]})
	fs := c8_2.findings with input as object.union(_no_reassessment, {"records": {
		"ChangeRecord": {"chg-sso": ai},
		"AISystem": {
			"bot": {
				"kind": "AISystem",
				"id": "bot",
				"systems": ["aims"],
				"lifecycle": [{"stage": "design", "from": "2024-01-01"}],
			},
		},
	}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r2_sev1_incident_not_reassessed if {
	incident := {
		"kind": "Incident", "id": "inc-1", "category": "security-incident", "severity": "sev1",
		"reported_on": "2026-05-01T08:00:00Z",
		"triage": {"decided_on": "2026-05-01T09:00:00Z", "decided_by": "Person/miriam", "classification": "incident"},
	}
	fs := c8_2.findings with input as _input({"Incident": {"inc-1": incident}})
	some f in _failures("R2", fs)
	f.refs == ["Incident/inc-1"]
	contains(f.message, "(sev1 incident on 2026-05-01)")
}

test_pass_r2_sev1_event_that_is_no_incident if {
	event := {
		"kind": "Incident", "id": "inc-1", "category": "security-event", "severity": "sev1",
		"reported_on": "2026-05-01T08:00:00Z",
		"triage": {"decided_on": "2026-05-01T09:00:00Z", "decided_by": "Person/miriam", "classification": "not-incident"},
	}
	fs := c8_2.findings with input as _input({"Incident": {"inc-1": event}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_new_ai_system_not_assessed if {
	bot := {
		"kind": "AISystem",
		"id": "bot",
		"lifecycle": [{"stage": "inception", "from": "2026-03-01"}, {"stage": "design", "from": "2026-04-01"}],
	}
	fs := c8_2.findings with input as _input({"AISystem": {"bot": bot}})
	some f in _failures("R2", fs)
	f.refs == ["AISystem/bot"]
	contains(f.message, "(new AI system on 2026-03-01)")
}

# --- R3

test_fail_r3_not_approved if {
	fs := c8_2.findings with input as _with_periodic({"approvals": []})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["RiskAssessment/ra-annual#approvals"]
	f.message == concat("", [
		"RiskAssessment/ra-annual (performed 2026-02-10) is not approved: have its ",
		"results approved and record the approval",
	])
}

test_fail_r3_assessed_risk_missing if {
	fs := c8_2.findings with input as _with_reassessment({"risks_assessed": ["Risk/r-1", "Risk/r-9"]})
	some f in _failures("R3", fs)
	f.refs == ["RiskAssessment/ra-sso#risks_assessed.1"]
	contains(f.message, "lists Risk/r-9, which is not a Risk in the bundle")
}

test_fail_r3_no_assessed_risks if {
	fs := c8_2.findings with input as _with_periodic({"risks_assessed": []})
	some f in _failures("R3", fs)
	f.refs == ["RiskAssessment/ra-annual#risks_assessed"]
}

test_pass_r3_future_assessment_ignored if {
	next := object.union(_periodic, {"id": "ra-next", "performed_on": "2027-02-10", "approvals": []})
	inp := _input({"RiskAssessment": {"ra-annual": _periodic, "ra-sso": _reassessment, "ra-next": next}})
	fs := c8_2.findings with input as inp
	_outcomes("R3", fs) == {"pass"}
}
