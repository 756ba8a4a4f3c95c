# METADATA
# title: Information security risk treatment
# description: >-
#   Risk treatment plans are carried out: no treatment is overdue without an approved new date, and every completed
#   treatment is checked for effectiveness in time, or the reason for not checking is recorded.
# scope: package
# custom:
#   control: iso27001:8.3
#   class: a
#   evidence: [RiskTreatment]
#   rules:
#     R1: >-
#       Every RiskTreatment of iso27001:2022 open at the as-of date (no completed_on by then) is not past its due
#       date: due_on, or the new_due_on of its latest replan visible at the as-of date and approved by someone other
#       than the treatment's owner. Due within at_risk_days is at risk.
#     R2: >-
#       Every RiskTreatment of iso27001:2022 completed inside lookback_days has verified_on no later than completed_on
#       + nc_effectiveness_days; without verified_on, a review entry dated on or after completion with notes (the
#       rationale) is required once that date has passed (at risk within at_risk_days).
#   decisions:
#     - >-
#       Treatments belong to a standard by systems (absent means both); the domain of the treated risk is not used.
#     - >-
#       A replan approved by the treatment's own owner is not an approval.
#     - >-
#       R1 judges the state at the as-of date; a treatment completed late is not failed again.
#     - >-
#       The model names no field for the rationale of R2; a review note recorded after completion is taken as one.
package annexa.iso27001.c8_3

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso27001:2022"

# --- R1: no treatment overdue.

findings contains f if {
	some f in result.check(
		"R1", support.treatment_summary(_std),
		support.treatment_population(_std), support.treatment_items("R1", _std),
	)
}

# --- R2: completed treatments verified.

findings contains f if {
	some f in result.check(
		"R2", support.verification_summary(_std),
		support.verification_population(_std), support.verification_items("R2", _std),
	)
}
