# METADATA
# title: Equipment maintenance
# description: >-
#   Equipment that needs servicing is serviced at its stated interval, by the contracted
#   maintenance company or by someone entitled to do it, and equipment sent away for repair is
#   wiped first or accompanied.
# scope: package
# custom:
#   control: iso27001:A.7.13
#   class: a
#   evidence: [Asset, Activity, Supplier, Person]
#   rules:
#     R1: >-
#       Every active Asset with maintenance.required true states maintenance.interval_days and has an
#       Activity of type maintenance naming it in subject_refs, performed within that many days.
#     R2: >-
#       Every maintenance Activity performed in the lookback window (lookback_days) on an Asset was
#       done under an active Supplier contract (the Asset's maintenance.provider, relationship running
#       on performed_on), or by the Asset's owner or custodian, or by a holder of Role/it-admin or
#       Role/facilities-lead on performed_on.
#     R3: >-
#       Every maintenance Activity in the lookback window that records equipment sent off-site
#       (metrics.sent_off_site above 0) records a wipe before it left or an escort (metrics.wiped or
#       metrics.escorted above 0).
#   decisions:
#     - The interval is the Asset's own; an asset that needs maintenance but states no interval fails
#       R1, as there is no parameter to fall back on.
#     - Activity has no supplier field; supplier maintenance is recognised through the Asset's
#       maintenance.provider, with the logged performer as the person who oversaw it.
#     - The authorised roles of R2 are Role/it-admin and Role/facilities-lead, besides the asset's
#       owner and custodian; role ids are the organisation's, so a parameter would be better.
#     - The schema has no field for repairs off-site; R3 reads the Activity metrics sent_off_site,
#       wiped and escorted (numbers, 1 for yes). Without them R3 is not exercised.
package annexa.iso27001.a7_13

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_authorised_roles := {"Role/it-admin", "Role/facilities-lead"}

_maintenance_p contains a if {
	some a in records.of("Activity")
	a.activity_type == "maintenance"
	dates.visible(a.performed_on)
}

# --- R1: maintenance at the stated interval.

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.maintenance.required == true
	ops.active_asset(a)
}

_serviced := {k: vs |
	some k in {x[0] | some x in _serviced_rows}
	vs := {x[1] | some x in _serviced_rows; x[0] == k}
}

_serviced_rows := {[s, a.performed_on] |
	some a in _maintenance
	some s in a.subject_refs
}

_last(ref) := dates.latest(_serviced[ref])

_last_text(ref) := _last(ref)

_last_text(ref) := "never" if not _last(ref)

_on_time(a) if dates.within(_last(records.ref(a)), a.maintenance.interval_days)

_r1_items_p contains result.fail("R1", msg, [records.at(a, "maintenance")]) if {
	some ref in _r1_population
	a := records.get(ref)
	not a.maintenance.interval_days
	msg := sprintf("%s needs maintenance but states no interval_days: record the servicing interval", [ref])
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	a := records.get(ref)
	a.maintenance.interval_days
	not _on_time(a)
	msg := sprintf(
		"%s was last serviced on %s, more than its interval of %d days ago: service it and record a maintenance Activity",
		[ref, _last_text(ref), a.maintenance.interval_days],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every asset that needs maintenance was serviced within its interval",
		_r1_population, _r1_items,
	)
}

# --- R2: maintenance done by the contracted supplier or an authorised person.

# _jobs maps "Activity ref|Asset ref" to the activity and asset of each maintenance job in the lookback window.
_jobs := {concat("|", [records.ref(a), s]): {"activity": a, "asset": asset} |
	some a in _maintenance
	dates.within(a.performed_on, input.params.lookback_days)
	some s in a.subject_refs
	asset := records.get(s)
	asset.kind == "Asset"
}

_r2_population := {records.ref(j.activity) | some j in _jobs}

_authorised(j) if physical.active_supplier(j.asset.maintenance.provider, j.activity.performed_on)

_authorised(j) if j.activity.performed_by == j.asset.owner

_authorised(j) if j.activity.performed_by == j.asset.custodian

_authorised(j) if {
	p := records.get(j.activity.performed_by)
	some role in _authorised_roles
	people.holds_on(p, role, j.activity.performed_on)
}

_r2_items_p contains result.fail("R2", msg, [records.at(j.activity, "performed_by")]) if {
	some j in _jobs
	not _authorised(j)
	msg := sprintf(
		"%s: %s serviced %s on %s without a contracted maintenance supplier (provider: %s) and is not its owner, %s",
		[
			records.ref(j.activity), j.activity.performed_by, records.ref(j.asset), j.activity.performed_on,
			object.get(object.get(j.asset, "maintenance", {}), "provider", "none"),
			sprintf("custodian or a holder of %s: record who was entitled to do it", [concat(" or ", sort(_authorised_roles))]),
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "all maintenance was done by a contracted supplier or an authorised person",
		_r2_population, _r2_items,
	)
}

# --- R3: equipment sent away for repair wiped or escorted.

_r3_population_p contains records.ref(a) if {
	some a in _maintenance
	dates.within(a.performed_on, input.params.lookback_days)
	a.metrics.sent_off_site > 0
}

_protected(a) if a.metrics.wiped > 0

_protected(a) if a.metrics.escorted > 0

_r3_items_p contains result.fail("R3", msg, [records.at(a, "metrics")]) if {
	some ref in _r3_population
	a := records.get(ref)
	not _protected(a)
	msg := sprintf(
		"%s sent %s off-site on %s without a recorded wipe or escort (metrics wiped, escorted): %s",
		[ref, concat(", ", a.subject_refs), a.performed_on, "wipe storage before repair or accompany the equipment"],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "all equipment sent away for repair was wiped first or escorted",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_maintenance := _maintenance_p

_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
