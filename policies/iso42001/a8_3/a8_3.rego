# METADATA
# title: External reporting
# description: >-
#   People outside the organization can report harm or problems caused by an AI system through
#   a channel that is published where the system's users read about it and that is tested to
#   work; every report received that way is triaged within the organization's limit and closed
#   with a recorded outcome.
# scope: package
# custom:
#   control: iso42001:A.8.3
#   class: a
#   evidence: [AISystem, CommsChannel, Disclosure, Incident]
#   rules:
#     R1: >-
#       Every AI system in production (in service at stage deployment or later) with affects.users
#       or affects.public true has an external reporting channel - its reporting_channel, or a
#       CommsChannel that names it in related - of channel_type external-ai-report and direction
#       inbound; one such channel lists in published_in a published Disclosure about the system,
#       and one such channel passed a test (result ok) within channel_test_days (at risk within
#       at_risk_days of the next test being due).
#     R2: >-
#       Every external report - an Incident of category external-report, or one reported_via an
#       external-ai-report channel - reported inside lookback_days or still open was triaged
#       (triage.decided_on) within concern_triage_days of reported_on (at risk while that time
#       runs and is within at_risk_days of its end), and when closed it records an outcome (a
#       post_incident_review or at least one update).
#   decisions:
#     - A reporting_channel that does not resolve to an external-ai-report channel is reported, since
#       the system then points users at the wrong place.
#     - Publication and tests may be shown by different channels of the same system; each is
#       checked across the system's external channels.
#     - The model gives no deadline for closing a report, so a report still open is not failed for
#       that (only its triage deadline applies); a closed one must show what came of it.
#     - Days are counted by date; a triage on the last allowed day is in time.
package annexa.iso42001.a8_3

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := {ref |
	some ref in ai3.production_refs
	s := records.get(ref)
	_user_facing(s)
}

_user_facing(s) if s.affects.users == true

_user_facing(s) if s.affects.public == true

_external(c) if {
	c.kind == "CommsChannel"
	c.channel_type == "external-ai-report"
	c.direction == "inbound"
}

# --- R1: a published, tested external reporting channel.

# _channels maps an AISystem ref to its external reporting channels.
_channels := {k: vs |
	some k in {x[0] | some x in _channels_rows}
	vs := {x[1] | some x in _channels_rows; x[0] == k}
}

_channels_rows := {[sref, ref] |
	some sref in _population
	ref := records.get(sref).reporting_channel
	_external(records.get(ref))
} | {[sref, records.ref(c)] |
	some c in records.of("CommsChannel")
	_external(c)
	some sref in object.get(c, "related", [])
	sref in _population
}

_published(sref) if {
	some ref in _channels[sref]
	some where in object.get(records.get(ref), "published_in", [])
	where in object.get(ai3.disclosures, sref, set())
}

_last_ok(sref) := dates.latest({t.on |
	some ref in _channels[sref]
	some t in object.get(records.get(ref), "tests", [])
	t.result == "ok"
})

_last_ok_text(sref) := _last_ok(sref)

_last_ok_text(sref) := "never" if not _last_ok(sref)

_tested(sref) if dates.within(_last_ok(sref), input.params.channel_test_days)

_r1_items_p contains result.fail("R1", msg, [records.at(s, "reporting_channel")]) if {
	some sref in _population
	s := records.get(sref)
	s.reporting_channel
	not _external(records.get(s.reporting_channel))
	msg := sprintf(
		"%s names reporting_channel %s, which is not an inbound external-ai-report CommsChannel: fix the reference",
		[sref, s.reporting_channel],
	)
}

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	not _channels[sref]
	msg := sprintf(
		"%s affects users or the public but has no external AI reporting channel: set up one and link it",
		[sref],
	)
}

_r1_items_p contains result.fail("R1", msg, _channels[sref]) if {
	some sref in _population
	_channels[sref]
	not _published(sref)
	msg := sprintf(
		"the external reporting channel of %s (%s) is not listed in published_in of any published Disclosure of it: %s",
		[sref, concat(", ", sort(_channels[sref])), "publish it where users read about the system"],
	)
}

_r1_items_p contains result.fail("R1", msg, _channels[sref]) if {
	some sref in _population
	_channels[sref]
	not _tested(sref)
	msg := sprintf(
		"the external reporting channel of %s (%s) has no successful test within channel_test_days=%d (last: %s): test it",
		[sref, concat(", ", sort(_channels[sref])), input.params.channel_test_days, _last_ok_text(sref)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, _channels[sref]) if {
	some sref in _population
	due := dates.add_days(_last_ok(sref), input.params.channel_test_days)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("the external reporting channel of %s must be tested again by %s", [sref, due])
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system that affects users has a published external reporting channel that was tested",
		_population, _r1_items,
	)
}

# --- R2: external reports triaged in time and closed with an outcome.

_external_channels := {records.ref(c) | some c in records.of("CommsChannel"); _external(c)}

_report(i) if i.category == "external-report"

_report(i) if i.reported_via in _external_channels

_r2_population_p contains records.ref(i) if {
	some i in records.of("Incident")
	_report(i)
	dates.visible(i.reported_on)
	_in_period(i)
}

_in_period(i) if dates.within(i.reported_on, input.params.lookback_days)

_in_period(i) if not _closed(i)

_closed(i) if dates.visible(i.timeline.closed_on)

_triaged(i) if dates.visible(i.triage.decided_on)

_due(i) := dates.add_days(i.reported_on, input.params.concern_triage_days)

_r2_items_p contains result.fail("R2", msg, [records.at(i, "triage.decided_on")]) if {
	some ref in _r2_population
	i := records.get(ref)
	_triaged(i)
	dates.day(i.triage.decided_on) > _due(i)
	msg := sprintf(
		"%s was reported on %s and triaged on %s, after %s (concern_triage_days=%d): triage reports sooner",
		[ref, dates.day(i.reported_on), dates.day(i.triage.decided_on), _due(i), input.params.concern_triage_days],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	i := records.get(ref)
	not _triaged(i)
	_due(i) < input.as_of
	msg := sprintf(
		"%s was reported on %s and is still not triaged, due %s (concern_triage_days=%d): triage it",
		[ref, dates.day(i.reported_on), _due(i), input.params.concern_triage_days],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some ref in _r2_population
	i := records.get(ref)
	not _triaged(i)
	_due(i) >= input.as_of
	dates.days_between(input.as_of, _due(i)) <= input.params.at_risk_days
	msg := sprintf("%s must be triaged by %s", [ref, _due(i)])
}

_outcome(i) if dates.visible(i.post_incident_review.completed_on)

_outcome(i) if {
	some u in object.get(i, "updates", [])
	dates.visible(u.on)
}

_r2_items_p contains result.fail("R2", msg, [records.at(i, "timeline.closed_on")]) if {
	some ref in _r2_population
	i := records.get(ref)
	_closed(i)
	not _outcome(i)
	msg := sprintf(
		"%s was closed on %s without a recorded outcome (no update or post-incident review): record what came of it",
		[ref, dates.day(i.timeline.closed_on)],
	)
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every external report was triaged within %d days and closed with an outcome",
			[input.params.concern_triage_days],
		),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p
