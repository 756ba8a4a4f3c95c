# METADATA
# title: System and computing resources
# description: >-
#   Every AI system from development on names the computing resources it runs on, with their
#   environment and where they are hosted; each of them is a live inventory entry that
#   integrations can match and that has an owner still working for the organization; and the
#   capacity limits of every AI system in production are on record.
# scope: package
# custom:
#   control: iso42001:A.4.5
#   class: a
#   evidence: [AISystem, Asset, Activity, Person]
#   rules:
#     R1: >-
#       Every AI system in service at stage development or later lists at least one entry in
#       components.compute, every entry is an existing Asset, and each records its environment and
#       its region (or a location Site).
#     R2: >-
#       Every listed compute Asset is in the reconciled inventory - not retired
#       (lifecycle.retired_on) by as-of and carrying at least one external_ids value for
#       integrations to match - and has an owner who is an active person.
#     R3: >-
#       Every AI system in service at stage deployment or later records capacity constraints or
#       quotas - an Activity of type capacity-review performed within capacity_review_days whose
#       subject_refs name the system or one of its compute or tooling Assets, or a compute Asset
#       whose title or description states its capacity or quota.
#   decisions:
#     - The 27001 A.5.9 reconciliation works on resources seen by integrations; for a single asset
#       "in the reconciled inventory" is read as in service and matchable, i.e. it has an external
#       id (cloud ARN, hostname, repository ...) that integration output can resolve.
#     - The Asset schema has no capacity field, so R3 accepts a capacity review (the record 27001
#       A.8.6 uses, with its capacity_review_days) covering any resource of the system, since its
#       limits may sit in its compute or in a retrieval store listed as tooling, or a compute asset
#       whose title or description mentions a quota or capacity (the example bundle writes "GPU
#       quota of 2 ..." there). A structured capacity field would be better.
#     - Production means the lifecycle has reached deployment (ai.reached), as in A.3.2.
package annexa.iso42001.a4_5

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached(s, "development")
}

# _compute are [system ref, index, asset ref] of every listed compute resource.
_compute_p contains [sref, i, ref] if {
	some sref in _population
	some i, ref in ai2.components(records.get(sref), "compute")
}

_asset(ref) := a if {
	startswith(ref, "Asset/")
	a := records.get(ref)
}

# --- R1: compute listed with environment and region.

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	s := records.get(sref)
	count(ai2.components(s, "compute")) == 0
	msg := sprintf(
		"%s is at stage %s but lists no components.compute: record the computing resources it runs on",
		[sref, ai.stage(s)],
	)
}

_r1_items_p contains result.fail("R1", msg, [at]) if {
	some [sref, i, ref] in _compute
	not _asset(ref)
	at := records.at(records.get(sref), sprintf("components.compute.%d", [i]))
	msg := sprintf("%s lists compute %s, which is not an existing Asset: inventory it", [sref, ref])
}

_hosted(a) if trim_space(object.get(a, "region", "")) != ""

_hosted(a) if trim_space(object.get(a, "location", "")) != ""

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some [sref, _, ref] in _compute
	a := _asset(ref)
	not _hosted(a)
	msg := sprintf(
		"compute %s of %s (environment %s) records neither region nor location: record where it runs",
		[ref, sref, object.get(a, "environment", "none")],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system from development on lists its compute assets with environment and region",
		_population, _r1_items,
	)
}

# --- R2: compute assets are live, matchable and owned.

_r2_population := {ref | some [_, _, ref] in _compute; _asset(ref)}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "lifecycle.retired_on")]) if {
	some ref in _r2_population
	a := _asset(ref)
	not ops.active_asset(a)
	msg := sprintf("compute %s was retired on %s but is still listed by an AI system: update the list", [
		ref, a.lifecycle.retired_on,
	])
}

_matchable(a) if {
	some v in object.get(a, "external_ids", {})
	trim_space(v) != ""
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	a := _asset(ref)
	not _matchable(a)
	msg := sprintf(
		concat("", [
			"compute %s has no external_ids, so integrations cannot reconcile it with the inventory: ",
			"record its cloud ARN or hostname",
		]),
		[ref],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "owner")]) if {
	some ref in _r2_population
	a := _asset(ref)
	not people.active_ref(a.owner)
	msg := sprintf(
		"the owner of compute %s, %s, is not an active person at %s: assign an owner",
		[ref, a.owner, input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every compute asset of an AI system is in service, matchable by integrations and owned",
		_r2_population, _r2_items,
	)
}

# --- R3: capacity constraints of production systems are on record.

_r3_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached(s, "deployment")
}

# _capacity_reviewed maps a reviewed ref to the days of its capacity reviews.
_capacity_reviewed := {k: vs |
	some k in {x[0] | some x in _capacity_reviewed_rows}
	vs := {x[1] | some x in _capacity_reviewed_rows; x[0] == k}
}

_capacity_reviewed_rows := {[ref, dates.day(a.performed_on)] |
	some a in records.of("Activity")
	a.activity_type == "capacity-review"
	dates.within(a.performed_on, input.params.capacity_review_days)
	some ref in a.subject_refs
}

_resources(s) := {records.ref(s)} | ({r | some r in ai2.components(s, "compute")} | {r |
	some r in ai2.components(s, "tooling")
})

_quota_stated(ref) if {
	a := _asset(ref)
	some text in [object.get(a, "title", ""), object.get(a, "description", "")]
	some word in ["quota", "capacity"]
	contains(lower(text), word)
}

_capacity_recorded(s) if {
	some ref in _resources(s)
	_capacity_reviewed[ref]
}

_capacity_recorded(s) if {
	some ref in ai2.components(s, "compute")
	_quota_stated(ref)
}

_r3_items_p contains result.fail("R3", msg, [sref]) if {
	some sref in _r3_population
	s := records.get(sref)
	not _capacity_recorded(s)
	msg := sprintf(
		concat("", [
			"%s is in production but no capacity review within %d days (capacity_review_days) covers it or its ",
			"assets, and no compute asset states a quota: record its capacity limits",
		]),
		[sref, input.params.capacity_review_days],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every AI system in production has its capacity constraints or quotas on record",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_compute := _compute_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
