package annexa.iso27001.a8_12_test

import data.annexa.iso27001.a8_12
import rego.v1

_params := {"dlp_channels": ["email", "endpoint-usb"], "config_scan_days": 7, "dlp_review_days": 30}

_dlp := {
	"kind": "TestRun", "id": "dlp-1", "test_type": "dlp-config", "performed_on": "2026-11-29T05:20:00Z",
	"scope": ["Asset/workspace", "Asset/mdm"],
	"results": [
		{"check_id": "email:dlp_rules_personal_data", "resource": "Asset/workspace", "status": "pass"},
		{"check_id": "endpoint-usb:usb_storage_blocked_all_devices", "resource": "Asset/mdm", "status": "pass"},
	],
}

_review := {
	"kind": "Activity", "id": "dlp-rev", "activity_type": "dlp-alert-review", "subject_refs": ["Asset/workspace"],
	"performed_by": "Person/miriam", "performed_on": "2026-10-31", "outcome": "ok",
}

_records := {"TestRun": {"dlp-1": _dlp}, "Activity": {"dlp-rev": _review}}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_12.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r1_channel_unchecked if {
	email_only := object.union(_dlp, {"results": [_dlp.results[0]]})
	fs := a8_12.findings with input as _input({"TestRun": {"dlp-1": email_only}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no dlp-config TestRun reports a check for channel endpoint-usb (check_id endpoint-usb:...): ",
		"restrict the channel and check it",
	])
}

test_fail_r1_channel_open if {
	open := object.union(_dlp, {"results": [_dlp.results[0], object.union(_dlp.results[1], {"status": "fail"})]})
	fs := a8_12.findings with input as _input({"TestRun": {"dlp-1": open}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["TestRun/dlp-1#results.1"]
}

test_fail_r1_check_stale if {
	old := object.union(_dlp, {"performed_on": "2026-11-22"})
	fs := a8_12.findings with input as _input({"TestRun": {"dlp-1": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["TestRun/dlp-1"]
	contains(f.message, "is from 2026-11-22, more than 7 days ago")
}

test_pass_r1_latest_run_per_channel if {
	# an older failing USB result is superseded by a newer passing one in another run
	usb_off := object.union(_dlp.results[1], {"status": "fail"})
	old := object.union(_dlp, {"performed_on": "2026-11-25", "results": [usb_off]})
	fs := a8_12.findings with input as _input({"TestRun": {"dlp-1": _dlp, "dlp-0": object.union(old, {"id": "dlp-0"})}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_review_overdue if {
	old := object.union(_review, {"performed_on": "2026-10-30"})
	fs := a8_12.findings with input as _input({"Activity": {"dlp-rev": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	contains(f.message, "(dlp_review_days; last: Activity/dlp-rev on 2026-10-30)")
}
