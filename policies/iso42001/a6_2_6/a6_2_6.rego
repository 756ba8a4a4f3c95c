# METADATA
# title: AI system operation and monitoring
# description: >-
#   Every AI system in production says which measures are watched and where their limits lie,
#   monitoring evidence (monitoring reviews, drift checks) follows without long gaps, every
#   crossed limit leads to an incident or a finding within a few days, and a person who is
#   still with the organization answers for running the system.
# scope: package
# custom:
#   control: iso42001:A.6.2.6
#   class: a
#   evidence: [AISystem, Activity, TestRun, Incident, Finding, Person]
#   rules:
#     R1: >-
#       Every AI system in production (in service at stage deployment or later) declares at least
#       one monitoring metric in monitoring.metrics, each with a numeric threshold and a direction.
#     R2: >-
#       For every AI system in production, monitoring evidence - an Activity of type
#       ai-monitoring-review naming the system in subject_refs, or a TestRun of type ai-drift
#       naming it in scope or in a result's resource - leaves no gap longer than the shorter of
#       ai_monitoring_review_days and the system's monitoring.review_interval_days, from the later
#       of the day it went live and the start of the lookback window up to the as-of date (at
#       risk when the next evidence is due within at_risk_days).
#     R3: >-
#       Every threshold breach in the lookback window - a failed result (status fail) of an
#       ai-drift TestRun about an AI system, or an ai-monitoring-review Activity with outcome
#       issues-found - links an Incident or Finding (the TestRun's findings, a Finding whose
#       source is the TestRun, or the Activity's outputs) opened no later than
#       ai_breach_response_days after the breach; a breach without one is at risk while that
#       window is still open.
#     R4: >-
#       Every AI system in production names a technical_owner (the person who answers for running
#       it) who is an active person at the as-of date.
#   decisions:
#     - Production means in service at stage deployment or operation (data.annexa.lib.ai3.production).
#     - R2 measures gaps between consecutive evidence days. The first gap starts at the last
#       evidence on or before the window start (the later of lookback start and the first day of
#       stage deployment or operation), or at the window start when there is none; the last gap
#       runs to the as-of date. A system's own review_interval_days applies when it is shorter.
#     - Monitoring evidence is only what names the system; an Activity about all AI systems must
#       list each of them.
#     - The free-text metric names of an Activity cannot be matched to the declared metrics, so a
#       breach is what the evidence itself reports as one (a failed ai-drift check, or a
#       monitoring review that found issues).
#     - An Incident or Finding counts when it is linked from the breach record or names the
#       TestRun as its source, and was opened (reported_on, first_seen_on) on or before the breach
#       day plus ai_breach_response_days; one opened earlier for the same problem also counts.
#     - The model's "operations owner" is the AISystem's technical_owner (the schema describes it
#       as the person who answers for how the system is built and run).
package annexa.iso42001.a6_2_6

import data.annexa.lib.ai
import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai3.production_refs

# --- R1: monitoring metrics with thresholds.

_metrics(s) := object.get(s, ["monitoring", "metrics"], [])

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	count(_metrics(s)) == 0
	msg := sprintf(
		"%s is in production (stage %s) but declares no monitoring metrics: add monitoring.metrics with thresholds",
		[ref, ai.stage(s)],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, sprintf("monitoring.metrics.%d", [i]))]) if {
	some ref in _population
	s := records.get(ref)
	some i, m in _metrics(s)
	not _limited(m)
	msg := sprintf(
		"monitoring metric %s of %s has no numeric threshold or no direction: state the limit and which way is better",
		[object.get(m, "name", "?"), ref],
	)
}

_limited(m) if {
	is_number(m.threshold)
	m.direction in {"up", "down"}
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system in production declares monitoring metrics with thresholds",
		_population, _r1_items,
	)
}

# --- R2: monitoring evidence without long gaps.

# _evidence maps an AISystem ref to the days monitoring evidence named it.
_evidence := {k: vs |
	some k in {x[0] | some x in _evidence_rows}
	vs := {x[1] | some x in _evidence_rows; x[0] == k}
}

_evidence_rows := {[sref, dates.day(a.performed_on)] |
	some a in records.of("Activity")
	a.activity_type == "ai-monitoring-review"
	dates.visible(a.performed_on)
	some sref in a.subject_refs
} | {[sref, dates.day(t.performed_on)] |
	some t in records.of("TestRun")
	t.test_type == "ai-drift"
	dates.visible(t.performed_on)
	some sref in _named_by(t)
}

_named_by(t) := {x | some x in t.scope} | {r.resource | some r in object.get(t, "results", []); r.resource}

# _interval returns the shorter of ai_monitoring_review_days and the system's own interval.
_interval(s) := min({input.params.ai_monitoring_review_days, _own_interval(s)})

_own_interval(s) := object.get(s, ["monitoring", "review_interval_days"], input.params.ai_monitoring_review_days)

# _live_from returns the first day of stage deployment or later (retired excluded).
_live_from(s) := min({dates.day(e.from) |
	some e in s.lifecycle
	e.stage != "retired"
	ai.stage_rank[e.stage] >= ai.stage_rank.deployment
})

_window_start(s) := max({_live_from(s), dates.add_days(input.as_of, 0 - input.params.lookback_days)})

_days(sref) := object.get(_evidence, sref, set())

