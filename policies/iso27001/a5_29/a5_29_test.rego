package annexa.iso27001.a5_29_test

import data.annexa.iso27001.a5_29
import rego.v1

_params := {"bcp_exercise_days": 365}

_plan := {
	"kind": "Document", "id": "plan-bcp", "doc_type": "plan", "topic": "bcp", "version": "2.1.0",
	"published_on": "2026-02-02", "content_flags": {"security_continuity": true},
	"approvals": [{"by": "Person/miriam", "on": "2026-01-30", "decision": "approved", "version": "2.1.0"}],
}

_tabletop := {
	"kind": "Exercise", "id": "ex-bcp", "exercise_type": "bcp-tabletop", "scope": ["Document/plan-bcp"],
	"performed_on": "2026-06-24", "result": "pass", "security_controls_maintained": true,
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"plan-bcp": _plan},
	"Exercise": {"ex-bcp": _tabletop},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_29.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_plan if {
	fs := a5_29.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r1_security_not_covered if {
	plain := object.remove(_plan, ["content_flags"])
	fs := a5_29.findings with input as _input({"Document": {"plan-bcp": plain}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/plan-bcp#content_flags.security_continuity"]
	f.message == concat("", [
		"Document/plan-bcp does not confirm that it covers security during disruption ",
		"(content_flags.security_continuity): add that section and set the flag when approving",
	])
}

test_fail_r2_no_exercise_in_window if {
	old := object.union(_tabletop, {"performed_on": "2025-11-29"})
	fs := a5_29.findings with input as _input({"Exercise": {"ex-bcp": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "(bcp_exercise_days; last: 2025-11-29)")
}

test_pass_r2_exercise_on_window_edge if {
	edge := object.union(_tabletop, {"performed_on": "2025-11-30"})
	fs := a5_29.findings with input as _input({"Exercise": {"ex-bcp": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_not_recorded if {
	silent := object.remove(_tabletop, ["security_controls_maintained"])
	fs := a5_29.findings with input as _input({"Exercise": {"ex-bcp": silent}})
	some f in fs
	f.rule == "R2"
	f.refs == ["Exercise/ex-bcp#security_controls_maintained"]
}

test_fail_r2_security_lapsed_without_nonconformity if {
	lapsed := object.union(_tabletop, {"security_controls_maintained": false})
	fs := a5_29.findings with input as _input({"Exercise": {"ex-bcp": lapsed}})
	some f in fs
	f.rule == "R2"
	f.refs == ["Exercise/ex-bcp#actions"]
}

test_pass_r2_security_lapsed_with_nonconformity if {
	lapsed := object.union(_tabletop, {"security_controls_maintained": false})
	nc := {
		"kind": "Nonconformity", "id": "nc-1", "source": "monitoring", "source_ref": "Exercise/ex-bcp",
		"grade": "minor", "requirement": "5.29", "raised_on": "2026-06-25", "owner": "Person/miriam",
	}
	fs := a5_29.findings with input as _input({"Exercise": {"ex-bcp": lapsed}, "Nonconformity": {"nc-1": nc}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_restore_tests_do_not_count if {
	restore := object.union(_tabletop, {
		"id": "ex-r", "exercise_type": "restore-test",
		"security_controls_maintained": false,
	})
	fs := a5_29.findings with input as _input({"Exercise": {"ex-bcp": _tabletop, "ex-r": restore}})
	_outcomes("R2", fs) == {"pass"}
}
