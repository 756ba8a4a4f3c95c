# METADATA
# title: Storage media
# description: >-
#   A current procedure governs removable and other storage media; devices block removable
#   storage or force its encryption; registered media have a custodian while in use and a
#   disposal record when retired; and where media exist outside that technical control the
#   security role attests, for a limited time, that they are handled as the procedure says.
# scope: package
# custom:
#   control: iso27001:A.7.10
#   class: b
#   evidence: [Document, Asset, TestRun, Person, Attestation, ManagementSystem]
#   rules:
#     R1: A current Document of doc_type procedure with topic media-handling exists.
#     R2: >-
#       Every active endpoint Asset (not retired, not lost) appears in a usb-control TestRun performed
#       within posture_max_age_days, and its latest such snapshot has no result of status fail or
#       error for it.
#     R3: >-
#       Every removable-media Asset in service has a custodian who is an active Person; every one
#       retired in the lookback window (lookback_days) has a lifecycle.disposal with method and date.
#     R4: >-
#       Unless removable media are technically controlled (at least one active endpoint, every one
#       passing R2) and no removable-media Asset is in service, a current Attestation of
#       iso27001:A.7.10 by a holder of Role/facilities-lead or Role/isms-manager covers the handling
#       of physical media.
#   decisions:
#     - The model gives R2 a 7-day freshness without naming a parameter; posture_max_age_days, the
#       staleness limit of per-device snapshots, is used.
#     - A device passes R2 when its latest usb-control snapshot reports no failed or errored check,
#       whatever the check is called (block or forced encryption).
#     - The model names no attesting role for R4; the physical attesters are accepted, and the
#       attestation's scope is not restricted.
package annexa.iso27001.a7_10

import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.10"

# --- R1: a current media-handling procedure.

_procedures := docs.current_of("procedure", "media-handling")

findings contains f if {
	some f in result.require(
		"R1", count(_procedures) > 0,
		sprintf("%s is the current media-handling procedure", [physical.short(_procedures)]),
		sprintf(
			"no current media-handling procedure at %s: publish and approve a procedure with topic media-handling",
			[input.as_of],
		),
		_procedures | {ops.isms_ref | count(_procedures) == 0},
	)
}

# --- R2: removable storage blocked or forced-encrypted on every endpoint.

_lost(a) if dates.visible(a.lifecycle.lost_on)

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "endpoint"
	ops.active_asset(a)
	not _lost(a)
}

_snapshots := {k: vs |
	some k in {x[0] | some x in _snapshots_rows}
	vs := {x[1] | some x in _snapshots_rows; x[0] == k}
}

_snapshots_rows := {[asset, dates.day(t.performed_on)] |
	some t in records.of("TestRun")
	t.test_type == "usb-control"
	dates.visible(t.performed_on)
	some r in object.get(t, "results", [])
	some asset in ops.assets_named(object.get(r, "resource", ""))
}

_failed := {k: vs |
	some k in {x[0] | some x in _failed_rows}
	vs := {x[1] | some x in _failed_rows; x[0] == k}
}

_failed_rows := {[concat("@", [asset, dates.day(t.performed_on)]), r.check_id] |
	some t in records.of("TestRun")
	t.test_type == "usb-control"
	dates.visible(t.performed_on)
	some r in object.get(t, "results", [])
	r.status in {"fail", "error"}
	some asset in ops.assets_named(object.get(r, "resource", ""))
}

_last(ref) := dates.latest(_snapshots[ref])

_fresh(ref) if dates.within(_last(ref), input.params.posture_max_age_days)

_last_text(ref) := _last(ref)

_last_text(ref) := "never" if not _last(ref)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not _fresh(ref)
	msg := sprintf(
		"%s has no removable-storage control snapshot (usb-control) in the last %d days (last: %s): %s",
		[ref, input.params.posture_max_age_days, _last_text(ref), "block or force-encrypt removable storage and report it"],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	_fresh(ref)
	checks := _failed[concat("@", [ref, _last(ref)])]
	msg := sprintf(
		"%s failed %s in the usb-control snapshot of %s: block or force-encrypt removable storage",
		[ref, concat(", ", sort(checks)), _last(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"removable storage is blocked or force-encrypted on every endpoint in a snapshot of the last %d days",
			[input.params.posture_max_age_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: registered media have a custodian, retired media a disposal record.

_media_in_service_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "removable-media"
	ops.active_asset(a)
	not _lost(a)
}

_media_retired_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "removable-media"
	dates.within(a.lifecycle.retired_on, input.params.lookback_days)
}

_r3_population := _media_in_service | _media_retired

_r3_items_p contains result.fail("R3", msg, [records.at(a, "custodian")]) if {
	some ref in _media_in_service
	a := records.get(ref)
	not people.active_ref(object.get(a, "custodian", ""))
	msg := sprintf(
		"%s is in service without an active custodian (custodian: %s): name the person who keeps it",
		[ref, object.get(a, "custodian", "none")],
	)
}

_disposed(a) if {
	a.lifecycle.disposal.method
	dates.visible(a.lifecycle.disposal.on)
}

_r3_items_p contains result.fail("R3", msg, [records.at(a, "lifecycle.disposal")]) if {
	some ref in _media_retired
	a := records.get(ref)
	not _disposed(a)
	msg := sprintf(
		"%s was retired on %s without a disposal record: record how and when it was destroyed or wiped",
		[ref, a.lifecycle.retired_on],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "registered storage media have a custodian in service and a disposal record when retired",
		_r3_population, _r3_items,
	)
}

# --- R4: media outside technical control attested.

_technically_controlled if {
	count(_r2_population) > 0
	count(_r2_items) == 0
	count(_media_in_service) == 0
}

_attestations := attest.current(_control, physical.attesters, "")

default _r4_ok := false

_r4_ok if _technically_controlled

_r4_ok if count(_attestations) > 0

_r4_pass := "removable media are blocked or force-encrypted on every endpoint and none are registered" if {
	_technically_controlled
} else := sprintf("%s attest the handling of physical media", [physical.short(_attestations)])

_r4_refs := _attestations if count(_attestations) > 0

_r4_refs := {ops.isms_ref} | _media_in_service if count(_attestations) == 0

findings contains f if {
	some f in result.require(
		"R4", _r4_ok, _r4_pass,
		sprintf(
			"storage media exist outside technical control (%d registered in service, %d endpoints not controlled) %s (%s): %s",
			[
				count(_media_in_service), count(_r2_items),
				sprintf("and no current attestation by %s covers them", [physical.attesters_text]),
				attest.why_not(_control, physical.attesters, ""), "record an Attestation",
			],
		),
		_r4_refs,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r2_population := _r2_population_p

_r2_items := _r2_items_p

_media_in_service := _media_in_service_p

_media_retired := _media_retired_p

_r3_items := _r3_items_p
