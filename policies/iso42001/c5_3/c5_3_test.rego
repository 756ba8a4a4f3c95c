package annexa.iso42001.c5_3_test

import data.annexa.iso42001.c5_3
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c5_3.findings with input as fx.base
	fx.all_pass(["R1", "R2"], fs)
}

test_fail_r1_owner_role_not_held if {
	fs := c5_3.findings with input as fx.patched("Person", "emre", {"roles": []})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Role/aims-owner"],
		"message": concat("", [
			"Role/aims-owner has 0 active holders at 2026-11-30, fewer than 1 (min_holders, at least one): ",
			"define the role and assign it to someone who works here (iso42001:2023)",
		]),
	}}
}

test_fail_r1_owner_role_missing if {
	fs := c5_3.findings with input as fx.dropped("Role", "aims-owner")
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/aims"]
	startswith(f.message, "no Role record Role/aims-owner exists")
}

test_fail_r1_fewer_than_min_holders if {
	fs := c5_3.findings with input as fx.patched("Role", "aims-owner", {"min_holders": 2})
	fx.outcomes("R1", fs) == {"fail"}
}

test_fail_r1_holder_left if {
	fs := c5_3.findings with input as fx.patched("Person", "emre", {"end_date": "2026-11-30"})
	fx.outcomes("R1", fs) == {"fail"}
}

test_fail_r2_no_reporting_role if {
	fs := c5_3.findings with input as fx.patched("Role", "aims-owner", {"responsibilities": ["Run it"]})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementSystem/aims"],
		"message": concat("", [
			"no Role of iso42001:2023 has a responsibility to report performance to top management: add that ",
			"responsibility to the role that runs the management system",
		]),
	}}
}

test_fail_r2_reporter_absent if {
	fs := c5_3.findings with input as fx.patched("ManagementReview", "mr-1", {"attendees": ["Person/lena"]})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementReview/mr-1#attendees"],
		"message": concat("", [
			"no holder of Role/aims-owner on 2026-10-15 (Person/emre) attended ManagementReview/mr-1: ",
			"the person who reports on the management system must present its performance at the review",
		]),
	}}
}

test_fail_r2_no_management_review if {
	fs := c5_3.findings with input as fx.dropped("ManagementReview", "mr-1")
	fx.outcomes("R2", fs) == {"fail"}
}
