package annexa.iso27001.a8_2_test

import data.annexa.iso27001.a8_2
import rego.v1

_params := {"access_review_days": {"privileged": 90, "standard": 180}, "max_org_admins": 2, "lookback_days": 365}

_admin_role := {"kind": "Role", "id": "prod-admin", "privileged": true}

_eng_role := {"kind": "Role", "id": "engineer", "privileged": false}

_alice := {
	"kind": "Person", "id": "alice", "start_date": "2024-01-01",
	"roles": [{"role": "Role/prod-admin", "from": "2024-01-01"}],
}

_bob := {
	"kind": "Person", "id": "bob", "start_date": "2024-01-01",
	"roles": [{"role": "Role/engineer", "from": "2024-01-01"}],
}

_admin := {
	"kind": "Account", "id": "aws-alice", "system": "Asset/aws", "account_type": "human", "holder": "Person/alice",
	"privileged": true, "mfa": {"enabled": true, "method": "webauthn"}, "created_on": "2024-01-02",
	"approval_ref": {"by": "Person/bob", "on": "2024-01-01"}, "observed_on": "2026-11-29",
}

_root := {
	"kind": "Account", "id": "aws-root", "system": "Asset/aws", "account_type": "break-glass",
	"service_owner": "Person/alice", "privileged": true, "mfa": {"enabled": true}, "created_on": "2021-01-01",
	"approval_ref": {"by": "Person/bob", "on": "2021-01-01"}, "last_login_on": "2026-06-22",
	"observed_on": "2026-11-29",
}

_review := {
	"kind": "AccessReview", "id": "ar-q3", "systems": ["Asset/aws"], "review_type": "privileged",
	"reviewer": "Person/bob", "completed_on": "2026-09-18",
	"items": [
		{"account": "Account/aws-alice", "decision": "keep", "decided_by": "Person/bob", "decided_on": "2026-09-15"},
		{"account": "Account/aws-root", "decision": "keep", "decided_by": "Person/bob", "decided_on": "2026-09-15"},
	],
}

_records := {
	"Role": {"prod-admin": _admin_role, "engineer": _eng_role},
	"Person": {"alice": _alice, "bob": _bob},
	"Account": {"aws-alice": _admin, "aws-root": _root},
	"AccessReview": {"ar-q3": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_accounts(extra) := {"Account": object.union(object.remove(_base_accounts, object.keys(extra)), extra)}

_base_accounts := {"aws-alice": _admin, "aws-root": _root}

test_pass_all_rules if {
	fs := a8_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_holder_without_privileged_role if {
	bobs := object.union(_admin, {"id": "aws-bob", "holder": "Person/bob"})
	review := object.union(_review, {"items": array.concat(_review.items, [{
		"account": "Account/aws-bob", "decision": "keep",
		"decided_by": "Person/alice", "decided_on": "2026-09-15",
	}])})
	extra := object.union(_accounts({"aws-bob": bobs}), {"AccessReview": {"ar-q3": review}})
	fs := a8_2.findings with input as _input(extra)
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Account/aws-bob#holder"]
	f.message == concat("", [
		"privileged Account/aws-bob (Asset/aws) belongs to Person/bob, who holds no privileged Role (Role/prod-admin): ",
		"remove the privilege or assign the role",
	])
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r1_holder_left if {
	gone := object.union(_alice, {"end_date": "2026-11-01"})
	fs := a8_2.findings with input as _input({"Person": {"alice": gone, "bob": _bob}})
	"fail" in _outcomes("R1", fs)
}

test_fail_r2_no_mfa if {
	no_mfa := object.union(_admin, {"mfa": {"enabled": false}})
	fs := a8_2.findings with input as _input(_accounts({"aws-alice": no_mfa}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/aws-alice#mfa"]
}

test_fail_r2_no_approval if {
	fs := a8_2.findings with input as _input(_accounts({"aws-alice": object.remove(_admin, ["approval_ref"])}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/aws-alice"]
}

test_pass_r2_service_account_without_mfa if {
	svc := {
		"kind": "Account", "id": "deploy", "system": "Asset/aws", "account_type": "service",
		"service_owner": "Person/alice", "privileged": true, "created_on": "2026-10-01",
		"approval_ref": {"by": "Person/bob", "on": "2026-10-01"}, "observed_on": "2026-11-29",
	}
	fs := a8_2.findings with input as _input(_accounts({"deploy": svc}))
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_review_too_old if {
	old := object.union(_review, {"completed_on": "2026-08-31"})
	fs := a8_2.findings with input as _input({"AccessReview": {"ar-q3": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Account/aws-alice"]
	contains(f.message, "(access_review_days.privileged; last: 2026-08-31)")
}

test_pass_r3_review_on_boundary if {
	edge := object.union(_review, {"completed_on": "2026-09-01"})
	fs := a8_2.findings with input as _input({"AccessReview": {"ar-q3": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r4_too_many_admins if {
	extra := {x: object.union(_admin, {"id": x}) | some x in ["a2", "a3"]}
	fs := a8_2.findings with input as _input(_accounts(extra))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Asset/aws"]
	contains(f.message, "has 3 privileged personal accounts")
}

test_fail_r5_break_glass_never_tested if {
	untested := object.remove(_root, ["last_login_on"])
	fs := a8_2.findings with input as _input(_accounts({"aws-root": untested}))
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["Account/aws-root#last_login_on"]
	f.message == concat("", [
		"break-glass Account/aws-root (Asset/aws) was not used or tested in the last 365 days ",
		"(lookback_days; last: never): test it",
	])
}

test_pass_r5_tested_by_activity if {
	untested := object.remove(_root, ["last_login_on"])
	drill := {
		"kind": "Activity", "id": "bg-test", "activity_type": "maintenance", "subject_refs": ["Account/aws-root"],
		"performed_by": "Person/alice", "performed_on": "2026-03-01", "outcome": "ok",
	}
	extra := object.union(_accounts({"aws-root": untested}), {"Activity": {"bg-test": drill}})
	fs := a8_2.findings with input as _input(extra)
	_outcomes("R5", fs) == {"pass"}
}

test_fail_r5_owner_left if {
	orphan := object.union(_root, {"service_owner": "Person/carol"})
	fs := a8_2.findings with input as _input(_accounts({"aws-root": orphan}))
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["Account/aws-root#service_owner"]
}

test_disabled_accounts_are_ignored if {
	off := object.union(_admin, {"id": "old", "holder": "Person/bob", "disabled_on": "2026-01-01"})
	fs := a8_2.findings with input as _input(_accounts({"old": off}))
	_outcomes("R1", fs) == {"pass"}
}
