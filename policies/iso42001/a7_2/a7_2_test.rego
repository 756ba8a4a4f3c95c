package annexa.iso42001.a7_2_test

import data.annexa.iso42001.a7_2
import rego.v1

_params := {"lookback_days": 365, "doc_review_days": 365}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre", "technical_owner": "Person/sofia",
	"intended_use": "routing aid", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2024-03-04"}],
	"components": {"datasets": ["Dataset/train", "Dataset/eval"]},
}

_procedure := {
	"kind": "Document", "id": "proc-data", "doc_type": "procedure", "topic": "ai-data-management",
	"version": "1.2.0", "published_on": "2026-02-02", "review_interval_days": 365,
	"approvals": [{"by": "Person/emre", "on": "2026-01-30", "decision": "approved", "version": "1.2.0"}],
}

_dataset(id, purpose) := {
	"kind": "Dataset", "id": id, "purpose": purpose, "version": "2026q1.1", "content_sha256": id,
	"created_on": "2026-05-21", "owner": "Person/sofia", "classification": "confidential",
	"pii": {"contains_pii": true, "lawful_basis": "contract"},
	"known_limitations": "few tickets in other languages",
}

_records := {
	"AISystem": {"triage": _system},
	"Document": {"proc-data": _procedure},
	"Dataset": {"train": _dataset("train", "training"), "eval": _dataset("eval", "evaluation")},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_datasets(extra) := {"Dataset": object.union(object.remove(_records.Dataset, object.keys(extra)), extra)}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a7_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R2"
	f.refs == ["Dataset/train"]
}

test_pass_bias_analysis_instead_of_limitations if {
	d := object.union(object.remove(_dataset("train", "training"), ["known_limitations"]), {"bias_analysis": {
		"performed_on": "2026-05-21",
		"attributes": ["language"],
	}})
	fs := a7_2.findings with input as _input(_datasets({"train": d}))
	_outcomes("R2", fs) == {"pass"}
}

test_pass_datasets_of_retired_systems_are_out_of_scope if {
	gone := object.union(_system, {"lifecycle": [
		{"stage": "operation", "from": "2024-03-04"},
		{"stage": "retired", "from": "2025-01-01"},
	]})
	bare := object.remove(_dataset("train", "training"), ["known_limitations", "classification"])
	fs := a7_2.findings with input as _input(object.union({"AISystem": {"triage": gone}}, _datasets({"train": bare})))
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_no_procedure if {
	fs := a7_2.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current AI data-management procedure at 2026-11-30 (topic ai-data-management, published, approved): ",
		"publish one",
	])
}

test_fail_r1_procedure_not_reviewed if {
	old := object.union(_procedure, {
		"published_on": "2025-02-02",
		"approvals": [{"by": "Person/emre", "on": "2025-01-30", "decision": "approved", "version": "1.2.0"}],
	})
	fs := a7_2.findings with input as _input({"Document": {"proc-data": old}})
	some f in _fails("R1", fs)
	f.refs == ["Document/proc-data"]
	f.message == concat("", [
		"the AI data-management procedure Document/proc-data was last reviewed on 2025-01-30, longer ago than its ",
		"review interval: review it",
	])
}

# --- R2

test_fail_r2_no_representativeness_notes if {
	d := object.remove(_dataset("train", "training"), ["known_limitations"])
	fs := a7_2.findings with input as _input(_datasets({"train": d}))
	some f in _fails("R2", fs)
	f.refs == ["Dataset/train"]
	f.message == concat("", [
		"Dataset/train (training, version 2026q1.1) does not record known_limitations or bias_analysis: ",
		"complete its data-management record",
	])
}

test_fail_r2_empty_classification if {
	d := object.union(_dataset("train", "training"), {"classification": " "})
	fs := a7_2.findings with input as _input(_datasets({"train": d}))
	some f in _fails("R2", fs)
	contains(f.message, "does not record classification")
}

# --- R3

test_fail_r3_pii_without_lawful_basis if {
	d := object.union(_dataset("eval", "evaluation"), {"pii": {"contains_pii": true, "lawful_basis": ""}})
	fs := a7_2.findings with input as _input(_datasets({"eval": d}))
	some f in _fails("R3", fs)
	f.refs == ["Dataset/eval#pii"]
	f.message == "Dataset/eval (evaluation) holds personal data but names no lawful basis: record pii.lawful_basis"
}

test_pass_r3_no_pii_needs_no_basis if {
	d := object.union(_dataset("eval", "evaluation"), {"pii": {"contains_pii": false}})
	t := object.union(_dataset("train", "training"), {"pii": {"contains_pii": false}})
	fs := a7_2.findings with input as _input(_datasets({"eval": d, "train": t}))
	_outcomes("R3", fs) == {"not_exercised"}
}
