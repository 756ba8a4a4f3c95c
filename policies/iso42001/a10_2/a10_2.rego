# METADATA
# title: Allocating responsibilities
# description: >-
#   For every AI system that involves suppliers or customers, each responsibility across the AI
#   life cycle is given to exactly one party - the organization, the customer or a named
#   supplier - and every responsibility given to an outside party rests on a signed contract or
#   on terms in force.
# scope: package
# custom:
#   control: iso42001:A.10.2
#   class: a
#   evidence: [AISystem, Supplier, Document]
#   rules:
#     R1: >-
#       Every AI system in service with suppliers (components.suppliers not empty) or customers
#       (affects.customers true, or ai_role provider or provider-and-user) assigns each
#       responsibility of ai_lifecycle_responsibilities in its responsibility_matrix to exactly one
#       party.
#     R2: >-
#       Every responsibility_matrix entry of those systems whose party is not self is backed: a
#       party customer by the system's customer_terms, a current Document (published, approved,
#       not superseded); a Supplier party by a Supplier record whose relationship is active at the
#       as-of date and whose contract.signed_on lies on or before it.
#   decisions:
#     - A system we provide to others has customers even when its affects flags say otherwise, so
#       ai_role provider counts as having customers.
#     - Entries for responsibilities outside ai_lifecycle_responsibilities (say base-model
#       operation) are not required but, when given to an outside party, must be backed as well.
#     - The same party named twice for a responsibility counts once; two different parties fail.
#     - Customer terms are read from AISystem.customer_terms, the field the schema provides; the
#       clauses inside them are for A.10.4 and the auditor.
package annexa.iso42001.a10_2

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.in_service(s)
	_third_parties(s)
}

_third_parties(s) if count(object.get(s, ["components", "suppliers"], [])) > 0

_third_parties(s) if s.affects.customers == true

_third_parties(s) if s.ai_role in {"provider", "provider-and-user"}

_matrix(s) := object.get(s, "responsibility_matrix", [])

# --- R1: each life-cycle responsibility has exactly one party.

_parties(s, r) := {e.party | some e in _matrix(s); e.responsibility == r}

_problems(s) := [p |
	some r in input.params.ai_lifecycle_responsibilities
	p := _problem(r, _parties(s, r))
]

_problem(r, parties) := sprintf("%s is assigned to no party", [r]) if count(parties) == 0

_problem(r, parties) := sprintf("%s is assigned to %s", [r, concat(" and ", sort(parties))]) if count(parties) > 1

_r1_items_p contains result.fail("R1", msg, [_matrix_ref(s)]) if {
	some ref in _population
	s := records.get(ref)
	problems := _problems(s)
	count(problems) > 0
	msg := sprintf(
		"the responsibility matrix of %s is incomplete (%s): give each responsibility to exactly one party",
		[ref, concat("; ", problems)],
	)
}

_matrix_ref(s) := records.at(s, "responsibility_matrix") if s.responsibility_matrix

_matrix_ref(s) := records.ref(s) if not s.responsibility_matrix

findings contains f if {
	some f in result.check(
		"R1", "every AI system with suppliers or customers gives each life-cycle responsibility to exactly one party",
		_population, _r1_items,
	)
}

# --- R2: outside parties are bound by contract or terms.

_external := {records.at(s, sprintf("responsibility_matrix.%d", [i])): [records.ref(s), e] |
	some ref in _population
	s := records.get(ref)
	some i, e in _matrix(s)
	e.party != "self"
}

_terms_current(s) if docs.current(records.get(s.customer_terms))

_contracted(supplier) if {
	suppliers.active(supplier)
	dates.visible(supplier.contract.signed_on)
}

_r2_items_p contains result.fail("R2", msg, [at]) if {
	some at, [sref, e] in _external
	e.party == "customer"
	s := records.get(sref)
	not _terms_current(s)
	msg := sprintf(
		"%s gives %s to the customer, but its customer_terms (%s) is not a current Document: publish and approve the terms",
		[sref, e.responsibility, object.get(s, "customer_terms", "none")],
	)
}

_r2_items_p contains result.fail("R2", msg, [at]) if {
	some at, [sref, e] in _external
	startswith(e.party, "Supplier/")
	not records.exists(e.party)
	msg := sprintf(
		"%s gives %s to %s, which has no Supplier record: record the supplier",
		[sref, e.responsibility, e.party],
	)
}

_r2_items_p contains result.fail("R2", msg, [at]) if {
	some at, [sref, e] in _external
	supplier := records.get(e.party)
	supplier.kind == "Supplier"
	not _contracted(supplier)
	msg := sprintf(
		"%s gives %s to %s, which has no active relationship with a signed contract at %s (signed_on %s): %s",
		[
			sref, e.responsibility, e.party, input.as_of, object.get(supplier, ["contract", "signed_on"], "none"),
			"sign the contract or reassign the responsibility",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every responsibility given to a customer or supplier is backed by terms or a signed contract",
		{at | some at, _ in _external}, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p
