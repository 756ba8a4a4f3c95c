# METADATA
# title: Alignment with other organizational policies
# description: >-
#   The AI policy names the other organizational policies it touches - at least those on the
#   topics the organization declares as intersecting with AI - each listed policy has been
#   checked for consistency with the AI policy since its current major version and within the
#   review period, and every conflict such a check found was taken up as a change or a
#   nonconformity.
# scope: package
# custom:
#   control: iso42001:A.2.3
#   class: a
#   evidence: [Document, Activity, ChangeRecord, Nonconformity, ManagementSystem]
#   rules:
#     R1: >-
#       Every current AI policy (doc_type policy or topic-policy, topic ai-policy, published,
#       approved for its version, not superseded) lists in related_documents, for every topic in
#       ai_intersecting_topics, a current policy or topic-policy on that topic, and every entry of
#       related_documents is an existing Document.
#     R2: >-
#       Every policy or topic-policy listed in related_documents of a current AI policy has an
#       Activity of type policy-alignment-review whose subject_refs name both that policy and the
#       AI policy (any of its versions), performed on or after the first publication of the AI
#       policy's current major version and within doc_review_days (at risk within at_risk_days of
#       the deadline).
#     R3: >-
#       Every policy-alignment-review Activity performed within lookback_days with outcome
#       issues-found lists in outputs at least one ChangeRecord or Nonconformity that exists.
#   decisions:
#     - Without a current AI policy R1 and R2 fail once, naming the AIMS ManagementSystem record
#       (A.2.2 R1 reports the missing policy too).
#     - R1 accepts a related document on a topic only when it is itself current, so a link to a
#       superseded or unapproved version does not count.
#     - R2 checks every listed policy or topic-policy, not only the intersecting topics; procedures
#       and other document types in related_documents are the AI policy's own supporting documents,
#       not organizational policies to align with.
#     - The model says "within 365 d" without a parameter; doc_review_days (default 365) is used, as
#       for other controlled-document reviews. "After the latest major version" is read as on or
#       after the day that major version was first published, found along supersedes.
#     - Conflicts are recognised by outcome issues-found; only ChangeRecord and Nonconformity
#       outputs count as taking them up, as the model says.
package annexa.iso42001.a2_3

import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_policies := ai2.ai_policies

_no_policy(rule) := {result.fail(rule, msg, [ai2.aims_ref]) |
	count(_policies) == 0
	msg := sprintf(
		concat("", [
			"no current AI policy at %s (published, approved, not superseded, topic ai-policy): ",
			"publish one that names the policies it touches",
		]),
		[input.as_of],
	)
}

# --- R1: the AI policy lists a current policy on every intersecting topic.

_policy_types := {"policy", "topic-policy"}

# _related maps an AI policy ref to the refs of the current policies it lists, by topic.
_related[ref][d.topic] contains rel if {
	some ref in _policies
	some rel in object.get(records.get(ref), "related_documents", [])
	d := records.get(rel)
	d.doc_type in _policy_types
	docs.current(d)
}

_r1_items_p contains i if some i in _no_policy("R1")

_r1_items_p contains result.fail("R1", msg, [_related_at(d)]) if {
	some ref in _policies
	d := records.get(ref)
	missing := [t | some t in input.params.ai_intersecting_topics; not _related[ref][t]]
	count(missing) > 0
	msg := sprintf(
		"%s (version %s) lists no current policy on %s among its related_documents (ai_intersecting_topics): link them",
		[ref, d.version, concat(", ", missing)],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, sprintf("related_documents.%d", [i]))]) if {
	some ref in _policies
	d := records.get(ref)
	some i, rel in object.get(d, "related_documents", [])
	not startswith(rel, "Document/")
	msg := sprintf("%s lists %s in related_documents, which is not a Document: fix the reference", [ref, rel])
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, sprintf("related_documents.%d", [i]))]) if {
	some ref in _policies
	d := records.get(ref)
	some i, rel in object.get(d, "related_documents", [])
	startswith(rel, "Document/")
	not records.exists(rel)
	msg := sprintf("%s lists %s in related_documents, which does not exist: record it or fix the reference", [ref, rel])
}

_related_at(d) := records.at(d, "related_documents") if d.related_documents

