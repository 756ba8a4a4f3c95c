# METADATA
# title: Objectives for responsible development of AI system
# description: >-
#   The organization has measurable objectives for developing AI responsibly, each owned by someone
#   still working for it; every AI system it develops or provides is tied to at least one of them;
#   and each objective is measured as often as it says, with a follow-up action for every time it
#   was missed.
# scope: package
# custom:
#   control: iso42001:A.6.1.2
#   class: a
#   evidence: [Objective, AISystem, Person, Nonconformity, Activity, ManagementSystem]
#   rules:
#     R1: >-
#       At least one active Objective of category ai-development exists (recorded_on, when set, on or
#       before as-of, and due_on, when set, not before as-of), and every active one has a metric with
#       a name and a numeric target and an owner who is an active person.
#     R2: >-
#       Every AI system in service whose ai_role is provider, developer or provider-and-user is tied
#       to at least one active ai-development Objective - the objective lists it in ai_systems, or the
#       system lists the objective in objectives.
#     R3: >-
#       Every active ai-development Objective was measured within its measurement_interval_days
#       (default objective_measure_days) - counted from its latest measurement, or from recorded_on
#       when it has none yet - at risk within at_risk_days of that deadline; and every measurement
#       with met false inside lookback_days has a follow-up action - a Nonconformity whose source_ref
#       is the objective raised on or after the miss, a Nonconformity, RiskTreatment, ChangeRecord,
#       Incident or Finding listed in the objective's links, or a measurement source that is an
#       Activity with outputs.
#   decisions:
#     - An objective whose due_on has passed is no longer active; the organization sets new ones.
#     - Objective has no field for actions; the three ways of R3 are the links the model offers (the
#       envelope links map, Nonconformity.source_ref, and the outputs of the Activity that took the
#       measurement). Links in the objective's links map are not dated, so any of them counts for
#       every miss.
#     - A system's ai_role user alone is covered by A.9.3 (objectives for responsible use), not here.
#     - Without any active ai-development objective R1 fails once, naming the AIMS ManagementSystem.
package annexa.iso42001.a6_1_2

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# _objectives are the refs of the active ai-development objectives.
_objectives_p contains records.ref(o) if {
	some o in records.of("Objective")
	o.category == "ai-development"
	not _not_yet_recorded(o)
	not _past_due(o)
}

_not_yet_recorded(o) if {
	is_string(o.recorded_on)
	not dates.visible(o.recorded_on)
}

_past_due(o) if dates.day(o.due_on) < input.as_of

# --- R1: at least one active objective, each with metric, target and an active owner.

_r1_items_p contains result.fail("R1", msg, [ai2.aims_ref]) if {
	count(_objectives) == 0
	msg := sprintf(
		"no active Objective of category ai-development at %s: set measurable objectives for responsible development",
		[input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(o, "metric")]) if {
	some ref in _objectives
	o := records.get(ref)
	not _measurable(o)
	msg := sprintf("%s has no metric name or numeric target: state what is measured and the target", [ref])
}

_measurable(o) if {
	trim_space(o.metric.name) != ""
	is_number(o.metric.target)
}

_r1_items_p contains result.fail("R1", msg, [records.at(o, "owner")]) if {
	some ref in _objectives
	o := records.get(ref)
	not people.active_ref(o.owner)
	msg := sprintf("the owner of %s, %s, is not an active person at %s: assign an owner", [ref, o.owner, input.as_of])
}

findings contains f if {
	some f in result.check(
		"R1", "active responsible-development objectives exist, each with a metric, a target and an active owner",
		_objectives | {ai2.aims_ref | count(_objectives) == 0}, _r1_items,
	)
}

# --- R2: every system the organization develops or provides has such an objective.

_r2_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	s.ai_role in {"provider", "developer", "provider-and-user"}
	ai.in_service(s)
}

_tied_p contains sref if {
	some ref in _objectives
	some sref in object.get(records.get(ref), "ai_systems", [])
}

_tied_p contains sref if {
	some sref in _r2_population
	some ref in object.get(records.get(sref), "objectives", [])
	ref in _objectives
}

_r2_items_p contains result.fail("R2", msg, [sref]) if {
	some sref in _r2_population
	not sref in _tied
	s := records.get(sref)
	msg := sprintf(
		"%s (ai_role %s) is tied to no active ai-development objective: set one that lists the system in ai_systems",
		[sref, s.ai_role],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every AI system the organization develops or provides has a responsible-development objective",
		_r2_population, _r2_items,
	)
}

# --- R3: measured on time; misses followed up.

_interval(o) := object.get(o, "measurement_interval_days", input.params.objective_measure_days)

_measured_days(o) := {dates.day(m.on) | some m in object.get(o, "measurements", []); dates.visible(m.on)}

_since(o) := max(_measured_days(o)) if count(_measured_days(o)) > 0

_since(o) := dates.day(o.recorded_on) if {
	count(_measured_days(o)) == 0
	dates.visible(o.recorded_on)
}

_due(o) := dates.add_days(_since(o), _interval(o))

_r3_items_p contains result.fail("R3", msg, [records.at(o, "measurements")]) if {
	some ref in _objectives
	o := records.get(ref)
	_due(o) < input.as_of
	msg := sprintf(
		"%s was last measured on %s and was due again by %s (every %d days): measure it",
		[ref, _last_text(o), _due(o), _interval(o)],
	)
}

_last_text(o) := max(_measured_days(o)) if count(_measured_days(o)) > 0

_last_text(o) := sprintf("never (recorded %s)", [o.recorded_on]) if count(_measured_days(o)) == 0

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _objectives
	o := records.get(ref)
	not _since(o)
	msg := sprintf("%s has never been measured: measure it every %d days", [ref, _interval(o)])
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some ref in _objectives
	due := _due(records.get(ref))
	ops.due_soon(due)
	msg := sprintf("%s is due to be measured by %s", [ref, due])
}

# _ncs maps a source_ref to the days nonconformities were raised from it.
_ncs := {k: vs |
	some k in {x[0] | some x in _ncs_rows}
	vs := {x[1] | some x in _ncs_rows; x[0] == k}
}

_ncs_rows := {[n.source_ref, dates.day(n.raised_on)] |
	some n in records.of("Nonconformity")
	dates.visible(n.raised_on)
}

_action_kinds := {"Nonconformity", "RiskTreatment", "ChangeRecord", "Incident", "Finding"}

_linked_action(o) if {
	some refs in object.get(o, "links", {})
	some r in refs
	split(r, "/")[0] in _action_kinds
	records.exists(r)
}

_followed_up(o, _) if _linked_action(o)

_followed_up(o, m) if {
	some day in _ncs[records.ref(o)]
	day >= dates.day(m.on)
}

_followed_up(_, m) if {
	a := records.get(m.source)
	a.kind == "Activity"
	count(object.get(a, "outputs", [])) > 0
}

_r3_items_p contains result.fail("R3", msg, [records.at(o, sprintf("measurements.%d", [i]))]) if {
	some ref in _objectives
	o := records.get(ref)
	some i, m in object.get(o, "measurements", [])
	m.met == false
	dates.within(m.on, input.params.lookback_days)
	not _followed_up(o, m)
	msg := sprintf(
		concat("", [
			"%s missed its target on %s (value %v, target %v) with no follow-up action linked: ",
			"raise a nonconformity or link the action",
		]),
		[ref, m.on, m.value, o.metric.target],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every responsible-development objective is measured on time and its misses are followed up",
		_objectives, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_objectives := _objectives_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_tied := _tied_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
