# METADATA
# title: Awareness
# description: >-
#   Everyone working for the organisation knows the AI policy, what they contribute and what follows from not keeping
#   to the rules: they take awareness training on joining and every year, the courses cover those three topics, and
#   they have acknowledged the current policy.
# scope: package
# custom:
#   control: iso42001:7.3
#   class: a
#   evidence: [Person, TrainingRecord, Document, Acknowledgement]
#   rules:
#     R1: >-
#       Every active Person of iso42001:2023 has a passed TrainingRecord of course_type awareness or ai-literacy: a
#       person who started inside lookback_days one completed between training_new_hire_days before and
#       training_new_hire_days after the start date, everyone past that onboarding window one completed within
#       training_refresh_days of the as-of date (the notion of 27001 A.6.3 R1). Onboarding and refresher deadlines
#       within at_risk_days are at risk.
#     R2: >-
#       For every active person with such a course completed within training_refresh_days, the course Documents they
#       passed in that window together set the content_flags ai_policy, personal_contribution and
#       consequences_of_nonconformity (hyphenated spellings accepted). One failure per combination of courses that
#       lacks a flag, naming the people who took it.
#     R3: >-
#       A current Document of iso42001:2023 with doc_type policy or topic-policy and topic ai-policy exists, and at
#       least ack_coverage_pct percent of the active people in its audience acknowledged its current major version;
#       people who started, or whose major version was published, at most ack_grace_days ago and have not signed are
#       not counted (the notion of 27001 A.5.1 R4).
#   decisions:
#     - >-
#       An awareness or an ai-literacy course counts for R1; R2 then asks that the courses together cover the AI
#       policy (ai_policy), so a security awareness course alone does not satisfy the clause.
#     - >-
#       The model names the three topics of R2 but no fields; the approver of a course records them as the
#       content_flags ai_policy, personal_contribution and consequences_of_nonconformity. A person may get them from
#       several courses.
#     - >-
#       R3 reads the top policy only; the other policies are the business of A.2.2. Acknowledgement is required even
#       when requires_acknowledgement is false, since it is the only evidence of awareness of the policy. Audience and
#       coverage are computed by data.annexa.lib.org, as for A.5.1 R4.
#     - >-
#       People belong to the standard by systems (absent means both).
package annexa.iso42001.c7_3

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso42001:2023"

# --- R1: awareness training on joining and refreshed.

findings contains f if {
	some f in result.check(
		"R1", support.training_summary(_std),
		support.active_people(_std), support.training_items("R1", _std),
	)
}

# --- R2: the courses cover the policy, the contribution and the consequences.

findings contains f if {
	some f in result.check(
		"R2", support.topics_summary(_std),
		support.topics_population(_std), support.topics_items("R2", _std),
	)
}

# --- R3: the policy is acknowledged.

findings contains f if {
	some f in result.check(
		"R3", support.acknowledgement_summary(_std),
		support.top_policies(_std), support.acknowledgement_items("R3", _std),
	)
}
