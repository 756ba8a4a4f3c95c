# METADATA
# title: Remote working
# description: >-
#   People allowed to work away from the office accepted the current remote-working policy,
#   work on managed devices whose recent posture snapshot shows no failed security check, and
#   reach the organisation's systems only through accounts protected by a second factor.
# scope: package
# custom:
#   control: iso27001:A.6.7
#   class: a
#   evidence: [Document, Acknowledgement, Person, Asset, TestRun, Account]
#   rules:
#     R1: >-
#       A current policy or topic policy with topic remote-working exists, and every active Person
#       with remote_eligible true acknowledged it (or an earlier version of it); people who
#       started at most ack_grace_days ago are not counted.
#     R2: >-
#       Every active endpoint Asset (not retired, not lost) assigned to an active remote-eligible
#       Person appears in an mdm-posture TestRun performed within posture_max_age_days, and the
#       latest such snapshot has no result of status fail or error for it.
#     R3: >-
#       Every enabled human Account held by an active remote-eligible Person has mfa.enabled true.
#   decisions:
#     - The policy's audience is taken as the remote-eligible people; acknowledging any version of
#       the policy counts here, since A.5.1 R4 measures acknowledgement of the current major version.
#     - A device appears in a snapshot when a result's resource is its Asset ref or one of its
#       external ids. The 8.1 checks are taken as whatever the MDM export reports, and the device
#       passes when none of its results in the latest snapshot failed or errored.
#     - R3 covers the accounts of remote-eligible people in every system (not only the ISMS
#       boundaries.systems), since any of them can be reached from outside the office; an
#       account whose MFA is sso-enforced is recorded with mfa.enabled true.
package annexa.iso27001.a6_7

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_remote_p contains records.ref(p) if {
	some p in records.of("Person")
	p.remote_eligible == true
	people.active(p)
}

# --- R1: the remote-working policy is current and acknowledged.

_policies := object.get(docs.current_by_topic, "remote-working", set())

_counted := {p | some p in _remote; not physical.newcomer(p)}

# _acknowledged is the set of people who acknowledged a current policy or an earlier version of it.
_acknowledged := {p | some d in _policies; some p in physical.acknowledgers(d)}

_missing := _counted - _acknowledged

_r1_population := (_policies | _counted) | {ops.isms_ref | count(_policies) == 0}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_policies) == 0
	msg := sprintf(
		"no current remote-working policy at %s: publish and approve a topic-policy with topic remote-working",
		[input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, _policies | _missing) if {
	count(_policies) > 0
	count(_missing) > 0
	msg := sprintf(
		"%s is not acknowledged by %d of %d remote-eligible people: have %s acknowledge it",
		[physical.short(_policies), count(_missing), count(_counted), physical.short(_missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "the remote-working policy is current and acknowledged by every remote-eligible person",
		_r1_population, _r1_items,
	)
}

# --- R2: devices of remote workers pass the posture checks in a fresh snapshot.

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "endpoint"
	a.assigned_to in _remote
	ops.active_asset(a)
	not _lost(a)
}

_lost(a) if dates.visible(a.lifecycle.lost_on)

# _idx indexes the results of the mdm-posture runs (the same index as A.7.9, so that an
# evaluation of all controls builds it once).
_idx := tech.index({"mdm-posture"})

# _results maps a device of a remote worker to the rows of the mdm-posture results about it.
_results := {ref: rows |
	some ref in _r2_population
	rows := tech.rows_in(_idx, ref)
	count(rows) > 0
}

# _last maps a device with mdm-posture results to the day of its latest snapshot.
_last := {ref: max({x[4] | some x in rows}) | some ref, rows in _results}

_cutoff := dates.cutoff(input.params.posture_max_age_days)

_fresh(ref) if dates.since(_last[ref], _cutoff)

_last_text(ref) := _last[ref]

_last_text(ref) := "never" if not _last[ref]

# _failed returns the checks that failed or errored for a device in its latest day's snapshots.
_failed(ref) := {x[1] | last := _last[ref]; some x in _results[ref]; x[4] == last; x[2] in {"fail", "error"}}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not _fresh(ref)
	msg := sprintf(
		"%s (assigned to %s) has no posture snapshot in the last %d days (last: %s): enrol it in MDM and collect posture",
		[ref, records.get(ref).assigned_to, input.params.posture_max_age_days, _last_text(ref)],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	_fresh(ref)
	checks := _failed(ref)
	count(checks) > 0
	msg := sprintf(
		"%s (assigned to %s) failed %s in the posture snapshot of %s: fix the device settings",
		[ref, records.get(ref).assigned_to, concat(", ", sort(checks)), _last[ref]],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every device of a remote-eligible person passed its posture checks in a snapshot of the last %d days",
			[input.params.posture_max_age_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: MFA on the accounts of remote workers.

_r3_population_p contains records.ref(acc) if {
	some acc in records.of("Account")
	acc.account_type == "human"
	acc.holder in _remote
	access.active(acc)
}

_r3_items_p contains result.fail("R3", msg, [records.at(acc, "mfa")]) if {
	some ref in _r3_population
	acc := records.get(ref)
	not acc.mfa.enabled == true
	msg := sprintf(
		"%s in %s, held by remote-eligible %s, does not require a second factor: enable MFA on it",
		[ref, acc.system, acc.holder],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every account of a remote-eligible person requires a second factor",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_remote := _remote_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
