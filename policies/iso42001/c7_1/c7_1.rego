# METADATA
# title: Resources
# description: >-
#   Top management makes sure that the AI management system has what it needs to run: the latest management review
#   took a decision on resources, and a member of top management has signed a current statement that the resources are
#   in place.
# scope: package
# custom:
#   control: iso42001:7.1
#   class: b
#   evidence: [ManagementReview, ManagementSystem, Attestation, Person]
#   rules:
#     R1: >-
#       The latest ManagementReview with iso42001:2023 among its standards (held on or before the as-of date) was held
#       within management_review_days and records a decision of type resources, or a decision whose text speaks of
#       resources (for example that they are adequate).
#     R2: >-
#       A current Attestation names iso42001:7.1, was made by a person listed in top_management of the iso42001:2023
#       ManagementSystem and names that ManagementSystem in its scope, and is valid as data.annexa.lib.attest decides:
#       the attester held the attestation's role that day, it has not expired, its validity is at most
#       attestation_max_days and every exception it lists is tied to a Nonconformity or Exception.
#   decisions:
#     - >-
#       Top management is a list of people (ManagementSystem.top_management), not a role, so R2 accepts the
#       attestation in any role the attester held that day and requires the attester to be in that list.
#     - >-
#       The attestation's scope must name the standard's ManagementSystem. This keeps the clause apart from the
#       physical-perimeter control A.7.1 of ISO/IEC 27001, which the model's own example attests under the id
#       iso27001:7.1 with a Site scope.
#     - >-
#       A decision counts as a resources decision when its type is resources or its text mentions resources; the
#       model's 'resources adequate' decision has no type of its own.
#     - >-
#       R1 also requires the latest review to lie within management_review_days (the model's freshness of 365 days),
#       so a stale review fails here as well as in 9.3. Only the latest review counts.
package annexa.iso42001.c7_1

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso42001:2023"

# --- R1: the latest management review decided on resources.

findings contains f if {
	some f in result.check(
		"R1", support.resources_summary(_std),
		support.latest_review_population(_std), support.resources_items("R1", _std),
	)
}

# --- R2: a current attestation of resources by top management.

findings contains f if {
	some f in result.check(
		"R2", support.resources_attestation_summary(_std),
		support.resources_attestations(_std), support.resources_attestation_items("R2", _std),
	)
}
