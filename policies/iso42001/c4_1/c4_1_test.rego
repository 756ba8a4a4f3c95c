package annexa.iso42001.c4_1_test

import data.annexa.iso42001.c4_1
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c4_1.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3"], fs)
}

test_fail_r1_no_external_issue if {
	issues := [{
		"id": "int-1", "type": "internal", "summary": "x", "climate_relevant": false,
		"reviewed_on": "2026-10-15",
	}]
	fs := c4_1.findings with input as fx.patched("ManagementSystem", "aims", {"issues": issues})
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/aims#issues"],
		"message": concat("", [
			"ManagementSystem/aims records no external issue: determine the external issues that affect the ",
			"management system and list them in issues",
		]),
	}}
}

test_fail_r1_no_management_system if {
	fs := c4_1.findings with input as fx.dropped("ManagementSystem", "aims")
	some f in fx.failures("R1", fs)
	f.refs == []
	f.message == concat("", [
		"no ManagementSystem with standard iso42001:2023 is recorded: ",
		"record it with its internal and external issues",
	])
}

test_fail_r2_issue_not_reviewed if {
	issues := [
		{"id": "int-1", "type": "internal", "summary": "x", "reviewed_on": "2025-11-29"},
		{"id": "ext-1", "type": "external", "summary": "y", "climate_relevant": true, "reviewed_on": "2026-10-15"},
	]
	fs := c4_1.findings with input as fx.patched("ManagementSystem", "aims", {"issues": issues})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementSystem/aims#issues.0"],
		"message": concat("", [
			"issue int-1 of ManagementSystem/aims was last reviewed on 2025-11-29, not within 365 days of 2026-11-30 ",
			"(doc_review_days): review it and record reviewed_on",
		]),
	}}
}

test_pass_r2_review_on_window_boundary if {
	issues := [
		{"id": "int-1", "type": "internal", "summary": "x", "reviewed_on": "2025-11-30"},
		{"id": "ext-1", "type": "external", "summary": "y", "climate_relevant": true, "reviewed_on": "2025-11-30"},
	]
	fs := c4_1.findings with input as fx.patched("ManagementSystem", "aims", {"issues": issues})
	fx.outcomes("R2", fs) == {"pass"}
}

test_fail_r2_issue_without_review_date if {
	issues := [
		{"id": "int-1", "type": "internal", "summary": "x"},
		{"id": "ext-1", "type": "external", "summary": "y", "climate_relevant": true, "reviewed_on": "2026-10-15"},
	]
	fs := c4_1.findings with input as fx.patched("ManagementSystem", "aims", {"issues": issues})
	some f in fx.failures("R2", fs)
	contains(f.message, "was last reviewed never")
}

test_fail_r3_climate_not_answered if {
	issues := [
		{"id": "int-1", "type": "internal", "summary": "x", "reviewed_on": "2026-10-15"},
		{"id": "ext-1", "type": "external", "summary": "y", "reviewed_on": "2026-10-15"},
	]
	fs := c4_1.findings with input as fx.patched("ManagementSystem", "aims", {"issues": issues})
	fx.failures("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["ManagementSystem/aims#issues"],
		"message": concat("", [
			"ManagementSystem/aims does not say whether climate change is a relevant issue (no issue sets ",
			"climate_relevant): decide it and record the answer in climate_relevant on an issue",
		]),
	}}
}

test_pass_r3_climate_answered_false if {
	issues := [
		{"id": "int-1", "type": "internal", "summary": "x", "reviewed_on": "2026-10-15"},
		{"id": "ext-1", "type": "external", "summary": "y", "climate_relevant": false, "reviewed_on": "2026-10-15"},
	]
	fs := c4_1.findings with input as fx.patched("ManagementSystem", "aims", {"issues": issues})
	fx.outcomes("R3", fs) == {"pass"}
}
