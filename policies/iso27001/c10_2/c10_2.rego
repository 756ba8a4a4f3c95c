# METADATA
# title: Nonconformity and corrective action
# description: >-
#   Nonconformities are handled completely and in time: each has an owner, a correction, a root cause and dated
#   corrective actions, is closed within the limit of its grade and checked for effectiveness afterwards, and every
#   audit finding and incident action is recorded as a nonconformity.
# scope: package
# custom:
#   control: iso27001:10.2
#   class: a
#   evidence: [Nonconformity, InternalAudit, Incident, Person]
#   rules:
#     R1: >-
#       Every major or minor Nonconformity of iso27001:2022 raised by the as-of date, open or closed inside
#       lookback_days, has an owner (an active Person while open, a Person record once closed), a correction whose
#       action records the fix or why none is possible, a root_cause, and at least one corrective action with a
#       due_on.
#     R2: >-
#       Every Nonconformity of R1 was closed no later than raised_on + nc_close_days for its grade; an open one past
#       that date fails and one due within at_risk_days is at risk.
#     R3: >-
#       Every Nonconformity of R1 closed by the as-of date has effectiveness.verified_on no later than closed_on +
#       nc_effectiveness_days, with effective true; an unverified one fails once that date has passed (at risk within
#       at_risk_days).
#     R4: >-
#       Every finding of an InternalAudit of iso27001:2022 (internal or external) performed inside lookback_days is a
#       Nonconformity record; every Nonconformity ref among the post_incident_review.actions of an Incident of
#       iso27001:2022 reported inside lookback_days resolves; and every Nonconformity of iso27001:2022 raised inside
#       lookback_days from an audit (source internal-audit or external-audit, with source_ref) is listed in that
#       audit's findings.
#   decisions:
#     - >-
#       Observations and opportunities are not nonconformities: R1 to R3 apply to grades major and minor
#       (nc_close_days has limits for these two only). They still count in 10.1 and R4.
#     - >-
#       The schema has no rationale field; the correction's action carries the fix or why none is possible.
#     - >-
#       No grace after raising: a new nonconformity must record its correction, root cause and a dated action.
#     - >-
#       A nonconformity belongs by its standard field, by systems when it names none.
#     - >-
#       R4 takes the reverse check that 9.2 leaves to this clause (audit nonconformities missing from the audit's
#       findings); for incidents only the direction the model states is checked.
#     - >-
#       A nonconformity found not effective fails R3 until new actions close it again.
package annexa.iso27001.c10_2

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso27001:2022"

# --- R1: complete nonconformity records.

findings contains f if {
	some f in result.check(
		"R1", support.nc_summary(_std),
		support.nc_population(_std), support.nc_items("R1", _std),
	)
}

# --- R2: closed within the limit of the grade.

findings contains f if {
	some f in result.check(
		"R2", support.close_summary(_std),
		support.close_population(_std), support.close_items("R2", _std),
	)
}

# --- R3: effectiveness verified after closing.

findings contains f if {
	some f in result.check(
		"R3", support.effect_summary(_std),
		support.effect_population(_std), support.effect_items("R3", _std),
	)
}

# --- R4: findings and incident actions recorded as nonconformities.

findings contains f if {
	some f in result.check(
		"R4", support.recorded_summary(_std),
		support.recorded_population(_std), support.recorded_items("R4", _std),
	)
}
