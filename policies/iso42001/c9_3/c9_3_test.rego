package annexa.iso42001.c9_3_test

import data.annexa.iso42001.c9_3
import rego.v1

_aims_inputs := [
	"previous-actions", "context-changes", "interested-party-changes", "nonconformity-trends",
	"monitoring-results", "audit-results", "improvement-opportunities",
]

_params := {
	"management_review_days": 365,
	"mr_required_inputs": {
		"iso27001": array.concat(_aims_inputs, ["objectives-status", "interested-party-feedback", "risk-status"]),
		"iso42001": _aims_inputs,
	},
}

_prev := {
	"kind": "ManagementReview", "id": "mr-2025-12", "standards": ["iso42001:2023"], "held_on": "2025-12-01",
	"attendees": ["Person/carol"], "inputs_covered": _aims_inputs,
	"decisions": [{"text": "Review the AI policy", "type": "policy-change"}],
	"actions": [{
		"id": "mr-2025-12-a1", "action": "Update the AI policy", "owner": "Person/frank",
		"due_on": "2026-03-31",
	}],
}

_last := {
	"kind": "ManagementReview", "id": "mr-2026-06", "standards": ["iso42001:2023"], "held_on": "2026-06-10",
	"attendees": ["Person/carol", "Person/frank"], "inputs_covered": _aims_inputs,
	"decisions": [
		{"text": "Keep mr-2025-12-a1 open until the AI Act guidance is out", "type": "change"},
		{"text": "Add a fairness objective", "type": "improvement"},
	],
	"actions": [{
		"id": "mr-2026-06-a1", "action": "Define the fairness objective", "owner": "Person/frank",
		"due_on": "2026-09-30",
	}],
}

_records := {
	"ManagementSystem": {"aims": {
		"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023",
		"top_management": ["Person/carol"],
	}},
	"Person": {
		"carol": {"kind": "Person", "id": "carol", "start_date": "2019-01-01"},
		"frank": {"kind": "Person", "id": "frank", "start_date": "2020-01-01"},
	},
	"ManagementReview": {"mr-2025-12": _prev, "mr-2026-06": _last},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_reviews(prev, last) := _input({"ManagementReview": {"mr-2025-12": prev, "mr-2026-06": last}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

# The previous action is open but carried over by name in a decision of the latest review.
test_pass_all_rules if {
	fs := c9_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_latest_review_too_old if {
	old := object.union(_prev, {"held_on": "2025-10-01"})
	fs := c9_3.findings with input as _input({"ManagementReview": {"mr-2025-12": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2025-12#held_on"]
	f.message == concat("", [
		"the latest management review of iso42001:2023, ManagementReview/mr-2025-12, was held on 2025-10-01, ",
		"425 days ago (management_review_days = 365): hold the next one",
	])
}

test_fail_r1_no_top_management_attended if {
	fs := c9_3.findings with input as _reviews(_prev, object.union(_last, {"attendees": ["Person/frank"]}))
	some f in _failures("R1", fs)
	f.refs == ["ManagementReview/mr-2026-06#attendees"]
}

test_fail_r1_only_27001_reviews if {
	isms_only := object.union(_last, {"standards": ["iso27001:2022"]})
	fs := c9_3.findings with input as _input({"ManagementReview": {"mr-2026-06": isms_only}})
	some f in _failures("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	startswith(f.message, "no management review of iso42001:2023 is recorded")
}

# --- R2

test_fail_r2_aims_input_missing if {
	covered := [i | some i in _aims_inputs; i != "nonconformity-trends"]
	fs := c9_3.findings with input as _reviews(_prev, object.union(_last, {"inputs_covered": covered}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2026-06#inputs_covered"]
	f.message == concat("", [
		"ManagementReview/mr-2026-06 (held 2026-06-10) did not cover nonconformity-trends, required by ",
		"mr_required_inputs for iso42001:2023: consider them and list them in inputs_covered",
	])
}

test_pass_r2_aims_only_review_needs_only_aims_inputs if {
	fs := c9_3.findings with input as _input({})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_integrated_review_needs_27001_inputs_too if {
	integrated := object.union(_last, {"standards": ["iso27001:2022", "iso42001:2023"]})
	fs := c9_3.findings with input as _reviews(_prev, integrated)
	some f in _failures("R2", fs)
	contains(f.message, "did not cover interested-party-feedback, objectives-status, risk-status")
}

# --- R3

test_fail_r3_no_decisions if {
	fs := c9_3.findings with input as _reviews(_prev, object.union(_last, {"decisions": []}))
	some f in _failures("R3", fs)
	f.refs == ["ManagementReview/mr-2026-06"]
}

test_fail_r3_action_without_due_date if {
	last := object.union(_last, {"actions": [object.remove(_last.actions[0], ["due_on"])]})
	fs := c9_3.findings with input as _reviews(_prev, last)
	some f in _failures("R3", fs)
	f.message == "action mr-2026-06-a1 of ManagementReview/mr-2026-06 has no due date: set due_on"
}

# --- R4

test_fail_r4_open_action_not_named if {
	last := object.union(_last, {"decisions": [{"text": "Add a fairness objective", "type": "improvement"}]})
	fs := c9_3.findings with input as _reviews(_prev, last)
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2025-12#actions.0"]
	startswith(f.message, "action mr-2025-12-a1 of ManagementReview/mr-2025-12 (owner Person/frank, due 2026-03-31)")
}

test_pass_r4_done if {
	done := object.union(_prev, {"actions": [object.union(_prev.actions[0], {"done_on": "2026-11-30"})]})
	last := object.union(_last, {"decisions": [{"text": "Add a fairness objective", "type": "improvement"}]})
	fs := c9_3.findings with input as _reviews(done, last)
	_outcomes("R4", fs) == {"pass"}
}

test_r4_not_exercised_without_previous_actions if {
	fs := c9_3.findings with input as _reviews(object.remove(_prev, ["actions"]), _last)
	_outcomes("R4", fs) == {"not_exercised"}
}