# _anchor returns the last evidence day on or before the window start, else the window start.
_anchor(sref, s) := max(before) if {
	before := {d | some d in _days(sref); d <= _window_start(s)}
	count(before) > 0
} else := _window_start(s)

# _points returns the sorted days that bound the gaps of a system: the anchor, the evidence
# inside the window and the as-of date.
_points(sref, s) := array.concat(sort({_anchor(sref, s)} | _inside(sref, s)), [input.as_of])

_inside(sref, s) := {d | some d in _days(sref); d > _window_start(s)}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	points := _points(ref, s)
	some i in numbers.range(1, count(points) - 1)
	gap := dates.days_between(points[i - 1], points[i])
	gap > _interval(s)
	msg := sprintf(
		concat("", [
			"%s has no monitoring evidence (ai-monitoring-review Activity or ai-drift TestRun) from %s to %s, ",
			"%d days, more than %d (ai_monitoring_review_days or its own review_interval_days): ",
			"review its monitoring and record it",
		]),
		[ref, points[i - 1], points[i], gap, _interval(s)],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some ref in _population
	s := records.get(ref)
	points := _points(ref, s)
	last := points[count(points) - 2]
	due := dates.add_days(last, _interval(s))
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s needs its next monitoring evidence by %s (last: %s)", [ref, due, last])
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"monitoring evidence of every AI system in production leaves no gap longer than %d days",
			[input.params.ai_monitoring_review_days],
		),
		_population, _r2_items,
	)
}

# --- R3: threshold breaches lead to an incident or finding.

# _breaches maps a breach ref (a failed result or a review with issues) to its record, system and day.
_breaches := {x[0]: x[1] | some x in _breaches_rows}

_breaches_rows := {[records.at(t, sprintf("results.%d", [i])), breach] |
	some t in records.of("TestRun")
	t.test_type == "ai-drift"
	day := dates.day(t.performed_on)
	dates.within(day, input.params.lookback_days)
	some i, r in object.get(t, "results", [])
	r.status == "fail"
	system := object.get(r, "resource", concat(", ", t.scope))
	breach := {"record": records.ref(t), "system": system, "day": day}
} | {[records.ref(a), breach] |
	some a in records.of("Activity")
	a.activity_type == "ai-monitoring-review"
	a.outcome == "issues-found"
	day := dates.day(a.performed_on)
	dates.within(day, input.params.lookback_days)
	breach := {"record": records.ref(a), "system": concat(", ", sort(_ai_subjects(a))), "day": day}
}

_ai_subjects(a) := {x | some x in a.subject_refs; startswith(x, "AISystem/")}

# _responses maps a breach record ref to the Incident and Finding refs linked to it.
_responses := {k: vs |
	some k in {x[0] | some x in _responses_rows}
	vs := {x[1] | some x in _responses_rows; x[0] == k}
}

_responses_rows := ({[records.ref(t), x] |
	some t in records.of("TestRun")
	t.test_type == "ai-drift"
	some x in object.get(t, "findings", [])
} | {[f.source, records.ref(f)] |
	some f in records.of("Finding")
}) | {[records.ref(a), x] |
	some a in records.of("Activity")
	a.activity_type == "ai-monitoring-review"
	some x in object.get(a, "outputs", [])
	split(x, "/")[0] in {"Incident", "Finding"}
}

_opened(x) := dates.day(records.get(x).reported_on) if startswith(x, "Incident/")

_opened(x) := dates.day(records.get(x).first_seen_on) if startswith(x, "Finding/")

_due(b) := dates.add_days(b.day, input.params.ai_breach_response_days)

_responded(b) if {
	some x in object.get(_responses, b.record, set())
	_opened(x) <= _due(b)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref, b in _breaches
	not _responded(b)
	_due(b) < input.as_of
	msg := sprintf(
		concat("", [
			"%s reports a monitoring breach of %s on %s, but no Incident or Finding linked to it was opened by %s ",
			"(ai_breach_response_days=%d): open one and link it",
		]),
		[ref, b.system, b.day, _due(b), input.params.ai_breach_response_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some ref, b in _breaches
	not _responded(b)
	_due(b) >= input.as_of
	msg := sprintf(
		"%s reports a monitoring breach of %s on %s: open and link an Incident or Finding by %s",
		[ref, b.system, b.day, _due(b)],
	)
}

findings contains f if {
	some f in result.check(
		"R3",
		sprintf(
			"every monitoring breach led to an Incident or Finding within %d days",
			[input.params.ai_breach_response_days],
		),
		{ref | some ref, _ in _breaches}, _r3_items,
	)
}

# --- R4: an active operations owner.

_r4_items_p contains result.fail("R4", msg, [_owner_ref(s)]) if {
	some ref in _population
	s := records.get(ref)
	not people.active_ref(object.get(s, "technical_owner", ""))
	msg := sprintf(
		"%s has technical_owner %s, who is not an active person at %s: assign someone to run it",
		[ref, object.get(s, "technical_owner", "none"), input.as_of],
	)
}

_owner_ref(s) := records.at(s, "technical_owner") if s.technical_owner

_owner_ref(s) := records.ref(s) if not s.technical_owner

findings contains f if {
	some f in result.check(
		"R4", "every AI system in production has an active technical owner who runs it",
		_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
