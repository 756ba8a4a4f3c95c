package annexa.iso42001.a4_3_test

import data.annexa.iso42001.a4_3
import rego.v1

_params := {"doc_review_days": 365, "at_risk_days": 7}

_system := {
	"kind": "AISystem", "id": "bot", "lifecycle": [{"stage": "operation", "from": "2025-06-01"}],
	"components": {"datasets": ["Dataset/train"]},
}

_train := {
	"kind": "Dataset", "id": "train", "purpose": "training", "version": "2026.1", "content_sha256": "aa11",
	"created_on": "2026-02-01", "owner": "Person/nora", "classification": "confidential",
	"pii": {"contains_pii": false}, "acquisition": {"source_type": "internal", "rights_basis": "own-data"},
	"retention_days": 730, "known_limitations": "none",
}

# eval names the system only from its own side.
_eval := object.union(_train, {"id": "eval", "purpose": "evaluation", "ai_systems": ["AISystem/bot"]})

_records := {
	"AISystem": {"bot": _system},
	"Dataset": {"train": _train, "eval": _eval},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a4_3.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R1"
	f.refs == ["Dataset/eval", "Dataset/train"]
}

test_fail_r1_missing_fields if {
	bare := object.remove(_train, ["acquisition", "retention_days", "known_limitations"])
	fs := a4_3.findings with input as _input({"Dataset": {"train": bare, "eval": _eval}})
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train"]
	f.message == concat("", [
		"Dataset/train (version 2026.1) does not record acquisition.source_type, retention_days, ",
		"known_limitations: complete its metadata",
	])
}

test_fail_r1_blank_limitations if {
	blank := object.union(_train, {"known_limitations": "  "})
	fs := a4_3.findings with input as _input({"Dataset": {"train": blank, "eval": _eval}})
	some f in _fails("R1", fs)
	contains(f.message, "does not record known_limitations")
}

test_pass_r1_zero_retention_is_recorded if {
	zero := object.union(_train, {"retention_days": 0})
	fs := a4_3.findings with input as _input({"Dataset": {"train": zero, "eval": _eval}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_unknown_dataset if {
	system := object.union(_system, {"components": {"datasets": ["Dataset/train", "Dataset/ghost"]}})
	fs := a4_3.findings with input as _input({"AISystem": {"bot": system}})
	some f in _fails("R1", fs)
	f.refs == ["Dataset/ghost"]
	f.message == "Dataset/ghost is referenced by AISystem/bot but has no Dataset record: record it"
}

test_r1_ignores_datasets_of_retired_systems if {
	retired := object.union(
		_system,
		{"lifecycle": [{"stage": "operation", "from": "2025-06-01"}, {"stage": "retired", "from": "2026-06-01"}]},
	)
	bare := object.remove(_train, ["known_limitations"])
	fs := a4_3.findings with input as _input({"AISystem": {"bot": retired}, "Dataset": {"train": bare, "eval": _eval}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_metadata_stale if {
	old := object.union(
		_train,
		{"created_on": "2025-06-01", "reviews": [{"by": "Person/nora", "on": "2025-11-01", "outcome": "no-change"}]},
	)
	fs := a4_3.findings with input as _input({"Dataset": {"train": old, "eval": _eval}})
	some f in _fails("R2", fs)
	f.refs == ["Dataset/train"]
	f.message == concat("", [
		"the metadata of Dataset/train was last written or reviewed on 2025-11-01, ",
		"more than 365 days ago (doc_review_days): review it",
	])
}

test_pass_r2_recent_review_of_old_version if {
	old := object.union(
		_train,
		{"created_on": "2024-06-01", "reviews": [{"by": "Person/nora", "on": "2026-10-01", "outcome": "no-change"}]},
	)
	fs := a4_3.findings with input as _input({"Dataset": {"train": old, "eval": _eval}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_at_risk_on_boundary if {
	edge := object.union(_train, {"created_on": "2025-11-30"})
	fs := a4_3.findings with input as _input({"Dataset": {"train": edge, "eval": _eval}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_created_after_as_of_counts_as_never if {
	future := object.union(_train, {"created_on": "2026-12-05"})
	fs := a4_3.findings with input as _input({"Dataset": {"train": future, "eval": _eval}})
	some f in _fails("R2", fs)
	f.message == "the metadata of Dataset/train has no creation, review or approval date by 2026-11-30: review it"
}
