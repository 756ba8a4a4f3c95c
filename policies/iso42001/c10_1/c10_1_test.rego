package annexa.iso42001.c10_1_test

import data.annexa.iso42001.c10_1
import rego.v1

_params := {"management_review_days": 365, "lookback_days": 365, "at_risk_days": 7}

_review := {
	"kind": "ManagementReview", "id": "mr-2", "standards": ["iso42001:2023"], "held_on": "2026-10-15",
	"attendees": ["Person/lena"], "inputs_covered": [],
	"decisions": [{"text": "Automate deprovisioning", "type": "improvement"}],
	"actions": [{"id": "mr-2-a1", "action": "Hire an engineer", "owner": "Person/jonas", "due_on": "2027-03-31"}],
}

_previous := {
	"kind": "ManagementReview", "id": "mr-1", "standards": ["iso42001:2023"], "held_on": "2025-10-28",
	"attendees": ["Person/lena"], "inputs_covered": [],
	"actions": [{
		"id": "mr-1-a1", "action": "Roll out WebAuthn", "owner": "Person/miriam",
		"due_on": "2026-03-31", "done_on": "2026-03-20",
	}],
}

_nc := {
	"kind": "Nonconformity", "id": "nc-1", "source": "internal-audit", "grade": "minor", "standard": "iso42001:2023",
	"requirement": "A.5.18", "raised_on": "2026-06-05", "owner": "Person/tobias",
	"corrective_actions": [{"action": "Alert on index lag", "due_on": "2026-08-31", "done_on": "2026-08-12"}],
}

_records := {
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
	"ManagementReview": {"mr-1": _previous, "mr-2": _review},
	"Nonconformity": {"nc-1": _nc},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_review(r) := _input({"ManagementReview": {"mr-1": _previous, "mr-2": r}})

_with_action(patch) := _with_review(object.union(_review, {"actions": [object.union(_review.actions[0], patch)]}))

_with_nc_action(action) := _input({"Nonconformity": {"nc-1": object.union(_nc, {"corrective_actions": [action]})}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c10_1.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_population if {
	fs := c10_1.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == [
		"ManagementReview/mr-1#actions.0",
		"ManagementReview/mr-2#actions.0",
		"Nonconformity/nc-1#corrective_actions.0",
	]
}

# --- R1

test_fail_r1_no_improvement_decision if {
	inp := _with_review(object.union(_review, {"decisions": [{"text": "Budget", "type": "resources"}]}))
	fs := c10_1.findings with input as inp
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2#decisions"]
	f.message == concat("", [
		"ManagementReview/mr-2 (held 2026-10-15) records no decision of type improvement: ",
		"record what top management decided",
	])
}

test_fail_r1_latest_review_too_old if {
	inp := _input({"ManagementReview": {"mr-1": object.union(_previous, {"decisions": _review.decisions})}})
	fs := c10_1.findings with input as inp
	some f in _failures("R1", fs)
	f.refs == ["ManagementReview/mr-1#held_on"]
	contains(f.message, "so its improvement decision is out of date")
}

test_fail_r1_no_review if {
	fs := c10_1.findings with input as _input({"ManagementReview": {}})
	some f in _failures("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	f.message == concat("", [
		"no management review of iso42001:2023 is recorded, so an improvement decision cannot be shown: ",
		"hold one with top management and record an improvement decision",
	])
}

# --- R2

test_fail_r2_review_action_overdue if {
	fs := c10_1.findings with input as _with_action({"due_on": "2026-11-29"})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2#actions.0"]
	f.message == concat("", [
		"action mr-2-a1 of ManagementReview/mr-2 (owner Person/jonas) was due on 2026-11-29 and is not done: ",
		"complete it and record done_on, or agree a new due date",
	])
}

test_r2_action_due_on_as_of_at_risk if {
	fs := c10_1.findings with input as _with_action({"due_on": "2026-11-30"})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_corrective_action_done_late if {
	inp := _with_nc_action({"action": "Alert", "due_on": "2026-08-31", "done_on": "2026-09-05"})
	fs := c10_1.findings with input as inp
	some f in _failures("R2", fs)
	f.refs == ["Nonconformity/nc-1#corrective_actions.0"]
	f.message == concat("", [
		"corrective action 1 of Nonconformity/nc-1 (owner Person/tobias) was done on 2026-09-05, after its due date ",
		"2026-08-31: close actions by their due dates",
	])
}

test_fail_r2_done_after_as_of_is_open if {
	inp := _with_nc_action({"action": "Alert", "due_on": "2026-11-01", "done_on": "2026-12-01"})
	fs := c10_1.findings with input as inp
	_outcomes("R2", fs) == {"fail"}
}

test_pass_r2_late_action_before_lookback_ignored if {
	inp := _with_nc_action({"action": "Alert", "due_on": "2025-10-31", "done_on": "2025-11-15"})
	fs := c10_1.findings with input as inp
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_undated_action_ignored if {
	fs := c10_1.findings with input as _with_nc_action({"action": "Alert"})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_nonconformity_of_other_standard_ignored if {
	other := object.union(
		_nc,
		{"standard": "iso27001:2022", "corrective_actions": [{"action": "x", "due_on": "2026-01-01"}]},
	)
	fs := c10_1.findings with input as _input({"Nonconformity": {"nc-1": other}})
	_outcomes("R2", fs) == {"pass"}
}
