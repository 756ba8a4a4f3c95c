# METADATA
# title: Inventory of information and other associated assets
# description: >-
#   The asset inventory is complete and kept up to date: each asset in use is described and has an
#   owner, everything the integrations observe can be traced to an inventory entry, the inventory
#   is reviewed periodically, and assets whose owner has left are handed to someone else in time.
# scope: package
# custom:
#   control: iso27001:A.5.9
#   class: a
#   evidence: [Asset, Person, TestRun, Account, Activity]
#   rules:
#     R1: >-
#       Every Asset not retired by as-of has non-blank asset_type, classification, criticality and
#       environment, and an owner naming a Person record whose start_date is on or before as-of.
#     R2: >-
#       Every resource named by a TestRun performed within lookback_days (results[].resource,
#       coverage.missing[] and reference entries of scope[]) and every Account.system resolves to a
#       record (an Asset reference, or another existing record) or to an Asset external_ids value
#       (also written as <tool>:<value> for a key <tool>_id); the rule fails, listing every unmatched
#       id, when more than unknown_asset_tolerance ids are unmatched.
#     R3: An Activity of type asset-inventory-review was performed within inventory_review_days.
#     R4: >-
#       No Asset in use is owned by a Person whose end_date lies more than owner_reassign_days
#       before as-of; an owner who left less recently is reported at risk when the reassignment
#       deadline falls within at_risk_days.
#   decisions:
#     - The model asks in R1 for an active owner and in R4 allows owner_reassign_days after the owner
#       leaves; to keep both meaningful, R1 fails a missing, unknown or not-yet-started owner and R4
#       alone judges owners who have left.
#     - An asset is in use until its lifecycle.retired_on (the shared ops library's definition).
#     - R2 reads TestRuns of the lookback window (the audit period), because a resource seen by any
#       integration in the period should be inventoried; retired assets keep their records and still
#       resolve. Every Account.system is read, whatever the account's state.
#     - R2 accepts a reference to any existing record (Account/..., AISystem/...) as resolved, since
#       tools also report identities and AI systems; scope entries that are selectors are skipped.
#     - R2 reports one finding per unmatched id, pointing at every field where it was seen.
#     - R3 accepts any outcome; a review that found issues is still a review.
package annexa.iso27001.a5_9

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# _in_use maps the ref of every asset in use to its record.
_in_use := {records.ref(a): a | some a in records.of("Asset"); ops.active_asset(a)}

_assets_in_use := {ref | some ref, _ in _in_use}

_short(s) := concat(", ", sort(s)) if count(s) <= 5

_short(s) := sprintf("%s and %d more", [concat(", ", array.slice(sort(s), 0, 5)), count(s) - 5]) if count(s) > 5

# --- R1: each asset in use is described and owned.

_described := ["asset_type", "classification", "criticality", "environment"]

_blank(a, field) if trim_space(sprintf("%v", [object.get(a, field, "")])) == ""

_problems(a) := array.concat(
	[sprintf("no %s", [field]) | some field in _described; _blank(a, field)],
	[p | some p in _owner_problems(a)],
)

_owner_problems(a) := {"no owner"} if {
	not a.owner
} else := {sprintf("owner %s has no Person record", [a.owner])} if {
	not records.exists(a.owner)
} else := {sprintf("owner %s starts only on %s", [a.owner, p.start_date])} if {
	p := records.get(a.owner)
	not dates.visible(p.start_date)
} else := set()

# _complete holds when an asset plainly has every field and an owner who has started: a cheap
# test that only lets _problems look at the assets it may find a problem with.
_complete(a) if {
	_filled(a.asset_type)
	_filled(a.classification)
	_filled(a.criticality)
	_filled(a.environment)
	startswith(a.owner, "Person/")
	p := input.records.Person[substring(a.owner, 7, -1)]
	substring(p.start_date, 0, 10) <= input.as_of
}

_filled(v) if {
	is_string(v)
	trim_space(v) != ""
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref, a in _in_use
	not _complete(a)
	problems := _problems(a)
	count(problems) > 0
	msg := sprintf("%s has %s: complete its inventory entry", [ref, concat(", ", problems)])
}

findings contains f if {
	some f in result.check(
		"R1", "every asset in use has a type, classification, criticality, environment and owner",
		_assets_in_use, _r1_items,
	)
}

# --- R2: what integrations see resolves to the inventory.

_ref_pattern := `^[A-Z][A-Za-z]+/[A-Za-z0-9][A-Za-z0-9._:-]*$`

# _known holds every external id value, also as <tool>:<value> for a key <tool>_id.
_known_p contains v if {
	some a in records.of("Asset")
	some v in object.get(a, "external_ids", {})
}

_known_p contains concat(":", [trim_suffix(k, "_id"), v]) if {
	some a in records.of("Asset")
	some k, v in object.get(a, "external_ids", {})
	endswith(k, "_id")
}

_lookback_cutoff := dates.cutoff(input.params.lookback_days)

_recent_runs_p contains t if {
	some t in records.of("TestRun")
	dates.since(t.performed_on, _lookback_cutoff)
}

# A sighting is an id that a record names where integrations report what they see: the
# resource of a TestRun result (unless blank), an entry of its coverage.missing, an entry of
# its scope that has the form of a reference, and the system of an Account created by as-of.
# The ids are gathered first (_seen), without the field that names them; the fields are
# written only for the ids that match nothing (_fields).

_visible_accounts := [acc | some acc in records.of("Account"); substring(acc.created_on, 0, 10) <= input.as_of]

