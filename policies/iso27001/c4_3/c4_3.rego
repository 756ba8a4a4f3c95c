# METADATA
# title: Determining the scope of the information security management system
# description: >-
#   The scope of the information security management system is written down in an approved, reviewed document, and
#   everything the records of the management system deal with (sites, assets, AI systems) lies inside the declared
#   boundaries.
# scope: package
# custom:
#   control: iso27001:4.3
#   class: a
#   evidence: [ManagementSystem, Document, Site, Asset, AISystem, Risk, RiskAssessment, SoAEntry, Objective]
#   rules:
#     R1: >-
#       The scope_doc of the ManagementSystem of iso27001:2022 resolves to a current Document (published, approved
#       for its version, not superseded) reviewed within its review_interval_days (default doc_review_days).
#     R2: >-
#       Every Site, Asset and AISystem named by the records of iso27001:2022 (Risk.affects, RiskAssessment.scope,
#       SoAEntry.implementation_refs, Objective.ai_systems) lies inside the boundaries: a site in boundaries.sites,
#       an AI system in boundaries.ai_systems, an asset in boundaries.systems or located at a boundary site or
#       serving a boundary AI system (Asset.ai.ai_system); and every boundary entry resolves to a record.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       In-scope records are the records that belong to the standard (see the first decision); the model does not
#       say which records are in scope.
#     - >-
#       An asset is inside when it is listed in boundaries.systems, or its location is a boundary site, or it serves
#       (ai.ai_system) a boundary AI system, so laptops at an in-scope office need not be listed one by one.
#     - >-
#       The schema has no place for exclusions with a rationale; a thing outside the boundaries must be added to
#       them or no longer be referred to.
#     - >-
#       R1 requires a review within the document's interval (default doc_review_days), as the model's freshness
#       column says 365 d.
package annexa.iso27001.c4_3

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso27001:2022"

# --- R1: a current, approved and reviewed scope document.

findings contains f if {
	some f in result.check(
		"R1", planning.scope_doc_summary(_std),
		planning.scope_doc_population(_std), planning.scope_doc_items("R1", _std),
	)
}

# --- R2: what the records refer to lies inside the boundaries.

findings contains f if {
	some f in result.check(
		"R2", planning.boundaries_summary(_std),
		planning.boundaries_population(_std), planning.boundaries_items("R2", _std),
	)
}
