package annexa.iso42001.c6_1_2_test

import data.annexa.iso42001.c6_1_2
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c6_1_2.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3", "R4"], fs)
}

test_fail_r1_no_acceptance_criteria if {
	inp := fx.patched("Document", "risk-method", {"content_flags": {"acceptance_criteria": false}})
	fs := c6_1_2.findings with input as inp
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Document/risk-method"],
		"message": "Document/risk-method does not confirm acceptance_criteria: complete and review the methodology",
	}}
}

test_fail_r1_no_methodology if {
	fs := c6_1_2.findings with input as fx.dropped("Document", "risk-method")
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/aims"]
}

test_fail_r1_methodology_of_the_other_system if {
	fs := c6_1_2.findings with input as fx.patched("Document", "risk-method", {"systems": ["isms"]})
	fx.outcomes("R1", fs) == {"fail"}
}

test_fail_r2_assessment_too_old if {
	fs := c6_1_2.findings with input as fx.at(fx.base, "2027-02-12")
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementSystem/aims"],
		"message": concat("", [
			"no risk assessment of iso42001:2023 within 365 days of 2027-02-12 (risk_assessment_days) covers ",
			"the whole scope (last: RiskAssessment/ra-aims on 2026-02-11; missing: AISystem/bot, Asset/app, ",
			"Site/office): assess the risks of the whole management system (scope naming the ManagementSystem ",
			"or all its boundaries)",
		]),
	}}
}

test_pass_r2_boundaries_covered if {
	inp := fx.patched("RiskAssessment", "ra-aims", {"scope": ["Site/office", "Asset/app", "AISystem/bot"]})
	fs := c6_1_2.findings with input as inp
	fx.outcomes("R2", fs) == {"pass"}
}

test_fail_r2_part_of_scope if {
	fs := c6_1_2.findings with input as fx.patched("RiskAssessment", "ra-aims", {"scope": ["Site/office"]})
	fx.outcomes("R2", fs) == {"fail"}
}

test_fail_r3_score_not_per_formula if {
	fs := c6_1_2.findings with input as fx.patched("Risk", "r-3", {"inherent": {"score": 15}})
	fx.failures("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Risk/r-3"],
		"message": concat("", [
			"Risk/r-3: inherent score 15 is not likelihood × impact (4 × 4 = 16): complete the register entry ",
			"as the methodology asks",
		]),
	}}
}

test_pass_r3_formula_not_declared if {
	inp := fx.input_with({
		"Risk": object.union(fx.records.Risk, {"r-3": object.union(
			fx.records.Risk["r-3"],
			{"inherent": {"score": 15}},
		)}),
		"Document": object.union(fx.records.Document, {"risk-method": object.union(
			fx.records.Document["risk-method"],
			{"content_flags": {"score_formula_likelihood_times_impact": false}},
		)}),
	})
	fs := c6_1_2.findings with input as inp
	fx.outcomes("R3", fs) == {"pass"}
}

test_fail_r3_owner_not_active if {
	fs := c6_1_2.findings with input as fx.patched("Risk", "r-3", {"owner": "Person/ghost"})
	some f in fx.failures("R3", fs)
	contains(f.message, "owner Person/ghost is not an active Person")
}

test_fail_r3_score_missing if {
	r := object.union(object.remove(fx.records.Risk["r-3"], ["inherent"]), {"inherent": {"likelihood": 4, "impact": 4}})
	fs := c6_1_2.findings with input as fx.replaced("Risk", "r-3", r)
	some f in fx.failures("R3", fs)
	contains(f.message, "no inherent score")
}

test_fail_r4_impact_assessment_not_linked if {
	fs := c6_1_2.findings with input as fx.patched("Risk", "r-3", {"sources": []})
	fx.failures("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["Risk/r-3#sources"],
		"message": concat("", [
			"Risk/r-3 affects AISystem/bot, whose impact assessments (AIImpactAssessment/aiia-1) it does not name ",
			"in sources: consider the impact assessment in the risk and link it in sources",
		]),
	}}
}
