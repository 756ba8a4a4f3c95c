package annexa.iso27001.a5_23_test

import data.annexa.iso27001.a5_23
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7, "config_scan_days": 7,
	"vuln_sla_days": {"critical": 15, "high": 30, "medium": 90, "low": 180},
}

_doc(id, topic, doc_type) := {
	"kind": "Document", "id": id, "doc_type": doc_type, "topic": topic, "version": "1.0.0",
	"published_on": "2026-01-20",
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "1.0.0"}],
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"is_cloud_service": true, "relationship": {"start_on": "2023-01-01"},
	"cloud": {
		"shared_responsibility_doc": "Document/srm", "exit_plan_doc": "Document/exit",
		"data_locations": ["EU"],
	},
}

_account := {
	"kind": "Asset", "id": "aws-prod", "asset_type": "cloud-account", "environment": "prod",
	"external_ids": {"cloud_arn": "arn:aws:organizations::111:account/prod"},
}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-28T02:00:00Z",
	"scope": ["Asset where asset_type=cloud-account"],
	"results": [
		{
			"check_id": "s3_public", "resource": "arn:aws:organizations::111:account/prod", "status": "fail",
			"severity": "high",
		},
		{
			"check_id": "root_mfa", "resource": "arn:aws:organizations::111:account/prod", "status": "pass",
			"severity": "critical",
		},
	],
}

_finding := {
	"kind": "Finding", "id": "mis-1", "source": "TestRun/cspm-1", "finding_type": "misconfiguration",
	"asset": "Asset/aws-prod", "identifier": "s3_public", "severity": "high", "first_seen_on": "2026-11-20",
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {
		"srm": _doc("srm", "cloud-shared-responsibility", "technical-doc"),
		"exit": _doc("exit", "cloud-exit", "plan"),
		"pol": _doc("pol", "cloud-services", "topic-policy"),
	},
	"Supplier": {"aws": _aws},
	"Asset": {"aws-prod": _account},
	"TestRun": {"cspm-1": _scan},
	"Finding": {"mis-1": _finding},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_23.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_exit_plan_missing if {
	no_exit := object.union(object.remove(_aws, ["cloud"]), {"cloud": {
		"shared_responsibility_doc": "Document/srm",
		"data_locations": ["EU"],
	}})
	fs := a5_23.findings with input as _input({"Supplier": {"aws": no_exit}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#cloud.exit_plan_doc"]
	f.message == concat("", [
		"Supplier/aws is a cloud service without a published exit plan document (cloud.exit_plan_doc: none): ",
		"write it and link it",
	])
}

test_fail_r1_document_does_not_exist if {
	dangling := object.union(_aws, {"cloud": {"shared_responsibility_doc": "Document/nowhere"}})
	fs := a5_23.findings with input as _input({"Supplier": {"aws": dangling}})
	some f in fs
	f.rule == "R1"
	f.refs == ["Supplier/aws#cloud.shared_responsibility_doc"]
}

test_fail_r1_no_data_locations if {
	nowhere := object.union(_aws, {"cloud": {"data_locations": []}})
	fs := a5_23.findings with input as _input({"Supplier": {"aws": nowhere}})
	some f in fs
	f.rule == "R1"
	f.refs == ["Supplier/aws#cloud.data_locations"]
}

test_fail_r2_scan_too_old if {
	old := object.union(_scan, {"performed_on": "2026-11-22T02:00:00Z"})
	fs := a5_23.findings with input as _input({"TestRun": {"cspm-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/aws-prod"]
	contains(f.message, "(config_scan_days; last covered: 2026-11-22)")
}

test_fail_r2_listed_missing if {
	gap := object.union(_scan, {"coverage": {"in_scope": 1, "covered": 0, "missing": ["Asset/aws-prod"]}})
	fs := a5_23.findings with input as _input({"TestRun": {"cspm-1": gap}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "last covered: never")
}

test_pass_r2_named_by_reference if {
	by_ref := object.union(object.remove(_scan, ["scope", "results"]), {"scope": ["Asset/aws-prod"]})
	fs := a5_23.findings with input as _input({"TestRun": {"cspm-1": by_ref}, "Finding": {}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_scan_on_window_edge if {
	edge := object.union(_scan, {"performed_on": "2026-11-23"})
	fs := a5_23.findings with input as _input({"TestRun": {"cspm-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_misconfiguration_overdue if {
	old := object.union(_finding, {"first_seen_on": "2026-10-01"})
	fs := a5_23.findings with input as _input({"Finding": {"mis-1": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Finding/mis-1"]
	f.message == concat("", [
		"Finding/mis-1 (high misconfiguration of Asset/aws-prod) is open and overdue since 2026-10-31: ",
		"fix it or record an approved exception",
	])
}

test_fail_r3_fixed_late if {
	late := object.union(_finding, {"first_seen_on": "2026-09-01", "resolved_on": "2026-10-15"})
	fs := a5_23.findings with input as _input({"Finding": {"mis-1": late}})
	some f in fs
	f.rule == "R3"
	f.refs == ["Finding/mis-1#resolved_on"]
}

test_fail_r3_untracked_failure if {
	fs := a5_23.findings with input as _input({"Finding": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.0"]
}

test_pass_r3_excepted_and_medium_ignored if {
	old := object.union(_finding, {"first_seen_on": "2026-10-01", "exception": "Exception/exc-1"})
	medium := object.union(_finding, {"id": "mis-2", "severity": "medium", "first_seen_on": "2025-12-01"})
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["Finding/mis-1"], "reason": "legacy bucket",
		"requested_by": "Person/ivan", "approved_by": "Person/miriam", "approved_on": "2026-10-20",
		"expires_on": "2026-11-30",
	}
	fs := a5_23.findings with input as _input({"Finding": {"mis-1": old, "mis-2": medium}, "Exception": {"exc-1": exc}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_at_risk_near_deadline if {
	near := object.union(_finding, {"first_seen_on": "2026-11-01"})
	fs := a5_23.findings with input as _input({"Finding": {"mis-1": near}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_fail_r4_no_cloud_policy if {
	docs := {"srm": _doc("srm", "cloud-shared-responsibility", "technical-doc"), "exit": _doc(
		"exit", "cloud-exit",
		"plan",
	)}
	fs := a5_23.findings with input as _input({"Document": docs})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_pass_r4_cloud_use_topic if {
	docs := {
		"srm": _doc("srm", "cloud-shared-responsibility", "technical-doc"), "exit": _doc("exit", "cloud-exit", "plan"),
		"pol": _doc("pol", "cloud-use", "topic-policy"),
	}
	fs := a5_23.findings with input as _input({"Document": docs})
	_outcomes("R4", fs) == {"pass"}
}
