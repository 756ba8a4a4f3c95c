package annexa.iso42001.c6_1_1_test

import data.annexa.iso42001.c6_1_1
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c6_1_1.findings with input as fx.base
	fx.all_pass(["R1", "R2"], fs)
}

test_fail_r1_no_opportunity if {
	fs := c6_1_1.findings with input as fx.patched("RiskAssessment", "ra-aims", {"risks_assessed": ["Risk/r-3"]})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["RiskAssessment/ra-aims#risks_assessed"],
		"message": concat("", [
			"RiskAssessment/ra-aims (performed 2026-02-11) assessed no opportunity and does not state that there ",
			"is none: assess opportunities (Risk with kind_of_entry opportunity) or record links.opportunities: []",
		]),
	}}
}

test_pass_r1_explicit_no_opportunity if {
	patch := {"risks_assessed": ["Risk/r-3"], "links": {"opportunities": []}}
	fs := c6_1_1.findings with input as fx.patched("RiskAssessment", "ra-aims", patch)
	fx.outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_risk if {
	fs := c6_1_1.findings with input as fx.patched("RiskAssessment", "ra-aims", {"risks_assessed": ["Risk/r-4"]})
	some f in fx.failures("R1", fs)
	startswith(f.message, "RiskAssessment/ra-aims (performed 2026-02-11) assessed no risk")
}

test_fail_r1_no_periodic_assessment if {
	fs := c6_1_1.findings with input as fx.patched("RiskAssessment", "ra-aims", {"trigger": "incident"})
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/aims"]
}

test_pass_r1_reads_the_latest_periodic_assessment if {
	later := object.union(fx.records.RiskAssessment["ra-aims"], {"id": "ra-aims-2", "performed_on": "2026-09-01"})
	inp := fx.input_with({"RiskAssessment": object.union(fx.records.RiskAssessment, {"ra-aims-2": object.union(
		later,
		{"risks_assessed": ["Risk/r-3"]},
	)})})
	fs := c6_1_1.findings with input as inp
	some f in fx.failures("R1", fs)
	f.refs == ["RiskAssessment/ra-aims-2#risks_assessed"]
}

test_fail_r2_no_treatment if {
	inp := fx.input_with({
		"Risk": object.union(fx.records.Risk, {"r-3": object.union(fx.records.Risk["r-3"], {"treatments": []})}),
		"RiskTreatment": object.remove(fx.records.RiskTreatment, ["rt-r-3"]),
	})
	fs := c6_1_1.findings with input as inp
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Risk/r-3#treatments"],
		"message": concat("", [
			"Risk/r-3 (treatment_option modify) has no RiskTreatment: plan the treatment as a RiskTreatment with ",
			"an owner and a due date",
		]),
	}}
}

test_fail_r2_treatment_without_due_date if {
	fs := c6_1_1.findings with input as fx.stripped("RiskTreatment", "rt-r-3", ["due_on"])
	some f in fx.failures("R2", fs)
	f.message == "RiskTreatment/rt-r-3 (treating Risk/r-3) has no due date: name its owner and due_on"
}

test_fail_r2_listed_treatment_missing if {
	inp := fx.patched("Risk", "r-3", {"treatments": ["RiskTreatment/rt-r-3", "RiskTreatment/gone"]})
	fs := c6_1_1.findings with input as inp
	some f in fx.failures("R2", fs)
	f.refs == ["Risk/r-3#treatments.1"]
}

test_pass_r2_retained_risk_needs_no_treatment if {
	inp := fx.input_with({
		"Risk": object.union(fx.records.Risk, {"r-3": object.union(
			fx.records.Risk["r-3"],
			{"treatment_option": "retain", "treatments": []},
		)}),
		"RiskTreatment": object.remove(fx.records.RiskTreatment, ["rt-r-3"]),
	})
	fs := c6_1_1.findings with input as inp
	fx.outcomes("R2", fs) == {"pass"}
}
