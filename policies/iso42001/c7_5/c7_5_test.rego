package annexa.iso42001.c7_5_test

import data.annexa.iso42001.c7_5
import rego.v1

_params := {"doc_review_days": 365, "policy_review_days": 365, "at_risk_days": 7}

_policy := {
	"kind": "Document", "id": "pol-ac", "doc_type": "topic-policy", "topic": "access-control", "version": "2.0.0",
	"published_on": "2026-01-20", "owner": "Person/miriam", "classification": "internal", "retention_days": 2555,
	"supersedes": "Document/pol-ac-1",
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "2.0.0"}],
	"reviews": [{"by": "Person/miriam", "on": "2026-01-15", "outcome": "updated"}],
}

# The earlier version: superseded, so its old review does not count against R2, but R3 still
# asks that its version was approved.
_old := {
	"kind": "Document", "id": "pol-ac-1", "doc_type": "topic-policy", "topic": "access-control", "version": "1.0.0",
	"published_on": "2024-01-20", "owner": "Person/miriam", "classification": "internal", "retention_days": 2555,
	"approvals": [{"by": "Person/lena", "on": "2024-01-19", "decision": "approved", "version": "1.0.0"}],
	"reviews": [{"by": "Person/miriam", "on": "2024-01-15", "outcome": "updated"}],
}

_records := {
	"Person": {
		"miriam": {"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2020-01-01"},
		"gus": {
			"kind": "Person",
			"id": "gus",
			"employment_type": "employee",
			"start_date": "2020-01-01",
			"end_date": "2026-06-30",
		},
	},
	"Document": {"pol-ac": _policy, "pol-ac-1": _old},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with(doc) := _input({"Document": {"pol-ac": doc, "pol-ac-1": _old}})

_patched(patch) := _with(object.union(_policy, patch))

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := c7_5.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
	_outcomes("R3", fs) == {"pass"}
	_outcomes("R4", fs) == {"not_exercised"}
}

test_pass_populations if {
	fs := c7_5.findings with input as _input({})
	some r1 in fs
	r1.rule == "R1"
	r1.refs == ["Document/pol-ac"]
	some r3 in fs
	r3.rule == "R3"
	r3.refs == ["Document/pol-ac", "Document/pol-ac-1"]
}

# --- R1

test_fail_r1_control_data_missing if {
	fs := c7_5.findings with input as _with(object.remove(_policy, ["classification", "retention_days"]))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-ac#classification", "Document/pol-ac#retention_days"]
	f.message == "Document/pol-ac lacks document control (no classification; no retention_days): complete and record it"
}

test_fail_r1_owner_has_left if {
	fs := c7_5.findings with input as _patched({"owner": "Person/gus"})
	some f in _failures("R1", fs)
	f.refs == ["Document/pol-ac#owner"]
	contains(f.message, "owner Person/gus is not an active Person")
}

test_fail_r1_no_owner if {
	fs := c7_5.findings with input as _with(object.remove(_policy, ["owner"]))
	some f in _failures("R1", fs)
	contains(f.message, "(no owner)")
}

