# METADATA
# title: Physical security perimeters
# description: >-
#   Every site in scope declares its zones, how restricted each is and how each is protected.
#   Sites run by a supplier rest on the operator's current certification; sites we run are
#   inspected and attested, for a limited time, by the facilities or security role, with the
#   inspection record pinned by its digest.
# scope: package
# custom:
#   control: iso27001:A.7.1
#   class: b
#   evidence: [ManagementSystem, Site, Supplier, Attestation, Person]
#   rules:
#     R1: >-
#       Every in-scope Site that is not inherited has a Site record with at least one zone, and every
#       zone lists at least one measure (its level is required by the schema).
#     R2: >-
#       Every in-scope Site operated by a Supplier is inherited (the operator has a certification with
#       scope_covers_service valid at as-of or within supplier_cert_grace_days after valid_to), or,
#       failing that, has a local attestation as R3 requires.
#     R3: >-
#       Every in-scope Site we operate ourselves has a current Attestation of iso27001:A.7.1 covering
#       it, made by a holder of Role/facilities-lead or Role/isms-manager (valid at as-of, no longer
#       than attestation_max_days, exceptions handled), with basis inspection and at least one
#       evidence entry carrying a sha256.
#   decisions:
#     - In-scope sites are the ISMS boundaries.sites; when no ISMS record states its sites, every
#       Site record counts (lib physical). A listed site without a record counts as self-operated.
#     - R1 leaves out inherited sites, whose zones are the certified operator's business.
#     - A supplier-run site whose operator has no current certificate can still pass R2 on the same
#       local attestation a self-operated site needs, so a co-working space is not stuck.
#     - The model names "the facilities/security role"; R3 accepts Role/facilities-lead (the model's
#       inspection example) and Role/isms-manager.
package annexa.iso27001.a7_1

import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.1"

# --- R1: zones and measures declared.

_r1_population := physical.local

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not records.exists(ref)
	msg := sprintf("%s is in the ISMS boundaries but has no Site record: record the site with its zones", [ref])
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, "zones")]) if {
	some ref in _r1_population
	s := records.get(ref)
	count(physical.zones(ref)) == 0
	msg := sprintf("%s declares no zones: record its zones with their level and measures", [ref])
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, sprintf("zones.%d.measures", [i]))]) if {
	some ref in _r1_population
	s := records.get(ref)
	some i, z in physical.zones(ref)
	count(object.get(z, "measures", [])) == 0
	msg := sprintf("%s zone %s (%s) lists no protective measures: record its measures", [ref, z.name, z.level])
}

findings contains f if {
	some f in result.check(
		"R1", "every in-scope site declares its zones with their level and measures",
		_r1_population, _r1_items,
	)
}

# --- R2 and R3: inherited from a certified operator, or inspected and attested.

_hashed(a) if {
	some e in a.evidence
	object.get(e, "sha256", "") != ""
}

_inspections(ref) := {a |
	some a in physical.attested(_control, ref)
	records.get(a).basis == "inspection"
	_hashed(records.get(a))
}

_inspected(ref) if count(_inspections(ref)) > 0

_problem(ref) := sprintf(
	"%s rests on %s, which is not an inspection with hashed evidence: attest after an inspection and pin the record",
	[ref, physical.short(physical.attested(_control, ref))],
) if {
	count(physical.attested(_control, ref)) > 0
} else := physical.gap(_control, ref)

_r2_population := physical.hosted

_r2_items_p contains result.fail("R2", _problem(ref), [ref]) if {
	some ref in _r2_population
	not ref in physical.inherited
	not _inspected(ref)
}

findings contains f if {
	some f in result.check(
		"R2", "every supplier-run site is covered by its operator's current certification or a local inspection",
		_r2_population, _r2_items,
	)
}

_r3_population := physical.self_operated

_r3_items_p contains result.fail("R3", _problem(ref), [ref]) if {
	some ref in _r3_population
	not _inspected(ref)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("every site we run was inspected and attested by %s", [physical.attesters_text]),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
