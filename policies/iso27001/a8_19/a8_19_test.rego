package annexa.iso27001.a8_19_test

import data.annexa.iso27001.a8_19
import rego.v1

_params := {
	"lookback_days": 365, "posture_max_age_days": 7, "max_local_admin_pct": 25,
	"exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
}

_app := {"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod"}

_laptop(id) := {"kind": "Asset", "id": id, "asset_type": "endpoint", "environment": "corp"}

_change := {
	"kind": "ChangeRecord", "id": "chg-1", "change_class": "normal", "systems": ["Asset/app"], "environment": "prod",
	"author": "Person/alice", "deployed_on": "2026-11-24T10:00:00Z",
	"approvals": [{"by": "Person/dan", "on": "2026-11-23", "decision": "approved"}],
}

_model := {
	"kind": "ModelRecord", "id": "triage-2-1", "ai_system": "AISystem/triage", "model_version": "2.1.0",
	"deployment": {"change": "ChangeRecord/chg-1", "deployed_on": "2026-11-24", "environment": "prod"},
}

_results(ids, admin_status) := [r |
	some id in ids
	some r in [
		{"check_id": "local_admin_removed", "resource": sprintf("Asset/%s", [id]), "status": admin_status[id]},
		{"check_id": "app_control_policy_enforced", "resource": sprintf("Asset/%s", [id]), "status": "pass"},
	]
]

_ids := ["l1", "l2", "l3", "l4"]

_ok := {"l1": "pass", "l2": "pass", "l3": "pass", "l4": "pass"}

_mdm(status) := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-29T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"], "results": _results(_ids, status),
}

_miriam := {
	"kind": "Person", "id": "miriam", "start_date": "2022-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2022-01-01"}],
}

