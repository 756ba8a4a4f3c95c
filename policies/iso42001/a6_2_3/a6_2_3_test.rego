package annexa.iso42001.a6_2_3_test

import data.annexa.iso42001.a6_2_3
import rego.v1

_params := {"lookback_days": 365}

_design(id, version, published, approved) := {
	"kind": "Document", "id": id, "doc_type": "design", "version": version, "published_on": published,
	"approvals": [{"by": "Person/jonas", "on": approved, "decision": "approved", "version": version}],
}

_model := {
	"kind": "ModelRecord", "id": "triage-2.1.0", "ai_system": "AISystem/triage", "model_version": "2.1.0",
	"training": {
		"code_commit": "a8c3f5d2", "config_sha256": "f5d1",
		"datasets": [{"dataset": "Dataset/train-2026q1", "sha256": "b3c7"}], "trained_on": "2026-05-28",
	},
	"design_doc": "Document/design-2-1",
	"deployment": {"deployed_on": "2026-06-16T06:30:00Z", "environment": "prod"},
}

_records := {
	"ModelRecord": {"triage-2.1.0": _model},
	"Document": {
		"design-2-0": _design("design-2-0", "2.0.0", "2025-07-30", "2025-07-29"),
		"design-2-1": object.union(
			_design("design-2-1", "2.1.0", "2026-05-15", "2026-05-14"),
			{"supersedes": "Document/design-2-0"},
		),
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_model(m) := {"ModelRecord": {"triage-2.1.0": m}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_2_3.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_older_model_with_superseded_design if {
	old := object.union(_model, {
		"id": "triage-2.0.0", "model_version": "2.0.0", "design_doc": "Document/design-2-0",
		"training": {"trained_on": "2025-08-20"}, "retired_on": "2026-06-16",
		"deployment": {"deployed_on": "2025-09-22T06:30:00Z"},
	})
	fs := a6_2_3.findings with input as _input({"ModelRecord": {"triage-2.1.0": _model, "triage-2.0.0": old}})
	_outcomes("R2", fs) == {"pass"}
}

# --- R1

test_fail_r1_no_design_doc if {
	fs := a6_2_3.findings with input as _input(_with_model(object.remove(_model, ["design_doc"])))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/triage-2.1.0"]
	f.message == "ModelRecord/triage-2.1.0 (version 2.1.0) names no design_doc: link the design document it was built to"
}

test_fail_r1_design_doc_wrong_type if {
	spec := object.union(_design("design-2-1", "2.1.0", "2026-05-15", "2026-05-14"), {"doc_type": "specification"})
	fs := a6_2_3.findings with input as _input({"Document": {"design-2-1": spec}})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/triage-2.1.0#design_doc"]
}

test_fail_r1_training_metadata_missing if {
	m := object.union(_model, {"training": {"code_commit": "", "config_sha256": "f5d1"}})
	fs := a6_2_3.findings with input as _input(_with_model(m))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/triage-2.1.0#training"]
	f.message == concat("", [
		"ModelRecord/triage-2.1.0 (version 2.1.0) does not record training.code_commit: ",
		"record how it was trained",
	])
}

test_fail_r1_dataset_without_digest if {
	m := object.union(_model, {"training": {"datasets": [{"dataset": "Dataset/train-2026q1"}]}})
	fs := a6_2_3.findings with input as _input(_with_model(m))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/triage-2.1.0#training.datasets.0"]
}

test_fail_r1_no_training_block_without_base_model if {
	fs := a6_2_3.findings with input as _input(_with_model(object.remove(_model, ["training"])))
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/triage-2.1.0"]
}

test_pass_r1_supplied_model_needs_only_design if {
	supplied := object.union(object.remove(_model, ["training"]), {"base_model": {"name": "lumen-3-chat"}})
	fs := a6_2_3.findings with input as _input(_with_model(supplied))
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

# --- R2

test_fail_r2_design_published_after_training if {
	m := object.union(_model, {"training": {"trained_on": "2026-05-10"}})
	fs := a6_2_3.findings with input as _input(_with_model(m))
	some f in _fails("R2", fs)
	f.refs == ["ModelRecord/triage-2.1.0#design_doc"]
	f.message == concat("", [
		"the design Document/design-2-1 of ModelRecord/triage-2.1.0 was not in force when the model was trained ",
		"on 2026-05-10: it was published only on 2026-05-15; link the design it was built to",
	])
}

test_fail_r2_design_superseded_before_training if {
	m := object.union(_model, {"design_doc": "Document/design-2-0"})
	fs := a6_2_3.findings with input as _input(_with_model(m))
	some f in _fails("R2", fs)
	contains(f.message, "a newer version had already been published by then")
}

test_fail_r2_design_approved_late if {
	late := object.union(
		_design("design-2-1", "2.1.0", "2026-05-15", "2026-06-01"),
		{"supersedes": "Document/design-2-0"},
	)
	fs := a6_2_3.findings with input as _input({"Document": object.union(_records.Document, {"design-2-1": late})})
	some f in _fails("R2", fs)
	contains(f.message, "its version 2.1.0 was not approved by then")
}

test_pass_r2_published_on_training_day if {
	m := object.union(_model, {"training": {"trained_on": "2026-05-15"}})
	fs := a6_2_3.findings with input as _input(_with_model(m))
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_without_trained_on_uses_deployment_day if {
	m := object.union(object.remove(_model, ["training"]), {"training": {
		"code_commit": "a8c3f5d2", "config_sha256": "f5d1",
		"datasets": [{"dataset": "Dataset/train-2026q1", "sha256": "b3c7"}],
	}})
	fs := a6_2_3.findings with input as _input(_with_model(m))
	_outcomes("R2", fs) == {"pass"}
}
