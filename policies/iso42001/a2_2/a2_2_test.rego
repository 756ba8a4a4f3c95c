package annexa.iso42001.a2_2_test

import data.annexa.iso42001.a2_2
import rego.v1

_params := {
	"ai_policy_required_flags": [
		"fit_to_purpose", "objectives_framework",
		"requirements_commitment", "improvement_commitment",
	],
	"required_roles_aims": ["aims-owner"],
	"ack_grace_days": 30,
	"at_risk_days": 7,
}

_flags := {
	"fit_to_purpose": true, "objectives_framework": true,
	"requirements_commitment": true, "improvement_commitment": true,
}

_ms := {
	"kind": "ManagementSystem", "id": "aims", "standard": "iso42001:2023", "top_management": ["Person/lena"],
	"interested_parties": [
		{"id": "staff", "name": "Staff", "requirements": ["safe tools"]},
		{
			"id": "customers", "name": "Customers", "requirements": ["See our AI Policy on request"],
			"addressed_by": ["Document/pol-ai"],
		},
	],
}

_isms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/emre"]}

_lena := {
	"kind": "Person", "id": "lena", "start_date": "2021-03-01",
	"roles": [{"role": "Role/ceo", "from": "2021-03-01"}],
}

_emre := {
	"kind": "Person", "id": "emre", "start_date": "2024-03-01",
	"roles": [{"role": "Role/aims-owner", "from": "2025-03-03"}],
}

_policy_v1 := {
	"kind": "Document", "id": "pol-ai-1", "doc_type": "policy", "topic": "ai-policy", "version": "1.0.0",
	"published_on": "2025-01-10", "approvals": [{"by": "Person/lena", "on": "2025-01-08", "decision": "approved"}],
}

_policy := {
	"kind": "Document", "id": "pol-ai", "doc_type": "policy", "topic": "ai-policy", "version": "2.1.0",
	"published_on": "2026-06-01", "location": "https://handbook.example/pol-ai", "content_flags": _flags,
	"supersedes": "Document/pol-ai-1",
	"approvals": [{"by": "Person/lena", "on": "2026-05-30", "decision": "approved", "version": "2.1.0"}],
}

# emre acknowledged the earlier record in major version 2 (a 2.0.0 issued under the old id).
_ack := {
	"kind": "Acknowledgement", "id": "ack-emre", "person": "Person/emre", "ack_type": "policy",
	"document": "Document/pol-ai-1", "document_version": "2.0.0", "signed_on": "2026-02-01",
}

