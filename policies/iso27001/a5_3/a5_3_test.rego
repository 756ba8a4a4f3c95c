package annexa.iso27001.a5_3_test

import data.annexa.iso27001.a5_3
import rego.v1

_params := {"lookback_days": 365}

_approver := {
	"kind": "Role", "id": "change-approver", "responsibilities": ["approve changes"], "min_holders": 1,
	"privileged": false, "conflicts_with": ["Role/prod-admin"],
}

_admin := {
	"kind": "Role", "id": "prod-admin", "responsibilities": ["run production"],
	"min_holders": 1, "privileged": true,
}

_alice := {
	"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2024-01-01",
	"roles": [{"role": "Role/change-approver", "from": "2024-01-01"}],
}

_bob := {
	"kind": "Person", "id": "bob", "employment_type": "employee", "start_date": "2024-01-01",
	"roles": [{"role": "Role/prod-admin", "from": "2024-01-01"}],
}

_app := {"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod"}

_change := {
	"kind": "ChangeRecord", "id": "chg-1", "change_class": "normal", "systems": ["Asset/app"], "environment": "prod",
	"author": "Person/bob", "deployed_on": "2026-10-01T10:00:00Z",
	"approvals": [{"by": "Person/alice", "on": "2026-10-01", "decision": "approved"}],
}

_acc_bob := {
	"kind": "Account", "id": "gh-bob", "system": "Asset/github", "external_id": "bob", "account_type": "human",
	"holder": "Person/bob", "privileged": true, "created_on": "2024-01-01", "observed_on": "2026-11-29",
	"approval_ref": {"by": "Person/alice", "on": "2023-12-28", "ticket": "IT-1"},
}

_review := {
	"kind": "AccessReview", "id": "ar-1", "systems": ["Asset/github"], "review_type": "privileged",
	"reviewer": "Person/alice", "completed_on": "2026-09-30",
	"items": [{"account": "Account/gh-bob", "decision": "keep", "decided_by": "Person/alice", "decided_on": "2026-09-29"}],
}

