# METADATA
# title: Security of assets off-premises
# description: >-
#   Portable devices that leave the premises are managed, encrypted and can be locked or wiped
#   remotely; other equipment taken off-site has a recorded place and an approval; and every
#   lost device is reported as an incident and wiped promptly.
# scope: package
# custom:
#   control: iso27001:A.7.9
#   class: a
#   evidence: [Asset, TestRun, Incident, Site, ManagementSystem]
#   rules:
#     R1: >-
#       Every active endpoint Asset (not retired, not lost) appears in an mdm-posture TestRun
#       performed within posture_max_age_days (so it is MDM-enrolled), and in its latest such
#       snapshot a disk encryption check (check_id starting with disk_encryption) passed and no
#       remote lock or wipe check (check_id containing remote_lock or remote_wipe) failed or errored.
#     R2: >-
#       Every active server, network or facility-equipment Asset that is not cloud-hosted (no region)
#       and whose location is not an in-scope Site has its location recorded as a Site that exists,
#       and an approving decision in its approvals.
#     R3: >-
#       Every Asset with lifecycle.lost_on in the lookback window (lookback_days) is named in the
#       affected list of an Incident, and has a wipe (lifecycle.disposal) dated no later than lost_on
#       plus lost_device_wipe_hours rounded up to whole days; one not yet wiped whose deadline is at
#       most at_risk_days ahead is at risk.
#   decisions:
#     - Endpoints are taken as the portable devices; the schema has no portability flag.
#     - MDM enrolment is taken as remote lock and wipe capability, unless the export reports a
#       failed remote_lock or remote_wipe check.
#     - R2 reads off-premises equipment from its location; equipment with no location and no region
#       has unknown whereabouts and fails until one is recorded.
#     - Dates have day precision, so the wipe deadline is lost_on plus ceil(lost_device_wipe_hours / 24)
#       days; the remote wipe is recorded as lifecycle.disposal (method and date).
package annexa.iso27001.a7_9

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_lost(a) if dates.visible(a.lifecycle.lost_on)

# --- R1: portable devices managed, encrypted and remotely wipeable.

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "endpoint"
	ops.active_asset(a)
	not _lost(a)
}

# _idx indexes the results of the mdm-posture runs (the same index as A.6.7, so that an
# evaluation of all controls builds it once).
_idx := tech.index({"mdm-posture"})

# _results maps a portable device to the rows of the mdm-posture results about it (x[1] is the
# check id, x[2] the status, x[4] the day).
_results := {ref: rows |
	some ref in _r1_population
	rows := tech.rows_in(_idx, ref)
	count(rows) > 0
}

# _last maps a portable device with results to the day of its latest ones.
_last := {ref: max({x[4] | some x in rows}) | some ref, rows in _results}

_cutoff := dates.cutoff(input.params.posture_max_age_days)

_fresh(ref) if dates.since(_last[ref], _cutoff)

_last_text(ref) := _last[ref]

_last_text(ref) := "never" if not _last[ref]

# _latests maps a device with a fresh snapshot to the results of its latest day.
_latests := {ref: {x | some x in _results[ref]; x[4] == day} | some ref, day in _last; _fresh(ref)}

_latest(ref) := _latests[ref]

# _remote are the check ids that report remote lock or wipe, among those reported about the
# portable devices (the regular expression runs once per check id).
_remote := {cid |
	some cid in {x[1] | some rows in _results; some x in rows}
	regex.match(`remote_(lock|wipe)`, cid)
}

# _encrypted is the set of devices with a passing disk encryption check in their latest snapshot.
_encrypted := {ref |
	some ref, rows in _latests
	some x in rows
	startswith(x[1], "disk_encryption")
	x[2] == "pass"
}

_bad_check(x) if {
	x[2] != "pass"
	startswith(x[1], "disk_encryption")
}

