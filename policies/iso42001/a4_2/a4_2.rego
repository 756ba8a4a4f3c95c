# METADATA
# title: Resource documentation
# description: >-
#   Every AI system from development on records the resources it depends on - its datasets,
#   tools, computing resources and the roles of the people who work on it - every resource it
#   names exists and is still in use, and the list has been looked at within the review period
#   and again after each significant change of the system.
# scope: package
# custom:
#   control: iso42001:A.4.2
#   class: a
#   evidence: [AISystem, Dataset, Asset, Role, ModelRecord, Supplier, ChangeRecord]
#   rules:
#     R1: >-
#       Every AI system in service at stage development or later lists at least one entry in each of
#       components.datasets, components.tooling and components.compute, and in human_resources.
#     R2: >-
#       Every resource those systems reference resolves to an existing record that is still in use
#       at as-of - components.models to a ModelRecord without a retired_on by as-of,
#       components.datasets to a Dataset, components.tooling and components.compute to an Asset not
#       retired (lifecycle.retired_on), components.suppliers to a Supplier whose relationship is
#       running, human_resources roles to a Role.
#     R3: >-
#       The resource list of each of those systems (the AISystem record) was reviewed or approved
#       within doc_review_days (at risk within at_risk_days of the deadline), and on or after the
#       day work on the latest significant ChangeRecord naming the system began (its requested_on,
#       or the day it went live when requested_on is missing).
#   decisions:
#     - The model asks for resources "for each stage reached"; AISystem.components has no stage,
#       so R1 asks that each kind of resource is listed once the system has reached development,
#       the first stage that uses data, tools and compute.
#     - The model says "365 d" without a parameter; doc_review_days (default 365) is used.
#     - '"Reviewed after a significant change" accepts a review made while the change was being
#       prepared (on or after its requested_on), since resource lists are usually updated as part of
#       the release (the example bundle reviews the support assistant the day before 2.0 went live);
#       a review older than the change request does not count.'
#     - The latest significant change counts (live by as-of); a review after it also covers earlier ones.
package annexa.iso42001.a4_2

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached(s, "development")
}

# --- R1: each kind of resource is listed.

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	s := records.get(sref)
	missing := [x |
		some x in ["components.datasets", "components.tooling", "components.compute"]
		count(ai2.components(s, split(x, ".")[1])) == 0
	]
	all_missing := array.concat(missing, [x | x := "human_resources"; count(object.get(s, "human_resources", [])) == 0])
	count(all_missing) > 0
	msg := sprintf(
		"%s is at stage %s but lists no %s: record the resources it depends on",
		[sref, ai.stage(s), concat(", ", all_missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system from development on lists its datasets, tools, compute and human resources",
		_population, _r1_items,
	)
}

# --- R2: every referenced resource exists and is in use.

# _refs are [system ref, field path, referenced ref, kind expected].
_refs_p contains [sref, sprintf("components.%s.%d", [field, i]), ref, kind] if {
	some sref in _population
	s := records.get(sref)
	some field, kind in {
		"models": "ModelRecord", "datasets": "Dataset", "tooling": "Asset",
		"compute": "Asset", "suppliers": "Supplier",
	}
	some i, ref in ai2.components(s, field)
}

_refs_p contains [sref, sprintf("human_resources.%d.role", [i]), h.role, "Role"] if {
	some sref in _population
	some i, h in object.get(records.get(sref), "human_resources", [])
}

_r2_items_p contains result.fail("R2", msg, [records.at(records.get(sref), path)]) if {
	some [sref, path, ref, kind] in _refs
	not _resolves(ref, kind)
	msg := sprintf(
		"%s lists %s in %s, which is not an existing %s: record it or fix the reference",
		[sref, ref, path, kind],
	)
}

_resolves(ref, kind) if {
	startswith(ref, concat("", [kind, "/"]))
	records.exists(ref)
}

_r2_items_p contains result.fail("R2", msg, [records.at(records.get(sref), path)]) if {
	some [sref, path, ref, kind] in _refs
	_resolves(ref, kind)
	why := _retired(records.get(ref), kind)
	msg := sprintf("%s lists %s in %s, but it %s: update the resource list", [sref, ref, path, why])
}

_retired(m, "ModelRecord") := sprintf("was retired on %s", [m.retired_on]) if dates.visible(m.retired_on)

_retired(a, "Asset") := sprintf("was retired on %s", [a.lifecycle.retired_on]) if not ops.active_asset(a)

_retired(x, "Supplier") := "is not an active supplier" if not suppliers.active(x)

findings contains f if {
	some f in result.check(
		"R2", "every resource the AI systems list exists and is still in use",
		_population, _r2_items,
	)
}

# --- R3: the list was reviewed within doc_review_days and after each significant change.

_last_reviewed(s) := dates.latest({r.on | some r in object.get(s, "reviews", [])} | records.approved_on(s))

_due(s) := dates.add_days(_last_reviewed(s), input.params.doc_review_days)

_last_change(sref) := max(object.get(ai2.significant_changes, sref, set()))

# _change_start is the day work on a change began: requested_on, else the day it went live.
_change_start(c, _) := dates.day(c.requested_on)

_change_start(c, live) := live if not c.requested_on

_r3_items_p contains result.fail("R3", msg, [sref]) if {
	some sref in _population
	s := records.get(sref)
	not _last_reviewed(s)
	msg := sprintf("the resource list of %s was never reviewed: review it", [sref])
}

_r3_items_p contains result.fail("R3", msg, [sref]) if {
	some sref in _population
	s := records.get(sref)
	_due(s) < input.as_of
	msg := sprintf(
		"the resource list of %s was last reviewed on %s, more than %d days ago (doc_review_days): review it",
		[sref, _last_reviewed(s), input.params.doc_review_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [sref]) if {
	some sref in _population
	due := _due(records.get(sref))
	ops.due_soon(due)
	msg := sprintf("the resource list of %s is due for review on %s", [sref, due])
}

_r3_items_p contains result.fail("R3", msg, [sref]) if {
	some sref in _population
	s := records.get(sref)
	[live, cref] := _last_change(sref)
	since := _change_start(records.get(cref), live)
	_last_reviewed(s) < since
	msg := sprintf(
		"%s (requested %s, live %s) is a significant change of %s, but its resource list was last reviewed on %s: review it",
		[cref, since, live, sref, _last_reviewed(s)],
	)
}

findings contains f if {
	some f in result.check(
		"R3",
		sprintf(
			"every AI system's resource list was reviewed within %d days and after its latest significant change",
			[input.params.doc_review_days],
		),
		_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_r1_items := _r1_items_p

_refs := _refs_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
