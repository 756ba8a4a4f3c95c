package annexa.iso42001.c5_2_test

import data.annexa.iso42001.c5_2
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c5_2.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3", "R4", "R5"], fs)
}

test_fail_r1_policy_not_approved_by_top_management if {
	approvals := [{"by": "Person/miriam", "on": "2026-01-19", "decision": "approved", "version": "1.0.0"}]
	fs := c5_2.findings with input as fx.patched("Document", "pol-ai", {"approvals": approvals})
	some f in fx.failures("R1", fs)
	f.refs == ["Document/pol-ai#approvals"]
}

test_fail_r1_no_management_system if {
	fs := c5_2.findings with input as fx.dropped("ManagementSystem", "aims")
	some f in fx.failures("R1", fs)
	f.message == "no ManagementSystem with standard iso42001:2023 is recorded: add it with its top_management"
}

test_fail_r2_policy_not_reviewed if {
	fs := c5_2.findings with input as fx.patched("Document", "pol-ai", {"review_interval_days": 300})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Document/pol-ai"],
		"message": concat("", [
			"Document/pol-ai was last reviewed on 2026-01-19, more than 300 days before 2026-11-30 ",
			"(review_interval_days): review it and record the review",
		]),
	}}
}

test_fail_r2_not_reviewed_after_policy_change if {
	decisions := [{"text": "x", "type": "resources"}, {"text": "rewrite", "type": "policy-change"}]
	fs := c5_2.findings with input as fx.patched("ManagementReview", "mr-1", {"decisions": decisions})
	some f in fx.failures("R2", fs)
	f.message == concat("", [
		"Document/pol-ai was last reviewed on 2026-01-19, before ManagementReview/mr-1 decided on 2026-10-15 that ",
		"policies must change: review the policy against that decision",
	])
}

test_fail_r3_acknowledgement_missing if {
	inp := fx.input_with({"Acknowledgement": object.remove(fx.records.Acknowledgement, ["miriam-pol-ai"])})
	fs := c5_2.findings with input as inp
	fx.failures("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Document/pol-ai", "Person/miriam"],
		"message": concat("", [
			"Document/pol-ai: 2 of 3 active people in its audience acknowledged major version 1, below ",
			"ack_coverage_pct 100: have Person/miriam acknowledge it",
		]),
	}}
}

test_pass_r3_new_starter_in_grace if {
	nina := {"kind": "Person", "id": "nina", "employment_type": "employee", "start_date": "2026-11-15"}
	fs := c5_2.findings with input as fx.input_with({"Person": object.union(fx.records.Person, {"nina": nina})})
	fx.outcomes("R3", fs) == {"pass"}
}

test_pass_r3_ended_person_not_counted if {
	inp := fx.input_with({
		"Acknowledgement": object.remove(fx.records.Acknowledgement, ["miriam-pol-ai"]),
		"Person": object.union(fx.records.Person, {"miriam": object.union(
			fx.records.Person.miriam,
			{"end_date": "2026-11-01"},
		)}),
	})
	fs := c5_2.findings with input as inp
	fx.outcomes("R3", fs) == {"pass"}
}

test_fail_r4_party_not_pointed_at_policy if {
	party := [{
		"id": "ip-users", "name": "P", "requirements": ["Read the AI policy"],
		"addressed_by": ["Document/comms"],
	}]
	fs := c5_2.findings with input as fx.patched("ManagementSystem", "aims", {"interested_parties": party})
	fx.failures("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["ManagementSystem/aims#interested_parties.0"],
		"message": concat("", [
			"interested party ip-users needs the AI policy, but its addressed_by names ",
			"no current version of it (current: Document/pol-ai): link the current policy",
		]),
	}}
}

test_fail_r4_policy_without_location if {
	fs := c5_2.findings with input as fx.patched("Document", "pol-ai", {"location": ""})
	some f in fx.failures("R4", fs)
	f.message == concat("", [
		"Document/pol-ai is owed to interested party ip-users but has no location: ",
		"publish it and record where in location",
	])
}

test_pass_r4_no_party_needs_the_policy if {
	party := [{"id": "ip-users", "name": "P", "requirements": ["Fast support"], "addressed_by": ["Document/comms"]}]
	fs := c5_2.findings with input as fx.patched("ManagementSystem", "aims", {"interested_parties": party})
	fx.outcomes("R4", fs) == {"not_exercised"}
}

test_fail_r3_ai_role_holder_not_acknowledged if {
	inp := fx.input_with({
		"Acknowledgement": object.remove(fx.records.Acknowledgement, ["emre-pol-ai"]),
		"Document": object.union(fx.records.Document, {"pol-ai": object.union(
			fx.records.Document["pol-ai"],
			{"audience": ["Role/ceo"]},
		)}),
	})
	fs := c5_2.findings with input as inp
	fx.failures("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Person/emre"],
		"message": concat("", [
			"Person/emre holds an AI role but has not acknowledged Document/pol-ai, major version 1 (due 2026-02-19, ",
			"ack_grace_days = 30): have them acknowledge it",
		]),
	}}
}

test_pass_r3_new_ai_role_holder_at_risk if {
	nina := {
		"kind": "Person", "id": "nina", "employment_type": "employee", "start_date": "2021-01-01",
		"roles": [{"role": "Role/aims-owner", "from": "2026-11-01"}],
	}
	inp := fx.input_with({
		"Person": object.union(fx.records.Person, {"nina": nina}),
		"Document": object.union(fx.records.Document, {"pol-ai": object.union(
			fx.records.Document["pol-ai"],
			{"audience": ["Role/ceo"]},
		)}),
	})
	fs := c5_2.findings with input as inp
	fx.outcomes("R3", fs) == {"pass", "at_risk"}
}

test_fail_r5_required_element_missing if {
	inp := fx.patched("Document", "pol-ai", {"content_flags": {"objectives_framework": false}})
	fs := c5_2.findings with input as inp
	fx.failures("R5", fs) == {{
		"rule": "R5", "outcome": "fail", "refs": ["Document/pol-ai#content_flags"],
		"message": concat("", [
			"Document/pol-ai (version 1.0.0) does not confirm objectives_framework (ai_policy_required_flags): ",
			"add those elements and set their content_flags",
		]),
	}}
}