_scope_ids := {id | some t in _recent_runs; some id in t.scope}

_seen := (({id | some id in {r.resource | some t in _recent_runs; some r in t.results}; trim_space(id) != ""} | {id |
	some t in _recent_runs
	some id in object.get(object.get(t, "coverage", {}), "missing", [])
}) | {id | some id in _scope_ids; regex.match(_ref_pattern, id)}) | {acc.system | some acc in _visible_accounts}

_unmatched := {id | some id in _seen; not id in _known; not records.exists(id)}

# _sighted holds when a TestRun names any id.
_sighted(t) if {
	some r in t.results
	trim_space(object.get(r, "resource", "")) != ""
}

_sighted(t) if count(object.get(object.get(t, "coverage", {}), "missing", [])) > 0

_sighted(t) if {
	some id in t.scope
	regex.match(_ref_pattern, id)
}

_r2_population := {records.ref(t) | some t in _recent_runs; _sighted(t)} | {records.ref(acc) |
	some acc in _visible_accounts
	acc.system
}

# _fields maps an unmatched id to {field that names it: true}.
_fields := object.union_n(array.concat(
	array.concat(
		[{id: {records.at(t, sprintf("results.%d.resource", [i])): true}} |
			some t in _recent_runs
			some i, r in object.get(t, "results", [])
			id := object.get(r, "resource", "")
			id in _unmatched
			trim_space(id) != ""
		],
		[{id: {records.at(t, sprintf("coverage.missing.%d", [i])): true}} |
			some t in _recent_runs
			some i, id in object.get(object.get(t, "coverage", {}), "missing", [])
			id in _unmatched
		],
	),
	array.concat(
		[{id: {records.at(t, sprintf("scope.%d", [i])): true}} |
			some t in _recent_runs
			some i, id in t.scope
			id in _unmatched
			regex.match(_ref_pattern, id)
		],
		[{acc.system: {records.at(acc, "system"): true}} | some acc in _visible_accounts; acc.system in _unmatched],
	),
))

_r2_items_p contains result.fail("R2", msg, fields) if {
	count(_unmatched) > input.params.unknown_asset_tolerance
	some id in _unmatched
	fields := {at | some at, _ in _fields[id]}
	seen_by := {split(at, "#")[0] | some at in fields}
	msg := sprintf(
		"%s, seen by %s, matches no Asset reference or external_ids value (%d unmatched, unknown_asset_tolerance %d): %s",
		[
			id, _short(seen_by), count(_unmatched), input.params.unknown_asset_tolerance,
			"add it to the inventory or record the id in the Asset's external_ids",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every resource seen by integrations resolves to the inventory (tolerance %d)",
			[input.params.unknown_asset_tolerance],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: the inventory was reviewed within inventory_review_days.

_inventory_reviews_p contains a if {
	some a in records.of("Activity")
	a.activity_type == "asset-inventory-review"
	dates.visible(a.performed_on)
}

_last_review := dates.latest({a.performed_on | some a in _inventory_reviews})

_last_text := _last_review

_last_text := "never" if not _last_review

_last_refs := {records.ref(a) | some a in _inventory_reviews; dates.day(a.performed_on) == last} if {
	last := _last_review
} else := {ops.isms_ref}

default _r3_ok := false

_r3_ok if dates.within(_last_review, input.params.inventory_review_days)

findings contains f if {
	some f in result.require(
		"R3", _r3_ok,
		sprintf(
			"the asset inventory was last reviewed on %s, within %d days",
			[_last_text, input.params.inventory_review_days],
		),
		sprintf(
			"no asset-inventory-review Activity within inventory_review_days %d of %s (last: %s): %s",
			[input.params.inventory_review_days, input.as_of, _last_text, "review the inventory and record it"],
		),
		_last_refs,
	)
}

# --- R4: assets of owners who left are reassigned within owner_reassign_days.

_owner_left(a) := _leavers[a.owner]

# _leavers maps the ref of every person who left by as-of to their end date.
_leavers := {records.ref(p): p.end_date | some p in records.of("Person"); dates.visible(p.end_date)}

_reassign_by(a) := dates.add_days(_owner_left(a), input.params.owner_reassign_days)

# _orphaned maps an asset in use whose owner left to its record.
_orphaned := {ref: a | some ref, a in _in_use; _leavers[a.owner]}

_r4_items_p contains result.fail("R4", msg, [records.at(a, "owner")]) if {
	some ref, a in _orphaned
	_reassign_by(a) < input.as_of
	msg := sprintf(
		"%s is still owned by %s, who left on %s; it had to be reassigned by %s (owner_reassign_days %d): %s",
		[
			ref, a.owner, _owner_left(a), _reassign_by(a), input.params.owner_reassign_days,
			"assign an owner who works here now",
		],
	)
}

_r4_items_p contains result.at_risk("R4", msg, [records.at(a, "owner")]) if {
	some ref, a in _orphaned
	ops.due_soon(_reassign_by(a))
	msg := sprintf("%s is owned by %s, who left on %s: reassign it by %s", [ref, a.owner, _owner_left(a), _reassign_by(a)])
}

findings contains f if {
	some f in result.check(
		"R4", sprintf(
			"no asset in use is owned by someone who left more than %d days ago",
			[input.params.owner_reassign_days],
		),
		_assets_in_use, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_known := _known_p

_recent_runs := _recent_runs_p

_r2_items := _r2_items_p

_inventory_reviews := _inventory_reviews_p

_r4_items := _r4_items_p
