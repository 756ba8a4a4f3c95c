package annexa.iso27001.a8_8_test

import data.annexa.iso27001.a8_8
import rego.v1

_params := {
	"vuln_scan_days": 30, "pentest_days": 365, "lookback_days": 365, "at_risk_days": 7,
	"vuln_sla_days": {"critical": 15, "high": 30, "medium": 90, "low": 180},
}

_app := {"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod", "internet_facing": true}

_scan := {
	"kind": "TestRun", "id": "scan-1", "test_type": "vuln-scan", "performed_on": "2026-11-20T02:00:00Z",
	"scope": ["Asset/app"],
}

_pentest := {
	"kind": "TestRun", "id": "pt-1", "test_type": "pentest", "performed_on": "2026-03-01",
	"scope": ["Asset/app"], "results": [{"check_id": "XSS-1", "resource": "Asset/app", "status": "fail"}],
}

_pt_finding := {
	"kind": "Finding", "id": "pt-xss", "source": "TestRun/pt-1", "identifier": "XSS-1", "asset": "Asset/app",
	"severity": "medium", "first_seen_on": "2026-03-01", "resolved_on": "2026-03-20", "verified_by": "TestRun/scan-1",
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_records := {
	"Asset": {"app": _app},
	"TestRun": {"scan-1": _scan, "pt-1": _pentest},
	"Finding": {"pt-xss": _pt_finding},
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_8.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_scan_too_old if {
	old := object.union(_scan, {"performed_on": "2026-09-01"})
	fs := a8_8.findings with input as _input({"TestRun": {"scan-1": old, "pt-1": _pentest}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/app"]
	f.message == "Asset/app has no vulnerability scan in the last 30 days (last: 2026-09-01)"
}

test_fail_r1_never_scanned if {
	db := {"kind": "Asset", "id": "db", "asset_type": "data-store", "environment": "prod"}
	fs := a8_8.findings with input as _input({"Asset": {"app": _app, "db": db}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
	contains(f.message, "(last: never)")
}

test_r1_ignores_retired_and_internal_assets if {
	retired := {"kind": "Asset", "id": "old", "asset_type": "server", "environment": "prod", "lifecycle": {"retired_on": "2026-01-01"}}
	dev := {"kind": "Asset", "id": "dev", "asset_type": "server", "environment": "dev"}
	fs := a8_8.findings with input as _input({"Asset": {"app": _app, "old": retired, "dev": dev}})
	_outcomes("R1", fs) == {"pass"}
}

_open_critical := {
	"kind": "Finding", "id": "cve-1", "source": "TestRun/scan-1", "asset": "Asset/app", "severity": "critical",
	"first_seen_on": "2026-10-20",
}

test_fail_r2_open_critical_overdue if {
	fs := a8_8.findings with input as _input({"Finding": {"pt-xss": _pt_finding, "cve-1": _open_critical}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Finding/cve-1"]
	f.message == "Finding/cve-1 (critical, Asset/app) is open and overdue since 2026-11-04: fix it or record an approved exception"
}

test_fail_r2_fixed_late if {
	late := object.union(_open_critical, {"resolved_on": "2026-11-10", "verified_by": "TestRun/scan-1"})
	fs := a8_8.findings with input as _input({"Finding": {"pt-xss": _pt_finding, "cve-1": late}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Finding/cve-1#resolved_on"]
}

test_fail_r2_known_exploited_catalogue_deadline if {
	kev := object.union(_open_critical, {
		"severity": "high", "first_seen_on": "2026-11-10",
		"known_exploited": true, "catalogue_due_on": "2026-11-24",
	})
	fs := a8_8.findings with input as _input({"Finding": {"pt-xss": _pt_finding, "cve-1": kev}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "overdue since 2026-11-24")
}

_exception := {
	"kind": "Exception", "id": "exc-1", "applies_to": ["Finding/cve-1"], "reason": "vendor patch pending",
	"requested_by": "Person/ivan", "approved_by": "Person/erin", "approved_on": "2026-11-01", "expires_on": "2026-12-31",
}

test_pass_r2_excepted if {
	fs := a8_8.findings with input as _input({
		"Finding": {"pt-xss": _pt_finding, "cve-1": _open_critical},
		"Exception": {"exc-1": _exception},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_exception_expired if {
	expired := object.union(_exception, {"expires_on": "2026-11-15"})
	fs := a8_8.findings with input as _input({
		"Finding": {"pt-xss": _pt_finding, "cve-1": _open_critical},
		"Exception": {"exc-1": expired},
	})
	"fail" in _outcomes("R2", fs)
}

test_fail_r2_exception_self_approved if {
	self := object.union(_exception, {"approved_by": "Person/ivan"})
	fs := a8_8.findings with input as _input({
		"Finding": {"pt-xss": _pt_finding, "cve-1": _open_critical},
		"Exception": {"exc-1": self},
	})
	"fail" in _outcomes("R2", fs)
}

test_r2_at_risk_near_deadline if {
	near := object.union(_open_critical, {"first_seen_on": "2026-11-18"})
	fs := a8_8.findings with input as _input({"Finding": {"pt-xss": _pt_finding, "cve-1": near}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r3_no_pentest if {
	fs := a8_8.findings with input as _input({"TestRun": {"scan-1": _scan}, "Finding": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/app"]
}

test_fail_r3_untracked_pentest_result if {
	fs := a8_8.findings with input as _input({"Finding": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/pt-1#results.0"]
}

test_fail_r4_fix_not_verified if {
	unverified := object.remove(_pt_finding, ["verified_by"])
	fs := a8_8.findings with input as _input({"Finding": {"pt-xss": unverified}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Finding/pt-xss"]
}

test_not_exercised_without_population if {
	fs := a8_8.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	_outcomes("R1", fs) == {"not_exercised"}
	_outcomes("R2", fs) == {"not_exercised"}
}
