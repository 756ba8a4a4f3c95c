package annexa.iso27001.c5_3_test

import data.annexa.iso27001.c5_3
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c5_3.findings with input as fx.base
	fx.all_pass(["R1", "R2"], fs)
}

test_fail_r1_owner_role_not_held if {
	fs := c5_3.findings with input as fx.patched("Person", "miriam", {"roles": []})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Role/isms-manager"],
		"message": concat("", [
			"Role/isms-manager has 0 active holders at 2026-11-30, fewer than 1 (min_holders, at least one): ",
			"define the role and assign it to someone who works here (iso27001:2022)",
		]),
	}}
}

test_fail_r1_owner_role_missing if {
	fs := c5_3.findings with input as fx.dropped("Role", "isms-manager")
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/isms"]
	startswith(f.message, "no Role record Role/isms-manager exists")
}

test_fail_r1_fewer_than_min_holders if {
	fs := c5_3.findings with input as fx.patched("Role", "isms-manager", {"min_holders": 2})
	fx.outcomes("R1", fs) == {"fail"}
}

test_fail_r1_holder_left if {
	fs := c5_3.findings with input as fx.patched("Person", "miriam", {"end_date": "2026-11-30"})
	fx.outcomes("R1", fs) == {"fail"}
}

test_fail_r2_no_reporting_role if {
	fs := c5_3.findings with input as fx.patched("Role", "isms-manager", {"responsibilities": ["Run it"]})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementSystem/isms"],
		"message": concat("", [
			"no Role of iso27001:2022 has a responsibility to report performance to top management: add that ",
			"responsibility to the role that runs the management system",
		]),
	}}
}

test_fail_r2_reporter_absent if {
	fs := c5_3.findings with input as fx.patched("ManagementReview", "mr-1", {"attendees": ["Person/lena"]})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementReview/mr-1#attendees"],
		"message": concat("", [
			"no holder of Role/isms-manager on 2026-10-15 (Person/miriam) attended ManagementReview/mr-1: ",
			"the person who reports on the management system must present its performance at the review",
		]),
	}}
}

test_fail_r2_no_management_review if {
	fs := c5_3.findings with input as fx.dropped("ManagementReview", "mr-1")
	fx.outcomes("R2", fs) == {"fail"}
}
