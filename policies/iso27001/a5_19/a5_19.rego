# METADATA
# title: Information security in supplier relationships
# description: >-
#   Supplier risk is managed from the start of each relationship: a current supplier security
#   policy is in force, every active supplier is rated for how much we depend on it and what
#   data it can reach, suppliers that matter were vetted before or soon after they started and
#   were not turned down, and the suppliers we depend on most appear in the risk register.
# scope: package
# custom:
#   control: iso27001:A.5.19
#   class: a
#   evidence: [Document, Supplier, Risk, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current Document of doc_type topic-policy (or policy) with topic
#       supplier-security exists (published, approved for its version, not superseded).
#     R2: >-
#       Every active Supplier (relationship started by the as-of date and not ended) has a
#       criticality of low, medium, high or critical and a data_access of none, internal,
#       confidential, restricted or pii.
#     R3: >-
#       Every active Supplier whose criticality is dd_min_criticality or higher has a security
#       due_diligence entry dated by the as-of date whose result is not rejected, and its latest
#       security due diligence is not rejected; a supplier that started inside the lookback
#       window must have had such an entry by relationship.start_on + dd_grace_days (while that
#       deadline is ahead the supplier is in grace, flagged at risk within at_risk_days).
#     R4: >-
#       Every active Supplier of criticality high or critical is named by at least one Risk
#       (assessed by the as-of date) in its affects, sources or links.
#   decisions:
#     - Only due diligence with scope security counts; ai and privacy reviews serve other controls.
#     - >-
#       The onboarding deadline (start_on + dd_grace_days) is judged only for suppliers that
#       started inside the lookback window, so a historical miss is reported in its audit period
#       and not forever; older suppliers need a non-rejected security due diligence of any date.
#     - A rejected latest due diligence fails even when an earlier one approved the supplier.
#     - >-
#       Supplier.criticality and data_access are required by the schema; R2 still checks them,
#       so a partial bundle or a misspelt value is reported rather than silently skipped.
#     - A Risk links a supplier when the Supplier ref appears in affects, sources or any links group.
package annexa.iso27001.a5_19

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_active_p contains s if {
	some s in records.of("Supplier")
	suppliers.active(s)
}

# --- R1: a current supplier security policy.

_policies := object.get(docs.current_by_topic, "supplier-security", set())

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_policies) == 0
	msg := concat("", [
		"no current supplier security policy (Document, doc_type topic-policy, topic supplier-security, ",
		"published and approved for its version): write, approve and publish one",
	])
}

findings contains f if {
	some f in result.check("R1", "a current supplier security policy is in force", _policies, _r1_items)
}

# --- R2: every active supplier rated for criticality and data access.

_r2_population := {records.ref(s) | some s in _active}

_r2_items_p contains result.fail("R2", msg, [records.at(s, "criticality")]) if {
	some s in _active
	not suppliers.criticality_rank[object.get(s, "criticality", "")]
	msg := sprintf(
		"%s has criticality %q, not one of low, medium, high or critical: rate how much we depend on it",
		[records.ref(s), object.get(s, "criticality", "")],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(s, "data_access")]) if {
	some s in _active
	not suppliers.data_access_rank[object.get(s, "data_access", "")]
	msg := sprintf(
		"%s has data_access %q, not one of none, internal, confidential, restricted or pii: %s",
		[records.ref(s), object.get(s, "data_access", ""), "record the most sensitive data it can reach"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every active supplier is rated for criticality and data access",
		_r2_population, _r2_items,
	)
}

# --- R3: due diligence for suppliers at or above dd_min_criticality.

_r3_population_p contains records.ref(s) if {
	some s in _active
	suppliers.at_least(s, input.params.dd_min_criticality)
}

# _dd lists the visible security due diligence entries of a supplier as [date, index, result].
_dd(s) := [[dates.day(d.on), i, d.result] |
	some i, d in object.get(s, "due_diligence", [])
	d.scope == "security"
	dates.visible(d.on)
]

_ok_dates(s) := {e[0] | some e in _dd(s); e[2] != "rejected"}

_latest(s) := e if {
	last := max({x[0] | some x in _dd(s)})
	idx := max({x[1] | some x in _dd(s); x[0] == last})
	some e in _dd(s)
	e[1] == idx
}

_deadline(s) := dates.add_days(s.relationship.start_on, input.params.dd_grace_days)

_recent(s) if dates.within(s.relationship.start_on, input.params.lookback_days)

_in_time(s) if min(_ok_dates(s)) <= _deadline(s)

_r3_items_p contains result.fail("R3", msg, [records.at(s, sprintf("due_diligence.%d", [e[1]]))]) if {
	some ref in _r3_population
	s := records.get(ref)
	e := _latest(s)
	e[2] == "rejected"
	msg := sprintf(
		"%s is active but its latest security due diligence (%s) rejected it: end the relationship or %s",
		[ref, e[0], "redo the due diligence and record an approval"],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(s, "due_diligence")]) if {
	some ref in _r3_population
	s := records.get(ref)
	count(_ok_dates(s)) == 0
	not _grace_open(s)
	msg := sprintf(
		"%s (criticality %s) started on %s and has no approved security due diligence; dd_grace_days (%d) ended on %s: %s",
		[
			ref, s.criticality, s.relationship.start_on, input.params.dd_grace_days, _deadline(s),
			"carry out and record the due diligence",
		],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(s, "due_diligence")]) if {
	some ref in _r3_population
	s := records.get(ref)
	_recent(s)
	count(_ok_dates(s)) > 0
	not _in_time(s)
	msg := sprintf(
		"%s started on %s but its first approved security due diligence is dated %s, after the deadline %s (%s %d)",
		[ref, s.relationship.start_on, min(_ok_dates(s)), _deadline(s), "dd_grace_days", input.params.dd_grace_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.at(s, "due_diligence")]) if {
	some ref in _r3_population
	s := records.get(ref)
	count(_ok_dates(s)) == 0
	_grace_open(s)
	ops.due_soon(_deadline(s))
	msg := sprintf(
		"%s needs its security due diligence by %s (start %s + dd_grace_days)",
		[ref, _deadline(s), s.relationship.start_on],
	)
}

_grace_open(s) if _deadline(s) >= input.as_of

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every supplier of criticality %s or higher passed security due diligence in time",
			[input.params.dd_min_criticality],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: high and critical suppliers appear in the risk register.

_r4_population_p contains records.ref(s) if {
	some s in _active
	suppliers.at_least(s, "high")
}

_risk_links := {k: vs |
	some k in {x[0] | some x in _risk_links_rows}
	vs := {x[1] | some x in _risk_links_rows; x[0] == k}
}

_risk_links_rows := {[ref, records.ref(r)] |
	some r in records.of("Risk")
	dates.visible(r.last_assessed_on)
	some ref in _risk_refs(r)
	startswith(ref, "Supplier/")
}

_risk_refs(r) := ({x | some x in object.get(r, "affects", [])} | {x | some x in object.get(r, "sources", [])}) | {x |
	some group in object.get(r, "links", {})
	some x in group
}

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _r4_population
	not _risk_links[ref]
	s := records.get(ref)
	msg := sprintf(
		"%s has criticality %s but no Risk names it (affects, sources or links): assess the risk of depending on it",
		[ref, s.criticality],
	)
}

findings contains f if {
	some f in result.check(
		"R4", "every high or critical supplier is linked from the risk register",
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_active := _active_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_r4_items := _r4_items_p
