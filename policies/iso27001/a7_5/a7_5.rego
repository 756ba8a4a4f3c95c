# METADATA
# title: Protecting against physical and environmental threats
# description: >-
#   At the sites we must evidence ourselves, fire, flood and other physical and environmental
#   threats are assessed as risks and kept current, fire and safety systems are inspected on
#   schedule, and the facilities or security role attests the remaining protections; sites run
#   by a certified operator inherit the control from its certification.
# scope: package
# custom:
#   control: iso27001:A.7.5
#   class: b
#   evidence: [ManagementSystem, Site, Risk, Activity, Supplier, Attestation, Person]
#   rules:
#     R1: >-
#       Every in-scope Site that is not inherited is named in the affects list of at least one Risk
#       whose last_assessed_on lies within risk_assessment_days.
#     R2: >-
#       Every such Site has an Activity of type fire-system-inspection naming it in subject_refs,
#       performed within safety_inspection_days.
#     R3: >-
#       Every in-scope Site run by a Supplier is inherited (the operator's certification covers the
#       service and is valid at as-of or within supplier_cert_grace_days after valid_to), or has the
#       local attestation R4 asks for.
#     R4: >-
#       Every in-scope Site that is not inherited has a current Attestation of iso27001:A.7.5 covering
#       it by a holder of Role/facilities-lead or Role/isms-manager.
#   decisions:
#     - Risk.domain has no environmental value, so any Risk that names the Site in affects counts as
#       the site's environmental risk assessment; the risk's wording is not read.
#     - The model says self-operated for R1; R1, R2 and R4 also cover supplier-run sites whose operator
#       has no current certificate, since nothing else evidences them.
#     - The model names no attesting role for R4; the physical attesters are accepted.
package annexa.iso27001.a7_5

import data.annexa.lib.dates
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.5"

# --- R1: environmental risks of each local site assessed recently.

_r1_population := physical.local

# _assessed maps a Site ref to the last_assessed_on dates of the risks that affect it.
_assessed := {k: vs |
	some k in {x[0] | some x in _assessed_rows}
	vs := {x[1] | some x in _assessed_rows; x[0] == k}
}

_assessed_rows := {[s, r.last_assessed_on] |
	some r in records.of("Risk")
	dates.visible(r.last_assessed_on)
	some s in r.affects
	startswith(s, "Site/")
}

_last_assessed(ref) := dates.latest(_assessed[ref])

_assessed_recently(ref) if dates.within(_last_assessed(ref), input.params.risk_assessment_days)

_last_assessed_text(ref) := _last_assessed(ref)

_last_assessed_text(ref) := "never" if not _last_assessed(ref)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _assessed_recently(ref)
	msg := sprintf(
		"%s has no risk assessed within %d days (risk_assessment_days) that names it (last: %s): %s",
		[ref, input.params.risk_assessment_days, _last_assessed_text(ref), "assess its physical and environmental threats"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"the physical and environmental risks of every local site were assessed within %d days",
			[input.params.risk_assessment_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: fire and safety inspections.

_r2_population := physical.local

_inspected_on := {k: vs |
	some k in {x[0] | some x in _inspected_on_rows}
	vs := {x[1] | some x in _inspected_on_rows; x[0] == k}
}

_inspected_on_rows := {[s, a.performed_on] |
	some a in records.of("Activity")
	a.activity_type == "fire-system-inspection"
	dates.visible(a.performed_on)
	some s in a.subject_refs
}

_last_inspection(ref) := dates.latest(_inspected_on[ref])

_inspected(ref) if dates.within(_last_inspection(ref), input.params.safety_inspection_days)

_last_inspection_text(ref) := _last_inspection(ref)

_last_inspection_text(ref) := "never" if not _last_inspection(ref)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not _inspected(ref)
	msg := sprintf(
		"%s has no fire-system-inspection in the last %d days (safety_inspection_days; last: %s): %s",
		[ref, input.params.safety_inspection_days, _last_inspection_text(ref), "inspect it and record an Activity"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"fire and safety systems at every local site were inspected within %d days",
			[input.params.safety_inspection_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: hosted sites inherited.

_r3_population := physical.hosted

_r3_items_p contains result.fail("R3", physical.gap(_control, ref), [ref]) if {
	some ref in _r3_population
	not physical.covered(_control, ref)
}

findings contains f if {
	some f in result.check(
		"R3", "every supplier-run site is covered by its operator's current certification or a local attestation",
		_r3_population, _r3_items,
	)
}

# --- R4: remaining measures attested at local sites.

_r4_population := physical.local

_r4_items_p contains result.fail("R4", physical.gap(_control, ref), [ref]) if {
	some ref in _r4_population
	count(physical.attested(_control, ref)) == 0
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("the remaining protections of every local site are attested by %s", [physical.attesters_text]),
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
