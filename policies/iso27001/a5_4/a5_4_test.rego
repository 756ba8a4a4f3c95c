package annexa.iso27001.a5_4_test

import data.annexa.iso27001.a5_4
import rego.v1

_params := {
	"management_review_days": 365, "ack_grace_days": 30, "ack_coverage_pct": 100, "training_refresh_days": 365,
	"training_new_hire_days": 30, "attestation_max_days": 365, "attestation_sod": false,
}

_ms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "scope_doc": "Document/scope",
	"boundaries": {}, "top_management": ["Person/lena"],
}

_lena := {
	"kind": "Person", "id": "lena", "employment_type": "employee", "start_date": "2021-03-01",
	"roles": [{"role": "Role/ceo", "from": "2021-03-01"}],
}

_bob := {
	"kind": "Person", "id": "bob", "employment_type": "employee",
	"start_date": "2024-01-01", "manager": "Person/lena",
}

_policy := {
	"kind": "Document", "id": "pol-is", "doc_type": "policy", "topic": "information-security", "version": "3.0.0",
	"published_on": "2026-01-20", "approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
}

_comms := {
	"kind": "Document", "id": "comms-plan", "doc_type": "communication", "topic": "communication-plan",
	"version": "1.0.0", "published_on": "2026-02-02",
	"approvals": [{"by": "Person/lena", "on": "2026-01-30", "decision": "approved"}],
}

_ack := {
	"kind": "Acknowledgement", "id": "ack-lena", "person": "Person/lena", "ack_type": "policy",
	"document": "Document/pol-is", "document_version": "3.0.0", "signed_on": "2026-01-21",
}

_training := {
	"kind": "TrainingRecord", "id": "tr-lena", "person": "Person/lena", "course": "Document/course",
	"course_type": "awareness", "completed_on": "2026-02-10", "passed": true,
}

_review := {
	"kind": "ManagementReview", "id": "mr-2026", "standards": ["iso27001:2022", "iso42001:2023"],
	"held_on": "2026-06-10", "attendees": ["Person/lena", "Person/bob"], "inputs_covered": [],
}

