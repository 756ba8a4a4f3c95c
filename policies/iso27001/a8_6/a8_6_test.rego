package annexa.iso27001.a8_6_test

import data.annexa.iso27001.a8_6
import rego.v1

_params := {
	"config_scan_days": 7, "capacity_review_days": 180, "lookback_days": 365,
	"exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
}

_app := {"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod", "criticality": "high"}

_db := {"kind": "Asset", "id": "db", "asset_type": "data-store", "environment": "prod", "criticality": "critical"}

_tool := {"kind": "Asset", "id": "okta", "asset_type": "service", "environment": "corp", "criticality": "high"}

_log_app := {
	"kind": "LoggingSource", "id": "log-app", "system": "Asset/app", "log_types": ["auth"], "destination": "Asset/siem",
	"retention_days": 400, "observed_on": "2026-11-29",
	"alert_rules": [{"id": "capacity-cpu-80", "detection": "CPU above 80 % for 15 minutes", "enabled": true}],
}

_alerting := {
	"kind": "TestRun", "id": "alerts-1", "test_type": "alerting-config", "performed_on": "2026-11-28",
	"scope": ["Asset/db"],
	"results": [{"check_id": "capacity_storage_alarm_enabled", "resource": "Asset/db", "status": "pass"}],
}

_review := {
	"kind": "Activity", "id": "cap-1", "activity_type": "capacity-review", "subject_refs": ["Asset/app"],
	"performed_by": "Person/ann", "performed_on": "2026-06-03", "outcome": "ok",
}

_records := {
	"Asset": {"app": _app, "db": _db, "okta": _tool},
	"LoggingSource": {"log-app": _log_app},
	"TestRun": {"alerts-1": _alerting},
	"Activity": {"cap-1": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_6.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r1_no_capacity_alert if {
	disabled := object.union(_log_app, {"alert_rules": [{"id": "capacity-cpu-80", "detection": "x", "enabled": false}]})
	fs := a8_6.findings with input as _input({"LoggingSource": {"log-app": disabled}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/app"]
	f.message == concat("", [
		"Asset/app (application, criticality high) has no enabled capacity alert: add one to its LoggingSource ",
		"alert_rules or show it in an alerting-config scan of the last 7 days (config_scan_days)",
	])
}

test_fail_r1_alerting_scan_failed if {
	off := {"check_id": "capacity_storage_alarm_enabled", "resource": "Asset/db", "status": "fail"}
	failed := object.union(_alerting, {"results": [off]})
	fs := a8_6.findings with input as _input({"TestRun": {"alerts-1": failed}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
}

test_fail_r1_alerting_scan_stale if {
	old := object.union(_alerting, {"performed_on": "2026-11-22"})
	fs := a8_6.findings with input as _input({"TestRun": {"alerts-1": old}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_review_too_old if {
	old := object.union(_review, {"performed_on": "2026-06-02"})
	fs := a8_6.findings with input as _input({"Activity": {"cap-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no capacity-review Activity in the 180 days before 2026-11-30 (capacity_review_days; ",
		"last: Activity/cap-1 on 2026-06-02): review capacity and record it",
	])
}

_incident := {
	"kind": "Incident", "id": "inc-1", "title": "Database storage capacity exhausted", "category": "security-incident",
	"severity": "sev2", "reported_on": "2026-08-01T10:00:00Z", "owner": "Person/ann",
	"timeline": {"resolved_on": "2026-08-01T14:00:00Z"},
}

test_fail_r3_capacity_incident_without_actions if {
	fs := a8_6.findings with input as _input({"Incident": {"inc-1": _incident}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1"]
}

test_pass_r3_capacity_incident_followed_up if {
	review := {"completed_on": "2026-08-10", "actions": ["ChangeRecord/chg-1"]}
	done := object.union(_incident, {"post_incident_review": review})
	fs := a8_6.findings with input as _input({"Incident": {"inc-1": done}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_listed_by_review_but_open_not_judged if {
	open := object.union(object.remove(_incident, ["timeline"]), {"title": "Slow responses"})
	review := object.union(_review, {"outputs": ["Incident/inc-1"]})
	fs := a8_6.findings with input as _input({"Incident": {"inc-1": open}, "Activity": {"cap-1": review}})
	_outcomes("R3", fs) == {"not_exercised"}
}

test_pass_r1_provider_scaled_store_excepted if {
	bucket := {"kind": "Asset", "id": "bucket", "asset_type": "data-store", "environment": "prod", "criticality": "high"}
	erin := {
		"kind": "Person", "id": "erin", "start_date": "2020-01-01",
		"roles": [{"role": "Role/isms-manager", "from": "2020-01-01"}],
	}
	exc := {
		"kind": "Exception", "id": "exc-s3", "applies_to": ["Asset/bucket"], "requested_by": "Person/ann",
		"approved_by": "Person/erin", "approved_on": "2026-06-01", "expires_on": "2027-05-31",
		"reason": "object storage scales without a capacity limit",
	}
	fs := a8_6.findings with input as _input({
		"Asset": {"app": _app, "db": _db, "okta": _tool, "bucket": bucket},
		"Person": {"erin": erin}, "Exception": {"exc-s3": exc},
	})
	_outcomes("R1", fs) == {"pass"}
}
