package annexa.iso42001.a7_5_test

import data.annexa.iso42001.a7_5
import rego.v1

_params := {"lookback_days": 365}

_model := {
	"kind": "ModelRecord", "id": "m2", "ai_system": "AISystem/triage", "model_version": "2.0.0",
	"training": {"code_commit": "4f1c", "datasets": [{"dataset": "Dataset/train", "sha256": "t1"}]},
	"deployment": {"deployed_on": "2026-04-03T09:00:00Z", "environment": "prod"},
}

_raw := {
	"kind": "Dataset", "id": "raw", "purpose": "training", "version": "1", "content_sha256": "r1",
	"acquisition": {
		"source_type": "internal",
		"rights_basis": "own-data",
		"collection_method": "export of closed tickets",
	},
}

_labels := {
	"kind": "Dataset", "id": "labels", "purpose": "training", "version": "1", "content_sha256": "l1",
	"lineage": {"external_sources": ["annotation vendor batch 7"]},
}

_train := {
	"kind": "Dataset", "id": "train", "purpose": "training", "version": "2", "content_sha256": "t1",
	"lineage": {
		"parents": [{"dataset": "Dataset/raw", "sha256": "r1"}, {"dataset": "Dataset/labels", "sha256": "l1"}],
		"transformations": [{"step": "join-and-dedup", "code_ref": "git.example/ml@4f1c", "on": "2026-03-01"}],
	},
}

_records := {
	"ModelRecord": {"m2": _model},
	"Dataset": {"raw": _raw, "labels": _labels, "train": _train},
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
	fs := a7_5.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R3"
	f.refs == ["Dataset/labels", "Dataset/raw", "Dataset/train"]
}

