package annexa.iso42001.c8_1_test

import data.annexa.iso42001.c8_1
import rego.v1

_params := {
	"required_procedures": ["backup", "change"], "lookback_days": 365, "emergency_retro_days": 2,
	"at_risk_days": 7,
	"required_clauses": {
		"medium": ["confidentiality", "security-requirements", "incident-notification"],
		"high": ["confidentiality", "security-requirements", "incident-notification", "audit-right"],
	},
}

_procedure(topic) := {
	"kind": "Document", "id": concat("-", ["proc", topic]), "doc_type": "procedure", "topic": topic,
	"version": "1.0.0", "published_on": "2026-01-27",
	"approvals": [{"by": "Person/jonas", "on": "2026-01-26", "decision": "approved", "version": "1.0.0"}],
}

_supplier := {
	"kind": "Supplier", "id": "kandji", "supplier_type": "saas", "criticality": "medium", "data_access": "internal",
	"relationship": {"start_on": "2022-03-01"},
	"contract": {
		"signed_on": "2022-02-25",
		"clauses": ["confidentiality", "security-requirements", "incident-notification"],
	},
}

_change := {
	"kind": "ChangeRecord", "id": "chg-1", "change_class": "normal", "systems": ["Asset/app"], "author": "Person/felix",
	"deployed_on": "2026-05-26T08:15:00Z",
	"approvals": [{"by": "Person/tobias", "on": "2026-05-25", "decision": "approved"}],
}

_emergency := {
	"kind": "ChangeRecord", "id": "chg-2", "change_class": "emergency", "systems": ["Asset/app"],
	"author": "Person/aylin", "deployed_on": "2026-05-07T21:40:00Z",
	"retro_approval": {"by": "Person/jonas", "on": "2026-05-08T09:00:00Z"},
}

