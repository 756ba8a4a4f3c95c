# METADATA
# title: Return of assets
# description: >-
#   People who leave hand back the organisation's equipment: every asset assigned to a leaver was
#   returned within the allowed number of days after their last day, or reported lost together with
#   an incident, and no asset in service stays with someone who left longer than that.
# scope: package
# custom:
#   control: iso27001:A.5.11
#   class: a
#   evidence: [Person, Asset, Incident]
#   rules:
#     R1: >-
#       For every Person whose end_date lies within lookback_days, each Asset assigned_to them that
#       was not retired on or before that end_date has lifecycle.returned_on on or before end_date +
#       asset_return_days, or lifecycle.lost_on together with an Incident that lists the asset in
#       affected (or is named in the asset's links). An asset not yet back whose deadline is within
#       at_risk_days is at risk.
#     R2: >-
#       No Asset in service (not retired) is still assigned_to a Person whose end_date lies more than
#       asset_return_days before the as-of date, unless it was returned or reported lost after that
#       person started.
#   decisions:
#     - A return or loss counts only when dated on or after the holder's start_date, so a return by an
#       earlier holder of the same device does not clear a later leaver.
#     - The population is the assets still recorded as assigned to the leaver (Asset.assigned_to);
#       devices reassigned since are no longer linked to the leaver in the bundle.
#     - A loss needs an Incident record that names the asset; a loss reported after the deadline is
#       still accepted, as the device is then handled by incident management.
#     - Assets retired on or before the leaver's end date are left out of R1, as they were no longer in
#       the person's hands.
package annexa.iso27001.a5_11

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# _affected is the set of refs that some Incident lists as affected.
_affected := {x | some i in records.of("Incident"); some x in object.get(i, "affected", [])}

_incident_linked(a) if records.ref(a) in _affected

_incident_linked(a) if {
	some group in object.get(a, "links", {})
	some x in group
	startswith(x, "Incident/")
	records.exists(x)
}

# _returned_on is the day an asset came back from a holder who started on start.
_returned_on(a, start) := d if {
	d := a.lifecycle.returned_on
	dates.visible(d)
	d >= start
}

_lost(a, start) if {
	d := a.lifecycle.lost_on
	dates.visible(d)
	d >= start
}

_back(a, start) if _returned_on(a, start)

_back(a, start) if _lost(a, start)

_retired_by(a, day) if a.lifecycle.retired_on <= day

# --- R1: leavers' assets returned within asset_return_days.

# _r1_cases holds [asset ref, person ref] for each asset recorded as assigned to a person whose
# end_date lies in the lookback window.
_r1_cases_p contains [records.ref(a), a.assigned_to] if {
	some a in records.of("Asset")
	p := records.get(a.assigned_to)
	dates.within(p.end_date, input.params.lookback_days)
	not _retired_by(a, p.end_date)
}

_r1_population := {ref | some [ref, _] in _r1_cases}

_due(p) := dates.add_days(p.end_date, input.params.asset_return_days)

_r1_items_p contains result.fail("R1", msg, [records.at(a, "lifecycle.returned_on")]) if {
	some [ref, pref] in _r1_cases
	a := records.get(ref)
	p := records.get(pref)
	d := _returned_on(a, p.start_date)
	d > _due(p)
	msg := sprintf(
		"%s of %s was returned on %s, after %s (left on %s, asset_return_days %d): collect devices in time",
		[ref, records.ref(p), d, _due(p), p.end_date, input.params.asset_return_days],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(a, "lifecycle.lost_on")]) if {
	some [ref, pref] in _r1_cases
	a := records.get(ref)
	p := records.get(pref)
	not _returned_on(a, p.start_date)
	_lost(a, p.start_date)
	not _incident_linked(a)
	msg := sprintf(
		"%s of %s was reported lost on %s, but no Incident names it: record the loss as an incident",
		[ref, records.ref(p), a.lifecycle.lost_on],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some [ref, pref] in _r1_cases
	a := records.get(ref)
	p := records.get(pref)
	not _back(a, p.start_date)
	_due(p) < input.as_of
	msg := sprintf(
		"%s is not recorded as returned or lost, although %s left on %s and it was due back by %s: %s",
		[ref, records.ref(p), p.end_date, _due(p), "recover it and record lifecycle.returned_on"],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some [ref, pref] in _r1_cases
	a := records.get(ref)
	p := records.get(pref)
	not _back(a, p.start_date)
	ops.due_soon(_due(p))
	msg := sprintf("%s of %s (left on %s) is due back by %s", [ref, records.ref(p), p.end_date, _due(p)])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every asset of a person who left within %d days was returned within %d days or reported lost with an incident",
			[input.params.lookback_days, input.params.asset_return_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: no asset in service stays with someone who left.

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.assigned_to
	ops.active_asset(a)
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "assigned_to")]) if {
	some ref in _r2_population
	a := records.get(ref)
	p := records.get(a.assigned_to)
	dates.visible(p.end_date)
	dates.age(p.end_date) > input.params.asset_return_days
	not _back(a, p.start_date)
	msg := sprintf(
		"%s is still assigned to %s, who left on %s, more than %d days (asset_return_days) ago: %s",
		[ref, a.assigned_to, p.end_date, input.params.asset_return_days, "recover it or record its return or loss"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"no asset in service stays with a person who left more than %d days ago",
			[input.params.asset_return_days],
		),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_cases := _r1_cases_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p
