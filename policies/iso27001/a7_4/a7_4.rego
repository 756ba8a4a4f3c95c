# METADATA
# title: Physical security monitoring
# description: >-
#   Secure zones at the sites we must evidence ourselves are watched by cameras or alarms; the
#   company answering alarms is under contract, alarms and cameras are tested, recordings are
#   kept long enough, and the facilities or security role attests that coverage is as declared.
#   Sites run by a certified operator inherit the control.
# scope: package
# custom:
#   control: iso27001:A.7.4
#   class: b
#   evidence: [ManagementSystem, Site, Supplier, Activity, Attestation, Person]
#   rules:
#     R1: Every zone of level secure at an in-scope Site that is not inherited lists cctv or alarm among its measures.
#     R2: >-
#       Every such local Site whose zones list alarm or that names monitoring.alarm_provider names an
#       alarm provider that is an active Supplier (relationship started and not ended at as-of).
#     R3: >-
#       Every such local Site whose zones list alarm (or that names an alarm provider) has an
#       Activity of type alarm-test, and every one whose zones list cctv (or that sets
#       monitoring.cctv) has an Activity of type cctv-test, naming the Site in subject_refs and
#       performed within safety_inspection_days.
#     R4: >-
#       Every such local Site with cameras (a zone listing cctv, or monitoring.cctv true) keeps
#       recordings for at least cctv_retention_days (monitoring.cctv_retention_days).
#     R5: >-
#       Every in-scope Site is inherited from a certified operator or has a current Attestation of
#       iso27001:A.7.4 covering it by a holder of Role/facilities-lead or Role/isms-manager.
#   decisions:
#     - Inherited sites (certified operator) are left out of R1 to R4; their monitoring is the
#       operator's and their certificate stands for it in R5.
#     - The model gives R3 a fixed 365 days without a parameter; safety_inspection_days (default
#       365), the interval for physical safety tests, is used. A dedicated parameter would be clearer.
#     - R3 also asks for a cctv-test where cameras are declared, since the schema has that activity
#       type and an untested camera is the same gap as an untested alarm.
#     - The model names no attesting role for R5; the physical attesters are accepted.
package annexa.iso27001.a7_4

import data.annexa.lib.dates
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.4"

_monitoring(ref) := object.get(records.get(ref), "monitoring", {})

_alarmed_p contains ref if {
	some ref in physical.local
	"alarm" in physical.measures(ref)
}

_alarmed_p contains ref if {
	some ref in physical.local
	_monitoring(ref).alarm_provider
}

_filmed_p contains ref if {
	some ref in physical.local
	"cctv" in physical.measures(ref)
}

_filmed_p contains ref if {
	some ref in physical.local
	_monitoring(ref).cctv == true
}

# --- R1: secure zones watched by cameras or alarms.

# _secure maps the field of each secure zone of a local site (Site/id#zones.i) to the zone.
_secure := {records.at(records.get(ref), sprintf("zones.%d", [i])): physical.zones(ref)[i] |
	some ref, idx in physical.secure_zones
	some i in idx
}

_r1_population := {zref | some zref, _ in _secure}

_r1_items_p contains result.fail("R1", msg, [zref]) if {
	some zref, z in _secure
	count({"cctv", "alarm"} & {m | some m in object.get(z, "measures", [])}) == 0
	msg := sprintf("%s: secure zone %s lists neither cctv nor alarm: add monitoring and record it", [zref, z.name])
}

findings contains f if {
	some f in result.check("R1", "every secure zone is watched by cameras or an alarm", _r1_population, _r1_items)
}

# --- R2: the alarm provider is an active supplier.

_r2_population := _alarmed

_r2_items_p contains result.fail("R2", msg, [records.at(records.get(ref), "monitoring.alarm_provider")]) if {
	some ref in _r2_population
	not _monitoring(ref).alarm_provider
	msg := sprintf("%s has alarms but names no alarm_provider: record who answers them", [ref])
}

_r2_items_p contains result.fail("R2", msg, [records.at(records.get(ref), "monitoring.alarm_provider")]) if {
	some ref in _r2_population
	provider := _monitoring(ref).alarm_provider
	not physical.active_supplier(provider, input.as_of)
	msg := sprintf(
		"%s names %s as alarm provider, which is not an active supplier on %s: renew the contract or name the current one",
		[ref, provider, input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every site with alarms is monitored by an active alarm provider",
		_r2_population, _r2_items,
	)
}

# --- R3: alarms and cameras tested.

# _tests maps "activity_type@Site ref" to the days the test was performed.
_tests := {k: vs |
	some k in {x[0] | some x in _tests_rows}
	vs := {x[1] | some x in _tests_rows; x[0] == k}
}

_tests_rows := {[concat("@", [a.activity_type, s]), a.performed_on] |
	some a in records.of("Activity")
	a.activity_type in {"alarm-test", "cctv-test"}
	dates.visible(a.performed_on)
	some s in a.subject_refs
}

_needs := {k: vs |
	some k in {x[0] | some x in _needs_rows}
	vs := {x[1] | some x in _needs_rows; x[0] == k}
}

_needs_rows := {[ref, "alarm-test"] |
	some ref in _alarmed
} | {[ref, "cctv-test"] |
	some ref in _filmed
}

_r3_population := _alarmed | _filmed

_last(type, ref) := dates.latest(_tests[concat("@", [type, ref])])

_tested(type, ref) if dates.within(_last(type, ref), input.params.safety_inspection_days)

_last_text(type, ref) := _last(type, ref)

_last_text(type, ref) := "never" if not _last(type, ref)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref, types in _needs
	some type in types
	not _tested(type, ref)
	msg := sprintf(
		"%s has no %s in the last %d days (safety_inspection_days; last: %s): test it and record an Activity",
		[ref, type, input.params.safety_inspection_days, _last_text(type, ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"alarms and cameras at every local site were tested within %d days",
			[input.params.safety_inspection_days],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: recordings kept long enough.

_r4_population := _filmed

_retention(ref) := _monitoring(ref).cctv_retention_days

_retention_text(ref) := sprintf("%d days", [_retention(ref)])

_retention_text(ref) := "not stated" if not _retention(ref)

_kept(ref) if _retention(ref) >= input.params.cctv_retention_days

_r4_items_p contains result.fail("R4", msg, [records.at(records.get(ref), "monitoring.cctv_retention_days")]) if {
	some ref in _r4_population
	not _kept(ref)
	msg := sprintf(
		"%s keeps camera recordings for %s, less than cctv_retention_days (%d): extend the retention and record it",
		[ref, _retention_text(ref), input.params.cctv_retention_days],
	)
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("every site with cameras keeps recordings for at least %d days", [input.params.cctv_retention_days]),
		_r4_population, _r4_items,
	)
}

# --- R5: coverage attested.

_r5_population := physical.sites

_r5_items_p contains result.fail("R5", physical.gap(_control, ref), [ref]) if {
	some ref in _r5_population
	not physical.covered(_control, ref)
}

findings contains f if {
	some f in result.check(
		"R5", "monitoring coverage is attested at every site or inherited from a certified operator",
		_r5_population, _r5_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_alarmed := _alarmed_p

_filmed := _filmed_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p

_r5_items := _r5_items_p
