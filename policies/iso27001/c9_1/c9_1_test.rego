package annexa.iso27001.c9_1_test

import data.annexa.iso27001.c9_1
import rego.v1

_params := {"objective_measure_days": 90, "lookback_days": 365, "at_risk_days": 7}

_measure(day) := {"on": day, "value": 100, "met": true}

_objective := {
	"kind": "Objective", "id": "obj-1", "category": "security",
	"statement": "Fix every critical vulnerability within its deadline",
	"metric": {"name": "pct_fixed_in_sla", "unit": "percent", "direction": "up", "target": 100},
	"owner": "Person/aylin", "due_on": "2026-12-31", "measurement_interval_days": 90,
	"measurements": [_measure("2025-12-31"), _measure("2026-03-31"), _measure("2026-06-30"), _measure("2026-09-30")],
}

_review := {
	"kind": "ManagementReview", "id": "mr-1", "standards": ["iso27001:2022"], "held_on": "2026-10-15",
	"attendees": ["Person/lena"], "inputs_covered": [], "input_refs": ["Objective/obj-1"],
}

_records := {
	"Person": {
		"aylin": {"kind": "Person", "id": "aylin", "employment_type": "employee", "start_date": "2020-01-01"},
		"gus": {
			"kind": "Person",
			"id": "gus",
			"employment_type": "employee",
			"start_date": "2020-01-01",
			"end_date": "2026-06-30",
		},
	},
	"Objective": {
		"obj-1": _objective,
		# An objective of the other standard, never measured: ignored here.
		"obj-ai": {
			"kind": "Objective", "id": "obj-ai", "category": "ai-use",
			"metric": {"name": "x", "unit": "percent", "direction": "up", "target": 1}, "owner": "Person/gus",
		},
	},
	"ManagementReview": {"mr-1": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with(o) := _input({"Objective": {"obj-1": o}})

_measured(days) := _with(object.union(_objective, {"measurements": [_measure(d) | some d in days]}))

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c9_1.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_only_objectives_of_the_standard if {
	fs := c9_1.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Objective/obj-1"]
}

# --- R1

test_fail_r1_objective_incomplete if {
	o := object.union(object.remove(_objective, ["statement"]), {"owner": "Person/gus"})
	fs := c9_1.findings with input as _with(o)
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Objective/obj-1#owner", "Objective/obj-1#statement"]
	f.message == concat("", [
		"Objective/obj-1 is not fully defined (no statement of what it pursues; owner Person/gus is not an ",
		"active Person): complete the objective",
	])
}

test_fail_r1_metric_without_target if {
	o := object.union(
		object.remove(_objective, ["metric"]),
		{"metric": {"name": "pct", "unit": "percent", "direction": "up"}},
	)
	fs := c9_1.findings with input as _with(o)
	some f in _failures("R1", fs)
	f.refs == ["Objective/obj-1#metric"]
	contains(f.message, "its metric lacks target")
}

# --- R2

test_fail_r2_period_without_measurement if {
	fs := c9_1.findings with input as _measured(["2025-12-31", "2026-03-31", "2026-09-30"])
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Objective/obj-1#measurements"]
	f.message == concat("", [
		"Objective/obj-1 (every 90 days, measurement_interval_days) has no measurement in 1 period ",
		"(2026-06-03 to 2026-08-31): record a measurement in every period",
	])
}

test_fail_r2_latest_period_empty if {
	fs := c9_1.findings with input as _measured(["2025-12-31", "2026-03-31", "2026-06-30", "2026-08-31"])
	some f in _failures("R2", fs)
	contains(f.message, "(2026-09-01 to 2026-11-30)")
}

test_r2_measured_on_period_start_at_risk if {
	fs := c9_1.findings with input as _measured(["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-01"])
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_calendar_quarters if {
	# 90, 91 and 92 days apart: every 90-day period still holds a measurement.
	fs := c9_1.findings with input as _measured(["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"])
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_never_measured if {
	fs := c9_1.findings with input as _with(object.remove(_objective, ["measurements"]))
	some f in _failures("R2", fs)
	f.message == concat("", [
		"Objective/obj-1 has never been measured (every 90 days, ",
		"measurement_interval_days): record its measurements",
	])
}

test_pass_r2_new_objective_not_yet_due if {
	inp := _with(object.union(object.remove(_objective, ["measurements"]), {"recorded_on": "2026-10-01"}))
	fs := c9_1.findings with input as inp
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_default_interval if {
	o := object.union(object.remove(_objective, ["measurement_interval_days"]), {"measurements": [_measure("2026-06-30")]})
	fs := c9_1.findings with input as _with(o)
	some f in _failures("R2", fs)
	contains(f.message, "(every 90 days, objective_measure_days)")
}

test_pass_r2_finished_objective_not_measured_any_more if {
	o := object.union(_objective, {"due_on": "2026-07-31", "measurements": [_measure("2026-06-30")]})
	fs := c9_1.findings with input as _with(o)
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r2_future_measurement_does_not_count if {
	fs := c9_1.findings with input as _measured(["2025-12-31", "2026-03-31", "2026-06-30", "2026-12-01"])
	_outcomes("R2", fs) == {"fail"}
}

# --- R3

test_fail_r3_not_put_before_the_review if {
	inp := _input({"ManagementReview": {"mr-1": object.union(_review, {"input_refs": ["InternalAudit/ia-1"]})}})
	fs := c9_1.findings with input as inp
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-1#input_refs", "Objective/obj-1"]
	f.message == concat("", [
		"Objective/obj-1 has results from 2025-12-31 on, but ManagementReview/mr-1 (held 2026-10-15) does not ",
		"list it in input_refs: put the objective's results before the management review",
	])
}

test_pass_r3_results_after_the_review_wait if {
	fs := c9_1.findings with input as object.union(
		_measured(["2026-10-20"]),
		{"records": {"ManagementReview": {"mr-1": object.union(_review, {"input_refs": []})}}},
	)
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r3_no_review if {
	fs := c9_1.findings with input as _input({"ManagementReview": {}})
	some f in _failures("R3", fs)
	f.refs == ["ManagementSystem"]
	contains(f.message, "so the results of 1 measured objective were never reviewed")
}
