package annexa.iso27001.c7_2_test

import data.annexa.iso27001.c7_2
import rego.v1

_params := {"training_refresh_days": 365, "training_new_hire_days": 30, "at_risk_days": 7}

_engineer := {
	"kind": "Role", "id": "engineer", "responsibilities": ["Build the product"], "min_holders": 1,
	"privileged": false, "required_competences": [{"course": "Document/course-sc", "renew_days": 365}],
}

_alice := {
	"kind": "Person", "id": "alice", "start_date": "2020-01-01",
	"roles": [{"role": "Role/engineer", "from": "2020-01-01"}],
}

_training := {
	"kind": "TrainingRecord", "id": "tr-1", "person": "Person/alice", "course": "Document/course-sc",
	"course_type": "secure-coding", "completed_on": "2026-03-01", "passed": true,
}

_records := {
	"Role": {
		"engineer": _engineer,
		"ai-only": {
			"kind": "Role", "id": "ai-only", "systems": ["aims"], "responsibilities": ["Run the AIMS"],
			"min_holders": 1, "privileged": false, "required_competences": [{"course": "Document/course-ai"}],
		},
	},
	"Person": {
		"alice": _alice,
		"bob": {
			"kind": "Person", "id": "bob", "start_date": "2020-01-01",
			"roles": [{"role": "Role/ai-only", "from": "2020-01-01"}],
		},
	},
	"TrainingRecord": {"tr-1": _training},
	"Document": {"course-sc": {
		"kind": "Document", "id": "course-sc", "doc_type": "training-material", "version": "1.0.0",
		"published_on": "2026-01-01",
	}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_trained_on(day) := _input({"TrainingRecord": {"tr-1": object.union(_training, {"completed_on": day})}})

# A gap: alice's last course is older than renew_days.
_gap := _trained_on("2025-06-01")

_nc := {
	"kind": "Nonconformity", "id": "nc-1", "source": "monitoring", "grade": "minor", "standard": "iso27001:2022",
	"requirement": "7.2", "raised_on": "2026-11-01", "owner": "Person/alice",
	"links": {"people": ["Person/alice"]},
	"corrective_actions": [{"action": "Take the secure coding course", "due_on": "2026-12-15"}],
}

_gap_with(nc) := object.union(_gap, {"records": {"Nonconformity": {"nc-1": nc}}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c7_2.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"not_exercised"}
}

test_pass_r1_names_the_holders if {
	fs := c7_2.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Person/alice"]
}

# --- R1

test_fail_r1_training_expired if {
	fs := c7_2.findings with input as _trained_on("2025-11-29")
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/alice", "Role/engineer#required_competences.0"]
	f.message == concat("", [
		"Person/alice holds Role/engineer but has not passed Document/course-sc within 365 days (renew_days) ",
		"of 2026-11-30 (last: 2025-11-29): have them take the course",
	])
}

test_pass_r1_on_renewal_boundary_at_risk if {
	fs := c7_2.findings with input as _trained_on("2025-11-30")
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_fail_r1_never_trained if {
	fs := c7_2.findings with input as _input({"TrainingRecord": {}})
	some f in _failures("R1", fs)
	contains(f.message, "(last: never)")
}

test_fail_r1_failed_attempt_does_not_count if {
	failed := object.union(_training, {"passed": false})
	fs := c7_2.findings with input as _input({"TrainingRecord": {"tr-1": failed}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_later_course_version_counts if {
	v2 := {
		"kind": "Document", "id": "course-sc-2", "doc_type": "training-material", "version": "2.0.0",
		"published_on": "2026-06-01", "supersedes": "Document/course-sc",
	}
	later := object.union(_training, {"course": "Document/course-sc-2", "completed_on": "2026-07-01"})
	fs := c7_2.findings with input as _input({
		"TrainingRecord": {"tr-1": later},
		"Document": {"course-sc": _records.Document["course-sc"], "course-sc-2": v2},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_r1_new_holder_at_risk_in_grace if {
	carol := {
		"kind": "Person", "id": "carol", "start_date": "2020-01-01",
		"roles": [{"role": "Role/engineer", "from": "2026-11-05"}],
	}
	fs := c7_2.findings with input as _input({"Person": {"alice": _alice, "carol": carol}})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_fail_r1_new_holder_after_grace if {
	carol := {
		"kind": "Person", "id": "carol", "start_date": "2020-01-01",
		"roles": [{"role": "Role/engineer", "from": "2026-10-30"}],
	}
	fs := c7_2.findings with input as _input({"Person": {"alice": _alice, "carol": carol}})
	some f in _failures("R1", fs)
	f.refs == ["Person/carol", "Role/engineer#required_competences.0"]
}

test_fail_r1_certification_cannot_be_shown if {
	role := object.union(_engineer, {"required_competences": [{"cert": "OSCP"}]})
	fs := c7_2.findings with input as _input({"Role": {"engineer": role}})
	some f in _failures("R1", fs)
	contains(f.message, `requires the certification "OSCP"`)
}

test_pass_r1_leaver_and_ended_role_ignored if {
	dave := {
		"kind": "Person", "id": "dave", "start_date": "2020-01-01", "end_date": "2026-11-01",
		"roles": [{"role": "Role/engineer", "from": "2020-01-01"}],
	}
	erin := {
		"kind": "Person", "id": "erin", "start_date": "2020-01-01",
		"roles": [{"role": "Role/engineer", "from": "2020-01-01", "to": "2026-06-30"}],
	}
	fs := c7_2.findings with input as _input({"Person": {"alice": _alice, "dave": dave, "erin": erin}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_role_of_other_system_ignored if {
	# bob holds the AIMS-only role without its course; it does not count for ISO/IEC 27001.
	fs := c7_2.findings with input as _input({})
	not "Person/bob" in {r | some f in fs; f.rule == "R1"; some r in f.refs}
}

# --- R2

test_fail_r2_gap_not_tracked if {
	fs := c7_2.findings with input as _gap
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Person/alice", "Role/engineer#required_competences.0"]
	f.message == concat("", [
		"Person/alice lacks Document/course-sc, required by Role/engineer, and no open Nonconformity against ",
		"clause 7.2 names them: raise one that names Person/alice in links, with the training as a dated corrective action",
	])
}

test_pass_r2_gap_tracked if {
	fs := c7_2.findings with input as _gap_with(_nc)
	_outcomes("R1", fs) == {"fail"}
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_source_ref_names_the_holder if {
	nc := object.union(object.remove(_nc, ["links"]), {"source_ref": "Person/alice"})
	fs := c7_2.findings with input as _gap_with(nc)
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_action_due_on_as_of if {
	nc := object.union(_nc, {"corrective_actions": [{"action": "Train", "due_on": "2026-11-30"}]})
	fs := c7_2.findings with input as _gap_with(nc)
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_action_overdue if {
	nc := object.union(_nc, {"corrective_actions": [{"action": "Train", "due_on": "2026-11-20"}]})
	fs := c7_2.findings with input as _gap_with(nc)
	some f in _failures("R2", fs)
	f.refs == ["Nonconformity/nc-1#corrective_actions"]
	f.message == concat("", [
		"Person/alice lacks Document/course-sc, required by Role/engineer; Nonconformity/nc-1 tracks the gap but has ",
		"no corrective action still due: set a new due date or complete the training",
	])
}

test_fail_r2_action_done_but_gap_remains if {
	nc := object.union(_nc, {"corrective_actions": [{"action": "Train", "due_on": "2026-12-15", "done_on": "2026-11-10"}]})
	fs := c7_2.findings with input as _gap_with(nc)
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_nonconformity_of_another_requirement if {
	nc := object.union(_nc, {"requirement": "A.6.3"})
	fs := c7_2.findings with input as _gap_with(nc)
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_closed_nonconformity if {
	nc := object.union(_nc, {"closed_on": "2026-11-15"})
	fs := c7_2.findings with input as _gap_with(nc)
	_outcomes("R2", fs) == {"fail"}
}

test_pass_r2_prefixed_requirement if {
	nc := object.union(_nc, {"requirement": "iso27001:7.2"})
	fs := c7_2.findings with input as _gap_with(nc)
	_outcomes("R2", fs) == {"pass"}
}
