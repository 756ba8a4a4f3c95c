package annexa.iso42001.a4_6_test

import data.annexa.iso42001.a4_6
import rego.v1

_params := {"training_refresh_days": 365, "training_new_hire_days": 30, "at_risk_days": 7}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre",
	"technical_owner": "Person/sofia", "intended_use": "routing", "risk_tier": "limited",
	"lifecycle": [{"stage": "inception", "from": "2024-01-01"}],
	"human_resources": [
		{"role": "Role/ml-engineer", "competences": ["text-classification"]},
		{"role": "Role/support-agent", "competences": ["ai-operator"]},
	],
}

_role(id, course) := {
	"kind": "Role", "id": id, "responsibilities": ["x"], "min_holders": 1, "privileged": false,
	"required_competences": [{"course": course, "renew_days": 365}],
}

_person(id, role, from) := {
	"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2021-01-01",
	"roles": [{"role": role, "from": from}],
}

_training(id, person, course, day) := {
	"kind": "TrainingRecord", "id": id, "person": person, "course": course,
	"course_type": "ai-literacy", "completed_on": day, "passed": true,
}

_records := {
	"AISystem": {"triage": _system},
	"Role": {
		"ml-engineer": _role("ml-engineer", "Document/course-ai-literacy"),
		"support-agent": _role("support-agent", "Document/course-operator"),
	},
	"Person": {
		"sofia": _person("sofia", "Role/ml-engineer", "2023-05-15"),
		"nora": _person("nora", "Role/support-agent", "2021-09-01"),
	},
	"TrainingRecord": {
		"tr-1": _training("tr-1", "Person/sofia", "Document/course-ai-literacy", "2026-02-20"),
		"tr-2": _training("tr-2", "Person/nora", "Document/course-operator", "2026-04-24"),
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a4_6.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_retired_system_out_of_scope if {
	retired := object.union(_system, {"lifecycle": [
		{"stage": "operation", "from": "2024-01-01"},
		{"stage": "retired", "from": "2026-01-01"},
	]})
	fs := a4_6.findings with input as _input({"AISystem": {"triage": retired}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_no_human_resources if {
	fs := a4_6.findings with input as _input({"AISystem": {"triage": object.remove(_system, ["human_resources"])}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage (stage inception) lists no human_resources: ",
		"record the roles it needs and their competences",
	])
}

test_fail_r1_role_without_competences if {
	s := object.union(_system, {"human_resources": [{"role": "Role/ml-engineer"}]})
	fs := a4_6.findings with input as _input({"AISystem": {"triage": s}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage#human_resources.0"]
}

# --- R2

test_fail_r2_training_expired if {
	old := _training("tr-1", "Person/sofia", "Document/course-ai-literacy", "2025-11-29")
	fs := a4_6.findings with input as _input({"TrainingRecord": {"tr-1": old, "tr-2": _records.TrainingRecord["tr-2"]}})
	some f in _fails("R2", fs)
	f.refs == ["Person/sofia", "Role/ml-engineer"]
	f.message == concat("", [
		"Person/sofia holds Role/ml-engineer (needed by AISystem/triage) but has not passed ",
		"Document/course-ai-literacy within 365 days (last: 2025-11-29): have them take it",
	])
}

test_pass_r2_training_on_boundary_at_risk if {
	edge := _training("tr-1", "Person/sofia", "Document/course-ai-literacy", "2025-11-30")
	fs := a4_6.findings with input as _input({"TrainingRecord": {"tr-1": edge, "tr-2": _records.TrainingRecord["tr-2"]}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_never_trained if {
	fs := a4_6.findings with input as _input({"TrainingRecord": {"tr-2": _records.TrainingRecord["tr-2"]}})
	some f in _fails("R2", fs)
	contains(f.message, "(last: never)")
}

test_pass_r2_new_holder_in_grace if {
	newbie := _person("max", "Role/support-agent", "2026-11-14")
	fs := a4_6.findings with input as _input({"Person": object.union(_records.Person, {"max": newbie})})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_other_course_version_counts if {
	new_course := {
		"kind": "Document", "id": "course-operator-2", "doc_type": "training-material", "version": "2.0.0",
		"published_on": "2026-04-21", "supersedes": "Document/course-operator",
	}
	tr := _training("tr-2", "Person/nora", "Document/course-operator-2", "2026-04-24")
	fs := a4_6.findings with input as _input({
		"Document": {"course-operator-2": new_course},
		"TrainingRecord": {"tr-1": _records.TrainingRecord["tr-1"], "tr-2": tr},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_certification_cannot_be_shown if {
	cert := object.union(_role("ml-engineer", "x"), {"required_competences": [{"cert": "ML Engineer Associate"}]})
	fs := a4_6.findings with input as _input({"Role": object.union(_records.Role, {"ml-engineer": cert})})
	some f in _fails("R2", fs)
	f.refs == ["Person/sofia", "Role/ml-engineer"]
}

test_pass_r2_failed_attempt_does_not_count if {
	attempt := _training("tr-3", "Person/sofia", "Document/course-ai-literacy", "2026-11-01")
	failed := object.union(attempt, {"passed": false})
	old := _training("tr-1", "Person/sofia", "Document/course-ai-literacy", "2025-11-01")
	fs := a4_6.findings with input as _input({"TrainingRecord": {
		"tr-1": old, "tr-2": _records.TrainingRecord["tr-2"], "tr-3": failed,
	}})
	_outcomes("R2", fs) == {"fail"}
}

# --- R3

test_fail_r3_role_not_held if {
	left := object.union(_person("nora", "Role/support-agent", "2021-09-01"), {"end_date": "2026-10-31"})
	fs := a4_6.findings with input as _input({"Person": {"sofia": _records.Person.sofia, "nora": left}})
	some f in _fails("R3", fs)
	f.refs == ["Role/support-agent"]
	f.message == "Role/support-agent is needed by AISystem/triage but no active person holds it at 2026-11-30: assign it"
}

test_fail_r3_role_not_defined if {
	fs := a4_6.findings with input as _input({"Role": {"ml-engineer": _records.Role["ml-engineer"]}})
	some f in _fails("R3", fs)
	f.refs == ["Role/support-agent"]
}
