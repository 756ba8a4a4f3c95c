package annexa.iso27001.a5_16_test

import data.annexa.iso27001.a5_16
import rego.v1

_params := {
	"lookback_days": 365, "preprovision_days": 7, "offboard_disable_days": 3, "offboard_disable_days_privileged": 1,
	"at_risk_days": 7, "posture_max_age_days": 7,
	"access_review_days": {"privileged": 90, "standard": 180, "physical": 180},
	"exception_max_days": 365, "exception_approver_roles": ["isms-manager", "ciso"],
}

_miriam := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2021-06-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-06-01"}],
}

_nora := {"kind": "Person", "id": "nora", "employment_type": "employee", "start_date": "2026-03-02"}

_ivan := {
	"kind": "Person", "id": "ivan", "employment_type": "employee",
	"start_date": "2022-09-01", "end_date": "2026-10-31",
}

_acc(id, holder, created, extra) := object.union(
	{
		"kind": "Account", "id": id, "system": "Asset/okta", "external_id": id, "account_type": "human",
		"holder": holder, "privileged": false, "created_on": created, "observed_on": "2026-11-29",
	},
	extra,
)

_okta_nora := _acc("okta-nora", "Person/nora", "2026-02-25", {})

_okta_ivan := _acc("okta-ivan", "Person/ivan", "2022-08-31", {"disabled_on": "2026-11-02"})

_aws_ivan := _acc(
	"aws-ivan", "Person/ivan", "2022-08-31",
	{"system": "Asset/aws", "privileged": true, "disabled_on": "2026-11-01"},
)

_svc := {
	"kind": "Account", "id": "svc-backup", "system": "Asset/aws", "external_id": "backup-bot", "account_type": "service",
	"service_owner": "Person/miriam", "description": "Nightly backup job", "privileged": false,
	"created_on": "2024-01-01", "observed_on": "2026-11-29",
}

_review := {
	"kind": "AccessReview", "id": "ar-svc", "systems": ["Asset/aws"], "review_type": "service-accounts",
	"reviewer": "Person/miriam", "completed_on": "2026-09-15",
	"items": [{
		"account": "Account/svc-backup", "decision": "keep",
		"decided_by": "Person/miriam", "decided_on": "2026-09-14",
	}],
}

_records := {
	"Person": {"miriam": _miriam, "nora": _nora, "ivan": _ivan},
	"Account": {"okta-nora": _okta_nora, "okta-ivan": _okta_ivan, "aws-ivan": _aws_ivan, "svc-backup": _svc},
	"AccessReview": {"ar-svc": _review},
}

_accounts(extra) := object.union(object.remove(_records.Account, object.keys(extra)), extra)

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_16.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_unknown_holder if {
	ghost := _acc("okta-ghost", "Person/ghost", "2020-01-01", {})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-ghost": ghost})})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Account/okta-ghost#holder"]
	f.message == concat("", [
		"Account/okta-ghost (human, Asset/okta) names no holder that resolves to a Person (holder: Person/ghost): ",
		"link it to the person who uses it or correct account_type",
	])
}

test_fail_r1_human_account_without_holder if {
	bare := object.remove(_acc("okta-x", "Person/x", "2020-01-01", {}), ["holder"])
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-x": bare})})
	some f in fs
	f.rule == "R1"
	contains(f.message, "(holder: none)")
}

test_fail_r1_two_accounts_in_one_system if {
	second := _acc("okta-nora-2", "Person/nora", "2026-03-01", {})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-nora-2": second})})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Account/okta-nora", "Account/okta-nora-2"]
	f.message == concat("", [
		"Person/nora has 2 enabled human accounts in Asset/okta (Account/okta-nora, Account/okta-nora-2): keep one, ",
		"or record an approved Exception for each extra account",
	])
}