_att := {
	"kind": "Attestation", "id": "att-mgmt", "controls": ["iso27001:A.5.4"], "statement": "Staff are directed",
	"scope": ["Document/comms-plan"], "attested_by": "Person/lena", "role": "Role/ceo",
	"attested_on": "2026-02-05", "valid_until": "2027-02-04",
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"lena": _lena, "bob": _bob},
	"Document": {"pol-is": _policy, "comms-plan": _comms},
	"Acknowledgement": {"ack-lena": _ack},
	"TrainingRecord": {"tr-lena": _training},
	"ManagementReview": {"mr-2026": _review},
	"Attestation": {"att-mgmt": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_review_too_old if {
	old := object.union(_review, {"held_on": "2025-11-29"})
	fs := a5_4.findings with input as _input({"ManagementReview": {"mr-2026": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no management review of the ISMS within 365 days (management_review_days) before 2026-11-30 was attended ",
		"by a member of top management (Person/lena); latest review: ManagementReview/mr-2026 on 2025-11-29: hold ",
		"one with top management present and record the attendees",
	])
}

test_pass_r1_review_on_window_boundary if {
	edge := object.union(_review, {"held_on": "2025-11-30"})
	fs := a5_4.findings with input as _input({"ManagementReview": {"mr-2026": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_top_management_present if {
	absent := object.union(_review, {"attendees": ["Person/bob"]})
	fs := a5_4.findings with input as _input({"ManagementReview": {"mr-2026": absent}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementReview/mr-2026", "ManagementSystem/isms"]
}

test_fail_r1_aims_only_review if {
	aims := object.union(_review, {"standards": ["iso42001:2023"]})
	fs := a5_4.findings with input as _input({"ManagementReview": {"mr-2026": aims}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_manager_not_acknowledged if {
	fs := a5_4.findings with input as _input({"Acknowledgement": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Person/lena", "Document/pol-is"]
	f.message == concat("", [
		"Person/lena manages others but has not acknowledged major version 3 of Document/pol-is: ",
		"have them acknowledge it",
	])
}

test_pass_r2_acknowledged_earlier_minor_version if {
	old := object.union(_policy, {"id": "pol-is-old", "version": "3.0.0", "published_on": "2025-01-10"})
	newer := object.union(_policy, {"version": "3.1.0", "supersedes": "Document/pol-is-old"})
	ack := object.union(_ack, {"document": "Document/pol-is-old"})
	fs := a5_4.findings with input as _input({
		"Document": {"pol-is": newer, "pol-is-old": old, "comms-plan": _comms},
		"Acknowledgement": {"ack-lena": ack},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_new_major_version_in_grace if {
	v4 := object.union(_policy, {"version": "4.0.0", "published_on": "2026-11-10"})
	fs := a5_4.findings with input as _input({"Document": {"pol-is": v4, "comms-plan": _comms}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_training_expired if {
	old := object.union(_training, {"completed_on": "2025-11-29"})
	fs := a5_4.findings with input as _input({"TrainingRecord": {"tr-lena": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Person/lena"]
	f.message == concat("", [
		"Person/lena manages others but passed no awareness training within 365 days (training_refresh_days) ",
		"of 2026-11-30 (last: 2025-11-29): have them complete it",
	])
}

test_fail_r2_training_not_passed if {
	failed := object.union(_training, {"passed": false})
	fs := a5_4.findings with input as _input({"TrainingRecord": {"tr-lena": failed}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "(last: never)")
}

test_fail_r2_no_policy if {
	fs := a5_4.findings with input as _input({"Document": {"comms-plan": _comms}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_r2_ended_staff_make_no_manager if {
	gone := object.union(_bob, {"end_date": "2026-06-30"})
	fs := a5_4.findings with input as _input({"Person": {"lena": _lena, "bob": gone}, "Acknowledgement": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_expired_attestation if {
	old := object.union(_att, {"attested_on": "2025-10-01", "valid_until": "2026-09-30"})
	fs := a5_4.findings with input as _input({"Attestation": {"att-mgmt": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"Attestation/att-mgmt expired on 2026-09-30: have a member of top management attest that personnel are ",
		"directed to apply the policies, naming the communication used",
	])
}

test_fail_r3_not_top_management if {
	hr := {
		"kind": "Person", "id": "hr", "employment_type": "employee", "start_date": "2022-01-01",
		"roles": [{"role": "Role/people-ops", "from": "2022-01-01"}],
	}
	by_hr := object.union(_att, {"attested_by": "Person/hr", "role": "Role/people-ops"})
	fs := a5_4.findings with input as _input({
		"Person": {"lena": _lena, "bob": _bob, "hr": hr},
		"Attestation": {"att-mgmt": by_hr},
	})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.message == "Attestation/att-mgmt is not made by a member of top management (Person/lena): have one of them attest"
}

test_fail_r3_no_communication_named if {
	bare := object.union(_att, {"scope": ["ManagementSystem/isms"]})
	fs := a5_4.findings with input as _input({"Attestation": {"att-mgmt": bare}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Attestation/att-mgmt", "ManagementSystem/isms"]
	f.message == concat("", [
		"Attestation/att-mgmt refers to no communication used (no Document in its scope or links, ",
		"no evidence attachment): add one",
	])
}

test_pass_r3_evidence_attachment_names_communication if {
	bare := object.union(_att, {
		"scope": ["ManagementSystem/isms"],
		"evidence": [{"uri": "gdrive://minutes.pdf", "sha256": "90f9", "collected_on": "2026-02-05", "source": "manual"}],
	})
	fs := a5_4.findings with input as _input({"Attestation": {"att-mgmt": bare}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_bare_control_id_and_links if {
	alt := object.union(_att, {
		"controls": ["iso27001:5.4"], "scope": ["ManagementSystem/isms"],
		"links": {"communication": ["Document/comms-plan"]},
	})
	fs := a5_4.findings with input as _input({"Attestation": {"att-mgmt": alt}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_none if {
	fs := a5_4.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R3"
	startswith(f.message, "no Attestation names iso27001:A.5.4: ")
}
