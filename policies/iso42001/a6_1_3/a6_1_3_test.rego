package annexa.iso42001.a6_1_3_test

import data.annexa.iso42001.a6_1_3
import rego.v1

_gates := ["requirements", "data-review", "impact-assessment", "verification-validation", "release-approval"]

_params := {"ai_required_gates": _gates, "lookback_days": 365, "aiia_review_days": 365}

_approved(on, version) := [{"by": "Person/jonas", "on": on, "decision": "approved", "version": version}]

_procedure := {
	"kind": "Document", "id": "proc-lifecycle", "doc_type": "procedure", "topic": "ai-lifecycle",
	"version": "2.0.0", "published_on": "2026-02-02", "approvals": _approved("2026-01-30", "2.0.0"),
	"content_flags": {
		"requirements": true, "data_review": true, "impact_assessment": true,
		"verification_validation": true, "release_approval": true,
	},
}

_spec := {
	"kind": "Document", "id": "spec-bot", "doc_type": "specification", "version": "2.0.0",
	"published_on": "2026-03-20", "approvals": _approved("2026-03-19", "2.0.0"),
}

_system := {
	"kind": "AISystem", "id": "bot", "ai_role": "provider", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}], "requirements_spec": "Document/spec-bot",
}

_dataset(id, checked) := {
	"kind": "Dataset", "id": id, "purpose": "training", "version": "1", "content_sha256": id,
	"quality": {"checked_on": checked, "checked_by": "Person/sofia"},
}

_result(criterion, day) := {
	"criterion": criterion, "category": "performance", "threshold": 0.9, "value": 0.95, "passed": true,
	"dataset": "Dataset/eval", "evaluated_on": day, "evaluator": "Person/sofia",
}

_model := {
	"kind": "ModelRecord", "id": "bot-2.0.0", "ai_system": "AISystem/bot", "model_version": "2.0.0",
	"training": {"datasets": [{"dataset": "Dataset/train", "sha256": "train"}], "trained_on": "2026-04-01"},
	"evaluation": {"plan": "Document/eval-plan", "results": [
		_result("groundedness", "2026-04-15"),
		_result("acceptance", "2026-04-14"),
	]},
	"release_approval": {"by": "Person/jonas", "role": "Role/ai-release-approver", "on": "2026-04-17"},
	"deployment": {"change": "ChangeRecord/chg-2", "deployed_on": "2026-04-21T07:30:00Z", "environment": "prod"},
}

_change := {
	"kind": "ChangeRecord", "id": "chg-2", "change_class": "ai-model", "systems": ["AISystem/bot"],
	"author": "Person/tobias", "deployed_on": "2026-04-21T07:30:00Z", "significant": true,
}

_aiia := {
	"kind": "AIImpactAssessment", "id": "aiia-2", "ai_system": "AISystem/bot", "system_version": "2.0.0",
	"trigger": "significant-change", "trigger_ref": "ChangeRecord/chg-2", "method": "Document/proc-aiia",
	"performed_on": "2026-04-08", "affected_groups": [{"group": "agents", "vulnerable": false}], "impacts": [],
	"conclusion": "proceed", "approvals": [{"by": "Person/lena", "on": "2026-04-14", "decision": "approved"}],
}

_lena := {
	"kind": "Person", "id": "lena", "employment_type": "employee", "start_date": "2021-03-01",
	"roles": [{"role": "Role/ai-impact-approver", "from": "2025-03-03"}],
}

