package annexa.iso27001.a8_21_test

import data.annexa.iso27001.a8_21
import rego.v1

_params := {"config_scan_days": 7, "min_tls_version": 1.2}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod", "criticality": "high",
	"internet_facing": true, "external_ids": {"hostname": "app.example"},
}

_cdn := {
	"kind": "Asset", "id": "cdn", "asset_type": "network", "environment": "prod", "criticality": "medium",
	"supplier": "Supplier/cdn-co",
}

_cdn_co := {
	"kind": "Supplier", "id": "cdn-co", "supplier_type": "network-service", "relationship": {"start_on": "2024-01-01"},
	"contract": {"signed_on": "2024-01-01", "clauses": ["confidentiality", "security-requirements"]},
}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z", "scope": ["Asset/app"],
	"results": [
		{"check_id": "elbv2_listener_tls_1_2_or_higher", "resource": "app.example", "status": "pass"},
		{"check_id": "wafv2_webacl_attached", "resource": "Asset/app", "status": "pass"},
	],
}

_records := {
	"Asset": {"app": _app, "cdn": _cdn},
	"Supplier": {"cdn-co": _cdn_co},
	"TestRun": {"cspm-1": _scan},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_results(results) := {"TestRun": {"cspm-1": object.union(_scan, {"results": results})}}

test_pass_all_rules if {
	fs := a8_21.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_security_clause if {
	weak := object.union(_cdn_co, {"contract": {"clauses": ["confidentiality"]}})
	fs := a8_21.findings with input as _input({"Supplier": {"cdn-co": weak}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/cdn-co#contract.clauses"]
	f.message == concat("", [
		"Supplier/cdn-co provides network services (Asset/cdn) but its contract does not list ",
		"security-requirements: agree security terms",
	])
}

test_fail_r1_service_not_inventoried if {
	fs := a8_21.findings with input as _input({"Asset": {"app": _app}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/cdn-co"]
}

test_pass_r1_ended_supplier_ignored if {
	ended := object.union(_cdn_co, {"relationship": {"end_on": "2026-06-30"}})
	fs := a8_21.findings with input as _input({"Asset": {"app": _app}, "Supplier": {"cdn-co": ended}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_weak_tls if {
	fs := a8_21.findings with input as _input(_with_results([
		{"check_id": "elbv2_listener_tls_1_0_or_higher", "resource": "Asset/app", "status": "pass"},
		{"check_id": "elbv2_listener_tls_1_2_or_higher", "resource": "Asset/app", "status": "fail"},
		_scan.results[1],
	]))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/app"]
	f.message == concat("", [
		"Asset/app accepts TLS below min_tls_version 1.2 in the check of 2026-11-29 ",
		"(elbv2_listener_tls_1_2_or_higher fail): disable the older protocol versions",
	])
}

test_fail_r2_only_weaker_floor_checked if {
	fs := a8_21.findings with input as _input(_with_results([
		{"check_id": "tls_1_1_or_higher", "resource": "Asset/app", "status": "pass"},
		_scan.results[1],
	]))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "has no passing check of a TLS floor of at least min_tls_version 1.2")
}

test_pass_r2_stricter_floor_failing_is_not_ours if {
	fs := a8_21.findings with input as _input(_with_results(array.concat(_scan.results, [
		{"check_id": "tls_1_3_or_higher", "resource": "Asset/app", "status": "fail"},
	])))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_recent_check if {
	fs := a8_21.findings with input as _input({"TestRun": {"cspm-1": object.union(_scan, {"performed_on": "2026-11-20"})}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "has no TLS version check in the last 7 days (config_scan_days; last: 2026-11-20)")
}

test_fail_r3_waf_detached if {
	fs := a8_21.findings with input as _input(_with_results([
		_scan.results[0],
		{"check_id": "wafv2_webacl_attached", "resource": "Asset/app", "status": "fail"},
	]))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/app"]
	contains(f.message, "fails its WAF or DDoS protection check of 2026-11-29 (wafv2_webacl_attached fail)")
}

test_pass_r3_ddos_protection_counts if {
	fs := a8_21.findings with input as _input(_with_results([
		_scan.results[0],
		{"check_id": "shield_advanced_protection_in_use", "resource": "Asset/app", "status": "pass"},
	]))
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_no_protection_check if {
	fs := a8_21.findings with input as _input(_with_results([_scan.results[0]]))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "has no WAF or DDoS protection check in the last 7 days")
}

test_pass_r3_medium_criticality_not_required if {
	medium := object.union(_app, {"criticality": "medium"})
	inp := _input(object.union(_with_results([_scan.results[0]]), {"Asset": {"app": medium, "cdn": _cdn}}))
	fs := a8_21.findings with input as inp
	_outcomes("R3", fs) == {"not_exercised"}
}
