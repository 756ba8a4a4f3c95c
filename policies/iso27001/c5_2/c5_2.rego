# METADATA
# title: Policy
# description: >-
#   The organisation has a current information security policy, approved by top management, kept under review and
#   reviewed again after management decides that policies must change, acknowledged by the people it addresses, and
#   made available to the interested parties that need it.
# scope: package
# custom:
#   control: iso27001:5.2
#   class: a
#   evidence: [Document, Acknowledgement, Person, Role, ManagementSystem, ManagementReview, AISystem]
#   rules:
#     R1: >-
#       A current information security policy exists (a Document with doc_type policy and topic
#       information-security, published, approved for its version, not superseded) and each current one is approved
#       for its version by a person listed in top_management of the ManagementSystem of iso27001:2022.
#     R2: >-
#       Every current information security policy was reviewed or approved within its review_interval_days
#       (policy_review_days when it sets none), and on or after the held_on day of the latest ManagementReview
#       covering iso27001:2022 that took a decision of type policy-change.
#     R3: >-
#       At least ack_coverage_pct percent of the active people in the audience of each current information security
#       policy (unless it sets requires_acknowledgement false) signed an Acknowledgement of its current major
#       version; people who started, or whose major version was first published, at most ack_grace_days ago and have
#       not signed are not counted.
#     R4: >-
#       Every interested party of the ManagementSystem of iso27001:2022 that needs the policy (a requirement or
#       info_need mentions "security policy" or "security-policy", or addressed_by names a version of the policy)
#       lists a current information security policy in addressed_by, and that policy has a location.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       R1, R2 and R3 follow ISO/IEC 27001 A.5.1 R1, R3 and R4; R4 is the model's publication to interested parties;
#       the rules are implemented again in data.annexa.lib.planning for the top-level policy only (topic policies
#       are Annex A's concern).
#     - >-
#       The review interval is the policy's review_interval_days, else policy_review_days, which the parameter table
#       assigns to clause 5.2.
#     - >-
#       R3: audience values all-personnel, personnel, all, everyone (or none) mean every active person; Role/<id>
#       its holders; Person/<id> that person; employee(s), contractor(s), intern(s), temp(s) select by
#       employment_type; other values (customers-on-request) select nobody. An acknowledgement counts for the
#       document or an earlier version along supersedes when its document_version has the current major version;
#       ack_type is not checked.
#     - >-
#       R3 gives new starters and everyone after a new major version ack_grace_days before they count as missing.
#     - >-
#       R4: a party needs the policy when its text mentions it; this text match ("security policy" or
#       "security-policy") is the only signal the model offers.
#     - >-
#       R2 counts any review entry or version approval as a review; the policy-change trigger has no grace period.
package annexa.iso27001.c5_2

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso27001:2022"

# --- R1: the policy approved by top management.

findings contains f if {
	some f in result.check(
		"R1", planning.policy_approval_summary(_std),
		planning.policy_approval_population(_std), planning.policy_approval_items("R1", _std),
	)
}

# --- R2: the policy reviewed in time and after a policy-change decision.

findings contains f if {
	some f in result.check(
		"R2", planning.policy_review_summary(_std),
		planning.policy_review_population(_std), planning.policy_review_items("R2", _std),
	)
}

# --- R3: the policy acknowledged.

findings contains f if {
	some f in result.check(
		"R3", planning.ack_summary(_std),
		planning.ack_population(_std), planning.ack_items("R3", _std),
	)
}

# --- R4: the policy available to the interested parties that need it.

findings contains f if {
	some f in result.check(
		"R4", planning.publication_summary(_std),
		planning.publication_population(_std), planning.publication_items("R4", _std),
	)
}
