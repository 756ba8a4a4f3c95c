# METADATA
# title: Continual improvement
# description: >-
#   The management system keeps getting better: the latest management review decided on improvements, and the actions
#   from reviews and nonconformities are closed by their due dates.
# scope: package
# custom:
#   control: iso42001:10.1
#   class: a
#   evidence: [ManagementReview, Nonconformity, ManagementSystem]
#   rules:
#     R1: >-
#       The latest ManagementReview with iso42001:2023 among its standards, held within management_review_days,
#       records a decision of type improvement.
#     R2: >-
#       Every action of a ManagementReview of iso42001:2023 and every corrective action of a Nonconformity of
#       iso42001:2023 that has a due_on and is open at the as-of date, or was done inside lookback_days, was done on
#       or before its due_on; open actions due within at_risk_days are at risk.
#   decisions:
#     - >-
#       R1 requires the latest review within management_review_days, as 7.1 does.
#     - >-
#       Every action of a review counts as an improvement action; the schema links no action to a decision.
#     - >-
#       Actions without due_on cannot be judged here; 9.3 R3 and 10.2 R1 ask for due dates.
#     - >-
#       Nonconformities of every grade count, observations and opportunities included.
#     - >-
#       An action done late inside the lookback window fails, as a deviation of the period.
package annexa.iso42001.c10_1

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso42001:2023"

# --- R1: the latest review decided on improvement.

findings contains f if {
	some f in result.check(
		"R1", support.improvement_summary(_std),
		support.latest_review_population(_std), support.improvement_items("R1", _std),
	)
}

# --- R2: improvement actions closed by their due dates.

findings contains f if {
	some f in result.check(
		"R2", support.actions_summary(_std),
		support.actions_population(_std), support.actions_items("R2", _std),
	)
}