_related_at(d) := records.ref(d) if not d.related_documents

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"the current AI policy lists a current policy on each intersecting topic (%s)",
			[concat(", ", input.params.ai_intersecting_topics)],
		),
		_policies | {ai2.aims_ref | count(_policies) == 0}, _r1_items,
	)
}

# --- R2: every listed policy was checked for alignment since the current major version.

# _pairs are [AI policy ref, listed policy ref, index in related_documents].
_pairs_p contains [ref, rel, i] if {
	some ref in _policies
	some i, rel in object.get(records.get(ref), "related_documents", [])
	records.get(rel).doc_type in _policy_types
}

# _aligned maps a listed policy ref to the days it was reviewed together with an AI policy, per
# AI policy ref (any version of it).
_aligned := {k: vs |
	some k in {x[0] | some x in _aligned_rows}
	vs := {x[1] | some x in _aligned_rows; x[0] == k}
}

_aligned_rows := {[[ai_ref, rel], dates.day(a.performed_on)] |
	some a in records.of("Activity")
	a.activity_type == "policy-alignment-review"
	dates.visible(a.performed_on)
	subjects := {x | some x in a.subject_refs}
	some ai_ref in _policies
	count(ai2.versions(ai_ref) & subjects) > 0
	some rel in subjects
}

_since(ref) := ai2.first_published_major(records.get(ref))

_last_aligned(ref, rel) := max(days) if {
	days := {x | some x in _aligned[[ref, rel]]; x >= _since(ref)}
	count(days) > 0
}

_due(ref, rel) := dates.add_days(_last_aligned(ref, rel), input.params.doc_review_days)

_r2_items_p contains i if some i in _no_policy("R2")

_r2_items_p contains result.fail("R2", msg, [at]) if {
	some [ref, rel, i] in _pairs
	not _last_aligned(ref, rel)
	at := records.at(records.get(ref), sprintf("related_documents.%d", [i]))
	msg := sprintf(
		"%s has no policy-alignment-review with %s since its major version was first published (%s): review their alignment",
		[rel, ref, _since(ref)],
	)
}

_r2_items_p contains result.fail("R2", msg, [at]) if {
	some [ref, rel, i] in _pairs
	_due(ref, rel) < input.as_of
	at := records.at(records.get(ref), sprintf("related_documents.%d", [i]))
	msg := sprintf(
		"%s was last reviewed for alignment with %s on %s, more than %d days ago (doc_review_days): review it again",
		[rel, ref, _last_aligned(ref, rel), input.params.doc_review_days],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [at]) if {
	some [ref, rel, i] in _pairs
	due := _due(ref, rel)
	ops.due_soon(due)
	at := records.at(records.get(ref), sprintf("related_documents.%d", [i]))
	msg := sprintf("the alignment of %s with %s is due for review on %s", [rel, ref, due])
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every policy the AI policy lists was reviewed for alignment since its major version and within %d days",
			[input.params.doc_review_days],
		),
		{rel | some [_, rel, _] in _pairs} | {ai2.aims_ref | count(_policies) == 0}, _r2_items,
	)
}

# --- R3: conflicts found lead to a change or a nonconformity.

_r3_population_p contains records.ref(a) if {
	some a in records.of("Activity")
	a.activity_type == "policy-alignment-review"
	dates.within(a.performed_on, input.params.lookback_days)
}

_taken_up(a) if {
	some out in object.get(a, "outputs", [])
	split(out, "/")[0] in {"ChangeRecord", "Nonconformity"}
	records.exists(out)
}

_r3_items_p contains result.fail("R3", msg, [_outputs_at(a)]) if {
	some ref in _r3_population
	a := records.get(ref)
	a.outcome == "issues-found"
	not _taken_up(a)
	msg := sprintf(
		concat("", [
			"%s (%s) found conflicts between policies but lists no existing ChangeRecord or Nonconformity in ",
			"outputs: record how they are resolved",
		]),
		[ref, a.performed_on],
	)
}

_outputs_at(a) := records.at(a, "outputs") if a.outputs

_outputs_at(a) := records.at(a, "outcome") if not a.outputs

findings contains f if {
	some f in result.check(
		"R3", "every policy conflict found in an alignment review led to a change or a nonconformity",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_pairs := _pairs_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
