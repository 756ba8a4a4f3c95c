package annexa.iso27001.a8_34_test

import data.annexa.iso27001.a8_34
import rego.v1

_params := {"lookback_days": 365}

_app := {"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod"}

_stg := {"kind": "Asset", "id": "app-stg", "asset_type": "application", "environment": "staging"}

_roe := {
	"doc": "Document/roe-2026", "approved_by": "Person/jonas", "approved_on": "2026-05-08",
	"window": {"from": "2026-05-18T07:00:00Z", "to": "2026-05-22T18:00:00Z"},
}

_pentest := {
	"kind": "TestRun", "id": "pt", "test_type": "pentest", "performed_on": "2026-05-22T16:00:00Z",
	"scope": ["Asset/app"], "rules_of_engagement": _roe, "links": {"accounts": ["Account/aud-1"]},
}

_auditor := {
	"kind": "Account", "id": "aud-1", "system": "Asset/app", "external_id": "pentester-1",
	"account_type": "auditor", "privileged": false, "entitlements": ["ReadOnly"],
	"created_on": "2026-05-17", "expires_on": "2026-05-23", "observed_on": "2026-05-20",
}

_jonas := {"kind": "Person", "id": "jonas", "employment_type": "employee", "start_date": "2021-03-01"}

_records := {
	"Asset": {"app": _app, "app-stg": _stg},
	"TestRun": {"pt": _pentest},
	"Account": {"aud-1": _auditor},
	"Person": {"jonas": _jonas},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

_with_roe(roe) := object.union(object.remove(_pentest, ["rules_of_engagement"]), {"rules_of_engagement": roe})

_auditor_with(extra, drop) := object.union(object.remove(_auditor, drop), extra)

test_pass_all_rules if {
	fs := a8_34.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_rules_of_engagement if {
	bare := object.remove(_pentest, ["rules_of_engagement"])
	fs := a8_34.findings with input as _input({"TestRun": {"pt": bare}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["TestRun/pt"],
		"message": concat("", [
			"TestRun/pt (pentest) records no rules_of_engagement: ",
			"approve the rules of engagement before any testing starts",
		]),
	}}
}

test_fail_r1_approved_after_testing_began if {
	late := _with_roe(object.union(_roe, {"approved_on": "2026-05-19"}))
	fs := a8_34.findings with input as _input({"TestRun": {"pt": late}})
	some f in _fails("R1", fs)
	f.refs == ["TestRun/pt#rules_of_engagement"]
	contains(f.message, "had its rules_of_engagement approved on 2026-05-19, after testing began on 2026-05-18")
}

test_pass_r1_approved_on_first_test_day if {
	same := _with_roe(object.union(_roe, {"approved_on": "2026-05-18"}))
	fs := a8_34.findings with input as _input({"TestRun": {"pt": same}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_approver if {
	fs := a8_34.findings with input as _input({"TestRun": {"pt": _with_roe(object.remove(_roe, ["approved_by"]))}})
	some f in _fails("R1", fs)
	contains(f.message, "names no approver of its rules_of_engagement (approved_by)")
}

test_fail_r1_approver_not_recorded if {
	fs := a8_34.findings with input as _input({"Person": {}})
	some f in _fails("R1", fs)
	contains(f.message, "names Person/jonas as approver of its rules_of_engagement, who is not a recorded Person")
}

test_fail_r1_no_approval_date if {
	fs := a8_34.findings with input as _input({"TestRun": {"pt": _with_roe(object.remove(_roe, ["approved_on"]))}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_audit_test_without_window_uses_performed_on if {
	audit := {
		"kind": "TestRun", "id": "aud", "test_type": "audit-test", "performed_on": "2026-09-10",
		"scope": ["Asset/app-stg"],
		"rules_of_engagement": {"approved_by": "Person/jonas", "approved_on": "2026-09-10"},
	}
	fs := a8_34.findings with input as _input({"TestRun": {"pt": _pentest, "aud": audit}})
	_outcomes("R1", fs) == {"pass"}
}

test_r1_old_and_other_tests_ignored if {
	old := object.union(object.remove(_pentest, ["rules_of_engagement"]), {"performed_on": "2025-11-29T16:00:00Z"})
	scan := {
		"kind": "TestRun", "id": "scan", "test_type": "vuln-scan", "performed_on": "2026-11-01",
		"scope": ["Asset/app"],
	}
	fs := a8_34.findings with input as _input({"TestRun": {"pt": old, "scan": scan}, "Account": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R2

test_fail_r2_auditor_with_write_rights if {
	writer := _auditor_with({"entitlements": ["ReadOnly", "repo:write"]}, ["entitlements"])
	fs := a8_34.findings with input as _input({"Account": {"aud-1": writer}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Account/aud-1#entitlements"],
		"message": "Account/aud-1 is an auditor account with write rights (repo:write): give auditors read-only access",
	}}
}

test_fail_r2_auditor_privileged if {
	fs := a8_34.findings with input as _input({"Account": {"aud-1": _auditor_with({"privileged": true}, [])}})
	{f.refs | some f in _fails("R2", fs)} == {["Account/aud-1#privileged"]}
}

test_fail_r2_expires_too_late if {
	fs := a8_34.findings with input as _input({"Account": {"aud-1": _auditor_with({"expires_on": "2026-05-24"}, [])}})
	some f in _fails("R2", fs)
	f.refs == ["Account/aud-1#expires_on"]
	f.message == concat("", [
		"Account/aud-1 serves a test that ended on 2026-05-22 but stops working only on 2026-05-24: ",
		"let auditor accounts expire by 2026-05-23 (test end + 1 day)",
	])
}

test_pass_r2_disabled_in_time if {
	disabled := _auditor_with({"disabled_on": "2026-05-22"}, ["expires_on"])
	fs := a8_34.findings with input as _input({"Account": {"aud-1": disabled}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_expiry if {
	fs := a8_34.findings with input as _input({"Account": {"aud-1": _auditor_with({}, ["expires_on"])}})
	some f in _fails("R2", fs)
	contains(f.message, "ended on 2026-05-22 but has no expires_on")
}

test_fail_r2_not_tied_to_a_test if {
	unlinked := object.remove(_pentest, ["links"])
	fs := a8_34.findings with input as _input({"TestRun": {"pt": unlinked}})
	some f in _fails("R2", fs)
	f.refs == ["Account/aud-1"]
	contains(f.message, "is an auditor account tied to no pentest or audit-test TestRun (links)")
}

test_pass_r2_linked_from_the_account if {
	unlinked := object.remove(_pentest, ["links"])
	linked := _auditor_with({"links": {"tests": ["TestRun/pt"]}}, [])
	fs := a8_34.findings with input as _input({"TestRun": {"pt": unlinked}, "Account": {"aud-1": linked}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_end_without_window_is_performed_on if {
	no_window := _with_roe(object.remove(_roe, ["window"]))
	fs := a8_34.findings with input as _input({"TestRun": {"pt": no_window}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_old_disabled_auditor_ignored if {
	old := _auditor_with({"created_on": "2025-05-17", "disabled_on": "2025-05-30", "privileged": true}, ["expires_on"])
	fs := a8_34.findings with input as _input({"Account": {"aud-1": old}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_outside_window if {
	late := object.union(_pentest, {"performed_on": "2026-05-23T10:00:00Z"})
	fs := a8_34.findings with input as _input({"TestRun": {"pt": late}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["TestRun/pt#performed_on"],
		"message": concat("", [
			"TestRun/pt tested production at 2026-05-23T10:00:00Z, outside its approved window 2026-05-18T07:00:00Z ",
			"to 2026-05-22T18:00:00Z: keep tests on production inside the window",
		]),
	}}
}

test_fail_r3_no_window if {
	fs := a8_34.findings with input as _input({"TestRun": {"pt": _with_roe(object.remove(_roe, ["window"]))}})
	some f in _fails("R3", fs)
	f.refs == ["TestRun/pt#rules_of_engagement"]
	contains(f.message, "tested production without an approved testing window")
}

test_pass_r3_date_window_covers_last_day if {
	dated := _with_roe(object.union(_roe, {"window": {"from": "2026-05-18", "to": "2026-05-22"}}))
	fs := a8_34.findings with input as _input({"TestRun": {"pt": dated}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_test_at_window_end if {
	edge := object.union(_pentest, {"performed_on": "2026-05-22T18:00:00Z"})
	fs := a8_34.findings with input as _input({"TestRun": {"pt": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_tests_outside_production_ignored if {
	staging := object.union(_with_roe(object.remove(_roe, ["window"])), {"scope": ["Asset/app-stg"]})
	fs := a8_34.findings with input as _input({"TestRun": {"pt": staging}})
	_outcomes("R3", fs) == {"not_exercised"}
}
