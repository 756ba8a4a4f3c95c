# METADATA
# title: Classification of information
# description: >-
#   Information is classified under one approved scheme: the scheme and its levels are in force,
#   every information asset, data store, repository and dataset carries one of those levels, and
#   the labels were confirmed in a recent review of the inventory.
# scope: package
# custom:
#   control: iso27001:A.5.12
#   class: a
#   evidence: [Document, Asset, Dataset, Activity, ManagementSystem]
#   rules:
#     R1: >-
#       A current Document (published, approved for its version, not superseded) with topic
#       classification has a non-empty levels list.
#     R2: >-
#       Every Asset in service of asset_type information, data-store or repository, and every Dataset,
#       has a classification that is one of the levels of the current classification schemes.
#     R3: >-
#       Every asset and dataset of R2 was confirmed by an Activity of type asset-inventory-review
#       performed within inventory_review_days: the review names it in subject_refs, or names no
#       individual Asset or Dataset (a review of the whole inventory).
#   decisions:
#     - Levels are compared in lower case; when several schemes are current, a level of any of them
#       counts.
#     - R2 fails every item when there is no current scheme, since no label can then be valid; R1 says
#       why.
#     - R3 mirrors 5.9 R3 (inventory review within inventory_review_days); a review listing only some
#       assets confirms only those, so a partial review cannot vouch for the rest.
package annexa.iso27001.a5_12

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current classification scheme with levels.

_without_levels := org.current_docs("classification") - org.schemes

_r1_refs := org.schemes if count(org.schemes) > 0

_r1_refs := _without_levels | {ops.isms_ref} if count(org.schemes) == 0

findings contains f if {
	some f in result.require(
		"R1", count(org.schemes) > 0,
		"a current classification scheme defines its levels",
		sprintf(
			"no current classification scheme with levels at %s (current classification documents without levels: %s): %s",
			[input.as_of, org.listing(_without_levels), "publish and approve one that lists its levels"],
		),
		_r1_refs,
	)
}

# --- R2: every information asset and dataset carries a level of the scheme.

_classified_types := {"information", "data-store", "repository"}

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in _classified_types
	ops.active_asset(a)
}

_r2_population_p contains records.ref(d) if some d in records.of("Dataset")

_label(x) := lower(object.get(x, "classification", ""))

_r2_items_p contains result.fail("R2", msg, [records.at(x, "classification")]) if {
	some ref in _r2_population
	x := records.get(ref)
	not _label(x) in org.scheme_levels
	msg := sprintf(
		"%s is classified %q, which is not a level of the current classification scheme (%s): %s",
		[ref, object.get(x, "classification", ""), _levels_text, "give it one of those levels"],
	)
}

_levels_text := concat(", ", sort(org.scheme_levels)) if count(org.scheme_levels) > 0

_levels_text := "no scheme in force" if count(org.scheme_levels) == 0

findings contains f if {
	some f in result.check(
		"R2", "every information asset, data store, repository and dataset carries a level of the classification scheme",
		_r2_population, _r2_items,
	)
}

# --- R3: classifications confirmed by a recent inventory review.

_inventory_reviews_p contains a if {
	some a in records.of("Activity")
	a.activity_type == "asset-inventory-review"
	dates.visible(a.performed_on)
}

_recent_p contains a if {
	some a in _inventory_reviews
	dates.within(a.performed_on, input.params.inventory_review_days)
}

_names_items(a) if {
	some s in a.subject_refs
	split(s, "/")[0] in {"Asset", "Dataset"}
}

_whole_inventory_reviewed if {
	some a in _recent
	not _names_items(a)
}

_confirmed_p contains s if {
	some a in _recent
	some s in a.subject_refs
}

_last_review := dates.latest({a.performed_on | some a in _inventory_reviews}) if count(_inventory_reviews) > 0

_last_review := "never" if count(_inventory_reviews) == 0

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	not _whole_inventory_reviewed
	some ref in _r2_population
	not ref in _confirmed
	msg := sprintf(
		"the classification of %s was not confirmed by an asset-inventory review within %d days (%s) of %s %s: %s",
		[
			ref, input.params.inventory_review_days, "inventory_review_days", input.as_of,
			sprintf("(last review: %s)", [_last_review]),
			"review the inventory and its labels",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"classifications were confirmed by an inventory review within %d days",
			[input.params.inventory_review_days],
		),
		_r2_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r2_population := _r2_population_p

_r2_items := _r2_items_p

_inventory_reviews := _inventory_reviews_p

_recent := _recent_p

_confirmed := _confirmed_p

_r3_items := _r3_items_p
