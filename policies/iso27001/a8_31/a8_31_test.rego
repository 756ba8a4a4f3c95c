package annexa.iso27001.a8_31_test

import data.annexa.iso27001.a8_31
import rego.v1

_params := {"config_scan_days": 7, "exception_approver_roles": ["isms-manager"], "exception_max_days": 365}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod",
	"external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:111:service/prod/app"},
}

_staging := {
	"kind": "Asset", "id": "app-stg", "asset_type": "application", "environment": "staging",
	"external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:222:service/stg/app"},
}

_aws := {
	"kind": "Asset", "id": "aws", "asset_type": "cloud-account", "environment": "prod",
	"external_ids": {"account_id": "111"},
}

_copy := {
	"kind": "Asset", "id": "db-copy", "asset_type": "data-store", "environment": "test",
	"derived_from_production": true, "masking_applied": true,
	"external_ids": {"cloud_arn": "arn:aws:rds:eu-central-1:222:db:copy"},
	"lifecycle": {"in_service_on": "2026-10-01"}, "pii": {"contains_pii": true, "retention_days": 90},
}

_exception := {
	"kind": "Exception", "id": "exc-copy", "applies_to": ["rule:8.33/R1", "Asset/db-copy"],
	"reason": "load test with production volumes", "requested_by": "Person/dan", "approved_by": "Person/miriam",
	"approved_on": "2026-10-01", "expires_on": "2027-01-31",
}

_roles := {
	"engineer": {"kind": "Role", "id": "engineer", "privileged": false},
	"prod-admin": {"kind": "Role", "id": "prod-admin", "privileged": true},
	"isms-manager": {"kind": "Role", "id": "isms-manager", "privileged": false},
}

_dan := {
	"kind": "Person", "id": "dan", "employment_type": "employee", "start_date": "2024-01-08",
	"roles": [{"role": "Role/engineer", "from": "2024-01-08"}],
}

_ops := {
	"kind": "Person", "id": "ops", "employment_type": "employee", "start_date": "2021-06-01",
	"roles": [{"role": "Role/engineer", "from": "2021-06-01"}, {"role": "Role/prod-admin", "from": "2022-03-01"}],
}

_miriam := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2021-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-01-01"}],
}

_account(id, holder, privileged, entitlements) := {
	"kind": "Account", "id": id, "system": "Asset/aws", "external_id": id, "account_type": "human",
	"holder": holder, "privileged": privileged, "entitlements": entitlements,
	"created_on": "2024-01-07", "observed_on": "2026-11-29",
}

_accounts := {
	"aws-dan": _account("aws-dan", "Person/dan", false, ["Developer@staging", "ReadOnly@prod"]),
	"aws-ops": _account("aws-ops", "Person/ops", true, ["AdministratorAccess@prod"]),
}

_separation(status, on) := {
	"kind": "TestRun", "id": "sep-1", "test_type": "network-separation", "performed_on": on,
	"scope": ["Asset/aws"],
	"results": [{"check_id": "account_separation_prod_nonprod", "resource": "Asset/aws", "status": status}],
}

_records := {
	"Asset": {"app": _app, "app-stg": _staging, "aws": _aws, "db-copy": _copy},
	"Exception": {"exc-copy": _exception},
	"Role": _roles,
	"Person": {"dan": _dan, "ops": _ops, "miriam": _miriam},
	"Account": _accounts,
	"TestRun": {"sep-1": _separation("pass", "2026-11-29T03:00:00Z")},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

_base_assets := {"app": _app, "app-stg": _staging, "aws": _aws, "db-copy": _copy}

_assets(extra) := object.union(object.remove(_base_assets, object.keys(extra)), extra)

test_pass_all_rules if {
	fs := a8_31.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_non_production_in_production_account if {
	mixed := object.union(_staging, {"external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:111:service/stg/app"}})
	fs := a8_31.findings with input as _input({"Asset": _assets({"app-stg": mixed})})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Asset/app-stg#external_ids"],
		"message": concat("", [
			"Asset/app-stg (staging) sits in account 111 together with production Asset/app, Asset/aws: ",
			"move it to a non-production account or project",
		]),
	}}
}

