package annexa.iso42001.a9_2_test

import data.annexa.iso42001.a9_2
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7, "doc_review_days": 365, "posture_max_age_days": 7,
	"ai_monitoring_review_days": 30, "training_new_hire_days": 30,
	"attestation_max_days": 365, "attestation_sod": false,
}

_system := {
	"kind": "AISystem", "id": "assistant", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "reply drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
	"oversight_role": "Role/support-agent",
	"oversight": {
		"mode": "in-the-loop", "operators_role": "Role/support-agent", "can_override": true,
		"stop_conditions": "groundedness below 0.90",
	},
}

_procedure := {
	"kind": "Document", "id": "proc-use", "doc_type": "procedure", "topic": "responsible-ai-use",
	"version": "1.1.0", "published_on": "2026-02-02", "review_interval_days": 365,
	"approvals": [{"by": "Person/emre", "on": "2026-01-30", "decision": "approved", "version": "1.1.0"}],
}

_role := {
	"kind": "Role", "id": "support-agent", "responsibilities": ["review drafts"], "min_holders": 2, "privileged": false,
	"required_competences": [{"course": "Document/course-operator", "renew_days": 365}],
}

_person(id, roles) := {
	"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2021-01-01",
	"roles": roles,
}

_training(id, person) := {
	"kind": "TrainingRecord", "id": id, "person": person, "course": "Document/course-operator",
	"course_type": "ai-operator", "completed_on": "2026-04-25", "passed": true, "ai_system": "AISystem/assistant",
}

_log := {
	"kind": "LoggingSource", "id": "log-assistant", "system": "AISystem/assistant",
	"log_types": ["ai-inference", "ai-override", "model-version"], "destination": "Asset/siem",
	"retention_days": 400, "observed_on": "2026-11-29",
}

_review := {
	"kind": "Activity", "id": "oversight-2026-11", "activity_type": "oversight-review",
	"subject_refs": ["AISystem/assistant"], "performed_by": "Person/nora", "performed_on": "2026-11-25",
	"outcome": "ok",
}

