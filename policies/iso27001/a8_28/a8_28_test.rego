package annexa.iso27001.a8_28_test

import data.annexa.iso27001.a8_28
import rego.v1

_params := {
	"sast_max_age_days": 7, "config_scan_days": 7, "lookback_days": 365, "at_risk_days": 7,
	"vuln_sla_days": {"critical": 15, "high": 30, "medium": 90, "low": 180}, "secret_sla_days": 1,
	"exception_approver_roles": ["isms-manager"], "exception_max_days": 365,
	"training_refresh_days": 365, "training_new_hire_days": 30,
	"required_pipeline_gates": ["peer-review", "unit-tests", "sast", "sca", "secrets-scan"],
}

_repo := {"kind": "Asset", "id": "repo-app", "asset_type": "repository", "environment": "prod"}

_sast := {
	"kind": "TestRun", "id": "sast-1", "test_type": "sast", "performed_on": "2026-11-27T18:00:00Z",
	"scope": ["Asset/repo-app"],
}

_secrets := object.union(_sast, {"id": "sec-1", "test_type": "secrets-scan"})

_code := {
	"kind": "Finding", "id": "code-1", "source": "TestRun/sast-1", "finding_type": "code", "asset": "Asset/app",
	"identifier": "sql-injection", "severity": "high", "first_seen_on": "2026-11-20",
}

_secret := {
	"kind": "Finding", "id": "secret-1", "source": "TestRun/sec-1", "finding_type": "secret",
	"asset": "Asset/repo-app", "severity": "critical", "first_seen_on": "2026-10-01", "resolved_on": "2026-10-01",
}

_alice := {
	"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2024-01-08",
	"roles": [{"role": "Role/engineer", "from": "2024-01-08"}],
}

_miriam := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2022-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2022-01-01"}],
}

_training := {
	"kind": "TrainingRecord", "id": "tr-alice", "person": "Person/alice", "course": "Document/course-sc",
	"course_type": "secure-coding", "completed_on": "2026-03-11", "passed": true,
}

