package annexa.iso27001.a8_15_test

import data.annexa.iso27001.a8_15
import rego.v1

_params := {
	"required_log_types": {
		"application": ["auth", "admin-activity", "security-event"],
		"cloud-account": ["admin-activity", "auth", "network-flow"],
		"data-store": ["data-access", "admin-activity"],
	},
	"posture_max_age_days": 7, "log_retention_days": 365, "log_review_days": 30, "at_risk_days": 7,
}

_asset(id, asset_type, criticality) := {
	"kind": "Asset", "id": id, "asset_type": asset_type, "owner": "Person/ann", "classification": "internal",
	"criticality": criticality, "environment": "prod",
}

_assets := {
	"app": _asset("app", "application", "high"),
	"db": _asset("db", "data-store", "medium"),
	"siem": _asset("siem", "tool", "high"),
	"wiki": _asset("wiki", "information", "medium"),
	"dev": _asset("dev", "server", "low"),
}

_log_app := {
	"kind": "LoggingSource", "id": "log-app", "system": "Asset/app", "log_types": [
		"auth", "admin-activity",
		"security-event",
	],
	"destination": "Asset/siem", "retention_days": 400, "integrity": {"immutable": true, "validation": false},
	"access_roles": ["Role/sec-analyst"], "review_interval_days": 30, "observed_on": "2026-11-28",
}

_log_db := {
	"kind": "LoggingSource", "id": "log-db", "system": "Asset/db", "log_types": ["data-access", "admin-activity"],
	"destination": "Asset/siem", "retention_days": 365, "integrity": {"immutable": false, "validation": true},
	"access_roles": ["Role/sec-analyst"], "observed_on": "2026-11-20",
}

_sources := {"log-app": _log_app, "log-db": _log_db}

_config_run := {
	"kind": "TestRun", "id": "lc-1", "test_type": "log-config", "performed_on": "2026-11-29T01:00:00Z",
	"scope": ["LoggingSource/log-db"],
}

_ann := {
	"kind": "Person", "id": "ann", "employment_type": "employee", "start_date": "2020-01-01",
	"roles": [{"role": "Role/sec-analyst", "from": "2020-01-01"}],
}

_bob := {"kind": "Person", "id": "bob", "employment_type": "employee", "start_date": "2020-01-01"}

_account(id, holder, account_type) := {
	"kind": "Account", "id": id, "system": "Asset/siem", "external_id": id, "account_type": account_type,
	"holder": holder, "privileged": false, "created_on": "2024-01-01", "observed_on": "2026-11-29",
}

_accounts := {
	"siem-ann": _account("siem-ann", "Person/ann", "human"),
	"siem-ingest": object.remove(_account("siem-ingest", "", "service"), ["holder"]),
}

_review := {
	"kind": "Activity", "id": "rev-1", "activity_type": "log-review", "subject_refs": ["Asset/siem"],
	"performed_by": "Person/ann", "performed_on": "2026-11-15", "outcome": "ok",
}

