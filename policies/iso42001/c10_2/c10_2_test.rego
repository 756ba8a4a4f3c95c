package annexa.iso42001.c10_2_test

import data.annexa.iso42001.c10_2
import rego.v1

_params := {
	"nc_close_days": {"major": 90, "minor": 180}, "nc_effectiveness_days": 90, "lookback_days": 365,
	"at_risk_days": 7,
}

_closed := {
	"kind": "Nonconformity", "id": "nc-1", "source": "internal-audit", "source_ref": "InternalAudit/ia-1",
	"grade": "minor", "standard": "iso42001:2023", "requirement": "A.5.18", "raised_on": "2026-03-01",
	"owner": "Person/sofia", "correction": {"action": "Added the app to the review", "done_on": "2026-03-05"},
	"root_cause": "The export listed members only",
	"corrective_actions": [{"action": "Use the full export", "due_on": "2026-04-30", "done_on": "2026-04-20"}],
	"closed_on": "2026-04-25", "effectiveness": {"verified_on": "2026-06-01", "by": "Person/miriam", "effective": true},
}

_open := {
	"kind": "Nonconformity", "id": "nc-2", "source": "incident", "source_ref": "Incident/inc-1", "grade": "major",
	"standard": "iso42001:2023", "requirement": "A.8.8", "raised_on": "2026-11-01", "owner": "Person/sofia",
	"correction": {"action": "Patched the image"}, "root_cause": "Base image not rebuilt",
	"corrective_actions": [{"action": "Nightly rebuild", "due_on": "2026-12-15"}],
}

_audit := {
	"kind": "InternalAudit", "id": "ia-1", "standards": ["iso42001:2023"], "planned_on": "2026-02-20",
	"performed_on": "2026-02-20", "scope": {"clauses": ["9"]}, "lead_auditor": "Supplier/nordaudit",
	"external": false, "findings": ["Nonconformity/nc-1"],
}

_incident := {
	"kind": "Incident", "id": "inc-1", "category": "security-incident", "severity": "sev2",
	"reported_on": "2026-10-30T08:00:00Z",
	"post_incident_review": {"completed_on": "2026-11-01", "actions": ["Nonconformity/nc-2", "RiskTreatment/rt-1"]},
}

