package annexa.iso42001.c4_2_test

import data.annexa.iso42001.c4_2
import data.annexa.lib.planning_test as fx
import rego.v1

_party(patch) := fx.patched("ManagementSystem", "aims", {"interested_parties": [object.union(
	{"id": "ip-x", "name": "X", "requirements": ["be told"], "addressed_by": ["Document/comms"]},
	patch,
)]})

test_pass_all_rules if {
	fs := c4_2.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3"], fs)
}

test_fail_r1_party_without_requirements if {
	fs := c4_2.findings with input as _party({"requirements": []})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/aims#interested_parties.0"],
		"message": concat("", [
			"interested party ip-x of ManagementSystem/aims lists no requirement: record what the party needs from ",
			"the management system in requirements",
		]),
	}}
}

test_fail_r1_no_parties if {
	fs := c4_2.findings with input as fx.patched("ManagementSystem", "aims", {"interested_parties": []})
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/aims#interested_parties"]
}

test_fail_r2_requirements_not_addressed if {
	fs := c4_2.findings with input as _party({"addressed_by": []})
	some f in fx.failures("R2", fs)
	f.refs == ["ManagementSystem/aims#interested_parties.0"]
	startswith(f.message, "interested party ip-x of ManagementSystem/aims has requirements but addressed_by")
}

test_fail_r2_addressed_by_missing_record if {
	fs := c4_2.findings with input as _party({"addressed_by": ["Document/comms", "Document/gone"]})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementSystem/aims#interested_parties.0.addressed_by.1"],
		"message": concat("", [
			"interested party ip-x of ManagementSystem/aims is addressed by Document/gone, which is not in the ",
			"bundle: add that record or correct the reference",
		]),
	}}
}

test_fail_r3_parties_not_reviewed if {
	fs := c4_2.findings with input as fx.at(fx.base, "2027-10-20")
	some f in fx.failures("R3", fs)
	f.refs == ["ManagementSystem/aims#reviews"]
	startswith(f.message, "the interested parties of ManagementSystem/aims were last reviewed on 2026-10-15, not")
}

test_pass_r3_review_by_management_review if {
	fs := c4_2.findings with input as fx.stripped("ManagementSystem", "aims", ["reviews", "approvals"])
	fx.outcomes("R3", fs) == {"pass"}
}

test_fail_r3_management_review_without_party_input if {
	inp := fx.input_with({
		"ManagementSystem": object.union(
			object.remove(fx.records.ManagementSystem, ["aims"]),
			{"aims": object.remove(fx.records.ManagementSystem.aims, ["reviews", "approvals"])},
		),
		"ManagementReview": {"mr-1": object.union(fx.records.ManagementReview["mr-1"], {"inputs_covered": []})},
	})
	fs := c4_2.findings with input as inp
	some f in fx.failures("R3", fs)
	contains(f.message, "were last reviewed never")
}
