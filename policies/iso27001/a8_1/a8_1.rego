# METADATA
# title: User end point devices
# description: >-
#   Every laptop or other user device in use is assigned to a current member of staff and
#   enrolled in device management; a recent device snapshot shows its disk encrypted, its
#   screen locking within the organisation's limit, a supported and recently patched operating
#   system and endpoint protection running; and devices of people who leave come back or are
#   wiped in time.
# scope: package
# custom:
#   control: iso27001:A.8.1
#   class: a
#   evidence: [Asset, Person, TestRun]
#   rules:
#     R1: >-
#       Every endpoint Asset in use (not retired, not lost, not back in stock) has assigned_to naming
#       a Person who is active at as-of, and declares its device-management id (external_ids.mdm_id).
#       Endpoints whose assignee has left are judged by R3 instead.
#     R2: >-
#       Every endpoint in use appears in an mdm-posture or edr TestRun performed within
#       posture_max_age_days, and for each of four check families the results about it in the latest
#       run that reports the family are at most posture_max_age_days old and all pass - disk
#       encryption (check_id ^disk_encryption), screen lock (^screen_lock, limit in the check id at
#       most screen_lock_max_minutes), operating system (^os_supported and ^os_patched, or one
#       ^os_supported_and_patched check, patch limit in days at most os_patch_days) and endpoint
#       protection (^edr_running).
#     R3: >-
#       Every endpoint assigned to a Person whose end_date lies within lookback_days was returned
#       (lifecycle.returned_on) or wiped (lifecycle.disposal.on) by end_date + asset_return_days;
#       one still out inside that window is at risk when due within at_risk_days.
#   decisions:
#     - "Check-id convention (lib/tech): a result is about an endpoint when its resource is the Asset ref
#       or one of its external ids (mdm_id, hostname). Families are prefixes of check_id:
#       disk_encryption, screen_lock, os_supported / os_patched, edr_running. The first number in a
#       screen-lock or OS check id is the limit the tool enforced (screen_lock_max_5_minutes: 5 minutes,
#       screen_lock_minutes_le_15: 15 minutes, os_supported_and_patched_30d: 30 days); a check without
#       a number fails, because a pass against an unknown limit says nothing about ours."
#     - An endpoint is back in stock (out of R1 and R2) when lifecycle.returned_on is on or before as-of
#       and it is not assigned to an active person; a returned device re-issued to an active person is
#       in use again.
#     - MDM enrolment is shown by external_ids.mdm_id (R1) together with a fresh snapshot (R2); the
#       schema has no enrolment field.
#     - R3 accepts a wipe (disposal record) in place of a return; a lost device counts neither way
#       (A.7.9 and A.5.11 handle losses).
package annexa.iso27001.a8_1

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_posture_types := {"mdm-posture", "edr"}

_lost(a) if dates.visible(a.lifecycle.lost_on)

_returned(a) if dates.visible(a.lifecycle.returned_on)

_assignee_active(a) if people.active_ref(a.assigned_to)

_in_stock(a) if {
	_returned(a)
	not _assignee_active(a)
}

_left(a) if dates.visible(records.get(a.assigned_to).end_date)

# _in_use are the endpoints someone can be using at as-of.
_in_use_p contains a if {
	some a in records.of("Asset")
	a.asset_type == "endpoint"
	ops.active_asset(a)
	not _lost(a)
	not _in_stock(a)
}

# --- R1: assigned to an active person and enrolled in MDM.

_r1_population := {records.ref(a) | some a in _in_use; not _left(a)}

_assignment_problem(a) := "is assigned to nobody (assigned_to)" if {
	not a.assigned_to
} else := sprintf("is assigned to %s, who has no Person record", [a.assigned_to]) if {
	not records.exists(a.assigned_to)
} else := sprintf("is assigned to %s, who is not active at %s", [a.assigned_to, input.as_of]) if {
	not _assignee_active(a)
}

_r1_items_p contains result.fail("R1", msg, [records.at(a, "assigned_to")]) if {
	some ref in _r1_population
	a := records.get(ref)
	problem := _assignment_problem(a)
	msg := sprintf("%s %s: assign it to the person who uses it or take it back", [ref, problem])
}

_enrolled(a) if a.external_ids.mdm_id

_r1_items_p contains result.fail("R1", msg, [records.at(a, "external_ids")]) if {
	some ref in _r1_population
	a := records.get(ref)
	not _enrolled(a)
	msg := sprintf("%s declares no device-management id (external_ids.mdm_id): enrol it in MDM", [ref])
}

