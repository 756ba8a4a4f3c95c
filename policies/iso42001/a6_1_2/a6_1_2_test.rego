package annexa.iso42001.a6_1_2_test

import data.annexa.iso42001.a6_1_2
import rego.v1

_params := {"objective_measure_days": 90, "lookback_days": 365, "at_risk_days": 7}

_system := {
	"kind": "AISystem", "id": "bot", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
}

_objective := {
	"kind": "Objective", "id": "obj-grounded", "category": "ai-development",
	"metric": {"name": "groundedness_rate", "unit": "ratio", "direction": "up", "target": 0.95},
	"owner": "Person/emre", "due_on": "2026-12-31", "measurement_interval_days": 30,
	"ai_systems": ["AISystem/bot"],
	"measurements": [
		{"on": "2026-10-26", "value": 0.97, "met": true},
		{"on": "2026-11-23", "value": 0.974, "met": true},
	],
}

_records := {
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
	"AISystem": {"bot": _system},
	"Objective": {"obj-grounded": _objective},
	"Person": {"emre": {"kind": "Person", "id": "emre", "employment_type": "employee", "start_date": "2024-03-01"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with(patch) := {"Objective": {"obj-grounded": object.union(_objective, patch)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_1_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_active_objective if {
	fs := a6_1_2.findings with input as _input(_with({"due_on": "2026-11-29"}))
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	f.message == concat("", [
		"no active Objective of category ai-development at 2026-11-30: ",
		"set measurable objectives for responsible development",
	])
}

test_pass_r1_due_on_as_of_still_active if {
	fs := a6_1_2.findings with input as _input(_with({"due_on": "2026-11-30"}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_use_objective_does_not_count if {
	fs := a6_1_2.findings with input as _input(_with({"category": "ai-use"}))
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
}

test_fail_r1_recorded_later_does_not_count if {
	fs := a6_1_2.findings with input as _input(_with({"recorded_on": "2026-12-01"}))
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
}

test_fail_r1_owner_left if {
	left := {
		"kind": "Person", "id": "emre", "employment_type": "employee",
		"start_date": "2024-03-01", "end_date": "2026-11-01",
	}
	fs := a6_1_2.findings with input as _input({"Person": {"emre": left}})
	some f in _fails("R1", fs)
	f.refs == ["Objective/obj-grounded#owner"]
	f.message == "the owner of Objective/obj-grounded, Person/emre, is not an active person at 2026-11-30: assign an owner"
}

# --- R2

test_fail_r2_system_without_objective if {
	fs := a6_1_2.findings with input as _input(_with({"ai_systems": []}))
	some f in _fails("R2", fs)
	f.refs == ["AISystem/bot"]
	f.message == concat("", [
		"AISystem/bot (ai_role provider-and-user) is tied to no active ai-development objective: ",
		"set one that lists the system in ai_systems",
	])
}

test_pass_r2_system_lists_objective if {
	s := object.union(_system, {"objectives": ["Objective/obj-grounded"]})
	fs := a6_1_2.findings with input as _input(object.union(_with({"ai_systems": []}), {"AISystem": {"bot": s}}))
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_user_only_system_out_of_scope if {
	s := object.union(_system, {"ai_role": "user"})
	fs := a6_1_2.findings with input as _input({"AISystem": {"bot": s}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_measurement_overdue if {
	fs := a6_1_2.findings with input as _input(_with({"measurements": [{"on": "2026-10-30", "value": 0.97, "met": true}]}))
	some f in _fails("R3", fs)
	f.refs == ["Objective/obj-grounded#measurements"]
	f.message == concat("", [
		"Objective/obj-grounded was last measured on 2026-10-30 and was due again by 2026-11-29 ",
		"(every 30 days): measure it",
	])
}

test_pass_r3_measured_on_boundary_at_risk if {
	fs := a6_1_2.findings with input as _input(_with({"measurements": [{"on": "2026-10-31", "value": 0.97, "met": true}]}))
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_pass_r3_default_interval if {
	no_interval := object.remove(_objective, ["measurement_interval_days"])
	o := object.union(no_interval, {"measurements": [{"on": "2026-09-15", "value": 0.97, "met": true}]})
	fs := a6_1_2.findings with input as _input({"Objective": {"obj-grounded": o}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_never_measured if {
	never := object.remove(_objective, ["measurements"])
	fs := a6_1_2.findings with input as _input({"Objective": {"obj-grounded": never}})
	some f in _fails("R3", fs)
	f.message == "Objective/obj-grounded has never been measured: measure it every 30 days"
}

test_pass_r3_new_objective_not_yet_due if {
	fresh := object.union(object.remove(_objective, ["measurements"]), {"recorded_on": "2026-11-15"})
	fs := a6_1_2.findings with input as _input({"Objective": {"obj-grounded": fresh}})
	_outcomes("R3", fs) == {"pass"}
}

_missed := [
	{"on": "2026-10-26", "value": 0.91, "met": false, "source": "Activity/review-10"},
	{"on": "2026-11-23", "value": 0.974, "met": true},
]

_with_missed(extra) := object.union(_with({"measurements": _missed}), extra)

test_fail_r3_miss_without_action if {
	fs := a6_1_2.findings with input as _input(_with({"measurements": _missed}))
	some f in _fails("R3", fs)
	f.refs == ["Objective/obj-grounded#measurements.0"]
	f.message == concat("", [
		"Objective/obj-grounded missed its target on 2026-10-26 (value 0.91, target 0.95) with no follow-up action ",
		"linked: raise a nonconformity or link the action",
	])
}

test_pass_r3_miss_with_nonconformity if {
	nc := {
		"kind": "Nonconformity", "id": "nc-1", "source": "monitoring", "source_ref": "Objective/obj-grounded",
		"grade": "minor", "requirement": "A.6.1.2", "raised_on": "2026-10-27", "owner": "Person/emre",
	}
	fs := a6_1_2.findings with input as _input(_with_missed({"Nonconformity": {"nc-1": nc}}))
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_nonconformity_before_miss_does_not_count if {
	nc := {
		"kind": "Nonconformity", "id": "nc-1", "source": "monitoring", "source_ref": "Objective/obj-grounded",
		"grade": "minor", "requirement": "A.6.1.2", "raised_on": "2026-10-20", "owner": "Person/emre",
	}
	fs := a6_1_2.findings with input as _input(_with_missed({"Nonconformity": {"nc-1": nc}}))
	_outcomes("R3", fs) == {"fail"}
}

test_pass_r3_miss_with_activity_outputs if {
	review := {
		"kind": "Activity", "id": "review-10", "activity_type": "ai-monitoring-review", "subject_refs": ["AISystem/bot"],
		"performed_by": "Person/emre", "performed_on": "2026-10-26", "outcome": "issues-found",
		"outputs": ["ChangeRecord/chg-9"],
	}
	fs := a6_1_2.findings with input as _input(_with_missed({"Activity": {"review-10": review}}))
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_miss_with_linked_treatment if {
	rt := {"kind": "RiskTreatment", "id": "rt-9", "risk": "Risk/r-1"}
	extra := object.union(
		_with({"measurements": _missed, "links": {"actions": ["RiskTreatment/rt-9"]}}),
		{"RiskTreatment": {"rt-9": rt}},
	)
	fs := a6_1_2.findings with input as _input(extra)
	_outcomes("R3", fs) == {"pass"}
}
