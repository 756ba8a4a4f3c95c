package annexa.iso42001.c6_2_test

import data.annexa.iso42001.c6_2
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c6_2.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3"], fs)
}

test_fail_r1_no_objective if {
	fs := c6_2.findings with input as fx.dropped("Objective", "obj-ai")
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/aims"],
		"message": concat("", [
			"iso42001:2023 has no active Objective at 2026-11-30 (one of category ai-development, ai-use, aims ",
			"whose due_on has not passed): set measurable objectives for the management system",
		]),
	}}
}

test_fail_r1_objective_past_due if {
	fs := c6_2.findings with input as fx.patched("Objective", "obj-ai", {"due_on": "2026-11-29"})
	fx.outcomes("R1", fs) == {"fail"}
}

test_pass_r1_due_today_is_active if {
	fs := c6_2.findings with input as fx.patched("Objective", "obj-ai", {"due_on": "2026-11-30"})
	fx.outcomes("R1", fs) == {"pass"}
}

test_fail_r1_objective_without_due_date if {
	fs := c6_2.findings with input as fx.stripped("Objective", "obj-ai", ["due_on"])
	some f in fx.failures("R1", fs)
	f.message == "Objective/obj-ai has no due date: complete the objective"
}

test_fail_r1_owner_left if {
	fs := c6_2.findings with input as fx.patched("Person", "emre", {"end_date": "2026-10-01"})
	some f in fx.failures("R1", fs)
	contains(f.message, "owner Person/emre is not an active Person")
}

test_fail_r2_not_measured_in_time if {
	inp := fx.patched("Objective", "obj-ai", {"measurements": [{"on": "2026-08-31", "value": 1, "met": true}]})
	fs := c6_2.findings with input as inp
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Objective/obj-ai#measurements"],
		"message": concat("", [
			"Objective/obj-ai was last measured on 2026-08-31; the next measurement was due on 2026-11-29 ",
			"(measurement_interval_days = 90): measure it and record the measurement",
		]),
	}}
}

test_pass_r2_measurement_due_soon_is_at_risk if {
	inp := fx.patched("Objective", "obj-ai", {"measurements": [{"on": "2026-09-05", "value": 1, "met": true}]})
	fs := c6_2.findings with input as inp
	fx.outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_default_interval if {
	inp := fx.with_params(
		fx.stripped("Objective", "obj-ai", ["measurement_interval_days"]),
		{"objective_measure_days": 30},
	)
	fs := c6_2.findings with input as inp
	some f in fx.failures("R2", fs)
	contains(f.message, "(objective_measure_days = 30)")
}

test_fail_r2_never_measured if {
	fs := c6_2.findings with input as fx.patched("Objective", "obj-ai", {"measurements": []})
	some f in fx.failures("R2", fs)
	startswith(f.message, "Objective/obj-ai has no measurement and no recorded_on date")
}

test_pass_r2_new_objective_counts_from_recorded_on if {
	inp := fx.patched("Objective", "obj-ai", {"measurements": [], "recorded_on": "2026-11-01"})
	fs := c6_2.findings with input as inp
	fx.outcomes("R2", fs) == {"pass"}
}

test_fail_r3_not_communicated if {
	fs := c6_2.findings with input as fx.stripped("Objective", "obj-ai", ["communicated_via"])
	fx.failures("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["Objective/obj-ai#communicated_via"],
		"message": concat("", [
			"Objective/obj-ai is communicated via nothing, which is not a Document published by 2026-11-30: ",
			"communicate the objective and set communicated_via to the document that carries it",
		]),
	}}
}
