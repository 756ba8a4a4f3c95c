# METADATA
# title: Legal, statutory, regulatory and contractual requirements
# description: >-
#   The organisation keeps a register of the laws, regulations and contracts it must follow; each
#   entry has an owner, says what it covers and how it is met, is looked at again every period,
#   and every country or region where our data is kept or processed is covered by at least one
#   entry that is up to date.
# scope: package
# custom:
#   control: iso27001:A.5.31
#   class: a
#   evidence: [LegalRequirement, ManagementSystem, Supplier, Asset, Site]
#   rules:
#     R1: >-
#       The register holds at least one LegalRequirement, and every entry has an owner, a type, a
#       non-empty applies_to and a non-empty addressed_by.
#     R2: >-
#       Every LegalRequirement was reviewed within legal_review_days: its latest review entry,
#       approval or recorded_on date (dated by the as-of date) lies in the window.
#     R3: >-
#       Every jurisdiction where data is located has at least one LegalRequirement reviewed within
#       legal_review_days whose jurisdiction names it (an EU member state is also covered by an
#       entry for EU). Jurisdictions are read from the cloud.data_locations of active suppliers
#       (the first word of each entry, such as DE in "DE (eu-central-1)"), from the region of
#       active assets and from the cloud-region Sites in the ISMS boundaries (their id ends with
#       the region), through a table of the common AWS, Azure and Google Cloud regions.
#   decisions:
#     - >-
#       The schema gives Sites and Persons no country field, so offices and people's locations
#       cannot imply jurisdictions; only supplier data locations, asset regions and cloud-region
#       sites do. Regions missing from the table are skipped rather than guessed.
#     - Jurisdictions are compared as upper-case codes of their first word ("customers (EU)" reads CUSTOMERS).
#     - Creating an entry counts as its first review (recorded_on), so a new entry is not stale on day one.
package annexa.iso27001.a5_31

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_register := {records.ref(l) | some l in records.of("LegalRequirement")}

# --- R1: a complete register.

_required_fields := ["owner", "type", "applies_to", "addressed_by"]

_gaps(l) := {f | some f in _required_fields; _empty(object.get(l, f, null))}

_empty(v) if v == null

_empty(v) if v == ""

_empty(v) if v == []

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_register) == 0
	msg := concat("", [
		"the legal register is empty (no LegalRequirement records): ",
		"record the laws, regulations and contracts that apply",
	])
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _register
	l := records.get(ref)
	gaps := _gaps(l)
	count(gaps) > 0
	msg := sprintf("%s lacks %s: complete the register entry", [ref, concat(", ", sort(gaps))])
}

findings contains f if {
	some f in result.check(
		"R1", "the legal register is complete: every entry has an owner, type, scope and measures",
		_register, _r1_items,
	)
}

# --- R2: entries reviewed within legal_review_days.

_dates(l) := ({r.on | some r in object.get(l, "reviews", [])} | records.approved_on(l)) | {d | d := l.recorded_on}

_last_review(l) := dates.latest(_dates(l))

_fresh(l) if dates.within(_last_review(l), input.params.legal_review_days)

_shown_review(l) := _last_review(l)

_shown_review(l) := "never" if not _last_review(l)

_r2_items_p contains result.fail("R2", msg, [records.at(l, "reviews")]) if {
	some ref in _register
	l := records.get(ref)
	not _fresh(l)
	msg := sprintf(
		"%s was last reviewed on %s, more than legal_review_days (%d) before %s: review it and record the review",
		[ref, _shown_review(l), input.params.legal_review_days, input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every legal register entry was reviewed within %d days", [input.params.legal_review_days]),
		_register, _r2_items,
	)
}

# --- R3: every jurisdiction where data lives is covered by a reviewed entry.

_code(s) := upper(split(trim_space(split(s, "(")[0]), " ")[0])

_eu := {
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
	"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}

# _regions maps common cloud region names to the country they are in.
_regions := {
	"us-east-1": "US", "us-east-2": "US", "us-west-1": "US", "us-west-2": "US", "ca-central-1": "CA",
	"eu-central-1": "DE", "eu-central-2": "CH", "eu-west-1": "IE", "eu-west-2": "GB", "eu-west-3": "FR",
	"eu-north-1": "SE", "eu-south-1": "IT", "eu-south-2": "ES", "ap-south-1": "IN", "ap-northeast-1": "JP",
	"ap-northeast-2": "KR", "ap-northeast-3": "JP", "ap-southeast-1": "SG", "ap-southeast-2": "AU",
	"ap-east-1": "HK", "sa-east-1": "BR", "me-south-1": "BH", "me-central-1": "AE", "af-south-1": "ZA",
	"il-central-1": "IL",
	"europe-west1": "BE", "europe-west2": "GB", "europe-west3": "DE", "europe-west4": "NL",
	"europe-west6": "CH", "europe-west8": "IT", "europe-west9": "FR", "europe-west10": "DE",
	"europe-west12": "IT", "europe-north1": "FI", "europe-central2": "PL", "europe-southwest1": "ES",
	"us-central1": "US", "us-east1": "US", "us-east4": "US", "us-west1": "US", "us-west2": "US",
	"westeurope": "NL", "northeurope": "IE", "germanywestcentral": "DE", "francecentral": "FR",
	"uksouth": "GB", "ukwest": "GB", "swedencentral": "SE", "switzerlandnorth": "CH", "eastus": "US",
	"eastus2": "US", "westus": "US", "westus2": "US", "centralus": "US",
}

_implied := {k: vs |
	some k in {x[0] | some x in _implied_rows}
	vs := {x[1] | some x in _implied_rows; x[0] == k}
}

_implied_rows := ({[_code(loc), records.at(s, sprintf("cloud.data_locations.%d", [k]))] |
	some s in records.of("Supplier")
	suppliers.active(s)
	some k, loc in object.get(s, ["cloud", "data_locations"], [])
} | {[_regions[a.region], records.at(a, "region")] |
	some a in records.of("Asset")
	ops.active_asset(a)
}) | {[code, records.ref(site)] |
	some site in records.of("Site")
	site.site_type == "cloud-region"
	_in_scope(site)
	some region, code in _regions
	endswith(site.id, region)
}

_isms_sites := {x |
	some ms in records.of("ManagementSystem")
	ms.standard == "iso27001:2022"
	some x in ms.boundaries.sites
}

_in_scope(_) if count(_isms_sites) == 0

_in_scope(site) if records.ref(site) in _isms_sites

_covering_p contains _code(l.jurisdiction) if {
	some l in records.of("LegalRequirement")
	_fresh(l)
}

_covered(code) if code in _covering

_covered(code) if {
	code in _eu
	"EU" in _covering
}

_r3_population := {ref | some _, refs in _implied; some ref in refs}

_r3_items_p contains result.fail("R3", msg, sort(refs)) if {
	some code, refs in _implied
	not _covered(code)
	msg := sprintf(
		"data is kept in %s (%s) but no legal register entry for %s%s was reviewed within %d days: %s",
		[
			code, concat(", ", sort(refs)), code, _or_eu(code), input.params.legal_review_days,
			"add or review the requirements that apply there",
		],
	)
}

_or_eu(code) := " or EU" if code in _eu

_or_eu(code) := "" if not code in _eu

findings contains f if {
	some f in result.check(
		"R3", "every jurisdiction where data is kept has a reviewed legal register entry",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_covering := _covering_p

_r3_items := _r3_items_p
