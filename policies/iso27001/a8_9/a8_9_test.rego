package annexa.iso27001.a8_9_test

import data.annexa.iso27001.a8_9
import rego.v1

_params := {
	"baseline_classes": ["cloud-account", "endpoint"], "config_scan_days": 7, "lookback_days": 365,
	"at_risk_days": 7, "vuln_sla_days": {"critical": 15, "high": 30, "medium": 90, "low": 180},
	"exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
}

_baseline(class) := {
	"kind": "Document", "id": sprintf("baseline-%s", [class]), "doc_type": "standard",
	"topic": sprintf("baseline-%s", [class]), "version": "1.0.0", "published_on": "2026-02-02",
	"approvals": [{"by": "Person/erin", "on": "2026-01-30", "decision": "approved", "version": "1.0.0"}],
}

_aws := {"kind": "Asset", "id": "aws", "asset_type": "cloud-account", "environment": "prod"}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z",
	"scope": ["Asset/aws"], "coverage": {"in_scope": 2, "covered": 2, "missing": []},
	"results": [
		{"check_id": "root-mfa", "resource": "Asset/aws", "status": "pass", "severity": "critical"},
		{"check_id": "vpc_flow_logs_enabled", "resource": "Asset/aws", "status": "fail", "severity": "medium"},
	],
}

_records := {
	"Document": {"baseline-cloud-account": _baseline("cloud-account"), "baseline-endpoint": _baseline("endpoint")},
	"Asset": {"aws": _aws},
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
	fs := a8_9.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"pass"}
	_outcomes("R4", fs) == {"not_exercised"}
}

test_fail_r1_baseline_missing if {
	fs := a8_9.findings with input as _input({"Document": {"baseline-endpoint": _baseline("endpoint")}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current baseline for cloud-account (a Document of doc_type standard, topic baseline-cloud-account, ",
		"published and approved): write and approve it",
	])
}

test_fail_r1_baseline_not_approved if {
	draft := object.remove(_baseline("endpoint"), ["approvals"])
	fs := a8_9.findings with input as _input({"Document": {
		"baseline-cloud-account": _baseline("cloud-account"),
		"baseline-endpoint": draft,
	}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_scan_stale if {
	old := object.union(_scan, {"performed_on": "2026-11-22"})
	fs := a8_9.findings with input as _input({"TestRun": {"cspm-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/aws"]
	f.message == "Asset/aws has no configuration scan in the last 7 days (config_scan_days; last: 2026-11-22): scan it"
}

test_fail_r2_partial_coverage if {
	partial := object.union(_scan, {"coverage": {"in_scope": 2, "covered": 1, "missing": ["111122223333"]}})
	fs := a8_9.findings with input as _input({"TestRun": {"cspm-1": partial}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#coverage"]
}

_failing_high := {"check_id": "no-root-access-keys", "resource": "Asset/aws", "status": "fail", "severity": "critical"}

test_fail_r3_serious_failure_untracked if {
	fs := a8_9.findings with input as _input(_with_results([_failing_high]))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.0"]
	f.message == concat("", [
		"Asset/aws failed no-root-access-keys (critical) on 2026-11-29 and no Finding tracks it: ",
		"open a Finding so its deadline runs, or record an approved Exception",
	])
}

_finding := {
	"kind": "Finding", "id": "mis-1", "source": "TestRun/cspm-1", "finding_type": "misconfiguration",
	"asset": "Asset/aws", "identifier": "no-root-access-keys", "severity": "critical", "first_seen_on": "2026-11-25",
}

test_pass_r3_tracked_within_deadline if {
	extra := object.union(_with_results([_failing_high]), {"Finding": {"mis-1": _finding}})
	fs := a8_9.findings with input as _input(extra)
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_tracked_but_overdue if {
	late := object.union(_finding, {"first_seen_on": "2026-11-01"})
	fs := a8_9.findings with input as _input(object.union(_with_results([_failing_high]), {"Finding": {"mis-1": late}}))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Finding/mis-1"]
	contains(f.message, "overdue since 2026-11-16")
}

test_pass_r3_medium_failure_not_serious if {
	fs := a8_9.findings with input as _input({})
	_outcomes("R3", fs) == {"pass"}
}

_drift := {"check_id": "terraform_drift_detected", "resource": "Asset/aws", "status": "fail", "severity": "medium"}

test_fail_r4_drift_untracked if {
	fs := a8_9.findings with input as _input(_with_results([_drift]))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.0"]
}

test_pass_r4_drift_ticketed if {
	ticket := object.union(_finding, {"id": "drift-1", "identifier": "terraform_drift_detected", "severity": "medium"})
	fs := a8_9.findings with input as _input(object.union(_with_results([_drift]), {"Finding": {"drift-1": ticket}}))
	_outcomes("R4", fs) == {"pass"}
}
