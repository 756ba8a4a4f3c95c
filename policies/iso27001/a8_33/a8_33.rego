# METADATA
# title: Test information
# description: >-
#   Data used for testing is chosen and protected with care: a copy of production data in a test
#   store needs an approved, time-limited authorisation, must be masked and must be deleted on
#   schedule, and the owner of every other test store vouches that it holds synthetic data only.
# scope: package
# custom:
#   control: iso27001:A.8.33
#   class: b
#   evidence: [Asset, Exception, TestRun, Attestation, Person]
#   rules:
#     R1: >-
#       Every active staging, test or dev Asset with derived_from_production true has a valid
#       Exception (approved by a holder of exception_approver_roles other than the requester,
#       unexpired, at most exception_max_days) that names it together with rule:8.33/R1 or the
#       control, masking_applied true (as A.8.11 requires), no failing result about it in its latest
#       pii-scan TestRun, and a planned deletion date (lifecycle.in_service_on + pii.retention_days,
#       where given) that has not passed.
#     R2: >-
#       Every other active staging, test or dev data store (Asset of asset_type data-store whose
#       derived_from_production is not true) is covered by a current Attestation of
#       iso27001:A.8.33 whose scope names it, made by the store's owner (any role, holding it on the
#       day of attesting, valid at most attestation_max_days), that its test data is synthetic.
#   decisions:
#     - >-
#       The model's "approved Exception/authorisation" is an Exception record scoped to this rule or
#       control (as lib/network reads scoped exceptions); an Exception for rule:8.31/R3 or A.8.31 is
#       accepted too, since A.8.31 R3 asks for the same conditions (shared in lib/sdlc).
#     - >-
#       "Masking per 8.11" is read as masking_applied true and no failed check in the store's latest
#       PII scan; how fresh that scan must be is A.8.11's rule, so R1 sets no age limit of its own.
#     - >-
#       The model has no planned-deletion field. The copy's retention (in_service_on +
#       pii.retention_days) is its planned deletion date; without those fields the Exception's
#       expiry bounds the copy, since an expired Exception fails R1.
#     - >-
#       The model names the owner, not a role, as attester: R2 takes valid attestations in any role
#       (lib/attest) and requires attested_by to be the Asset's owner. When a store has no owner
#       field, nobody qualifies and R2 fails.
#     - >-
#       R1 covers production copies of any asset type (derived_from_production is what makes them
#       test information); R2 covers data stores, where test data lives, and judges an unset
#       derived_from_production like false, so an undeclared store still needs the attestation.
package annexa.iso27001.a8_33

import data.annexa.lib.attest
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import rego.v1

_control := "iso27001:A.8.33"

# --- R1: production copies authorised, masked and deleted on time.

_r1_population := sdlc.production_copies

_r1_items_p contains result.fail("R1", msg, [records.at(records.get(ref), "derived_from_production")]) if {
	some ref, problems in sdlc.copy_problems
	msg := sprintf(
		concat("", [
			"%s (%s) holds a copy of production data, but %s: ",
			"authorise, mask and schedule the deletion of the copy, or remove it",
		]),
		[ref, records.get(ref).environment, concat("; ", sort(problems))],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every copy of production data in a test store is authorised, masked and within its deletion date",
		_r1_population, _r1_items,
	)
}

# --- R2: owner attestation that other test stores hold synthetic data.

_copy(a) if a.derived_from_production == true

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "data-store"
	a.environment in sdlc.nonprod_environments
	not _copy(a)
	ops.active_asset(a)
}

_owner(ref) := object.get(records.get(ref), "owner", "no owner")

_by_owner(ref) := {x | some x in attest.current(_control, set(), ref); records.get(x).attested_by == _owner(ref)}

_others(ref) := {sprintf("%s is made by %s", [x, records.get(x).attested_by]) |
	some x in attest.current(_control, set(), ref)
	records.get(x).attested_by != _owner(ref)
}

_why(ref) := concat("; ", sort(_others(ref))) if count(_others(ref)) > 0

_why(ref) := attest.why_not(_control, set(), ref) if count(_others(ref)) == 0

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	count(_by_owner(ref)) == 0
	msg := sprintf(
		concat("", [
			"%s has no current Attestation of %s by its owner %s that its test data is synthetic (%s): ",
			"have the owner attest it, or record the store as a production copy",
		]),
		[ref, _control, _owner(ref), _why(ref)],
	)
}

_r2_refs := {x | some ref in _r2_population; some x in _by_owner(ref)}

findings contains f if {
	some f in result.check(
		"R2", "the owner of every other test data store attests that it holds synthetic data",
		_r2_population | _r2_refs, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p
