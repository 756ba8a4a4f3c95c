# METADATA
# title: Confidentiality or non-disclosure agreements
# description: >-
#   Everyone who works for the organisation, contractors included, signed a confidentiality
#   agreement before getting access to its systems; suppliers that see confidential data are
#   bound by a confidentiality clause; and the agreement template is kept under review.
# scope: package
# custom:
#   control: iso27001:A.6.6
#   class: a
#   evidence: [Person, Acknowledgement, Account, Supplier, Document]
#   rules:
#     R1: >-
#       Every active Person signed an Acknowledgement of ack_type nda on or before the created_on
#       date of their first Account (by the as-of date when they hold no Account).
#     R2: >-
#       Every active Supplier (relationship started, not ended) whose data_access is confidential,
#       restricted or pii lists confidentiality in contract.clauses.
#     R3: >-
#       At least one current NDA template exists (a current Document with topic nda, or the current
#       Document an nda Acknowledgement names), and each was reviewed or approved within
#       doc_review_days (or its own shorter review_interval_days).
#   decisions:
#     - Only ack_type nda counts for R1, even when employment terms contain a confidentiality
#       clause, as the model asks for a separate agreement.
#     - The first account is the earliest created_on among all Accounts whose holder is the person,
#       in any system, enabled or not.
#     - R3 uses the shorter of doc_review_days and the document's own review_interval_days, since
#       the model names doc_review_days for the template.
package annexa.iso27001.a6_6

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: NDA signed before the first account.

# _accounts maps a Person ref to [created_on, Account ref] pairs of the accounts they hold.
_accounts := {k: vs |
	some k in {x[0] | some x in _accounts_rows}
	vs := {x[1] | some x in _accounts_rows; x[0] == k}
}

# Builtins are inlined in the loops over records: a user function call costs more than they do.
_accounts_rows := {[acc.holder, [substring(acc.created_on, 0, 10), concat("/", [acc.kind, acc.id])]] |
	some acc in records.of("Account")
	acc.holder
}

# _ndas maps a Person ref to [signed_on, Acknowledgement ref] pairs of their visible NDAs.
_ndas := {k: vs |
	some k in {x[0] | some x in _ndas_rows}
	vs := {x[1] | some x in _ndas_rows; x[0] == k}
}

_ndas_rows := {[a.person, [a.signed_on, concat("/", [a.kind, a.id])]] |
	some a in records.of("Acknowledgement")
	a.ack_type == "nda"
	substring(a.signed_on, 0, 10) <= input.as_of
}

_r1_population := people.active_refs

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _ndas[ref]
	msg := sprintf("%s has signed no NDA: have them sign the confidentiality agreement", [ref])
}

_r1_items_p contains result.fail("R1", msg, [ref, nda[1]]) if {
	some ref in _r1_population
	nda := min(_ndas[ref])
	first := min(_accounts[ref])
	nda[0] > first[0]
	msg := sprintf(
		"%s first signed an NDA on %s (%s), after their first account %s was created on %s: %s",
		[ref, nda[0], nda[1], first[1], first[0], "sign the NDA before any access is granted"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every active person signed an NDA before their first account was created",
		_r1_population, _r1_items,
	)
}

# --- R2: confidentiality clause for suppliers that see confidential data.

_sensitive := {"confidential", "restricted", "pii"}

_r2_population_p contains records.ref(s) if {
	some s in records.of("Supplier")
	s.data_access in _sensitive
	physical.active_supplier(records.ref(s), input.as_of)
}

_r2_items_p contains result.fail("R2", msg, [records.at(s, "contract.clauses")]) if {
	some ref in _r2_population
	s := records.get(ref)
	not "confidentiality" in object.get(object.get(s, "contract", {}), "clauses", [])
	msg := sprintf(
		"%s has access to %s data, but its contract lists no confidentiality clause: add the clause or record it",
		[ref, s.data_access],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every active supplier with access to confidential data is bound by a confidentiality clause",
		_r2_population, _r2_items,
	)
}

# --- R3: the NDA template is reviewed.

_templates_p contains records.ref(d) if {
	some d in records.of("Document")
	object.get(d, "topic", "") == "nda"
	docs.current(d)
}

_templates_p contains doc if {
	some doc in {a.document | some a in records.of("Acknowledgement"); a.ack_type == "nda"}
	docs.current(records.get(doc))
}

_interval(d) := min({input.params.doc_review_days, docs.review_interval(d, input.params.doc_review_days)})

_fresh(d) if dates.within(docs.last_reviewed(d), _interval(d))

_last_reviewed(d) := docs.last_reviewed(d)

_last_reviewed(d) := "never" if not docs.last_reviewed(d)

_r3_population := _templates | {ops.isms_ref | count(_templates) == 0}

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_templates) == 0
	msg := sprintf(
		"no current NDA template at %s: publish and approve a Document with topic nda",
		[input.as_of],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _templates
	d := records.get(ref)
	not _fresh(d)
	msg := sprintf(
		"%s was last reviewed on %s, more than %d days before %s: review the NDA template",
		[ref, _last_reviewed(d), _interval(d), input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("the NDA template was reviewed within %d days", [input.params.doc_review_days]),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_templates := _templates_p

_r3_items := _r3_items_p
