# METADATA
# title: Clear desk and clear screen
# description: >-
#   A current clear desk and clear screen policy is accepted by everyone; every device locks its
#   screen within the organisation's limit, as a recent device snapshot shows; and desks at our
#   offices are spot-checked on schedule with problems followed up, or, for an organisation
#   without offices of its own, the practice is attested for a limited time.
# scope: package
# custom:
#   control: iso27001:A.7.7
#   class: b
#   evidence: [Document, Acknowledgement, Person, Asset, TestRun, Activity, Site, ManagementSystem, Attestation]
#   rules:
#     R1: >-
#       A current policy or topic policy with topic clear-desk exists, and every active Person
#       acknowledged it or an earlier version of it; people who started at most ack_grace_days ago
#       are not counted.
#     R2: >-
#       Every active endpoint Asset (not retired, not lost) has, in its latest mdm-posture snapshot
#       that reports a screen-lock check (check_id starting with screen_lock), a snapshot dated within
#       posture_max_age_days, and there every screen-lock result passed and any limit in the check id
#       (a suffix _le_N, in minutes) is at most screen_lock_max_minutes.
#     R3: >-
#       Every office or co-working Site among the in-scope sites that are not inherited has an
#       Activity of type clear-desk-check naming it in subject_refs within clear_desk_check_days, and
#       every clear-desk-check in the lookback window (lookback_days) with outcome issues-found lists
#       at least one output. With no such site (a fully remote organisation), a current Attestation
#       of iso27001:A.7.7 by a holder of Role/facilities-lead or Role/isms-manager is required instead.
#   decisions:
#     - The policy applies to every active person; acknowledging any version counts here, since A.5.1
#       R4 measures acknowledgement of the current major version.
#     - Screen-lock checks are recognised by a check_id that starts with screen_lock; a limit encoded
#       as _le_N must not exceed screen_lock_max_minutes, because a passing check against a looser
#       limit proves nothing about ours.
#     - R3 asks for the latest check within the interval rather than for no gap over the whole
#       lookback window.
#     - The model names no attesting role for the remote case; the physical attesters are accepted.
package annexa.iso27001.a7_7

import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_control := "iso27001:A.7.7"

# --- R1: the policy is current and acknowledged.

_policies := object.get(docs.current_by_topic, "clear-desk", set())

_counted := {p | some p in people.active_refs; not physical.newcomer(p)}

# _acknowledged is the set of people who acknowledged a current policy or an earlier version of it.
_acknowledged := {p | some d in _policies; some p in physical.acknowledgers(d)}

_missing := _counted - _acknowledged

