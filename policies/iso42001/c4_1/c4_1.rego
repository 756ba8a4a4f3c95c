# METADATA
# title: Understanding the organization and its context
# description: >-
#   The organisation keeps a list of the internal and external matters that shape its AI management system, looks at
#   each of them again at least once a year, and says whether climate change is one of them.
# scope: package
# custom:
#   control: iso42001:4.1
#   class: a
#   evidence: [ManagementSystem]
#   rules:
#     R1: >-
#       The ManagementSystem of iso42001:2023 lists at least one issue of type internal and at least one of type
#       external.
#     R2: >-
#       Every issue of that ManagementSystem has a reviewed_on date within doc_review_days of as-of.
#     R3: >-
#       At least one issue of that ManagementSystem answers climate_relevant (true or false), so the record says
#       whether climate change is a relevant issue.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The model gives 365 days for the review of issues but names no parameter; doc_review_days (default 365) is
#       used.
#     - >-
#       An issue without reviewed_on counts as never reviewed.
#     - >-
#       The model marks R3 as ISO/IEC 27001 only (its 2024 climate amendment), but ISO/IEC 42001:2023 was published
#       with the same climate requirement already in clause 4.1, so R3 applies here too.
#     - >-
#       The schema has no flag for climate change on the ManagementSystem itself, so only climate_relevant on an
#       issue answers R3.
#     - >-
#       Every ManagementSystem record of the standard is checked; a missing record fails R1 and R3. Duplicates are
#       reported by clause 4.4.
package annexa.iso42001.c4_1

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: internal and external issues recorded.

findings contains f if {
	some f in result.check(
		"R1", planning.issue_types_summary(_std),
		planning.issue_types_population(_std), planning.issue_types_items("R1", _std),
	)
}

# --- R2: issues reviewed within doc_review_days.

findings contains f if {
	some f in result.check(
		"R2", planning.issue_review_summary(_std),
		planning.issue_review_population(_std), planning.issue_review_items("R2", _std),
	)
}

# --- R3: whether climate change is relevant is answered.

findings contains f if {
	some f in result.check(
		"R3", planning.climate_summary(_std),
		planning.climate_population(_std), planning.climate_items("R3", _std),
	)
}
