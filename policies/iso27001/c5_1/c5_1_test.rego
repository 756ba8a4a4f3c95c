package annexa.iso27001.c5_1_test

import data.annexa.iso27001.c5_1
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c5_1.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3"], fs)
}

test_fail_r1_policy_not_approved_by_top_management if {
	approvals := [{"by": "Person/miriam", "on": "2026-01-19", "decision": "approved", "version": "1.0.0"}]
	fs := c5_1.findings with input as fx.patched("Document", "pol-is", {"approvals": approvals})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Document/pol-is#approvals"],
		"message": concat("", [
			"Document/pol-is version 1.0.0 is approved only by Person/miriam, none of them top management of ",
			"iso27001:2022 (Person/lena): have a member of top management approve this version",
		]),
	}}
}

test_fail_r1_no_current_policy if {
	fs := c5_1.findings with input as fx.dropped("Document", "pol-is")
	some f in fx.failures("R1", fs)
	startswith(f.message, "no current information security policy at 2026-11-30")
}

test_fail_r2_review_too_old if {
	fs := c5_1.findings with input as fx.at(fx.base, "2027-10-20")
	some f in fx.failures("R2", fs)
	f.refs == ["ManagementReview/mr-1#held_on"]
	startswith(f.message, "the latest management review of iso27001:2022, ManagementReview/mr-1, was held on")
}

test_fail_r2_top_management_absent if {
	fs := c5_1.findings with input as fx.patched("ManagementReview", "mr-1", {"attendees": ["Person/miriam"]})
	some f in fx.failures("R2", fs)
	f.refs == ["ManagementReview/mr-1#attendees"]
}

test_fail_r2_no_resources_or_improvement_decision if {
	inp := fx.patched("ManagementReview", "mr-1", {"decisions": [{"text": "x", "type": "change"}]})
	fs := c5_1.findings with input as inp
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementReview/mr-1#decisions"],
		"message": concat("", [
			"ManagementReview/mr-1 (held 2026-10-15) records no decision of type resources or improvement: ",
			"record what top management decided on resources and improvement",
		]),
	}}
}

test_fail_r2_no_review if {
	fs := c5_1.findings with input as fx.dropped("ManagementReview", "mr-1")
	some f in fx.failures("R2", fs)
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r3_attestation_expired if {
	fs := c5_1.findings with input as fx.patched("Attestation", "att-lead", {"valid_until": "2026-11-29"})
	fx.failures("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Attestation/att-lead"],
		"message": concat("", [
			"no current Attestation of iso27001:5.1 by top management: Attestation/att-lead expired on 2026-11-29: ",
			"have a member of top management attest commitment and resourcing",
		]),
	}}
}

test_pass_r3_valid_on_last_day if {
	fs := c5_1.findings with input as fx.patched("Attestation", "att-lead", {"valid_until": "2026-11-30"})
	fx.outcomes("R3", fs) == {"pass"}
}

test_fail_r3_attested_by_someone_else if {
	att := {"attested_by": "Person/miriam", "role": "Role/isms-manager"}
	fs := c5_1.findings with input as fx.patched("Attestation", "att-lead", att)
	some f in fx.failures("R3", fs)
	startswith(f.message, "the current attestations of iso27001:5.1 (Attestation/att-lead) are not made by top")
}

test_fail_r3_no_attestation if {
	fs := c5_1.findings with input as fx.dropped("Attestation", "att-lead")
	some f in fx.failures("R3", fs)
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "no Attestation names iso27001:5.1")
}
