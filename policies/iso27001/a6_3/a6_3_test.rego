package annexa.iso27001.a6_3_test

import data.annexa.iso27001.a6_3
import rego.v1

_params := {
	"training_new_hire_days": 30, "training_refresh_days": 365, "lookback_days": 365,
	"at_risk_days": 7, "doc_review_days": 365,
}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/ann"]}

_ann := {
	"kind": "Person", "id": "ann", "employment_type": "employee", "start_date": "2020-01-01",
	"roles": [{"role": "Role/incident-lead", "from": "2022-01-01"}],
}

_bea := {"kind": "Person", "id": "bea", "employment_type": "contractor", "start_date": "2026-09-01"}

_cem := {
	"kind": "Person", "id": "cem", "employment_type": "employee", "start_date": "2019-01-01",
	"end_date": "2026-10-01",
}

_lead := {
	"kind": "Role", "id": "incident-lead", "responsibilities": ["lead"], "min_holders": 1, "privileged": false,
	"required_competences": [{"course": "Document/course-ir", "renew_days": 365}],
}

_course(id, reviewed) := {
	"kind": "Document", "id": id, "doc_type": "training-material", "topic": "security-awareness",
	"version": "1.0.0", "published_on": "2026-01-10", "review_interval_days": 365,
	"approvals": [{"by": "Person/ann", "on": "2026-01-08", "decision": "approved", "version": "1.0.0"}],
	"reviews": [{"by": "Person/ann", "on": reviewed, "outcome": "updated"}],
}

_training(id, person, course, course_type, on) := {
	"kind": "TrainingRecord", "id": id, "person": person, "course": course,
	"course_type": course_type, "completed_on": on, "passed": true,
}

_trainings := {
	"ann-aw": _training("ann-aw", "Person/ann", "Document/course-aw", "awareness", "2026-02-02"),
	"ann-ir": _training("ann-ir", "Person/ann", "Document/course-ir", "incident-response", "2026-04-01"),
	"bea-on": _training("bea-on", "Person/bea", "Document/course-onboard", "awareness", "2026-09-10"),
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"ann": _ann, "bea": _bea, "cem": _cem},
	"Role": {"incident-lead": _lead},
	"Document": {
		"course-aw": _course("course-aw", "2026-01-08"),
		"course-onboard": _course("course-onboard", "2026-01-05"),
		"course-ir": _course("course-ir", "2026-04-01"),
	},
	"TrainingRecord": _trainings,
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_trainings(extra) := _input({"TrainingRecord": object.union(_trainings, extra)})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_population_is_active_people if {
	fs := a6_3.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Person/ann", "Person/bea"]
}

# --- R1

test_fail_r1_refresh_overdue if {
	old := _training("ann-aw", "Person/ann", "Document/course-aw", "awareness", "2025-11-29")
	fs := a6_3.findings with input as _with_trainings({"ann-aw": old})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Person/ann"],
		"message": concat("", [
			"Person/ann has no passed awareness course within 365 days of 2026-11-30 (last: 2025-11-29): ",
			"have them take the refresher",
		]),
	}}
}