_records := {
	"ManagementSystem": {"aims": _ms, "isms": _isms},
	"Person": {"lena": _lena, "emre": _emre},
	"Role": {"aims-owner": {"kind": "Role", "id": "aims-owner", "category": "aims"}},
	"Document": {"pol-ai": _policy, "pol-ai-1": _policy_v1},
	"Acknowledgement": {"ack-emre": _ack},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a2_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_whole_finding if {
	fs := a2_2.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.outcome == "pass"
	f.message == concat("", [
		"the current AI policy is approved by AIMS top management: ",
		"Document/pol-ai approved by Person/lena on 2026-05-30",
	])
	f.refs == ["Document/pol-ai", "ManagementSystem/aims"]
}

test_fail_r1_no_aims_management_system if {
	fs := a2_2.findings with input as _input({"ManagementSystem": {"isms": _isms}})
	some f in _fails("R1", fs)
	f.message == "no ManagementSystem with standard iso42001:2023 names the AIMS top management: record it"
	f.refs == ["Document/pol-ai"]
}

test_fail_r1_isms_top_management_does_not_count if {
	by_emre := object.union(_policy, {"approvals": [{"by": "Person/emre", "on": "2026-05-30", "decision": "approved"}]})
	fs := a2_2.findings with input as _input({"Document": {"pol-ai": by_emre, "pol-ai-1": _policy_v1}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"the current AI policy Document/pol-ai is not approved by AIMS top management (Person/lena): ",
		"have one of them approve this version",
	])
}

test_fail_r1_top_approval_of_older_version_only if {
	old := object.union(_policy, {"approvals": [
		{"by": "Person/lena", "on": "2026-05-30", "decision": "approved", "version": "2.0.0"},
		{"by": "Person/emre", "on": "2026-05-30", "decision": "approved", "version": "2.1.0"},
	]})
	fs := a2_2.findings with input as _input({"Document": {"pol-ai": old, "pol-ai-1": _policy_v1}})
	count(_fails("R1", fs)) == 1
}

test_fail_r1_no_current_policy if {
	future := object.union(_policy, {"published_on": "2026-12-01"})
	fs := a2_2.findings with input as _input({"Document": {"pol-ai": future, "pol-ai-1": _policy_v1}})

	# the 1.0.0 record is not superseded yet, so it is current: only the future one is not
	_outcomes("R1", fs) == {"pass"}
	fs2 := a2_2.findings with input as _input({"Document": {"pol-ai": future}})
	some f in _fails("R1", fs2)
	startswith(f.message, "no current AI policy at 2026-11-30")
	f.refs == ["ManagementSystem/aims"]
}

test_fail_r2_flags_missing_or_false if {
	partial := object.union(object.remove(_policy, ["content_flags"]), {"content_flags": {
		"fit_to_purpose": true,
		"objectives_framework": false,
	}})
	fs := a2_2.findings with input as _input({"Document": {"pol-ai": partial, "pol-ai-1": _policy_v1}})
	some f in _fails("R2", fs)
	f.refs == ["Document/pol-ai#content_flags"]
	f.message == concat("", [
		"Document/pol-ai (version 2.1.0) lacks the required elements objectives_framework, ",
		"requirements_commitment, improvement_commitment (ai_policy_required_flags): add them and set the flags",
	])
}

test_fail_r2_no_flags_at_all if {
	bare := object.remove(_policy, ["content_flags"])
	fs := a2_2.findings with input as _input({"Document": {"pol-ai": bare, "pol-ai-1": _policy_v1}})
	some f in _fails("R2", fs)
	f.refs == ["Document/pol-ai"]
}

test_fail_r3_holder_not_acknowledged if {
	fs := a2_2.findings with input as _input({"Acknowledgement": {}})
	some f in _fails("R3", fs)
	f.refs == ["Person/emre"]
	f.message == concat("", [
		"Person/emre holds an AI role but has not acknowledged Document/pol-ai, major version 2 ",
		"(due 2026-07-01, ack_grace_days=30): have them do so",
	])
}

test_fail_r3_old_major_acknowledged_only if {
	old := object.union(_ack, {"document_version": "1.0.0"})
	fs := a2_2.findings with input as _input({"Acknowledgement": {"ack-emre": old}})
	count(_fails("R3", fs)) == 1
}

test_fail_r3_ack_signed_after_as_of if {
	late := object.union(_ack, {"signed_on": "2026-12-02"})
	fs := a2_2.findings with input as _input({"Acknowledgement": {"ack-emre": late}})
	count(_fails("R3", fs)) == 1
}

test_fail_r3_system_operator_role_counts if {
	system := {
		"kind": "AISystem", "id": "bot", "lifecycle": [{"stage": "operation", "from": "2025-01-01"}],
		"oversight_role": "Role/support-agent",
	}
	agent := {
		"kind": "Person", "id": "ana", "start_date": "2024-01-01",
		"roles": [{"role": "Role/support-agent", "from": "2024-01-01"}],
	}
	fs := a2_2.findings with input as _input({
		"AISystem": {"bot": system},
		"Person": {"lena": _lena, "emre": _emre, "ana": agent},
	})
	some f in _fails("R3", fs)
	f.refs == ["Person/ana"]
}

test_r3_grace_for_new_role_holder if {
	newcomer := object.union(_emre, {"roles": [{"role": "Role/aims-owner", "from": "2026-11-10"}]})
	fs := a2_2.findings with input as _input({"Person": {"lena": _lena, "emre": newcomer}, "Acknowledgement": {}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_at_risk_on_the_deadline if {
	# role taken 2026-10-31: due 2026-11-30, the as-of date itself, so not yet a failure
	newcomer := object.union(_emre, {"roles": [{"role": "Role/aims-owner", "from": "2026-10-31"}]})
	fs := a2_2.findings with input as _input({"Person": {"lena": _lena, "emre": newcomer}, "Acknowledgement": {}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == "Person/emre has until 2026-11-30 to acknowledge Document/pol-ai in major version 2"
}

test_fail_r3_one_day_after_grace if {
	newcomer := object.union(_emre, {"roles": [{"role": "Role/aims-owner", "from": "2026-10-30"}]})
	fs := a2_2.findings with input as _input({"Person": {"lena": _lena, "emre": newcomer}, "Acknowledgement": {}})
	count(_fails("R3", fs)) == 1
}

test_r3_ignores_ended_people_and_ended_roles if {
	left := object.union(_emre, {"end_date": "2026-10-01"})
	moved := {
		"kind": "Person", "id": "kai", "start_date": "2024-01-01",
		"roles": [{"role": "Role/aims-owner", "from": "2024-01-01", "to": "2025-01-01"}],
	}
	people := {"lena": _lena, "emre": left, "kai": moved}
	fs := a2_2.findings with input as _input({"Person": people, "Acknowledgement": {}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_party_not_addressed if {
	regulator := {"id": "regulator", "name": "Regulator", "info_needs": ["AI-policy copy"]}
	ms := object.union(_ms, {"interested_parties": [regulator]})
	fs := a2_2.findings with input as _input({"ManagementSystem": {"aims": ms}})
	some f in _fails("R3", fs)
	f.refs == ["ManagementSystem/aims#interested_parties.0"]
	f.message == concat("", [
		"interested party regulator needs the AI policy, but addressed_by lists no current AI policy ",
		"(Document/pol-ai): link it",
	])
}

test_fail_r3_policy_owed_but_unpublished if {
	unpublished := object.remove(_policy, ["location"])
	fs := a2_2.findings with input as _input({"Document": {"pol-ai": unpublished, "pol-ai-1": _policy_v1}})
	some f in _fails("R3", fs)
	f.refs == ["Document/pol-ai"]
}

test_not_exercised_without_policy_or_holders if {
	fs := a2_2.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	_outcomes("R1", fs) == {"fail"}
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R3", fs) == {"not_exercised"}
}
