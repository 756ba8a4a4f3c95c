package annexa.iso27001.a5_9_test

import data.annexa.iso27001.a5_9
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7, "unknown_asset_tolerance": 0,
	"inventory_review_days": 365, "owner_reassign_days": 30,
}

_person(id) := {"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2021-01-01"}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "owner": "Person/dan", "classification": "internal",
	"criticality": "high", "environment": "prod", "external_ids": {"hostname": "app-1.example.net"},
}

_laptop := {
	"kind": "Asset", "id": "laptop", "asset_type": "endpoint", "owner": "Person/erin", "classification": "internal",
	"criticality": "medium", "environment": "corp", "external_ids": {"mdm_id": "0042"},
}

_mdm := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-28T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"], "coverage": {"in_scope": 1, "covered": 1},
	"results": [{"check_id": "disk_encryption", "resource": "mdm:0042", "status": "pass"}],
}

_scan := {
	"kind": "TestRun", "id": "scan-1", "test_type": "vuln-scan", "performed_on": "2026-11-20",
	"scope": ["Asset/app"], "results": [{"check_id": "CVE-1", "resource": "app-1.example.net", "status": "pass"}],
}

_account := {
	"kind": "Account", "id": "gh-dan", "system": "Asset/app", "external_id": "dan", "account_type": "human",
	"holder": "Person/dan", "privileged": false, "created_on": "2024-01-01", "observed_on": "2026-11-29",
}

