package annexa.iso27001.a5_24_test

import data.annexa.iso27001.a5_24
import rego.v1

_params := {"doc_review_days": 365, "contact_verify_days": 365, "ir_tabletop_days": 365, "at_risk_days": 7}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/ann"]}

_plan := {
	"kind": "Document", "id": "irp", "doc_type": "plan", "topic": "incident-response", "version": "2.0.0",
	"published_on": "2026-02-01", "review_interval_days": 365,
	"approvals": [{"by": "Person/ann", "on": "2026-01-30", "decision": "approved", "version": "2.0.0"}],
	"reviews": [{"by": "Person/bea", "on": "2026-06-01", "outcome": "updated"}],
	"links": {"escalation": ["CommsChannel/soc-hotline", "Document/comms-plan"]},
}

_lead := {"kind": "Role", "id": "incident-lead", "responsibilities": ["lead"], "min_holders": 1, "privileged": false}

_responder := {
	"kind": "Role", "id": "incident-responder", "responsibilities": ["respond"], "min_holders": 2,
	"privileged": false,
}

_person(id, role) := {
	"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2022-01-01",
	"roles": [{"role": role, "from": "2022-01-01"}],
}

_people := {
	"ann": _person("ann", "Role/incident-lead"),
	"bea": _person("bea", "Role/incident-responder"),
	"cem": _person("cem", "Role/incident-responder"),
}

_dpa := {
	"kind": "CommsChannel", "id": "dpa", "direction": "outbound", "channel_type": "authority", "owner": "Person/ann",
	"tests": [{"on": "2026-03-01", "by": "Person/ann", "result": "ok"}],
}

_hotline := {
	"kind": "CommsChannel", "id": "soc-hotline", "direction": "outbound", "channel_type": "customer-support",
	"owner": "Person/bea", "tests": [{"on": "2026-10-01", "by": "Person/bea", "result": "ok"}],
}

_gdpr := {
	"kind": "LegalRequirement", "id": "gdpr", "type": "statutory", "jurisdiction": "EU", "applies_to": ["all"],
	"owner": "Person/ann", "obligations": [{
		"type": "breach-notification", "deadline_hours": 72,
		"authority": "CommsChannel/dpa",
	}],
}

