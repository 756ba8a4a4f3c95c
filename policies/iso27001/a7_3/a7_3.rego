# METADATA
# title: Securing offices, rooms and facilities
# description: >-
#   Offices, rooms and facilities at the sites we must evidence ourselves are protected as
#   intended, as attested for a limited time by the facilities or security role after a walk
#   through; sites run by a certified operator inherit the control from its certification.
# scope: package
# custom:
#   control: iso27001:A.7.3
#   class: c
#   evidence: [ManagementSystem, Site, Supplier, Attestation, Person]
#   rules:
#     R1: >-
#       Every in-scope Site is inherited (run by a Supplier with a certification covering the service,
#       valid at as-of or within supplier_cert_grace_days after valid_to) or has a current Attestation
#       of iso27001:A.7.3 covering it, made by a holder of Role/facilities-lead or Role/isms-manager,
#       valid at as-of, no longer than attestation_max_days, with its exceptions handled.
#   decisions:
#     - In-scope sites are the ISMS boundaries.sites (every Site record when no ISMS record states
#       its sites); a supplier-run site without a current certificate needs the local attestation.
#     - The model names no attesting role; the physical attesters are accepted (Role/facilities-lead,
#       which the model's inspection example uses, and Role/isms-manager).
#     - The statement's content (which rooms, which protections) is not read; the attester's role, dates
#       and scope are.
package annexa.iso27001.a7_3

import data.annexa.lib.physical
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.3"

_r1_population := physical.sites

_r1_items_p contains result.fail("R1", physical.gap(_control, ref), [ref]) if {
	some ref in _r1_population
	not physical.covered(_control, ref)
}

findings contains f if {
	some f in result.check(
		"R1", "offices, rooms and facilities at every site are attested as protected or inherited from a certified operator",
		_r1_population, _r1_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p
