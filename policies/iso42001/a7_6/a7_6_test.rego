package annexa.iso42001.a7_6_test

import data.annexa.iso42001.a7_6
import rego.v1

_params := {"lookback_days": 365, "min_label_agreement": 0.8}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre", "technical_owner": "Person/sofia",
	"intended_use": "routing aid", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2024-03-04"}],
	"components": {"datasets": ["Dataset/raw", "Dataset/train"]},
}

_procedure := {
	"kind": "Document", "id": "proc-data", "doc_type": "procedure", "topic": "ai-data-management",
	"version": "1.2.0", "published_on": "2026-02-02", "content_flags": {"allowed_preparation_methods": true},
	"approvals": [{"by": "Person/emre", "on": "2026-01-30", "decision": "approved", "version": "1.2.0"}],
}

_base := {
	"kind": "Dataset", "version": "1", "created_on": "2026-05-21", "owner": "Person/sofia",
	"classification": "confidential", "pii": {"contains_pii": false},
}

_raw := object.union(_base, {
	"id": "raw", "purpose": "training", "content_sha256": "r1",
	"lineage": {"external_sources": ["closed tickets"]},
	"preparation": {"steps": ["pseudonymise", "drop-attachments"]},
})

_train := object.union(_base, {
	"id": "train", "purpose": "training", "content_sha256": "t1",
	"lineage": {
		"parents": [{"dataset": "Dataset/raw", "sha256": "r1"}],
		"transformations": [
			{"step": "dedup", "code_ref": "git.example/ml@8d04:dedup.py"},
			{"step": "label-from-routing", "code_ref": "git.example/ml@8d04:labels.py"},
		],
	},
	"preparation": {
		"steps": ["dedup", "label-from-routing"],
		"labelling": {"method": "final routing by agents", "agreement_metric": "cohen_kappa", "agreement_value": 0.86},
	},
})

_records := {
	"AISystem": {"triage": _system},
	"Document": {"proc-data": _procedure},
	"Dataset": {"raw": _raw, "train": _train},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_train(changes) := {"Dataset": {"raw": _raw, "train": object.union(_train, changes)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a7_6.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R1"
	f.refs == ["Dataset/train"]
}

test_pass_root_dataset_needs_no_code_refs if {
	fs := a7_6.findings with input as _input({})
	count(_fails("R1", fs)) == 0
}

# --- R1

test_fail_r1_step_without_code_ref if {
	steps := {"preparation": {"steps": ["dedup", "label-from-routing", "manual-fix"]}}
	fs := a7_6.findings with input as _input(_with_train(steps))
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train#preparation.steps.2"]
	f.message == concat("", [
		"preparation step manual-fix of Dataset/train has no code reference: add a lineage.transformations entry ",
		"manual-fix with its code_ref",
	])
}

test_fail_r1_no_steps if {
	bare := object.remove(_train, ["preparation"])
	fs := a7_6.findings with input as _input({"Dataset": {"raw": _raw, "train": bare}})
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train"]
}

test_fail_r1_transformation_with_empty_code_ref if {
	t := {"lineage": {"transformations": [
		{"step": "dedup", "code_ref": ""},
		{"step": "label-from-routing", "code_ref": "x"},
	]}}
	fs := a7_6.findings with input as _input(_with_train(t))
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train#preparation.steps.0"]
}

# --- R2

test_fail_r2_agreement_below_minimum if {
	low := {"preparation": {"labelling": {"agreement_value": 0.79}}}
	fs := a7_6.findings with input as _input(_with_train(low))
	some f in _fails("R2", fs)
	f.refs == ["Dataset/train#preparation.labelling.agreement_value"]
	f.message == concat("", [
		"Dataset/train records labeller agreement 0.79 (cohen_kappa), below min_label_agreement=0.8 or not ",
		"measured: relabel or measure it",
	])
}

test_pass_r2_agreement_exactly_the_minimum if {
	edge := {"preparation": {"labelling": {"agreement_value": 0.8}}}
	fs := a7_6.findings with input as _input(_with_train(edge))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_method_or_metric if {
	l := {"kind": "Dataset", "preparation": {"labelling": {"agreement_value": 0.9}}}
	bare := object.union(object.remove(_train, ["preparation"]), l)
	fs := a7_6.findings with input as _input({"Dataset": {"raw": _raw, "train": bare}})
	some f in _fails("R2", fs)
	f.message == "Dataset/train is labelled but does not record the labelling method and agreement_metric: record them"
}

# --- R3

test_fail_r3_procedure_without_method_list if {
	plain := object.union(_procedure, {"content_flags": {"allowed_preparation_methods": false}})
	fs := a7_6.findings with input as _input({"Document": {"proc-data": plain}})
	some f in _fails("R3", fs)
	f.refs == ["Document/proc-data", "ManagementSystem"]
	f.message == concat("", [
		"2 datasets in use record preparation steps, but no current AI data-management procedure confirms the ",
		"allowed preparation methods (content_flags.allowed_preparation_methods; current: Document/proc-data): ",
		"list them",
	])
}

test_fail_r3_no_procedure if {
	fs := a7_6.findings with input as _input({"Document": {}})
	some f in _fails("R3", fs)
	contains(f.message, "(content_flags.allowed_preparation_methods; current: none)")
}
