# METADATA
# title: Suppliers
# description: >-
#   Every supplier that provides models, data, annotation or AI services was checked for
#   responsible AI within the review interval of its criticality, its contract carries the
#   AI-specific clauses the organization requires, and whether it trains on our data is recorded
#   and agrees with what the organization allows.
# scope: package
# custom:
#   control: iso42001:A.10.3
#   class: a
#   evidence: [Supplier, ModelRecord, Dataset, AISystem]
#   rules:
#     R1: >-
#       Every active AI supplier - supplier_type ai-model-provider, data-provider or annotation, or
#       ai.provides not empty, or named as base_model.supplier of a deployed model version or as
#       acquisition.supplier of a dataset in use - has a due_diligence entry of scope ai within
#       supplier_review_days for its criticality (the medium interval for low), and the latest
#       such entry is not rejected (at risk within at_risk_days of the next one being due).
#     R2: >-
#       The contract of every such supplier lists every clause of ai_supplier_clauses in
#       contract.clauses.
#     R3: >-
#       Every such supplier records ai.customer_data_used_for_training as true or false, and when
#       allow_training_on_our_data is false it is false.
#   decisions:
#     - Suppliers that only provide infrastructure to an AI system (an IaaS listed in
#       components.suppliers, with no ai.provides) are left to 27001 A.5.19 to A.5.22; listing in
#       components.suppliers alone does not make a supplier an AI supplier.
#     - supplier_review_days has no value for low criticality, so the medium interval (the longest)
#       applies to low suppliers.
#     - Only suppliers active at the as-of date are checked; for models and data already obtained
#       from a past supplier, A.7.3 checks the contract at the time.
package annexa.iso42001.a10_3

import data.annexa.lib.ai
import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_ai_types := {"ai-model-provider", "data-provider", "annotation"}

# _named is the set of Supplier refs named by deployed models and datasets in use.
_named_p contains m.base_model.supplier if {
	some mref in ai.deployed_models
	m := records.get(mref)
}

_named_p contains d.acquisition.supplier if {
	some dref in ai3.datasets_recorded
	d := records.get(dref)
}

_ai_supplier(s) if s.supplier_type in _ai_types

_ai_supplier(s) if count(object.get(s, ["ai", "provides"], [])) > 0

_ai_supplier(s) if records.ref(s) in _named

_population_p contains records.ref(s) if {
	some s in records.of("Supplier")
	suppliers.active(s)
	_ai_supplier(s)
}

# --- R1: AI due diligence within the interval.

_days(s) := object.get(input.params.supplier_review_days, s.criticality, input.params.supplier_review_days.medium)

_ai_checks(s) := [x | some x in object.get(s, "due_diligence", []); x.scope == "ai"; dates.visible(x.on)]

_last(s) := dates.latest({x.on | some x in _ai_checks(s)})

_last_text(s) := _last(s)

_last_text(s) := "never" if not _last(s)

_checked(s) if dates.within(_last(s), _days(s))

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	not _checked(s)
	msg := sprintf(
		"%s (criticality %s) has no due diligence of scope ai within %d days (supplier_review_days; last: %s): %s",
		[ref, s.criticality, _days(s), _last_text(s), "assess its responsible AI practices"],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	_checked(s)
	some x in _ai_checks(s)
	x.on == _last(s)
	x.result == "rejected"
	msg := sprintf("%s was rejected in its AI due diligence of %s but is still active: end or re-assess it", [ref, x.on])
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	due := dates.add_days(_last(s), _days(s))
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s needs its next AI due diligence by %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R1", "every active AI supplier passed an AI due diligence within the interval of its criticality",
		_population, _r1_items,
	)
}

# --- R2: the AI clauses are in the contract.

_r2_items_p contains result.fail("R2", msg, [_clauses_ref(s)]) if {
	some ref in _population
	s := records.get(ref)
	missing := {c | some c in input.params.ai_supplier_clauses} - suppliers.clauses(s)
	count(missing) > 0
	msg := sprintf(
		"the contract with %s lacks the AI clauses %s (ai_supplier_clauses): add them at the next amendment",
		[ref, concat(", ", sort(missing))],
	)
}

_clauses_ref(s) := records.at(s, "contract.clauses") if s.contract.clauses

_clauses_ref(s) := records.ref(s) if not s.contract.clauses

findings contains f if {
	some f in result.check(
		"R2",
		sprintf("the contract of every AI supplier contains %s", [concat(", ", input.params.ai_supplier_clauses)]),
		_population, _r2_items,
	)
}

# --- R3: training on our data recorded and allowed.

_training(s) := object.get(s, ["ai", "customer_data_used_for_training"], null)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	not is_boolean(_training(s))
	msg := sprintf(
		"%s does not record whether it trains on our data (ai.customer_data_used_for_training): find out and record it",
		[ref],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(s, "ai.customer_data_used_for_training")]) if {
	some ref in _population
	s := records.get(ref)
	_training(s) == true
	input.params.allow_training_on_our_data == false
	msg := sprintf(
		"%s trains models on our data, which allow_training_on_our_data=false forbids: opt out or change supplier",
		[ref],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every AI supplier records whether it trains on our data, consistent with allow_training_on_our_data",
		_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_named := _named_p

_population := _population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
