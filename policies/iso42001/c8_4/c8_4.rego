# METADATA
# title: AI system impact assessment
# description: >-
#   Every AI system has a current, approved impact assessment, each significant change is covered by an assessment
#   approved before it goes live, and the assessments are kept for the retention period.
# scope: package
# custom:
#   control: iso42001:8.4
#   class: a
#   evidence: [AIImpactAssessment, AISystem, ModelRecord, ChangeRecord, Person]
#   rules:
#     R1: >-
#       Every AISystem of iso42001:2023 in service at stage design or later has an impact assessment approved by a
#       person who held Role/ai-impact-approver on the approval day, and the latest such assessment is not past its
#       renewal date: performed_on + aiia_review_days, or its next_review_on when earlier (at risk within
#       at_risk_days).
#     R2: >-
#       Every significant change of such an AI system that went live inside lookback_days is covered by an approved
#       impact assessment of that system first approved on or before the go-live day. Changes are ChangeRecords with
#       significant true naming the system (covered through trigger_ref, or a system_version deployed by that change),
#       first production deployments of a new major model version (covered through trigger_ref to the ModelRecord or
#       its deployment change, or a system_version of the same major version), and deployment contexts added after the
#       first (covered by a new-context assessment performed after the previous context began and at most
#       aiia_review_days before this one) - the notion of A.5.3 R2.
#     R3: >-
#       For every AISystem of iso42001:2023 in service from design on, or retired no more than aiia_retention_days ago
#       after reaching design, its impact_assessment reference and the supersedes reference of each of its assessments
#       resolve, and a retired system still has at least one assessment.
#   decisions:
#     - >-
#       R1 and R2 follow A.5.3 (its R3 and R2) and use the lifecycle and approval helpers of lib/ai and lib/ai2; the
#       change events and their coverage are computed again in lib/support, without editing A.5.3.
#     - >-
#       An approval counts only when the approver held Role/ai-impact-approver on that day.
#     - >-
#       Records are read at one commit: an assessment deleted together with every reference to it leaves no trace, so
#       R3 checks what still points at assessments.
#     - >-
#       AI systems belong to the standard by systems (absent means both).
package annexa.iso42001.c8_4

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso42001:2023"

# --- R1: a current approved impact assessment per AI system.

findings contains f if {
	some f in result.check(
		"R1", support.fresh_summary(_std),
		support.aiia_systems(_std), support.fresh_items("R1", _std),
	)
}

# --- R2: significant changes assessed before go-live.

findings contains f if {
	some f in result.check(
		"R2", support.events_summary(_std),
		support.events_population(_std), support.events_items("R2", _std),
	)
}

# --- R3: impact assessments kept.

findings contains f if {
	some f in result.check(
		"R3", support.retention_summary(_std),
		support.retention_population(_std), support.retention_items("R3", _std),
	)
}
