package annexa.iso27001.c9_3_test

import data.annexa.iso27001.c9_3
import rego.v1

_all_inputs := [
	"previous-actions", "context-changes", "interested-party-changes", "nonconformity-trends",
	"monitoring-results", "audit-results", "objectives-status", "interested-party-feedback", "risk-status",
	"improvement-opportunities",
]

_params := {
	"management_review_days": 365,
	"mr_required_inputs": {
		"iso27001": _all_inputs,
		"iso42001": [
			"previous-actions", "context-changes", "interested-party-changes", "nonconformity-trends",
			"monitoring-results", "audit-results", "improvement-opportunities",
		],
	},
}

_prev := {
	"kind": "ManagementReview", "id": "mr-2025-12", "standards": ["iso27001:2022"], "held_on": "2025-12-01",
	"attendees": ["Person/carol"], "inputs_covered": _all_inputs,
	"decisions": [{"text": "Fund an on-call rota", "type": "resources"}],
	"actions": [{
		"id": "mr-2025-12-a1", "action": "Set up the on-call rota", "owner": "Person/dan",
		"due_on": "2026-03-31", "done_on": "2026-03-01",
	}],
}

_last := {
	"kind": "ManagementReview", "id": "mr-2026-06", "standards": ["iso27001:2022"], "held_on": "2026-06-10",
	"attendees": ["Person/carol", "Person/erin"], "inputs_covered": _all_inputs,
	"input_refs": ["InternalAudit/ia-1"],
	"decisions": [{"text": "Add phishing simulations", "type": "improvement"}],
	"actions": [{
		"id": "mr-2026-06-a1", "action": "Buy a phishing simulator", "owner": "Person/erin",
		"due_on": "2026-12-31",
	}],
}

