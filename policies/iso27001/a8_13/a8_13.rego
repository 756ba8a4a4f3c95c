# METADATA
# title: Information backup
# description: >-
#   Every asset that must be backed up has backup settings that match its recovery point,
#   keep copies long enough, encrypt them and store them apart from the original; the backup
#   tool shows a recent successful backup for it; and the critical ones have been restored in a
#   test recently, fast enough for their recovery time.
# scope: package
# custom:
#   control: iso27001:A.8.13
#   class: a
#   evidence: [Asset, TestRun, Exercise]
#   rules:
#     R1: >-
#       Every active Asset with backup.required true declares backup.frequency_hours no greater than
#       continuity.rpo_hours (when the asset declares one), backup.retention_days of at least
#       backup_retention_days, and backup.encrypted and backup.separate_location both true.
#     R2: >-
#       For every such asset, a TestRun of type backup-status reports a passing result for it (the
#       result's resource is the asset reference or one of its external ids) on a day no more than
#       ceil(backup_success_max_age_factor x frequency_hours / 24) days (at least one) before the
#       as-of date.
#     R3: >-
#       For every such asset with criticality critical, the latest Exercise of type restore-test
#       whose scope names it lies within restore_test_days and (on that day) has result pass, no
#       achieved.data_integrity_ok false, and achieved.rto_hours no greater than the asset's
#       continuity.rto_hours (or, when the asset declares none, the exercise's targets.rto_hours).
#   decisions:
#     - Retired assets (lifecycle.retired_on on or before the as-of date) are out of scope.
#     - R1 compares the frequency with the RPO only when the asset declares continuity.rpo_hours;
#       a missing RPO is a failure of 5.30 R1, not repeated here. A missing frequency, retention,
#       encrypted or separate_location setting fails.
#     - The as-of date has a resolution of one day, so R2 turns the allowed age in hours into whole
#       days, rounding up, and counts the TestRun day as the day of the backup. A status pull says
#       that the latest backup job succeeded, so its performed_on stands for the backup time.
#     - When frequency_hours is not declared, R2 assumes daily backups (24 hours); R1 fails the
#       missing setting.
#     - Only per-asset results show a backup; a TestRun that lists the asset in scope without a
#       result for it does not count.
#     - R3 reads "critical Asset" as criticality critical. The latest restore test decides, so a
#       failed restore after an earlier success fails. data_integrity_ok false disqualifies a test
#       even when its result says pass. With no RTO on the asset nor on the exercise, result pass
#       is enough.
package annexa.iso27001.a8_13

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.backup.required == true
	ops.active_asset(a)
}

_setting(a, key) := sprintf("%v", [object.get(a.backup, key, "not set")])

# --- R1: backup settings match the recovery point, retention, encryption, separate location.

_r1_items_p contains result.fail("R1", msg, [records.at(a, "backup.frequency_hours")]) if {
	some ref in _population
	a := records.get(ref)
	not is_number(object.get(a.backup, "frequency_hours", null))
	msg := sprintf("%s must be backed up but declares no backup.frequency_hours: set the backup interval", [ref])
}

_r1_items_p contains result.fail("R1", msg, [records.at(a, "backup.frequency_hours")]) if {
	some ref in _population
	a := records.get(ref)
	a.backup.frequency_hours > a.continuity.rpo_hours
	msg := sprintf(
		concat("", [
			"%s is backed up every %v hours but its recovery point (continuity.rpo_hours) is %v hours: back it up ",
			"more often",
		]),
		[ref, a.backup.frequency_hours, a.continuity.rpo_hours],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(a, "backup.retention_days")]) if {
	some ref in _population
	a := records.get(ref)
	not _retention_ok(a)
	msg := sprintf(
		"%s keeps backups for %s days, fewer than backup_retention_days=%d: keep them longer",
		[ref, _setting(a, "retention_days"), input.params.backup_retention_days],
	)
}

_retention_ok(a) if a.backup.retention_days >= input.params.backup_retention_days

_r1_items_p contains result.fail("R1", msg, [records.at(a, concat(".", ["backup", key]))]) if {
	some ref in _population
	a := records.get(ref)
	some key in ["encrypted", "separate_location"]
	object.get(a.backup, key, false) != true
	msg := sprintf("%s has backup.%s %s, not true: %s", [ref, key, _setting(a, key), _remedy[key]])
}

_remedy := {
	"encrypted": "encrypt its backups",
	"separate_location": "keep its backups apart from the original (another account, region or site)",
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			concat("", [
				"every asset that must be backed up has a frequency within its RPO, retention of at least %d days, ",
				"encryption and a separate location",
			]),
			[input.params.backup_retention_days],
		),
		_population, _r1_items,
	)
}

# --- R2: a recent successful backup.

# _succeeded maps an asset ref to the days a backup-status run reported a passing result for it.
_succeeded := {asset: days |
	some asset in {x[0] | some x in _succeeded_rows}
	days := {x[1] | some x in _succeeded_rows; x[0] == asset}
}