test_fail_r1_missing_environment if {
	loose := object.remove(_staging, ["environment"])
	fs := a8_31.findings with input as _input({"Asset": _assets({"app-stg": loose})})
	some f in _fails("R1", fs)
	f.refs == ["Asset/app-stg"]
	contains(f.message, "has no environment (prod, staging, test, dev or corp)")
}

test_pass_r1_corp_assets_share_accounts if {
	corp := object.union(_staging, {"id": "wiki", "environment": "corp", "external_ids": {"account_id": "111"}})
	fs := a8_31.findings with input as _input({"Asset": _assets({"wiki": corp})})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_separation_check_failed if {
	fs := a8_31.findings with input as _input({"TestRun": {"sep-1": _separation("fail", "2026-11-29T03:00:00Z")}})
	some f in _fails("R1", fs)
	f.refs == ["TestRun/sep-1#results.0"]
	contains(f.message, "Asset/aws fails its environment separation check of 2026-11-29")
}

test_pass_r1_stale_failed_separation_check_ignored if {
	fs := a8_31.findings with input as _input({"TestRun": {"sep-1": _separation("fail", "2026-11-22T03:00:00Z")}})
	_outcomes("R1", fs) == {"pass"}
}

test_r1_retired_assets_ignored if {
	old := object.union(_staging, {
		"id": "old", "external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:111:service/stg/old"},
		"lifecycle": {"retired_on": "2026-11-30"},
	})
	fs := a8_31.findings with input as _input({"Asset": _assets({"old": old})})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_developer_with_production_admin if {
	admin := _account("aws-dan", "Person/dan", false, ["Developer@staging", "PowerUser@prod"])
	fs := a8_31.findings with input as _input({"Account": object.union(_accounts, {"aws-dan": admin})})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Account/aws-dan#entitlements"],
		"message": concat("", [
			"Account/aws-dan of Person/dan (an engineer without a privileged role) has standing write access to ",
			"production (PowerUser@prod): remove it, or grant it just in time or through an approved break-glass account",
		]),
	}}
}