test_pass_supplied_model_without_training_is_out_of_scope if {
	hosted := {
		"kind": "ModelRecord", "id": "llm", "ai_system": "AISystem/assistant", "model_version": "2025-06",
		"base_model": {"name": "hosted-llm"}, "deployment": {"deployed_on": "2026-01-10"},
	}
	fs := a7_5.findings with input as _input({"ModelRecord": {"llm": hosted}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_no_training_datasets if {
	bare := object.remove(_model, ["training"])
	fs := a7_5.findings with input as _input({"ModelRecord": {"m2": bare}})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2"]
	f.message == "ModelRecord/m2 (version 2.0.0) lists no training datasets: name each by Dataset and sha256"
}

test_fail_r1_hash_mismatch if {
	wrong := object.union(_model, {"training": {"datasets": [{"dataset": "Dataset/train", "sha256": "t0"}]}})
	fs := a7_5.findings with input as _input({"ModelRecord": {"m2": wrong}})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2#training.datasets.0.sha256"]
	f.message == concat("", [
		"ModelRecord/m2 was trained on Dataset/train with sha256 t0, but the record has content_sha256 t1: ",
		"record the version actually used",
	])
}

test_fail_r1_hash_missing if {
	unpinned := object.union(_model, {"training": {"datasets": [{"dataset": "Dataset/train"}]}})
	fs := a7_5.findings with input as _input({"ModelRecord": {"m2": unpinned}})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2#training.datasets.0"]
}

test_fail_r1_dataset_unknown if {
	ghost := object.union(_model, {"training": {"datasets": [{"dataset": "Dataset/ghost", "sha256": "g"}]}})
	fs := a7_5.findings with input as _input({"ModelRecord": {"m2": ghost}})
	some f in _fails("R1", fs)
	f.refs == ["ModelRecord/m2#training.datasets.0.dataset"]
	f.message == "ModelRecord/m2 was trained on Dataset/ghost, which has no Dataset record: record the dataset"
}

# --- R2

test_fail_r2_root_without_source if {
	bare := object.remove(_raw, ["acquisition"])
	fs := a7_5.findings with input as _input(_datasets({"raw": bare}))
	some f in _fails("R2", fs)
	f.refs == ["Dataset/raw"]
	f.message == concat("", [
		"Dataset/raw records no parents, external sources or acquisition source: record where the data came ",
		"from",
	])
}

test_fail_r2_acquisition_without_method_or_supplier if {
	vague := object.union(
		object.remove(_raw, ["acquisition"]),
		{"acquisition": {"source_type": "internal", "rights_basis": "own-data"}},
	)
	fs := a7_5.findings with input as _input(_datasets({"raw": vague}))
	count(_fails("R2", fs)) == 1
}

test_fail_r2_derived_without_transformation if {
	derived := object.union(object.remove(_train, ["lineage"]), {"lineage": {"parents": _train.lineage.parents}})
	fs := a7_5.findings with input as _input(_datasets({"train": derived}))
	some f in _fails("R2", fs)
	f.refs == ["Dataset/train#lineage.parents"]
}

test_fail_r2_transformation_without_code_ref if {
	derived := object.union(object.remove(_train, ["lineage"]), {"lineage": {
		"parents": _train.lineage.parents,
		"transformations": [{"step": "manual-cleanup", "on": "2026-03-02"}],
	}})
	fs := a7_5.findings with input as _input(_datasets({"train": derived}))
	some f in _fails("R2", fs)
	f.refs == ["Dataset/train#lineage.transformations.0"]
	f.message == "transformation manual-cleanup of Dataset/train has no code_ref: point at the code that ran it"
}

test_r2_ignores_datasets_outside_the_lineage if {
	stray := object.remove(object.union(_raw, {"id": "stray"}), ["acquisition"])
	fs := a7_5.findings with input as _input(_datasets({"stray": stray}))
	_outcomes("R2", fs) == {"pass"}
}

test_r2_ignores_models_retired_before_the_window if {
	old := object.union(_model, {"retired_on": "2025-11-29"})
	bare := object.remove(_raw, ["acquisition"])
	datasets := object.union(object.remove(_records.Dataset, ["raw"]), {"raw": bare})
	fs := a7_5.findings with input as _input({"ModelRecord": {"m2": old}, "Dataset": datasets})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_unresolved_parent if {
	dangling := object.union(object.remove(_train, ["lineage"]), {"lineage": {
		"parents": [{"dataset": "Dataset/raw", "sha256": "r1"}, {"dataset": "Dataset/gone", "sha256": "x"}],
		"transformations": _train.lineage.transformations,
	}})
	fs := a7_5.findings with input as _input(_datasets({"train": dangling}))
	some f in _fails("R3", fs)
	f.refs == ["Dataset/train#lineage.parents.1.dataset"]
	f.message == "Dataset/train names parent Dataset/gone, which has no Dataset record: record it or fix the reference"
}

test_fail_r3_parent_hash_mismatch if {
	stale := object.union(_raw, {"content_sha256": "r2"})
	fs := a7_5.findings with input as _input(_datasets({"raw": stale}))
	some f in _fails("R3", fs)
	f.refs == ["Dataset/train#lineage.parents.0.sha256"]
}

test_fail_r3_parent_not_pinned if {
	unpinned := object.union(object.remove(_train, ["lineage"]), {"lineage": {
		"parents": [{"dataset": "Dataset/raw"}, {"dataset": "Dataset/labels", "sha256": "l1"}],
		"transformations": _train.lineage.transformations,
	}})
	fs := a7_5.findings with input as _input(_datasets({"train": unpinned}))
	some f in _fails("R3", fs)
	f.refs == ["Dataset/train#lineage.parents.0"]
}

test_fail_r3_cycle if {
	loop := object.union(_raw, {"lineage": {
		"parents": [{"dataset": "Dataset/train", "sha256": "t1"}],
		"transformations": [{"step": "resample", "code_ref": "git.example/ml@1"}],
	}})
	fs := a7_5.findings with input as _input(_datasets({"raw": loop}))
	fails := _fails("R3", fs)
	{f.refs[0] | some f in fails} == {"Dataset/raw", "Dataset/train"}
	some f in fails
	f.message == "Dataset/raw is its own ancestor through lineage.parents: break the cycle"
}