_records := {
	"Role": {"change-approver": _approver, "prod-admin": _admin},
	"Person": {"alice": _alice, "bob": _bob},
	"Asset": {"app": _app},
	"ChangeRecord": {"chg-1": _change},
	"Account": {"gh-bob": _acc_bob},
	"AccessReview": {"ar-1": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_conflicting_roles if {
	both := object.union(_alice, {"roles": [
		{"role": "Role/change-approver", "from": "2024-01-01"},
		{"role": "Role/prod-admin", "from": "2025-06-01"},
	]})
	fs := a5_3.findings with input as _input({"Person": {"alice": both, "bob": _bob}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/alice#roles.0", "Person/alice#roles.1"]
	f.message == concat("", [
		"Person/alice holds Role/change-approver and Role/prod-admin on 2026-11-30, which are declared to ",
		"conflict (conflicts_with): end one of the two assignments",
	])
}

test_fail_r1_conflict_declared_on_other_side_only if {
	admin := object.union(_admin, {"conflicts_with": ["Role/auditor"]})
	auditor := {"kind": "Role", "id": "auditor", "responsibilities": ["audit"], "min_holders": 0, "privileged": false}
	dual := object.union(_bob, {"roles": [
		{"role": "Role/auditor", "from": "2024-01-01"},
		{"role": "Role/prod-admin", "from": "2024-01-01"},
	]})
	fs := a5_3.findings with input as _input({
		"Role": {"change-approver": _approver, "prod-admin": admin, "auditor": auditor},
		"Person": {"alice": _alice, "bob": dual},
	})
	"fail" in _outcomes("R1", fs)
}

test_pass_r1_assignment_ended if {
	# The conflicting assignment ended the day before as-of, so the two roles are no longer combined.
	ended := object.union(_alice, {"roles": [
		{"role": "Role/change-approver", "from": "2024-01-01"},
		{"role": "Role/prod-admin", "from": "2025-06-01", "to": "2026-11-29"},
	]})
	fs := a5_3.findings with input as _input({"Person": {"alice": ended, "bob": _bob}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_self_approved_change if {
	self := object.union(_change, {"approvals": [{"by": "Person/bob", "on": "2026-10-01", "decision": "approved"}]})
	fs := a5_3.findings with input as _input({"ChangeRecord": {"chg-1": self}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/chg-1#approvals"]
	f.message == concat("", [
		"ChangeRecord/chg-1 (deployed 2026-10-01) by Person/bob has no approval by anyone other than its author ",
		"(approved by: Person/bob): have another person approve the change",
	])
}

test_fail_r2_no_environment_but_prod_system if {
	bare := object.remove(_change, ["environment", "approvals"])
	fs := a5_3.findings with input as _input({"ChangeRecord": {"chg-1": bare}})
	"fail" in _outcomes("R2", fs)
}

test_pass_r2_emergency_retro_approval if {
	emergency := object.union(object.remove(_change, ["approvals"]), {
		"change_class": "emergency",
		"retro_approval": {"by": "Person/alice", "on": "2026-10-02T09:00:00Z"},
	})
	fs := a5_3.findings with input as _input({"ChangeRecord": {"chg-1": emergency}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_ignores_old_and_non_production_changes if {
	old := object.union(_change, {"id": "chg-0", "deployed_on": "2025-11-29", "approvals": []})
	dev := object.union(_change, {"id": "chg-2", "environment": "dev", "approvals": []})
	fs := a5_3.findings with input as _input({"ChangeRecord": {"chg-1": _change, "chg-0": old, "chg-2": dev}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_window_boundary if {
	# Deployed exactly lookback_days before as-of: still in the population.
	edge := object.union(_change, {"deployed_on": "2025-11-30", "approvals": []})
	fs := a5_3.findings with input as _input({"ChangeRecord": {"chg-1": edge}})
	"fail" in _outcomes("R2", fs)
}

test_fail_r3_reviewer_decides_own_account if {
	own := object.union(_review, {"items": [
		{"account": "Account/gh-bob", "decision": "keep", "decided_by": "Person/bob", "decided_on": "2026-09-29"},
	]})
	fs := a5_3.findings with input as _input({"AccessReview": {"ar-1": own}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["AccessReview/ar-1#items.0.decided_by"]
	f.message == concat("", [
		"AccessReview/ar-1: the decision on Account/gh-bob (keep, 2026-09-29) was taken by Person/bob, ",
		"to whom the account belongs: have someone else decide it",
	])
}

test_fail_r3_service_owner_reviews_own_service_account if {
	svc := {
		"kind": "Account", "id": "svc-ci", "system": "Asset/github", "external_id": "ci-bot", "account_type": "service",
		"service_owner": "Person/alice", "privileged": false, "created_on": "2025-01-01", "observed_on": "2026-11-29",
	}
	own := object.union(_review, {"items": [
		{"account": "Account/svc-ci", "decision": "keep", "decided_by": "Person/alice", "decided_on": "2026-09-29"},
	]})
	fs := a5_3.findings with input as _input({
		"Account": {"gh-bob": _acc_bob, "svc-ci": svc},
		"AccessReview": {"ar-1": own},
	})
	"fail" in _outcomes("R3", fs)
}

test_fail_r4_self_approved_account if {
	self := object.union(
		object.remove(_acc_bob, ["approval_ref"]),
		{"approval_ref": {"by": "Person/bob", "on": "2023-12-28"}},
	)
	fs := a5_3.findings with input as _input({"Account": {"gh-bob": self}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Account/gh-bob#approval_ref.by"]
	f.message == concat("", [
		"Account/gh-bob in Asset/github was approved on 2023-12-28 (ticket none) by Person/bob, to whom the ",
		"account belongs: have someone else approve the access and record it in approval_ref",
	])
}

test_r4_ignores_old_disabled_account if {
	old := object.union(_acc_bob, {
		"created_on": "2020-01-01", "disabled_on": "2021-01-01",
		"approval_ref": {"by": "Person/bob", "on": "2019-12-28"},
	})
	fs := a5_3.findings with input as _input({"Account": {"gh-bob": old}, "AccessReview": {}})
	_outcomes("R4", fs) == {"not_exercised"}
}

test_not_exercised_without_population if {
	fs := a5_3.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"not_exercised"}
	}
}
