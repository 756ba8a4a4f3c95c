package annexa.iso27001.a5_15_test

import data.annexa.iso27001.a5_15
import rego.v1

_params := {
	"config_scan_days": 7, "lookback_days": 365, "preprovision_days": 7,
	"offboard_disable_days": 3, "offboard_disable_days_privileged": 1,
	"exception_approver_roles": ["isms-manager", "ciso"], "exception_max_days": 365,
	"access_control_checks": ["no-wildcard-admin-policy", "no-root-access-keys", "root-mfa", "no-unused-credentials-90d"],
}

_person(id) := {"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2021-01-01"}

_people := {
	"erin": object.union(_person("erin"), {"roles": [{"role": "Role/isms-manager", "from": "2021-01-01"}]}),
	"dan": _person("dan"),
	"ivan": _person("ivan"),
}

_policy := {
	"kind": "Document", "id": "pol-ac", "doc_type": "topic-policy", "topic": "access-control", "version": "2.0.0",
	"published_on": "2026-02-01", "approvals": [{"by": "Person/erin", "on": "2026-01-30", "decision": "approved"}],
}

_account(id, type, extra) := object.union(
	{
		"kind": "Account", "id": id, "system": "Asset/okta", "external_id": id, "account_type": type,
		"privileged": false, "created_on": "2024-01-01", "observed_on": "2026-11-29",
	},
	extra,
)

_accounts := {
	"okta-dan": _account("okta-dan", "human", {"holder": "Person/dan"}),
	"aws-ci": _account("aws-ci", "service", {
		"system": "Asset/aws-org", "service_owner": "Person/dan",
		"privileged": true,
	}),
	"aws-bg": _account("aws-bg", "break-glass", {
		"system": "Asset/aws-org", "service_owner": "Person/erin",
		"privileged": true,
	}),
	"support": _account("support", "shared", {}),
	"old": _account("old", "human", {"holder": "Person/ghost", "disabled_on": "2026-01-01"}),
	"later": _account("later", "human", {"holder": "Person/ghost", "created_on": "2026-12-01"}),
}

_exception := {
	"kind": "Exception", "id": "exc-1", "applies_to": ["Account/support", "arn:aws:iam::1:root"], "reason": "legacy",
	"requested_by": "Person/ivan", "approved_by": "Person/erin", "approved_on": "2026-06-01", "expires_on": "2027-01-31",
}

_idp := {
	"kind": "TestRun", "id": "idp-1", "test_type": "idp", "performed_on": "2026-11-28T02:00:00Z", "scope": ["Asset/okta"],
	"results": [{"check_id": "no-unused-credentials-90d", "resource": "okta:user/dan", "status": "pass"}],
}

_cspm := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-27", "scope": ["Asset/aws-org"],
	"results": [
		{"check_id": "no-root-access-keys", "resource": "arn:aws:iam::1:user/ci", "status": "pass"},
		{"check_id": "s3-bucket-public", "resource": "arn:aws:s3:::logs", "status": "fail"},
	],
}

_cspm_old := object.union(_cspm, {"id": "cspm-0", "performed_on": "2026-11-01", "results": [
	{"check_id": "no-root-access-keys", "resource": "arn:aws:iam::1:user/ci", "status": "fail"},
]})

_records := {
	"Person": _people,
	"Document": {"pol-ac": _policy},
	"Account": _accounts,
	"Exception": {"exc-1": _exception},
	"TestRun": {"idp-1": _idp, "cspm-1": _cspm, "cspm-0": _cspm_old},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failed(rule, fs) := {r | some f in fs; f.rule == rule; f.outcome == "fail"; some r in f.refs}

test_pass_all_rules if {
	fs := a5_15.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_population_is_enabled_accounts if {
	fs := a5_15.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["Account/aws-bg", "Account/aws-ci", "Account/okta-dan", "Account/support"]
}

# --- R1

test_fail_r1_no_policy if {
	fs := a5_15.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current access-control policy at 2026-11-30: publish a Document with doc_type topic-policy and ",
		"topic access-control and approve its version",
	])
}