test_fail_r2_unscoped_write_in_production_system if {
	writer := _account("aws-dan", "Person/dan", false, ["repo:write"])
	fs := a8_31.findings with input as _input({"Account": object.union(_accounts, {"aws-dan": writer})})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_privileged_flag_in_production if {
	priv := _account("aws-dan", "Person/dan", true, ["ReadOnly@prod"])
	fs := a8_31.findings with input as _input({"Account": object.union(_accounts, {"aws-dan": priv})})
	_outcomes("R2", fs) == {"fail"}
}

test_pass_r2_write_in_non_production_system if {
	gh := {"kind": "Asset", "id": "gh", "asset_type": "repository", "environment": "corp"}
	writer := object.union(_account("gh-dan", "Person/dan", false, ["repo:write"]), {"system": "Asset/gh"})
	fs := a8_31.findings with input as _input({
		"Asset": _assets({"gh": gh}),
		"Account": object.union(_accounts, {"gh-dan": writer}),
	})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_just_in_time_role if {
	jit := _account("aws-dan", "Person/dan", false, ["Admin@prod (JIT)", "Developer@staging"])
	fs := a8_31.findings with input as _input({"Account": object.union(_accounts, {"aws-dan": jit})})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_approved_break_glass if {
	bg := object.union(_account("bg", "Person/dan", true, ["root"]), {
		"account_type": "break-glass", "service_owner": "Person/dan",
		"approval_ref": {"by": "Person/miriam", "on": "2024-01-05"},
	})
	fs := a8_31.findings with input as _input({"Account": object.union(_accounts, {"bg": object.remove(bg, ["holder"])})})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_unapproved_break_glass if {
	bg := object.union(_account("bg", "Person/dan", true, ["root"]), {
		"account_type": "break-glass",
		"service_owner": "Person/dan",
	})
	fs := a8_31.findings with input as _input({"Account": object.union(_accounts, {"bg": object.remove(bg, ["holder"])})})
	{f.refs | some f in _fails("R2", fs)} == {["Account/bg#entitlements"]}
}

test_pass_r2_excepted_account if {
	admin := _account("aws-dan", "Person/dan", false, ["AdministratorAccess@prod"])
	exc := object.union(_exception, {"id": "exc-dan", "applies_to": ["rule:8.31/R2", "Account/aws-dan"]})
	fs := a8_31.findings with input as _input({
		"Account": object.union(_accounts, {"aws-dan": admin}),
		"Exception": {"exc-copy": _exception, "exc-dan": exc},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_disabled_account_ignored if {
	admin := _account("aws-dan", "Person/dan", false, ["AdministratorAccess@prod"])
	gone := object.union(admin, {"disabled_on": "2026-11-30"})
	fs := a8_31.findings with input as _input({"Account": object.union(_accounts, {"aws-dan": gone})})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r2_operator_role_ended if {
	# A role's to is exclusive: from that day the engineer is a developer again.
	ended := object.union(_ops, {"roles": [
		{"role": "Role/engineer", "from": "2021-06-01"},
		{"role": "Role/prod-admin", "from": "2022-03-01", "to": "2026-11-30"},
	]})
	fs := a8_31.findings with input as _input({"Person": {"dan": _dan, "ops": ended, "miriam": _miriam}})
	{f.refs | some f in _fails("R2", fs)} == {["Account/aws-ops#entitlements"]}
}

# --- R3

test_fail_r3_copy_without_exception if {
	fs := a8_31.findings with input as _input({"Exception": {}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Asset/db-copy#derived_from_production"],
		"message": concat("", [
			"Asset/db-copy (test) holds a copy of production data, but no valid Exception naming it with ",
			"rule:8.33/R1 or iso27001:A.8.33 authorises the copy: meet the test-data conditions of A.8.33 ",
			"or remove the copy",
		]),
	}}
}

test_fail_r3_copy_not_masked if {
	raw := object.union(_copy, {"masking_applied": false})
	fs := a8_31.findings with input as _input({"Asset": _assets({"db-copy": raw})})
	some f in _fails("R3", fs)
	contains(f.message, "but masking_applied is not true:")
}

test_fail_r3_pii_scan_found_data if {
	scan := {
		"kind": "TestRun", "id": "pii-1", "test_type": "pii-scan", "performed_on": "2026-11-02T02:00:00Z",
		"scope": ["Asset/db-copy"],
		"results": [{"check_id": "unmasked_email", "resource": "Asset/db-copy", "status": "fail"}],
	}
	sep := _separation("pass", "2026-11-29T03:00:00Z")
	fs := a8_31.findings with input as _input({"TestRun": {"sep-1": sep, "pii-1": scan}})
	some f in _fails("R3", fs)
	contains(f.message, "the latest PII scan (TestRun/pii-1 on 2026-11-02) reports unmasked_email fail")
}

test_fail_r3_deletion_date_passed if {
	old := object.union(_copy, {"lifecycle": {"in_service_on": "2026-08-01"}})
	fs := a8_31.findings with input as _input({"Asset": _assets({"db-copy": old})})
	some f in _fails("R3", fs)
	contains(f.message, "its planned deletion date 2026-10-30 (lifecycle.in_service_on + pii.retention_days) has passed")
}

test_pass_r3_deletion_date_today if {
	edge := object.union(_copy, {"lifecycle": {"in_service_on": "2026-09-01"}})
	fs := a8_31.findings with input as _input({"Asset": _assets({"db-copy": edge})})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_exception_expired if {
	expired := object.union(_exception, {"expires_on": "2026-11-29"})
	fs := a8_31.findings with input as _input({"Exception": {"exc-copy": expired}})
	some f in _fails("R3", fs)
	contains(f.message, "Exception/exc-copy: waiver expired on 2026-11-29")
}

test_fail_r3_exception_not_scoped if {
	loose := object.union(_exception, {"applies_to": ["Asset/db-copy"]})
	fs := a8_31.findings with input as _input({"Exception": {"exc-copy": loose}})
	some f in _fails("R3", fs)
	contains(f.message, "Exception/exc-copy is not scoped to rule:8.33/R1 or iso27001:A.8.33")
}

test_r3_not_exercised_without_copies if {
	synthetic := object.union(_copy, {"derived_from_production": false})
	fs := a8_31.findings with input as _input({"Asset": _assets({"db-copy": synthetic})})
	_outcomes("R3", fs) == {"not_exercised"}
}
