# METADATA
# title: Incidents
# description: >-
#   Shared facts of the incident controls: how severities are ordered, which records are
#   incidents at the as-of date (triage said so, or an incident category awaits triage), which
#   are open, resolved or closed, which fall in the lookback window, hour-based deadlines, and
#   the notification duties each incident owes (listed in its notifications, or triggered by
#   the legal register) with their problems: sent late, not sent after the deadline, or due soon.
# scope: package
package annexa.lib.incidents

import data.annexa.lib.dates
import data.annexa.lib.records
import rego.v1

hour_ns := 3600000000000

# severity_rank orders severities; sev1 is the most severe.
severity_rank := {"sev1": 1, "sev2": 2, "sev3": 3, "sev4": 4}

# at_least holds when severity sev is as severe as least or more (sev1 is at least sev2).
at_least(sev, least) if severity_rank[sev] <= severity_rank[least]

# incident_categories are the categories that are incidents before anyone triages them.
incident_categories := {"security-incident", "privacy-breach", "ai-incident"}

# visible holds when an incident was reported by the as-of date.
visible(i) if dates.visible(i.reported_on)

# triaged holds when an incident's triage decision was taken by the as-of date.
triaged(i) if dates.visible(i.triage.decided_on)

# is_incident holds when triage classified the record as an incident, or when it has no
# triage yet and its category is an incident category.
is_incident(i) if {
	visible(i)
	triaged(i)
	i.triage.classification == "incident"
}

is_incident(i) if {
	visible(i)
	not triaged(i)
	i.category in incident_categories
}

# resolved holds when normal service was back by the as-of date.
resolved(i) if dates.visible(i.timeline.resolved_on)

# closed holds when the incident was closed by the as-of date.
closed(i) if dates.visible(i.timeline.closed_on)

# in_period holds when an incident was reported inside the lookback window or is still open.
in_period(i) if {
	visible(i)
	dates.within(i.reported_on, input.params.lookback_days)
}

in_period(i) if {
	visible(i)
	not closed(i)
}

# start is when the clock of a notification deadline starts: detection, else the report.
start(i) := object.get(i, ["timeline", "detected_on"], i.reported_on)

# plus_hours returns the instant (ns) h hours after a date (midnight UTC) or timestamp.
plus_hours(t, h) := dates.ns(t) + (h * hour_ns)

# end_ns returns the last instant a deadline allows: a timestamp itself, a date's last second.
end_ns(d) := dates.ns(d) if contains(d, "T")

end_ns(d) := (dates.ns(d) + dates.day_ns) - 1000000000 if not contains(d, "T")

# stamp formats an instant (ns) as an RFC 3339 timestamp in UTC.
stamp(n) := time.format([n, "UTC", "2006-01-02T15:04:05Z07:00"])

# overdue holds when a deadline (ns) lies before the as-of date.
overdue(due) if due < dates.as_of_ns

# due_soon holds when a deadline (ns) lies on or after the as-of date and at most at_risk_days ahead.
due_soon(due) if {
	not overdue(due)
	dates.days_between(input.as_of, stamp(due)) <= input.params.at_risk_days
}

# --- Notification duties.

_has_notice(l) if {
	some o in object.get(l, "obligations", [])
	o.type == "breach-notification"
}

# _notice_hours is the shortest deadline_hours of a requirement's breach-notification duties.
_notice_hours(lref) := min(hs) if {
	l := records.get(lref)
	hs := {o.deadline_hours |
		some o in object.get(l, "obligations", [])
		o.type == "breach-notification"
		is_number(o.deadline_hours)
	}
	count(hs) > 0
}

# _duty_hours is _notice_hours, or 0 (due at detection) when the duty names no deadline.
_duty_hours(lref) := h if {
	h := _notice_hours(lref)
} else := 0

_by_target_p[t] contains records.ref(l) if {
	some l in records.of("LegalRequirement")
	_has_notice(l)
	some t in l.applies_to
	t != "all"
}

_privacy_notices_p contains records.ref(l) if {
	some l in records.of("LegalRequirement")
	_has_notice(l)
	"privacy" in object.get(l, "tags", [])
}

_pii_triggered(i) := _privacy_notices if i.category == "privacy-breach"

_pii_triggered(i) := set() if i.category != "privacy-breach"

# triggered is the set of LegalRequirement refs whose breach-notification duty an incident
# triggers: those whose applies_to names a record it affects (applies_to all does not count),
# and, for a privacy breach, every requirement tagged privacy.
triggered(i) := {l |
	some a in object.get(i, "affected", [])
	some l in object.get(_by_target, a, set())
} | _pii_triggered(i)

