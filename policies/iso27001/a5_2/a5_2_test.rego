package annexa.iso27001.a5_2_test

import data.annexa.iso27001.a5_2
import rego.v1

_params := {"required_roles_isms": ["isms-manager", "on-call", "dpo?"], "doc_review_days": 365}

_role(id, min) := {
	"kind": "Role", "id": id, "responsibilities": ["Do the job"], "min_holders": min, "privileged": false,
	"approvals": [{"by": "Person/carol", "on": "2026-01-10", "decision": "approved"}],
}

_person(id, roles) := {
	"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2021-01-01",
	"roles": [{"role": r, "from": "2021-01-01"} | some r in roles],
}

_people := {
	"carol": _person("carol", []),
	"erin": _person("erin", ["Role/isms-manager", "Role/on-call"]),
	"dan": _person("dan", ["Role/on-call"]),
}

_soa := {
	"kind": "SoAEntry", "id": "iso27001-5.2", "standard": "iso27001:2022", "control_id": "5.2", "applicable": true,
	"justification": "needed", "implementation_status": "implemented", "owner": "Person/erin", "soa_version": "1",
}

_asset := {
	"kind": "Asset", "id": "app", "asset_type": "application", "owner": "Person/dan", "classification": "internal",
	"criticality": "high", "environment": "prod",
}

