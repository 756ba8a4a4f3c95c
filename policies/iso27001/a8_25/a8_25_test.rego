package annexa.iso27001.a8_25_test

import data.annexa.iso27001.a8_25
import rego.v1

_params := {
	"policy_review_days": 365, "config_scan_days": 7, "training_refresh_days": 365,
	"training_new_hire_days": 30, "at_risk_days": 7,
	"required_pipeline_gates": ["peer-review", "unit-tests", "sast", "sca", "secrets-scan"],
}

_policy := {
	"kind": "Document", "id": "pol-sdlc", "doc_type": "topic-policy", "topic": "secure-development",
	"version": "3.0.0", "published_on": "2026-01-20", "review_interval_days": 365,
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "3.0.0"}],
	"reviews": [{"by": "Person/jonas", "on": "2026-01-15", "outcome": "updated"}],
}

_repo := {"kind": "Asset", "id": "repo-app", "asset_type": "repository", "environment": "prod"}

_gates := ["peer-review", "unit-tests", "sast", "sca", "secrets-scan"]

_results(resource, status_of) := [{
	"check_id": sprintf("gate:%s", [g]), "resource": resource,
	"status": object.get(status_of, g, "pass"), "severity": "high",
} |
	some g in _gates
	object.get(status_of, g, "pass") != "absent"
]

_vcs := {
	"kind": "TestRun", "id": "vcs-1", "test_type": "vcs-settings", "performed_on": "2026-11-29T04:45:00Z",
	"scope": ["Asset/repo-app"], "results": _results("Asset/repo-app", {}),
}

_engineer := {"kind": "Role", "id": "engineer"}

_alice := {
	"kind": "Person", "id": "alice", "employment_type": "employee", "start_date": "2024-01-08",
	"roles": [{"role": "Role/engineer", "from": "2024-01-08"}],
}

_training := {
	"kind": "TrainingRecord", "id": "tr-alice", "person": "Person/alice", "course": "Document/course-sc",
	"course_type": "secure-coding", "completed_on": "2026-03-11", "passed": true,
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"pol-sdlc": _policy},
	"Asset": {"repo-app": _repo},
	"TestRun": {"vcs-1": _vcs},
	"Role": {"engineer": _engineer},
	"Person": {"alice": _alice},
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
	fs := a8_25.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_policy if {
	fs := a8_25.findings with input as _input({"Document": {}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/isms"],
		"message": "no current approved policy or topic-policy on secure-development exists: publish and approve one",
	}}
}

test_fail_r1_not_reviewed_in_interval if {
	old := object.union(_policy, {
		"published_on": "2025-01-20",
		"approvals": [{"by": "Person/lena", "on": "2025-01-19", "decision": "approved", "version": "3.0.0"}],
		"reviews": [{"by": "Person/jonas", "on": "2025-11-29", "outcome": "no-change"}],
	})
	fs := a8_25.findings with input as _input({"Document": {"pol-sdlc": old}})
	some f in _fails("R1", fs)
	f.refs == ["Document/pol-sdlc#reviews"]
	f.message == concat("", [
		"the secure development policy Document/pol-sdlc was not reviewed within its review interval ",
		"(default policy_review_days 365; last review: 2025-11-29): review it",
	])
}

