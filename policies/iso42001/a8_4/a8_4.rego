# METADATA
# title: Communication of incidents
# description: >-
#   A communication plan in force says who is told what, when and how when an AI system is
#   involved in an incident; every AI incident that owes someone a notice (by law, by contract
#   or to affected users) sent it by its deadline; and communication of AI incidents is
#   rehearsed in a drill every year.
# scope: package
# custom:
#   control: iso42001:A.8.4
#   class: a
#   evidence: [Document, Incident, LegalRequirement, Exercise, ManagementSystem]
#   rules:
#     R1: >-
#       A current Document of doc_type plan, communication or procedure (published, approved for
#       its version, not superseded) has content_flags.ai_incident_communication true and was
#       reviewed or approved within its review_interval_days, or doc_review_days when it sets none
#       (at risk within at_risk_days of that deadline).
#     R2: >-
#       Every AI incident (category ai-incident, or an incident naming an AI system in ai.ai_system)
#       that is an incident at the as-of date (triaged as one, or untriaged in an incident
#       category), reported inside lookback_days or still open, sent each notification it lists by
#       its deadline (the earlier of due_on and detection plus the basis requirement's
#       deadline_hours), and lists a notification for every breach-notification duty of the legal
#       register it triggers (applies_to naming an affected record); at risk while a deadline
#       within at_risk_days is still open.
#     R3: >-
#       An Exercise of exercise_type ai-incident-drill was performed within ir_tabletop_days (at
#       risk within at_risk_days of the next one being due).
#   decisions:
#     - The approver's checklist flag ai_incident_communication stands for the plan covering the
#       audiences, content, timing and channels of AI incident notices; the model names these four
#       parts but the schema gives no structure for them.
#     - Notification duties and deadlines are those of data.annexa.lib.incidents (as for 27001
#       A.5.26), limited to incidents that involve an AI system.
#     - The model says 365 d for the drill without a parameter; ir_tabletop_days (default 365), the
#       interval of incident exercises, is used. Any drill counts whatever its result; a failed
#       drill is followed up through its actions.
package annexa.iso42001.a8_4

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.incidents
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current, reviewed AI incident communication plan.

_plans_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type in {"plan", "communication", "procedure"}
	d.content_flags.ai_incident_communication == true
	docs.current(d)
}

_due(d) := dates.add_days(docs.last_reviewed(d), docs.review_interval(d, input.params.doc_review_days))

_fresh := {ref | some ref in _plans; _due(records.get(ref)) >= input.as_of}

_r1_population := _plans if count(_plans) > 0

_r1_population := {ai3.aims_ref} if count(_plans) == 0

_r1_items_p contains result.fail("R1", msg, [ai3.aims_ref]) if {
	count(_plans) == 0
	msg := sprintf(
		concat("", [
			"no current plan covers the communication of AI incidents at %s ",
			"(content_flags.ai_incident_communication on a current plan, communication or procedure): write one",
		]),
		[input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	count(_fresh) == 0
	some ref in _plans
	d := records.get(ref)
	msg := sprintf(
		"%s, the AI incident communication plan, was last reviewed on %s and was due on %s: review it",
		[ref, docs.last_reviewed(d), _due(d)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref in _fresh
	due := _due(records.get(ref))
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s, the AI incident communication plan, is due for review on %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R1", "a current, reviewed plan covers the communication of AI incidents",
		_r1_population, _r1_items,
	)
}

# --- R2: AI incidents sent their notices in time.

_ai(i) if i.category == "ai-incident"

_ai(i) if i.ai.ai_system

_r2_population := {iref |
	some iref in incidents.duty_incidents
	_ai(records.get(iref))
	incidents.duties[iref]
}

_r2_items_p contains item if {
	some p in incidents.problems
	p.incident in _r2_population
	item := _item(p)
}

_item(p) := result.fail("R2", p.message, [p.ref]) if p.outcome == "fail"

_item(p) := result.at_risk("R2", p.message, [p.ref]) if p.outcome == "at_risk"

findings contains f if {
	some f in result.check(
		"R2", "every AI incident with a notification duty sent its notices by their deadlines",
		_r2_population, _r2_items,
	)
}

# --- R3: an AI incident drill within ir_tabletop_days.

_drills := {k: vs |
	some k in {x[0] | some x in _drills_rows}
	vs := {x[1] | some x in _drills_rows; x[0] == k}
}

_drills_rows := {[dates.day(e.performed_on), records.ref(e)] |
	some e in records.of("Exercise")
	e.exercise_type == "ai-incident-drill"
	dates.visible(e.performed_on)
}

_last_drill := max({d | some d, _ in _drills})

_r3_population := _drills[_last_drill]

_r3_population := {ai3.aims_ref} if count(_drills) == 0

_drill_due := dates.add_days(_last_drill, input.params.ir_tabletop_days)

_r3_items_p contains result.fail("R3", msg, [ai3.aims_ref]) if {
	count(_drills) == 0
	msg := sprintf("no AI incident drill has been performed by %s: hold an ai-incident-drill Exercise", [input.as_of])
}

_r3_items_p contains result.fail("R3", msg, _drills[_last_drill]) if {
	_drill_due < input.as_of
	msg := sprintf(
		"the last AI incident drill was on %s, more than ir_tabletop_days=%d ago: hold one",
		[_last_drill, input.params.ir_tabletop_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, _drills[_last_drill]) if {
	_drill_due >= input.as_of
	dates.days_between(input.as_of, _drill_due) <= input.params.at_risk_days
	msg := sprintf("the next AI incident drill is due by %s", [_drill_due])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("an AI incident drill was held within %d days", [input.params.ir_tabletop_days]),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_plans := _plans_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
