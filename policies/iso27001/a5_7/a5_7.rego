# METADATA
# title: Threat intelligence
# description: >-
#   The organisation gathers and uses information about threats: it keeps at least one threat
#   intelligence source that someone looks after, reviews what the sources report at a steady
#   cadence with no long pauses, and every review that found something relevant led to a recorded
#   follow-up such as a risk, a finding, a change or an incident.
# scope: package
# custom:
#   control: iso27001:A.5.7
#   class: a
#   evidence: [CommsChannel, Activity, Person, Risk, Finding, ChangeRecord, Incident, ManagementSystem]
#   rules:
#     R1: >-
#       At least one CommsChannel with channel_type threat-intel-feed is active: its owner is an
#       active Person and its latest test, if it has any, did not fail.
#     R2: >-
#       Across the lookback window (lookback_days before as-of up to as-of), no two consecutive
#       Activity records of type threat-intel-review, nor the start of the window (or the last review
#       before it) and the first review, nor the last review and the as-of date, lie more than
#       ti_review_days apart. The next review is at risk when it falls due within at_risk_days.
#     R3: >-
#       Every threat-intel-review performed within lookback_days with outcome issues-found lists in
#       outputs at least one Risk, Finding, ChangeRecord or Incident that exists in the bundle.
#   decisions:
#     - R1 reads "active" as owned by an active person and not known to be broken (latest test not
#       failed); channels carry no dates of their own.
#     - R2 anchors the window on the last review before it when there is one; otherwise the window
#       start itself counts as the start of a gap, so an organisation with no reviews early in the
#       window fails for that gap.
#     - R2 reports each gap once, naming the reviews at either end (the ManagementSystem when an end
#       is the window boundary or the as-of date).
#     - R3 does not accept a Nonconformity as an output, as the rule lists the four kinds it wants, and
#       an output must resolve to a record.
package annexa.iso27001.a5_7

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: an active threat-intelligence source with an owner.

_feeds_p contains records.ref(c) if {
	some c in records.of("CommsChannel")
	c.channel_type == "threat-intel-feed"
}

_owner_active(c) if people.active_ref(c.owner)

_broken(c) if {
	org.last_test_day(c)
	not org.latest_test_ok(c)
}

_active_feeds := {ref |
	some ref in _feeds
	c := records.get(ref)
	_owner_active(c)
	not _broken(c)
}

_r1_refs := _active_feeds if count(_active_feeds) > 0

_r1_refs := _feeds | {ops.isms_ref} if count(_active_feeds) == 0

findings contains f if {
	some f in result.require(
		"R1", count(_active_feeds) > 0,
		"at least one threat-intelligence source is active and owned",
		sprintf(
			"no threat-intelligence source is active on %s (threat-intel-feed channels: %s): %s",
			[input.as_of, org.listing(_feeds), "record a source with an active owner and a working feed"],
		),
		_r1_refs,
	)
}

# --- R2: reviews with no gap longer than ti_review_days across the lookback window.

_reviews_p contains a if {
	some a in records.of("Activity")
	a.activity_type == "threat-intel-review"
	dates.visible(a.performed_on)
}

# _by_day maps a day to the refs of the reviews performed on it.
_by_day := {day: refs |
	some day in {dates.day(a.performed_on) | some a in _reviews}
	refs := {records.ref(a) | some a in _reviews; dates.day(a.performed_on) == day}
}

_window_start := dates.add_days(input.as_of, 0 - input.params.lookback_days)

_in_window := sort({d | some d, _ in _by_day; d >= _window_start})

_start := max(before) if {
	before := {d | some d, _ in _by_day; d < _window_start}
	count(before) > 0
} else := _window_start

_points := array.concat(array.concat([_start], _in_window), [input.as_of])

_ends(i) := object.get(_by_day, _points[i], set()) | object.get(_by_day, _points[i + 1], set())

_gap_refs(i) := _ends(i) if count(_ends(i)) > 0

_gap_refs(i) := {ops.isms_ref} if count(_ends(i)) == 0

_r2_population := {ref | some d in _in_window; some ref in _by_day[d]} | {ops.isms_ref}

_r2_items_p contains result.fail("R2", msg, _gap_refs(i)) if {
	some i in numbers.range(0, count(_points) - 2)
	gap := dates.days_between(_points[i], _points[i + 1])
	gap > input.params.ti_review_days
	msg := sprintf(
		"no threat-intelligence review between %s and %s (%d days, more than ti_review_days %d): %s",
		[_points[i], _points[i + 1], gap, input.params.ti_review_days, "review the sources at least that often"],
	)
}

_next_due := dates.add_days(_points[count(_points) - 2], input.params.ti_review_days)

_r2_items_p contains result.at_risk("R2", msg, _gap_refs(count(_points) - 2)) if {
	ops.due_soon(_next_due)
	msg := sprintf("the next threat-intelligence review is due by %s", [_next_due])
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"threat intelligence was reviewed with no gap longer than %d days across the last %d days",
			[input.params.ti_review_days, input.params.lookback_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: reviews that found issues list their follow-up.

_r3_population_p contains records.ref(a) if {
	some a in _reviews
	a.outcome == "issues-found"
	dates.within(a.performed_on, input.params.lookback_days)
}

_output_kinds := {"Risk", "Finding", "ChangeRecord", "Incident"}

_followed_up(a) if {
	some o in object.get(a, "outputs", [])
	split(o, "/")[0] in _output_kinds
	records.exists(o)
}

_r3_items_p contains result.fail("R3", msg, [records.at(a, "outputs")]) if {
	some ref in _r3_population
	a := records.get(ref)
	not _followed_up(a)
	msg := sprintf(
		"%s on %s found issues but lists no Risk, Finding, ChangeRecord or Incident that exists (outputs: %s): %s",
		[ref, dates.day(a.performed_on), org.listing({o | some o in object.get(a, "outputs", [])}), "record the follow-up"],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every threat-intelligence review that found issues lists its follow-up",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_feeds := _feeds_p

_reviews := _reviews_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