_records := {
	"ManagementSystem": {"isms": {
		"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
		"top_management": ["Person/carol"],
	}},
	"Role": {"isms-manager": _role("isms-manager", 1), "on-call": _role("on-call", 2)},
	"Person": _people,
	"SoAEntry": {"iso27001-5.2": _soa},
	"Asset": {"app": _asset},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_too_few_holders if {
	left := object.union(_people.dan, {"end_date": "2026-11-01"})
	fs := a5_2.findings with input as _input({"Person": object.union(_people, {"dan": left})})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Role/on-call"]
	f.message == concat("", [
		"Role/on-call has 1 active holder(s) (Person/erin) on 2026-11-30 but needs at least 2 (min_holders 2): ",
		"assign the role in Person.roles",
	])
}

test_fail_r1_role_not_defined if {
	fs := a5_2.findings with input as _input({"Role": {"isms-manager": _role("isms-manager", 1)}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	startswith(f.message, "Role/on-call is listed in required_roles_isms but no Role record defines it")
}

test_fail_r1_zero_min_holders_still_needs_one if {
	nobody := _role("isms-manager", 0)
	erin := _person("erin", ["Role/on-call"])
	fs := a5_2.findings with input as _input({
		"Role": {"isms-manager": nobody, "on-call": _role("on-call", 2)},
		"Person": object.union(_people, {"erin": erin}),
	})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Role/isms-manager"]
}

test_fail_r1_assignment_ended if {
	ended := object.union(_people.erin, {"roles": [
		{"role": "Role/isms-manager", "from": "2021-01-01", "to": "2026-11-30"},
		{"role": "Role/on-call", "from": "2021-01-01"},
	]})
	fs := a5_2.findings with input as _input({"Person": object.union(_people, {"erin": ended})})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Role/isms-manager"]
}

test_fail_r1_optional_role_defined_but_vacant if {
	fs := a5_2.findings with input as _input({"Role": {
		"isms-manager": _role("isms-manager", 1), "on-call": _role("on-call", 2), "dpo": _role("dpo", 1),
	}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Role/dpo"]
}

# --- R2

test_fail_r2_no_responsibilities if {
	blank := object.union(_role("on-call", 2), {"responsibilities": ["  "]})
	fs := a5_2.findings with input as _input({"Role": {"isms-manager": _role("isms-manager", 1), "on-call": blank}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Role/on-call"]
	f.message == "Role/on-call lists no responsibilities: write down what its holders must do"
}

test_fail_r2_not_approved if {
	unapproved := object.union(_role("on-call", 2), {"approvals": [
		{"by": "Person/carol", "on": "2026-01-10", "decision": "rejected"},
		{"by": "Person/carol", "on": "2026-12-10", "decision": "approved"},
	]})
	fs := a5_2.findings with input as _input({"Role": {"isms-manager": _role("isms-manager", 1), "on-call": unapproved}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.message == "Role/on-call has no approving decision dated on or before 2026-11-30: have the role definition approved"
}

test_pass_r2_ignores_aims_roles if {
	ai := object.union(object.remove(_role("ai-owner", 1), ["approvals"]), {"systems": ["aims"]})
	fs := a5_2.findings with input as _input({"Role": {
		"isms-manager": _role("isms-manager", 1), "on-call": _role("on-call", 2), "ai-owner": ai,
	}})
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R4", fs) == {"pass"}
}

# --- R3

test_fail_r3_asset_owner_left if {
	left := object.union(_people.dan, {"end_date": "2026-10-01"})
	inp := object.union(_input({"Person": object.union(_people, {"dan": left})}), {"params": {"required_roles_isms": []}})
	fs := a5_2.findings with input as inp
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/app#owner"]
	f.message == "Asset/app has owner Person/dan, who left on 2026-10-01: assign an owner who works here now"
}

test_fail_r3_soa_owner_unknown if {
	soa := object.union(_soa, {"owner": "Person/ghost"})
	fs := a5_2.findings with input as _input({"SoAEntry": {"iso27001-5.2": soa}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["SoAEntry/iso27001-5.2#owner"]
	contains(f.message, "has owner Person/ghost, who has no Person record")
}

test_fail_r3_owner_not_started if {
	future := object.union(_person("fred", []), {"start_date": "2027-01-01"})
	asset := object.union(_asset, {"owner": "Person/fred"})
	fs := a5_2.findings with input as _input({"Asset": {"app": asset}, "Person": object.union(_people, {"fred": future})})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "who starts only on 2027-01-01")
}

test_fail_r3_missing_owner if {
	asset := object.remove(_asset, ["owner"])
	fs := a5_2.findings with input as _input({"Asset": {"app": asset}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.message == "Asset/app has no owner: assign an owner who works here now"
}

test_pass_r3_ignores_retired_assets_and_excluded_controls if {
	retired := object.union(_asset, {"owner": "Person/ghost", "lifecycle": {"retired_on": "2026-11-30"}})
	excluded := object.union(_soa, {"id": "iso27001-7.12", "applicable": false, "owner": "Person/ghost"})
	ai := object.union(_soa, {"id": "iso42001-A.3.2", "standard": "iso42001:2023", "owner": "Person/ghost"})
	fs := a5_2.findings with input as _input({
		"Asset": {"app": retired},
		"SoAEntry": {"iso27001-5.2": _soa, "iso27001-7.12": excluded, "iso42001-A.3.2": ai},
	})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_owner_ends_on_as_of if {
	left := object.union(_people.dan, {"end_date": "2026-11-30"})
	fs := a5_2.findings with input as _input({"Person": object.union(_people, {"dan": left})})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/app#owner"]
}

# --- R4

test_fail_r4_review_overdue if {
	old := object.union(_role("on-call", 2), {"approvals": [
		{"by": "Person/carol", "on": "2025-11-29", "decision": "approved"},
	]})
	fs := a5_2.findings with input as _input({"Role": {"isms-manager": _role("isms-manager", 1), "on-call": old}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Role/on-call"]
	f.message == concat("", [
		"Role/on-call has no review within doc_review_days 365 of 2026-11-30 (last: 2025-11-29): ",
		"review the role definition",
	])
}

test_pass_r4_review_on_boundary if {
	edge := object.union(_role("on-call", 2), {
		"approvals": [{"by": "Person/carol", "on": "2020-01-01", "decision": "approved"}],
		"reviews": [{"by": "Person/erin", "on": "2025-11-30", "outcome": "no-change"}],
	})
	fs := a5_2.findings with input as _input({"Role": {"isms-manager": _role("isms-manager", 1), "on-call": edge}})
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_never_reviewed if {
	never := object.remove(_role("on-call", 2), ["approvals"])
	fs := a5_2.findings with input as _input({"Role": {"isms-manager": _role("isms-manager", 1), "on-call": never}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	contains(f.message, "(last: never)")
}