test_fail_r1_version_not_approved if {
	doc := object.union(
		_policy,
		{"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "1.9.0"}]},
	)
	fs := c7_5.findings with input as _with(doc)
	some f in _failures("R1", fs)
	f.refs == ["Document/pol-ac#approvals"]
	contains(f.message, "no approval of version 2.0.0")
}

test_fail_r1_rejected_is_no_approval if {
	doc := object.union(
		_policy,
		{"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "rejected", "version": "2.0.0"}]},
	)
	fs := c7_5.findings with input as _with(doc)
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_draft_not_yet_in_force if {
	draft := object.union(_policy, {"id": "pol-draft", "published_on": "2026-12-15", "approvals": []})
	fs := c7_5.findings with input as _input({"Document": {"pol-ac": _policy, "pol-ac-1": _old, "pol-draft": draft}})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r1_document_of_other_system_ignored if {
	other := object.union(_policy, {"id": "ai-doc", "systems": ["isms"], "approvals": []})
	fs := c7_5.findings with input as _input({"Document": {"pol-ac": _policy, "pol-ac-1": _old, "ai-doc": other}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_review_overdue if {
	doc := object.union(_policy, {
		"approvals": [{"by": "Person/lena", "on": "2025-11-28", "decision": "approved", "version": "2.0.0"}],
		"reviews": [{"by": "Person/miriam", "on": "2025-11-29", "outcome": "no-change"}],
	})
	fs := c7_5.findings with input as _with(doc)
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Document/pol-ac#reviews"]
	f.message == concat("", [
		"Document/pol-ac was last reviewed on 2025-11-29 and was due again on 2026-11-29 (policy_review_days = 365): ",
		"review it and record the review",
	])
}

test_r2_review_due_soon_is_at_risk if {
	doc := object.union(_policy, {
		"approvals": [{"by": "Person/lena", "on": "2025-12-03", "decision": "approved", "version": "2.0.0"}],
		"reviews": [],
	})
	fs := c7_5.findings with input as _with(doc)
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_review_due_on_as_of if {
	doc := object.union(_policy, {
		"approvals": [{"by": "Person/lena", "on": "2025-11-30", "decision": "approved", "version": "2.0.0"}],
		"reviews": [],
	})
	fs := c7_5.findings with input as _with(doc)
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_pass_r2_own_longer_interval if {
	doc := object.union(_policy, {
		"review_interval_days": 730,
		"approvals": [{"by": "Person/lena", "on": "2025-06-01", "decision": "approved", "version": "2.0.0"}],
		"reviews": [],
	})
	fs := c7_5.findings with input as _with(doc)
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_other_document_uses_doc_review_days if {
	proc := {
		"kind": "Document", "id": "proc-x", "doc_type": "procedure", "version": "1.0.0", "published_on": "2025-01-10",
		"owner": "Person/miriam", "classification": "internal", "retention_days": 365,
		"approvals": [{"by": "Person/lena", "on": "2025-01-09", "decision": "approved", "version": "1.0.0"}],
	}
	fs := c7_5.findings with input as _input({"Document": {"pol-ac": _policy, "pol-ac-1": _old, "proc-x": proc}})
	some f in _failures("R2", fs)
	contains(f.message, "(doc_review_days = 365)")
}

# --- R3

test_fail_r3_approval_without_version if {
	doc := object.union(_policy, {"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}]})
	fs := c7_5.findings with input as _with(doc)
	_outcomes("R1", fs) == {"pass"}
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Document/pol-ac#approvals"]
	f.message == concat("", [
		"Document/pol-ac is at version 2.0.0, but no approval names that version (approvals[].version): ",
		"approve each new version and record its version on the approval",
	])
}

test_fail_r3_superseded_version_unapproved if {
	old := object.union(
		_old,
		{"approvals": [{"by": "Person/lena", "on": "2024-01-19", "decision": "approved", "version": "0.9.0"}]},
	)
	fs := c7_5.findings with input as _input({"Document": {"pol-ac": _policy, "pol-ac-1": old}})
	_outcomes("R1", fs) == {"pass"}
	some f in _failures("R3", fs)
	f.refs == ["Document/pol-ac-1#approvals"]
}

test_fail_r3_approval_after_as_of if {
	doc := object.union(
		_policy,
		{"approvals": [{"by": "Person/lena", "on": "2026-12-01", "decision": "approved", "version": "2.0.0"}]},
	)
	fs := c7_5.findings with input as _with(doc)
	_outcomes("R3", fs) == {"fail"}
}

# --- R4

_external := {
	"kind": "Document", "id": "aws-srm", "doc_type": "standard", "version": "1.0.0", "published_on": "2026-02-13",
	"owner": "Person/miriam", "classification": "public", "retention_days": 1825,
	"content_flags": {"external_origin": true}, "links": {"source": ["Supplier/aws"]},
	"approvals": [{"by": "Person/lena", "on": "2026-02-12", "decision": "approved", "version": "1.0.0"}],
}

_with_external(doc) := _input({
	"Document": {"pol-ac": _policy, "pol-ac-1": _old, "aws-srm": doc},
	"Supplier": {"aws": {"kind": "Supplier", "id": "aws"}},
})

test_pass_r4_external_document_with_source if {
	fs := c7_5.findings with input as _with_external(_external)
	_outcomes("R4", fs) == {"pass"}
}

test_fail_r4_external_document_without_source if {
	fs := c7_5.findings with input as _with_external(object.remove(_external, ["links"]))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Document/aws-srm#links"]
	f.message == concat("", [
		"Document/aws-srm is flagged as of external origin but names no source in links.source: ",
		"link the Supplier, LegalRequirement or other record it came from",
	])
}

test_fail_r4_source_not_in_bundle if {
	fs := c7_5.findings with input as _with_external(object.union(_external, {"links": {"origin": ["Supplier/gone"]}}))
	some f in _failures("R4", fs)
	contains(f.message, "names Supplier/gone as its source, which is not in the bundle")
}
