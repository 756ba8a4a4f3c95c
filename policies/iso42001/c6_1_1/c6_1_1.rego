# METADATA
# title: General
# description: >-
#   The organisation plans for both the risks and the opportunities of its AI management system: its latest periodic
#   risk assessment considered both, and every risk or opportunity that needs action has a planned, owned and dated
#   treatment.
# scope: package
# custom:
#   control: iso42001:6.1.1
#   class: a
#   evidence: [RiskAssessment, Risk, RiskTreatment, Person]
#   rules:
#     R1: >-
#       The latest periodic RiskAssessment of iso42001:2023 (trigger periodic, performed by as-of) lists in
#       risks_assessed at least one Risk with kind_of_entry risk (or unset) and at least one with kind_of_entry
#       opportunity, or states that there is no opportunity with links.opportunities set to an empty list.
#     R2: >-
#       Every Risk of iso42001:2023 whose treatment_option is modify, avoid or share has at least one RiskTreatment
#       (naming it in risk, or listed in its treatments), every treatment it lists exists, and each of its
#       treatments has an owner that is a Person record and a due_on.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The model's rule reads the latest risk assessment; a change-triggered assessment covers only part of the
#       scope, so R1 reads the latest periodic one.
#     - >-
#       The schema has no field for an explicit 'no opportunities'; R1 accepts an empty links.opportunities list on
#       the assessment as that statement.
#     - >-
#       A risk needs action when its treatment_option is modify, avoid or share; retain needs none (its acceptance
#       is checked by 6.1.3).
package annexa.iso42001.c6_1_1

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: risks and opportunities assessed.

findings contains f if {
	some f in result.check(
		"R1", planning.opportunities_summary(_std),
		planning.opportunities_population(_std), planning.opportunities_items("R1", _std),
	)
}

# --- R2: owned and dated treatments for what needs action.

findings contains f if {
	some f in result.check(
		"R2", planning.actions_summary(_std),
		planning.actions_population(_std), planning.actions_items("R2", _std),
	)
}
