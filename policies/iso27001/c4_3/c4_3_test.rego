package annexa.iso27001.c4_3_test

import data.annexa.iso27001.c4_3
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c4_3.findings with input as fx.base
	fx.all_pass(["R1", "R2"], fs)
}

test_fail_r1_scope_document_missing if {
	fs := c4_3.findings with input as fx.dropped("Document", "isms-scope")
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/isms#scope_doc"],
		"message": concat("", [
			"ManagementSystem/isms names scope document Document/isms-scope, which is not in the bundle: ",
			"publish the scope, have it approved and keep it reviewed",
		]),
	}}
}

test_fail_r1_scope_version_not_approved if {
	fs := c4_3.findings with input as fx.patched("Document", "isms-scope", {"version": "2.0.0"})
	some f in fx.failures("R1", fs)
	contains(f.message, "which is not current (published, approved for version 2.0.0, not superseded)")
}

test_fail_r1_scope_not_reviewed if {
	fs := c4_3.findings with input as fx.at(fx.base, "2027-01-20")
	some f in fx.failures("R1", fs)
	contains(f.message, "last reviewed on 2026-01-19, more than 365 days before 2027-01-20")
}

test_fail_r1_no_scope_doc if {
	fs := c4_3.findings with input as fx.stripped("ManagementSystem", "isms", ["scope_doc"])
	some f in fx.failures("R1", fs)
	startswith(f.message, "ManagementSystem/isms names no scope_doc")
}

test_fail_r2_referenced_outside_boundaries if {
	fs := c4_3.findings with input as fx.patched("Risk", "r-1", {"affects": ["Asset/db"]})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Asset/db"],
		"message": concat("", [
			"Asset/db is referred to by Risk/r-1 but lies outside the boundaries of ManagementSystem/isms: ",
			"add it to boundaries.systems (or its site or AI system), or stop naming it",
		]),
	}}
}

test_pass_r2_asset_at_boundary_site if {
	fs := c4_3.findings with input as fx.patched("Risk", "r-1", {"affects": ["Asset/laptop"]})
	fx.outcomes("R2", fs) == {"pass"}
}

test_fail_r2_unknown_boundary_entry if {
	bounds := {"boundaries": {"sites": ["Site/office", "Site/gone"]}}
	fs := c4_3.findings with input as fx.patched("ManagementSystem", "isms", bounds)
	some f in fx.failures("R2", fs)
	f.refs == ["ManagementSystem/isms#boundaries.sites.1"]
	f.message == concat("", [
		"the boundaries of ManagementSystem/isms name Site/gone, which is not in the bundle: ",
		"add that record or correct the reference",
	])
}