_records := {
	"AISystem": {"assistant": _system},
	"Document": {"proc-use": _procedure},
	"Role": {"support-agent": _role},
	"Person": {
		"nora": _person("nora", [{"role": "Role/support-agent", "from": "2021-09-01"}]),
		"emre": _person("emre", [{"role": "Role/aims-owner", "from": "2025-03-03"}]),
	},
	"TrainingRecord": {"tr-nora": _training("tr-nora", "Person/nora")},
	"LoggingSource": {"log-assistant": _log},
	"Activity": {"oversight-2026-11": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

_attestation(by, role, scope) := {
	"kind": "Attestation", "id": "att-oversight", "controls": ["iso42001:A.9.2"],
	"statement": "Agents review every draft", "scope": [scope], "attested_by": by, "role": role,
	"attested_on": "2026-06-01", "valid_until": "2027-05-31",
}

_no_override_log := {"LoggingSource": {"log-assistant": object.union(_log, {"log_types": [
	"ai-inference",
	"model-version",
]})}}

test_pass_all_rules if {
	fs := a9_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_operator_trained_through_role_course if {
	general := object.remove(_training("tr-nora", "Person/nora"), ["ai_system"])
	other := object.union(general, {"course_type": "role-other"})
	fs := a9_2.findings with input as _input({"TrainingRecord": {"tr-nora": other}})
	_outcomes("R3", fs) == {"pass"}
}

# --- R1

test_fail_r1_no_procedure if {
	fs := a9_2.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current responsible AI use procedure at 2026-11-30 (topic responsible-ai-use, published, approved): ",
		"publish one",
	])
}

test_fail_r1_procedure_not_reviewed if {
	old := object.union(_procedure, {"approvals": [{
		"by": "Person/emre", "on": "2025-11-01", "decision": "approved",
		"version": "1.1.0",
	}]})
	fs := a9_2.findings with input as _input({"Document": {"proc-use": old}})
	some f in _fails("R1", fs)
	f.refs == ["Document/proc-use"]
}

# --- R2

test_fail_r2_no_stop_conditions_or_override if {
	loose := object.union(object.remove(_system, ["oversight"]), {"oversight": {
		"mode": "on-the-loop",
		"operators_role": "Role/support-agent",
	}})
	fs := a9_2.findings with input as _input({"AISystem": {"assistant": loose}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/assistant#oversight"]
	f.message == concat("", [
		"the oversight design of AISystem/assistant lacks can_override, stop_conditions (an operators_role must be ",
		"a defined Role): complete oversight",
	])
}

test_fail_r2_no_oversight_at_all if {
	bare := object.remove(_system, ["oversight"])
	fs := a9_2.findings with input as _input({"AISystem": {"assistant": bare}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/assistant"]
}

# --- R3

test_fail_r3_operator_untrained if {
	fs := a9_2.findings with input as _input({"TrainingRecord": {}})
	some f in _fails("R3", fs)
	f.refs == ["Person/nora"]
	f.message == concat("", [
		"Person/nora operates AISystem/assistant as Role/support-agent since 2021-09-01 but has passed no operator ",
		"training for it (due 2021-10-01, training_new_hire_days=30): train them",
	])
}

test_fail_r3_failed_training_does_not_count if {
	failed := object.union(_training("tr-nora", "Person/nora"), {"passed": false})
	fs := a9_2.findings with input as _input({"TrainingRecord": {"tr-nora": failed}})
	count(_fails("R3", fs)) == 1
}

test_fail_r3_training_for_another_system if {
	other := object.union(_training("tr-nora", "Person/nora"), {"ai_system": "AISystem/triage", "course": "Document/c2"})
	fs := a9_2.findings with input as _input({"TrainingRecord": {"tr-nora": other}})
	count(_fails("R3", fs)) == 1
}

test_pass_r3_newcomer_inside_grace_is_at_risk if {
	people := {
		"nora": _person("nora", [{"role": "Role/support-agent", "from": "2021-09-01"}]),
		"max": _person("max", [{"role": "Role/support-agent", "from": "2026-11-05"}]),
	}
	fs := a9_2.findings with input as _input({"Person": people})
	some f in fs
	f.rule == "R3"
	f.outcome == "at_risk"
	f.message == "Person/max must pass operator training for AISystem/assistant by 2026-12-05"
	count(_fails("R3", fs)) == 0
}

test_pass_r3_former_operator_is_not_counted if {
	people := {"nora": _person("nora", [{"role": "Role/support-agent", "from": "2021-09-01", "to": "2026-03-31"}])}
	fs := a9_2.findings with input as _input({"Person": people})
	_outcomes("R3", fs) == {"not_exercised"}
}

# --- R4

test_fail_r4_no_recent_oversight_review if {
	old := object.union(_review, {"performed_on": "2026-10-30"})
	fs := a9_2.findings with input as _input({"Activity": {"oversight-2026-11": old}})
	some f in _fails("R4", fs)
	f.refs == ["AISystem/assistant"]
	f.message == concat("", [
		"AISystem/assistant logs human overrides but has no oversight-review Activity within ",
		"ai_monitoring_review_days=30 (last: 2026-10-30): review the overrides and record it",
	])
}

test_pass_r4_review_of_the_log_source_counts if {
	on_log := object.union(_review, {"subject_refs": ["LoggingSource/log-assistant"]})
	fs := a9_2.findings with input as _input({"Activity": {"oversight-2026-11": on_log}})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_attestation_does_not_replace_missing_review if {
	att := _attestation("Person/emre", "Role/aims-owner", "AISystem/assistant")
	fs := a9_2.findings with input as _input({"Activity": {}, "Attestation": {"att-oversight": att}})
	count(_fails("R4", fs)) == 1
}

test_pass_r4_owner_attests_when_nothing_is_logged if {
	att := _attestation("Person/emre", "Role/aims-owner", "AISystem/assistant")
	fs := a9_2.findings with input as _input(object.union(_no_override_log, {"Attestation": {"att-oversight": att}}))
	_outcomes("R4", fs) == {"pass"}
	some f in fs
	f.rule == "R4"
	f.refs == ["AISystem/assistant", "Attestation/att-oversight"]
}

test_fail_r4_no_log_and_no_attestation if {
	fs := a9_2.findings with input as _input(_no_override_log)
	some f in _fails("R4", fs)
	f.message == concat("", [
		"AISystem/assistant has no switched-on override log and no current attestation of iso42001:A.9.2 by its ",
		"owner Person/emre (no Attestation names iso42001:A.9.2): log overrides or have the owner attest oversight",
	])
}

test_fail_r4_attestation_by_someone_else if {
	att := _attestation("Person/nora", "Role/support-agent", "AISystem/assistant")
	fs := a9_2.findings with input as _input(object.union(_no_override_log, {"Attestation": {"att-oversight": att}}))
	some f in _fails("R4", fs)
	contains(f.message, "(Attestation/att-oversight attested by someone other than the system owner Person/emre)")
}

test_fail_r4_attestation_expired if {
	att := object.union(
		_attestation("Person/emre", "Role/aims-owner", "AISystem/assistant"),
		{"attested_on": "2025-11-01", "valid_until": "2026-10-31"},
	)
	fs := a9_2.findings with input as _input(object.union(_no_override_log, {"Attestation": {"att-oversight": att}}))
	some f in _fails("R4", fs)
	contains(f.message, "(Attestation/att-oversight expired on 2026-10-31)")
}

test_fail_r4_stale_override_log_needs_attestation if {
	stale := {"LoggingSource": {"log-assistant": object.union(_log, {"observed_on": "2026-10-01"})}}
	fs := a9_2.findings with input as _input(stale)
	some f in _fails("R4", fs)
	contains(f.message, "has no switched-on override log")
}