_review := {
	"kind": "Activity", "id": "inv-2026", "activity_type": "asset-inventory-review", "subject_refs": ["Asset/app"],
	"performed_by": "Person/erin", "performed_on": "2026-03-01", "outcome": "issues-found",
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Person": {"dan": _person("dan"), "erin": _person("erin")},
	"Asset": {"app": _app, "laptop": _laptop},
	"TestRun": {"mdm-1": _mdm, "scan-1": _scan},
	"Account": {"gh-dan": _account},
	"Activity": {"inv-2026": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_9.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_population_names_the_records_read if {
	fs := a5_9.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["Account/gh-dan", "TestRun/mdm-1", "TestRun/scan-1"]
}

# --- R1

test_fail_r1_incomplete_entry if {
	bad := object.union(object.remove(_laptop, ["criticality"]), {"classification": " "})
	fs := a5_9.findings with input as _input({"Asset": {"app": _app, "laptop": bad}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop"]
	f.message == "Asset/laptop has no classification, no criticality: complete its inventory entry"
}

test_fail_r1_unknown_owner if {
	bad := object.union(_laptop, {"owner": "Person/ghost"})
	fs := a5_9.findings with input as _input({"Asset": {"app": _app, "laptop": bad}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.message == "Asset/laptop has owner Person/ghost has no Person record: complete its inventory entry"
}

test_fail_r1_owner_not_started if {
	later := object.union(_person("fred"), {"start_date": "2026-12-01"})
	bad := object.union(_laptop, {"owner": "Person/fred"})
	fs := a5_9.findings with input as _input({
		"Asset": {"app": _app, "laptop": bad},
		"Person": {"dan": _person("dan"), "erin": _person("erin"), "fred": later},
	})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "owner Person/fred starts only on 2026-12-01")
}

test_fail_r1_missing_owner if {
	bad := object.remove(_laptop, ["owner"])
	fs := a5_9.findings with input as _input({"Asset": {"app": _app, "laptop": bad}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.message == "Asset/laptop has no owner: complete its inventory entry"
}

test_pass_r1_ignores_retired_assets if {
	retired := object.union(object.remove(_laptop, ["owner"]), {"lifecycle": {"retired_on": "2026-06-01"}})
	fs := a5_9.findings with input as _input({"Asset": {"app": _app, "laptop": retired}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_unknown_device if {
	mdm := object.union(_mdm, {"results": [
		{"check_id": "disk_encryption", "resource": "mdm:0042", "status": "pass"},
		{"check_id": "disk_encryption", "resource": "mdm:0099", "status": "fail"},
	]})
	fs := a5_9.findings with input as _input({"TestRun": {"mdm-1": mdm, "scan-1": _scan}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/mdm-1#results.1.resource"]
	f.message == concat("", [
		"mdm:0099, seen by TestRun/mdm-1, matches no Asset reference or external_ids value (1 unmatched, ",
		"unknown_asset_tolerance 0): add it to the inventory or record the id in the Asset's external_ids",
	])
}

test_fail_r2_account_in_unknown_system if {
	acc := object.union(_account, {"system": "Asset/slack"})
	fs := a5_9.findings with input as _input({"Account": {"gh-dan": acc}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/gh-dan#system"]
}

test_fail_r2_coverage_missing_and_scope_refs if {
	mdm := object.union(_mdm, {"coverage": {"in_scope": 2, "covered": 1, "missing": ["Asset/laptop-0093"]}})
	scan := object.union(_scan, {"scope": ["Asset/app", "Asset/db"]})
	fs := a5_9.findings with input as _input({"TestRun": {"mdm-1": mdm, "scan-1": scan}})
	refs := {r | some f in fs; f.rule == "R2"; f.outcome == "fail"; some r in f.refs}
	refs == {"TestRun/mdm-1#coverage.missing.0", "TestRun/scan-1#scope.1"}
}

test_pass_r2_within_tolerance if {
	acc := object.union(_account, {"system": "Asset/slack"})
	inp := object.union(_input({"Account": {"gh-dan": acc}}), {"params": {"unknown_asset_tolerance": 1}})
	fs := a5_9.findings with input as inp
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_other_records_and_plain_ids_resolve if {
	scan := object.union(_scan, {"results": [
		{"check_id": "mfa", "resource": "Account/gh-dan", "status": "pass"},
		{"check_id": "x", "resource": "0042", "status": "pass"},
		{"check_id": "y", "status": "pass"},
	]})
	fs := a5_9.findings with input as _input({"TestRun": {"mdm-1": _mdm, "scan-1": scan}})
	_outcomes("R2", fs) == {"pass"}
}

_old_scan(on) := object.union(_scan, {"id": "scan-0", "performed_on": on, "results": [
	{"check_id": "CVE-1", "resource": "old-host", "status": "fail"},
]})

test_pass_r2_ignores_runs_before_lookback if {
	runs := {"TestRun": {"mdm-1": _mdm, "scan-1": _scan, "scan-0": _old_scan("2025-11-29")}}
	fs := a5_9.findings with input as _input(runs)
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_run_on_lookback_boundary if {
	runs := {"TestRun": {"mdm-1": _mdm, "scan-1": _scan, "scan-0": _old_scan("2025-11-30")}}
	fs := a5_9.findings with input as _input(runs)
	"fail" in _outcomes("R2", fs)
}

# --- R3

test_fail_r3_review_too_old if {
	old := object.union(_review, {"performed_on": "2025-11-29"})
	fs := a5_9.findings with input as _input({"Activity": {"inv-2026": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Activity/inv-2026"]
	f.message == concat("", [
		"no asset-inventory-review Activity within inventory_review_days 365 of 2026-11-30 (last: 2025-11-29): ",
		"review the inventory and record it",
	])
}

test_pass_r3_review_on_boundary if {
	edge := object.union(_review, {"performed_on": "2025-11-30"})
	fs := a5_9.findings with input as _input({"Activity": {"inv-2026": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_never_reviewed if {
	other := object.union(_review, {"activity_type": "log-review", "performed_on": "2026-11-01"})
	future := object.union(_review, {"id": "inv-next", "performed_on": "2026-12-01"})
	fs := a5_9.findings with input as _input({"Activity": {"inv-2026": other, "inv-next": future}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "(last: never)")
}

# --- R4

_people_with_dan_leaving(on) := {"Person": {
	"dan": object.union(_person("dan"), {"end_date": on}),
	"erin": _person("erin"),
}}

test_fail_r4_owner_left_too_long_ago if {
	fs := a5_9.findings with input as _input(_people_with_dan_leaving("2026-10-30"))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Asset/app#owner"]
	f.message == concat("", [
		"Asset/app is still owned by Person/dan, who left on 2026-10-30; it had to be reassigned by 2026-11-29 ",
		"(owner_reassign_days 30): assign an owner who works here now",
	])
}

test_r4_at_risk_on_deadline if {
	fs := a5_9.findings with input as _input(_people_with_dan_leaving("2026-10-31"))
	_outcomes("R4", fs) == {"pass", "at_risk"}
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r4_recent_leaver_far_from_deadline if {
	fs := a5_9.findings with input as _input(_people_with_dan_leaving("2026-11-20"))
	_outcomes("R4", fs) == {"pass"}
}

test_pass_r4_future_leaving_date if {
	fs := a5_9.findings with input as _input(_people_with_dan_leaving("2026-12-31"))
	_outcomes("R4", fs) == {"pass"}
}
