package annexa.iso27001.a8_4_test

import data.annexa.iso27001.a8_4
import rego.v1

_params := {"config_scan_days": 7, "access_review_days": {"privileged": 90}}

_org := {
	"kind": "Asset", "id": "gh", "asset_type": "repository", "classification": "confidential",
	"environment": "corp",
}

_repo := {
	"kind": "Asset", "id": "repo-app", "asset_type": "repository", "classification": "confidential",
	"environment": "prod", "external_ids": {"repo": "github.com/acme/app"},
}

_docs := {
	"kind": "Asset", "id": "repo-docs", "asset_type": "repository", "classification": "public",
	"environment": "dev",
}

_settings := {
	"kind": "TestRun", "id": "vcs-1", "test_type": "vcs-settings", "performed_on": "2026-11-29T04:45:00Z",
	"scope": ["Asset/gh", "Asset/repo-app"],
	"results": [
		{"check_id": "repository_private", "resource": "Asset/repo-app", "status": "pass"},
		{"check_id": "branch_protection_no_direct_push", "resource": "github.com/acme/app", "status": "pass"},
	],
}

_eng := {"kind": "Role", "id": "engineer", "privileged": false}

_alice := {
	"kind": "Person", "id": "alice", "start_date": "2024-01-01",
	"roles": [{"role": "Role/engineer", "from": "2024-01-01"}],
}

_sam := {
	"kind": "Person", "id": "sam", "start_date": "2024-01-01",
	"roles": [{"role": "Role/support-agent", "from": "2024-01-01"}],
}

_owner := {
	"kind": "Account", "id": "gh-alice", "system": "Asset/gh", "account_type": "human", "holder": "Person/alice",
	"privileged": true, "entitlements": ["org:owner"], "created_on": "2024-01-02", "observed_on": "2026-11-29",
}

_reader := {
	"kind": "Account", "id": "gh-sam", "system": "Asset/gh", "account_type": "human", "holder": "Person/sam",
	"privileged": false, "entitlements": ["repo:read"], "created_on": "2024-01-02", "observed_on": "2026-11-29",
}

_review := {
	"kind": "AccessReview", "id": "ar-gh", "systems": ["Asset/gh"], "review_type": "source-code",
	"reviewer": "Person/alice", "completed_on": "2026-09-18",
	"items": [{"account": "Account/gh-alice", "decision": "keep", "decided_by": "Person/sam", "decided_on": "2026-09-15"}],
}

_records := {
	"Asset": {"gh": _org, "repo-app": _repo, "repo-docs": _docs},
	"TestRun": {"vcs-1": _settings},
	"Role": {"engineer": _eng},
	"Person": {"alice": _alice, "sam": _sam},
	"Account": {"gh-alice": _owner, "gh-sam": _reader},
	"AccessReview": {"ar-gh": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_population_leaves_out_org_and_public_repo if {
	fs := a8_4.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Asset/repo-app"]
}

test_fail_r1_repository_public if {
	results := [
		{"check_id": "repository_private", "resource": "Asset/repo-app", "status": "fail"},
		_settings.results[1],
	]
	fs := a8_4.findings with input as _input({"TestRun": {"vcs-1": object.union(_settings, {"results": results})}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["TestRun/vcs-1#results.0"]
	f.message == concat("", [
		"Asset/repo-app is not shown to be private (repository_private): repository_private reported fail on 2026-11-29; ",
		"make it private or classify it public",
	])
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r1_settings_stale if {
	old := object.union(_settings, {"performed_on": "2026-11-20"})
	fs := a8_4.findings with input as _input({"TestRun": {"vcs-1": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/repo-app"]
	contains(f.message, "(config_scan_days; last: 2026-11-20)")
}

test_fail_r2_writer_without_engineering_role if {
	writer := object.union(_reader, {"entitlements": ["repo:write"]})
	fs := a8_4.findings with input as _input({"Account": {"gh-alice": _owner, "gh-sam": writer}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/gh-sam"]
	f.message == concat("", [
		"Account/gh-sam can change code in Asset/gh (repo:write) but belongs to Person/sam, ",
		"who holds no engineering or privileged Role at 2026-11-30: remove its write access",
	])
}

test_fail_r2_leaver_keeps_write_access if {
	gone := object.union(_alice, {"end_date": "2026-10-31"})
	fs := a8_4.findings with input as _input({"Person": {"alice": gone, "sam": _sam}})
	"fail" in _outcomes("R2", fs)
}

test_pass_r2_service_account_owned_by_engineer if {
	bot := {
		"kind": "Account", "id": "bot", "system": "Asset/gh", "account_type": "service", "service_owner": "Person/alice",
		"privileged": false, "entitlements": ["contents:write acme/app"], "created_on": "2024-01-02",
		"observed_on": "2026-11-29",
	}
	fs := a8_4.findings with input as _input({"Account": {"gh-alice": _owner, "gh-sam": _reader, "bot": bot}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_branch_unprotected if {
	open := {"check_id": "branch_protection_no_direct_push", "resource": "github.com/acme/app", "status": "fail"}
	results := [_settings.results[0], open]
	fs := a8_4.findings with input as _input({"TestRun": {"vcs-1": object.union(_settings, {"results": results})}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/vcs-1#results.1"]
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r3_no_branch_check if {
	private_only := object.union(_settings, {"results": [_settings.results[0]]})
	fs := a8_4.findings with input as _input({"TestRun": {"vcs-1": private_only}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "last: never")
}

test_fail_r4_admin_not_reviewed if {
	other := object.union(_review, {"review_type": "standard"})
	fs := a8_4.findings with input as _input({"AccessReview": {"ar-gh": other}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Account/gh-alice"]
	contains(f.message, "(access_review_days.privileged; last: never)")
}

test_pass_r4_review_on_boundary if {
	edge := object.union(_review, {"completed_on": "2026-09-01"})
	fs := a8_4.findings with input as _input({"AccessReview": {"ar-gh": edge}})
	_outcomes("R4", fs) == {"pass"}
}
