package annexa.iso27001.a6_5_test

import data.annexa.iso27001.a6_5
import rego.v1

_params := {"lookback_days": 365, "exit_ack_days": 7, "role_change_review_days": 30, "at_risk_days": 7}

_ivan := {
	"kind": "Person", "id": "ivan", "start_date": "2022-09-01", "end_date": "2026-10-31",
	"roles": [{"role": "Role/engineer", "from": "2022-09-01", "to": "2026-10-31"}],
}

_exit := {
	"kind": "Acknowledgement", "id": "exit-ivan", "person": "Person/ivan", "ack_type": "exit-obligations",
	"document": "Document/tmpl-exit", "document_version": "1.1.0", "signed_on": "2026-10-30",
}

_sofia := {
	"kind": "Person", "id": "sofia", "start_date": "2023-05-15",
	"roles": [
		{"role": "Role/engineer", "from": "2023-05-15"},
		{"role": "Role/data-steward", "from": "2026-03-03"},
	],
}

_account := {
	"kind": "Account", "id": "gh-sofia", "system": "Asset/github", "holder": "Person/sofia",
	"account_type": "human", "privileged": false, "created_on": "2023-05-15",
}

_review(decided_on) := {
	"kind": "AccessReview", "id": "ar-1", "systems": ["Asset/github"], "review_type": "standard",
	"reviewer": "Person/erin", "completed_on": decided_on,
	"items": [{"account": "Account/gh-sofia", "decision": "keep", "decided_by": "Person/erin", "decided_on": decided_on}],
}

_records := {
	"Person": {"ivan": _ivan, "sofia": _sofia},
	"Acknowledgement": {"exit-ivan": _exit},
	"Account": {"gh-sofia": _account},
	"AccessReview": {"ar-1": _review("2026-03-20")},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a6_5.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r1_no_exit_acknowledgement if {
	fs := a6_5.findings with input as _input({"Acknowledgement": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Person/ivan#end_date"]
	f.message == concat("", [
		"Person/ivan left on 2026-10-31 without an exit-obligations acknowledgement within 7 days of that date ",
		"(signed: none): obtain and record the leaver's signature",
	])
}

test_fail_r1_signed_too_early if {
	early := object.union(_exit, {"signed_on": "2026-10-23"})
	fs := a6_5.findings with input as _input({"Acknowledgement": {"exit-ivan": early}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "(signed: Acknowledgement/exit-ivan on 2026-10-23)")
}

test_pass_r1_signed_on_window_edges if {
	before := object.union(_exit, {"signed_on": "2026-10-24"})
	after := object.union(_exit, {"signed_on": "2026-11-07"})
	fs1 := a6_5.findings with input as _input({"Acknowledgement": {"exit-ivan": before}})
	fs2 := a6_5.findings with input as _input({"Acknowledgement": {"exit-ivan": after}})
	_outcomes("R1", fs1) == {"pass"}
	_outcomes("R1", fs2) == {"pass"}
}

test_r1_recent_leaver_at_risk if {
	recent := object.union(_ivan, {"end_date": "2026-11-27", "roles": []})
	fs := a6_5.findings with input as _input({"Person": {"ivan": recent, "sofia": _sofia}, "Acknowledgement": {}})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_r1_ignores_leavers_before_lookback if {
	old := object.union(_ivan, {"end_date": "2025-11-01", "roles": []})
	fs := a6_5.findings with input as _input({"Person": {"ivan": old, "sofia": _sofia}, "Acknowledgement": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_review_too_late if {
	fs := a6_5.findings with input as _input({"AccessReview": {"ar-1": _review("2026-04-03")}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Person/sofia#roles.1.from"]
	f.message == concat("", [
		"Person/sofia#roles.1.from: the role changed on 2026-03-03, but no access review decided on Person/sofia's ",
		"accounts by 2026-04-02 (role_change_review_days 30): review their accounts",
	])
}

test_fail_r2_review_before_change_does_not_count if {
	fs := a6_5.findings with input as _input({"AccessReview": {"ar-1": _review("2026-03-02")}})
	"fail" in _outcomes("R2", fs)
}

test_pass_r2_review_on_deadline if {
	fs := a6_5.findings with input as _input({"AccessReview": {"ar-1": _review("2026-04-02")}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_role_removed_without_review if {
	moved := object.union(_sofia, {"roles": [
		{"role": "Role/engineer", "from": "2023-05-15", "to": "2026-09-01"},
		{"role": "Role/data-steward", "from": "2026-03-03"},
	]})
	fs := a6_5.findings with input as _input({"Person": {"ivan": _ivan, "sofia": moved}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Person/sofia#roles.0.to"]
}

test_pass_r2_person_without_accounts if {
	fs := a6_5.findings with input as _input({"Account": {}, "AccessReview": {}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_recent_change_at_risk if {
	recent := object.union(_sofia, {"roles": [
		{"role": "Role/engineer", "from": "2023-05-15"},
		{"role": "Role/data-steward", "from": "2026-11-01"},
	]})
	fs := a6_5.findings with input as _input({"Person": {"ivan": _ivan, "sofia": recent}})
	_outcomes("R2", fs) == {"pass", "at_risk"}
}
