package annexa.iso27001.a8_18_test

import data.annexa.iso27001.a8_18
import rego.v1

_params := {"access_review_days": {"privileged": 90, "standard": 180}}

_ssm := {
	"kind": "Asset", "id": "ssm", "asset_type": "tool", "owner": "Person/aylin", "environment": "prod",
	"links": {"privileged-utility": ["Role/prod-admin"]},
}

_aylin := {
	"kind": "Person", "id": "aylin", "start_date": "2022-01-01",
	"roles": [{"role": "Role/prod-admin", "from": "2022-01-01"}],
}

_ben := {
	"kind": "Person", "id": "ben", "start_date": "2023-01-01",
	"roles": [{"role": "Role/engineer", "from": "2023-01-01"}],
}

_acc := {
	"kind": "Account", "id": "ssm-aylin", "system": "Asset/ssm", "external_id": "aylin", "account_type": "human",
	"holder": "Person/aylin", "privileged": true, "created_on": "2024-01-01", "observed_on": "2026-11-29",
}

_review := {
	"kind": "AccessReview", "id": "ar-q3", "systems": ["Asset/ssm"], "review_type": "privileged",
	"reviewer": "Person/aylin", "completed_on": "2026-09-01",
	"items": [{
		"account": "Account/ssm-aylin", "decision": "keep",
		"decided_by": "Person/aylin", "decided_on": "2026-09-01",
	}],
}

_log := {
	"kind": "LoggingSource", "id": "log-ssm", "system": "Asset/ssm", "log_types": ["admin-activity"],
	"destination": "Asset/siem", "retention_days": 400, "observed_on": "2026-11-29",
}

_records := {
	"Asset": {"ssm": _ssm},
	"Person": {"aylin": _aylin, "ben": _ben},
	"Account": {"ssm-aylin": _acc},
	"AccessReview": {"ar-q3": _review},
	"LoggingSource": {"log-ssm": _log},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_18.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_nothing_to_check_without_utilities if {
	fs := a8_18.findings with input as _input({"Asset": {}, "Account": {}})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"not_exercised"}
	}
}

test_fail_r1_no_roles_listed if {
	bare := object.union(object.remove(_ssm, ["links"]), {"links": {"privileged-utility": []}})
	fs := a8_18.findings with input as _input({"Asset": {"ssm": bare}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/ssm#links.privileged-utility"]
	f.message == "Asset/ssm is flagged as a privileged utility but names no role allowed to use it: list the roles"
}

test_fail_r1_owner_left if {
	left := object.union(_aylin, {"end_date": "2026-11-01"})
	fs := a8_18.findings with input as _input({"Person": {"aylin": left, "ben": _ben}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/ssm#owner"]
}

test_fail_r1_unflagged_tool_with_privileged_accounts if {
	mdm := {"kind": "Asset", "id": "mdm", "asset_type": "tool", "owner": "Person/aylin", "environment": "corp"}
	admin := object.union(_acc, {"id": "mdm-aylin", "system": "Asset/mdm"})
	fs := a8_18.findings with input as _input({
		"Asset": {"ssm": _ssm, "mdm": mdm},
		"Account": {"ssm-aylin": _acc, "mdm-aylin": admin},
	})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/mdm"]
}

test_pass_r1_disabled_privileged_account_needs_no_flag if {
	mdm := {"kind": "Asset", "id": "mdm", "asset_type": "tool", "owner": "Person/aylin", "environment": "corp"}
	gone := object.union(_acc, {"id": "mdm-aylin", "system": "Asset/mdm", "disabled_on": "2026-11-30"})
	fs := a8_18.findings with input as _input({
		"Asset": {"ssm": _ssm, "mdm": mdm},
		"Account": {"ssm-aylin": _acc, "mdm-aylin": gone},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_account_without_role if {
	bens := object.union(_acc, {"id": "ssm-ben", "holder": "Person/ben"})
	fs := a8_18.findings with input as _input({"Account": {"ssm-aylin": _acc, "ssm-ben": bens}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/ssm-ben#holder"]
	f.message == concat("", [
		"Account/ssm-ben on privileged utility Asset/ssm belongs to Person/ben, who holds none of Role/prod-admin ",
		"on 2026-11-30: remove the access or assign the role",
	])
}

test_fail_r2_service_account_owner_without_role if {
	svc := object.union(object.remove(_acc, ["holder"]), {
		"id": "ssm-bot", "account_type": "service",
		"service_owner": "Person/ben",
	})
	fs := a8_18.findings with input as _input({"Account": {"ssm-aylin": _acc, "ssm-bot": svc}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/ssm-bot#service_owner"]
}

test_fail_r2_review_too_old if {
	old := object.union(_review, {"completed_on": "2026-08-31"})
	fs := a8_18.findings with input as _input({"AccessReview": {"ar-q3": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/ssm"]
	contains(f.message, "(access_review_days.privileged; last: 2026-08-31)")
}

test_pass_r2_review_on_boundary if {
	edge := object.union(_review, {"completed_on": "2026-09-01"})
	fs := a8_18.findings with input as _input({"AccessReview": {"ar-q3": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_use_not_logged if {
	auth_only := object.union(_log, {"log_types": ["auth"]})
	fs := a8_18.findings with input as _input({"LoggingSource": {"log-ssm": auth_only}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/ssm"]
}
