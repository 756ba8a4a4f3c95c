# METADATA
# title: Assessment and decision on information security events
# description: >-
#   Every reported security event is looked at quickly by someone on the incident team, within
#   the hours its severity allows, and the decision is recorded in a fixed vocabulary: it is an
#   incident, it is not, or it duplicates another report.
# scope: package
# custom:
#   control: iso27001:A.5.25
#   class: a
#   evidence: [Incident, Person, Role]
#   rules:
#     R1: >-
#       Every Incident of category security-event reported inside the lookback window has a triage
#       decision (triage.decided_on by the as-of date) no later than reported_on +
#       incident_triage_hours for its severity, taken by a person who on that day held
#       Role/incident-lead, Role/incident-responder or Role/on-call. An event still awaiting triage
#       fails once its deadline lies before the as-of date, and is at risk until then.
#     R2: >-
#       Every triaged event of R1 has triage.classification incident, not-incident or duplicate.
#   decisions:
#     - >-
#       The model names "the triage role" without defining it; the roles of the incident team in
#       required_roles_isms count: incident-lead, incident-responder and on-call.
#     - >-
#       Deadlines are exact to the hour (timestamps; a date counts as midnight UTC). As the as-of
#       value is a date, an untriaged event fails only when its deadline lies before that day.
#     - An unknown severity takes the shortest triage time of incident_triage_hours.
#     - Only category security-event is in scope, as written; records entered directly as incidents are covered by 5.26.
package annexa.iso27001.a5_25

import data.annexa.lib.dates
import data.annexa.lib.incidents
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_triage_roles := {"Role/incident-lead", "Role/incident-responder", "Role/on-call"}

# --- R1: security events triaged in time by the incident team.

_r1_population_p contains records.ref(i) if {
	some i in records.of("Incident")
	i.category == "security-event"
	incidents.visible(i)
	dates.within(i.reported_on, input.params.lookback_days)
}

_hours(i) := h if {
	h := input.params.incident_triage_hours[i.severity]
} else := min({h | some h in input.params.incident_triage_hours})

_due(i) := incidents.plus_hours(i.reported_on, _hours(i))

_r1_items_p contains result.fail("R1", msg, [records.at(i, "triage.decided_on")]) if {
	some ref in _r1_population
	i := records.get(ref)
	incidents.triaged(i)
	dates.ns(i.triage.decided_on) > _due(i)
	msg := sprintf(
		"%s (%s) was reported on %s and triaged on %s, after the deadline %s (incident_triage_hours %v): %s",
		[ref, i.severity, i.reported_on, i.triage.decided_on, incidents.stamp(_due(i)), _hours(i), "triage events faster"],
	)
}

_holder(i) if {
	some role in _triage_roles
	people.holds_on(records.get(i.triage.decided_by), role, dates.day(i.triage.decided_on))
}

_r1_items_p contains result.fail("R1", msg, [records.at(i, "triage.decided_by")]) if {
	some ref in _r1_population
	i := records.get(ref)
	incidents.triaged(i)
	not _holder(i)
	msg := sprintf(
		"%s was triaged by %s, who did not hold %s on %s: have the incident team triage events",
		[
			ref, object.get(i, ["triage", "decided_by"], "nobody"), concat(", ", sort(_triage_roles)),
			dates.day(i.triage.decided_on),
		],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	i := records.get(ref)
	not incidents.triaged(i)
	incidents.overdue(_due(i))
	msg := sprintf(
		"%s (%s) reported on %s is still not triaged; its deadline was %s (incident_triage_hours %v): triage it now",
		[ref, object.get(i, "severity", "?"), i.reported_on, incidents.stamp(_due(i)), _hours(i)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref in _r1_population
	i := records.get(ref)
	not incidents.triaged(i)
	not incidents.overdue(_due(i))
	msg := sprintf("%s awaits triage, due by %s", [ref, incidents.stamp(_due(i))])
}

findings contains f if {
	some f in result.check(
		"R1", "every security event was triaged by the incident team within incident_triage_hours",
		_r1_population, _r1_items,
	)
}

# --- R2: the decision uses the declared classification.

_classes := {"incident", "not-incident", "duplicate"}

_r2_population_p contains ref if {
	some ref in _r1_population
	incidents.triaged(records.get(ref))
}

_r2_items_p contains result.fail("R2", msg, [records.at(i, "triage.classification")]) if {
	some ref in _r2_population
	i := records.get(ref)
	not object.get(i, ["triage", "classification"], "") in _classes
	msg := sprintf(
		"%s was triaged as %q, which is not incident, not-incident or duplicate: record the decision in those terms",
		[ref, object.get(i, ["triage", "classification"], "")],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every triage decision is classified as incident, not-incident or duplicate",
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p