test_pass_r1_reviewed_on_window_boundary if {
	edge := object.union(_policy, {
		"published_on": "2025-01-20",
		"approvals": [{"by": "Person/lena", "on": "2025-01-19", "decision": "approved", "version": "3.0.0"}],
		"reviews": [{"by": "Person/jonas", "on": "2025-11-30", "outcome": "no-change"}],
	})
	fs := a8_25.findings with input as _input({"Document": {"pol-sdlc": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_policy_not_approved if {
	draft := object.remove(_policy, ["approvals"])
	fs := a8_25.findings with input as _input({"Document": {"pol-sdlc": draft}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_other_topic_does_not_count if {
	other := object.union(_policy, {"topic": "access-control"})
	fs := a8_25.findings with input as _input({"Document": {"pol-sdlc": other}})
	_outcomes("R1", fs) == {"fail"}
}

# --- R2

test_fail_r2_gate_failed_and_missing if {
	run := object.union(_vcs, {"results": _results("Asset/repo-app", {"sast": "fail", "secrets-scan": "absent"})})
	fs := a8_25.findings with input as _input({"TestRun": {"vcs-1": run}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["TestRun/vcs-1#results.2"],
		"message": concat("", [
			"Asset/repo-app does not enforce the required pipeline gates sast (fail), secrets-scan (not reported) ",
			"in TestRun/vcs-1 of 2026-11-29: enable the gates in its pipeline and export the settings",
		]),
	}}
}

test_fail_r2_export_too_old if {
	old := object.union(_vcs, {"performed_on": "2026-11-22T04:45:00Z"})
	fs := a8_25.findings with input as _input({"TestRun": {"vcs-1": old}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/repo-app"]
	contains(f.message, "no gate results in the last 7 days (config_scan_days; last: 2026-11-22)")
}

test_pass_r2_export_on_window_boundary if {
	edge := object.union(_vcs, {"performed_on": "2026-11-23T04:45:00Z"})
	fs := a8_25.findings with input as _input({"TestRun": {"vcs-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_gate_results if {
	other := {"check_id": "repository_private", "resource": "Asset/repo-app", "status": "pass"}
	run := object.union(_vcs, {"results": [other]})
	fs := a8_25.findings with input as _input({"TestRun": {"vcs-1": run}})
	some f in _fails("R2", fs)
	contains(f.message, "Asset/repo-app has no gate results (check_id gate:NAME)")
}

test_fail_r2_latest_run_counts if {
	newer := {
		"kind": "TestRun", "id": "vcs-2", "test_type": "pipeline-gates", "performed_on": "2026-11-30T01:00:00Z",
		"scope": ["Asset/repo-app"], "results": _results("Asset/repo-app", {"peer-review": "error"}),
	}
	fs := a8_25.findings with input as _input({"TestRun": {"vcs-1": _vcs, "vcs-2": newer}})
	some f in _fails("R2", fs)
	contains(f.message, "peer-review (error) in TestRun/vcs-2 of 2026-11-30")
}

test_pass_r2_resource_by_external_id if {
	repo := object.union(_repo, {"external_ids": {"repo": "github.com/acme/app"}})
	run := object.union(_vcs, {"results": _results("github.com/acme/app", {})})
	fs := a8_25.findings with input as _input({"Asset": {"repo-app": repo}, "TestRun": {"vcs-1": run}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_ignores_non_production_and_retired_repositories if {
	dev := {"kind": "Asset", "id": "repo-dev", "asset_type": "repository", "environment": "dev"}
	org := {"kind": "Asset", "id": "org", "asset_type": "repository", "environment": "corp"}
	old := object.union(_repo, {"id": "repo-old", "lifecycle": {"retired_on": "2026-06-30"}})
	fs := a8_25.findings with input as _input({"Asset": {"repo-app": _repo, "repo-dev": dev, "org": org, "repo-old": old}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_not_exercised_without_production_repositories if {
	fs := a8_25.findings with input as _input({"Asset": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_training_expired if {
	old := object.union(_training, {"completed_on": "2025-11-29"})
	fs := a8_25.findings with input as _input({"TrainingRecord": {"tr-alice": old}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Person/alice"],
		"message": concat("", [
			"Person/alice holds an engineering role but passed no secure-coding training in the last 365 days ",
			"(training_refresh_days; last: 2025-11-29): have them complete the course",
		]),
	}}
}

test_pass_r3_training_on_window_boundary if {
	edge := object.union(_training, {"completed_on": "2025-11-30"})
	fs := a8_25.findings with input as _input({"TrainingRecord": {"tr-alice": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_training_not_passed if {
	failed := object.union(_training, {"passed": false})
	fs := a8_25.findings with input as _input({"TrainingRecord": {"tr-alice": failed}})
	some f in _fails("R3", fs)
	contains(f.message, "(training_refresh_days; last: never)")
}

test_fail_r3_other_course_type_does_not_count if {
	awareness := object.union(_training, {"course_type": "awareness"})
	fs := a8_25.findings with input as _input({"TrainingRecord": {"tr-alice": awareness}})
	_outcomes("R3", fs) == {"fail"}
}

test_fail_r3_role_requiring_secure_coding_course if {
	role := {
		"kind": "Role", "id": "data-scientist",
		"required_competences": [{"course": "Document/course-sc", "renew_days": 365}],
	}
	course := {
		"kind": "Document", "id": "course-sc", "doc_type": "training-material", "topic": "secure-coding",
		"version": "1.0.0", "published_on": "2026-01-01",
	}
	bob := {
		"kind": "Person", "id": "bob", "employment_type": "employee", "start_date": "2023-01-01",
		"roles": [{"role": "Role/data-scientist", "from": "2023-01-01"}],
	}
	fs := a8_25.findings with input as _input({
		"Role": {"engineer": _engineer, "data-scientist": role},
		"Document": {"pol-sdlc": _policy, "course-sc": course},
		"Person": {"alice": _alice, "bob": bob},
	})
	{f.refs | some f in _fails("R3", fs)} == {["Person/bob"]}
}

test_r3_new_engineer_in_grace_passes if {
	new := object.union(_alice, {"start_date": "2026-11-10", "roles": [{"role": "Role/engineer", "from": "2026-11-10"}]})
	fs := a8_25.findings with input as _input({"Person": {"alice": new}, "TrainingRecord": {}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_new_engineer_at_risk_near_deadline if {
	new := object.union(_alice, {"start_date": "2026-11-03", "roles": [{"role": "Role/engineer", "from": "2026-11-03"}]})
	fs := a8_25.findings with input as _input({"Person": {"alice": new}, "TrainingRecord": {}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == concat("", [
		"Person/alice became an engineer on 2026-11-03 and must pass secure-coding training by 2026-12-03 ",
		"(training_new_hire_days)",
	])
}

test_fail_r3_grace_over if {
	new := object.union(_alice, {"start_date": "2026-10-30", "roles": [{"role": "Role/engineer", "from": "2026-10-30"}]})
	fs := a8_25.findings with input as _input({"Person": {"alice": new}, "TrainingRecord": {}})
	_outcomes("R3", fs) == {"fail"}
}

test_r3_ignores_leavers_and_ended_roles if {
	# end_date and a role's to are exclusive: on that day the person no longer counts.
	left := object.union(_alice, {"end_date": "2026-11-30"})
	moved := {
		"kind": "Person", "id": "bob", "employment_type": "employee", "start_date": "2020-01-01",
		"roles": [{"role": "Role/engineer", "from": "2020-01-01", "to": "2026-11-30"}],
	}
	fs := a8_25.findings with input as _input({"Person": {"alice": left, "bob": moved}, "TrainingRecord": {}})
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r3_role_ending_tomorrow_still_counts if {
	ending := object.union(_alice, {"roles": [{"role": "Role/engineer", "from": "2024-01-08", "to": "2026-12-01"}]})
	fs := a8_25.findings with input as _input({"Person": {"alice": ending}, "TrainingRecord": {}})
	_outcomes("R3", fs) == {"fail"}
}