test_r1_refresh_on_boundary_is_at_risk if {
	edge := _training("ann-aw", "Person/ann", "Document/course-aw", "awareness", "2025-11-30")
	fs := a6_3.findings with input as _with_trainings({"ann-aw": edge})
	_outcomes("R1", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == "Person/ann must repeat awareness training by 2026-11-30 (last: 2025-11-30)"
}

test_fail_r1_failed_course_does_not_count if {
	failed := object.union(_trainings["ann-aw"], {"passed": false})
	fs := a6_3.findings with input as _with_trainings({"ann-aw": failed})
	some f in _fails("R1", fs)
	f.refs == ["Person/ann"]
	contains(f.message, "(last: never)")
}

test_fail_r1_other_course_type_does_not_count if {
	fs := a6_3.findings with input as _input({"TrainingRecord": {
		"ann-ir": _trainings["ann-ir"],
		"bea-on": _trainings["bea-on"],
	}})
	some f in _fails("R1", fs)
	f.refs == ["Person/ann"]
	contains(f.message, "(last: never)")
}

test_fail_r1_new_hire_never_trained if {
	fs := a6_3.findings with input as _input({"TrainingRecord": {
		"ann-aw": _trainings["ann-aw"],
		"ann-ir": _trainings["ann-ir"],
	}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Person/bea"],
		"message": concat("", [
			"Person/bea started on 2026-09-01 and completed no awareness course by 2026-10-01 ",
			"(training_new_hire_days=30; last: never): enrol them now",
		]),
	}}
}

test_fail_r1_new_hire_trained_late_fails_once if {
	late := _training("bea-on", "Person/bea", "Document/course-onboard", "awareness", "2026-10-02")
	fs := a6_3.findings with input as _with_trainings({"bea-on": late})
	fails := _fails("R1", fs)
	count(fails) == 1
	some f in fails
	contains(f.message, "by 2026-10-01 (training_new_hire_days=30; last: 2026-10-02)")
}

test_pass_r1_new_hire_on_last_day if {
	edge := _training("bea-on", "Person/bea", "Document/course-onboard", "awareness", "2026-10-01")
	fs := a6_3.findings with input as _with_trainings({"bea-on": edge})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_preboarding_counts if {
	early := _training("bea-on", "Person/bea", "Document/course-onboard", "awareness", "2026-08-02")
	fs := a6_3.findings with input as _with_trainings({"bea-on": early})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_completion_too_long_before_start if {
	early := _training("bea-on", "Person/bea", "Document/course-onboard", "awareness", "2026-08-01")
	fs := a6_3.findings with input as _with_trainings({"bea-on": early})
	some f in _fails("R1", fs)
	f.refs == ["Person/bea"]
}

test_pass_r1_new_hire_in_grace if {
	recent := object.union(_bea, {"start_date": "2026-11-20"})
	fs := a6_3.findings with input as _input({
		"Person": {"ann": _ann, "bea": recent, "cem": _cem},
		"TrainingRecord": {"ann-aw": _trainings["ann-aw"], "ann-ir": _trainings["ann-ir"]},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_r1_new_hire_due_soon_is_at_risk if {
	recent := object.union(_bea, {"start_date": "2026-11-05"})
	fs := a6_3.findings with input as _input({
		"Person": {"ann": _ann, "bea": recent, "cem": _cem},
		"TrainingRecord": {"ann-aw": _trainings["ann-aw"], "ann-ir": _trainings["ann-ir"]},
	})
	_outcomes("R1", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == "Person/bea started on 2026-11-05 and must complete awareness training by 2026-12-05"
}

test_pass_r1_ended_person_not_checked if {
	fs := a6_3.findings with input as _input({})
	every f in fs {
		not "Person/cem" in f.refs
	}
}

test_fail_r1_completion_after_as_of_does_not_count if {
	future := _training("ann-aw", "Person/ann", "Document/course-aw", "awareness", "2026-12-01")
	fs := a6_3.findings with input as _input({"TrainingRecord": {"ann-aw": future, "bea-on": _trainings["bea-on"]}})
	some f in _fails("R1", fs)
	f.refs == ["Person/ann"]
}

# --- R2

test_fail_r2_competence_expired if {
	old := _training("ann-ir", "Person/ann", "Document/course-ir", "incident-response", "2025-11-01")
	fs := a6_3.findings with input as _with_trainings({"ann-ir": old})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Person/ann", "Role/incident-lead"],
		"message": concat("", [
			"Person/ann holds Role/incident-lead but has not passed Document/course-ir within 365 days of ",
			"2026-11-30 (last: 2025-11-01): have them take it",
		]),
	}}
}

test_fail_r2_never_trained if {
	fs := a6_3.findings with input as _input({"TrainingRecord": {
		"ann-aw": _trainings["ann-aw"],
		"bea-on": _trainings["bea-on"],
	}})
	some f in _fails("R2", fs)
	contains(f.message, "(last: never)")
}

test_fail_r2_shorter_renew_days if {
	quarterly := object.union(_lead, {"required_competences": [{"course": "Document/course-ir", "renew_days": 90}]})
	fs := a6_3.findings with input as _input({"Role": {"incident-lead": quarterly}})
	some f in _fails("R2", fs)
	contains(f.message, "within 90 days")
}

test_pass_r2_default_renew_days if {
	no_renew := object.union(_lead, {"required_competences": [{"course": "Document/course-ir"}]})
	fs := a6_3.findings with input as _input({"Role": {"incident-lead": no_renew}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_later_version_of_course if {
	v2 := object.union(_course("course-ir-2", "2026-05-01"), {"supersedes": "Document/course-ir"})
	v3 := object.union(_course("course-ir-3", "2026-05-01"), {"supersedes": "Document/course-ir-2"})
	took_v3 := _training("ann-ir", "Person/ann", "Document/course-ir-3", "incident-response", "2026-06-01")
	fs := a6_3.findings with input as _input({
		"Document": object.union(_records.Document, {"course-ir-2": v2, "course-ir-3": v3}),
		"TrainingRecord": object.union(_trainings, {"ann-ir": took_v3}),
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_older_version_does_not_count if {
	v0 := _course("course-ir-0", "2026-05-01")
	v1 := object.union(_records.Document["course-ir"], {"supersedes": "Document/course-ir-0"})
	took_v0 := _training("ann-ir", "Person/ann", "Document/course-ir-0", "incident-response", "2026-06-01")
	fs := a6_3.findings with input as _input({
		"Document": object.union(_records.Document, {"course-ir-0": v0, "course-ir": v1}),
		"TrainingRecord": object.union(_trainings, {"ann-ir": took_v0}),
	})
	"fail" in _outcomes("R2", fs)
}

test_fail_r2_certification_cannot_be_shown if {
	certified := object.union(_lead, {"required_competences": [{"cert": "GCIH", "renew_days": 1095}]})
	fs := a6_3.findings with input as _input({"Role": {"incident-lead": certified}})
	some f in _fails("R2", fs)
	f.refs == ["Person/ann", "Role/incident-lead"]
	contains(f.message, "requires the certification \"GCIH\", but no evidence kind records certifications")
}

_dan(from) := {
	"kind": "Person", "id": "dan", "employment_type": "employee", "start_date": "2020-01-01",
	"roles": [{"role": "Role/incident-lead", "from": from}],
}

_dan_aw := _training("dan-aw", "Person/dan", "Document/course-aw", "awareness", "2026-03-01")

test_pass_r2_new_holder_in_grace if {
	fs := a6_3.findings with input as _input({
		"Person": {"ann": _ann, "bea": _bea, "dan": _dan("2026-11-10")},
		"TrainingRecord": object.union(_trainings, {"dan-aw": _dan_aw}),
	})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_new_holder_due_soon_is_at_risk if {
	fs := a6_3.findings with input as _input({
		"Person": {"ann": _ann, "bea": _bea, "dan": _dan("2026-11-05")},
		"TrainingRecord": object.union(_trainings, {"dan-aw": _dan_aw}),
	})
	_outcomes("R2", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == "Person/dan took Role/incident-lead on 2026-11-05 and must pass Document/course-ir by 2026-12-05"
}

test_fail_r2_new_holder_past_grace if {
	fs := a6_3.findings with input as _input({
		"Person": {"ann": _ann, "bea": _bea, "dan": _dan("2026-10-30")},
		"TrainingRecord": object.union(_trainings, {"dan-aw": _dan_aw}),
	})
	some f in _fails("R2", fs)
	f.refs == ["Person/dan", "Role/incident-lead"]
}

test_r2_not_exercised_without_role_holders if {
	fs := a6_3.findings with input as _input({"Person": {"bea": _bea}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_material_review_too_old if {
	stale := object.union(_course("course-aw", "2025-11-29"), {
		"published_on": "2025-01-10",
		"approvals": [{"by": "Person/ann", "on": "2025-01-08", "decision": "approved", "version": "1.0.0"}],
	})
	fs := a6_3.findings with input as _input({"Document": object.union(_records.Document, {"course-aw": stale})})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Document/course-aw#reviews"],
		"message": concat("", [
			"Document/course-aw (awareness course material) was last reviewed on 2025-11-29, ",
			"more than 365 days before 2026-11-30: review it",
		]),
	}}
}

test_fail_r3_no_awareness_training_in_window if {
	fs := a6_3.findings with input as _input({"TrainingRecord": {"ann-ir": _trainings["ann-ir"]}})
	some f in _fails("R3", fs)
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r3_course_document_missing if {
	fs := a6_3.findings with input as _input({"Document": {"course-ir": _records.Document["course-ir"]}})
	some f in _fails("R3", fs)
	f.refs == ["Document/course-aw"]
	contains(f.message, "no such Document exists")
}

test_pass_r3_successor_replaces_superseded_course if {
	stale := object.union(_course("course-aw", "2025-01-01"), {
		"published_on": "2025-01-10",
		"approvals": [{"by": "Person/ann", "on": "2025-01-08", "decision": "approved", "version": "1.0.0"}],
	})
	v2 := object.union(_course("course-aw-2", "2026-06-01"), {
		"published_on": "2026-06-01",
		"supersedes": "Document/course-aw",
	})
	fs := a6_3.findings with input as _input({"Document": object.union(_records.Document, {
		"course-aw": stale,
		"course-aw-2": v2,
	})})
	_outcomes("R3", fs) == {"pass"}
	some f in fs
	f.rule == "R3"
	f.refs == ["Document/course-aw-2", "Document/course-onboard"]
}
