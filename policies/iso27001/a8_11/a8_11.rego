# METADATA
# title: Data masking
# description: >-
#   Written masking rules are in force; non-production data stores that hold a copy of
#   production data have it masked unless an approved exception allows otherwise; and what each
#   non-production data store holds is confirmed recently, by a scan for personal data or,
#   without one, by a time-limited statement of the store's owner.
# scope: package
# custom:
#   control: iso27001:A.8.11
#   class: b
#   evidence: [Document, Asset, TestRun, Attestation, Exception, Person]
#   rules:
#     R1: >-
#       A current Document (published, approved for its version, not superseded) with topic
#       data-masking exists.
#     R2: >-
#       Every active data-store Asset in a non-production environment (staging, test, dev) with
#       derived_from_production true has masking_applied true, or is listed by a valid Exception.
#     R3: >-
#       Every active non-production data store not listed by a valid Exception is confirmed: its
#       latest pii-scan TestRun, performed within masking_scan_days (90 unless the organisation sets
#       it), reports only passing results about it; without such a scan, a current Attestation of
#       iso27001:A.8.11 made by the store's owner covers it in its scope.
#   decisions:
#     - R3 includes stores that declare no production data (derived_from_production false or
#       missing), because that flag is self-declared and the scan or the owner's statement is what
#       shows it; the example bundle confirms Asset/db-staging both ways.
#     - The model fixes the scan window at 90 days without naming a parameter; the rule reads
#       input.params.masking_scan_days and falls back to 90, and the parameter should be added to
#       section 6.1 and the schema.
#     - The attesting role is the store's owner (Asset.owner), in any Role, through lib/attest (valid
#       dates, attestation_max_days, role held on the day, handled exceptions); Cloud "encryption at rest"
#       checks are ignored, as the model notes they are not masking evidence.
#     - Exceptions are valid as in lib/tech (approver role, expiry, exception_max_days) and must list
#       the Asset ref in applies_to.
package annexa.iso27001.a8_11

import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_control := "iso27001:A.8.11"

# --- R1: masking rules in force.

_r1_population := {records.ref(d) |
	some d in records.of("Document")
	d.topic == "data-masking"
	docs.current(d)
}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_r1_population) == 0
	msg := sprintf(
		"no current masking rules at %s: publish a Document with topic data-masking and approve its version",
		[input.as_of],
	)
}

findings contains f if {
	some f in result.check("R1", "current masking rules are in force", _r1_population, _r1_items)
}

# --- R2: production copies masked or excepted.

_non_prod := {"staging", "test", "dev"}

_stores_p contains a if {
	some a in records.of("Asset")
	a.asset_type == "data-store"
	a.environment in _non_prod
	ops.active_asset(a)
}

_r2_population := {records.ref(a) | some a in _stores; a.derived_from_production == true}

_masked(ref) if records.get(ref).masking_applied == true

_r2_items_p contains result.fail("R2", msg, [records.at(records.get(ref), "masking_applied")]) if {
	some ref in _r2_population
	not _masked(ref)
	not tech.excepted(ref)
	msg := sprintf(
		"%s (%s) holds a copy of production data without masking (masking_applied): mask it or record an approved Exception",
		[ref, records.get(ref).environment],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every non-production copy of production data is masked or excepted",
		_r2_population, _r2_items,
	)
}

# --- R3: contents confirmed by a scan or the owner's attestation.

_scan_days := object.get(input.params, "masking_scan_days", 90)

_r3_population := {records.ref(a) | some a in _stores; not tech.excepted(records.ref(a))}

# _idx indexes the results of the pii scans.
_idx := tech.index({"pii-scan"})

_scan_cutoff := dates.cutoff(_scan_days)

_scanned(ref) if {
	cs := tech.latest_in(_idx, ref, `.`)
	dates.since(tech.checks_on(cs), _scan_cutoff)
	every o in cs {
		o.status == "pass"
	}
}

_scan_text(ref) := sprintf("latest pii-scan %s", [tech.checks_on(tech.latest_in(_idx, ref, `.`))])

_scan_text(ref) := "no pii-scan" if not tech.latest_in(_idx, ref, `.`)

_owner_attests(ref) if {
	owner := records.get(ref).owner
	some a in attest.current(_control, set(), ref)
	records.get(a).attested_by == owner
}

_attest_text(ref) := sprintf("%s not made by the owner", [concat(", ", sort(current))]) if {
	current := attest.current(_control, set(), ref)
	count(current) > 0
} else := attest.why_not(_control, set(), ref)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	not _scanned(ref)
	not _owner_attests(ref)
	msg := sprintf(
		concat("", [
			"%s has no passing pii-scan in the last %d days (masking_scan_days; %s) and no current Attestation of %s ",
			"by its owner %s (%s): scan it or have the owner attest what it holds",
		]),
		[ref, _scan_days, _scan_text(ref), _control, object.get(records.get(ref), "owner", "(none)"), _attest_text(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"what every non-production data store holds is confirmed by a pii-scan within %d days or its owner's attestation",
			[_scan_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_stores := _stores_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