_tabletop := {
	"kind": "Exercise", "id": "tt-1", "exercise_type": "incident-tabletop", "scope": ["Document/irp"],
	"performed_on": "2026-06-10", "result": "pass", "lessons": "Escalation to legal was slow",
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Document": {"irp": _plan},
	"Role": {"incident-lead": _lead, "incident-responder": _responder},
	"Person": _people,
	"CommsChannel": {"dpa": _dpa, "soc-hotline": _hotline},
	"LegalRequirement": {"gdpr": _gdpr},
	"Exercise": {"tt-1": _tabletop},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a5_24.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r3_population_names_all_channels if {
	fs := a5_24.findings with input as _input({})
	some f in fs
	f.rule == "R3"
	f.refs == ["CommsChannel/dpa", "CommsChannel/soc-hotline"]
}

# --- R1

test_fail_r1_no_plan if {
	fs := a5_24.findings with input as _input({"Document": {}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/isms"],
		"message": concat(" ", [
			"no current incident-response plan (Document, doc_type plan, topic incident-response,",
			"published and approved for its version): write, approve and publish one",
		]),
	}}
}

test_fail_r1_no_plan_without_management_system if {
	fs := a5_24.findings with input as _input({"Document": {}, "ManagementSystem": {}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem"]
}

test_fail_r1_plan_not_approved if {
	draft := object.remove(_plan, ["approvals"])
	fs := a5_24.findings with input as _input({"Document": {"irp": draft}})
	some f in _fails("R1", fs)
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r1_review_too_old if {
	old := object.union(_plan, {
		"published_on": "2025-01-10",
		"approvals": [{"by": "Person/ann", "on": "2025-01-05", "decision": "approved", "version": "2.0.0"}],
		"reviews": [{"by": "Person/bea", "on": "2025-11-29", "outcome": "no-change"}],
	})
	fs := a5_24.findings with input as _input({"Document": {"irp": old}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Document/irp#reviews"],
		"message": concat("", [
			"Document/irp was last reviewed on 2025-11-29, more than 365 days before 2026-11-30: review it and ",
			"record the review",
		]),
	}}
}

test_pass_r1_review_on_window_boundary if {
	edge := object.union(_plan, {
		"published_on": "2025-01-10",
		"approvals": [{"by": "Person/ann", "on": "2025-01-05", "decision": "approved", "version": "2.0.0"}],
		"reviews": [{"by": "Person/bea", "on": "2025-11-30", "outcome": "no-change"}],
	})
	fs := a5_24.findings with input as _input({"Document": {"irp": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_own_interval_longer_than_parameter if {
	lax := object.union(_plan, {
		"published_on": "2025-01-10", "review_interval_days": 730,
		"approvals": [{"by": "Person/ann", "on": "2025-01-05", "decision": "approved", "version": "2.0.0"}],
		"reviews": [],
	})
	fs := a5_24.findings with input as _input({"Document": {"irp": lax}})
	some f in _fails("R1", fs)
	contains(f.message, "last reviewed on 2025-01-05, more than 365 days")
}

test_fail_r1_policy_is_not_a_plan if {
	policy := object.union(_plan, {"doc_type": "topic-policy"})
	fs := a5_24.findings with input as _input({"Document": {"irp": policy}})
	"fail" in _outcomes("R1", fs)
}

# --- R2

test_fail_r2_too_few_responders if {
	left := object.union(_people.cem, {"end_date": "2026-11-01"})
	fs := a5_24.findings with input as _input({"Person": object.union(_people, {"cem": left})})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Role/incident-responder"],
		"message": "Role/incident-responder has 1 active holder(s) on 2026-11-30, at least 2 needed: assign the role",
	}}
}

test_fail_r2_role_assignment_ended if {
	ended := object.union(_people.ann, {"roles": [{
		"role": "Role/incident-lead", "from": "2022-01-01",
		"to": "2026-10-01",
	}]})
	fs := a5_24.findings with input as _input({"Person": object.union(_people, {"ann": ended})})
	some f in _fails("R2", fs)
	f.refs == ["Role/incident-lead"]
}

test_fail_r2_role_not_defined if {
	fs := a5_24.findings with input as _input({"Role": {"incident-responder": _responder}})
	some f in _fails("R2", fs)
	f.message == "Role/incident-lead is not defined: add the Role and assign active holders to it"
}

test_fail_r2_zero_min_holders_still_needs_one if {
	lead := object.union(_lead, {"min_holders": 0})
	fs := a5_24.findings with input as _input({
		"Role": {"incident-lead": lead, "incident-responder": _responder},
		"Person": object.remove(_people, ["ann"]),
	})
	some f in _fails("R2", fs)
	f.refs == ["Role/incident-lead"]
}

# --- R3

test_fail_r3_authority_test_too_old if {
	stale := object.union(_dpa, {"tests": [{"on": "2025-11-29", "by": "Person/ann", "result": "ok"}]})
	fs := a5_24.findings with input as _input({"CommsChannel": {"dpa": stale, "soc-hotline": _hotline}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["CommsChannel/dpa#tests"],
		"message": concat("", [
			"CommsChannel/dpa has no successful test within 365 days of 2026-11-30 (latest test: 2025-11-29 ok): ",
			"test the contact and record the result",
		]),
	}}
}

test_pass_r3_test_on_window_boundary if {
	edge := object.union(_dpa, {"tests": [{"on": "2025-11-30", "by": "Person/ann", "result": "ok"}]})
	fs := a5_24.findings with input as _input({"CommsChannel": {"dpa": edge, "soc-hotline": _hotline}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_latest_test_failed if {
	broken := object.union(_dpa, {"tests": [
		{"on": "2026-03-01", "by": "Person/ann", "result": "ok"},
		{"on": "2026-09-01", "by": "Person/ann", "result": "failed"},
	]})
	fs := a5_24.findings with input as _input({"CommsChannel": {"dpa": broken, "soc-hotline": _hotline}})
	some f in _fails("R3", fs)
	contains(f.message, "(latest test: 2026-09-01 failed)")
}

test_fail_r3_never_tested if {
	untested := object.remove(_hotline, ["tests"])
	fs := a5_24.findings with input as _input({"CommsChannel": {"dpa": _dpa, "soc-hotline": untested}})
	some f in _fails("R3", fs)
	f.refs == ["CommsChannel/soc-hotline#tests"]
	contains(f.message, "(latest test: never)")
}

test_fail_r3_obligation_names_missing_channel if {
	fs := a5_24.findings with input as _input({"CommsChannel": {"soc-hotline": _hotline}})
	some f in _fails("R3", fs)
	f.refs == ["CommsChannel/dpa"]
	contains(f.message, "no such record exists")
}

test_r3_future_test_does_not_count if {
	future := object.union(_dpa, {"tests": [{"on": "2026-12-05", "by": "Person/ann", "result": "ok"}]})
	fs := a5_24.findings with input as _input({"CommsChannel": {"dpa": future, "soc-hotline": _hotline}})
	"fail" in _outcomes("R3", fs)
}

# --- R4

test_fail_r4_no_tabletop_in_window if {
	old := object.union(_tabletop, {"performed_on": "2025-11-29"})
	fs := a5_24.findings with input as _input({"Exercise": {"tt-1": old}})
	_fails("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["ManagementSystem/isms"],
		"message": concat("", [
			"no incident-response tabletop exercise within 365 days of 2026-11-30 (last: 2025-11-29): ",
			"hold one and record its lessons",
		]),
	}}
}

test_fail_r4_never_held if {
	fs := a5_24.findings with input as _input({"Exercise": {}})
	some f in _fails("R4", fs)
	contains(f.message, "(last: never)")
}

test_fail_r4_no_lessons_or_actions if {
	bare := object.union(object.remove(_tabletop, ["lessons"]), {"actions": []})
	fs := a5_24.findings with input as _input({"Exercise": {"tt-1": bare}})
	_fails("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["Exercise/tt-1#lessons"],
		"message": concat("", [
			"Exercise/tt-1 on 2026-06-10 recorded neither lessons nor actions: record what was learned and the ",
			"follow-ups",
		]),
	}}
}

test_pass_r4_actions_only if {
	acted := object.union(object.remove(_tabletop, ["lessons"]), {"actions": ["Nonconformity/nc-1"]})
	fs := a5_24.findings with input as _input({"Exercise": {"tt-1": acted}})
	_outcomes("R4", fs) == {"pass"}
}

test_pass_r4_other_exercise_types_ignored if {
	drill := object.union(_tabletop, {"id": "bcp", "exercise_type": "bcp-tabletop", "lessons": ""})
	fs := a5_24.findings with input as _input({"Exercise": {"tt-1": _tabletop, "bcp": drill}})
	some f in fs
	f.rule == "R4"
	f.refs == ["Exercise/tt-1"]
}
