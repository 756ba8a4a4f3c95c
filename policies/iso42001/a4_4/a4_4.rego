# METADATA
# title: Tooling resources
# description: >-
#   Every AI system from development on names the tools it is built, evaluated and run with, each
#   tool is an inventoried asset with a recorded version, an owner still working for the
#   organization and, when it comes from outside, an active supplier; and where a model version
#   records the tools it was trained with, they agree with that inventory.
# scope: package
# custom:
#   control: iso42001:A.4.4
#   class: a
#   evidence: [AISystem, Asset, Supplier, Person, ModelRecord]
#   rules:
#     R1: >-
#       Every AI system in service at stage development or later lists at least one entry in
#       components.tooling, every entry is an existing Asset, and every listed Asset of asset_type
#       tool or software records its version in external_ids.tool_version (or external_ids.version).
#     R2: >-
#       Every listed tooling Asset has an owner who is an active person, and one that names a
#       supplier names an existing Supplier whose relationship is running at as-of.
#     R3: >-
#       Where a deployed model version of such a system records the tools it was trained with (a
#       links.tooling list on the ModelRecord), each of them is in the system's components.tooling
#       and was in service when the model was trained (lifecycle.in_service_on, when set, on or
#       before training.trained_on, and not retired before it).
#   decisions:
#     - Asset has no version field; the version is read from external_ids, the only free map of the
#       schema (the example bundle uses external_ids.tool_version). Data stores and other assets
#       listed as tooling are not versioned software and need no version.
#     - A tool is third-party when its Asset names a supplier; without that field the engine cannot
#       tell and asks nothing more.
#     - ModelRecord.training has no field for tool versions, so the model's "tool versions agree with
#       the training metadata" is checked where a model records its tools, through the envelope
#       links (links.tooling); a ModelRecord without it is out of the population, and R3 reports
#       not_exercised when no model records its tools. A training.tools field with versions in the
#       schema would let R3 compare versions.
#     - Deployed model versions are data.annexa.lib.ai.deployed, as in A.6.2.4; a model without
#       trained_on is compared at its deployment day.
package annexa.iso42001.a4_4

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached(s, "development")
}

# _tools are [system ref, index, asset ref] of every listed tool.
_tools_p contains [sref, i, ref] if {
	some sref in _population
	some i, ref in ai2.components(records.get(sref), "tooling")
}

_tool_at(sref, i) := records.at(records.get(sref), sprintf("components.tooling.%d", [i]))

# --- R1: tools listed, inventoried and versioned.

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	s := records.get(sref)
	count(ai2.components(s, "tooling")) == 0
	msg := sprintf(
		"%s is at stage %s but lists no components.tooling: record the tools it is built and run with",
		[sref, ai.stage(s)],
	)
}

_r1_items_p contains result.fail("R1", msg, [_tool_at(sref, i)]) if {
	some [sref, i, ref] in _tools
	not _asset(ref)
	msg := sprintf("%s lists tool %s, which is not an existing Asset: inventory it", [sref, ref])
}

_asset(ref) := a if {
	startswith(ref, "Asset/")
	a := records.get(ref)
}

_versioned_types := {"tool", "software"}

_version(a) := v if {
	some key in ["tool_version", "version"]
	v := a.external_ids[key]
	trim_space(v) != ""
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some [sref, _, ref] in _tools
	a := _asset(ref)
	a.asset_type in _versioned_types
	not _version(a)
	msg := sprintf(
		"%s, a %s used by %s, records no version (external_ids.tool_version): record the version in use",
		[ref, a.asset_type, sref],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system from development on lists its tools as inventoried assets with versions",
		_population, _r1_items,
	)
}

# --- R2: owners and suppliers of the tools.

_r2_population := {ref | some [_, _, ref] in _tools; _asset(ref)}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "owner")]) if {
	some ref in _r2_population
	a := _asset(ref)
	not people.active_ref(a.owner)
	msg := sprintf("the owner of tool %s, %s, is not an active person at %s: assign an owner", [ref, a.owner, input.as_of])
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "supplier")]) if {
	some ref in _r2_population
	a := _asset(ref)
	not _supplier_active(a.supplier)
	msg := sprintf(
		"tool %s comes from %s, which is not an active supplier at %s: record the supplier relationship",
		[ref, a.supplier, input.as_of],
	)
}

_supplier_active(ref) if suppliers.active(records.get(ref))

findings contains f if {
	some f in result.check(
		"R2", "every tool of an AI system has an active owner, and third-party tools an active supplier",
		_r2_population, _r2_items,
	)
}

# --- R3: tools recorded for a model's training agree with the inventory.

# _trained_with are [model ref, index, asset ref] for deployed models that record their tools.
_trained_with_p contains [mref, i, ref] if {
	some mref in ai.deployed_models
	m := records.get(mref)
	m.ai_system in _population
	some i, ref in object.get(m, ["links", "tooling"], [])
}

_trained_on(m) := dates.day(m.training.trained_on)

_trained_on(m) := ai.deploy_day(m) if not m.training.trained_on

_r3_items_p contains result.fail("R3", msg, [records.at(m, sprintf("links.tooling.%d", [i]))]) if {
	some [mref, i, ref] in _trained_with
	m := records.get(mref)
	not ref in ai2.components(records.get(m.ai_system), "tooling")
	msg := sprintf(
		"%s was trained with %s, which %s does not list in components.tooling: add it to the tool inventory",
		[mref, ref, m.ai_system],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(m, sprintf("links.tooling.%d", [i]))]) if {
	some [mref, i, ref] in _trained_with
	m := records.get(mref)
	a := _asset(ref)
	why := _not_in_service(a, _trained_on(m))
	msg := sprintf("%s was trained on %s with %s, which %s: correct the training record or the inventory", [
		mref, _trained_on(m), ref, why,
	])
}

_r3_items_p contains result.fail("R3", msg, [records.at(m, sprintf("links.tooling.%d", [i]))]) if {
	some [mref, i, ref] in _trained_with
	m := records.get(mref)
	not _asset(ref)
	msg := sprintf("%s names %s in links.tooling, which is not an existing Asset: inventory it", [mref, ref])
}

_not_in_service(a, d) := sprintf("went into service only on %s", [a.lifecycle.in_service_on]) if {
	dates.day(a.lifecycle.in_service_on) > d
} else := sprintf("was retired on %s", [a.lifecycle.retired_on]) if {
	dates.day(a.lifecycle.retired_on) < d
}

findings contains f if {
	some f in result.check(
		"R3", "the tools deployed models record for their training are inventoried and were in service then",
		{mref | some [mref, _, _] in _trained_with}, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_tools := _tools_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_trained_with := _trained_with_p

_r3_items := _r3_items_p