findings contains f if {
	some f in result.check(
		"R1", "every endpoint in use is assigned to an active person and enrolled in device management",
		_r1_population, _r1_items,
	)
}

# --- R2: fresh posture with encryption, screen lock, patched OS and EDR.

_r2_population := {records.ref(a) | some a in _in_use}

_max_age := input.params.posture_max_age_days

# _cutoff is the first day of the posture_max_age_days window.
_cutoff := dates.cutoff(_max_age)

# _idx indexes the results of the posture runs, as tech.index(_posture_types) does, with arrays
# of rows grouped by comprehension indexes (cheaper per result than object.union_n).
_idx := {"types": _posture_types, "results": _posture_results, "scope": _posture_scope}

# _posture_runs maps the id of each visible posture run to [ns, day, type].
_posture_runs := {id: [dates.ns(t.performed_on), day, t.test_type] |
	some id, t in records.of("TestRun")
	t.test_type in _posture_types
	day := substring(t.performed_on, 0, 10)
	day <= input.as_of
}

_posture_results := {res: rows |
	some res in {object.get(r, "resource", "") | some id, _ in _posture_runs; some r in object.get(input.records.TestRun[id], "results", [])}
	rows := [[v[0], r.check_id, r.status, v[2], v[1], id, i, object.get(r, "severity", "unrated")] |
		some id, v in _posture_runs
		some i, r in object.get(input.records.TestRun[id], "results", [])
		object.get(r, "resource", "") == res
	]
}

_posture_scope := {x: ids |
	some x in {x | some id, _ in _posture_runs; some x in object.get(input.records.TestRun[id], "scope", []); startswith(x, "Asset/")}
	ids := {id: true |
		some id, _ in _posture_runs
		some y in object.get(input.records.TestRun[id], "scope", [])
		y == x
	}
}

# _requirements maps a requirement name to the pattern of its check family.
_requirements := {
	"disk encryption": `^disk_encryption`,
	"screen lock": `^screen_lock`,
	"a supported, patched operating system": `^os_(supported|patched)`,
	"endpoint protection running": `^edr_running`,
}

_os := "a supported, patched operating system"

# _families maps every posture check id to the requirements whose family it belongs to.
_families := tech.families(_idx, _requirements)

# _views maps an endpoint in use to its latest posture run (last) and the rows of the latest
# checks of each requirement that has any (latest).
_views := {ref: tech.view(_idx, ref, _families) | some ref in _r2_population}

# _fresh are the endpoints in use with a posture snapshot within posture_max_age_days.
_fresh := {ref | some ref, v in _views; dates.since(v.last.on, _cutoff)}

_last_text(ref) := _views[ref].last.on

_last_text(ref) := "never" if not _views[ref].last

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not ref in _fresh
	msg := sprintf(
		"%s has no device posture snapshot in the last %d days (posture_max_age_days; last: %s): collect posture from MDM",
		[ref, _max_age, _last_text(ref)],
	)
}

# _suspects are the [endpoint, requirement] pairs that may have a problem: no checks, a check
# that did not pass, a stale check, or check ids that do not show the limit. Only these are
# described by _problem; every pair with a problem is among them.
_suspects := (({[ref, req] | some ref in _fresh; some req, _ in _requirements; not _views[ref].latest[req]} | {[ref, req] |
	some ref in _fresh
	some req, rows in _views[ref].latest
	some x in rows
	not _plain(x)
}) | {[ref, _os] | some ref in _fresh; not _shown(_views[ref].latest[_os], _os_supported)}) | {[ref, _os] |
	some ref in _fresh
	not _shown(_views[ref].latest[_os], _os_patched)
}

# _plain holds for a row that passed on or after the cutoff with a check id that states the limit.
_plain(x) if {
	x[2] == "pass"
	x[4] >= _cutoff
	not x[1] in _loose_screen_lock
}

_shown(rows, ids) if {
	some x in rows
	x[1] in ids
}

# _loose_screen_lock are the screen-lock check ids that do not show the screen_lock_max_minutes limit.
_loose_screen_lock := {cid |
	some cid, names in _families
	"screen lock" in names
	not _within_limit(cid, input.params.screen_lock_max_minutes)
}

# _os_supported and _os_patched are the check ids that show a supported OS and patches within os_patch_days.
_os_supported := {cid | some cid, _ in _families; regex.match(`^os_supported`, cid)}