_records := {
	"ManagementSystem": {"isms": {
		"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
		"top_management": ["Person/carol"],
	}},
	"Person": {
		"carol": {"kind": "Person", "id": "carol", "start_date": "2019-01-01"},
		"dan": {"kind": "Person", "id": "dan", "start_date": "2020-01-01"},
		"erin": {"kind": "Person", "id": "erin", "start_date": "2020-01-01"},
	},
	"ManagementReview": {"mr-2025-12": _prev, "mr-2026-06": _last},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_reviews(prev, last) := _input({"ManagementReview": {"mr-2025-12": prev, "mr-2026-06": last}})

_open_prev := object.union(_prev, {"actions": [object.remove(_prev.actions[0], ["done_on"])]})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c9_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r4_population_is_previous_actions if {
	fs := c9_3.findings with input as _input({})
	some f in fs
	f.rule == "R4"
	f.refs == ["ManagementReview/mr-2025-12#actions.0"]
}

# --- R1

test_fail_r1_no_review if {
	fs := c9_3.findings with input as _input({"ManagementReview": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no management review of iso27001:2022 is recorded: ",
		"hold one with top management at least every 365 days (management_review_days)",
	])
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R4", fs) == {"not_exercised"}
}

test_fail_r1_latest_review_too_old if {
	old := object.union(_last, {"held_on": "2025-11-29"})
	fs := c9_3.findings with input as _input({"ManagementReview": {"mr-2026-06": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2026-06#held_on"]
	f.message == concat("", [
		"the latest management review of iso27001:2022, ManagementReview/mr-2026-06, was held on 2025-11-29, ",
		"366 days ago (management_review_days = 365): hold the next one",
	])
}

test_pass_r1_on_window_boundary if {
	edge := object.union(_last, {"held_on": "2025-11-30"})
	fs := c9_3.findings with input as _input({"ManagementReview": {"mr-2026-06": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_top_management_attended if {
	fs := c9_3.findings with input as _reviews(_prev, object.union(_last, {"attendees": ["Person/erin"]}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2026-06#attendees"]
	f.message == concat("", [
		"ManagementReview/mr-2026-06 (held 2026-06-10) was attended by no member of top management of ",
		"iso27001:2022 (Person/carol): top management must take part in the review",
	])
}

test_fail_r1_no_top_management_named if {
	ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}
	fs := c9_3.findings with input as _input({"ManagementSystem": {"isms": ms}})
	some f in _failures("R1", fs)
	contains(f.message, "(none named in ManagementSystem.top_management)")
}

test_fail_r1_review_of_other_standard_does_not_count if {
	other := object.union(_last, {"standards": ["iso42001:2023"]})
	fs := c9_3.findings with input as _input({"ManagementReview": {"mr-2026-06": other}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_future_review_ignored if {
	future := object.union(_last, {"id": "mr-2027", "held_on": "2027-01-10", "attendees": ["Person/erin"]})
	fs := c9_3.findings with input as _input({"ManagementReview": {
		"mr-2025-12": _prev, "mr-2026-06": _last,
		"mr-2027": future,
	}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_input_missing if {
	covered := [i | some i in _all_inputs; not i in {"risk-status", "audit-results"}]
	fs := c9_3.findings with input as _reviews(_prev, object.union(_last, {"inputs_covered": covered}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2026-06#inputs_covered"]
	f.message == concat("", [
		"ManagementReview/mr-2026-06 (held 2026-06-10) did not cover audit-results, risk-status, required by ",
		"mr_required_inputs for iso27001:2022: consider them and list them in inputs_covered",
	])
}

test_fail_r2_integrated_review_needs_union if {
	params := {"management_review_days": 365, "mr_required_inputs": {
		"iso27001": ["previous-actions"],
		"iso42001": ["previous-actions", "audit-results"],
	}}
	last := object.union(_last, {"standards": ["iso27001:2022", "iso42001:2023"], "inputs_covered": ["previous-actions"]})
	fs := c9_3.findings with input as object.union(_reviews(_prev, last), {"params": params})
	some f in _failures("R2", fs)
	contains(f.message, "did not cover audit-results, required by mr_required_inputs for iso27001:2022, iso42001:2023")
}

# --- R3

test_fail_r3_no_decisions if {
	fs := c9_3.findings with input as _reviews(_prev, object.remove(_last, ["decisions"]))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2026-06"]
	f.message == concat("", [
		"ManagementReview/mr-2026-06 (held 2026-06-10) records no decisions: ",
		"record what the review decided on improvement and on changes",
	])
}

test_fail_r3_action_without_due_date if {
	last := object.union(_last, {"actions": [object.remove(_last.actions[0], ["due_on"])]})
	fs := c9_3.findings with input as _reviews(_prev, last)
	some f in _failures("R3", fs)
	f.refs == ["ManagementReview/mr-2026-06#actions.0"]
	f.message == "action mr-2026-06-a1 of ManagementReview/mr-2026-06 has no due date: set due_on"
}

test_fail_r3_action_owner_not_a_person if {
	last := object.union(_last, {"actions": [object.union(_last.actions[0], {"owner": "Person/ghost"})]})
	fs := c9_3.findings with input as _reviews(_prev, last)
	some f in _failures("R3", fs)
	f.refs == ["ManagementReview/mr-2026-06#actions.0.owner"]
	contains(f.message, `is owned by "Person/ghost", which is not a Person record`)
}

test_pass_r3_no_actions_needed if {
	fs := c9_3.findings with input as _reviews(_prev, object.remove(_last, ["actions"]))
	_outcomes("R3", fs) == {"pass"}
}

# --- R4

test_fail_r4_open_action_not_carried_over if {
	fs := c9_3.findings with input as _reviews(_open_prev, _last)
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2025-12#actions.0"]
	f.message == concat("", [
		"action mr-2025-12-a1 of ManagementReview/mr-2025-12 (owner Person/dan, due 2026-03-31) is not done and ",
		"ManagementReview/mr-2026-06 does not carry it over: record done_on, or cover previous-actions and name ",
		"the action in input_refs or a decision",
	])
}

test_pass_r4_carried_over_in_decision if {
	last := object.union(_last, {"decisions": [{"text": "Carry over mr-2025-12-a1.", "type": "change"}]})
	fs := c9_3.findings with input as _reviews(_open_prev, last)
	_outcomes("R4", fs) == {"pass"}
}

test_pass_r4_carried_over_in_input_refs if {
	last := object.union(_last, {"input_refs": ["InternalAudit/ia-1", "Action/mr-2025-12-a1"]})
	fs := c9_3.findings with input as _reviews(_open_prev, last)
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_named_but_previous_actions_not_covered if {
	covered := [i | some i in _all_inputs; i != "previous-actions"]
	last := object.union(_last, {
		"inputs_covered": covered,
		"decisions": [{"text": "Carry over mr-2025-12-a1", "type": "change"}],
	})
	fs := c9_3.findings with input as _reviews(_open_prev, last)
	_outcomes("R4", fs) == {"fail"}
}

test_fail_r4_similar_id_does_not_carry if {
	last := object.union(_last, {"decisions": [{"text": "Carry over mr-2025-12-a10", "type": "change"}]})
	fs := c9_3.findings with input as _reviews(_open_prev, last)
	_outcomes("R4", fs) == {"fail"}
}

test_fail_r4_done_after_as_of if {
	later := object.union(_prev, {"actions": [object.union(_prev.actions[0], {"done_on": "2026-12-05"})]})
	fs := c9_3.findings with input as _reviews(later, _last)
	_outcomes("R4", fs) == {"fail"}
}

test_r4_not_exercised_with_single_review if {
	fs := c9_3.findings with input as _input({"ManagementReview": {"mr-2026-06": _last}})
	_outcomes("R4", fs) == {"not_exercised"}
	_outcomes("R1", fs) == {"pass"}
}
