package annexa.iso27001.a8_23_test

import data.annexa.iso27001.a8_23
import rego.v1

_params := {
	"posture_max_age_days": 7, "config_scan_days": 7,
	"blocked_web_categories": ["malware", "newly-registered-domains"],
}

_laptop(id) := {"kind": "Asset", "id": id, "asset_type": "endpoint", "environment": "corp", "location": "Site/office"}

_mdm := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-29T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"],
	"results": [
		{"check_id": "secure_dns_web_filter_active", "resource": "Asset/l1", "status": "pass"},
		{"check_id": "secure_dns_web_filter_active", "resource": "Asset/l2", "status": "pass"},
	],
}

_policy := {
	"kind": "TestRun", "id": "wf-1", "test_type": "web-filter", "performed_on": "2026-11-28T05:00:00Z",
	"scope": ["Asset/dns-filter"],
	"results": [
		{"check_id": "web_filter_blocks:malware", "resource": "Asset/dns-filter", "status": "pass"},
		{"check_id": "web_filter_blocks:newly-registered-domains", "resource": "Asset/dns-filter", "status": "pass"},
		{"check_id": "web_filter_blocks:gambling", "resource": "Asset/dns-filter", "status": "fail"},
	],
}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Asset": {"l1": _laptop("l1"), "l2": _laptop("l2")},
	"TestRun": {"mdm-1": _mdm, "wf-1": _policy},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_23.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r1_agent_off if {
	off := object.union(_mdm, {"results": [
		_mdm.results[0],
		{"check_id": "secure_dns_web_filter_active", "resource": "Asset/l2", "status": "fail"},
	]})
	fs := a8_23.findings with input as _input({"TestRun": {"mdm-1": off, "wf-1": _policy}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/l2"]
	f.message == concat("", [
		"Asset/l2 fails its web filter check of 2026-11-29 (secure_dns_web_filter_active fail) ",
		"(posture_max_age_days 7) and its site has no passing web filter check: ",
		"turn on the secure DNS or web filter agent",
	])
}

test_pass_r1_site_level_filtering if {
	site := {
		"kind": "TestRun", "id": "wf-site", "test_type": "web-filter", "performed_on": "2026-11-29", "scope": ["Site/office"],
		"results": [{"check_id": "gateway_filtering_enabled", "resource": "Site/office", "status": "pass"}],
	}
	l3 := _laptop("l3")
	fs := a8_23.findings with input as _input({
		"Asset": {"l1": _laptop("l1"), "l2": _laptop("l2"), "l3": l3},
		"TestRun": {"mdm-1": _mdm, "wf-1": _policy, "wf-site": site},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_snapshot_too_old if {
	inp := _input({"TestRun": {"mdm-1": object.union(_mdm, {"performed_on": "2026-11-22"}), "wf-1": _policy}})
	fs := a8_23.findings with input as inp
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/l1"]
}

test_fail_r2_category_not_blocked if {
	weak := object.union(_policy, {"results": [
		_policy.results[0],
		{"check_id": "web_filter_blocks:newly-registered-domains", "resource": "Asset/dns-filter", "status": "fail"},
	]})
	fs := a8_23.findings with input as _input({"TestRun": {"mdm-1": _mdm, "wf-1": weak}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/wf-1#results.1"]
	f.message == concat("", [
		"the web filter policy checked on 2026-11-28 does not block newly-registered-domains ",
		"(blocked_web_categories): block the category",
	])
}

test_fail_r2_category_missing if {
	short := object.union(_policy, {"results": [_policy.results[0]]})
	fs := a8_23.findings with input as _input({"TestRun": {"mdm-1": _mdm, "wf-1": short}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r2_no_policy_export if {
	fs := a8_23.findings with input as _input({"TestRun": {"mdm-1": _mdm}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "(config_scan_days; last: never)")
}

test_pass_r2_export_on_window_boundary if {
	edge := object.union(_policy, {"performed_on": "2026-11-23"})
	fs := a8_23.findings with input as _input({"TestRun": {"mdm-1": _mdm, "wf-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}
