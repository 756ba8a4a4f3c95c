# METADATA
# title: AI system technical documentation
# description: >-
#   Every AI system in production has approved technical documentation for each audience it
#   serves (the people who operate it, the customers who deploy it, the regulators who supervise
#   it); that documentation describes the major version now live and is kept under review.
# scope: package
# custom:
#   control: iso42001:A.6.2.7
#   class: a
#   evidence: [AISystem, Document, ModelRecord, LegalRequirement]
#   rules:
#     R1: >-
#       Every AI system in production (in service at stage deployment or later) has, for each
#       audience it serves, a current Document of doc_type technical-doc or user-doc (published,
#       approved for its version, not superseded) that is listed in its technical_docs or names
#       the system in subject_refs, and whose audience includes that audience: operators when
#       the system names an oversight_role or oversight.operators_role, customers when
#       affects.customers is true, regulators when a LegalRequirement with an ai-reporting
#       obligation applies to it (applies_to naming it or all). Every technical_docs entry
#       resolves to a Document.
#     R2: >-
#       Every such document covers the major version of the system's live model (the production
#       ModelRecord deployed last and not retired): its own version has that major number, or it
#       was published, reviewed or approved on or after the day that major version first went
#       live.
#     R3: >-
#       Every such document was reviewed or approved within its review_interval_days, or
#       doc_review_days when it sets none (at risk within at_risk_days of that deadline).
#   decisions:
#     - The schema has no list of declared audiences on AISystem, so the audiences are derived from
#       what the system declares - an oversight role (operators), affects.customers (customers) and
#       an AI reporting duty in the legal register (regulators) - and matched to the words
#       operators, customers and regulators in Document.audience.
#     - The documents considered are technical-doc and user-doc; specifications and design
#       documents are covered by A.6.2.2 and A.6.2.3.
#     - The model does not say how a document shows the version it covers (Document has no system
#       version field). A document whose major version equals the live model's, or that was
#       touched after that major version went live, counts; systems without a live ModelRecord
#       have no known version and are left out of R2.
#     - The model says 365 d without naming a parameter; the document's own review interval or
#       doc_review_days (default 365) is used, as for other controlled documents.
package annexa.iso42001.a6_2_7

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai3.production_refs

_doc_types := {"technical-doc", "user-doc"}

# _linked maps an AISystem ref to the Document refs linked to it (technical_docs, subject_refs).
_linked := {k: vs |
	some k in {x[0] | some x in _linked_rows}
	vs := {x[1] | some x in _linked_rows; x[0] == k}
}

_linked_rows := {[sref, ref] |
	some sref in _population
	some ref in object.get(records.get(sref), "technical_docs", [])
} | {[sref, records.ref(d)] |
	some d in records.of("Document")
	some sref in object.get(d, "subject_refs", [])
	sref in _population
}

# _docs maps an AISystem ref to its current technical documents.
_docs := {k: vs |
	some k in {x[0] | some x in _docs_rows}
	vs := {x[1] | some x in _docs_rows; x[0] == k}
}

_docs_rows := {[sref, ref] |
	some sref, refs in _linked
	some ref in refs
	d := records.get(ref)
	d.kind == "Document"
	d.doc_type in _doc_types
	docs.current(d)
}

# --- R1: documentation for every audience.

_reporting_duties := {k: vs |
	some k in {x[0] | some x in _reporting_duties_rows}
	vs := {x[1] | some x in _reporting_duties_rows; x[0] == k}
}

_reporting_duties_rows := {[target, records.ref(l)] |
	some l in records.of("LegalRequirement")
	some o in object.get(l, "obligations", [])
	o.type == "ai-reporting"
	some target in l.applies_to
}

_audiences(s) := {"operators" | _has_operators(s)} | ({"customers" | s.affects.customers == true} | {"regulators" |
	_regulated(s)
})

_has_operators(s) if s.oversight_role

_has_operators(s) if s.oversight.operators_role

_regulated(s) if _reporting_duties[records.ref(s)]

_regulated(_) if _reporting_duties.all

_served(sref, audience) if {
	some ref in _docs[sref]
	audience in object.get(records.get(ref), "audience", [])
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	some audience in _audiences(s)
	not _served(ref, audience)
	msg := sprintf(
		"%s has no current technical documentation for %s (technical-doc or user-doc with that audience): %s",
		[ref, audience, "write it, have it approved and list it in technical_docs"],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, sprintf("technical_docs.%d", [i]))]) if {
	some ref in _population
	s := records.get(ref)
	some i, dref in object.get(s, "technical_docs", [])
	not records.exists(dref)
	msg := sprintf("%s lists technical document %s, which does not exist: record it or fix the reference", [ref, dref])
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system in production has current technical documentation for each audience it serves",
		_population, _r1_items,
	)
}

# --- R2: the documentation covers the live major version.

_r2_pairs_p contains [sref, ref] if {
	some sref, refs in _docs
	ai3.current_major(sref)
	some ref in refs
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some [sref, ref] in _r2_pairs
	d := records.get(ref)
	not ai3.covers_major(d, sref)
	msg := sprintf(
		concat("", [
			"%s (version %s, last published or reviewed %s) does not cover major version %s of %s, live since %s: ",
			"update it for that version",
		]),
		[ref, d.version, ai3.last_touched(d), ai3.current_major(sref), sref, ai3.major_since(sref)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "the technical documentation of every AI system in production covers its live major version",
		{ref | some [_, ref] in _r2_pairs}, _r2_items,
	)
}

# --- R3: the documentation is reviewed within its interval.

_r3_population := {ref | some _, refs in _docs; some ref in refs}

_due(d) := dates.add_days(docs.last_reviewed(d), docs.review_interval(d, input.params.doc_review_days))

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	d := records.get(ref)
	_due(d) < input.as_of
	msg := sprintf(
		"%s was last reviewed on %s and was due for review on %s (review_interval_days or doc_review_days): review it",
		[ref, docs.last_reviewed(d), _due(d)],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some ref in _r3_population
	d := records.get(ref)
	due := _due(d)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s is due for review on %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R3", "the technical documentation of every AI system in production was reviewed within its interval",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_pairs := _r2_pairs_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