_records := {
	"Asset": _assets,
	"LoggingSource": _sources,
	"TestRun": {"lc-1": _config_run},
	"Person": {"ann": _ann, "bob": _bob},
	"Account": _accounts,
	"Activity": {"rev-1": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

# _replace sets one key of a record, replacing (not merging) its value.
_replace(r, key, value) := object.union(object.remove(r, [key]), {key: value})

_with_source(id, s) := _input({"LoggingSource": _replace(_sources, id, s)})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_15.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5", "R6"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_population_is_loggable_assets_of_medium_and_above if {
	fs := a8_15.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Asset/app", "Asset/db"]
}

# --- R1

test_fail_r1_no_logging_source if {
	fs := a8_15.findings with input as _input({"LoggingSource": {"log-app": _log_app}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Asset/db"],
		"message": concat("", [
			"Asset/db (data-store, criticality medium) has no LoggingSource: configure logging to the central ",
			"store and record it",
		]),
	}}
}

test_fail_r1_configuration_not_observed_recently if {
	fs := a8_15.findings with input as _input({"TestRun": {}})
	some f in _fails("R1", fs)
	f.refs == ["LoggingSource/log-db"]
	f.message == concat("", [
		"LoggingSource/log-db of Asset/db was last observed on 2026-11-20, more than posture_max_age_days=7 ",
		"before 2026-11-30: collect its configuration again",
	])
}

test_pass_r1_observed_on_boundary if {
	edge := object.union(_log_db, {"observed_on": "2026-11-23"})
	fs := a8_15.findings with input as _input({"TestRun": {}, "LoggingSource": {"log-app": _log_app, "log-db": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_missing_log_types if {
	thin := object.union(_log_app, {"log_types": ["auth"]})
	fs := a8_15.findings with input as _with_source("log-app", thin)
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Asset/app"],
		"message": concat("", [
			"Asset/app (application) does not log admin-activity, security-event, required by required_log_types ",
			"for application: add these log types to its LoggingSource",
		]),
	}}
}

test_pass_r1_two_sources_cover_together if {
	auth_only := object.union(_log_app, {"log_types": ["auth"]})
	rest := object.union(_log_app, {"id": "log-app-2", "log_types": ["admin-activity", "security-event"]})
	fs := a8_15.findings with input as _input({"LoggingSource": {
		"log-app": auth_only, "log-app-2": rest,
		"log-db": _log_db,
	}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_stale_source_does_not_cover if {
	auth_only := object.union(_log_app, {"log_types": ["auth"]})
	stale := object.union(_log_app, {
		"id": "log-app-2", "log_types": ["admin-activity", "security-event"],
		"observed_on": "2026-10-01",
	})
	fs := a8_15.findings with input as _input({"LoggingSource": {
		"log-app": auth_only, "log-app-2": stale,
		"log-db": _log_db,
	}})
	some f in _fails("R1", fs)
	f.refs == ["Asset/app"]
}

test_fail_r1_type_without_list_still_needs_a_source if {
	vm := _asset("vm", "server", "critical")
	fs := a8_15.findings with input as _input({"Asset": object.union(_assets, {"vm": vm})})
	some f in _fails("R1", fs)
	f.refs == ["Asset/vm"]
}

test_pass_r1_type_without_list_any_source if {
	vm_log := object.union(_log_db, {
		"id": "log-vm", "system": "Asset/vm", "log_types": ["auth"],
		"observed_on": "2026-11-29",
	})
	fs := a8_15.findings with input as _input({
		"Asset": object.union(_assets, {"vm": _asset("vm", "server", "critical")}),
		"LoggingSource": object.union(_sources, {"log-vm": vm_log}),
	})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_retired_asset_ignored if {
	retired := object.union(_assets.db, {"lifecycle": {"retired_on": "2026-06-01"}})
	fs := a8_15.findings with input as _input({
		"Asset": object.union(_assets, {"db": retired}),
		"LoggingSource": {"log-app": _log_app},
	})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_retention_too_short if {
	short := object.union(_log_db, {"retention_days": 364})
	fs := a8_15.findings with input as _with_source("log-db", short)
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["LoggingSource/log-db#retention_days"],
		"message": concat("", [
			"LoggingSource/log-db keeps logs of Asset/db for 364 days, fewer than log_retention_days=365: extend ",
			"the retention",
		]),
	}}
}

test_fail_r2_low_criticality_source_also_checked if {
	dev_log := object.union(_log_db, {"id": "log-dev", "system": "Asset/dev", "retention_days": 30})
	fs := a8_15.findings with input as _with_source("log-dev", dev_log)
	some f in _fails("R2", fs)
	f.refs == ["LoggingSource/log-dev#retention_days"]
}

test_pass_r2_source_of_missing_system_in_scope if {
	orphan := object.union(_log_db, {"id": "log-x", "system": "Asset/gone"})
	fs := a8_15.findings with input as _with_source("log-x", orphan)
	some f in fs
	f.rule == "R2"
	"LoggingSource/log-x" in f.refs
}

test_fail_r2_retention_not_stated if {
	fs := a8_15.findings with input as _with_source("log-db", object.remove(_log_db, ["retention_days"]))
	some f in _fails("R2", fs)
	contains(f.message, "for no stated number of days")
}

# --- R3

test_fail_r3_no_integrity_protection if {
	fs := a8_15.findings with input as _with_source("log-db", object.remove(_log_db, ["integrity"]))
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["LoggingSource/log-db#integrity"],
		"message": concat("", [
			"LoggingSource/log-db has neither immutable storage nor log validation (integrity not set): turn one ",
			"of them on",
		]),
	}}
}

test_fail_r3_both_off if {
	off := object.union(_log_db, {"integrity": {"immutable": false, "validation": false}})
	fs := a8_15.findings with input as _with_source("log-db", off)
	some f in _fails("R3", fs)
	f.refs == ["LoggingSource/log-db#integrity"]
}

# --- R4

test_fail_r4_logs_kept_on_system if {
	local := object.union(_log_db, {"destination": "Asset/db"})
	fs := a8_15.findings with input as _with_source("log-db", local)
	_fails("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["LoggingSource/log-db#destination"],
		"message": concat("", [
			"LoggingSource/log-db keeps the logs of Asset/db on the system itself: ship them to a central log ",
			"store",
		]),
	}}
}

test_pass_r4_central_store_keeps_its_own_audit_log if {
	own := object.union(_log_db, {
		"id": "log-siem", "system": "Asset/siem", "destination": "Asset/siem",
		"log_types": ["auth"],
	})
	fs := a8_15.findings with input as _with_source("log-siem", own)
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_destination_not_in_inventory if {
	lost := object.union(_log_db, {"destination": "Asset/old-syslog"})
	fs := a8_15.findings with input as _with_source("log-db", lost)
	some f in _fails("R4", fs)
	contains(f.message, "ships to Asset/old-syslog, which is not in the inventory")
}

test_fail_r4_destination_missing if {
	fs := a8_15.findings with input as _with_source("log-db", object.remove(_log_db, ["destination"]))
	some f in _fails("R4", fs)
	contains(f.message, "ships to no destination, which is not in the inventory")
}

test_fail_r4_destination_retired if {
	retired := object.union(_assets.siem, {"lifecycle": {"retired_on": "2026-11-01"}})
	fs := a8_15.findings with input as _input({"Asset": object.union(_assets, {"siem": retired})})
	some f in _fails("R4", fs)
	contains(f.message, "which was retired on 2026-11-01")
}

# --- R5

test_fail_r5_no_access_roles if {
	fs := a8_15.findings with input as _with_source("log-db", object.remove(_log_db, ["access_roles"]))
	some f in _fails("R5", fs)
	f.refs == ["LoggingSource/log-db#access_roles"]
	f.message == "LoggingSource/log-db names no access_roles: say which roles may read these logs"
}

test_fail_r5_reader_without_role if {
	bob := _account("siem-bob", "Person/bob", "human")
	fs := a8_15.findings with input as _input({"Account": object.union(_accounts, {"siem-bob": bob})})
	_fails("R5", fs) == {{
		"rule": "R5", "outcome": "fail", "refs": ["Account/siem-bob"],
		"message": concat("", [
			concat("", [
				"Account/siem-bob (human) can read Asset/siem, the log store of LoggingSource/log-app, ",
				"LoggingSource/log-db, ",
			]),
			"but Person/bob holds none of their access_roles: remove the access or assign the role",
		]),
	}}
}

test_fail_r5_reader_without_holder if {
	shared := object.remove(_account("siem-shared", "", "shared"), ["holder"])
	fs := a8_15.findings with input as _input({"Account": object.union(_accounts, {"siem-shared": shared})})
	some f in _fails("R5", fs)
	contains(f.message, "but it has no holder, so no access role can be shown")
}

test_fail_r5_reader_who_left if {
	left := object.union(_ann, {"end_date": "2026-11-01"})
	fs := a8_15.findings with input as _input({"Person": {"ann": left, "bob": _bob}})
	some f in _fails("R5", fs)
	f.refs == ["Account/siem-ann"]
}

test_fail_r5_account_without_creation_date_counts if {
	undated := object.remove(_account("siem-bob", "Person/bob", "auditor"), ["created_on"])
	fs := a8_15.findings with input as _input({"Account": object.union(_accounts, {"siem-bob": undated})})
	some f in _fails("R5", fs)
	f.refs == ["Account/siem-bob"]
}

test_pass_r5_disabled_and_service_accounts_ignored if {
	gone := object.union(_account("siem-bob", "Person/bob", "human"), {"disabled_on": "2026-11-02"})
	fs := a8_15.findings with input as _input({"Account": object.union(_accounts, {"siem-bob": gone})})
	_outcomes("R5", fs) == {"pass"}
}

# --- R6

test_fail_r6_no_recent_review if {
	old := object.union(_review, {"performed_on": "2026-10-30"})
	fs := a8_15.findings with input as _input({"Activity": {"rev-1": old}})
	some f in _fails("R6", fs)
	f.refs == ["LoggingSource/log-app"]
	f.message == concat("", [
		"LoggingSource/log-app (logs of Asset/app) has no log review within 30 days of 2026-11-30 (last: 2026-10-30): ",
		"review the logs and record it as a log-review Activity",
	])
}

test_pass_r6_review_on_boundary if {
	edge := object.union(_review, {"performed_on": "2026-10-31"})
	fs := a8_15.findings with input as _input({"Activity": {"rev-1": edge}})
	_outcomes("R6", fs) == {"pass"}
}

test_fail_r6_never_reviewed if {
	fs := a8_15.findings with input as _input({"Activity": {}})
	count(_fails("R6", fs)) == 2
	some f in _fails("R6", fs)
	contains(f.message, "(last: never)")
}

test_fail_r6_own_interval_shorter if {
	weekly := object.union(_log_db, {"review_interval_days": 7})
	fs := a8_15.findings with input as _with_source("log-db", weekly)
	some f in _fails("R6", fs)
	contains(f.message, "no log review within 7 days")
}

test_pass_r6_review_naming_the_source if {
	per_source := _replace(_review, "subject_refs", ["LoggingSource/log-app", "Asset/db"])
	fs := a8_15.findings with input as _input({"Activity": {"rev-1": per_source}})
	_outcomes("R6", fs) == {"pass"}
}

test_fail_r6_other_activity_type_does_not_count if {
	other := object.union(_review, {"activity_type": "dlp-alert-review"})
	fs := a8_15.findings with input as _input({"Activity": {"rev-1": other}})
	"fail" in _outcomes("R6", fs)
}

test_not_exercised_without_records if {
	fs := a8_15.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	every rule in ["R1", "R2", "R3", "R4", "R5", "R6"] {
		_outcomes(rule, fs) == {"not_exercised"}
	}
}
