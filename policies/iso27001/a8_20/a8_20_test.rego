package annexa.iso27001.a8_20_test

import data.annexa.iso27001.a8_20
import rego.v1

_params := {
	"config_scan_days": 7, "posture_max_age_days": 7, "firewall_review_days": 180, "doc_review_days": 365,
	"admin_ports": [22, 3389, 5432], "exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
}

_aws := {
	"kind": "Asset", "id": "aws-org", "asset_type": "cloud-account", "environment": "prod",
	"external_ids": {"cloud_arn": "arn:aws:organizations::111:organization/o-1"},
}

_cspm := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z",
	"scope": ["Asset/aws-org"],
	"results": [
		{"check_id": "ec2_securitygroup_no_admin_ports_open_to_internet", "resource": "Asset/aws-org", "status": "pass"},
		{"check_id": "vpc_flow_logs_enabled", "resource": "Asset/aws-org", "status": "pass"},
	],
}

_review := {
	"kind": "Activity", "id": "fw-1", "activity_type": "firewall-rule-review", "subject_refs": ["Asset/aws-org"],
	"performed_by": "Person/aylin", "performed_on": "2026-06-03", "outcome": "ok",
}

_diagram := {
	"kind": "Document", "id": "net", "doc_type": "design", "topic": "network-architecture", "version": "2.2.0",
	"published_on": "2026-03-02", "review_interval_days": 365,
	"approvals": [{"by": "Person/jonas", "on": "2026-02-27", "decision": "approved", "version": "2.2.0"}],
	"reviews": [{"by": "Person/aylin", "on": "2026-09-21", "outcome": "no-change"}],
}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}

_miriam := {
	"kind": "Person", "id": "miriam", "start_date": "2022-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2022-01-01"}],
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Asset": {"aws-org": _aws},
	"TestRun": {"cspm-1": _cspm},
	"Activity": {"fw-1": _review},
	"Document": {"net": _diagram},
	"Person": {"miriam": _miriam},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_results(results) := {"TestRun": {"cspm-1": object.union(_cspm, {"results": results})}}

test_pass_all_rules if {
	fs := a8_20.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

_ssh_open := {
	"check_id": "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
	"resource": "arn:aws:ec2:eu-central-1:111:security-group/sg-1", "status": "fail",
}

test_fail_r1_ssh_open if {
	fs := a8_20.findings with input as _input(_with_results(array.concat(_cspm.results, [_ssh_open])))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.2"]
	f.message == concat("", [
		"TestRun/cspm-1#results.2 reports ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22 as fail on ",
		"arn:aws:ec2:eu-central-1:111:security-group/sg-1 (2026-11-29): close the admin ports [22, 3389, 5432] ",
		"to the internet or record an approved Exception",
	])
}

test_pass_r1_other_port_ignored if {
	web := object.union(_ssh_open, {"check_id": "ec2_securitygroup_allow_ingress_from_internet_to_port_mongodb_27017"})
	fs := a8_20.findings with input as _input(_with_results(array.concat(_cspm.results, [web])))
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_excepted if {
	exc := {
		"kind": "Exception", "id": "exc-1", "reason": "bastion during migration",
		"applies_to": ["rule:8.20/R1", "arn:aws:ec2:eu-central-1:111:security-group/sg-1"],
		"requested_by": "Person/tobias", "approved_by": "Person/miriam", "approved_on": "2026-11-01",
		"expires_on": "2026-12-31",
	}
	fs := a8_20.findings with input as _input(object.union(
		_with_results(array.concat(_cspm.results, [_ssh_open])),
		{"Exception": {"exc-1": exc}},
	))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_exception_expired if {
	exc := {
		"kind": "Exception", "id": "exc-1", "reason": "bastion during migration", "controls": ["iso27001:A.8.20"],
		"applies_to": ["arn:aws:ec2:eu-central-1:111:security-group/sg-1"],
		"requested_by": "Person/tobias", "approved_by": "Person/miriam", "approved_on": "2026-11-01",
		"expires_on": "2026-11-29",
	}
	fs := a8_20.findings with input as _input(object.union(
		_with_results(array.concat(_cspm.results, [_ssh_open])),
		{"Exception": {"exc-1": exc}},
	))
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_fixed_in_later_scan if {
	old := object.union(_cspm, {"id": "cspm-0", "performed_on": "2026-11-25", "results": [_ssh_open]})
	fixed := object.union(_ssh_open, {"status": "pass"})
	fs := a8_20.findings with input as _input({"TestRun": {
		"cspm-0": old,
		"cspm-1": object.union(_cspm, {"results": array.concat(_cspm.results, [fixed])}),
	}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_recent_check if {
	fs := a8_20.findings with input as _input({"TestRun": {"cspm-1": object.union(_cspm, {"performed_on": "2026-11-22"})}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/aws-org"]
	contains(f.message, "(config_scan_days; last: 2026-11-22)")
}

test_fail_r2_flow_logs_off if {
	fs := a8_20.findings with input as _input(_with_results([
		_cspm.results[0],
		{"check_id": "vpc_flow_logs_enabled", "resource": "Asset/aws-org", "status": "fail"},
	]))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/aws-org"]
	f.message == concat("", [
		"Asset/aws-org fails its flow-log check of 2026-11-29 (vpc_flow_logs_enabled fail): ",
		"enable flow logs on this production network",
	])
}

test_pass_r2_declared_in_logging_source if {
	log := {
		"kind": "LoggingSource", "id": "log-aws", "system": "Asset/aws-org", "log_types": ["network-flow"],
		"destination": "Asset/siem", "retention_days": 400, "observed_on": "2026-11-29",
	}
	inp := _input(object.union(_with_results([_cspm.results[0]]), {"LoggingSource": {"log-aws": log}}))
	fs := a8_20.findings with input as inp
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_evidence if {
	fs := a8_20.findings with input as _input(_with_results([_cspm.results[0]]))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/aws-org"]
}

test_fail_r3_review_too_old if {
	inp := _input({"Activity": {"fw-1": object.union(_review, {"performed_on": "2026-06-02"})}})
	fs := a8_20.findings with input as inp
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/aws-org"]
	contains(f.message, "(firewall_review_days; last: 2026-06-02)")
}

test_pass_r3_review_on_boundary if {
	fs := a8_20.findings with input as _input({})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r4_diagram_stale if {
	stale := object.union(_diagram, {"review_interval_days": 60})
	fs := a8_20.findings with input as _input({"Document": {"net": stale}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Document/net"]
	contains(f.message, "last reviewed on 2026-09-21, more than 60 days ago")
}

test_fail_r4_no_diagram if {
	fs := a8_20.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}
