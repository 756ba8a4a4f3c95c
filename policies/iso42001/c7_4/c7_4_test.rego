package annexa.iso42001.c7_4_test

import data.annexa.iso42001.c7_4
import rego.v1

_params := {"doc_review_days": 365, "channel_test_days": 365}

_flags := {"internal_communication": true, "external_communication": true, "what_when_whom_how": true}

_plan := {
	"kind": "Document", "id": "comms-plan", "doc_type": "communication", "topic": "communication-plan",
	"version": "1.2.0", "published_on": "2026-02-02", "content_flags": _flags,
	"approvals": [{"by": "Person/lena", "on": "2026-01-30", "decision": "approved", "version": "1.2.0"}],
}

_disclosure := {
	"kind": "Disclosure", "id": "ai-notice", "ai_systems": ["AISystem/bot"], "audience": "users",
	"disclosure_type": "ai-interaction-notice", "content_elements": ["intended-use"],
	"system_version_covered": "2", "published_on": "2026-04-21",
	"reviews": [{"by": "Person/emre", "on": "2026-10-21", "outcome": "no-change"}],
}

_support := {
	"kind": "CommsChannel", "id": "support", "direction": "inbound", "channel_type": "customer-support",
	"audience": ["customers"], "owner": "Person/nora",
	"tests": [{"on": "2026-09-09", "by": "Person/nora", "result": "ok"}],
}

_records := {
	"Document": {"comms-plan": _plan},
	"Disclosure": {"ai-notice": _disclosure},
	"CommsChannel": {
		"support": _support,
		# Internal only: not an external item, so its missing tests do not count here.
		"staff": {
			"kind": "CommsChannel", "id": "staff", "direction": "inbound", "channel_type": "security-event-reporting",
			"audience": ["personnel"], "owner": "Person/miriam",
		},
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_plan(patch) := _input({"Document": {"comms-plan": object.union(_plan, patch)}})

_with_flags(flags) := _input({"Document": {"comms-plan": object.union(
	object.remove(_plan, ["content_flags"]),
	{"content_flags": flags},
)}})

_with_support(patch) := _input({"CommsChannel": {"support": object.union(_support, patch)}})

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c7_4.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_population_leaves_internal_channels_out if {
	fs := c7_4.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["CommsChannel/support", "Disclosure/ai-notice"]
}

# --- R1

test_fail_r1_flag_missing if {
	flags := {"internal_communication": true, "external_communication": true}
	inp := _with_flags(flags)
	fs := c7_4.findings with input as inp
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/comms-plan#content_flags"]
	f.message == concat("", [
		"Document/comms-plan does not confirm what_when_whom_how in its content_flags: state what is communicated, ",
		"when, with whom and how, internally and externally, and set the flags",
	])
}

test_fail_r1_no_plan if {
	fs := c7_4.findings with input as _input({"Document": {}})
	some f in _failures("R1", fs)
	f.refs == ["ManagementSystem"]
	startswith(f.message, "no current communication plan of iso42001:2023 exists")
}

test_fail_r1_plan_not_approved if {
	fs := c7_4.findings with input as _input({"Document": {"comms-plan": object.remove(_plan, ["approvals"])}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_plan_of_other_system_only if {
	fs := c7_4.findings with input as _with_plan({"systems": ["isms"]})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_hyphenated_flags if {
	flags := {"internal-communication": true, "external-communication": true, "what-when-whom-how": true}
	inp := _with_flags(flags)
	fs := c7_4.findings with input as inp
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_channel_not_tested if {
	fs := c7_4.findings with input as _with_support({"tests": [{"on": "2025-11-29", "by": "Person/nora", "result": "ok"}]})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["CommsChannel/support#tests"]
	f.message == concat("", [
		"CommsChannel/support (customer-support, inbound) has no successful test or review within 365 days ",
		"(channel_test_days) of 2026-11-30 (latest test: 2025-11-29 ok): test it and record the result",
	])
}

test_pass_r2_channel_test_on_boundary if {
	fs := c7_4.findings with input as _with_support({"tests": [{"on": "2025-11-30", "by": "Person/nora", "result": "ok"}]})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_latest_channel_test_failed if {
	tests := [
		{"on": "2026-09-09", "by": "Person/nora", "result": "ok"},
		{"on": "2026-10-09", "by": "Person/nora", "result": "failed"},
	]
	fs := c7_4.findings with input as _with_support({"tests": tests})
	some f in _failures("R2", fs)
	contains(f.message, "(latest test: 2026-10-09 failed)")
}

test_pass_r2_channel_reviewed if {
	fs := c7_4.findings with input as _input({"CommsChannel": {"support": object.union(
		object.remove(_support, ["tests"]),
		{"reviews": [{"by": "Person/nora", "on": "2026-06-01", "outcome": "no-change"}]},
	)}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_outbound_channel_never_tested if {
	authority := {
		"kind": "CommsChannel", "id": "dpa", "direction": "outbound", "channel_type": "authority",
		"owner": "Person/clara",
	}
	fs := c7_4.findings with input as _input({"CommsChannel": {"support": _support, "dpa": authority}})
	some f in _failures("R2", fs)
	f.refs == ["CommsChannel/dpa#tests"]
	contains(f.message, "(latest test: never)")
}

test_fail_r2_disclosure_stale if {
	old := object.union(
		_disclosure,
		{"published_on": "2025-01-10", "reviews": [{"by": "Person/emre", "on": "2025-11-29", "outcome": "no-change"}]},
	)
	fs := c7_4.findings with input as _input({"Disclosure": {"ai-notice": old}})
	some f in _failures("R2", fs)
	f.refs == ["Disclosure/ai-notice#reviews"]
	f.message == concat("", [
		"Disclosure/ai-notice was last published or reviewed on 2025-11-29, more than 365 days (doc_review_days) ",
		"before 2026-11-30: review it and record the review",
	])
}

test_fail_r2_listed_item_missing if {
	fs := c7_4.findings with input as _with_plan({"subject_refs": ["Disclosure/ghost"]})
	some f in _failures("R2", fs)
	f.refs == ["Document/comms-plan"]
	f.message == "Document/comms-plan lists Disclosure/ghost, which is not in the bundle: record it or fix the reference"
}

test_fail_r2_listed_disclosure_not_yet_published if {
	future := object.union(_disclosure, {"id": "next", "published_on": "2026-12-15", "reviews": []})
	fs := c7_4.findings with input as object.union(
		_with_plan({"links": {"external": ["Disclosure/next"]}}),
		{"records": {"Disclosure": {"ai-notice": _disclosure, "next": future}}},
	)
	some f in _failures("R2", fs)
	f.refs == ["Disclosure/next#reviews"]
	contains(f.message, "last published or reviewed on never")
}

test_pass_r2_unpublished_disclosure_not_listed_is_ignored if {
	future := object.union(_disclosure, {"id": "next", "published_on": "2026-12-15", "reviews": []})
	fs := c7_4.findings with input as _input({"Disclosure": {"ai-notice": _disclosure, "next": future}})
	_outcomes("R2", fs) == {"pass"}
}