_records := {
	"Document": {"proc-backup": _procedure("backup"), "proc-change": _procedure("change")},
	"Supplier": {"kandji": _supplier},
	"Asset": {"app": {"kind": "Asset", "id": "app"}},
	"ChangeRecord": {"chg-1": _change, "chg-2": _emergency},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_supplier(patch) := _input({"Supplier": {"kandji": object.union(_supplier, patch)}})

_with_change(c) := _input({"ChangeRecord": {"chg-1": c, "chg-2": _emergency}})

_with_emergency(c) := _input({"ChangeRecord": {"chg-1": _change, "chg-2": c}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c8_1.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_procedure_missing if {
	fs := c8_1.findings with input as _input({"Document": {"proc-backup": _procedure("backup")}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem"]
	f.message == concat("", [
		"no current procedure of iso42001:2023 for change, which required_procedures lists: ",
		"publish and approve a Document with doc_type procedure and topic change",
	])
}

test_fail_r1_procedure_not_approved if {
	fs := c8_1.findings with input as _input({"Document": {
		"proc-backup": _procedure("backup"),
		"proc-change": object.remove(_procedure("change"), ["approvals"]),
	}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_policy_is_not_a_procedure if {
	pol := object.union(_procedure("change"), {"doc_type": "topic-policy"})
	fs := c8_1.findings with input as _input({"Document": {"proc-backup": _procedure("backup"), "proc-change": pol}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_procedure_of_other_system_only if {
	ai := object.union(_procedure("change"), {"systems": ["isms"]})
	fs := c8_1.findings with input as _input({"Document": {"proc-backup": _procedure("backup"), "proc-change": ai}})
	_outcomes("R1", fs) == {"fail"}
}

# --- R2

test_fail_r2_clause_missing if {
	fs := c8_1.findings with input as _input({"Supplier": {"kandji": object.union(
		object.remove(_supplier, ["contract"]),
		{"contract": {"signed_on": "2022-02-25", "clauses": ["confidentiality"]}},
	)}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/kandji#contract.clauses"]
	f.message == concat("", [
		"Supplier/kandji's contract lacks incident-notification, security-requirements, which required_clauses.medium ",
		"asks for: amend the contract and record the clauses",
	])
}

test_fail_r2_no_contract if {
	fs := c8_1.findings with input as _input({"Supplier": {"kandji": object.remove(_supplier, ["contract"])}})
	some f in _failures("R2", fs)
	f.refs == ["Supplier/kandji#contract"]
	contains(f.message, "has no contract signed by 2026-11-30")
}

test_fail_r2_signed_after_start if {
	fs := c8_1.findings with input as _with_supplier({
		"relationship": {"start_on": "2026-03-01"},
		"contract": {"signed_on": "2026-03-05"},
	})
	some f in _failures("R2", fs)
	f.refs == ["Supplier/kandji#contract.signed_on"]
}

test_pass_r2_late_signature_before_lookback if {
	fs := c8_1.findings with input as _with_supplier({"contract": {"signed_on": "2022-03-05"}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_low_supplier_without_data_needs_no_contract if {
	fs := c8_1.findings with input as _input({"Supplier": {"kandji": object.union(
		object.remove(_supplier, ["contract"]),
		{"criticality": "low", "data_access": "none"},
	)}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_pass_r2_ended_supplier_ignored if {
	fs := c8_1.findings with input as _input({"Supplier": {"kandji": object.union(
		object.remove(_supplier, ["contract"]),
		{"relationship": {"start_on": "2022-03-01", "end_on": "2026-06-30"}},
	)}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_approved_after_going_live if {
	late := object.union(_change, {"approvals": [{"by": "Person/tobias", "on": "2026-05-27", "decision": "approved"}]})
	fs := c8_1.findings with input as _with_change(late)
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/chg-1#approvals"]
	f.message == concat("", [
		"ChangeRecord/chg-1 (normal change) went live on 2026-05-26 without an approval dated on or before that day: ",
		"approve changes before they go live, or handle it as an emergency change reviewed afterwards",
	])
}

test_pass_r3_approved_on_the_day if {
	same := object.union(_change, {"approvals": [{"by": "Person/tobias", "on": "2026-05-26", "decision": "approved"}]})
	fs := c8_1.findings with input as _with_change(same)
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_emergency_never_reviewed if {
	fs := c8_1.findings with input as _with_emergency(object.remove(_emergency, ["retro_approval"]))
	some f in _failures("R3", fs)
	f.refs == ["ChangeRecord/chg-2#retro_approval"]
	f.message == concat("", [
		"emergency change ChangeRecord/chg-2 went live on 2026-05-07 without prior approval and has no retrospective ",
		"approval or review by 2026-05-09 (emergency_retro_days = 2): review and approve it after the fact",
	])
}

test_pass_r3_emergency_reviewed if {
	reviewed := object.union(
		object.remove(_emergency, ["retro_approval"]),
		{"reviews": [{"by": "Person/jonas", "on": "2026-05-09", "outcome": "no-change"}]},
	)
	fs := c8_1.findings with input as _with_emergency(reviewed)
	_outcomes("R3", fs) == {"pass"}
}

test_r3_emergency_review_due_soon if {
	recent := object.union(object.remove(_emergency, ["retro_approval"]), {"deployed_on": "2026-11-29T21:00:00Z"})
	fs := c8_1.findings with input as _with_emergency(recent)
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_pass_r3_change_before_lookback_ignored if {
	old := object.union(_change, {"deployed_on": "2025-11-29T08:00:00Z", "approvals": []})
	fs := c8_1.findings with input as _with_change(old)
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_go_live_when_not_deployed if {
	project := object.union(
		object.remove(_change, ["deployed_on"]),
		{"change_class": "project", "go_live_on": "2026-05-25"},
	)
	fs := c8_1.findings with input as _with_change(project)
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_change_of_other_system_ignored if {
	ai := object.union(_change, {"id": "chg-3", "systems": ["AISystem/bot"], "approvals": []})
	fs := c8_1.findings with input as object.union(
		_input({}),
		{"records": {
			"ChangeRecord": {"chg-3": ai},
			"AISystem": {"bot": {"kind": "AISystem", "id": "bot", "systems": ["isms"]}},
		}},
	)
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_change_of_unknown_system_counts if {
	unknown := object.union(_change, {"systems": ["Asset/not-recorded"], "approvals": []})
	fs := c8_1.findings with input as _with_change(unknown)
	_outcomes("R3", fs) == {"fail"}
}
