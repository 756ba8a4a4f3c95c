package annexa.iso27001.a5_27_test

import data.annexa.iso27001.a5_27
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "pir_min_severity": "sev2", "pir_days": 30}

_inc := {
	"kind": "Incident", "id": "inc-1", "category": "security-incident", "severity": "sev2",
	"reported_on": "2026-05-07T19:32:00Z", "owner": "Person/miriam",
	"triage": {"decided_on": "2026-05-07T20:05:00Z", "decided_by": "Person/aylin", "classification": "incident"},
	"timeline": {"resolved_on": "2026-05-08T12:00:00Z", "closed_on": "2026-05-22T16:00:00Z"},
	"post_incident_review": {
		"completed_on": "2026-05-20", "root_cause": "rate limit per IP only",
		"actions": ["RiskTreatment/rt-1", "Nonconformity/nc-1", "ChangeRecord/chg-1"],
	},
}

_rt := {
	"kind": "RiskTreatment", "id": "rt-1", "risk": "Risk/r-1", "action": "per-account limits", "owner": "Person/aylin",
	"due_on": "2026-07-01", "completed_on": "2026-06-15",
}

_nc := {
	"kind": "Nonconformity", "id": "nc-1", "source": "incident", "grade": "minor", "requirement": "8.16",
	"raised_on": "2026-05-20", "owner": "Person/miriam",
	"corrective_actions": [
		{"action": "alert on login spikes", "due_on": "2026-08-01", "done_on": "2026-07-20"},
		{"action": "write runbook"},
	],
}

_chg := {
	"kind": "ChangeRecord", "id": "chg-1", "change_class": "emergency", "systems": ["Asset/app"],
	"author": "Person/aylin",
}

_records := {
	"Incident": {"inc-1": _inc},
	"RiskTreatment": {"rt-1": _rt},
	"Nonconformity": {"nc-1": _nc},
	"ChangeRecord": {"chg-1": _chg},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_review(pir) := object.union(object.remove(_inc, ["post_incident_review"]), {"post_incident_review": pir})

test_pass_all_rules if {
	fs := a5_27.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_review if {
	none := object.remove(_inc, ["post_incident_review"])
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": none}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#post_incident_review"]
	f.message == concat("", [
		"Incident/inc-1 (sev2) was closed on 2026-05-22 and has no post-incident review; pir_days (30) ended on ",
		"2026-06-21: hold and record the review",
	])
}

test_fail_r1_review_late if {
	late := _with_review(object.union(_inc.post_incident_review, {"completed_on": "2026-06-22"}))
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": late}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#post_incident_review.completed_on"]
}

test_pass_r1_review_on_deadline if {
	edge := _with_review(object.union(_inc.post_incident_review, {"completed_on": "2026-06-21"}))
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_root_cause if {
	shallow := _with_review(object.remove(_inc.post_incident_review, ["root_cause"]))
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": shallow}})
	some f in fs
	f.rule == "R1"
	f.refs == ["Incident/inc-1#post_incident_review.root_cause"]
}

test_fail_r1_no_actions_no_rationale if {
	idle := _with_review({"completed_on": "2026-05-20", "root_cause": "x"})
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": idle}})
	some f in fs
	f.rule == "R1"
	f.refs == ["Incident/inc-1#post_incident_review.actions"]
}

test_pass_r1_rationale_instead_of_actions if {
	reasoned := _with_review({"completed_on": "2026-05-20", "root_cause": "x", "no_action_rationale": "not confirmed"})
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": reasoned}})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"not_exercised"}
}

test_r1_recently_closed_at_risk if {
	recent := object.union(
		object.remove(_inc, ["post_incident_review"]),
		{"timeline": {"closed_on": "2026-11-01T10:00:00Z"}},
	)
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": recent}})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_pass_r1_minor_incident_needs_no_review if {
	minor := object.union(object.remove(_inc, ["post_incident_review"]), {"severity": "sev3"})
	fs := a5_27.findings with input as _input({"Incident": {"inc-1": minor}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_treatment_finished_late if {
	late := object.union(_rt, {"completed_on": "2026-07-02"})
	fs := a5_27.findings with input as _input({"RiskTreatment": {"rt-1": late}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["RiskTreatment/rt-1"]
	f.message == "RiskTreatment/rt-1 was finished on 2026-07-02, after its due date 2026-07-01"
}

test_pass_r2_replan_moves_due_date if {
	replanned := object.union(_rt, {
		"completed_on": "2026-07-10",
		"replans": [{"new_due_on": "2026-07-15", "approved_by": "Person/miriam", "on": "2026-06-25"}],
	})
	fs := a5_27.findings with input as _input({"RiskTreatment": {"rt-1": replanned}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_corrective_action_overdue if {
	open := object.union(_nc, {"corrective_actions": [{"action": "alert on login spikes", "due_on": "2026-08-01"}]})
	fs := a5_27.findings with input as _input({"Nonconformity": {"nc-1": open}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Nonconformity/nc-1#corrective_actions.0"]
}

test_r2_open_action_at_risk if {
	open := object.remove(_rt, ["completed_on"])
	soon := object.union(open, {"due_on": "2026-12-03"})
	fs := a5_27.findings with input as _input({"RiskTreatment": {"rt-1": soon}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_dangling_action if {
	fs := a5_27.findings with input as _input({"ChangeRecord": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/chg-1"]
}
