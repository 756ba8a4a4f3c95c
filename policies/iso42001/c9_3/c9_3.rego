# METADATA
# title: Management review
# description: >-
#   Top management reviews the AI management system at planned intervals: the latest review
#   is recent and attended by top management, it considered every input the organisation
#   requires, it recorded decisions and owned, dated actions, and the actions of the review
#   before it are done or explicitly carried over.
# scope: package
# custom:
#   control: iso42001:9.3
#   class: a
#   evidence: [ManagementReview, ManagementSystem, Person]
#   rules:
#     R1: >-
#       The latest ManagementReview with iso42001:2023 among its standards (held on or before
#       the as-of date) was held within management_review_days, and at least one attendee is
#       named in top_management of the iso42001:2023 ManagementSystem.
#     R2: >-
#       The latest review's inputs_covered contain every input of mr_required_inputs for each
#       standard it reviews (the union of the iso27001 and iso42001 lists for an integrated review).
#     R3: >-
#       The latest review records at least one decision, and each of its actions has a due_on and
#       an owner that is a Person record.
#     R4: >-
#       Every action of the previous review (the latest one held before the latest review) has a
#       done_on on or before the as-of date, or the latest review lists previous-actions among its
#       inputs_covered and names the action id in its input_refs or in the text of a decision.
#   decisions:
#     - Only ManagementReview records with iso42001:2023 among their standards count. R1 to R3 judge
#       the latest review alone, so a later partial meeting recorded as a ManagementReview must meet
#       them itself.
#     - Top management is the union of top_management of the ManagementSystem records of
#       iso42001:2023; when none is named, R1 fails.
#     - R2 follows the model's union for an integrated review, so such a review must also cover the
#       iso27001 list, which with the defaults adds objectives-status, interested-party-feedback and
#       risk-status to the iso42001 list.
#     - R3 requires no action (a review may find nothing to do) but at least one recorded decision.
#     - R4 accepts an input_ref that equals the action id or ends in it (after "/"), and a decision
#       whose text contains the id as a whole word, so mr-1-a1 does not match mr-1-a10. Action ids
#       are unique only within their review, so short ids reused across reviews can match falsely.
#     - An action whose done_on is after the as-of date is not done. With a single review, or a
#       previous review without actions, R4 is not exercised.
package annexa.iso42001.c9_3

import data.annexa.lib.assurance
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: the latest review within management_review_days, with top management.

findings contains f if {
	some f in result.check(
		"R1", assurance.held_summary(_std),
		assurance.latest_population(_std), assurance.held_items("R1", _std),
	)
}

# --- R2: the latest review covered every required input.

findings contains f if {
	some f in result.check(
		"R2", assurance.inputs_summary(_std),
		assurance.latest_population(_std), assurance.inputs_items("R2", _std),
	)
}

# --- R3: decisions, and actions with owner and due date.

findings contains f if {
	some f in result.check(
		"R3", assurance.outputs_summary(_std),
		assurance.latest_population(_std), assurance.outputs_items("R3", _std),
	)
}

# --- R4: actions of the previous review done or carried over.

findings contains f if {
	some f in result.check(
		"R4", assurance.actions_summary(_std),
		assurance.previous_actions(_std), assurance.actions_items("R4", _std),
	)
}
