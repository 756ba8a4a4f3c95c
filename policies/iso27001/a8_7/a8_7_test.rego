package annexa.iso27001.a8_7_test

import data.annexa.iso27001.a8_7
import rego.v1

_params := {
	"posture_max_age_days": 7, "av_definitions_max_age_days": 7, "config_scan_days": 7,
	"training_refresh_days": 365, "exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
}

_alice := {"kind": "Person", "id": "alice", "start_date": "2024-01-01"}

_laptop := {"kind": "Asset", "id": "lt-1", "asset_type": "endpoint", "assigned_to": "Person/alice"}

_posture := {
	"kind": "TestRun", "id": "mdm-1", "test_type": "mdm-posture", "performed_on": "2026-11-29T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"],
	"results": [
		{"check_id": "disk_encryption", "resource": "Asset/lt-1", "status": "pass"},
		{"check_id": "edr_running_definitions_current", "resource": "Asset/lt-1", "status": "pass"},
	],
}

_mail := {
	"kind": "TestRun", "id": "mail-1", "test_type": "mail-filter", "performed_on": "2026-11-29",
	"scope": ["Asset/workspace"],
	"results": [
		{"check_id": "attachment_malware_scanning", "resource": "Asset/workspace", "status": "pass"},
		{"check_id": "spf_dkim_dmarc", "resource": "Asset/workspace", "status": "fail"},
	],
}

_course := {
	"kind": "Document", "id": "course-aw", "doc_type": "training-material", "version": "1.0.0",
	"published_on": "2026-01-01", "content_flags": {"phishing": true, "malware": true},
}

_training := {
	"kind": "TrainingRecord", "id": "tr-1", "person": "Person/alice", "course": "Document/course-aw",
	"course_type": "awareness", "completed_on": "2026-02-01", "passed": true,
}

_records := {
	"Person": {"alice": _alice},
	"Asset": {"lt-1": _laptop},
	"TestRun": {"mdm-1": _posture, "mail-1": _mail},
	"Document": {"course-aw": _course},
	"TrainingRecord": {"tr-1": _training},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_edr(results) := {"TestRun": {"mdm-1": object.union(_posture, {"results": results}), "mail-1": _mail}}

test_pass_all_rules if {
	fs := a8_7.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_edr_stopped if {
	results := [{"check_id": "edr_running_definitions_current", "resource": "Asset/lt-1", "status": "fail"}]
	fs := a8_7.findings with input as _input(_with_edr(results))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/lt-1"]
	f.message == concat("", [
		"Asset/lt-1 is not shown to run endpoint protection with current definitions: ",
		"edr_running_definitions_current reported fail on 2026-11-29; fix it or approve an alternative",
	])
}

test_fail_r1_no_snapshot if {
	fs := a8_7.findings with input as _input({"TestRun": {"mail-1": _mail}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "(posture_max_age_days; last: never)")
}

test_fail_r1_definitions_not_shown if {
	edr_only := [{"check_id": "edr_running", "resource": "Asset/lt-1", "status": "pass"}]
	fs := a8_7.findings with input as _input(_with_edr(edr_only))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "the snapshot shows no malware definitions check")
}

test_fail_r1_definitions_limit_too_long if {
	results := [
		{"check_id": "edr_running", "resource": "Asset/lt-1", "status": "pass"},
		{"check_id": "av_definitions_max_14d", "resource": "Asset/lt-1", "status": "pass"},
	]
	fs := a8_7.findings with input as _input(_with_edr(results))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "av_definitions_max_14d allows definitions older than av_definitions_max_age_days (7)")
}

test_pass_r1_definitions_limit_within if {
	results := [
		{"check_id": "edr_running", "resource": "Asset/lt-1", "status": "pass"},
		{"check_id": "av_definitions_max_3d", "resource": "Asset/lt-1", "status": "pass"},
	]
	fs := a8_7.findings with input as _input(_with_edr(results))
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_server_with_image_scan if {
	server := {"kind": "Asset", "id": "srv", "asset_type": "server"}
	scan := {
		"kind": "TestRun", "id": "img-1", "test_type": "image-scan", "performed_on": "2026-11-28", "scope": ["Asset/srv"],
		"results": [{"check_id": "no_malware_in_image", "resource": "Asset/srv", "status": "pass"}],
	}
	fs := a8_7.findings with input as _input({
		"Asset": {"lt-1": _laptop, "srv": server},
		"TestRun": {"mdm-1": _posture, "mail-1": _mail, "img-1": scan},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_no_mail_filter_check if {
	fs := a8_7.findings with input as _input({"TestRun": {"mdm-1": _posture}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
}

test_fail_r2_malware_filter_off if {
	failing := {"check_id": "attachment_malware_scanning", "resource": "Asset/workspace", "status": "fail"}
	off := object.union(_mail, {"results": [failing]})
	fs := a8_7.findings with input as _input({"TestRun": {"mdm-1": _posture, "mail-1": off}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/mail-1#results.0"]
}

test_fail_r2_no_malware_result if {
	other := object.union(_mail, {"results": [_mail.results[1]]})
	fs := a8_7.findings with input as _input({"TestRun": {"mdm-1": _posture, "mail-1": other}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/mail-1"]
}

test_fail_r3_course_without_malware if {
	thin := object.union(_course, {"content_flags": {"malware": false}})
	fs := a8_7.findings with input as _input({"Document": {"course-aw": thin}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/course-aw#content_flags"]
	f.message == "awareness course Document/course-aw does not cover malware (content_flags.malware): add the topic"
}

test_fail_r3_no_recent_training if {
	old := object.union(_training, {"completed_on": "2025-11-29"})
	fs := a8_7.findings with input as _input({"TrainingRecord": {"tr-1": old}})
	_outcomes("R3", fs) == {"fail"}
}
