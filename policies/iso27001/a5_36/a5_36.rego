# METADATA
# title: Compliance with policies, rules and standards for information security
# description: >-
#   Whether people and systems follow the security policies is checked regularly for every topic
#   policy; every departure found is either handled as a nonconformity or allowed through an
#   approved exception, and no exception that has run out is still covering something open.
# scope: package
# custom:
#   control: iso27001:A.5.36
#   class: a
#   evidence: [Document, Activity, TestRun, Exception, Nonconformity, Finding, Incident, Account, Asset, RiskTreatment]
#   rules:
#     R1: >-
#       Every current topic policy of the ISMS (Document of doc_type topic-policy, systems absent or
#       including isms) was the subject of a compliance check performed within
#       compliance_check_days: an Activity of type policy-compliance-check whose subject_refs name
#       it, or a TestRun whose scope or links name it (the policy or any earlier version it
#       supersedes). A policy whose first version was published less than compliance_check_days
#       ago is not yet due.
#     R2: >-
#       Every compliance check performed inside the lookback window that found issues (an Activity
#       with outcome issues-found, or a TestRun linked to a topic policy with a failed result) links
#       a Nonconformity (in the Activity's outputs, or a Nonconformity whose source_ref names the
#       check) or is named by an approved Exception (approved by someone other than its requester,
#       approved by the as-of date).
#     R3: >-
#       No Exception that expired before the as-of date is still referenced by an open item: a
#       Finding naming it in exception, or a record in its applies_to that is still open (a Finding
#       not resolved, a Nonconformity not closed, an Incident not closed, an Account not disabled,
#       an Asset not retired, a RiskTreatment not completed).
#   decisions:
#     - >-
#       R1 follows the supersedes chain, so a check of last year's version still counts for the
#       current one; the grace for new policies runs from the first publication in that chain.
#     - Policies of the AI management system only are left to ISO/IEC 42001.
#     - >-
#       R3 treats references to controls, rules and kinds other than those listed as not open; an
#       expired exception that covers nothing open is simply history.
package annexa.iso27001.a5_36

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: every topic policy checked for compliance within compliance_check_days.

_serves_isms(d) if not d.systems

_serves_isms(d) if "isms" in d.systems

_policies_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type == "topic-policy"
	_serves_isms(d)
	docs.current(d)
}

# _chain_graph links every Document to the one it supersedes (graph.reachable only returns nodes
# that are keys, so documents without a predecessor get an empty list).
_chain_graph := {records.ref(d): [x | x := d.supersedes] |
	some d in records.of("Document")
}

_chain(ref) := graph.reachable(_chain_graph, {ref})

_first_published(ref) := min({p |
	some c in _chain(ref)
	p := records.get(c).published_on
	dates.visible(p)
})

# _checks maps a document ref to the days compliance checks named it.
_checks := {k: vs |
	some k in {x[0] | some x in _checks_rows}
	vs := {x[1] | some x in _checks_rows; x[0] == k}
}

_checks_rows := {[x, a.performed_on] |
	some a in records.of("Activity")
	a.activity_type == "policy-compliance-check"
	dates.visible(a.performed_on)
	some x in a.subject_refs
} | {[x, dates.day(t.performed_on)] |
	some t in records.of("TestRun")
	dates.visible(t.performed_on)
	some x in _test_targets(t)
}

_test_targets(t) := {x | some x in t.scope; startswith(x, "Document/")} | {x |
	some group in object.get(t, "links", {})
	some x in group
	startswith(x, "Document/")
}

_last_check(ref) := dates.latest({d | some c in _chain(ref); some d in object.get(_checks, c, set())})

_checked(ref) if dates.within(_last_check(ref), input.params.compliance_check_days)

_new(ref) if dates.within(_first_published(ref), input.params.compliance_check_days)

_shown_check(ref) := _last_check(ref)