_r1_population := (_policies | _counted) | {ops.isms_ref | count(_policies) == 0}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_policies) == 0
	msg := sprintf(
		"no current clear desk and clear screen policy at %s: publish and approve a topic-policy with topic clear-desk",
		[input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, _policies | _missing) if {
	count(_policies) > 0
	count(_missing) > 0
	msg := sprintf(
		"%s is not acknowledged by %d of %d active people: have %s acknowledge it",
		[physical.short(_policies), count(_missing), count(_counted), physical.short(_missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "the clear desk and clear screen policy is current and acknowledged by every active person",
		_r1_population, _r1_items,
	)
}

# --- R2: screens lock within the limit.

_lost(a) if dates.visible(a.lifecycle.lost_on)

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "endpoint"
	ops.active_asset(a)
	not _lost(a)
}

# _idx indexes the screen-lock results of the mdm-posture runs.
_idx := tech.checks_index({"mdm-posture"}, "screen_lock")

# _locks maps an endpoint to [day, check_id, status] of the mdm-posture screen-lock results
# reported for it.
_locks := {ref: xs |
	some ref in _r2_population
	xs := {[x[4], x[1], x[2]] | some x in tech.rows_in(_idx, ref)}
	count(xs) > 0
}

# _last maps an endpoint with screen-lock results to the day of the latest.
_last := {ref: max({x[0] | some x in xs}) | some ref, xs in _locks}

_cutoff := dates.cutoff(input.params.posture_max_age_days)

_fresh(ref) if dates.since(_last[ref], _cutoff)

_last_text(ref) := _last[ref]

_last_text(ref) := "never" if not _last[ref]

# _limit returns the minutes a check id is bound to (screen_lock_minutes_le_15 gives 15).
_limit(check_id) := to_number(m[0][1]) if {
	m := regex.find_all_string_submatch_n(`_le_([0-9]+)$`, check_id, 1)
	count(m) > 0
}

_bad(x) if x[2] != "pass"

_bad(x) if _limits[x[1]] > input.params.screen_lock_max_minutes

# _limits maps each screen-lock check id reported to the minutes it is bound to, so that the
# regular expression runs once per check id, not once per result.
_limits := {c: n |
	some c in {x[1] | some xs in _locks; some x in xs}
	n := _limit(c)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not _fresh(ref)
	msg := sprintf(
		concat("", [
			"%s has no screen-lock check in a posture snapshot of the last %d days (last: %s): ",
			"enrol it in MDM and collect posture",
		]),
		[ref, input.params.posture_max_age_days, _last_text(ref)],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	_fresh(ref)
	last := _last[ref]
	bad := {sprintf("%s %s", [x[1], x[2]]) | some x in _locks[ref]; x[0] == last; _bad(x)}
	count(bad) > 0
	msg := sprintf(
		"%s does not lock its screen within screen_lock_max_minutes (%d) in the snapshot of %s (%s): fix the setting",
		[ref, input.params.screen_lock_max_minutes, _last[ref], concat(", ", sort(bad))],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every endpoint locks its screen within %d minutes in a snapshot of the last %d days",
			[input.params.screen_lock_max_minutes, input.params.posture_max_age_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: desks spot-checked at our offices, or attested by a remote organisation.

_desk_sites_p contains ref if {
	some ref in physical.local
	object.get(records.get(ref), "site_type", "") in {"office", "coworking"}
}

# _checks maps a subject of a visible clear-desk-check to the days it was checked on.
_checks := {s: ds |
	some s in {x[0] | some x in _checks_rows}
	ds := {x[1] | some x in _checks_rows; x[0] == s}
}

_checks_rows := {[s, a.performed_on] |
	some a in records.of("Activity")
	a.activity_type == "clear-desk-check"
	dates.visible(a.performed_on)
	some s in a.subject_refs
}

_last_check(ref) := dates.latest(_checks[ref])

_checked(ref) if dates.within(_last_check(ref), input.params.clear_desk_check_days)

_last_check_text(ref) := _last_check(ref)

_last_check_text(ref) := "never" if not _last_check(ref)

_unfollowed_p contains records.ref(a) if {
	some a in records.of("Activity")
	a.activity_type == "clear-desk-check"
	a.outcome == "issues-found"
	count(object.get(a, "outputs", [])) == 0
	dates.since(a.performed_on, _lookback_cutoff)
}

_lookback_cutoff := dates.cutoff(input.params.lookback_days)

_remote_attestations := attest.current(_control, physical.attesters, "")

_r3_population := (_desk_sites | _unfollowed) | {ops.isms_ref | count(_desk_sites) == 0}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _desk_sites
	not _checked(ref)
	msg := sprintf(
		"%s has no clear-desk-check in the last %d days (clear_desk_check_days; last: %s): spot-check the desks",
		[ref, input.params.clear_desk_check_days, _last_check_text(ref)],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(records.get(ref), "outputs")]) if {
	some ref in _unfollowed
	msg := sprintf(
		"%s found issues on %s but links no follow-up (outputs): record the nonconformity or finding raised",
		[ref, records.get(ref).performed_on],
	)
}

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_desk_sites) == 0
	count(_remote_attestations) == 0
	msg := sprintf(
		"no office is in scope, so clear desk practice must be attested by %s, but there is none current (%s): %s",
		[physical.attesters_text, attest.why_not(_control, physical.attesters, ""), "record an Attestation"],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"desks were spot-checked within %d days with issues followed up, or clear desk practice is attested",
			[input.params.clear_desk_check_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_desk_sites := _desk_sites_p

_unfollowed := _unfollowed_p

_r3_items := _r3_items_p
