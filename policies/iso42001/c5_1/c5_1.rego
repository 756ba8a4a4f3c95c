# METADATA
# title: Leadership and commitment
# description: >-
#   Top management shows that it leads the AI management system: it approved the current AI policy, it took part in
#   a recent management review that decided on resources or improvement, and one of its members attests the
#   commitment and the resources in a current, signed statement.
# scope: package
# custom:
#   control: iso42001:5.1
#   class: b
#   evidence: [Document, ManagementSystem, ManagementReview, Attestation, Person]
#   rules:
#     R1: >-
#       A current AI policy exists (a Document with doc_type policy or topic-policy and topic ai-policy, published,
#       approved for its version, not superseded) and each current one is approved for its version by a person
#       listed in top_management of the ManagementSystem of iso42001:2023.
#     R2: >-
#       The latest ManagementReview covering iso42001:2023 was held within management_review_days, was attended by
#       at least one member of top management, and records at least one decision of type resources or improvement.
#     R3: >-
#       A current Attestation naming iso42001:5.1 (valid at as-of, attester held the stated role on attested_on,
#       validity within attestation_max_days, exceptions handled) is made by a member of top management of
#       iso42001:2023.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The model names no role for the attestation; it must be made by a person listed in top_management of the
#       ManagementSystem, in whatever Role they held (any role is accepted by data.annexa.lib.attest, then the
#       attester must be top management).
#     - >-
#       The attestation's scope is not checked: naming the control iso42001:5.1 is enough.
#     - >-
#       Top management is read from every ManagementSystem record of the standard as it stands in the bundle; it is
#       not replayed to the approval date.
#     - >-
#       R1 is the same rule as clause 5.2 R1 (the model says R1 is 5.2).
package annexa.iso42001.c5_1

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: the policy approved by top management.

findings contains f if {
	some f in result.check(
		"R1", planning.policy_approval_summary(_std),
		planning.policy_approval_population(_std), planning.policy_approval_items("R1", _std),
	)
}

# --- R2: a recent management review led by top management deciding on resources or improvement.

findings contains f if {
	some f in result.check(
		"R2", planning.leadership_review_summary(_std),
		planning.leadership_review_population(_std), planning.leadership_review_items("R2", _std),
	)
}

# --- R3: a current attestation by top management.

findings contains f if {
	some f in result.require(
		"R3", _r3_ok, planning.leadership_attestation_summary(_std),
		planning.leadership_attestation_problem(_std), planning.leadership_attestation_refs(_std),
	)
}

_r3_ok if planning.leadership_attested_ok(_std)

default _r3_ok := false
