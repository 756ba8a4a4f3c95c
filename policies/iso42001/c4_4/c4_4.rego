# METADATA
# title: AI management system
# description: >-
#   The AI management system exists as one approved management-system record, and every process the organisation
#   declared necessary has a current, owned and reviewed procedure.
# scope: package
# custom:
#   control: iso42001:4.4
#   class: a
#   evidence: [ManagementSystem, Document, Person]
#   rules:
#     R1: >-
#       Exactly one ManagementSystem record has standard iso42001:2023, and it has an approving decision dated on or
#       before as-of.
#     R2: >-
#       For every activity in required_procedures there is a current Document of doc_type procedure with that topic
#       that serves the AIMS (systems absent or naming it), owned by an active Person and reviewed within the
#       shorter of its review_interval_days and doc_review_days.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       R1 also asks for an approval of the ManagementSystem record, as the model marks its approvals as
#       rule-driving; the model itself only asks that the record exists.
#     - >-
#       R2 follows ISO/IEC 27001 A.5.37 (R1, R2) but counts only procedures that serve this management system
#       (systems absent or naming it).
#     - >-
#       required_procedures is one list for both standards; the model gives no separate list for the AIMS.
package annexa.iso42001.c4_4

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: one approved management-system record.

findings contains f if {
	some f in result.check(
		"R1", planning.ms_summary(_std),
		planning.ms_population(_std), planning.ms_items("R1", _std),
	)
}

# --- R2: a current procedure for every required process.

findings contains f if {
	some f in result.check(
		"R2", planning.procedures_summary(_std),
		planning.procedures_population(_std), planning.procedures_items("R2", _std),
	)
}
