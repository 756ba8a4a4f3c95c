package annexa.iso42001.a6_2_6_test

import data.annexa.iso42001.a6_2_6
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7,
	"ai_monitoring_review_days": 30, "ai_breach_response_days": 7,
}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre", "technical_owner": "Person/sofia",
	"intended_use": "routing aid", "risk_tier": "limited",
	"lifecycle": [{"stage": "development", "from": "2026-01-05"}, {"stage": "operation", "from": "2026-09-01"}],
	"monitoring": {
		"metrics": [{"name": "macro_f1", "threshold": 0.85, "direction": "up"}],
		"review_interval_days": 30,
	},
}

_review(id, day) := {
	"kind": "Activity", "id": id, "activity_type": "ai-monitoring-review", "subject_refs": ["AISystem/triage"],
	"performed_by": "Person/sofia", "performed_on": day, "outcome": "ok",
}

_drift := {
	"kind": "TestRun", "id": "drift-1", "test_type": "ai-drift", "performed_on": "2026-10-12T05:00:00Z",
	"scope": ["AISystem/triage"],
	"results": [{"check_id": "psi_below_0_2", "resource": "AISystem/triage", "status": "pass"}],
}

_records := {
	"AISystem": {"triage": _system},
	"Activity": {
		"r1": _review("r1", "2026-09-15"),
		"r2": _review("r2", "2026-11-10"),
	},
	"TestRun": {"drift-1": _drift},
	"Person": {"sofia": {"kind": "Person", "id": "sofia", "employment_type": "employee", "start_date": "2023-05-15"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_2_6.findings with input as _input({})
	every rule in ["R1", "R2", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_pass_not_in_production_is_out_of_scope if {
	dev := object.union(_system, {"lifecycle": [{"stage": "development", "from": "2026-01-05"}]})
	fs := a6_2_6.findings with input as _input({"AISystem": {"triage": dev}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_no_metrics if {
	bare := object.remove(_system, ["monitoring"])
	fs := a6_2_6.findings with input as _input({"AISystem": {"triage": bare}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage is in production (stage operation) but declares no monitoring metrics: ",
		"add monitoring.metrics with thresholds",
	])
}

test_fail_r1_metric_without_threshold if {
	loose := object.union(_system, {"monitoring": {"metrics": [{"name": "macro_f1", "direction": "up"}]}})
	fs := a6_2_6.findings with input as _input({"AISystem": {"triage": loose}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage#monitoring.metrics.0"]
}

# --- R2

test_fail_r2_gap_between_reviews if {
	fs := a6_2_6.findings with input as _input({"TestRun": {}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage has no monitoring evidence (ai-monitoring-review Activity or ai-drift TestRun) from ",
		"2026-09-15 to 2026-11-10, 56 days, more than 30 (ai_monitoring_review_days or its own ",
		"review_interval_days): review its monitoring and record it",
	])
}

test_fail_r2_nothing_since_go_live if {
	fs := a6_2_6.findings with input as _input({"TestRun": {}, "Activity": {}})
	some f in _fails("R2", fs)
	contains(f.message, "from 2026-09-01 to 2026-11-30, 90 days")
}

test_fail_r2_own_interval_is_shorter if {
	strict := object.union(_system, {"monitoring": {"review_interval_days": 14}})
	fs := a6_2_6.findings with input as _input({"AISystem": {"triage": strict}})
	count(_fails("R2", fs)) > 0
}

test_pass_r2_gap_exactly_the_interval if {
	acts := {
		"r1": _review("r1", "2026-09-15"), "r2": _review("r2", "2026-10-15"),
		"r3": _review("r3", "2026-11-14"),
	}
	fs := a6_2_6.findings with input as _input({"Activity": acts, "TestRun": {}})
	_outcomes("R2", fs) == {"pass"}
}

test_at_risk_r2_next_review_due_soon if {
	acts := {"r1": _review("r1", "2026-09-15"), "r2": _review("r2", "2026-10-15"), "r3": _review("r3", "2026-11-02")}
	fs := a6_2_6.findings with input as _input({"Activity": acts, "TestRun": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "at_risk"
	f.message == "AISystem/triage needs its next monitoring evidence by 2026-12-02 (last: 2026-11-02)"
}

test_pass_r2_evidence_before_window_anchors_first_gap if {
	old := object.union(_system, {"lifecycle": [{"stage": "operation", "from": "2024-01-01"}]})
	acts := object.union({"r0": _review("r0", "2025-11-20")}, {sprintf("m%d", [i]): _review(sprintf("m%d", [i]), d) |
		some i, d in [
			"2025-12-15", "2026-01-10", "2026-02-05", "2026-03-03", "2026-03-30", "2026-04-25", "2026-05-20",
			"2026-06-15", "2026-07-12", "2026-08-08", "2026-09-05", "2026-10-01", "2026-10-28", "2026-11-25",
		]
	})
	fs := a6_2_6.findings with input as _input({"AISystem": {"triage": old}, "Activity": acts, "TestRun": {}})
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

_failed_drift := object.union(_drift, {"results": [{
	"check_id": "psi_below_0_2", "resource": "AISystem/triage",
	"status": "fail",
}]})

test_fail_r3_breach_without_response if {
	fs := a6_2_6.findings with input as _input({"TestRun": {"drift-1": _failed_drift}})
	some f in _fails("R3", fs)
	f.refs == ["TestRun/drift-1#results.0"]
	f.message == concat("", [
		"TestRun/drift-1#results.0 reports a monitoring breach of AISystem/triage on 2026-10-12, but no Incident ",
		"or Finding linked to it was opened by 2026-10-19 (ai_breach_response_days=7): open one and link it",
	])
}

test_fail_r3_finding_opened_too_late if {
	late := {
		"kind": "Finding", "id": "drift-psi", "source": "TestRun/drift-1", "finding_type": "ai-robustness",
		"asset": "AISystem/triage", "severity": "medium", "first_seen_on": "2026-10-20",
	}
	fs := a6_2_6.findings with input as _input({"TestRun": {"drift-1": _failed_drift}, "Finding": {"drift-psi": late}})
	count(_fails("R3", fs)) == 1
}

test_pass_r3_finding_on_the_last_day if {
	ok := {
		"kind": "Finding", "id": "drift-psi", "source": "TestRun/drift-1", "finding_type": "ai-robustness",
		"asset": "AISystem/triage", "severity": "medium", "first_seen_on": "2026-10-19",
	}
	fs := a6_2_6.findings with input as _input({"TestRun": {"drift-1": _failed_drift}, "Finding": {"drift-psi": ok}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_review_with_issues_and_no_output if {
	issues := object.union(_review("r2", "2026-11-10"), {"outcome": "issues-found"})
	acts := {"r1": _review("r1", "2026-09-15"), "r2": issues}
	fs := a6_2_6.findings with input as _input({"Activity": acts})
	some f in _fails("R3", fs)
	f.refs == ["Activity/r2"]
}

test_pass_r3_review_output_is_an_incident if {
	issues := object.union(_review("r2", "2026-11-10"), {"outcome": "issues-found", "outputs": ["Incident/inc-1"]})
	inc := {
		"kind": "Incident", "id": "inc-1", "category": "ai-incident", "severity": "sev3",
		"reported_on": "2026-11-11T09:00:00Z", "owner": "Person/sofia",
	}
	acts := {"r1": _review("r1", "2026-09-15"), "r2": issues}
	fs := a6_2_6.findings with input as _input({"Activity": acts, "Incident": {"inc-1": inc}})
	_outcomes("R3", fs) == {"pass"}
}

test_at_risk_r3_response_window_still_open if {
	issues := object.union(_review("r2", "2026-11-27"), {"outcome": "issues-found"})
	acts := {"r1": _review("r1", "2026-11-01"), "r2": issues}
	fs := a6_2_6.findings with input as _input({"Activity": acts})
	_outcomes("R3", fs) == {"at_risk", "pass"}
}

# --- R4

test_fail_r4_technical_owner_left if {
	left := {
		"kind": "Person", "id": "sofia", "employment_type": "employee",
		"start_date": "2023-05-15", "end_date": "2026-11-30",
	}
	fs := a6_2_6.findings with input as _input({"Person": {"sofia": left}})
	some f in _fails("R4", fs)
	f.refs == ["AISystem/triage#technical_owner"]
	f.message == concat("", [
		"AISystem/triage has technical_owner Person/sofia, who is not an active person at 2026-11-30: ",
		"assign someone to run it",
	])
}
