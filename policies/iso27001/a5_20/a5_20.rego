# METADATA
# title: Addressing information security within supplier agreements
# description: >-
#   Suppliers that see our data or that we depend on work under a contract signed before the
#   work began, which carries the protective clauses their tier calls for; suppliers handling
#   personal data have a data processing agreement, and every contract obliges the supplier to
#   tell us of incidents quickly enough.
# scope: package
# custom:
#   control: iso27001:A.5.20
#   class: a
#   evidence: [Supplier]
#   rules:
#     R1: >-
#       Every active Supplier with data_access internal or more sensitive, or criticality medium or
#       higher, has a contract signed by the as-of date whose clauses include every clause of
#       required_clauses for its tier (high for high and critical, medium for medium, low for low);
#       for a supplier that started inside the lookback window the contract must be signed on or
#       before relationship.start_on.
#     R2: Every active Supplier with data_access pii has contract.dpa_signed_on dated by the as-of date.
#     R3: >-
#       Every supplier of R1 has contract.incident_notice_hours set and at most
#       max_supplier_incident_notice_hours.
#   decisions:
#     - >-
#       The clause tier follows criticality only, as the schema documents: a low-criticality supplier
#       that reaches internal data needs a signed contract but no listed clause. An unknown
#       criticality takes the high list.
#     - >-
#       Data access is ordered none < internal < confidential < restricted, with pii ranked with
#       restricted.
#     - >-
#       The signed-before-start check is judged only for suppliers that started inside the lookback
#       window, so a historical late signature is reported in its audit period; older suppliers need
#       a signed contract of any date.
#     - R3 applies to the suppliers of R1; a missing incident_notice_hours fails, since the term cannot be shown.
package annexa.iso27001.a5_20

import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_active_p contains s if {
	some s in records.of("Supplier")
	suppliers.active(s)
}

_needs_contract(s) if suppliers.access_at_least(s, "internal")

_needs_contract(s) if suppliers.at_least(s, "medium")

# --- R1: a contract signed before the start, with the clauses of the supplier's tier.

_r1_population_p contains records.ref(s) if {
	some s in _active
	_needs_contract(s)
}

_signed(s) if dates.visible(s.contract.signed_on)

_r1_items_p contains result.fail("R1", msg, [records.at(s, "contract")]) if {
	some ref in _r1_population
	s := records.get(ref)
	not _signed(s)
	msg := sprintf(
		"%s (criticality %s, data access %s) has no contract signed by %s: sign one with the %s clauses",
		[
			ref, object.get(s, "criticality", "unknown"), object.get(s, "data_access", "unknown"),
			input.as_of, suppliers.tier(s),
		],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, "contract.signed_on")]) if {
	some ref in _r1_population
	s := records.get(ref)
	_signed(s)
	dates.within(s.relationship.start_on, input.params.lookback_days)
	s.contract.signed_on > s.relationship.start_on
	msg := sprintf(
		"%s started work on %s but its contract was signed on %s, after the start: sign contracts before work begins",
		[ref, s.relationship.start_on, s.contract.signed_on],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, "contract.clauses")]) if {
	some ref in _r1_population
	s := records.get(ref)
	_signed(s)
	missing := suppliers.missing_clauses(s)
	count(missing) > 0
	msg := sprintf(
		"%s's contract lacks the clauses %s that required_clauses.%s asks for: amend the contract and record the clauses",
		[ref, concat(", ", sort(missing)), suppliers.tier(s)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every supplier that needs a contract has one signed before it started, with the clauses of its tier",
		_r1_population, _r1_items,
	)
}

# --- R2: a data processing agreement for suppliers that handle personal data.

_r2_population_p contains records.ref(s) if {
	some s in _active
	s.data_access == "pii"
}

_dpa(s) if dates.visible(s.contract.dpa_signed_on)

_r2_items_p contains result.fail("R2", msg, [records.at(s, "contract")]) if {
	some ref in _r2_population
	s := records.get(ref)
	not _dpa(s)
	msg := sprintf(
		"%s handles personal data but has no data processing agreement signed by %s: sign one and record dpa_signed_on",
		[ref, input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every supplier that handles personal data has a signed data processing agreement",
		_r2_population, _r2_items,
	)
}

# --- R3: incident notice period within max_supplier_incident_notice_hours.

_r3_items_p contains result.fail("R3", msg, [records.at(s, "contract")]) if {
	some ref in _r1_population
	s := records.get(ref)
	not is_number(object.get(s, ["contract", "incident_notice_hours"], null))
	msg := sprintf(
		"%s's contract records no incident_notice_hours: agree a notice period of at most %d hours and record it",
		[ref, input.params.max_supplier_incident_notice_hours],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(s, "contract.incident_notice_hours")]) if {
	some ref in _r1_population
	s := records.get(ref)
	hours := s.contract.incident_notice_hours
	is_number(hours)
	hours > input.params.max_supplier_incident_notice_hours
	msg := sprintf(
		"%s may take %v hours to report an incident, more than max_supplier_incident_notice_hours (%d): renegotiate the term",
		[ref, hours, input.params.max_supplier_incident_notice_hours],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every supplier contract requires incident notice within %d hours",
			[input.params.max_supplier_incident_notice_hours],
		),
		_r1_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_active := _active_p

_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
