# METADATA
# title: Objectives for responsible use of AI system
# description: >-
#   Every AI system the organization uses in production has at least one objective for using it
#   responsibly, with a metric and a target; every such objective is measured as often as it
#   says, and every missed target leads to a recorded action.
# scope: package
# custom:
#   control: iso42001:A.9.3
#   class: a
#   evidence: [AISystem, Objective, Activity, Nonconformity, RiskTreatment, ChangeRecord, Risk]
#   rules:
#     R1: >-
#       Every AI system in production (in service at stage deployment or later) whose ai_role is
#       user or provider-and-user is linked (Objective.ai_systems or AISystem.objectives) to at
#       least one active Objective of category ai-use with a metric name and a numeric target.
#     R2: >-
#       Every active ai-use Objective was last measured within its measurement_interval_days, or
#       objective_measure_days when it sets none (at risk within at_risk_days of the next
#       measurement being due), and every measurement inside lookback_days with met false links an
#       action - outputs of the Activity named as the measurement's source, or a Nonconformity,
#       RiskTreatment, ChangeRecord or Risk that names the Objective (source_ref or links) - or is
#       at most ai_breach_response_days old (then at risk).
#   decisions:
#     - An Objective is active unless its due_on lies before the as-of date.
#     - The Objective kind has no field for actions, so a miss is linked to an action through the
#       record that produced the measurement or through records that name the Objective; whether
#       the action addresses the miss is for the auditor.
#     - The model gives no time to act on a miss; ai_breach_response_days, the time allowed to act
#       on a crossed monitoring limit (A.6.2.6), is used.
package annexa.iso42001.a9_3

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: every used AI system has a responsible-use objective.

_population := {ref |
	some ref in ai3.production_refs
	records.get(ref).ai_role in {"user", "provider-and-user"}
}

_active(o) if not _ended(o)

_ended(o) if o.due_on < input.as_of

_objectives_p contains records.ref(o) if {
	some o in records.of("Objective")
	o.category == "ai-use"
	_active(o)
}

# _links maps an AISystem ref to the active ai-use Objectives linked to it.
_links := {k: vs |
	some k in {x[0] | some x in _links_rows}
	vs := {x[1] | some x in _links_rows; x[0] == k}
}

_links_rows := {[sref, oref] |
	some oref in _objectives
	some sref in object.get(records.get(oref), "ai_systems", [])
} | {[sref, oref] |
	some sref in _population
	some oref in object.get(records.get(sref), "objectives", [])
	oref in _objectives
}

_measurable(o) if {
	trim_space(object.get(o, ["metric", "name"], "")) != ""
	is_number(o.metric.target)
}

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	not _has_measurable(sref)
	msg := sprintf(
		"%s is used in production but has no active ai-use Objective with a metric and target (linked: %s): set one",
		[sref, _names(object.get(_links, sref, set()))],
	)
}

_has_measurable(sref) if {
	some oref in _links[sref]
	_measurable(records.get(oref))
}

_names(refs) := concat(", ", sort(refs)) if count(refs) > 0

_names(refs) := "none" if count(refs) == 0

findings contains f if {
	some f in result.check(
		"R1", "every AI system used in production has a responsible-use objective with a metric and target",
		_population, _r1_items,
	)
}

# --- R2: measured on schedule, misses acted on.

_interval(o) := object.get(o, "measurement_interval_days", input.params.objective_measure_days)

_last(o) := dates.latest({m.on | some m in object.get(o, "measurements", [])})

_last_text(o) := _last(o)

_last_text(o) := "never" if not _last(o)

_measured(o) if dates.within(_last(o), _interval(o))

_r2_items_p contains result.fail("R2", msg, [oref]) if {
	some oref in _objectives
	o := records.get(oref)
	not _measured(o)
	msg := sprintf(
		"%s was last measured on %s, not within its interval of %d days: measure it",
		[oref, _last_text(o), _interval(o)],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [oref]) if {
	some oref in _objectives
	o := records.get(oref)
	due := dates.add_days(_last(o), _interval(o))
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s must be measured again by %s", [oref, due])
}

# _acted maps an Objective ref to the records that name it as an action.
_acted := {k: vs |
	some k in {x[0] | some x in _acted_rows}
	vs := {x[1] | some x in _acted_rows; x[0] == k}
}

_acted_rows := {[o, records.ref(n)] |
	some n in records.of("Nonconformity")
	o := n.source_ref
} | {[o, records.ref(r)] |
	some kind in ["Nonconformity", "RiskTreatment", "ChangeRecord", "Risk"]
	some r in records.of(kind)
	some refs in object.get(r, "links", {})
	some o in refs
}

_source_outputs(m) := object.get(records.get(m.source), "outputs", [])

_handled(oref, _) if _acted[oref]

_handled(_, m) if count(_source_outputs(m)) > 0

_misses_p contains [oref, i] if {
	some oref in _objectives
	some i, m in object.get(records.get(oref), "measurements", [])
	m.met == false
	dates.within(m.on, input.params.lookback_days)
}

_miss_due(m) := dates.add_days(m.on, input.params.ai_breach_response_days)

_r2_items_p contains result.fail("R2", msg, [records.at(o, sprintf("measurements.%d", [i]))]) if {
	some [oref, i] in _misses
	o := records.get(oref)
	m := o.measurements[i]
	not _handled(oref, m)
	_miss_due(m) < input.as_of
	msg := sprintf(
		"%s missed its target on %s (value %v, target %v) and no action is linked to it: record the action taken",
		[oref, m.on, m.value, o.metric.target],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [records.at(o, sprintf("measurements.%d", [i]))]) if {
	some [oref, i] in _misses
	o := records.get(oref)
	m := o.measurements[i]
	not _handled(oref, m)
	_miss_due(m) >= input.as_of
	msg := sprintf("%s missed its target on %s: link an action by %s", [oref, m.on, _miss_due(m)])
}

findings contains f if {
	some f in result.check(
		"R2", "every responsible-use objective is measured on schedule and every miss has an action",
		_objectives, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_objectives := _objectives_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_misses := _misses_p
