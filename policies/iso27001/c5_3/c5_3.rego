# METADATA
# title: Organizational roles, responsibilities and authorities
# description: >-
#   The role that runs the information security management system is defined and held by someone who works here, and
#   a role is responsible for reporting the performance of the management system to top management, whose holder
#   took part in the latest management review.
# scope: package
# custom:
#   control: iso27001:5.3
#   class: a
#   evidence: [Role, Person, ManagementReview, ManagementSystem]
#   rules:
#     R1: >-
#       The Role Role/isms-manager exists and has at least max(1, min_holders) active holders at as-of
#       (Person.roles).
#     R2: >-
#       At least one Role serving the ISMS (systems absent or naming it) has a responsibility that mentions
#       reporting (report) to top management or at the management review, and a person who held such a role on the
#       day of the latest ManagementReview covering iso27001:2022 is among its attendees.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The owner role is Role/isms-manager, the role data.annexa.lib.assurance names as running the management
#       system.
#     - >-
#       Responsibilities are free text: a responsibility counts as reporting to top management when it contains
#       report and top management or management review (case-insensitive).
#     - >-
#       R2 needs one reporting role whose holder attended, not every such role; a missing management review fails R2
#       (clause 9.3 judges the review itself).
package annexa.iso27001.c5_3

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso27001:2022"

# --- R1: the owner role held.

findings contains f if {
	some f in result.check(
		"R1", planning.owner_role_summary(_std),
		planning.owner_role_population(_std), planning.owner_role_items("R1", _std),
	)
}

# --- R2: performance reported to top management at the management review.

findings contains f if {
	some f in result.check(
		"R2", planning.reporting_summary(_std),
		planning.reporting_population(_std), planning.reporting_items("R2", _std),
	)
}