_listed(i) := {n.basis | some n in object.get(i, "notifications", []); n.basis}

# entry_due is the deadline (ns) of a listed notification: the earlier of detection plus the
# basis requirement's deadline_hours and the entry's own due_on; undefined when neither exists.
entry_due(i, n) := min(dues) if {
	computed := {plus_hours(start(i), h) | h := _notice_hours(n.basis)}
	written := {end_ns(d) | d := n.due_on}
	dues := computed | written
	count(dues) > 0
}

_sent(n) if dates.visible(n.sent_on)

# duty_incidents is the set of incident refs whose notification duties are checked: incidents
# reported inside the lookback window or still open.
_duty_incidents_p contains records.ref(i) if {
	some i in records.of("Incident")
	is_incident(i)
	in_period(i)
}

# duties maps an incident ref to the refs of its notification duties: each listed
# notification (Incident/x#notifications.k) and each triggered requirement it does not list.
_duties_p[iref] contains records.at(i, sprintf("notifications.%d", [k])) if {
	some iref in duty_incidents
	i := records.get(iref)
	some k, _ in object.get(i, "notifications", [])
}

_duties_p[iref] contains lref if {
	some iref in duty_incidents
	i := records.get(iref)
	some lref in triggered(i)
	not lref in _listed(i)
}

# problems is the set of notification problems: {incident, outcome (fail or at_risk), message, ref}.
_problems_p contains {"incident": iref, "outcome": "fail", "message": msg, "ref": ref} if {
	some iref in duty_incidents
	i := records.get(iref)
	some k, n in object.get(i, "notifications", [])
	_sent(n)
	due := entry_due(i, n)
	dates.ns(n.sent_on) > due
	ref := records.at(i, sprintf("notifications.%d.sent_on", [k]))
	msg := sprintf(
		"%s notified %s on %s, after the deadline %s (basis %s): record why and tighten the notification procedure",
		[iref, n.to, n.sent_on, stamp(due), object.get(n, "basis", "none")],
	)
}

_problems_p contains {"incident": iref, "outcome": "fail", "message": msg, "ref": ref} if {
	some iref in duty_incidents
	i := records.get(iref)
	some k, n in object.get(i, "notifications", [])
	not _sent(n)
	due := entry_due(i, n)
	overdue(due)
	ref := records.at(i, sprintf("notifications.%d", [k]))
	msg := sprintf(
		"%s has not notified %s although the deadline %s has passed (basis %s): send the notification and record sent_on",
		[iref, n.to, stamp(due), object.get(n, "basis", "none")],
	)
}

_problems_p contains {"incident": iref, "outcome": "at_risk", "message": msg, "ref": ref} if {
	some iref in duty_incidents
	i := records.get(iref)
	some k, n in object.get(i, "notifications", [])
	not _sent(n)
	due := entry_due(i, n)
	due_soon(due)
	ref := records.at(i, sprintf("notifications.%d", [k]))
	msg := sprintf("%s must notify %s by %s (basis %s)", [iref, n.to, stamp(due), object.get(n, "basis", "none")])
}

_problems_p contains {"incident": iref, "outcome": "fail", "message": msg, "ref": ref} if {
	some iref in duty_incidents
	i := records.get(iref)
	some k, n in object.get(i, "notifications", [])
	not _sent(n)
	not entry_due(i, n)
	ref := records.at(i, sprintf("notifications.%d", [k]))
	msg := sprintf(
		"%s owes a notification to %s with no deadline (no due_on, no basis with deadline_hours) and none was sent: %s",
		[iref, n.to, "set the deadline and send it"],
	)
}

_problems_p contains {"incident": iref, "outcome": outcome, "message": msg, "ref": iref} if {
	some iref in duty_incidents
	i := records.get(iref)
	some lref in triggered(i)
	not lref in _listed(i)
	due := plus_hours(start(i), _duty_hours(lref))
	outcome := _unlisted_outcome(due)
	msg := sprintf(
		"%s triggers the notification duty of %s (%d h from %s, due %s) but lists no notification with that basis: %s",
		[iref, lref, _duty_hours(lref), start(i), stamp(due), "notify and record it in notifications"],
	)
}

_unlisted_outcome(due) := "at_risk" if {
	not overdue(due)
} else := "fail"

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_by_target := _by_target_p

_privacy_notices := _privacy_notices_p

duty_incidents := _duty_incidents_p

duties := _duties_p

problems := _problems_p
