# METADATA
# title: Intended use of the AI system
# description: >-
#   Every AI system records what it is meant for, what it must not be used for and where it is
#   deployed; each new setting it is deployed in was assessed for impact before use began; and
#   actual use is compared with the intended use regularly, from usage data, or the system's
#   owner attests for a limited time that use stays within it.
# scope: package
# custom:
#   control: iso42001:A.9.4
#   class: b
#   evidence: [AISystem, AIImpactAssessment, Activity, Attestation, Person]
#   rules:
#     R1: >-
#       Every AI system in service at stage design or later records a non-empty intended_use and at
#       least one out_of_scope_uses entry, and from stage deployment on at least one
#       deployment_contexts entry.
#     R2: >-
#       Every deployment context of an AI system in service that began inside lookback_days has an
#       impact assessment of that system performed on or before the day the context began and,
#       when an earlier context of the system began on an earlier day, after the latest such day.
#     R3: >-
#       Every AI system in production (in service at stage deployment or later) has an Activity of
#       type intended-use-review naming it within intended_use_review_days (at risk within
#       at_risk_days of the next one being due), or else a current Attestation of iso42001:A.9.4
#       covering the system, made by its owner (valid, role held, within attestation_max_days,
#       exceptions handled).
#   decisions:
#     - The first contexts of a system (all those starting on its first day) need an assessment made
#       on or before that day; a context added later needs one made for it, after the previous
#       context began, as in A.5.3 R2. Approval timing is left to A.5.3.
#     - The model names the system owner as the attester, a person (AISystem.owner), not a role; an
#       attestation counts when that person made it in a role they held on the day.
#     - Whether a review really used usage telemetry is not visible; an intended-use-review Activity
#       is taken as that review and the auditor samples its basis.
package annexa.iso42001.a9_4

import data.annexa.lib.ai
import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso42001:A.9.4"

# --- R1: intended use, excluded uses and contexts recorded.

_r1_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached(s, "design")
}

_gaps(s) := [g | some g in ["intended_use", "out_of_scope_uses", "deployment_contexts"]; _lacks(s, g)]

_lacks(s, "intended_use") if trim_space(object.get(s, "intended_use", "")) == ""

_lacks(s, "out_of_scope_uses") if count(_excluded_uses(s)) == 0

_excluded_uses(s) := [u | some u in object.get(s, "out_of_scope_uses", []); trim_space(u) != ""]

_lacks(s, "deployment_contexts") if {
	ai.reached(s, "deployment")
	count(object.get(s, "deployment_contexts", [])) == 0
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	s := records.get(ref)
	gaps := _gaps(s)
	count(gaps) > 0
	msg := sprintf(
		"%s (stage %s) does not record %s: state what it is for, what it must not be used for and where it is used",
		[ref, ai.stage(s), concat(", ", gaps)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system records its intended use, excluded uses and deployment contexts",
		_r1_population, _r1_items,
	)
}

# --- R2: each deployment context assessed before it began.

# _contexts maps the field ref of a context that began inside the lookback window to
# [system ref, start day, previous start day or ""].
_contexts := {records.at(s, sprintf("deployment_contexts.%d", [i])): [sref, day, _previous(contexts, day)] |
	some s in records.of("AISystem")
	ai.in_service(s)
	sref := records.ref(s)
	contexts := object.get(s, "deployment_contexts", [])
	some i, ctx in contexts
	day := dates.day(ctx.from)
	dates.within(day, input.params.lookback_days)
}

_previous(contexts, day) := max(earlier) if {
	earlier := {dates.day(c.from) | some c in contexts; dates.day(c.from) < day}
	count(earlier) > 0
} else := ""

_assessed(sref, day, previous) if {
	some aref in ai.aiias[sref]
	performed := dates.day(records.get(aref).performed_on)
	performed <= day
	performed > previous
}

_r2_items_p contains result.fail("R2", msg, [at]) if {
	some at, [sref, day, previous] in _contexts
	not _assessed(sref, day, previous)
	msg := sprintf(
		"%s (a deployment context of %s from %s) has no impact assessment performed %son or before that day: %s",
		[at, sref, day, _after(previous), "assess the new context before use begins"],
	)
}

_after("") := ""

_after(previous) := sprintf("after the previous context began (%s) and ", [previous]) if previous != ""

findings contains f if {
	some f in result.check(
		"R2", "every deployment context that began in the lookback window was impact-assessed before it began",
		{at | some at, _ in _contexts}, _r2_items,
	)
}

# --- R3: actual use reviewed, or attested by the owner.

_population := ai3.production_refs

_reviews := {k: vs |
	some k in {x[0] | some x in _reviews_rows}
	vs := {x[1] | some x in _reviews_rows; x[0] == k}
}

_reviews_rows := {[x, dates.day(a.performed_on)] |
	some a in records.of("Activity")
	a.activity_type == "intended-use-review"
	dates.visible(a.performed_on)
	some x in a.subject_refs
}

_last_review(sref) := dates.latest(_reviews[sref])

_reviewed(sref) if dates.within(_last_review(sref), input.params.intended_use_review_days)

_last_text(sref) := _last_review(sref)

_last_text(sref) := "never" if not _last_review(sref)

_r3_items_p contains result.fail("R3", msg, [sref]) if {
	some sref in _population
	not _reviewed(sref)
	s := records.get(sref)
	count(ai3.owner_attestations(_control, s)) == 0
	msg := sprintf(
		concat("", [
			"%s has no intended-use review within intended_use_review_days=%d (last: %s) and no current attestation of ",
			"%s by its owner %s (%s): review actual use against the intended use",
		]),
		[
			sref, input.params.intended_use_review_days, _last_text(sref), _control, s.owner,
			ai3.owner_why_not(_control, s),
		],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [sref]) if {
	some sref in _population
	due := dates.add_days(_last_review(sref), input.params.intended_use_review_days)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s needs its next intended-use review by %s", [sref, due])
}

_r3_refs := _population | {ref |
	some sref in _population
	not _reviewed(sref)
	some ref in ai3.owner_attestations(_control, records.get(sref))
}

findings contains f if {
	some f in result.check(
		"R3", "actual use of every AI system in production was reviewed against its intended use, or attested by its owner",
		_r3_refs, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
