package annexa.iso27001.a5_30_test

import data.annexa.iso27001.a5_30
import rego.v1

_params := {"dr_test_days": 365}

_plan := {
	"kind": "Document", "id": "plan-dr", "doc_type": "plan", "topic": "bcp", "version": "2.1.0",
	"published_on": "2026-02-02",
	"approvals": [{"by": "Person/miriam", "on": "2026-01-30", "decision": "approved", "version": "2.1.0"}],
}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "criticality": "critical", "environment": "prod",
	"continuity": {"rto_hours": 8, "rpo_hours": 24, "plan": "Document/plan-dr"},
}

_failover := {
	"kind": "Exercise", "id": "ex-dr", "exercise_type": "dr-failover", "scope": ["Asset/app"],
	"performed_on": "2026-09-23", "result": "pass",
	"achieved": {"rto_hours": 1.2, "rpo_hours": 0.05, "data_integrity_ok": true},
}

_records := {"Document": {"plan-dr": _plan}, "Asset": {"app": _app}, "Exercise": {"ex-dr": _failover}}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_30.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_missing_rpo_and_plan if {
	thin := object.union(object.remove(_app, ["continuity"]), {"continuity": {"rto_hours": 8}})
	fs := a5_30.findings with input as _input({"Asset": {"app": thin}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/app#continuity"]
	f.message == concat("", [
		"Asset/app (criticality critical) lacks continuity a current plan, rpo_hours: set its recovery targets ",
		"and link an approved recovery plan",
	])
}

test_fail_r1_plan_not_approved if {
	draft := object.remove(_plan, ["approvals"])
	fs := a5_30.findings with input as _input({"Document": {"plan-dr": draft}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_low_criticality_ignored if {
	low := object.union(object.remove(_app, ["continuity"]), {"criticality": "medium"})
	fs := a5_30.findings with input as _input({"Asset": {"app": low}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_no_exercise if {
	old := object.union(_failover, {"performed_on": "2025-11-29"})
	fs := a5_30.findings with input as _input({"Exercise": {"ex-dr": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/app"]
}

test_pass_r2_exercise_on_window_edge if {
	edge := object.union(_failover, {"performed_on": "2025-11-30"})
	fs := a5_30.findings with input as _input({"Exercise": {"ex-dr": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_target_missed if {
	slow := object.union(_failover, {"achieved": {"rto_hours": 9}})
	fs := a5_30.findings with input as _input({"Exercise": {"ex-dr": slow}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Exercise/ex-dr#achieved"]
	contains(f.message, "achieved RTO 9 h and RPO 0.05 h for Asset/app, whose targets are 8 h and 24 h")
}

test_pass_r2_target_met_exactly if {
	edge := object.union(_failover, {"achieved": {"rto_hours": 8, "rpo_hours": 24}})
	fs := a5_30.findings with input as _input({"Exercise": {"ex-dr": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_target_missed_with_nonconformity if {
	slow := object.union(_failover, {"achieved": {"rto_hours": 9}, "actions": ["Nonconformity/nc-1"]})
	nc := {
		"kind": "Nonconformity", "id": "nc-1", "source": "monitoring", "grade": "minor", "requirement": "5.30",
		"raised_on": "2026-09-24", "owner": "Person/jonas",
	}
	fs := a5_30.findings with input as _input({"Exercise": {"ex-dr": slow}, "Nonconformity": {"nc-1": nc}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_latest_exercise_decides if {
	later := object.union(_failover, {"id": "ex-dr-2", "performed_on": "2026-10-23", "achieved": {"rpo_hours": 30}})
	fs := a5_30.findings with input as _input({"Exercise": {"ex-dr": _failover, "ex-dr-2": later}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Exercise/ex-dr-2#achieved"]
}

test_fail_r2_achieved_not_recorded if {
	blank := object.remove(_failover, ["achieved"])
	fs := a5_30.findings with input as _input({"Exercise": {"ex-dr": blank}})
	_outcomes("R2", fs) == {"fail"}
}
