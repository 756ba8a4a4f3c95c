# METADATA
# title: Information security risk assessment
# description: >-
#   Risks are assessed on schedule and whenever something significant happens: a periodic assessment within the
#   interval, a reassessment after every significant change, new AI system and severe incident, and assessments whose
#   results are approved and kept.
# scope: package
# custom:
#   control: iso27001:8.2
#   class: a
#   evidence: [RiskAssessment, Risk, ChangeRecord, AISystem, Incident, ManagementSystem]
#   rules:
#     R1: >-
#       A RiskAssessment with standard iso27001:2022 and trigger periodic was performed within risk_assessment_days
#       (at risk when the next one is due within at_risk_days).
#     R2: >-
#       For every ChangeRecord of iso27001:2022 with significant true that went live inside lookback_days, every
#       AISystem of iso27001:2022 whose first lifecycle entry lies inside lookback_days, and every Incident of
#       iso27001:2022 of severity sev1 (an incident by triage, or by category while untriaged) reported inside
#       lookback_days, a RiskAssessment with standard iso27001:2022 whose trigger_ref names it was performed no later
#       than risk_change_trigger_days after the event; an event still inside that period is at risk within
#       at_risk_days of its end.
#     R3: >-
#       Every RiskAssessment with standard iso27001:2022 performed by the as-of date has an approving decision by then
#       and lists at least one assessed risk, and each entry of risks_assessed is a Risk in the bundle.
#   decisions:
#     - >-
#       Risk assessments count for a standard by their standard field only, so an assessment of the other standard
#       does not answer an event here. The schema gives a RiskAssessment one standard, so an integrated reassessment
#       needs one record per standard.
#     - >-
#       Events belong by the records' own membership: AISystems and Incidents by systems, ChangeRecords by the records
#       they touch.
#     - >-
#       An assessment made before the event that names it in trigger_ref (a change assessed before go-live) counts; R2
#       sets no lower bound.
#     - >-
#       A new AI system's event day is its first lifecycle entry.
#     - >-
#       R3 covers every assessment of the standard in the bundle, not only the lookback window, since results must
#       stay complete as long as they are kept.
package annexa.iso27001.c8_2

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso27001:2022"

# --- R1: a periodic risk assessment within the interval.

findings contains f if {
	some f in result.check(
		"R1", support.periodic_summary(_std),
		support.periodic_population(_std), support.periodic_items("R1", _std),
	)
}

# --- R2: reassessment after significant events.

findings contains f if {
	some f in result.check(
		"R2", support.triggered_summary(_std),
		support.triggered_population(_std), support.triggered_items("R2", _std),
	)
}

# --- R3: results are approved and kept.

findings contains f if {
	some f in result.check(
		"R3", support.retained_summary(_std),
		support.retained_population(_std), support.retained_items("R3", _std),
	)
}