test_pass_r1_extra_account_excepted if {
	second := _acc("okta-nora-2", "Person/nora", "2026-03-01", {})
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["Account/okta-nora-2"], "reason": "test tenant admin",
		"requested_by": "Person/nora", "approved_by": "Person/miriam",
		"approved_on": "2026-03-01", "expires_on": "2027-02-28",
	}
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-nora-2": second}), "Exception": {"exc-1": exc}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_second_account_disabled if {
	second := _acc("okta-nora-2", "Person/nora", "2026-03-01", {"disabled_on": "2026-03-05"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-nora-2": second})})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_created_too_early if {
	early := object.union(_okta_nora, {"created_on": "2026-02-22"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-nora": early})})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/okta-nora#created_on"]
	f.message == concat("", [
		"Account/okta-nora was created on 2026-02-22, 8 days before Person/nora started on 2026-03-02, more than ",
		"preprovision_days (7): create accounts closer to the start date",
	])
}

test_pass_r2_created_exactly_preprovision_days_early if {
	edge := object.union(_okta_nora, {"created_on": "2026-02-23"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-nora": edge})})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_privileged_disabled_late if {
	late := object.union(_aws_ivan, {"disabled_on": "2026-11-02"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"aws-ivan": late})})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Account/aws-ivan#disabled_on"]
	f.message == concat("", [
		"Account/aws-ivan (Asset/aws) of Person/ivan was disabled on 2026-11-02, after the limit 2026-11-01 ",
		"(left on 2026-10-31, offboard_disable_days_privileged 1): disable leavers' accounts in time",
	])
}

test_pass_r3_standard_account_on_limit if {
	edge := object.union(_okta_ivan, {"disabled_on": "2026-11-03"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-ivan": edge})})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_still_enabled if {
	open := object.remove(_okta_ivan, ["disabled_on"])
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-ivan": open})})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Account/okta-ivan"]
	f.message == concat("", [
		"Account/okta-ivan (Asset/okta) of Person/ivan is still enabled on 2026-11-30; they left on 2026-10-31 ",
		"and offboard_disable_days (3) set the limit 2026-11-03: disable it",
	])
}

test_fail_r3_disabled_after_as_of_counts_as_enabled if {
	later := object.union(_okta_ivan, {"disabled_on": "2026-12-01"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-ivan": later})})
	"fail" in _outcomes("R3", fs)
}

test_r3_at_risk_inside_limit if {
	recent := object.union(_ivan, {"end_date": "2026-11-28"})
	open := object.remove(_okta_ivan, ["disabled_on"])
	fs := a5_16.findings with input as _input({
		"Person": {"miriam": _miriam, "nora": _nora, "ivan": recent},
		"Account": _accounts({"okta-ivan": open, "aws-ivan": object.union(_aws_ivan, {"disabled_on": "2026-11-28"})}),
	})
	_outcomes("R3", fs) == {"at_risk", "pass"}
}

test_r3_ignores_accounts_created_after_leaving if {
	after := _acc("okta-ivan-2", "Person/ivan", "2026-11-05", {"disabled_on": "2026-11-20"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-ivan-2": after})})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r4_owner_left if {
	gone := object.union(_miriam, {"end_date": "2026-08-31"})
	fs := a5_16.findings with input as _input({"Person": {"miriam": gone, "nora": _nora, "ivan": _ivan}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Account/svc-backup#service_owner"]
}

test_fail_r4_no_purpose if {
	bare := object.remove(_svc, ["description"])
	fs := a5_16.findings with input as _input({"Account": _accounts({"svc-backup": bare})})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Account/svc-backup#description"]
	f.message == "Account/svc-backup (service, Asset/aws) states no purpose: say in its description what it is used for"
}

test_fail_r4_review_too_old if {
	old := object.union(_review, {"completed_on": "2026-06-02"})
	fs := a5_16.findings with input as _input({"AccessReview": {"ar-svc": old}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Account/svc-backup"]
	f.message == concat("", [
		"Account/svc-backup (service) was not in an access review completed within 180 days ",
		"(access_review_days.standard) of 2026-11-30 (last: 2026-06-02): include it in the next review",
	])
}

test_pass_r4_review_on_boundary if {
	edge := object.union(_review, {"completed_on": "2026-06-03"})
	fs := a5_16.findings with input as _input({"AccessReview": {"ar-svc": edge}})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r5_stale_snapshot if {
	stale := object.union(_okta_nora, {"observed_on": "2026-11-20"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-nora": stale})})
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["Account/okta-nora#observed_on"]
	f.message == concat("", [
		"1 enabled account(s) in Asset/okta were not observed within 7 days (posture_max_age_days) of 2026-11-30 ",
		"(Account/okta-nora; latest: 2026-11-20): re-run the collector for that system",
	])
}

test_pass_r5_disabled_accounts_need_no_snapshot if {
	old := object.union(_okta_ivan, {"observed_on": "2026-01-01"})
	fs := a5_16.findings with input as _input({"Account": _accounts({"okta-ivan": old})})
	_outcomes("R5", fs) == {"pass"}
}