_bad_check(x) if {
	x[2] in {"fail", "error"}
	x[1] in _remote
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _fresh(ref)
	msg := sprintf(
		"%s has no MDM posture snapshot in the last %d days (last: %s): enrol it in MDM and collect posture",
		[ref, input.params.posture_max_age_days, _last_text(ref)],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	_fresh(ref)
	not ref in _encrypted
	bad := {sprintf("%s %s", [x[1], x[2]]) | some x in _latest(ref); _bad_check(x)}
	msg := sprintf(
		"%s shows no passing disk encryption check in the snapshot of %s (%s): encrypt the disk",
		[ref, _last[ref], _list(bad)],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	_fresh(ref)
	ref in _encrypted
	bad := {sprintf("%s %s", [x[1], x[2]]) | some x in _latest(ref); _bad_check(x)}
	count(bad) > 0
	msg := sprintf(
		"%s failed %s in the snapshot of %s: restore remote lock and wipe",
		[ref, concat(", ", sort(bad)), _last[ref]],
	)
}

_list(s) := concat(", ", sort(s)) if count(s) > 0

_list(s) := "no such check reported" if count(s) == 0

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every portable device is managed, encrypted and remotely wipeable in a snapshot of the last %d days",
			[input.params.posture_max_age_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: non-portable equipment off-site has a location and an approval.

_fixed_types := {"server", "network", "facility-equipment"}

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in _fixed_types
	ops.active_asset(a)
	not a.region
	not object.get(a, "location", "") in physical.sites
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "location")]) if {
	some ref in _r2_population
	a := records.get(ref)
	not records.exists(object.get(a, "location", ""))
	msg := sprintf(
		"%s (%s) is not at an in-scope site and its location (%s) is not a recorded Site: record where it is",
		[ref, a.asset_type, object.get(a, "location", "none")],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "approvals")]) if {
	some ref in _r2_population
	a := records.get(ref)
	records.exists(object.get(a, "location", ""))
	count(records.approvals(a)) == 0
	msg := sprintf(
		"%s (%s) is kept off-premises at %s without an approval: record who approved taking it off-site",
		[ref, a.asset_type, a.location],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "all equipment kept off-premises has a recorded location and an approval",
		_r2_population, _r2_items,
	)
}

# --- R3: lost devices reported and wiped.

_lookback_cutoff := dates.cutoff(input.params.lookback_days)

_r3_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	dates.since(a.lifecycle.lost_on, _lookback_cutoff)
}

# _affected is the set of refs that an Incident names in affected.
_affected := {x |
	some i in records.of("Incident")
	some x in object.get(i, "affected", [])
}

_wipe_days := ceil(input.params.lost_device_wipe_hours / 24)

_wipe_due(a) := dates.add_days(a.lifecycle.lost_on, _wipe_days)

_wiped(a) := a.lifecycle.disposal.on if dates.visible(a.lifecycle.disposal.on)

_r3_items_p contains result.fail("R3", msg, [records.at(a, "lifecycle.lost_on")]) if {
	some ref in _r3_population
	not ref in _affected
	a := records.get(ref)
	msg := sprintf(
		"%s was lost on %s but no Incident names it in affected: report the loss as an incident",
		[ref, a.lifecycle.lost_on],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(a, "lifecycle.lost_on")]) if {
	some ref in _r3_population
	a := records.get(ref)
	not _wiped(a)
	_wipe_due(a) < input.as_of
	msg := sprintf(
		"%s was lost on %s and no wipe is recorded (due %s, lost_device_wipe_hours %d): wipe it and record the disposal",
		[ref, a.lifecycle.lost_on, _wipe_due(a), input.params.lost_device_wipe_hours],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(a, "lifecycle.disposal.on")]) if {
	some ref in _r3_population
	a := records.get(ref)
	_wiped(a) > _wipe_due(a)
	msg := sprintf(
		"%s was lost on %s and wiped on %s, after %s (lost_device_wipe_hours %d)",
		[ref, a.lifecycle.lost_on, _wiped(a), _wipe_due(a), input.params.lost_device_wipe_hours],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.at(a, "lifecycle.lost_on")]) if {
	some ref in _r3_population
	a := records.get(ref)
	not _wiped(a)
	ops.due_soon(_wipe_due(a))
	msg := sprintf("%s was lost on %s and must be wiped by %s", [ref, a.lifecycle.lost_on, _wipe_due(a)])
}

findings contains f if {
	some f in result.check(
		"R3", "every lost device was reported as an incident and wiped in time",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
