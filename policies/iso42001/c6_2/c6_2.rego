# METADATA
# title: AI objectives and planning to achieve them
# description: >-
#   The AI management system has measurable objectives in force, each with a metric, a target, an owner and a due
#   date, measured at its own interval and communicated through a published document.
# scope: package
# custom:
#   control: iso42001:6.2
#   class: a
#   evidence: [Objective, Document, Person, ManagementSystem]
#   rules:
#     R1: >-
#       At least one active Objective of iso42001:2023 exists (category ai-development, ai-use or aims; recorded by
#       as-of; due_on not passed), and every active one has a metric name, a numeric target, a due_on and an owner
#       who is an active Person.
#     R2: >-
#       Every active Objective of iso42001:2023 has a measurement within its measurement_interval_days
#       (objective_measure_days when unset) before as-of, counted from the latest measurement (or from recorded_on
#       when there is none); at risk within at_risk_days of the next due date.
#     R3: >-
#       Every active Objective of iso42001:2023 names in communicated_via a Document published by as-of.
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       An objective is active from its recorded_on (when given) until its due_on; an objective without due_on is
#       active and fails R1 for the missing date.
#     - >-
#       Objectives belong to a standard by category only, as decided for the clause set; their systems list is not
#       read.
#     - >-
#       R3 asks for a published Document, not a current one: a communication made through an older version still
#       happened.
package annexa.iso42001.c6_2

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: active objectives with metric, target, owner and due date.

findings contains f if {
	some f in result.check(
		"R1", planning.objectives_summary(_std),
		planning.objectives_population(_std), planning.objectives_items("R1", _std),
	)
}

# --- R2: objectives measured at their interval.

findings contains f if {
	some f in result.check(
		"R2", planning.measurement_summary(_std),
		planning.measurement_population(_std), planning.measurement_items("R2", _std),
	)
}

# --- R3: objectives communicated.

findings contains f if {
	some f in result.check(
		"R3", planning.communication_summary(_std),
		planning.communication_population(_std), planning.communication_items("R3", _std),
	)
}