_shown_check(ref) := "never" if not _last_check(ref)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _policies
	not _checked(ref)
	not _new(ref)
	msg := sprintf(
		"%s has had no compliance check within %d days (compliance_check_days; last: %s): %s",
		[ref, input.params.compliance_check_days, _shown_check(ref), "check that it is followed and record it"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf("every topic policy was checked for compliance within %d days", [input.params.compliance_check_days]),
		_policies, _r1_items,
	)
}

# --- R2: non-compliance handled as a nonconformity or an approved exception.

_issue_checks_p contains records.ref(a) if {
	some a in records.of("Activity")
	a.activity_type == "policy-compliance-check"
	a.outcome == "issues-found"
	dates.within(a.performed_on, input.params.lookback_days)
}

_issue_checks_p contains records.ref(t) if {
	some t in records.of("TestRun")
	dates.within(t.performed_on, input.params.lookback_days)
	some x in _test_targets(t)
	x in _all_topic_policies
	some r in object.get(t, "results", [])
	r.status == "fail"
}

_all_topic_policies_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type == "topic-policy"
}

_nc_sources_p contains n.source_ref if {
	some n in records.of("Nonconformity")
	dates.visible(n.raised_on)
	n.source_ref
}

_approved_exception_targets_p contains x if {
	some e in records.of("Exception")
	dates.visible(e.approved_on)
	e.approved_by != e.requested_by
	some x in e.applies_to
}

_handled(ref) if ref in _nc_sources

_handled(ref) if ref in _approved_exception_targets

_handled(ref) if {
	some o in object.get(records.get(ref), "outputs", [])
	startswith(o, "Nonconformity/")
	records.exists(o)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _issue_checks
	not _handled(ref)
	msg := sprintf(
		"%s found non-compliance but links no Nonconformity and no approved Exception names it: %s",
		[ref, "raise a nonconformity or approve an exception"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every non-compliance found was handled as a nonconformity or an approved exception",
		_issue_checks, _r2_items,
	)
}

# --- R3: no expired exception still covers an open item.

_exceptions_p contains records.ref(e) if {
	some e in records.of("Exception")
	dates.visible(e.approved_on)
}

_open_under := {k: vs |
	some k in {x[0] | some x in _open_under_rows}
	vs := {x[1] | some x in _open_under_rows; x[0] == k}
}

_open_under_rows := {[f.exception, records.ref(f)] |
	some f in records.of("Finding")
	not _done(f, "resolved_on")
} | {[records.ref(e), x] |
	some e in records.of("Exception")
	some x in e.applies_to
	_open(x)
}

# _closing_field names, per kind, the date that closes an item.
_closing_field := {
	"Finding": ["resolved_on"], "Nonconformity": ["closed_on"], "Incident": ["timeline", "closed_on"],
	"Account": ["disabled_on"], "Asset": ["lifecycle", "retired_on"], "RiskTreatment": ["completed_on"],
}

_done(r, path) if dates.visible(object.get(r, path, "9999-12-31"))

_open(x) if {
	r := records.get(x)
	path := _closing_field[r.kind]
	not _done(r, path)
}

_r3_items_p contains result.fail("R3", msg, [records.at(e, "expires_on")]) if {
	some ref in _exceptions
	e := records.get(ref)
	e.expires_on < input.as_of
	items := object.get(_open_under, ref, set())
	count(items) > 0
	msg := sprintf(
		"%s expired on %s but still covers open items (%s): resolve them, or approve a new exception",
		[ref, e.expires_on, concat(", ", sort(items))],
	)
}

findings contains f if {
	some f in result.check("R3", "no expired exception still covers an open item", _exceptions, _r3_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_policies := _policies_p

_r1_items := _r1_items_p

_issue_checks := _issue_checks_p

_all_topic_policies := _all_topic_policies_p

_nc_sources := _nc_sources_p

_approved_exception_targets := _approved_exception_targets_p

_r2_items := _r2_items_p

_exceptions := _exceptions_p

_r3_items := _r3_items_p
