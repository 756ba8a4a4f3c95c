# METADATA
# title: Monitoring, measurement, analysis and evaluation
# description: >-
#   What the management system monitors is defined and done: each objective states what it pursues, how it is measured
#   and who owns it, measurements are recorded in every interval, and the results reach the management review.
# scope: package
# custom:
#   control: iso27001:9.1
#   class: a
#   evidence: [Objective, Person, ManagementReview]
#   rules:
#     R1: >-
#       Every Objective of iso27001:2022 (category security) has a statement (what), a metric with name, unit,
#       direction and target (how), and an owner who is an active Person (who); when is its measurement_interval_days,
#       or objective_measure_days.
#     R2: >-
#       Every Objective of R1 still pursued (no due_on, or one not before the as-of date) has a measurement in each
#       period of its interval counted back from the as-of date within lookback_days, from its start on (recorded_on,
#       else its first measurement); one never measured fails. The next measurement due within at_risk_days is at
#       risk.
#     R3: >-
#       Every Objective of iso27001:2022 with a measurement on or before the latest ManagementReview of iso27001:2022
#       is listed in that review's input_refs; when no review is recorded, the measured objectives fail together.
#   decisions:
#     - >-
#       The model's 'every metric in P' has no parameter in section 6.1 or the schema, so only Objectives are read.
#     - >-
#       R2 uses periods of the interval counted back from the as-of date rather than gaps between measurements, so
#       quarterly measurements on calendar quarter ends (91 or 92 days apart) meet a 90-day interval, while a period
#       without a measurement still fails.
#     - >-
#       Objectives whose due_on has passed are no longer measured (out of R2) but stay in R1 and R3.
#     - >-
#       R3 reads the latest review as 'the next review' after the results; later results wait for the next one.
package annexa.iso27001.c9_1

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso27001:2022"

# --- R1: objectives define what, how, when and who.

findings contains f if {
	some f in result.check(
		"R1", support.objective_summary(_std),
		support.objective_population(_std), support.objective_items("R1", _std),
	)
}

# --- R2: measurements at each interval.

findings contains f if {
	some f in result.check(
		"R2", support.measured_summary(_std),
		support.measured_population(_std), support.measured_items("R2", _std),
	)
}

# --- R3: results go to the management review.

findings contains f if {
	some f in result.check(
		"R3", support.reported_summary(_std),
		support.reported_population(_std), support.reported_items("R3", _std),
	)
}
