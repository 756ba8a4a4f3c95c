package annexa.iso27001.c8_3_test

import data.annexa.iso27001.c8_3
import rego.v1

_params := {"lookback_days": 365, "nc_effectiveness_days": 90, "at_risk_days": 7}

_done := {
	"kind": "RiskTreatment", "id": "rt-1", "risk": "Risk/r-1", "action": "Enforce WebAuthn", "owner": "Person/aylin",
	"due_on": "2026-03-31", "completed_on": "2026-03-20", "verified_on": "2026-05-15",
}

_open := {
	"kind": "RiskTreatment", "id": "rt-2", "risk": "Risk/r-2", "action": "Automate deprovisioning",
	"owner": "Person/aylin", "due_on": "2027-03-31",
}

_records := {"RiskTreatment": {"rt-1": _done, "rt-2": _open}}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_open(t) := _input({"RiskTreatment": {"rt-1": _done, "rt-2": t}})

_with_done(t) := _input({"RiskTreatment": {"rt-1": t, "rt-2": _open}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c8_3.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

# --- R1

test_fail_r1_overdue if {
	fs := c8_3.findings with input as _with_open(object.union(_open, {"due_on": "2026-11-29"}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["RiskTreatment/rt-2#due_on"]
	f.message == concat("", [
		"RiskTreatment/rt-2 (owner Person/aylin) was due on 2026-11-29 and is not completed: complete it, ",
		"or record a new due date approved by someone other than its owner",
	])
}

test_r1_due_on_as_of_at_risk if {
	fs := c8_3.findings with input as _with_open(object.union(_open, {"due_on": "2026-11-30"}))
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_pass_r1_replanned if {
	replanned := object.union(_open, {
		"due_on": "2026-08-31",
		"replans": [
			{"new_due_on": "2026-12-31", "approved_by": "Person/miriam", "on": "2026-08-25", "reason": "API upgrade first"},
		],
	})
	fs := c8_3.findings with input as _with_open(replanned)
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_replan_by_owner if {
	replanned := object.union(_open, {
		"due_on": "2026-08-31",
		"replans": [{"new_due_on": "2026-12-31", "approved_by": "Person/aylin", "on": "2026-08-25"}],
	})
	fs := c8_3.findings with input as _with_open(replanned)
	some f in _failures("R1", fs)
	f.refs == ["RiskTreatment/rt-2#due_on"]
	contains(f.message, "was due on 2026-08-31")
}

test_fail_r1_latest_replan_overdue if {
	replanned := object.union(_open, {
		"due_on": "2026-05-31",
		"replans": [
			{"new_due_on": "2026-08-31", "approved_by": "Person/miriam", "on": "2026-05-20"},
			{"new_due_on": "2026-10-31", "approved_by": "Person/miriam", "on": "2026-08-25"},
		],
	})
	fs := c8_3.findings with input as _with_open(replanned)
	some f in _failures("R1", fs)
	f.refs == ["RiskTreatment/rt-2#replans.1.new_due_on"]
	contains(f.message, "was due on 2026-10-31")
}

test_fail_r1_replan_after_as_of_not_counted if {
	replanned := object.union(_open, {
		"due_on": "2026-08-31",
		"replans": [{"new_due_on": "2026-12-31", "approved_by": "Person/miriam", "on": "2026-12-05"}],
	})
	fs := c8_3.findings with input as _with_open(replanned)
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_completion_after_as_of_is_open if {
	later := object.union(_open, {"due_on": "2026-12-20", "completed_on": "2026-12-10"})
	fs := c8_3.findings with input as _with_open(later)
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_treatment_of_other_system_ignored if {
	ai := object.union(_open, {"systems": ["aims"], "due_on": "2026-01-31"})
	fs := c8_3.findings with input as _with_open(ai)
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_not_verified if {
	inp := _with_done(object.union(object.remove(_done, ["verified_on"]), {"completed_on": "2026-08-01"}))
	fs := c8_3.findings with input as inp
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["RiskTreatment/rt-1#verified_on"]
	f.message == concat("", [
		"RiskTreatment/rt-1 was completed on 2026-08-01 and its effectiveness was not verified by 2026-10-30 ",
		"(nc_effectiveness_days = 90): verify it and record verified_on, or record why not in a review note",
	])
}

test_fail_r2_verified_late if {
	fs := c8_3.findings with input as _with_done(object.union(_done, {"verified_on": "2026-06-19"}))
	some f in _failures("R2", fs)
	contains(f.message, "verified only on 2026-06-19, after 2026-06-18")
}

test_pass_r2_verified_on_deadline if {
	fs := c8_3.findings with input as _with_done(object.union(_done, {"verified_on": "2026-06-18"}))
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_rationale_in_review_note if {
	t := object.union(object.remove(_done, ["verified_on"]), {"reviews": [{
		"by": "Person/miriam", "on": "2026-04-01", "outcome": "no-change",
		"notes": "Superseded by the SSO project; effectiveness is checked under rt-9",
	}]})
	fs := c8_3.findings with input as _with_done(t)
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_review_without_note_is_no_rationale if {
	t := object.union(
		object.remove(_done, ["verified_on"]),
		{"reviews": [{"by": "Person/miriam", "on": "2026-04-01", "outcome": "no-change"}]},
	)
	fs := c8_3.findings with input as _with_done(t)
	_outcomes("R2", fs) == {"fail"}
}

test_r2_verification_due_soon if {
	inp := _with_done(object.union(object.remove(_done, ["verified_on"]), {"completed_on": "2026-09-02"}))
	fs := c8_3.findings with input as inp
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_completed_before_lookback_ignored if {
	old := object.union(object.remove(_done, ["verified_on"]), {"completed_on": "2025-11-29", "due_on": "2025-12-31"})
	fs := c8_3.findings with input as _with_done(old)
	_outcomes("R2", fs) == {"not_exercised"}
}
