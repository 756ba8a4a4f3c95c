# METADATA
# title: Understanding the needs and expectations of interested parties
# description: >-
#   The organisation knows who has a stake in its information security management system and what each of them
#   requires, links every requirement to the records that meet it, and reviews the list at least once a year.
# scope: package
# custom:
#   control: iso27001:4.2
#   class: a
#   evidence: [ManagementSystem, ManagementReview, LegalRequirement, Document]
#   rules:
#     R1: >-
#       The ManagementSystem of iso27001:2022 lists interested parties, and every party lists at least one
#       requirement.
#     R2: >-
#       Every interested party with requirements has a non-empty addressed_by, and every reference in it resolves to
#       a record in the bundle.
#     R3: >-
#       The interested parties were reviewed within doc_review_days: the latest of the ManagementSystem's review
#       entries, its approvals, and the held_on of management reviews of iso27001:2022 that covered
#       interested-party-changes.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The schema keeps addressed_by per party, not per requirement, and has no way to mark a requirement as not
#       addressed with a rationale; R2 therefore asks every party with requirements to name at least one record, and
#       every named record to exist.
#     - >-
#       The model gives 365 days but names no parameter; doc_review_days (default 365) is used.
#     - >-
#       Parties carry no review date of their own, so the review of the ManagementSystem record (reviews, approvals)
#       or a management review covering interested-party-changes counts for all of them.
package annexa.iso27001.c4_2

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso27001:2022"

# --- R1: interested parties and their requirements.

findings contains f if {
	some f in result.check(
		"R1", planning.parties_summary(_std),
		planning.parties_population(_std), planning.parties_items("R1", _std),
	)
}

# --- R2: requirements addressed by existing records.

findings contains f if {
	some f in result.check(
		"R2", planning.addressed_summary(_std),
		planning.addressed_population(_std), planning.addressed_items("R2", _std),
	)
}

# --- R3: interested parties reviewed within doc_review_days.

findings contains f if {
	some f in result.check(
		"R3", planning.parties_review_summary(_std),
		planning.parties_review_population(_std), planning.parties_review_items("R3", _std),
	)
}
