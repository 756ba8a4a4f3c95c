package annexa.iso42001.a6_2_2_test

import data.annexa.iso42001.a6_2_2
import rego.v1

_params := {"lookback_days": 365}

_spec := {
	"kind": "Document", "id": "spec-bot", "doc_type": "specification", "version": "2.0.0",
	"published_on": "2026-03-20", "subject_refs": ["AISystem/bot"],
	"content_flags": {"functional": true, "performance": true, "responsible_ai": true, "oversight": true},
	"approvals": [{"by": "Person/jonas", "on": "2026-03-19", "decision": "approved", "version": "2.0.0"}],
}

_system := {
	"kind": "AISystem", "id": "bot", "ai_role": "provider", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "development", "from": "2025-04-14"}, {"stage": "operation", "from": "2025-10-01"}],
	"requirements_spec": "Document/spec-bot",
}

_change(id, live) := {
	"kind": "ChangeRecord", "id": id, "change_class": "ai-model", "systems": ["AISystem/bot"],
	"author": "Person/tobias", "deployed_on": live, "significant": true,
}

_records := {
	"AISystem": {"bot": _system},
	"Document": {"spec-bot": _spec},
	"ChangeRecord": {
		"chg-ga": _change("chg-ga", "2025-09-30T07:00:00Z"),
		"chg-2": _change("chg-2", "2026-04-21T07:30:00Z"),
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_spec(patch) := {"Document": {"spec-bot": object.union(_spec, patch)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a6_2_2.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r2_population_is_changes_in_window if {
	fs := a6_2_2.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["ChangeRecord/chg-2"]
}

# --- R1

test_fail_r1_flag_missing if {
	fs := a6_2_2.findings with input as _input(_with_spec({"content_flags": {"oversight": false}}))
	some f in _fails("R1", fs)
	f.refs == ["Document/spec-bot"]
	f.message == concat("", [
		"Document/spec-bot, the specification of AISystem/bot, does not confirm oversight requirements in its ",
		"content_flags: add them and have it approved",
	])
}

test_pass_r1_hyphenated_flag if {
	flags := {"functional": true, "performance": true, "responsible-ai": true, "oversight": true}
	spec := object.union(object.remove(_spec, ["content_flags"]), {"content_flags": flags})
	fs := a6_2_2.findings with input as _input({"Document": {"spec-bot": spec}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_spec_not_approved if {
	fs := a6_2_2.findings with input as _input({"Document": {"spec-bot": object.remove(_spec, ["approvals"])}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/bot#requirements_spec"]
	f.message == concat("", [
		"AISystem/bot (stage operation) has no current specification (requirements_spec Document/spec-bot; ",
		"published, approved, not superseded): approve one",
	])
}

test_pass_r1_spec_found_by_subject_refs if {
	s := object.remove(_system, ["requirements_spec"])
	fs := a6_2_2.findings with input as _input({"AISystem": {"bot": s}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_follows_newer_version if {
	v3 := object.union(_spec, {
		"id": "spec-bot-3", "version": "3.0.0", "published_on": "2026-09-01", "subject_refs": [],
		"supersedes": "Document/spec-bot",
		"approvals": [{"by": "Person/jonas", "on": "2026-09-01", "decision": "approved", "version": "3.0.0"}],
	})
	fs := a6_2_2.findings with input as _input({"Document": {"spec-bot": _spec, "spec-bot-3": v3}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_design_stage_out_of_scope if {
	s := object.union(_system, {"lifecycle": [{"stage": "design", "from": "2025-03-17"}]})
	fs := a6_2_2.findings with input as _input({"AISystem": {"bot": s}, "Document": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R2

test_fail_r2_spec_not_updated_since_previous_change if {
	old := object.union(_spec, {
		"published_on": "2025-07-15",
		"approvals": [{"by": "Person/jonas", "on": "2025-07-14", "decision": "approved", "version": "2.0.0"}],
	})
	fs := a6_2_2.findings with input as _input({"Document": {"spec-bot": old}})
	some f in _fails("R2", fs)
	f.refs == ["ChangeRecord/chg-2"]
	f.message == concat("", [
		"ChangeRecord/chg-2 went live on 2026-04-21 as a significant change of AISystem/bot, but no version of ",
		"its specification was approved or updated since the previous significant change on 2025-09-30: ",
		"update the specification first",
	])
}

test_pass_r2_updated_review_counts if {
	old := object.union(_spec, {
		"published_on": "2025-07-15",
		"approvals": [{"by": "Person/jonas", "on": "2025-07-14", "decision": "approved", "version": "2.0.0"}],
		"reviews": [{"by": "Person/emre", "on": "2026-04-21", "outcome": "updated"}],
	})
	fs := a6_2_2.findings with input as _input({"Document": {"spec-bot": old}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_change_review_does_not_count if {
	old := object.union(_spec, {
		"published_on": "2025-07-15",
		"approvals": [{"by": "Person/jonas", "on": "2025-07-14", "decision": "approved", "version": "2.0.0"}],
		"reviews": [{"by": "Person/emre", "on": "2026-04-20", "outcome": "no-change"}],
	})
	fs := a6_2_2.findings with input as _input({"Document": {"spec-bot": old}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_spec_approved_after_go_live if {
	approvals := [{"by": "Person/jonas", "on": "2026-04-22", "decision": "approved", "version": "2.0.0"}]
	late := object.union(_spec, {"approvals": approvals})
	fs := a6_2_2.findings with input as _input({"Document": {"spec-bot": late}})
	some f in _fails("R2", fs)
	f.refs == ["ChangeRecord/chg-2"]
}

test_fail_r2_first_change_without_any_approval if {
	fs := a6_2_2.findings with input as _input({
		"ChangeRecord": {"chg-2": _change("chg-2", "2026-04-21T07:30:00Z")},
		"Document": {"spec-bot": object.remove(_spec, ["approvals"])},
	})
	some f in _fails("R2", fs)
	contains(f.message, "was approved or updated by 2026-04-21")
}

test_r2_not_exercised_without_significant_changes if {
	minor := object.union(_change("chg-2", "2026-04-21T07:30:00Z"), {"significant": false})
	fs := a6_2_2.findings with input as _input({"ChangeRecord": {"chg-2": minor}})
	_outcomes("R2", fs) == {"not_exercised"}
}