_records := {
	"Person": {
		"sofia": {"kind": "Person", "id": "sofia", "employment_type": "employee", "start_date": "2020-01-01"},
		"gus": {
			"kind": "Person",
			"id": "gus",
			"employment_type": "employee",
			"start_date": "2020-01-01",
			"end_date": "2026-06-30",
		},
	},
	"Nonconformity": {"nc-1": _closed, "nc-2": _open},
	"InternalAudit": {"ia-1": _audit},
	"Incident": {"inc-1": _incident},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_closed(nc) := _input({"Nonconformity": {"nc-1": nc, "nc-2": _open}})

_with_open(nc) := _input({"Nonconformity": {"nc-1": _closed, "nc-2": nc}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c10_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_record_incomplete if {
	fs := c10_2.findings with input as _with_open(object.remove(_open, ["correction", "root_cause"]))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Nonconformity/nc-2#correction", "Nonconformity/nc-2#root_cause"]
	f.message == concat("", [
		"Nonconformity/nc-2 (major, raised 2026-11-01) records no correction (or why none is possible), ",
		"no root cause: complete the record",
	])
}

test_fail_r1_undated_corrective_action if {
	inp := _with_open(object.union(_open, {"corrective_actions": [{"action": "Nightly rebuild"}]}))
	fs := c10_2.findings with input as inp
	some f in _failures("R1", fs)
	f.refs == ["Nonconformity/nc-2#corrective_actions"]
}

test_fail_r1_open_with_owner_who_left if {
	fs := c10_2.findings with input as _with_open(object.union(_open, {"owner": "Person/gus"}))
	some f in _failures("R1", fs)
	contains(f.message, "no owner who is an active Person")
}

test_pass_r1_closed_with_owner_who_left if {
	fs := c10_2.findings with input as _with_closed(object.union(_closed, {"owner": "Person/gus"}))
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_observation_not_graded if {
	obs := {
		"kind": "Nonconformity", "id": "nc-3", "source": "internal-audit", "grade": "observation",
		"standard": "iso42001:2023", "requirement": "7.5", "raised_on": "2026-10-02", "owner": "Person/sofia",
	}
	fs := c10_2.findings with input as _input({"Nonconformity": {"nc-1": _closed, "nc-2": _open, "nc-3": obs}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_nonconformity_of_other_standard_ignored if {
	inp := _with_open(object.union(object.remove(_open, ["root_cause"]), {"standard": "iso27001:2022"}))
	fs := c10_2.findings with input as inp
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_untagged_nonconformity_counts if {
	fs := c10_2.findings with input as _with_open(object.remove(_open, ["root_cause", "standard"]))
	_outcomes("R1", fs) == {"fail"}
}

# --- R2

test_fail_r2_open_past_deadline if {
	fs := c10_2.findings with input as _with_open(object.union(_open, {"raised_on": "2026-08-31"}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Nonconformity/nc-2#closed_on"]
	f.message == concat("", [
		"Nonconformity/nc-2 (major, raised 2026-08-31) is still open after its deadline 2026-11-29 ",
		"(nc_close_days.major = 90): complete its corrective actions and close it",
	])
}

test_r2_deadline_on_as_of_at_risk if {
	fs := c10_2.findings with input as _with_open(object.union(_open, {"raised_on": "2026-09-01"}))
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_fail_r2_closed_late if {
	inp := _with_closed(object.union(_closed, {"raised_on": "2025-12-01", "closed_on": "2026-06-01"}))
	fs := c10_2.findings with input as inp
	some f in _failures("R2", fs)
	contains(f.message, "was closed on 2026-06-01, after its deadline 2026-05-30 (nc_close_days.minor = 180)")
}

# --- R3

test_fail_r3_effectiveness_not_verified if {
	fs := c10_2.findings with input as _with_closed(object.remove(_closed, ["effectiveness"]))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Nonconformity/nc-1#effectiveness"]
	f.message == concat("", [
		"Nonconformity/nc-1 was closed on 2026-04-25 and its effectiveness was not verified by 2026-07-24 ",
		"(nc_effectiveness_days = 90): verify that the corrective actions worked and record effectiveness",
	])
}

test_fail_r3_not_effective if {
	fs := c10_2.findings with input as _with_closed(object.union(_closed, {"effectiveness": {"effective": false}}))
	some f in _failures("R3", fs)
	f.refs == ["Nonconformity/nc-1#effectiveness.effective"]
}

test_fail_r3_verified_late if {
	inp := _with_closed(object.union(_closed, {"effectiveness": {"verified_on": "2026-07-25"}}))
	fs := c10_2.findings with input as inp
	some f in _failures("R3", fs)
	contains(f.message, "verified only on 2026-07-25, after 2026-07-24")
}

test_pass_r3_verification_pending if {
	recent := object.union(object.remove(_closed, ["effectiveness"]), {"closed_on": "2026-11-10"})
	fs := c10_2.findings with input as _with_closed(recent)
	_outcomes("R3", fs) == {"pass"}
}

# --- R4

test_fail_r4_audit_finding_not_recorded if {
	audit := object.union(_audit, {"findings": ["Nonconformity/nc-1", "Nonconformity/nc-9"]})
	inp := _input({"InternalAudit": {"ia-1": audit}})
	fs := c10_2.findings with input as inp
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-1#findings.1"]
	f.message == concat("", [
		"InternalAudit/ia-1 lists finding Nonconformity/nc-9, which is not a Nonconformity record: ",
		"record each audit finding as a Nonconformity",
	])
}

test_fail_r4_audit_nonconformity_not_listed if {
	fs := c10_2.findings with input as _input({"InternalAudit": {"ia-1": object.union(_audit, {"findings": []})}})
	some f in _failures("R4", fs)
	f.refs == ["Nonconformity/nc-1#source_ref"]
	contains(f.message, "names InternalAudit/ia-1 as its source, but that audit does not list it in findings")
}

test_fail_r4_source_audit_missing if {
	fs := c10_2.findings with input as _input({"InternalAudit": {}})
	some f in _failures("R4", fs)
	contains(f.message, "names InternalAudit/ia-1 as its source, which is not in the bundle")
}

test_fail_r4_incident_action_not_recorded if {
	fs := c10_2.findings with input as _input({"Nonconformity": {"nc-1": _closed}})
	some f in _failures("R4", fs)
	f.refs == ["Incident/inc-1#post_incident_review.actions.0"]
}