test_fail_r1_unapproved_policy if {
	draft := object.remove(_policy, ["approvals"])
	fs := a5_15.findings with input as _input({"Document": {"pol-ac": draft}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-ac"]
}

# --- R2

_dan_leaves(on) := {"Person": object.union(_people, {"dan": object.union(_person("dan"), {"end_date": on})})}

test_fail_r2_leaver_past_offboarding_deadline if {
	fs := a5_15.findings with input as _input(_dan_leaves("2026-11-20"))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/okta-dan#holder"]
	f.message == concat("", [
		"Account/okta-dan (human account in Asset/okta) belongs to Person/dan, who left on 2026-11-20; it had ",
		"to be disabled by 2026-11-23: give it an accountable person or disable it",
	])
}

test_fail_r2_service_owner_left if {
	fs := a5_15.findings with input as _input(_dan_leaves("2026-11-29"))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/aws-ci#service_owner"]
	f.message == concat("", [
		"Account/aws-ci (service account in Asset/aws-org) belongs to Person/dan, who left on 2026-11-29: ",
		"give it an accountable person or disable it",
	])
}

test_r2_leaver_within_offboarding_deadline_is_at_risk if {
	no_ci := {"Account": object.remove(_accounts, ["aws-ci"])}
	fs := a5_15.findings with input as _input(object.union(_dan_leaves("2026-11-27"), no_ci))
	_outcomes("R2", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == "Account/okta-dan (Asset/okta) belongs to Person/dan, who left on 2026-11-27: disable it by 2026-11-30"
}

test_fail_r2_privileged_leaver_has_shorter_deadline if {
	priv := object.union(_accounts["okta-dan"], {"privileged": true})
	accounts := object.union(object.remove(_accounts, ["aws-ci"]), {"okta-dan": priv})
	fs := a5_15.findings with input as _input(object.union(_dan_leaves("2026-11-28"), {"Account": accounts}))
	_failed("R2", fs) == {"Account/okta-dan#holder"}
}

test_pass_r2_preprovisioned_account if {
	newbie := object.union(_person("nina"), {"start_date": "2026-12-07"})
	acc := _account("okta-nina", "human", {"holder": "Person/nina", "created_on": "2026-11-25"})
	fs := a5_15.findings with input as _input({
		"Person": object.union(_people, {"nina": newbie}),
		"Account": object.union(_accounts, {"okta-nina": acc}),
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_provisioned_too_early if {
	newbie := object.union(_person("nina"), {"start_date": "2026-12-08"})
	acc := _account("okta-nina", "human", {"holder": "Person/nina", "created_on": "2026-11-25"})
	fs := a5_15.findings with input as _input({
		"Person": object.union(_people, {"nina": newbie}),
		"Account": object.union(_accounts, {"okta-nina": acc}),
	})
	_failed("R2", fs) == {"Account/okta-nina#holder"}
}

test_fail_r2_human_without_holder if {
	acc := _account("okta-x", "human", {})
	fs := a5_15.findings with input as _input({"Account": object.union(_accounts, {"okta-x": acc})})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.message == "Account/okta-x (human account in Asset/okta) has no holder: give it an accountable person or disable it"
}

test_fail_r2_unknown_holder if {
	acc := _account("okta-x", "human", {"holder": "Person/ghost"})
	fs := a5_15.findings with input as _input({"Account": object.union(_accounts, {"okta-x": acc})})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "names Person/ghost, who has no Person record")
}

test_fail_r2_service_account_without_owner if {
	acc := _account("svc", "service", {})
	fs := a5_15.findings with input as _input({"Account": object.union(_accounts, {"svc": acc})})
	_failed("R2", fs) == {"Account/svc#service_owner"}
}

test_pass_r2_auditor_sponsored if {
	acc := _account("aud", "auditor", {"holder": "Person/external", "service_owner": "Person/erin"})
	fs := a5_15.findings with input as _input({"Account": object.union(_accounts, {"aud": acc})})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_auditor_unsponsored if {
	acc := _account("aud", "auditor", {"holder": "Person/external"})
	fs := a5_15.findings with input as _input({"Account": object.union(_accounts, {"aud": acc})})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/aud#holder"]
	contains(f.message, "has neither an active holder nor an active service_owner")
}

test_fail_r2_shared_without_exception if {
	fs := a5_15.findings with input as _input({"Exception": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/support#account_type"]
	f.message == concat("", [
		"Account/support (shared account in Asset/okta) is shared and no valid Exception lists it (approved by ",
		"a holder of isms-manager or ciso other than the requester, unexpired, valid at most exception_max_days): ",
		"give it an accountable person or disable it",
	])
}

_with_exception(changes) := {"Exception": {"exc-1": object.union(_exception, changes)}}

test_pass_r2_exception_expires_on_as_of if {
	fs := a5_15.findings with input as _input(_with_exception({"expires_on": "2026-11-30"}))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_exception_expired if {
	fs := a5_15.findings with input as _input(_with_exception({"expires_on": "2026-11-29"}))
	_failed("R2", fs) == {"Account/support#account_type"}
}

test_fail_r2_exception_self_approved if {
	fs := a5_15.findings with input as _input(_with_exception({"requested_by": "Person/erin"}))
	_failed("R2", fs) == {"Account/support#account_type"}
}

test_fail_r2_exception_approver_without_role if {
	fs := a5_15.findings with input as _input(_with_exception({"approved_by": "Person/dan"}))
	_failed("R2", fs) == {"Account/support#account_type"}
}

test_fail_r2_exception_too_long if {
	fs := a5_15.findings with input as _input(_with_exception({"approved_on": "2026-01-01", "expires_on": "2027-01-02"}))
	_failed("R2", fs) == {"Account/support#account_type"}
}

test_fail_r2_exception_approved_after_as_of if {
	fs := a5_15.findings with input as _input(_with_exception({"approved_on": "2026-12-01"}))
	_failed("R2", fs) == {"Account/support#account_type"}
}

# --- R3

test_fail_r3_scan_too_old if {
	old := object.union(_idp, {"performed_on": "2026-11-22"})
	fs := a5_15.findings with input as _input({"TestRun": {"idp-1": old, "cspm-1": _cspm}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/idp-1"]
	f.message == concat("", [
		"the latest idp of Asset/okta scan, TestRun/idp-1, ran on 2026-11-22, more than config_scan_days 7 ",
		"before 2026-11-30: run it again",
	])
}

test_pass_r3_scan_on_window_boundary if {
	edge := object.union(_idp, {"performed_on": "2026-11-23T23:00:00Z"})
	fs := a5_15.findings with input as _input({"TestRun": {"idp-1": edge, "cspm-1": _cspm}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_failing_access_check if {
	bad := object.union(_cspm, {"results": [
		{"check_id": "no-root-access-keys", "resource": "arn:aws:iam::1:user/ci", "status": "fail"},
	]})
	fs := a5_15.findings with input as _input({"TestRun": {"idp-1": _idp, "cspm-1": bad}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.0"]
	f.message == concat("", [
		"TestRun/cspm-1 reports no-root-access-keys as fail on arn:aws:iam::1:user/ci: fix it or record an ",
		"approved Exception that lists the resource",
	])
}

test_fail_r3_check_error if {
	bad := object.union(_idp, {"results": [{"check_id": "root-mfa", "status": "error"}]})
	fs := a5_15.findings with input as _input({"TestRun": {"idp-1": bad, "cspm-1": _cspm}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "reports root-mfa as error on (no resource)")
}

test_pass_r3_failing_check_excepted if {
	bad := object.union(_cspm, {"results": [
		{"check_id": "no-root-access-keys", "resource": "arn:aws:iam::1:root", "status": "fail"},
	]})
	fs := a5_15.findings with input as _input({"TestRun": {"idp-1": _idp, "cspm-1": bad}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_no_scan if {
	fs := a5_15.findings with input as _input({"TestRun": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	startswith(f.message, "no idp or cspm TestRun in the 365 days before 2026-11-30")
}

test_pass_r3_discontinued_series_ignored if {
	gone := object.union(_idp, {"id": "idp-old", "scope": ["Asset/onelogin"], "performed_on": "2025-11-29"})
	fs := a5_15.findings with input as _input({"TestRun": {"idp-1": _idp, "cspm-1": _cspm, "idp-old": gone}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_second_series_stale if {
	other := object.union(_idp, {"id": "idp-2", "scope": ["Asset/google"], "performed_on": "2026-11-01"})
	fs := a5_15.findings with input as _input({"TestRun": {"idp-1": _idp, "cspm-1": _cspm, "idp-2": other}})
	_failed("R3", fs) == {"TestRun/idp-2"}
}