_records := {
	"Asset": {"repo-app": _repo},
	"TestRun": {"sast-1": _sast, "sec-1": _secrets},
	"Finding": {"code-1": _code, "secret-1": _secret},
	"Role": {"engineer": {"kind": "Role", "id": "engineer"}},
	"Person": {"alice": _alice, "miriam": _miriam},
	"TrainingRecord": {"tr-alice": _training},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_28.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_sast if {
	fs := a8_28.findings with input as _input({"TestRun": {"sec-1": _secrets}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Asset/repo-app"],
		"message": concat("", [
			"Asset/repo-app has no sast run in the last 7 days (sast_max_age_days; last: never) and no passing ",
			"gate:sast in a settings export of the last 7 days (config_scan_days): scan it on every merge or on schedule",
		]),
	}}
}

test_fail_r1_secret_scan_too_old if {
	old := object.union(_secrets, {"performed_on": "2026-11-22T18:00:00Z"})
	fs := a8_28.findings with input as _input({"TestRun": {"sast-1": _sast, "sec-1": old}})
	some f in _fails("R1", fs)
	contains(f.message, "no secrets-scan run in the last 7 days (sast_max_age_days; last: 2026-11-22)")
}

test_pass_r1_scan_on_window_boundary if {
	edge := object.union(_secrets, {"performed_on": "2026-11-23T18:00:00Z"})
	fs := a8_28.findings with input as _input({"TestRun": {"sast-1": _sast, "sec-1": edge}})
	_outcomes("R1", fs) == {"pass"}
}

_gates(status) := {
	"kind": "TestRun", "id": "vcs-1", "test_type": "vcs-settings", "performed_on": "2026-11-29T04:45:00Z",
	"scope": ["Asset/repo-app"],
	"results": [
		{"check_id": "gate:sast", "resource": "Asset/repo-app", "status": status},
		{"check_id": "gate:secrets-scan", "resource": "Asset/repo-app", "status": status},
	],
}

test_pass_r1_scans_on_every_merge if {
	fs := a8_28.findings with input as _input({"TestRun": {"vcs-1": _gates("pass")}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_gate_not_passing if {
	fs := a8_28.findings with input as _input({"TestRun": {"vcs-1": _gates("fail")}})
	count(_fails("R1", fs)) == 2
}

test_fail_r1_unrelated_run_type_does_not_count if {
	dast := object.union(_sast, {"test_type": "dast"})
	fs := a8_28.findings with input as _input({"TestRun": {"sast-1": dast, "sec-1": _secrets}})
	_outcomes("R1", fs) == {"fail"}
}

# --- R2

test_fail_r2_code_weakness_overdue if {
	old := object.union(_code, {"first_seen_on": "2026-10-01"})
	fs := a8_28.findings with input as _input({"Finding": {"code-1": old}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Finding/code-1"],
		"message": concat("", [
			"Finding/code-1 (high, Asset/app) is open and overdue since 2026-10-31 (vuln_sla_days): ",
			"fix it or record an approved exception",
		]),
	}}
}

test_fail_r2_fixed_late if {
	late := object.union(_code, {"first_seen_on": "2026-06-01", "resolved_on": "2026-07-15"})
	fs := a8_28.findings with input as _input({"Finding": {"code-1": late}})
	{f.refs | some f in _fails("R2", fs)} == {["Finding/code-1#resolved_on"]}
}

test_r2_at_risk_near_deadline if {
	near := object.union(_code, {"first_seen_on": "2026-11-05"})
	fs := a8_28.findings with input as _input({"Finding": {"code-1": near}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_medium_and_other_types_ignored if {
	medium := object.union(_code, {"id": "code-2", "severity": "medium", "first_seen_on": "2025-12-01"})
	dep := object.union(_code, {"id": "dep-1", "finding_type": "dependency", "first_seen_on": "2025-12-01"})
	fs := a8_28.findings with input as _input({"Finding": {"code-1": _code, "code-2": medium, "dep-1": dep}})
	_outcomes("R2", fs) == {"pass"}
}

_exception(approver) := {
	"kind": "Exception", "id": "exc-1", "applies_to": ["Finding/code-1"], "reason": "fix scheduled",
	"requested_by": "Person/alice", "approved_by": approver, "approved_on": "2026-10-20", "expires_on": "2027-01-31",
}

test_pass_r2_excepted if {
	old := object.union(_code, {"first_seen_on": "2026-10-01"})
	fs := a8_28.findings with input as _input({
		"Finding": {"code-1": old},
		"Exception": {"exc-1": _exception("Person/miriam")},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_exception_approver_without_role if {
	old := object.union(_code, {"first_seen_on": "2026-10-01"})
	bob := {"kind": "Person", "id": "bob", "employment_type": "employee", "start_date": "2022-01-01"}
	fs := a8_28.findings with input as _input({
		"Finding": {"code-1": old},
		"Exception": {"exc-1": _exception("Person/bob")},
		"Person": {"alice": _alice, "miriam": _miriam, "bob": bob},
	})
	_outcomes("R2", fs) == {"fail"}
}

# --- R3

test_fail_r3_secret_still_open if {
	open := object.remove(_secret, ["resolved_on"])
	fs := a8_28.findings with input as _input({"Finding": {"code-1": _code, "secret-1": open}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Finding/secret-1"],
		"message": concat("", [
			"Finding/secret-1 (secret in Asset/repo-app) is open since 2026-10-01, past its deadline 2026-10-02 ",
			"(secret_sla_days 1): revoke and replace the secret, then resolve the finding",
		]),
	}}
}

test_fail_r3_secret_resolved_late if {
	late := object.union(_secret, {"resolved_on": "2026-10-03"})
	fs := a8_28.findings with input as _input({"Finding": {"code-1": _code, "secret-1": late}})
	some f in _fails("R3", fs)
	f.refs == ["Finding/secret-1#resolved_on"]
	f.message == concat("", [
		"Finding/secret-1 (secret in Asset/repo-app) was resolved on 2026-10-03, after its deadline 2026-10-02 ",
		"(first seen 2026-10-01 + secret_sla_days 1)",
	])
}

test_pass_r3_resolved_on_deadline if {
	edge := object.union(_secret, {"resolved_on": "2026-10-02"})
	fs := a8_28.findings with input as _input({"Finding": {"code-1": _code, "secret-1": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_new_secret_at_risk if {
	fresh := object.remove(object.union(_secret, {"first_seen_on": "2026-11-30"}), ["resolved_on"])
	fs := a8_28.findings with input as _input({"Finding": {"code-1": _code, "secret-1": fresh}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_fail_r3_exception_not_accepted if {
	open := object.remove(_secret, ["resolved_on"])
	exc := object.union(_exception("Person/miriam"), {"applies_to": ["Finding/secret-1"]})
	fs := a8_28.findings with input as _input({
		"Finding": {"code-1": _code, "secret-1": open},
		"Exception": {"exc-1": exc},
	})
	_outcomes("R3", fs) == {"fail"}
}

test_r3_old_resolved_secret_outside_lookback if {
	old := object.union(_secret, {"first_seen_on": "2025-01-01", "resolved_on": "2025-02-01"})
	fs := a8_28.findings with input as _input({"Finding": {"code-1": _code, "secret-1": old}})
	_outcomes("R3", fs) == {"not_exercised"}
}

# --- R4

test_fail_r4_engineer_without_training if {
	fs := a8_28.findings with input as _input({"TrainingRecord": {}})
	_fails("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["Person/alice"],
		"message": concat("", [
			"Person/alice holds an engineering role but passed no secure-coding training in the last 365 days ",
			"(training_refresh_days; last: never): have them complete the course",
		]),
	}}
}

test_pass_r4_latest_training_counts if {
	old := object.union(_training, {"id": "tr-old", "completed_on": "2024-03-01"})
	renewed := object.union(_training, {"completed_on": "2025-12-01"})
	fs := a8_28.findings with input as _input({"TrainingRecord": {"tr-old": old, "tr-alice": renewed}})
	_outcomes("R4", fs) == {"pass"}
}
