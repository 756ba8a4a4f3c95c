package annexa.iso27001.a6_4_test

import data.annexa.iso27001.a6_4
import rego.v1

_params := {"ack_grace_days": 30, "attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90}

_pol := {
	"kind": "Document", "id": "pol-hr", "doc_type": "topic-policy", "topic": "hr", "version": "2.0.0",
	"published_on": "2026-01-20", "requires_acknowledgement": true, "content_flags": {"disciplinary_process": true},
	"approvals": [{"by": "Person/clara", "on": "2026-01-19", "decision": "approved", "version": "2.0.0"}],
}

_clara := {
	"kind": "Person", "id": "clara", "start_date": "2020-01-01",
	"roles": [{"role": "Role/people-ops", "from": "2020-01-01"}],
}

_bob := {"kind": "Person", "id": "bob", "start_date": "2021-01-01"}

_ack(id, person, doc) := {
	"kind": "Acknowledgement", "id": id, "person": person, "ack_type": "policy",
	"document": doc, "document_version": "2.0.0", "signed_on": "2026-02-01",
}

_att := {
	"kind": "Attestation", "id": "att-disc", "controls": ["iso27001:A.6.4"], "scope": ["ManagementSystem/isms"],
	"statement": "Two confirmed violations in 2026 were handled under the disciplinary process.",
	"attested_by": "Person/clara", "role": "Role/people-ops", "attested_on": "2026-06-01", "valid_until": "2027-05-31",
}

_records := {
	"Document": {"pol-hr": _pol},
	"Person": {"clara": _clara, "bob": _bob},
	"Acknowledgement": {
		"ack-clara": _ack("ack-clara", "Person/clara", "Document/pol-hr"),
		"ack-bob": _ack("ack-bob", "Person/bob", "Document/pol-hr"),
	},
	"Attestation": {"att-disc": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a6_4.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r1_no_process_document if {
	fs := a6_4.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current Document describes the disciplinary process at 2026-11-30: publish and approve one ",
		"(topic disciplinary-process, or content_flags.disciplinary_process)",
	])
}

test_fail_r1_unapproved_document_is_not_current if {
	draft := object.remove(_pol, ["approvals"])
	fs := a6_4.findings with input as _input({"Document": {"pol-hr": draft}})
	"fail" in _outcomes("R1", fs)
}

test_fail_r1_not_acknowledgeable if {
	quiet := object.union(_pol, {"requires_acknowledgement": false})
	fs := a6_4.findings with input as _input({"Document": {"pol-hr": quiet}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-hr"]
}

test_pass_r1_process_linked_from_acknowledged_policy if {
	proc := {
		"kind": "Document", "id": "proc-disc", "doc_type": "procedure", "topic": "disciplinary-process",
		"version": "1.0.0", "published_on": "2025-01-01",
		"approvals": [{"by": "Person/clara", "on": "2025-01-01", "decision": "approved"}],
	}
	pol := object.union(object.remove(_pol, ["content_flags"]), {"related_documents": ["Document/proc-disc"]})
	fs := a6_4.findings with input as _input({"Document": {"pol-hr": pol, "proc-disc": proc}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_person_did_not_acknowledge if {
	acks := {"ack-clara": _ack("ack-clara", "Person/clara", "Document/pol-hr")}
	fs := a6_4.findings with input as _input({"Acknowledgement": acks})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-hr", "Person/bob"]
	f.message == concat("", [
		"Document/pol-hr, which carry the disciplinary process, are not acknowledged by 1 of 2 active people: ",
		"have Person/bob acknowledge it",
	])
}

test_pass_r1_earlier_version_acknowledged if {
	old := object.union(_pol, {"id": "pol-hr-1", "version": "1.0.0", "published_on": "2024-01-01"})
	new := object.union(_pol, {"supersedes": "Document/pol-hr-1"})
	acks := {
		"ack-clara": _ack("ack-clara", "Person/clara", "Document/pol-hr"),
		"ack-bob": _ack("ack-bob", "Person/bob", "Document/pol-hr-1"),
	}
	fs := a6_4.findings with input as _input({"Document": {"pol-hr": new, "pol-hr-1": old}, "Acknowledgement": acks})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_newcomer_in_grace if {
	newbie := object.union(_bob, {"start_date": "2026-10-31"})
	fs := a6_4.findings with input as _input({
		"Person": {"clara": _clara, "bob": newbie},
		"Acknowledgement": {"ack-clara": _ack("ack-clara", "Person/clara", "Document/pol-hr")},
	})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_attestation_expired if {
	old := object.union(_att, {"attested_on": "2025-06-01", "valid_until": "2026-05-31"})
	fs := a6_4.findings with input as _input({"Attestation": {"att-disc": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Attestation/att-disc"]
	f.message == concat("", [
		"no current attestation by Role/hr-lead or Role/people-ops that the disciplinary process was applied ",
		"(Attestation/att-disc expired on 2026-05-31): have the HR role attest it",
	])
}

test_fail_r2_wrong_role if {
	cto := object.union(_clara, {"roles": [{"role": "Role/cto", "from": "2020-01-01"}]})
	att := object.union(_att, {"role": "Role/cto"})
	fs := a6_4.findings with input as _input({"Person": {"clara": cto, "bob": _bob}, "Attestation": {"att-disc": att}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "is made as Role/cto")
}

test_fail_r2_none if {
	fs := a6_4.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	contains(f.message, "no Attestation names iso27001:A.6.4")
}

test_pass_r2_valid_until_is_as_of if {
	edge := object.union(_att, {"attested_on": "2025-12-01", "valid_until": "2026-11-30"})
	fs := a6_4.findings with input as _input({"Attestation": {"att-disc": edge}})
	_outcomes("R2", fs) == {"pass"}
}
