package annexa.iso42001.a9_3_test

import data.annexa.iso42001.a9_3
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "objective_measure_days": 90, "ai_breach_response_days": 7}

_system := {
	"kind": "AISystem", "id": "assistant", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "reply drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
	"objectives": ["Objective/obj-review"],
}

_measure(day, value, met) := {"on": day, "value": value, "met": met, "source": "Activity/oversight"}

_objective := {
	"kind": "Objective", "id": "obj-review", "category": "ai-use", "owner": "Person/nora",
	"metric": {"name": "pct_drafts_reviewed", "unit": "percent", "direction": "up", "target": 100},
	"due_on": "2026-12-31", "measurement_interval_days": 30,
	"measurements": [_measure("2026-10-28", 100, true), _measure("2026-11-25", 100, true)],
}

_records := {
	"AISystem": {"assistant": _system},
	"Objective": {"obj-review": _objective},
	"Activity": {"oversight": {"kind": "Activity", "id": "oversight", "activity_type": "oversight-review"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_objective(changes) := {"Objective": {"obj-review": object.union(_objective, changes)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a9_3.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_provider_only_is_out_of_scope_of_r1 if {
	provider := object.union(_system, {"ai_role": "provider"})
	fs := a9_3.findings with input as _input({"AISystem": {"assistant": provider}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_pass_link_from_objective_side if {
	sys := object.remove(_system, ["objectives"])
	fs := a9_3.findings with input as _input(object.union(
		{"AISystem": {"assistant": sys}},
		_with_objective({"ai_systems": ["AISystem/assistant"]}),
	))
	_outcomes("R1", fs) == {"pass"}
}

# --- R1

test_fail_r1_no_objective if {
	fs := a9_3.findings with input as _input({"Objective": {}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant"]
	f.message == concat("", [
		"AISystem/assistant is used in production but has no active ai-use Objective with a metric and target ",
		"(linked: none): set one",
	])
}

test_fail_r1_objective_of_other_category if {
	fs := a9_3.findings with input as _input(_with_objective({"category": "ai-development"}))
	count(_fails("R1", fs)) == 1
}

test_fail_r1_objective_past_due if {
	fs := a9_3.findings with input as _input(_with_objective({"due_on": "2026-11-29"}))
	count(_fails("R1", fs)) == 1
}

# --- R2

test_fail_r2_not_measured if {
	fs := a9_3.findings with input as _input(_with_objective({"measurements": [_measure("2026-10-28", 100, true)]}))
	some f in _fails("R2", fs)
	f.refs == ["Objective/obj-review"]
	f.message == "Objective/obj-review was last measured on 2026-10-28, not within its interval of 30 days: measure it"
}

test_pass_r2_default_interval if {
	no_interval := object.remove(_objective, ["measurement_interval_days"])
	old := object.union(no_interval, {"measurements": [_measure("2026-09-15", 100, true)]})
	fs := a9_3.findings with input as _input({"Objective": {"obj-review": old}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_miss_without_action if {
	missed := [_measure("2026-10-28", 97, false), _measure("2026-11-25", 100, true)]
	fs := a9_3.findings with input as _input(_with_objective({"measurements": missed}))
	some f in _fails("R2", fs)
	f.refs == ["Objective/obj-review#measurements.0"]
	f.message == concat("", [
		"Objective/obj-review missed its target on 2026-10-28 (value 97, target 100) and no action is linked to it: ",
		"record the action taken",
	])
}

test_pass_r2_miss_linked_by_nonconformity if {
	missed := [_measure("2026-10-28", 97, false), _measure("2026-11-25", 100, true)]
	nc := {"kind": "Nonconformity", "id": "nc-1", "source": "monitoring", "source_ref": "Objective/obj-review"}
	fs := a9_3.findings with input as _input(object.union(
		_with_objective({"measurements": missed}),
		{"Nonconformity": {"nc-1": nc}},
	))
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_miss_handled_by_source_outputs if {
	missed := [_measure("2026-10-28", 97, false), _measure("2026-11-25", 100, true)]
	act := {"kind": "Activity", "id": "oversight", "activity_type": "oversight-review", "outputs": ["Finding/f-1"]}
	fs := a9_3.findings with input as _input(object.union(
		_with_objective({"measurements": missed}),
		{"Activity": {"oversight": act}},
	))
	_outcomes("R2", fs) == {"pass"}
}

test_at_risk_r2_recent_miss if {
	missed := [_measure("2026-10-28", 100, true), _measure("2026-11-25", 97, false)]
	fs := a9_3.findings with input as _input(_with_objective({"measurements": missed}))
	some f in fs
	f.outcome == "at_risk"
	f.message == "Objective/obj-review missed its target on 2026-11-25: link an action by 2026-12-02"
}
