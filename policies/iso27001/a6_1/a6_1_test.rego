package annexa.iso27001.a6_1_test

import data.annexa.iso27001.a6_1
import rego.v1

_params := {"lookback_days": 365, "screening_grace_days": 0, "rescreen_days": 1095, "at_risk_days": 7}

_engineer := {"kind": "Role", "id": "engineer", "required_screening_level": "standard"}

_admin := {"kind": "Role", "id": "admin", "required_screening_level": "enhanced"}

_new := {
	"kind": "Person", "id": "new", "start_date": "2026-06-01",
	"roles": [{"role": "Role/engineer", "from": "2026-06-01"}],
	"screening": {"required_level": "standard", "level": "standard", "completed_on": "2026-05-20", "outcome_ok": true},
}

_mover := {
	"kind": "Person", "id": "mover", "start_date": "2020-01-01",
	"roles": [{"role": "Role/engineer", "from": "2020-01-01"}, {"role": "Role/admin", "from": "2026-03-01"}],
	"screening": {"required_level": "enhanced", "level": "enhanced", "completed_on": "2026-02-15", "outcome_ok": true},
}

_records := {
	"Role": {"engineer": _engineer, "admin": _admin},
	"Person": {"new": _new, "mover": _mover},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_people(p) := {"Person": object.union({"mover": _mover}, p)}

test_pass_all_rules if {
	fs := a6_1.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_screened_after_start if {
	late := object.union(_new, {"screening": {"completed_on": "2026-06-02"}})
	fs := a6_1.findings with input as _input(_people({"new": late}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/new#screening.completed_on"]
	f.message == concat("", [
		"Person/new started on 2026-06-01 but the screening was completed on 2026-06-02, after 2026-06-01 ",
		"(screening_grace_days 0): screen people before they start",
	])
}

test_pass_r1_completed_on_grace_boundary if {
	late := object.union(_new, {"screening": {"completed_on": "2026-06-04"}})
	fs := a6_1.findings with input as object.union(_input(_people({"new": late})), {"params": {"screening_grace_days": 3}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_screening if {
	none := object.remove(_new, ["screening"])
	fs := a6_1.findings with input as _input(_people({"new": none}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/new"]
	contains(f.message, "has no completed screening (required level standard)")
}

test_fail_r1_level_below_roles_at_start if {
	admin := object.union(_new, {"roles": [{"role": "Role/admin", "from": "2026-06-01"}]})
	fs := a6_1.findings with input as _input(_people({"new": admin}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/new#screening.level"]
	contains(f.message, "require enhanced")
}

test_fail_r1_outcome_not_ok if {
	bad := object.union(_new, {"screening": {"outcome_ok": false}})
	fs := a6_1.findings with input as _input(_people({"new": bad}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/new#screening.outcome_ok"]
}

test_r1_ignores_starts_before_lookback if {
	old := object.union(_new, {"start_date": "2025-11-29", "roles": [], "screening": {"completed_on": "2025-12-01"}})
	fs := a6_1.findings with input as _input(_people({"new": old}))
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_move_without_rescreening if {
	stale := object.union(_mover, {"screening": {"completed_on": "2026-03-02"}})
	fs := a6_1.findings with input as _input({"Person": {"new": _new, "mover": stale}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Person/mover#roles.1"]
	f.message == concat("", [
		"Person/mover#roles.1 takes up a role requiring enhanced screening on 2026-03-01, but the latest screening ",
		"is enhanced (completed 2026-03-02): rescreen before the move",
	])
}

test_fail_r2_move_screened_at_lower_level if {
	low := object.union(_mover, {"screening": {"level": "standard", "completed_on": "2020-01-01"}})
	fs := a6_1.findings with input as _input({"Person": {"new": _new, "mover": low}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
}

test_r2_same_level_move_not_in_population if {
	same := object.union(_mover, {"roles": [
		{"role": "Role/admin", "from": "2020-01-01"},
		{"role": "Role/engineer", "from": "2026-03-01"},
	]})
	fs := a6_1.findings with input as _input({"Person": {"new": _new, "mover": same}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_rescreen_overdue if {
	old := object.union(_mover, {
		"roles": [{"role": "Role/admin", "from": "2020-01-01"}],
		"screening": {"completed_on": "2023-11-30"},
	})
	fs := a6_1.findings with input as _input({"Person": {"new": _new, "mover": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Person/mover#screening"]
	contains(f.message, "completed 2023-11-30")
}

test_pass_r3_on_window_boundary if {
	edge := object.union(_mover, {
		"roles": [{"role": "Role/admin", "from": "2020-01-01"}],
		"screening": {"completed_on": "2023-12-01"},
	})
	fs := a6_1.findings with input as _input({"Person": {"new": _new, "mover": edge}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_r3_ignores_ended_holders if {
	gone := object.union(_mover, {"end_date": "2026-10-01", "screening": {"completed_on": "2020-01-01"}})
	fs := a6_1.findings with input as _input({"Person": {"new": _new, "mover": gone}})
	_outcomes("R3", fs) == {"not_exercised"}
}
