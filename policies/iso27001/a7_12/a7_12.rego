# METADATA
# title: Cabling security
# description: >-
#   Power and data cabling at the sites we must evidence ourselves is protected against
#   interception, interference and damage, as attested for a limited time by the facilities or
#   security role; sites run by a certified operator inherit the control, and sites without
#   cabling of our own are excluded in the Statement of Applicability.
# scope: package
# custom:
#   control: iso27001:A.7.12
#   class: c
#   evidence: [ManagementSystem, Site, Supplier, Attestation, Person]
#   rules:
#     R1: >-
#       Every in-scope Site is inherited (run by a Supplier with a certification covering the service,
#       valid at as-of or within supplier_cert_grace_days after valid_to) or has a current Attestation
#       of iso27001:A.7.12 covering it, made by a holder of Role/facilities-lead or Role/isms-manager,
#       valid at as-of, no longer than attestation_max_days, with its exceptions handled.
#   decisions:
#     - In-scope sites are the ISMS boundaries.sites (every Site record when no ISMS record states
#       its sites); a supplier-run site without a current certificate needs the local attestation.
#     - The model names no attesting role; the physical attesters are accepted (Role/facilities-lead,
#       which the model's inspection example uses, and Role/isms-manager).
#     - Sites carry no field saying whether we own the cabling, so every local in-scope site needs the
#       attestation; an organisation without own cabling excludes the control in its SoA, which the
#       engine's SoA gate handles.
package annexa.iso27001.a7_12

import data.annexa.lib.physical
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.12"

_r1_population := physical.sites

_r1_items_p contains result.fail("R1", physical.gap(_control, ref), [ref]) if {
	some ref in _r1_population
	not physical.covered(_control, ref)
}

findings contains f if {
	some f in result.check(
		"R1", "cabling at every in-scope site is attested as protected or inherited from a certified operator",
		_r1_population, _r1_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p
