package annexa.iso42001.a5_2_test

import data.annexa.iso42001.a5_2
import rego.v1

_params := {"doc_review_days": 365}

_flags := {
	"structured_triggers": true,
	"assessment_method": true,
	"roles_defined": true,
	"results_to_risk_treatment": true,
}

_proc_v1 := {
	"kind": "Document", "id": "proc-aiia-1", "doc_type": "procedure", "topic": "ai-impact-assessment",
	"version": "1.0.0", "published_on": "2025-02-01",
	"approvals": [{"by": "Person/emre", "on": "2025-01-30", "decision": "approved"}],
}

_proc := {
	"kind": "Document", "id": "proc-aiia", "doc_type": "procedure", "topic": "ai-impact-assessment",
	"version": "2.0.0", "published_on": "2026-02-02", "review_interval_days": 365, "content_flags": _flags,
	"supersedes": "Document/proc-aiia-1",
	"approvals": [{"by": "Person/emre", "on": "2026-01-30", "decision": "approved", "version": "2.0.0"}],
}

_system := {
	"kind": "AISystem",
	"id": "bot",
	"lifecycle": [{"stage": "design", "from": "2025-01-01"}, {"stage": "operation", "from": "2025-06-01"}],
}

# the latest assessment was made under version 1 of the procedure, which is allowed.
_aiia_old := {
	"kind": "AIImpactAssessment", "id": "aiia-bot-1", "ai_system": "AISystem/bot", "method": "Document/other",
	"performed_on": "2025-03-01",
}

_aiia := {
	"kind": "AIImpactAssessment", "id": "aiia-bot-2", "ai_system": "AISystem/bot", "method": "Document/proc-aiia-1",
	"performed_on": "2025-12-01",
}

_records := {
	"Document": {"proc-aiia": _proc, "proc-aiia-1": _proc_v1},
	"AISystem": {"bot": _system},
	"AIImpactAssessment": {"aiia-bot-1": _aiia_old, "aiia-bot-2": _aiia},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a5_2.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_whole_finding if {
	fs := a5_2.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Document/proc-aiia"]
	f.message == concat("", [
		"the impact-assessment procedure Document/proc-aiia is current, reviewed and covers triggers, ",
		"method, roles and risk hand-off",
	])
}

test_fail_r1_no_procedure if {
	fs := a5_2.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.refs == []
	startswith(f.message, "no current impact-assessment procedure at 2026-11-30")
}

test_fail_r1_flags_missing if {
	partial := object.union(
		object.remove(_proc, ["content_flags"]),
		{"content_flags": {"structured_triggers": true, "roles_defined": false}},
	)
	fs := a5_2.findings with input as _input({"Document": {"proc-aiia": partial, "proc-aiia-1": _proc_v1}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"Document/proc-aiia does not confirm assessment_method, roles_defined, results_to_risk_treatment: ",
		"fix and have it approved",
	])
}

test_fail_r1_review_too_old if {
	old := object.union(_proc, {
		"published_on": "2025-11-01",
		"approvals": [{"by": "Person/emre", "on": "2025-10-30", "decision": "approved", "version": "2.0.0"}],
	})
	fs := a5_2.findings with input as _input({"Document": {"proc-aiia": old, "proc-aiia-1": _proc_v1}})
	some f in _fails("R1", fs)
	f.message == "Document/proc-aiia was last reviewed on 2025-10-30, more than 365 days ago: fix and have it approved"
}

test_pass_r1_review_on_boundary if {
	edge := object.union(
		_proc,
		{
			"reviews": [{"by": "Person/miriam", "on": "2025-11-30", "outcome": "no-change"}],
			"approvals": [{"by": "Person/emre", "on": "2025-11-01", "decision": "approved", "version": "2.0.0"}],
		},
	)
	fs := a5_2.findings with input as _input({"Document": {"proc-aiia": edge, "proc-aiia-1": _proc_v1}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_latest_used_other_method if {
	newest := object.union(_aiia, {"id": "aiia-bot-3", "method": "Document/spreadsheet", "performed_on": "2026-06-01"})
	fs := a5_2.findings with input as _input({"AIImpactAssessment": {"aiia-bot-2": _aiia, "aiia-bot-3": newest}})
	some f in _fails("R2", fs)
	f.refs == ["AIImpactAssessment/aiia-bot-3#method"]
	f.message == concat("", [
		"AIImpactAssessment/aiia-bot-3 (latest of AISystem/bot) used method Document/spreadsheet, ",
		"not the procedure Document/proc-aiia or an earlier version: assess with the procedure",
	])
}

test_fail_r2_no_assessment if {
	fs := a5_2.findings with input as _input({"AIImpactAssessment": {}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/bot"]
	f.message == concat("", [
		"AISystem/bot is at stage operation but has no impact assessment performed by 2026-11-30: assess it ",
		"with the procedure",
	])
}

test_fail_r2_assessment_after_as_of_does_not_count if {
	future := object.union(_aiia, {"performed_on": "2026-12-01"})
	fs := a5_2.findings with input as _input({"AIImpactAssessment": {"aiia-bot-2": future}})
	count(_fails("R2", fs)) == 1
}

test_r2_skips_inception_and_retired_systems if {
	idea := {"kind": "AISystem", "id": "idea", "lifecycle": [{"stage": "inception", "from": "2026-01-01"}]}
	gone := {
		"kind": "AISystem",
		"id": "gone",
		"lifecycle": [{"stage": "design", "from": "2024-01-01"}, {"stage": "retired", "from": "2026-01-01"}],
	}
	fs := a5_2.findings with input as _input({"AISystem": {"idea": idea, "gone": gone}, "AIImpactAssessment": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}
