# METADATA
# title: Response to information security incidents
# description: >-
#   Incidents are worked through to the end: each has an owner and a severity, is contained and
#   resolved, or while still open is kept moving with regular updates; and everyone we must tell
#   about an incident, by law or by contract, is told before the deadline runs out.
# scope: package
# custom:
#   control: iso27001:A.5.26
#   class: a
#   evidence: [Incident, LegalRequirement]
#   rules:
#     R1: >-
#       Every incident (triage classification incident, or an untriaged record of category
#       security-incident, privacy-breach or ai-incident) reported inside the lookback window or
#       still open has an owner and a severity sev1..sev4, and either has timeline.resolved_on and
#       timeline.contained_on by the as-of date, or, while not resolved, its latest activity
#       (report, triage, timeline entry or update) lies within incident_update_days.
#     R2: >-
#       Every notification duty of those incidents is met. A listed notification is due at the
#       earlier of detection (timeline.detected_on, else reported_on) + the shortest deadline_hours
#       of the breach-notification obligations of its basis LegalRequirement, and its own due_on (a
#       date means the end of that day); it fails when sent after that, or not sent once the
#       deadline lies before the as-of date, and is at risk within at_risk_days of the deadline;
#       a listed notification without any deadline fails until sent. A LegalRequirement with a
#       breach-notification obligation whose applies_to names an affected record, or that is tagged
#       privacy when the incident is a privacy-breach, must be listed as the basis of a
#       notification: until its deadline it is at risk, after it a failure.
#   decisions:
#     - >-
#       applies_to all does not link a requirement to every incident: whether a breach duty is
#       triggered is a judgement recorded by listing the notification, or by the privacy-breach
#       category for requirements tagged privacy.
#     - >-
#       "Open" means not resolved; a resolved incident may still await closure and its review (5.27).
#       The triage decision, every timeline date and every update count as activity.
#     - A breach-notification obligation without deadline_hours is due at detection when triggered but not listed.
#     - The notification logic lives in lib/incidents.rego so 5.34 R4 applies the same checks to privacy breaches.
package annexa.iso27001.a5_26

import data.annexa.lib.dates
import data.annexa.lib.incidents
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: incidents owned, rated, contained and resolved, or kept moving.

_r1_population_p contains records.ref(i) if {
	some i in records.of("Incident")
	incidents.is_incident(i)
	incidents.in_period(i)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	i := records.get(ref)
	object.get(i, "owner", "") == ""
	msg := sprintf("%s has no owner: name the person who leads the response", [ref])
}

_r1_items_p contains result.fail("R1", msg, [records.at(i, "severity")]) if {
	some ref in _r1_population
	i := records.get(ref)
	not incidents.severity_rank[object.get(i, "severity", "")]
	msg := sprintf("%s has severity %q, not one of sev1 to sev4: rate the incident", [ref, object.get(i, "severity", "")])
}

_contained(i) if dates.visible(i.timeline.contained_on)

_r1_items_p contains result.fail("R1", msg, [records.at(i, "timeline.contained_on")]) if {
	some ref in _r1_population
	i := records.get(ref)
	incidents.resolved(i)
	not _contained(i)
	msg := sprintf(
		"%s was resolved on %s but records no containment (timeline.contained_on): record when it was contained",
		[ref, i.timeline.resolved_on],
	)
}

_activity(i) := ({i.reported_on} | _triage_day(i)) | (_timeline_days(i) | _update_days(i))

_triage_day(i) := {d | d := i.triage.decided_on}

_timeline_days(i) := {d | some d in object.get(i, "timeline", {})}

_update_days(i) := {u.on | some u in object.get(i, "updates", [])}

_last_activity(i) := dates.latest(_activity(i))

_moving(i) if dates.within(_last_activity(i), input.params.incident_update_days)

_r1_items_p contains result.fail("R1", msg, [records.at(i, "updates")]) if {
	some ref in _r1_population
	i := records.get(ref)
	not incidents.resolved(i)
	not _moving(i)
	msg := sprintf(
		"%s is open and its last update was on %s, more than incident_update_days (%d) ago: update it or resolve it",
		[ref, _last_activity(i), input.params.incident_update_days],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every incident has an owner and a severity and was contained and resolved, or updated within %d days",
			[input.params.incident_update_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: notification duties met.

_r2_population := {d | some iref in incidents.duty_incidents; some d in object.get(incidents.duties, iref, set())}

_r2_items_p contains result.fail("R2", p.message, [p.ref]) if {
	some p in incidents.problems
	p.outcome == "fail"
}

_r2_items_p contains result.at_risk("R2", p.message, [p.ref]) if {
	some p in incidents.problems
	p.outcome == "at_risk"
}

findings contains f if {
	some f in result.check(
		"R2", "every notification an incident triggered was sent by its deadline",
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p