_records := {
	"Document": {"proc-lifecycle": _procedure, "spec-bot": _spec},
	"AISystem": {"bot": _system},
	"Dataset": {"train": _dataset("train", "2026-03-27"), "eval": _dataset("eval", "2026-03-27")},
	"ModelRecord": {"bot-2.0.0": _model},
	"ChangeRecord": {"chg-2": _change},
	"AIImpactAssessment": {"aiia-2": _aiia},
	"Person": {"lena": _lena},
	"ManagementSystem": {"aims": {"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_model(patch) := {"ModelRecord": {"bot-2.0.0": object.union(_model, patch)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_1_3.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_gate_not_named if {
	p := object.union(_procedure, {"content_flags": {"data_review": false}})
	fs := a6_1_3.findings with input as _input({"Document": {"proc-lifecycle": p, "spec-bot": _spec}})
	some f in _fails("R1", fs)
	f.refs == ["Document/proc-lifecycle"]
	f.message == concat("", [
		"Document/proc-lifecycle does not name the gates data-review in its content_flags (ai_required_gates): ",
		"add them and have it approved",
	])
}

test_pass_r1_hyphenated_flags if {
	flags := {g: true | some g in _gates}
	p := object.union(object.remove(_procedure, ["content_flags"]), {"content_flags": flags})
	fs := a6_1_3.findings with input as _input({"Document": {"proc-lifecycle": p, "spec-bot": _spec}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_procedure if {
	fs := a6_1_3.findings with input as _input({"Document": {"spec-bot": _spec}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/aims"]
}

# --- R2: missing evidence

test_fail_r2_requirements_approved_after_release if {
	late := object.union(_spec, {"approvals": _approved("2026-04-22", "2.0.0")})
	fs := a6_1_3.findings with input as _input({"Document": {"proc-lifecycle": _procedure, "spec-bot": late}})
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/bot-2.0.0"]
	f.message == concat("", [
		"ModelRecord/bot-2.0.0 (live 2026-04-21) has no evidence for gate requirements: its requirements ",
		"specification Document/spec-bot (or another version of it) was not approved by 2026-04-21",
	])
}

test_pass_r2_earlier_spec_version_counts if {
	v3 := object.union(_spec, {
		"id": "spec-bot-3", "version": "3.0.0", "published_on": "2026-09-01",
		"approvals": _approved("2026-09-01", "3.0.0"), "supersedes": "Document/spec-bot",
	})
	s := object.union(_system, {"requirements_spec": "Document/spec-bot-3"})
	fs := a6_1_3.findings with input as _input({
		"AISystem": {"bot": s},
		"Document": {"proc-lifecycle": _procedure, "spec-bot": _spec, "spec-bot-3": v3},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_dataset_not_reviewed if {
	fs := a6_1_3.findings with input as _input({"Dataset": {
		"train": _dataset("train", "2026-04-30"),
		"eval": _dataset("eval", "2026-03-27"),
	}})
	some f in _fails("R2", fs)
	contains(f.message, "gate data-review: the datasets Dataset/train have no quality check")
}

test_fail_r2_impact_assessment_after_release if {
	late := object.union(_aiia, {"approvals": [{"by": "Person/lena", "on": "2026-04-22", "decision": "approved"}]})
	fs := a6_1_3.findings with input as _input({"AIImpactAssessment": {"aiia-2": late}})
	some f in _fails("R2", fs)
	contains(f.message, "gate impact-assessment: no impact assessment of AISystem/bot was approved")
}

test_fail_r2_criterion_evaluated_after_release if {
	results := [_result("groundedness", "2026-04-15"), _result("acceptance", "2026-04-25")]
	fs := a6_1_3.findings with input as _input(_with_model({"evaluation": {"results": results}}))
	some f in _fails("R2", fs)
	contains(f.message, "gate verification-validation: the criteria acceptance were not evaluated by 2026-04-21")
}

test_fail_r2_no_release_approval if {
	fs := a6_1_3.findings with input as _input({"ModelRecord": {"bot-2.0.0": object.remove(_model, ["release_approval"])}})
	some f in _fails("R2", fs)
	contains(f.message, "gate release-approval: it has no release_approval")
}

test_fail_r2_unknown_gate if {
	params := object.union(_params, {"ai_required_gates": array.concat(_gates, ["security-review"])})
	fs := a6_1_3.findings with input as object.union(_input({}), {"params": params})
	some f in _fails("R2", fs)
	contains(f.message, "no evidence mapping exists for gate security-review")
}

# --- R2: order

test_fail_r2_release_approved_before_verification if {
	fs := a6_1_3.findings with input as _input(_with_model({"release_approval": {"on": "2026-04-14"}}))
	some f in _fails("R2", fs)
	f.message == concat("", [
		"ModelRecord/bot-2.0.0 passed gate verification-validation on 2026-04-15, after gate release-approval ",
		"on 2026-04-14: pass the gates of ai_required_gates in order",
	])
}

test_fail_r2_assessment_after_verification_for_significant_release if {
	late := object.union(_aiia, {"approvals": [{"by": "Person/lena", "on": "2026-04-16", "decision": "approved"}]})
	fs := a6_1_3.findings with input as _input({"AIImpactAssessment": {"aiia-2": late}})
	some f in _fails("R2", fs)
	contains(f.message, "passed gate impact-assessment on 2026-04-16, after gate verification-validation on 2026-04-15")
}

_minor := object.union(_model, {
	"id": "bot-2.1.0", "model_version": "2.1.0",
	"training": {"datasets": [{"dataset": "Dataset/train-q2", "sha256": "train-q2"}], "trained_on": "2026-05-28"},
	"evaluation": {"results": [_result("groundedness", "2026-06-05")]},
	"release_approval": {"on": "2026-06-12"},
	"deployment": {"change": "ChangeRecord/chg-3", "deployed_on": "2026-06-16T06:30:00Z"},
})

_minor_change := object.union(_change, {"id": "chg-3", "deployed_on": "2026-06-16T06:30:00Z", "significant": false})

test_pass_r2_minor_release_carries_assessment if {
	fs := a6_1_3.findings with input as _input({
		"ModelRecord": {"bot-2.0.0": _model, "bot-2.1.0": _minor},
		"ChangeRecord": {"chg-2": _change, "chg-3": _minor_change},
		"Dataset": object.union(_records.Dataset, {"train-q2": _dataset("train-q2", "2026-05-21")}),
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_significant_minor_release_needs_new_assessment if {
	fs := a6_1_3.findings with input as _input({
		"ModelRecord": {"bot-2.0.0": _model, "bot-2.1.0": _minor},
		"ChangeRecord": {"chg-2": _change, "chg-3": object.union(_minor_change, {"significant": true})},
		"Dataset": object.union(_records.Dataset, {"train-q2": _dataset("train-q2", "2026-05-21")}),
	})
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/bot-2.1.0"]
	contains(f.message, "the release is a significant change of AISystem/bot")
}

test_pass_r2_release_outside_lookback_not_judged if {
	old := object.union(_model, {
		"deployment": {"deployed_on": "2025-11-29T07:30:00Z"},
		"release_approval": {"on": "2026-01-01"},
	})
	fs := a6_1_3.findings with input as _input({"ModelRecord": {"bot-2.0.0": old}})
	_outcomes("R2", fs) == {"not_exercised"}
}
