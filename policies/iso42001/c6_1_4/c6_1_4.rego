# METADATA
# title: AI system impact assessment
# description: >-
#   The organisation has a current, reviewed procedure for assessing the impacts of its AI systems, every AI system
#   from design on has an approved impact assessment, and the results of those assessments reach the AI risk
#   register.
# scope: package
# custom:
#   control: iso42001:6.1.4
#   class: a
#   evidence: [Document, AIImpactAssessment, AISystem, Risk, Person]
#   rules:
#     R1: >-
#       A current Document of doc_type procedure and topic ai-impact-assessment serving the AIMS was reviewed within
#       its review_interval_days (default doc_review_days) and has content_flags structured_triggers,
#       assessment_method, roles_defined and results_to_risk_treatment all true (as ISO/IEC 42001 A.5.2 R1).
#     R2: >-
#       Every AI system in service at stage design or later has an impact assessment performed by as-of and approved
#       by a person who held Role/ai-impact-approver on the approval day (as ISO/IEC 42001 A.5.3 R1).
#     R3: >-
#       Every AI risk (domain ai) of iso42001:2023 that affects an AISystem with impact assessments performed by
#       as-of names at least one of those AIImpactAssessments in its sources (clause 6.1.2 R4).
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The four required elements of the procedure are the content flags of A.5.2 (structured_triggers,
#       assessment_method, roles_defined, results_to_risk_treatment); the model has no parameter for them.
#     - >-
#       Every AI system belongs to the AIMS; systems outside the declared boundaries are clause 4.3's concern.
#     - >-
#       Freshness of the assessments and coverage of significant changes are clause 8.4 and A.5.3; this clause
#       checks that the process exists and is applied.
package annexa.iso42001.c6_1_4

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: a current impact-assessment procedure.

findings contains f if {
	some f in result.require(
		"R1", _r1_ok, planning.aiia_procedure_summary(_std),
		planning.aiia_procedure_problem(_std), planning.aiia_procedure_refs(_std),
	)
}

_r1_ok if planning.aiia_procedure_ok(_std)

default _r1_ok := false

# --- R2: an approved impact assessment per AI system.

findings contains f if {
	some f in result.check(
		"R2", planning.aiia_summary(_std),
		planning.aiia_population(_std), planning.aiia_items("R2", _std),
	)
}

# --- R3: AI risks link the impact assessments.

findings contains f if {
	some f in result.check(
		"R3", planning.aiia_link_summary(_std),
		planning.aiia_link_population(_std), planning.aiia_link_items("R3", _std),
	)
}
