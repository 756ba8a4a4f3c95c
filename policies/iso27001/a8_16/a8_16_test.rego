package annexa.iso27001.a8_16_test

import data.annexa.iso27001.a8_16
import rego.v1

_params := {
	"posture_max_age_days": 7, "lookback_days": 365, "alert_triage_hours": 24,
	"required_detections": ["impossible-travel", "mass-download"],
}

_okta_log := {
	"kind": "LoggingSource", "id": "log-okta", "system": "Asset/okta", "log_types": ["auth"], "destination": "Asset/siem",
	"retention_days": 400, "observed_on": "2026-11-29",
	"alert_rules": [{"id": "impossible-travel", "detection": "sign-ins far apart", "severity": "high", "enabled": true}],
}

_s3_log := {
	"kind": "LoggingSource", "id": "log-s3", "system": "Asset/s3", "log_types": ["data-access"],
	"destination": "Asset/siem",
	"retention_days": 400, "observed_on": "2026-11-23",
	"alert_rules": [{"id": "mass-download", "detection": "bulk downloads", "severity": "high", "enabled": true}],
}

_s3 := {"kind": "Asset", "id": "s3", "asset_type": "data-store", "criticality": "critical", "environment": "prod"}

_okta := {"kind": "Asset", "id": "okta", "asset_type": "service", "criticality": "high", "environment": "corp"}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}

_dana := {
	"kind": "Person", "id": "dana", "start_date": "2024-01-01",
	"roles": [{"role": "Role/on-call", "from": "2024-01-01"}],
}

_review := {
	"kind": "Activity", "id": "lr-11", "activity_type": "log-review", "subject_refs": ["Asset/siem"],
	"performed_by": "Person/dana", "performed_on": "2026-11-26", "outcome": "ok",
	"metrics": {"alerts_reviewed": 35, "max_triage_hours": 3.5},
}

_incident := {
	"kind": "Incident", "id": "inc-1", "category": "security-incident", "severity": "sev2",
	"reported_on": "2026-05-07T19:32:00Z", "owner": "Person/dana",
	"triage": {"decided_on": "2026-05-07T20:05:00Z", "decided_by": "Person/dana", "classification": "incident"},
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Asset": {"s3": _s3, "okta": _okta},
	"LoggingSource": {"log-okta": _okta_log, "log-s3": _s3_log},
	"Person": {"dana": _dana},
	"Activity": {"lr-11": _review},
	"Incident": {"inc-1": _incident},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a8_16.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_detection_disabled if {
	off := object.union(_okta_log, {"alert_rules": [object.union(_okta_log.alert_rules[0], {"enabled": false})]})
	fs := a8_16.findings with input as _input({"LoggingSource": {"log-okta": off, "log-s3": _s3_log}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no enabled alert rule implements the required detection impossible-travel (required_detections; ",
		"it is listed but disabled or not observed within 7 days in LoggingSource/log-okta): ",
		"add and enable an alert rule with id impossible-travel",
	])
}

test_fail_r1_source_not_observed_recently if {
	stale := object.union(_s3_log, {"observed_on": "2026-11-22"})
	fs := a8_16.findings with input as _input({"LoggingSource": {"log-okta": _okta_log, "log-s3": stale}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "mass-download")
}

test_fail_r1_detection_missing if {
	fs := a8_16.findings with input as _input({"LoggingSource": {"log-s3": _s3_log}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "(required_detections; no LoggingSource lists it)")
}

test_fail_r2_on_call_ended if {
	ended := object.union(_dana, {"roles": [{"role": "Role/on-call", "from": "2024-01-01", "to": "2026-11-30"}]})
	fs := a8_16.findings with input as _input({"Person": {"dana": ended}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Role/on-call"]
	f.message == "no active person holds Role/on-call on 2026-11-30: assign the on-call rota to someone"
}

test_fail_r2_holder_left if {
	left := object.union(_dana, {"end_date": "2026-11-15"})
	fs := a8_16.findings with input as _input({"Person": {"dana": left}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r3_slow_triage_in_log_review if {
	slow := object.union(_review, {"metrics": {"max_triage_hours": 30}})
	fs := a8_16.findings with input as _input({"Activity": {"lr-11": slow}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Activity/lr-11#metrics.max_triage_hours"]
}

test_pass_r3_triage_exactly_at_limit if {
	edge := object.union(_review, {"metrics": {"max_triage_hours": 24}})
	fs := a8_16.findings with input as _input({"Activity": {"lr-11": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_triage_review_without_metric if {
	review := object.union(object.remove(_review, ["metrics"]), {
		"activity_type": "alert-triage-review",
		"metrics": {"median_triage_hours": 2},
	})
	fs := a8_16.findings with input as _input({"Activity": {"lr-11": review}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Activity/lr-11"]
}

test_fail_r3_incident_triaged_late if {
	late := object.union(_incident, {"triage": object.union(_incident.triage, {"decided_on": "2026-05-08T19:33:00Z"})})
	fs := a8_16.findings with input as _input({"Incident": {"inc-1": late}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1#triage.decided_on"]
}

test_fail_r3_incident_untriaged if {
	open := object.union(object.remove(_incident, ["triage"]), {"reported_on": "2026-11-28T10:00:00Z"})
	fs := a8_16.findings with input as _input({"Incident": {"inc-1": open}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Incident/inc-1"]
}

test_pass_r3_untriaged_within_hours if {
	open := object.union(object.remove(_incident, ["triage"]), {"reported_on": "2026-11-30T08:00:00Z"})
	fs := a8_16.findings with input as _input({"Incident": {"inc-1": open}, "Activity": {}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_ignores_low_severity_and_old if {
	low := object.union(_incident, {
		"severity": "sev3", "triage": object.union(_incident.triage, {"decided_on": "2026-05-10"}),
	})
	fs := a8_16.findings with input as _input({"Incident": {"inc-1": low}, "Activity": {}})
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r4_critical_asset_without_alerting if {
	db := {"kind": "Asset", "id": "db", "asset_type": "data-store", "criticality": "critical", "environment": "prod"}
	fs := a8_16.findings with input as _input({"Asset": {"s3": _s3, "okta": _okta, "db": db}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
}

test_pass_r4_ignores_retired if {
	db := {
		"kind": "Asset", "id": "db", "asset_type": "data-store", "criticality": "critical",
		"lifecycle": {"retired_on": "2026-01-01"},
	}
	fs := a8_16.findings with input as _input({"Asset": {"s3": _s3, "okta": _okta, "db": db}})
	_outcomes("R4", fs) == {"pass"}
}
