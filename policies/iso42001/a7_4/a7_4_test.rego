package annexa.iso42001.a7_4_test

import data.annexa.iso42001.a7_4
import rego.v1

_params := {"lookback_days": 365}

_model := {
	"kind": "ModelRecord", "id": "m2", "ai_system": "AISystem/triage", "model_version": "2.1.0",
	"training": {"datasets": [{"dataset": "Dataset/train", "sha256": "t1"}], "trained_on": "2026-05-28"},
	"evaluation": {"results": [{
		"criterion": "macro_f1", "category": "performance", "threshold": 0.85, "value": 0.88, "passed": true,
		"dataset": "Dataset/eval", "evaluated_on": "2026-06-05",
	}]},
	"deployment": {"deployed_on": "2026-06-16T06:30:00Z", "environment": "prod"},
}

_dataset(id, purpose, checked) := {
	"kind": "Dataset", "id": id, "purpose": purpose, "version": "2026q1.1", "content_sha256": id,
	"created_on": "2026-05-21", "owner": "Person/sofia", "classification": "confidential",
	"pii": {"contains_pii": false},
	"quality": {
		"checked_on": checked, "checked_by": "Person/sofia",
		"criteria": [
			{"name": "label_noise", "threshold": 0.08, "value": 0.05, "met": true},
			{"name": "min_per_queue", "threshold": 200, "value": 340, "met": true},
		],
	},
}

_records := {
	"ModelRecord": {"m2": _model},
	"Dataset": {
		"train": _dataset("train", "training", "2026-05-21"),
		"eval": _dataset("eval", "evaluation", "2026-05-21"),
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_datasets(extra) := {"Dataset": object.union(object.remove(_records.Dataset, object.keys(extra)), extra)}

_missed := object.union(_dataset("train", "training", "2026-05-21"), {"quality": {"criteria": [
	{"name": "label_noise", "threshold": 0.08, "value": 0.11, "met": false},
	{"name": "min_per_queue", "threshold": 200, "value": 340, "met": true},
]}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a7_4.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R1"
	f.refs == ["Dataset/eval", "Dataset/train"]
}

test_pass_model_retired_before_window_is_out_of_scope if {
	old := object.union(_model, {"retired_on": "2025-10-01"})
	fs := a7_4.findings with input as _input({"ModelRecord": {"m2": old}, "Dataset": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_dataset_not_recorded if {
	fs := a7_4.findings with input as _input(_datasets({"train": {}}))
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train"]
}

test_fail_r1_unknown_dataset if {
	fs := a7_4.findings with input as _input({"Dataset": {"eval": _dataset("eval", "evaluation", "2026-05-21")}})
	some f in _fails("R1", fs)
	f.message == "Dataset/train is used by ModelRecord/m2 but has no Dataset record: record it with its quality checks"
}

test_fail_r1_no_criteria if {
	bare := object.remove(_dataset("train", "training", "2026-05-21"), ["quality"])
	fs := a7_4.findings with input as _input(_datasets({"train": bare}))
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train"]
	f.message == concat("", [
		"Dataset/train (version 2026q1.1) records no quality criteria: check it against criteria with thresholds ",
		"and record the results",
	])
}

test_fail_r1_criterion_missed if {
	fs := a7_4.findings with input as _input(_datasets({"train": _missed}))
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train#quality.criteria.0.met"]
	f.message == concat("", [
		"quality criterion label_noise of Dataset/train is not met (value 0.11, threshold 0.08) and no approved ",
		"exception covers it: fix the data",
	])
}

_exception(approver, expires) := {
	"kind": "Exception", "id": "exc-1", "applies_to": ["Dataset/train#label_noise"], "reason": "relabelling planned",
	"requested_by": "Person/sofia", "approved_by": approver, "approved_on": "2026-05-25", "expires_on": expires,
}

test_pass_r1_missed_criterion_excepted if {
	fs := a7_4.findings with input as _input(object.union(
		_datasets({"train": _missed}),
		{"Exception": {"exc-1": _exception("Person/emre", "2026-11-30")}},
	))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_exception_expired if {
	fs := a7_4.findings with input as _input(object.union(
		_datasets({"train": _missed}),
		{"Exception": {"exc-1": _exception("Person/emre", "2026-11-29")}},
	))
	count(_fails("R1", fs)) == 1
}

test_fail_r1_exception_self_approved if {
	fs := a7_4.findings with input as _input(object.union(
		_datasets({"train": _missed}),
		{"Exception": {"exc-1": _exception("Person/sofia", "2026-12-31")}},
	))
	count(_fails("R1", fs)) == 1
}

# --- R2

test_fail_r2_checked_after_training if {
	late := _dataset("train", "training", "2026-05-29")
	fs := a7_4.findings with input as _input(_datasets({"train": late}))
	some f in _fails("R2", fs)
	f.refs == ["Dataset/train#quality.checked_on"]
	f.message == concat("", [
		"Dataset/train was quality-checked on 2026-05-29, after ModelRecord/m2 used it for training on 2026-05-28: ",
		"check data before it is used",
	])
}

test_pass_r2_checked_on_the_training_day if {
	same := _dataset("train", "training", "2026-05-28")
	fs := a7_4.findings with input as _input(_datasets({"train": same}))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_eval_checked_after_evaluation if {
	late := _dataset("eval", "evaluation", "2026-06-06")
	fs := a7_4.findings with input as _input(_datasets({"eval": late}))
	some f in _fails("R2", fs)
	contains(f.message, "used it for evaluation on 2026-06-05")
}

test_fail_r2_no_check_date if {
	bare := object.remove(_dataset("train", "training", "2026-05-21"), ["quality"])
	fs := a7_4.findings with input as _input(_datasets({"train": bare}))
	some f in _fails("R2", fs)
	f.message == "Dataset/train has no quality check date (quality.checked_on): check it and record when"
}
