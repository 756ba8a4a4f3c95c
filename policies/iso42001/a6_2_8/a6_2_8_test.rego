package annexa.iso42001.a6_2_8_test

import data.annexa.iso42001.a6_2_8
import rego.v1

_params := {
	"posture_max_age_days": 7, "ai_log_retention_days": 365,
	"ai_required_log_types": ["ai-inference", "model-version", "ai-override"],
}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre", "technical_owner": "Person/sofia",
	"intended_use": "routing aid", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2024-03-04"}],
	"logging": "LoggingSource/log-triage",
}

_log := {
	"kind": "LoggingSource", "id": "log-triage", "system": "AISystem/triage",
	"log_types": ["ai-inference", "ai-override", "model-version"], "destination": "Asset/siem",
	"retention_days": 400, "integrity": {"immutable": true, "validation": false},
	"access_roles": ["Role/ml-engineer"], "observed_on": "2026-11-29",
}

_person(id, roles) := {
	"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2023-01-01",
	"roles": [{"role": r, "from": "2023-01-01"} | some r in roles],
}

_account(id, holder) := {
	"kind": "Account", "id": id, "system": "Asset/siem", "external_id": id, "account_type": "human",
	"holder": holder, "created_on": "2024-01-01",
}

_records := {
	"AISystem": {"triage": _system},
	"LoggingSource": {"log-triage": _log},
	"Person": {"sofia": _person("sofia", ["Role/ml-engineer"]), "max": _person("max", ["Role/support-agent"])},
	"Account": {"siem-sofia": _account("siem-sofia", "Person/sofia")},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_log(changes) := {"LoggingSource": {"log-triage": object.union(_log, changes)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_2_8.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_two_sources_cover_the_types_together if {
	a := object.union(_log, {"log_types": ["ai-inference"]})
	b := object.union(_log, {"id": "log-triage-2", "log_types": ["model-version", "ai-override"]})
	fs := a6_2_8.findings with input as _input({"LoggingSource": {"log-triage": a, "log-triage-2": b}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_old_observation_renewed_by_config_check if {
	check := {
		"kind": "TestRun", "id": "log-config-1", "test_type": "log-config", "performed_on": "2026-11-28T05:00:00Z",
		"scope": ["LoggingSource/log-triage"],
	}
	fs := a6_2_8.findings with input as _input(object.union(
		_with_log({"observed_on": "2026-01-01"}),
		{"TestRun": {"log-config-1": check}},
	))
	_outcomes("R1", fs) == {"pass"}
}

# --- R1

test_fail_r1_no_logging_source if {
	sys := object.remove(_system, ["logging"])
	fs := a6_2_8.findings with input as _input({"AISystem": {"triage": sys}, "LoggingSource": {}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage is in production but has no LoggingSource: log its inferences, model versions and ",
		"overrides and record it",
	])
}

test_fail_r1_missing_override_log if {
	fs := a6_2_8.findings with input as _input(_with_log({"log_types": ["ai-inference", "model-version", "auth"]}))
	some f in _fails("R1", fs)
	f.message == concat("", [
		"AISystem/triage does not log ai-override, required by ai_required_log_types: add these log types to its ",
		"LoggingSource",
	])
}

test_fail_r1_configuration_not_observed_recently if {
	fs := a6_2_8.findings with input as _input(_with_log({"observed_on": "2026-11-22"}))
	some f in _fails("R1", fs)
	f.refs == ["LoggingSource/log-triage"]
	contains(f.message, "last observed on 2026-11-22, more than posture_max_age_days=7")
}

test_pass_r1_observed_exactly_at_the_limit if {
	fs := a6_2_8.findings with input as _input(_with_log({"observed_on": "2026-11-23"}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_logging_reference_points_elsewhere if {
	sys := object.union(_system, {"logging": "LoggingSource/log-other"})
	fs := a6_2_8.findings with input as _input({"AISystem": {"triage": sys}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage#logging"]
}

# --- R2

test_fail_r2_short_retention if {
	fs := a6_2_8.findings with input as _input(_with_log({"retention_days": 90}))
	some f in _fails("R2", fs)
	f.refs == ["LoggingSource/log-triage#retention_days"]
	f.message == concat("", [
		"LoggingSource/log-triage keeps logs of AISystem/triage for 90 days, fewer than ",
		"ai_log_retention_days=365: extend the retention",
	])
}

# --- R3

test_fail_r3_no_integrity if {
	fs := a6_2_8.findings with input as _input(_with_log({"integrity": {"immutable": false, "validation": false}}))
	some f in _fails("R3", fs)
	f.refs == ["LoggingSource/log-triage#integrity"]
}

test_fail_r3_no_access_roles if {
	open := object.remove(_log, ["access_roles"])
	fs := a6_2_8.findings with input as _input({"LoggingSource": {"log-triage": open}})
	some f in _fails("R3", fs)
	f.message == "LoggingSource/log-triage names no access_roles: say which roles may read the logs of AISystem/triage"
}

test_fail_r3_reader_without_role if {
	accounts := {"siem-sofia": _account("siem-sofia", "Person/sofia"), "siem-max": _account("siem-max", "Person/max")}
	fs := a6_2_8.findings with input as _input({"Account": accounts})
	some f in _fails("R3", fs)
	f.refs == ["Account/siem-max"]
	f.message == concat("", [
		"Account/siem-max (human) can read Asset/siem, the log store of LoggingSource/log-triage, but Person/max ",
		"holds none of their access_roles: remove the access or assign the role",
	])
}

test_pass_r3_disabled_reader_is_ignored if {
	gone := object.union(_account("siem-max", "Person/max"), {"disabled_on": "2026-11-01"})
	fs := a6_2_8.findings with input as _input({"Account": {"siem-max": gone}})
	_outcomes("R3", fs) == {"pass"}
}
