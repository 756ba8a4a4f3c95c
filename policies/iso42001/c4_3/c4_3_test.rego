package annexa.iso42001.c4_3_test

import data.annexa.iso42001.c4_3
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c4_3.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3"], fs)
}

test_fail_r1_scope_document_missing if {
	fs := c4_3.findings with input as fx.dropped("Document", "aims-scope")
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/aims#scope_doc"],
		"message": concat("", [
			"ManagementSystem/aims names scope document Document/aims-scope, which is not in the bundle: ",
			"publish the scope, have it approved and keep it reviewed",
		]),
	}}
}

test_fail_r1_scope_version_not_approved if {
	fs := c4_3.findings with input as fx.patched("Document", "aims-scope", {"version": "2.0.0"})
	some f in fx.failures("R1", fs)
	contains(f.message, "which is not current (published, approved for version 2.0.0, not superseded)")
}

test_fail_r1_scope_not_reviewed if {
	fs := c4_3.findings with input as fx.at(fx.base, "2027-01-20")
	some f in fx.failures("R1", fs)
	contains(f.message, "last reviewed on 2026-01-19, more than 365 days before 2027-01-20")
}

test_fail_r1_no_scope_doc if {
	fs := c4_3.findings with input as fx.stripped("ManagementSystem", "aims", ["scope_doc"])
	some f in fx.failures("R1", fs)
	startswith(f.message, "ManagementSystem/aims names no scope_doc")
}

test_fail_r2_referenced_outside_boundaries if {
	fs := c4_3.findings with input as fx.patched("Risk", "r-3", {"affects": ["AISystem/other"]})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["AISystem/other"],
		"message": concat("", [
			"AISystem/other is referred to by Risk/r-3 but lies outside the boundaries of ManagementSystem/aims: ",
			"add it to boundaries.ai_systems (or its site or AI system), or stop naming it",
		]),
	}}
}

test_pass_r2_asset_at_boundary_site if {
	fs := c4_3.findings with input as fx.patched("Risk", "r-3", {"affects": ["Asset/laptop"]})
	fx.outcomes("R2", fs) == {"pass"}
}

test_fail_r2_unknown_boundary_entry if {
	bounds := {"boundaries": {"sites": ["Site/office", "Site/gone"]}}
	fs := c4_3.findings with input as fx.patched("ManagementSystem", "aims", bounds)
	some f in fx.failures("R2", fs)
	f.refs == ["ManagementSystem/aims#boundaries.sites.1"]
	f.message == concat("", [
		"the boundaries of ManagementSystem/aims name Site/gone, which is not in the bundle: ",
		"add that record or correct the reference",
	])
}

test_fail_r3_ai_system_not_listed if {
	fs := c4_3.findings with input as fx.patched("ManagementSystem", "aims", {"boundaries": {"ai_systems": []}})
	msgs := {f.message | some f in fx.failures("R3", fs)}
	msgs == {
		concat("", [
			"AISystem/bot is in service (stage operation) but not listed in boundaries.ai_systems of ",
			"ManagementSystem/aims: list it, or record its retirement",
		]),
		concat("", [
			"ManagementSystem/aims lists no AI system in boundaries.ai_systems: ",
			"list the AI systems the AI management system covers",
		]),
	}
}

test_fail_r3_no_ai_roles if {
	fs := c4_3.findings with input as fx.patched("ManagementSystem", "aims", {"ai_roles": []})
	some f in fx.failures("R3", fs)
	f.refs == ["ManagementSystem/aims#ai_roles"]
}

test_pass_r3_retired_system_need_not_be_listed if {
	retired := object.union(fx.records.AISystem.bot, {"lifecycle": [
		{"stage": "operation", "from": "2025-01-01"},
		{"stage": "retired", "from": "2026-06-01"},
	]})
	inp := fx.input_with({
		"AISystem": {"bot": retired, "old": {
			"kind": "AISystem", "id": "old",
			"lifecycle": [{"stage": "retired", "from": "2024-01-01"}],
		}},
	})
	fs := c4_3.findings with input as inp
	fx.outcomes("R3", fs) == {"pass"}
}
