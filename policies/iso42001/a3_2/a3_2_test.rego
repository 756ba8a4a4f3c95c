package annexa.iso42001.a3_2_test

import data.annexa.iso42001.a3_2
import rego.v1

_params := {"required_roles_aims": ["aims-owner", "data-steward"], "doc_review_days": 365, "at_risk_days": 7}

_role(id, extra) := object.union(
	{
		"kind": "Role", "id": id, "category": "aims", "min_holders": 1, "responsibilities": ["x"],
		"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
		"reviews": [{"by": "Person/emre", "on": "2026-01-15", "outcome": "updated"}],
	},
	extra,
)

_person(id, roles) := {
	"kind": "Person",
	"id": id,
	"start_date": "2024-01-01",
	"roles": [{"role": r, "from": "2024-01-01"} | some r in roles],
}

_system := {
	"kind": "AISystem", "id": "bot", "lifecycle": [
		{"stage": "development", "from": "2025-01-01"},
		{"stage": "operation", "from": "2025-06-01"},
	],
	"owner": "Person/emre", "technical_owner": "Person/tobias", "oversight_role": "Role/support-agent",
}

_records := {
	"Role": {
		"aims-owner": _role("aims-owner", {}),
		"data-steward": _role("data-steward", {}),
		"support-agent": _role("support-agent", {"category": "operational"}),
	},
	"Person": {
		"emre": _person("emre", ["Role/aims-owner"]),
		"tobias": _person("tobias", ["Role/data-steward"]),
		"ana": _person("ana", ["Role/support-agent"]),
	},
	"AISystem": {"bot": _system},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a3_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r3_population_includes_oversight_role if {
	fs := a3_2.findings with input as _input({})
	some f in fs
	f.rule == "R3"
	f.refs == ["Role/aims-owner", "Role/data-steward", "Role/support-agent"]
}

test_fail_r1_required_role_undefined if {
	roles := {"aims-owner": _role("aims-owner", {}), "support-agent": _role("support-agent", {})}
	fs := a3_2.findings with input as _input({"Role": roles})
	some f in _fails("R1", fs)
	f.refs == ["Role/data-steward"]
	f.message == concat("", [
		"Role/data-steward is required (required_roles_aims) but not defined: create the role and assign ",
		"holders",
	])
}

test_fail_r1_not_enough_holders if {
	two := _role("data-steward", {"min_holders": 2})
	fs := a3_2.findings with input as _input({"Role": {
		"aims-owner": _role("aims-owner", {}), "data-steward": two,
		"support-agent": _role("support-agent", {}),
	}})
	some f in _fails("R1", fs)
	f.message == "Role/data-steward has 1 active holders at 2026-11-30 but needs at least 2: assign it"
}

test_fail_r1_min_holders_zero_still_needs_one if {
	zero := _role("data-steward", {"min_holders": 0})
	fs := a3_2.findings with input as _input({
		"Role": {
			"aims-owner": _role("aims-owner", {}),
			"data-steward": zero,
			"support-agent": _role("support-agent", {}),
		},
		"Person": {
			"emre": _person("emre", ["Role/aims-owner"]),
			"tobias": _person("tobias", []),
			"ana": _person("ana", ["Role/support-agent"]),
		},
	})
	count(_fails("R1", fs)) == 1
}

test_fail_r1_holder_left if {
	left := object.union(_person("tobias", ["Role/data-steward"]), {"end_date": "2026-11-30"})
	fs := a3_2.findings with input as _input({"Person": {
		"emre": _person("emre", ["Role/aims-owner"]), "tobias": left,
		"ana": _person("ana", ["Role/support-agent"]),
	}})
	some f in _fails("R1", fs)
	f.refs == ["Role/data-steward"]
}

test_fail_r2_owner_left if {
	left := object.union(_person("emre", ["Role/aims-owner"]), {"end_date": "2026-06-30"})
	other := _person("max", ["Role/aims-owner"])
	fs := a3_2.findings with input as _input({"Person": {
		"emre": left, "max": other, "tobias": _person("tobias", ["Role/data-steward"]),
		"ana": _person("ana", ["Role/support-agent"]),
	}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/bot#owner"]
	f.message == concat("", [
		"AISystem/bot (stage operation) has owner Person/emre, who is not an active person at 2026-11-30: ",
		"assign an active person",
	])
}

test_fail_r2_no_oversight_role_in_operation if {
	fs := a3_2.findings with input as _input({"AISystem": {"bot": object.remove(_system, ["oversight_role"])}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/bot"]
	f.message == concat("", [
		"AISystem/bot is at stage operation but names no oversight_role: name the role that oversees its ",
		"output",
	])
}

test_pass_r2_no_oversight_role_before_deployment if {
	early := object.union(
		object.remove(_system, ["oversight_role", "lifecycle"]),
		{"lifecycle": [{"stage": "design", "from": "2026-01-01"}]},
	)
	fs := a3_2.findings with input as _input({"AISystem": {"bot": early}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_oversight_role_unstaffed if {
	fs := a3_2.findings with input as _input({"Person": {
		"emre": _person("emre", ["Role/aims-owner"]),
		"tobias": _person("tobias", ["Role/data-steward"]),
	}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/bot#oversight_role"]
}

test_fail_r2_oversight_role_undefined if {
	ghost := object.union(_system, {"oversight_role": "Role/ghost"})
	fs := a3_2.findings with input as _input({"AISystem": {"bot": ghost}})
	some f in _fails("R2", fs)
	f.message == concat("", [
		"AISystem/bot names oversight_role Role/ghost, which is not defined: create the role or fix the ",
		"reference",
	])
}

test_r2_ignores_retired_and_future_systems if {
	retired := object.union(object.remove(_system, ["lifecycle"]), {
		"owner": "Person/nobody",
		"lifecycle": [{"stage": "operation", "from": "2024-01-01"}, {"stage": "retired", "from": "2026-03-01"}],
	})
	future := object.union(
		object.remove(_system, ["lifecycle"]),
		{"id": "later", "owner": "Person/nobody", "lifecycle": [{"stage": "inception", "from": "2026-12-10"}]},
	)
	fs := a3_2.findings with input as _input({"AISystem": {"bot": retired, "later": future}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_role_not_approved if {
	unapproved := object.remove(_role("data-steward", {}), ["approvals"])
	fs := a3_2.findings with input as _input({"Role": {
		"aims-owner": _role("aims-owner", {}), "data-steward": unapproved,
		"support-agent": _role("support-agent", {}),
	}})
	some f in _fails("R3", fs)
	f.refs == ["Role/data-steward"]
	f.message == concat("", [
		"Role/data-steward is an AI role without an approved definition at 2026-11-30: have its definition ",
		"approved",
	])
}

test_fail_r3_review_too_old if {
	stale := object.union(
		object.remove(_role("data-steward", {}), ["reviews", "approvals"]),
		{"approvals": [{"by": "Person/lena", "on": "2025-11-29", "decision": "approved"}]},
	)
	fs := a3_2.findings with input as _input({"Role": {
		"aims-owner": _role("aims-owner", {}), "data-steward": stale,
		"support-agent": _role("support-agent", {}),
	}})
	some f in _fails("R3", fs)
	f.message == concat("", [
		"Role/data-steward was last reviewed on 2025-11-29, more than 365 days ago (doc_review_days): review ",
		"the role definition",
	])
}

test_r3_review_on_window_boundary_is_at_risk if {
	edge := object.union(
		object.remove(_role("data-steward", {}), ["reviews", "approvals"]),
		{"approvals": [{"by": "Person/lena", "on": "2025-11-30", "decision": "approved"}]},
	)
	fs := a3_2.findings with input as _input({"Role": {
		"aims-owner": _role("aims-owner", {}), "data-steward": edge,
		"support-agent": _role("support-agent", {}),
	}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}
