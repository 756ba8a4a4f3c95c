# METADATA
# title: Planning of changes
# description: >-
#   Changes to the AI management system are planned: every management-system change that took effect in the lookback
#   window states its purpose and responsibilities and was approved before it took effect.
# scope: package
# custom:
#   control: iso42001:6.3
#   class: a
#   evidence: [ChangeRecord, ManagementSystem]
#   rules:
#     R1: >-
#       Every ChangeRecord with change_class management-system that concerns iso42001:2023 (its systems name a
#       ManagementSystem of iso42001:2023, or no ManagementSystem at all) and took effect (deployed_on, else
#       go_live_on) within lookback_days has a description that states its purpose and its responsibilities and an
#       approving decision dated on or before the effective day. No such change gives not_exercised.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The schema has no fields for purpose and responsibilities; the description must mention both (the words
#       purpose and responsib..., case-insensitive), as the example bundle writes them. Structured fields would be
#       better.
#     - >-
#       A change with neither deployed_on nor go_live_on has not taken effect and is not examined.
#     - >-
#       Changes made to the management system without any ChangeRecord cannot be seen here (for example a new scope
#       version); that is the blind spot of this rule.
package annexa.iso42001.c6_3

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: management-system changes planned and approved before they take effect.

findings contains f if {
	some f in result.check(
		"R1", planning.changes_summary(_std),
		planning.changes_population(_std), planning.changes_items("R1", _std),
	)
}
