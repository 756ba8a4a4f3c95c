# METADATA
# title: Supporting utilities
# description: >-
#   Sites that critical systems depend on declare backup power and a second network link, backup
#   power is tested on schedule, hosted sites rest on their operator's current certification,
#   and the facilities or security role attests, for a limited time, the remaining utility
#   protections at the sites we must evidence ourselves.
# scope: package
# custom:
#   control: iso27001:A.7.11
#   class: b
#   evidence: [ManagementSystem, Site, Asset, Activity, Supplier, Attestation, Person]
#   rules:
#     R1: >-
#       Every critical in-scope Site that is not inherited (site_type own-datacenter, or the location
#       of an active Asset of criticality high or critical) declares utility redundancy - a ups or a
#       generator in utilities, and utilities.redundant_network true.
#     R2: >-
#       Every ups or generator Asset named in the utilities of such a Site has an Activity of type
#       maintenance naming it in subject_refs, performed within utility_test_days.
#     R3: >-
#       Every in-scope Site run by a Supplier is inherited (the operator's certification covers the
#       service and is valid at as-of or within supplier_cert_grace_days after valid_to), or has the
#       local attestation R4 asks for.
#     R4: >-
#       Every in-scope Site that is not inherited has a current Attestation of iso27001:A.7.11
#       covering it by a holder of Role/facilities-lead or Role/isms-manager.
#   decisions:
#     - Sites carry no criticality; a site is critical when it is our own data centre or hosts an
#       active Asset (Asset.location) of criticality high or critical.
#     - Redundancy means backup power (ups or generator) and a second network link; both are asked for.
#     - The activity types have no utility test, so a maintenance Activity naming the ups or generator
#       counts as its test.
#     - The model names no attesting role for R4; the physical attesters are accepted.
package annexa.iso27001.a7_11

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.11"

_utilities(ref) := object.get(records.get(ref), "utilities", {})

# --- R1: critical sites declare utility redundancy.

_hosts_critical_p contains a.location if {
	some a in records.of("Asset")
	a.criticality in {"high", "critical"}
	ops.active_asset(a)
	a.location
}

_critical_p contains ref if {
	some ref in physical.local
	records.get(ref).site_type == "own-datacenter"
}

_critical_p contains ref if {
	some ref in physical.local
	ref in _hosts_critical
}

_backup_power(ref) if _utilities(ref).ups

_backup_power(ref) if _utilities(ref).generator

_redundant(ref) if {
	_backup_power(ref)
	_utilities(ref).redundant_network == true
}

_r1_population := _critical

_r1_items_p contains result.fail("R1", msg, [records.at(records.get(ref), "utilities")]) if {
	some ref in _r1_population
	not _redundant(ref)
	msg := sprintf(
		"%s supports critical systems but does not declare a ups or generator and a redundant network link: %s",
		[ref, "provide utility redundancy and record it in utilities"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every critical site declares backup power and a redundant network link",
		_r1_population, _r1_items,
	)
}

# --- R2: backup power tested.

# _power maps each ups or generator of a local site to the fields that name it.
_power := {k: vs |
	some k in {x[0] | some x in _power_rows}
	vs := {x[1] | some x in _power_rows; x[0] == k}
}

_power_rows := {[_utilities(ref)[k], records.at(records.get(ref), concat(".", ["utilities", k]))] |
	some ref in physical.local
	some k in ["ups", "generator"]
	_utilities(ref)[k]
}

_r2_population := {asset | some asset, _ in _power}

_maintained := {k: vs |
	some k in {x[0] | some x in _maintained_rows}
	vs := {x[1] | some x in _maintained_rows; x[0] == k}
}

_maintained_rows := {[s, a.performed_on] |
	some a in records.of("Activity")
	a.activity_type == "maintenance"
	dates.visible(a.performed_on)
	some s in a.subject_refs
}

_last(asset) := dates.latest(_maintained[asset])

_tested(asset) if dates.within(_last(asset), input.params.utility_test_days)

_last_text(asset) := _last(asset)

_last_text(asset) := "never" if not _last(asset)

_r2_items_p contains result.fail("R2", msg, {asset} | fields) if {
	some asset, fields in _power
	not _tested(asset)
	msg := sprintf(
		"%s (%s) was last tested on %s, more than %d days (utility_test_days) ago: test it and record a maintenance Activity",
		[asset, concat(", ", sort(fields)), _last_text(asset), input.params.utility_test_days],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("backup power at every local site was tested within %d days", [input.params.utility_test_days]),
		_r2_population, _r2_items,
	)
}

# --- R3: hosted sites inherited.

_r3_population := physical.hosted

_r3_items_p contains result.fail("R3", physical.gap(_control, ref), [ref]) if {
	some ref in _r3_population
	not physical.covered(_control, ref)
}

findings contains f if {
	some f in result.check(
		"R3", "every supplier-run site is covered by its operator's current certification or a local attestation",
		_r3_population, _r3_items,
	)
}

# --- R4: remaining utility protections attested at local sites.

_r4_population := physical.local

_r4_items_p contains result.fail("R4", physical.gap(_control, ref), [ref]) if {
	some ref in _r4_population
	count(physical.attested(_control, ref)) == 0
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("utility protections at every local site are attested by %s", [physical.attesters_text]),
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_hosts_critical := _hosts_critical_p

_critical := _critical_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
