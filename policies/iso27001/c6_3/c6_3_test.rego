package annexa.iso27001.c6_3_test

import data.annexa.iso27001.c6_3
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c6_3.findings with input as fx.base
	fx.all_pass(["R1"], fs)
}

test_fail_r1_approved_after_it_took_effect if {
	approvals := [{"by": "Person/lena", "on": "2026-01-21", "decision": "approved"}]
	fs := c6_3.findings with input as fx.patched("ChangeRecord", "chg-ms", {"approvals": approvals})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ChangeRecord/chg-ms"],
		"message": concat("", [
			"ChangeRecord/chg-ms has no approval on or before its effective date 2026-01-20: plan such changes ",
			"before making them",
		]),
	}}
}

test_pass_r1_approved_on_the_day if {
	approvals := [{"by": "Person/lena", "on": "2026-01-20", "decision": "approved"}]
	fs := c6_3.findings with input as fx.patched("ChangeRecord", "chg-ms", {"approvals": approvals})
	fx.outcomes("R1", fs) == {"pass"}
}

test_fail_r1_purpose_not_stated if {
	inp := fx.patched("ChangeRecord", "chg-ms", {"description": "Responsibilities: ISMS manager."})
	fs := c6_3.findings with input as inp
	some f in fx.failures("R1", fs)
	f.message == "ChangeRecord/chg-ms has no description stating its purpose: plan such changes before making them"
}

test_fail_r1_nothing_planned if {
	fs := c6_3.findings with input as fx.stripped("ChangeRecord", "chg-ms", ["description", "approvals"])
	some f in fx.failures("R1", fs)
	contains(f.message, "no approval on or before its effective date 2026-01-20 and no description naming")
}

test_pass_r1_outside_lookback_not_exercised if {
	fs := c6_3.findings with input as fx.patched("ChangeRecord", "chg-ms", {"deployed_on": "2025-11-29"})
	fx.outcomes("R1", fs) == {"not_exercised"}
}

test_pass_r1_change_of_the_other_system_not_counted if {
	fs := c6_3.findings with input as fx.patched("ChangeRecord", "chg-ms", {"systems": ["ManagementSystem/aims"]})
	fx.outcomes("R1", fs) == {"not_exercised"}
}

test_pass_r1_not_yet_effective if {
	fs := c6_3.findings with input as fx.stripped("ChangeRecord", "chg-ms", ["deployed_on"])
	fx.outcomes("R1", fs) == {"not_exercised"}
}