_records := {
	"Asset": {"app": _app, "l1": _laptop("l1"), "l2": _laptop("l2"), "l3": _laptop("l3"), "l4": _laptop("l4")},
	"ChangeRecord": {"chg-1": _change},
	"ModelRecord": {"triage-2-1": _model},
	"TestRun": {"mdm-1": _mdm(_ok)},
	"Person": {"miriam": _miriam},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_19.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_change_approved_only_by_author if {
	self := object.union(_change, {"approvals": [{"by": "Person/alice", "on": "2026-11-23", "decision": "approved"}]})
	fs := a8_19.findings with input as _input({"ChangeRecord": {"chg-1": self}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/chg-1"]
	f.message == concat("", [
		"ChangeRecord/chg-1 was deployed to production on 2026-11-24 without an approval by someone other than ",
		"its author Person/alice: approve it or roll it back",
	])
}

test_pass_r1_emergency_with_retro_approval if {
	emergency := object.union(object.remove(_change, ["approvals"]), {
		"change_class": "emergency",
		"retro_approval": {"by": "Person/dan", "on": "2026-11-25"},
	})
	fs := a8_19.findings with input as _input({"ChangeRecord": {"chg-1": emergency}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_model_deployment_without_change if {
	loose := object.union(_model, {"deployment": {"change": "ChangeRecord/chg-9"}})
	fs := a8_19.findings with input as _input({"ModelRecord": {"triage-2-1": loose}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ModelRecord/triage-2-1#deployment.change"]
}

test_pass_r1_ignores_old_and_nonprod_changes if {
	old := object.union(_change, {"id": "chg-0", "deployed_on": "2025-11-29", "approvals": []})
	dev := object.union(_change, {"id": "chg-2", "environment": "dev", "approvals": []})
	fs := a8_19.findings with input as _input({"ChangeRecord": {"chg-1": _change, "chg-0": old, "chg-2": dev}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r2_within_tolerance if {
	fs := a8_19.findings with input as _input({"TestRun": {"mdm-1": _mdm(object.union(_ok, {"l2": "fail"}))}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_too_many_admins if {
	inp := _input({"TestRun": {"mdm-1": _mdm(object.union(_ok, {"l2": "fail", "l3": "fail"}))}})
	fs := a8_19.findings with input as inp
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/l2", "Asset/l3"]
	f.message == concat("", [
		"2 of 4 endpoints (50%) have local admin rights or no local-admin check within 7 days (Asset/l2, Asset/l3), ",
		"more than max_local_admin_pct 25: remove the rights or list the endpoints in an approved Exception",
	])
}

test_pass_r2_admins_on_approved_list if {
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["rule:8.19/R2", "Asset/l3"], "reason": "developer tooling",
		"requested_by": "Person/ben", "approved_by": "Person/miriam", "approved_on": "2026-10-01", "expires_on": "2027-03-31",
	}
	fs := a8_19.findings with input as _input({
		"TestRun": {"mdm-1": _mdm(object.union(_ok, {"l2": "fail", "l3": "fail"}))},
		"Exception": {"exc-1": exc},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_exception_for_another_rule if {
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["rule:8.8/R2", "Asset/l3"], "reason": "unrelated",
		"requested_by": "Person/ben", "approved_by": "Person/miriam", "approved_on": "2026-10-01", "expires_on": "2027-03-31",
	}
	fs := a8_19.findings with input as _input({
		"TestRun": {"mdm-1": _mdm(object.union(_ok, {"l2": "fail", "l3": "fail"}))},
		"Exception": {"exc-1": exc},
	})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_stale_snapshot_counts_as_admin if {
	old := object.union(_mdm(_ok), {"performed_on": "2026-11-22"})
	fs := a8_19.findings with input as _input({"TestRun": {"mdm-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	count(f.refs) == 4
}

test_fail_r3_no_application_control if {
	run := object.union(_mdm(_ok), {"results": [r | some r in _mdm(_ok).results; r.check_id == "local_admin_removed"]})
	fs := a8_19.findings with input as _input({"TestRun": {"mdm-1": run}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/l1"]
	f.message == concat("", [
		"Asset/l1 has no application control check in the last 7 days (last: never) (posture_max_age_days 7), ",
		"and no device management policy check covers it: enforce the software restriction policy and collect its status",
	])
}

test_pass_r3_ignores_lost_endpoint if {
	lost := object.union(_laptop("l5"), {"lifecycle": {"lost_on": "2026-11-02"}})
	fs := a8_19.findings with input as _input({"Asset": {
		"app": _app, "l1": _laptop("l1"), "l2": _laptop("l2"),
		"l3": _laptop("l3"), "l4": _laptop("l4"), "l5": lost,
	}})
	_outcomes("R3", fs) == {"pass"}
}

_mdm_tool := {"kind": "Asset", "id": "mdm", "asset_type": "tool", "environment": "corp"}

_policy_run(status) := {
	"kind": "TestRun", "id": "ac-1", "test_type": "app-control", "performed_on": "2026-11-29", "scope": ["Asset/mdm"],
	"results": [{"check_id": "software_restriction_policy_enabled", "resource": "Asset/mdm", "status": status}],
}

_admin_only := object.union(_mdm(_ok), {"results": [r |
	some r in _mdm(_ok).results
	r.check_id == "local_admin_removed"
]})

test_pass_r3_policy_level_check if {
	fs := a8_19.findings with input as _input({
		"Asset": object.union(_records.Asset, {"mdm": _mdm_tool}),
		"TestRun": {"mdm-1": _admin_only, "ac-1": _policy_run("pass")},
	})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_policy_level_check_failing if {
	fs := a8_19.findings with input as _input({
		"Asset": object.union(_records.Asset, {"mdm": _mdm_tool}),
		"TestRun": {"mdm-1": _admin_only, "ac-1": _policy_run("fail")},
	})
	_outcomes("R3", fs) == {"fail"}
}

test_fail_r3_own_failure_not_outweighed_by_policy if {
	own := object.union(_mdm(_ok), {"results": array.concat(
		[r | some r in _mdm(_ok).results; r.resource != "Asset/l1"],
		[{"check_id": "app_control_policy_enforced", "resource": "Asset/l1", "status": "fail"}],
	)})
	fs := a8_19.findings with input as _input({
		"Asset": object.union(_records.Asset, {"mdm": _mdm_tool}),
		"TestRun": {"mdm-1": own, "ac-1": _policy_run("pass")},
	})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/l1"]
}