_succeeded_rows := {[asset, day] |
	some t in records.of("TestRun")
	t.test_type == "backup-status"
	day := substring(t.performed_on, 0, 10)
	day <= input.as_of
	some r in object.get(t, "results", [])
	r.status == "pass"
	some asset in ops.assets_named(object.get(r, "resource", ""))
}

_frequency(a) := a.backup.frequency_hours if is_number(a.backup.frequency_hours)

_frequency(a) := 24 if not is_number(object.get(a.backup, "frequency_hours", null))

_max_age_days(a) := max({1, ceil((input.params.backup_success_max_age_factor * _frequency(a)) / 24)})

_backed_up_recently(ref, a) if dates.within(dates.latest(_succeeded[ref]), _max_age_days(a))

_last_success(ref) := dates.latest(_succeeded[ref])

_last_success(ref) := "never" if not _succeeded[ref]

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _population
	a := records.get(ref)
	not _backed_up_recently(ref, a)
	msg := sprintf(
		concat("", [
			"%s has no successful backup within %d day(s) of %s (last: %s; backup_success_max_age_factor=%v, ",
			"frequency_hours=%v): check the backup job and the backup-status collection",
		]),
		[
			ref, _max_age_days(a), input.as_of, _last_success(ref),
			input.params.backup_success_max_age_factor, _frequency(a),
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every asset that must be backed up had a recent successful backup",
		_population, _r2_items,
	)
}

# --- R3: restore test of every critical asset within restore_test_days.

_r3_population_p contains ref if {
	some ref in _population
	records.get(ref).criticality == "critical"
}

# _restores maps an asset ref to the refs of the restore tests whose scope names it.
_restores := {asset: refs |
	some asset in {x[0] | some x in _restores_rows}
	refs := {x[1] | some x in _restores_rows; x[0] == asset}
}

_restores_rows := {[asset, records.ref(e)] |
	some e in records.of("Exercise")
	e.exercise_type == "restore-test"
	dates.visible(e.performed_on)
	some asset in e.scope
}

_last_restore(ref) := dates.latest({e.performed_on | some x in _restores[ref]; e := records.get(x)})

_last_restore_text(ref) := _last_restore(ref)

_last_restore_text(ref) := "never" if not _last_restore(ref)

_restored_recently(ref) if dates.within(_last_restore(ref), input.params.restore_test_days)

# _latest_tests are the restore tests of an asset held on its latest restore day.
_latest_tests(ref) := {x |
	some x in _restores[ref]
	dates.day(records.get(x).performed_on) == last
} if {
	last := _last_restore(ref)
}

_has_asset_rto(a) if is_number(a.continuity.rto_hours)

_rto_target(a, _) := a.continuity.rto_hours if _has_asset_rto(a)

_rto_target(a, e) := e.targets.rto_hours if {
	not _has_asset_rto(a)
	is_number(e.targets.rto_hours)
}

_achieved_rto(e) := object.get(object.get(e, "achieved", {}), "rto_hours", null)

# _problems maps [asset ref, exercise ref] to what is wrong with a latest restore test.
_problems_p[[ref, x]] contains sprintf("result %s", [object.get(e, "result", "not recorded")]) if {
	some ref, tests in _latest_pairs
	some x, e in tests
	object.get(e, "result", "") != "pass"
}

_problems_p[[ref, x]] contains "data integrity not confirmed (achieved.data_integrity_ok false)" if {
	some ref, tests in _latest_pairs
	some x, e in tests
	e.achieved.data_integrity_ok == false
}

_problems_p[[ref, x]] contains msg if {
	some ref, tests in _latest_pairs
	some x, e in tests
	target := _rto_target(records.get(ref), e)
	is_number(_achieved_rto(e))
	_achieved_rto(e) > target
	msg := sprintf("achieved RTO %v h against a %v h target", [_achieved_rto(e), target])
}

_problems_p[[ref, x]] contains msg if {
	some ref, tests in _latest_pairs
	some x, e in tests
	target := _rto_target(records.get(ref), e)
	not is_number(_achieved_rto(e))
	msg := sprintf("no achieved.rto_hours recorded against a %v h target", [target])
}

# _latest_pairs are asset ref -> exercise ref -> exercise for the latest restore tests.
_latest_pairs := {ref: tests |
	some ref in _r3_population
	tests := {x: records.get(x) | some x in _latest_tests(ref)}
	count(tests) > 0
}

_latest_ok(ref) if {
	some x in _latest_tests(ref)
	not _problems[[ref, x]]
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	not _restored_recently(ref)
	msg := sprintf(
		concat("", [
			"%s is critical and has no restore test within %d days of %s (last: %s): restore it from backup and ",
			"record the test",
		]),
		[ref, input.params.restore_test_days, input.as_of, _last_restore_text(ref)],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(e, "result")]) if {
	some ref in _r3_population
	_restored_recently(ref)
	not _latest_ok(ref)
	some x, e in _latest_pairs[ref]
	msg := sprintf(
		"%s, the latest restore test of %s (%s), did not succeed: %s; fix the restore and test again",
		[x, ref, e.performed_on, concat("; ", sort(_problems[[ref, x]]))],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every critical asset that is backed up was restored successfully in a test within %d days",
			[input.params.restore_test_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_problems := _problems_p

_r3_items := _r3_items_p