_os_patched := {cid | some cid, _ in _families; contains(cid, "patched"); _within_limit(cid, input.params.os_patch_days)}

# _checks returns the latest checks of a requirement about an endpoint.
_checks(ref, req) := tech.checks(_views[ref].latest[req])

# _problem says why the latest checks of a requirement do not show it; undefined when they do.
_problem(ref, req) := "no check reports it" if {
	not _views[ref].latest[req]
} else := sprintf("its latest check is of %s, older than %d days", [tech.checks_on(cs), _max_age]) if {
	cs := _checks(ref, req)
	not dates.since(tech.checks_on(cs), _cutoff)
} else := tech.describe(bad) if {
	bad := tech.failing(_checks(ref, req))
	count(bad) > 0
} else := _limit_problem(ref, req)

_limit_problem(ref, "screen lock") := sprintf("%s states no limit of at most %d minutes (screen_lock_max_minutes)", [
	concat(", ", sort(loose)),
	input.params.screen_lock_max_minutes,
]) if {
	loose := {o.check_id |
		some o in _checks(ref, "screen lock")
		not _within_limit(o.check_id, input.params.screen_lock_max_minutes)
	}
	count(loose) > 0
}

_limit_problem(ref, req) := "no check shows the operating system is supported" if {
	req == _os
	not _os_shown(_checks(ref, req))
} else := sprintf("no check shows patches within %d days (os_patch_days)", [input.params.os_patch_days]) if {
	req == _os
	not _os_patched_shown(_checks(ref, req))
}

_os_shown(cs) if {
	some o in cs
	regex.match(`^os_supported`, o.check_id)
}

_os_patched_shown(cs) if {
	some o in cs
	contains(o.check_id, "patched")
	_within_limit(o.check_id, input.params.os_patch_days)
}

_within_limit(check_id, n) if tech.limit(check_id) <= n

_at(ref, req) := sort({o.at | some o in bad}) if {
	bad := tech.failing(_checks(ref, req))
	count(bad) > 0
} else := [ref]

_r2_items_p contains result.fail("R2", msg, _at(ref, req)) if {
	some x in _suspects
	ref := x[0]
	req := x[1]
	problem := _problem(ref, req)
	msg := sprintf("%s does not show %s: %s; fix the device or its MDM checks", [ref, req, problem])
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			concat("", [
				"every endpoint in use shows disk encryption, screen lock within %d minutes, an OS patched within %d days ",
				"and endpoint protection in a snapshot of the last %d days",
			]),
			[input.params.screen_lock_max_minutes, input.params.os_patch_days, _max_age],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: devices of leavers returned or wiped in time.

_leaver_end(a) := p.end_date if {
	p := records.get(a.assigned_to)
	dates.within(p.end_date, input.params.lookback_days)
}

_r3_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "endpoint"
	_leaver_end(a)
}

_back_on(a) := min(days) if {
	lc := object.get(a, "lifecycle", {})
	days := {d |
		some d in [object.get(lc, "returned_on", null), object.get(object.get(lc, "disposal", {}), "on", null)]
		is_string(d)
		dates.visible(d)
	}
	count(days) > 0
}

_deadline(a) := dates.add_days(_leaver_end(a), input.params.asset_return_days)

_r3_items_p contains result.fail("R3", msg, [records.at(a, "lifecycle")]) if {
	some ref in _r3_population
	a := records.get(ref)
	_back_on(a) > _deadline(a)
	msg := sprintf(
		"%s of %s (left %s) came back on %s, after %s (asset_return_days %d)",
		[ref, a.assigned_to, _leaver_end(a), _back_on(a), _deadline(a), input.params.asset_return_days],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	a := records.get(ref)
	not _back_on(a)
	_deadline(a) < input.as_of
	msg := sprintf(
		"%s of %s (left %s) was neither returned nor wiped by %s (asset_return_days %d): recover or wipe it",
		[ref, a.assigned_to, _leaver_end(a), _deadline(a), input.params.asset_return_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some ref in _r3_population
	a := records.get(ref)
	not _back_on(a)
	ops.due_soon(_deadline(a))
	msg := sprintf("%s of %s (left %s) must be returned or wiped by %s", [
		ref, a.assigned_to, _leaver_end(a), _deadline(a),
	])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every endpoint of a person who left was returned or wiped within %d days",
			[input.params.asset_return_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_in_use := _in_use_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
