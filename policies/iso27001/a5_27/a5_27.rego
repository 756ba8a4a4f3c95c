# METADATA
# title: Learning from information security incidents
# description: >-
#   Serious incidents are reviewed soon after they are closed: the review names the root cause
#   and either sets follow-up actions or explains why none are needed, and the follow-up actions
#   are finished by the dates they were given.
# scope: package
# custom:
#   control: iso27001:A.5.27
#   class: a
#   evidence: [Incident, RiskTreatment, Nonconformity, ChangeRecord]
#   rules:
#     R1: >-
#       Every incident of severity pir_min_severity or more severe, closed (timeline.closed_on)
#       inside the lookback window, has post_incident_review.completed_on no later than
#       closed_on + pir_days, with a non-empty root_cause and at least one action or a
#       no_action_rationale. Until closed_on + pir_days has passed a missing review is not a
#       failure (at risk within at_risk_days of that date).
#     R2: >-
#       Every action linked from those reviews exists and was finished by its due date: a
#       RiskTreatment by its due_on (or the new_due_on of its latest approved replan dated by the
#       as-of date); each corrective action of a Nonconformity that has a due_on by that date. An
#       unfinished action fails once its due date lies before the as-of date and is at risk within
#       at_risk_days of it. ChangeRecords and other records carry no due date and only need to exist.
#   decisions:
#     - Incidents are those of lib/incidents (triage classification incident, or an untriaged incident category).
#     - Review dates are compared by day (closed_on may be a timestamp).
#     - >-
#       A replan counts when it is dated by the as-of date and was approved by someone; the latest
#       replan by date sets the due date.
package annexa.iso27001.a5_27

import data.annexa.lib.dates
import data.annexa.lib.incidents
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: post-incident reviews of serious incidents, in time and complete.

_r1_population_p contains records.ref(i) if {
	some i in records.of("Incident")
	incidents.is_incident(i)
	incidents.at_least(i.severity, input.params.pir_min_severity)
	incidents.closed(i)
	dates.within(i.timeline.closed_on, input.params.lookback_days)
}

_deadline(i) := dates.add_days(i.timeline.closed_on, input.params.pir_days)

_reviewed(i) if dates.visible(i.post_incident_review.completed_on)

_r1_items_p contains result.fail("R1", msg, [records.at(i, "post_incident_review")]) if {
	some ref in _r1_population
	i := records.get(ref)
	not _reviewed(i)
	_deadline(i) < input.as_of
	msg := sprintf(
		"%s (%s) was closed on %s and has no post-incident review; pir_days (%d) ended on %s: hold and record the review",
		[ref, i.severity, dates.day(i.timeline.closed_on), input.params.pir_days, _deadline(i)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [records.at(i, "post_incident_review")]) if {
	some ref in _r1_population
	i := records.get(ref)
	not _reviewed(i)
	ops.due_soon(_deadline(i))
	msg := sprintf("%s needs its post-incident review by %s", [ref, _deadline(i)])
}

_r1_items_p contains result.fail("R1", msg, [records.at(i, "post_incident_review.completed_on")]) if {
	some ref in _r1_population
	i := records.get(ref)
	_reviewed(i)
	i.post_incident_review.completed_on > _deadline(i)
	msg := sprintf(
		"%s was closed on %s but reviewed only on %s, after closed_on + pir_days (%s)",
		[ref, dates.day(i.timeline.closed_on), i.post_incident_review.completed_on, _deadline(i)],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(i, "post_incident_review.root_cause")]) if {
	some ref in _r1_population
	i := records.get(ref)
	_reviewed(i)
	trim_space(object.get(i, ["post_incident_review", "root_cause"], "")) == ""
	msg := sprintf("%s's post-incident review records no root_cause: state why the incident happened", [ref])
}

_r1_items_p contains result.fail("R1", msg, [records.at(i, "post_incident_review.actions")]) if {
	some ref in _r1_population
	i := records.get(ref)
	_reviewed(i)
	count(object.get(i, ["post_incident_review", "actions"], [])) == 0
	trim_space(object.get(i, ["post_incident_review", "no_action_rationale"], "")) == ""
	msg := sprintf(
		"%s's post-incident review lists no actions and no no_action_rationale: link the follow-ups or explain why none",
		[ref],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every incident of severity %s or worse closed in the period was reviewed within %d days, %s",
			[input.params.pir_min_severity, input.params.pir_days, "with root cause and follow-up"],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: follow-up actions finished by their due dates.

# _actions maps each action ref to the incidents whose reviews link it.
_actions := {k: vs |
	some k in {x[0] | some x in _actions_rows}
	vs := {x[1] | some x in _actions_rows; x[0] == k}
}

_actions_rows := {[a, ref] |
	some ref in _r1_population
	i := records.get(ref)
	_reviewed(i)
	some a in object.get(i, ["post_incident_review", "actions"], [])
}

_r2_population := {a | some a, _ in _actions}

_r2_items_p contains result.fail("R2", msg, [a]) if {
	some a, from in _actions
	not records.exists(a)
	msg := sprintf(
		"%s, linked as an action of %s, does not exist: record the action or fix the link",
		[a, concat(", ", sort(from))],
	)
}

# _due_dates maps an action ref and a field path to [due date, done date or ""]: one entry for a
# RiskTreatment, one per dated corrective action of a Nonconformity.
_due_dates := {k: vs |
	some k in {x[0] | some x in _due_dates_rows}
	vs := {x[1] | some x in _due_dates_rows; x[0] == k}
}

_due_dates_rows := {[a, [a, _rt_due(t), object.get(t, "completed_on", "")]] |
	some a in _r2_population
	startswith(a, "RiskTreatment/")
	t := records.get(a)
} | {[a, [ref, c.due_on, object.get(c, "done_on", "")]] |
	some a in _r2_population
	startswith(a, "Nonconformity/")
	n := records.get(a)
	some k, c in object.get(n, "corrective_actions", [])
	c.due_on
	ref := records.at(n, sprintf("corrective_actions.%d", [k]))
}

_rt_due(t) := max({r.new_due_on | some r in replans; r.on == latest}) if {
	replans := [r | some r in object.get(t, "replans", []); dates.visible(r.on); r.approved_by]
	count(replans) > 0
	latest := max({r.on | some r in replans})
} else := t.due_on

_done(d) if {
	d != ""
	dates.visible(d)
}

_r2_items_p contains result.fail("R2", msg, [x[0]]) if {
	some a in _r2_population
	some x in object.get(_due_dates, a, set())
	_done(x[2])
	x[2] > x[1]
	msg := sprintf("%s was finished on %s, after its due date %s", [x[0], x[2], x[1]])
}

_r2_items_p contains result.fail("R2", msg, [x[0]]) if {
	some a in _r2_population
	some x in object.get(_due_dates, a, set())
	not _done(x[2])
	x[1] < input.as_of
	msg := sprintf("%s is not finished although it was due on %s: finish it or approve a replan", [x[0], x[1]])
}

_r2_items_p contains result.at_risk("R2", msg, [x[0]]) if {
	some a in _r2_population
	some x in object.get(_due_dates, a, set())
	not _done(x[2])
	ops.due_soon(x[1])
	msg := sprintf("%s is due on %s", [x[0], x[1]])
}

findings contains f if {
	some f in result.check(
		"R2", "every action from a post-incident review was finished by its due date",
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p
