package annexa.iso27001.a5_8_test

import data.annexa.iso27001.a5_8
import rego.v1

_params := {"lookback_days": 365}

_reqs := {
	"kind": "Document", "id": "sec-reqs", "doc_type": "specification", "topic": "security-requirements",
	"version": "1.0.0", "published_on": "2026-02-01",
}

_project := {
	"kind": "ChangeRecord", "id": "prj-portal", "change_class": "project", "systems": ["Asset/portal"],
	"author": "Person/alice", "owner": "Person/dan", "requested_on": "2026-01-10", "go_live_on": "2026-06-01",
	"significant": true,
	"security_review": {
		"required": true, "completed_on": "2026-05-20", "by": "Person/erin",
		"requirements_doc": "Document/sec-reqs",
	},
}

_ra := {
	"kind": "RiskAssessment", "id": "ra-portal", "standard": "iso27001:2022", "trigger": "significant-change",
	"trigger_ref": "ChangeRecord/prj-portal", "method": "Document/method", "scope": ["Asset/portal"],
	"performed_on": "2026-05-15", "risks_assessed": [],
}

_records := {
	"Document": {"sec-reqs": _reqs},
	"ChangeRecord": {"prj-portal": _project},
	"RiskAssessment": {"ra-portal": _ra},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_review(fields) := object.union(object.remove(_project, ["security_review"]), {"security_review": fields})

test_pass_all_rules if {
	fs := a5_8.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_review_after_go_live if {
	late := object.union(_project, {"security_review": {"completed_on": "2026-06-02"}})
	fs := a5_8.findings with input as _input({"ChangeRecord": {"prj-portal": late}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/prj-portal#security_review.completed_on"]
	f.message == concat("", [
		"ChangeRecord/prj-portal went live on 2026-06-01 but its security review was not completed by 2026-06-01 ",
		"(completed_on: 2026-06-02): review the project's security before go-live",
	])
}

test_pass_r1_review_on_go_live_day if {
	edge := object.union(_project, {"security_review": {"completed_on": "2026-06-01"}})
	fs := a5_8.findings with input as _input({"ChangeRecord": {"prj-portal": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_active_project_without_review if {
	active := object.union(object.remove(_project, ["go_live_on"]), {"significant": false})
	none := object.union(object.remove(active, ["security_review"]), {"security_review": {"required": true}})
	fs := a5_8.findings with input as _input({"ChangeRecord": {"prj-portal": none}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "is not live yet but its security review was not completed by 2026-11-30 (completed_on: never)")
}

test_fail_r1_owner_reviews_own_project if {
	own := object.union(_project, {"security_review": {"by": "Person/dan"}})
	fs := a5_8.findings with input as _input({"ChangeRecord": {"prj-portal": own}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/prj-portal#security_review.by"]
	f.message == concat("", [
		"ChangeRecord/prj-portal was security reviewed by Person/dan, but the project owner is Person/dan: ",
		"have someone other than the owner review it",
	])
}

test_fail_r1_author_is_owner_when_none_named if {
	no_owner := object.remove(_project, ["owner"])
	own := object.union(no_owner, {"security_review": {"by": "Person/alice"}})
	fs := a5_8.findings with input as _input({"ChangeRecord": {"prj-portal": own}})
	"fail" in _outcomes("R1", fs)
}

test_r1_ignores_old_and_future_projects if {
	old := object.union(_project, {
		"id": "prj-old", "go_live_on": "2025-11-29",
		"security_review": {"completed_on": "2026-01-01"},
	})
	future := object.union(object.remove(_project, ["go_live_on"]), {"id": "prj-next", "requested_on": "2026-12-05"})
	changes := {"prj-portal": _project, "prj-old": old, "prj-next": future}
	fs := a5_8.findings with input as _input({"ChangeRecord": changes})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_assessment_after_go_live if {
	late := object.union(_ra, {"performed_on": "2026-06-10"})
	fs := a5_8.findings with input as _input({"RiskAssessment": {"ra-portal": late}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/prj-portal"]
	f.message == concat("", [
		"ChangeRecord/prj-portal is a significant project that went live on 2026-06-01, but no linked ",
		"RiskAssessment was performed by 2026-06-01: assess its risks before go-live and link the assessment ",
		"(trigger_ref or scope)",
	])
}

test_pass_r2_linked_from_project if {
	unlinked := object.remove(_ra, ["trigger_ref"])
	linked := object.union(_project, {"links": {"risk": ["RiskAssessment/ra-portal"]}})
	fs := a5_8.findings with input as _input({
		"ChangeRecord": {"prj-portal": linked},
		"RiskAssessment": {"ra-portal": unlinked},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_not_exercised_for_minor_projects if {
	minor := object.union(_project, {"significant": false})
	fs := a5_8.findings with input as _input({"ChangeRecord": {"prj-portal": minor}, "RiskAssessment": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_no_requirements if {
	bare := _with_review({"required": true, "completed_on": "2026-05-20", "by": "Person/erin"})
	fs := a5_8.findings with input as _input({"ChangeRecord": {"prj-portal": bare}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/prj-portal#security_review.requirements_doc"]
	f.message == concat("", [
		"ChangeRecord/prj-portal links no published security requirements Document ",
		"(security_review.requirements_doc: none): write the project's security requirements and link them",
	])
}

test_fail_r3_requirements_missing_record if {
	fs := a5_8.findings with input as _input({"Document": {}})
	"fail" in _outcomes("R3", fs)
}

test_not_exercised_without_projects if {
	fs := a5_8.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"not_exercised"}
	}
}
