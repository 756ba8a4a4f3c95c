# METADATA
# title: Acquisition of data
# description: >-
#   Every dataset used to build or test an AI system records where it came from, when and how
#   it was collected and by what right it is used; data bought or received from a supplier comes
#   from a supplier we had a signed contract with at the time; and no dataset is used under a
#   licence the organization does not allow.
# scope: package
# custom:
#   control: iso42001:A.7.3
#   class: a
#   evidence: [Dataset, Supplier, AISystem, ModelRecord]
#   rules:
#     R1: >-
#       Every development Dataset in use (any purpose except production-input; referenced by an AI
#       system in service or used by a model version deployed in the lookback window) records
#       acquisition.source_type, acquisition.acquired_on, a non-empty acquisition.collection_method
#       and acquisition.rights_basis.
#     R2: >-
#       Every such Dataset whose acquisition.source_type is supplier, or that names
#       acquisition.supplier, names a Supplier record whose relationship was active on the day the
#       data was acquired (acquired_on, else the as-of date) and whose contract.signed_on lies on
#       or before that day.
#     R3: >-
#       Every such Dataset used under a licence (rights_basis license, or a license_id recorded)
#       has a license_id, and that licence is not one of disallowed_data_licenses; a missing
#       license_id counts as the licence unknown.
#   decisions:
#     - The model says training/evaluation datasets; validation and test sets are included, only
#       production input is left out, because its acquisition is governed by the customer terms.
#     - The supplier must have been under contract when the data was acquired, not necessarily
#       today; data obtained under a contract that has since ended may still be used as that
#       contract allows (the auditor samples the terms).
#     - Licences are matched without regard to case. The default entry non-commercial is a class,
#       not an SPDX id, so it also matches licence ids with an NC element (CC-BY-NC-4.0,
#       CC-BY-NC-SA-4.0); the entry unknown also matches a licensed dataset without license_id.
package annexa.iso42001.a7_3

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_population := {ref | some ref in ai3.datasets_recorded; ai3.development(records.get(ref))}

# --- R1: the acquisition record is complete.

_acq(d) := object.get(d, "acquisition", {})

_filled(d, field) if trim_space(sprintf("%v", [object.get(_acq(d), field, "")])) != ""

_missing(d) := [field |
	some field in ["source_type", "acquired_on", "collection_method", "rights_basis"]
	not _filled(d, field)
]

_r1_items_p contains result.fail("R1", msg, [_acq_ref(d)]) if {
	some ref in _population
	d := records.get(ref)
	missing := _missing(d)
	count(missing) > 0
	msg := sprintf(
		"%s (%s) does not record acquisition %s: record where, when, how and by what right it was obtained",
		[ref, d.purpose, concat(", ", missing)],
	)
}

_acq_ref(d) := records.at(d, "acquisition") if d.acquisition

_acq_ref(d) := records.ref(d) if not d.acquisition

findings contains f if {
	some f in result.check(
		"R1", "every development dataset in use records its source, acquisition date, collection method and rights",
		_population, _r1_items,
	)
}

# --- R2: supplier data comes from a supplier under contract.

_r2_population := {ref |
	some ref in _population
	_from_supplier(records.get(ref))
}

_from_supplier(d) if d.acquisition.source_type == "supplier"

_from_supplier(d) if d.acquisition.supplier

_day(d) := dates.day(d.acquisition.acquired_on)

_day(d) := input.as_of if not d.acquisition.acquired_on

_r2_items_p contains result.fail("R2", msg, [records.at(d, "acquisition")]) if {
	some ref in _r2_population
	d := records.get(ref)
	not d.acquisition.supplier
	msg := sprintf("%s came from a supplier but names none: record acquisition.supplier", [ref])
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "acquisition.supplier")]) if {
	some ref in _r2_population
	d := records.get(ref)
	d.acquisition.supplier
	not records.exists(d.acquisition.supplier)
	msg := sprintf("%s names supplier %s, which has no Supplier record: record it", [ref, d.acquisition.supplier])
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "acquisition.supplier")]) if {
	some ref in _r2_population
	d := records.get(ref)
	s := records.get(d.acquisition.supplier)
	not suppliers.active_on(s, _day(d))
	msg := sprintf(
		"%s was acquired on %s from %s, whose relationship was not active then (start %s, end %s): %s",
		[
			ref, _day(d), d.acquisition.supplier, object.get(s, ["relationship", "start_on"], "none"),
			object.get(s, ["relationship", "end_on"], "none"), "take data only from suppliers under contract",
		],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "acquisition.supplier")]) if {
	some ref in _r2_population
	d := records.get(ref)
	s := records.get(d.acquisition.supplier)
	not _signed_by(s, _day(d))
	msg := sprintf(
		"%s was acquired on %s from %s, which had no signed contract by then (signed_on %s): sign one first",
		[ref, _day(d), d.acquisition.supplier, object.get(s, ["contract", "signed_on"], "none")],
	)
}

_signed_by(s, day) if s.contract.signed_on <= day

findings contains f if {
	some f in result.check(
		"R2", "every dataset obtained from a supplier came from one under a signed contract at the time",
		_r2_population, _r2_items,
	)
}

# --- R3: no disallowed licence.

_r3_population := {ref |
	some ref in _population
	_licensed(records.get(ref))
}

_licensed(d) if d.acquisition.rights_basis == "license"

_licensed(d) if _filled(d, "license_id")

_license(d) := trim_space(d.acquisition.license_id) if _filled(d, "license_id")

_license(d) := "unknown" if not _filled(d, "license_id")

# _banned returns the entries of disallowed_data_licenses that a licence id matches.
_banned(id) := {e | some e in input.params.disallowed_data_licenses; _matches(lower(id), lower(e))}

_matches(id, e) if id == e

_matches(id, "non-commercial") if regex.match(`(^|[-_ .])nc([-_ .]|$)`, id)

_r3_items_p contains result.fail("R3", msg, [_acq_ref(d)]) if {
	some ref in _r3_population
	d := records.get(ref)
	banned := _banned(_license(d))
	count(banned) > 0
	msg := sprintf(
		"%s is used under licence %s, which disallowed_data_licenses excludes (%s): replace the data or its licence",
		[ref, _license(d), concat(", ", sort(banned))],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "no dataset in use is held under a licence in disallowed_data_licenses",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
