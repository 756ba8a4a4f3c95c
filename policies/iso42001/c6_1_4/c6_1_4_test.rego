package annexa.iso42001.c6_1_4_test

import data.annexa.iso42001.c6_1_4
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c6_1_4.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3"], fs)
}

test_fail_r1_element_missing if {
	fs := c6_1_4.findings with input as fx.patched("Document", "proc-aiia", {"content_flags": {"roles_defined": false}})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Document/proc-aiia"],
		"message": "Document/proc-aiia does not confirm roles_defined: complete it, review it and have it approved",
	}}
}

test_fail_r1_no_procedure if {
	fs := c6_1_4.findings with input as fx.dropped("Document", "proc-aiia")
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	startswith(f.message, "no current impact-assessment procedure of iso42001:2023 at 2026-11-30")
}

test_fail_r1_procedure_not_reviewed if {
	fs := c6_1_4.findings with input as fx.patched("Document", "proc-aiia", {"review_interval_days": 200})
	some f in fx.failures("R1", fs)
	contains(f.message, "was last reviewed on 2026-01-19, more than 200 days before 2026-11-30")
}

test_fail_r2_assessment_not_approved_by_approver if {
	approvals := [{"by": "Person/miriam", "on": "2026-03-02", "decision": "approved"}]
	fs := c6_1_4.findings with input as fx.patched("AIImpactAssessment", "aiia-1", {"approvals": approvals})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["AISystem/bot"],
		"message": concat("", [
			"AISystem/bot is at stage operation but has no impact assessment approved by a holder of ",
			"Role/ai-impact-approver at 2026-11-30 (assessments: AIImpactAssessment/aiia-1): assess it and have the ",
			"assessment approved",
		]),
	}}
}

test_pass_r2_system_before_design_not_examined if {
	inp := fx.input_with({
		"AISystem": {"bot": object.union(
			fx.records.AISystem.bot,
			{"lifecycle": [{"stage": "inception", "from": "2026-01-01"}]},
		)},
		"AIImpactAssessment": {},
	})
	fs := c6_1_4.findings with input as inp
	fx.outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_impact_assessment_not_linked if {
	fs := c6_1_4.findings with input as fx.patched("Risk", "r-3", {"sources": []})
	some f in fx.failures("R3", fs)
	f.refs == ["Risk/r-3#sources"]
}
