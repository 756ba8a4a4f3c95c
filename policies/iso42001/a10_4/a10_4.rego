# METADATA
# title: Customers
# description: >-
#   Customers of every AI system that affects them get documentation or terms saying what the
#   system is meant for, where its limits are, what the customer must do and how to report a
#   problem, and that information is kept under review and brought up to date for each new
#   major version.
# scope: package
# custom:
#   control: iso42001:A.10.4
#   class: a
#   evidence: [AISystem, Disclosure, Document, ModelRecord]
#   rules:
#     R1: >-
#       Every AI system in production (in service at stage deployment or later) with
#       affects.customers true has customer information - published, not superseded Disclosures of
#       audience customers naming it, and its customer_terms when that is a current Document -
#       that together covers intended-use, limitations, customer-obligations and how-to-report or
#       contact (Disclosure content_elements; Document content_flags set to true, written with
#       underscores such as customer_obligations).
#     R2: >-
#       Each piece of that customer information was published, reviewed or approved within
#       doc_review_days (at risk within at_risk_days of that deadline), and covers the major
#       version of the system's live model - a Disclosure by its system_version_covered, a
#       Document by its own major version or by being published, reviewed or approved on or after
#       that major version first went live.
#   decisions:
#     - The model fixes the required elements itself (no parameter); the list is taken from it, with
#       contact accepted for how-to-report as the model allows.
#     - Customers receive documentation and terms together, so the elements may be spread across
#       them (unlike A.8.2, where one user notice must be complete).
#     - The model says 365 d without a parameter; doc_review_days is used. Systems without a live
#       ModelRecord have no known version, so only the review date is checked for them.
package annexa.iso42001.a10_4

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := {ref |
	some ref in ai3.production_refs
	records.get(ref).affects.customers == true
}

# _info maps an AISystem ref to its customer information: Disclosures and current terms.
_info := {k: vs |
	some k in {x[0] | some x in _info_rows}
	vs := {x[1] | some x in _info_rows; x[0] == k}
}

_info_rows := {[sref, ref] |
	some sref in _population
	some ref in object.get(ai3.disclosures, sref, set())
	records.get(ref).audience == "customers"
} | {[sref, ref] |
	some sref in _population
	ref := records.get(sref).customer_terms
	docs.current(records.get(ref))
}

_elements(r) := {e | some e in r.content_elements} if r.kind == "Disclosure"

_elements(r) := {replace(k, "_", "-") | some k, v in object.get(r, "content_flags", {}); v == true} if {
	r.kind == "Document"
}

_covered(sref) := {e | some ref in _info[sref]; some e in _elements(records.get(ref))}

_required := ["intended-use", "limitations", "customer-obligations", "how-to-report or contact"]

_has(have, "how-to-report or contact") if "how-to-report" in have

_has(have, "how-to-report or contact") if "contact" in have

_has(have, e) if e in have

# --- R1: the customer information covers the required elements.

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	not _info[sref]
	msg := sprintf(
		"%s affects customers but has no customer Disclosure or current customer_terms: publish documentation and terms",
		[sref],
	)
}

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	have := _covered(sref)
	missing := [e | some e in _required; not _has(have, e)]
	count(missing) > 0
	msg := sprintf(
		"the customer information of %s (%s) does not cover %s: add it to the documentation or terms",
		[sref, concat(", ", sort(_info[sref])), concat(", ", missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system that affects customers gives them complete documentation and terms",
		_population, _r1_items,
	)
}

# --- R2: reviewed within doc_review_days and up to date for the live major version.

_pairs_p contains [sref, ref] if {
	some sref, refs in _info
	some ref in refs
}

_due(r) := dates.add_days(ai3.last_touched(r), input.params.doc_review_days)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some [_, ref] in _pairs
	r := records.get(ref)
	_due(r) < input.as_of
	msg := sprintf(
		"%s, customer information, was last published or reviewed on %s, more than doc_review_days=%d ago: review it",
		[ref, ai3.last_touched(r), input.params.doc_review_days],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some [_, ref] in _pairs
	due := _due(records.get(ref))
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s, customer information, is due for review on %s", [ref, due])
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some [sref, ref] in _pairs
	ai3.current_major(sref)
	r := records.get(ref)
	not ai3.covers_major(r, sref)
	msg := sprintf(
		"%s, customer information for %s, predates major version %s, live since %s: update it for that version",
		[ref, sref, ai3.current_major(sref), ai3.major_since(sref)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "the customer information of every AI system is reviewed and describes its live major version",
		{ref | some [_, ref] in _pairs}, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_pairs := _pairs_p

_r2_items := _r2_items_p
