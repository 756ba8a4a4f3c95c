# METADATA
# title: AI risk assessment
# description: >-
#   The organisation assesses the risks of its AI management system with a current, documented method that sets
#   scoring scales and acceptance criteria, has assessed the whole scope within the last year, and every risk in the
#   register is owned, rated and scored as the method says, and AI risks take the impact assessments of their AI
#   systems into account.
# scope: package
# custom:
#   control: iso42001:6.1.2
#   class: a
#   evidence: [Document, RiskAssessment, Risk, ManagementSystem, Person, AIImpactAssessment, AISystem]
#   rules:
#     R1: >-
#       At least one current Document with topic risk-methodology serving the AIMS exists, and every such document
#       has content_flags scoring_scales and acceptance_criteria true and was reviewed within its
#       review_interval_days (default doc_review_days).
#     R2: >-
#       The RiskAssessments of iso42001:2023 performed within risk_assessment_days cover the whole scope: one names
#       the ManagementSystem of iso42001:2023 in its scope, or together their scopes name every site, asset and AI
#       system of its boundaries.
#     R3: >-
#       Every Risk of iso42001:2023 has an owner who is an active Person and an inherent rating with likelihood,
#       impact and score (a residual rating, when given, too); when a current methodology confirms
#       score_formula_likelihood_times_impact, every score equals likelihood × impact.
#     R4: >-
#       Every AI risk (domain ai) of iso42001:2023 that affects an AISystem with impact assessments performed by
#       as-of names at least one of those AIImpactAssessments in its sources.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The engine knows one formula, likelihood × impact; it recomputes scores only when the methodology confirms
#       it with the content flag score_formula_likelihood_times_impact, otherwise it checks that the values are
#       present.
#     - >-
#       R1 accepts any doc_type for the methodology (the model says Document with topic risk-methodology); it must
#       serve the management system (systems absent or naming it).
#     - >-
#       R2 does not require the assessment to be approved (that is clause 8.2 R3); it looks at assessments performed
#       within risk_assessment_days, not their triggers (change-triggered reassessment is clause 8.2 R2).
#     - >-
#       A risk owner who has left does not count as an owner.
package annexa.iso42001.c6_1_2

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: a current methodology with scales and acceptance criteria.

findings contains f if {
	some f in result.check(
		"R1", planning.methodology_summary(_std),
		planning.methodology_population(_std), planning.methodology_items("R1", _std),
	)
}

# --- R2: the whole scope assessed within risk_assessment_days.

findings contains f if {
	some f in result.check(
		"R2", planning.assessment_summary(_std),
		planning.assessment_population(_std), planning.assessment_items("R2", _std),
	)
}

# --- R3: every risk owned, rated and scored per the method.

findings contains f if {
	some f in result.check(
		"R3", planning.rating_summary(_std),
		planning.rating_population(_std), planning.rating_items("R3", _std),
	)
}

# --- R4: AI risks link the impact assessments.

findings contains f if {
	some f in result.check(
		"R4", planning.aiia_link_summary(_std),
		planning.aiia_link_population(_std), planning.aiia_link_items("R4", _std),
	)
}
