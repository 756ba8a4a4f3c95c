# METADATA
# title: Protection of records
# description: >-
#   Records are kept as long as they must be and protected while they are: a current retention
#   schedule names the record categories and their periods, each category is stored in a system
#   configured to keep it at least that long, and those systems are checked regularly for the
#   settings that stop records being lost or altered.
# scope: package
# custom:
#   control: iso27001:A.5.33
#   class: a
#   evidence: [Document, Asset, TestRun, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current Document with topic records-retention (the retention schedule) exists,
#       and every current one has content_flags.categories_listed and content_flags.periods_defined
#       true.
#     R2: >-
#       Every record category the current schedules list in levels (written category or
#       category:days) is kept by at least one active Asset whose records.record_category is that
#       category and whose records.retention_days is at least the scheduled days (when given). A
#       schedule that lists no category fails.
#     R3: >-
#       Every active Asset with a records block appears in a TestRun of test_type cspm,
#       config-benchmark, lifecycle-rules or backup-status performed within config_scan_days, and
#       the latest such run shows no failed protection check on it: any failed result of a
#       lifecycle-rules run, and failed results whose check_id mentions versioning, lock, deletion,
#       retention or immutab(le/ility) in the other types.
#   decisions:
#     - >-
#       The model asks the schedule to list categories and periods, but Document has no field for
#       them. The schedule's levels list carries them, one entry per category written category or
#       category:days; the example bundle's schedule sets only the content flags, so R2 fails there
#       until levels are added. A dedicated schema field would be better (reported).
#     - Any doc_type counts for the schedule; the topic records-retention identifies it.
#     - >-
#       Protection checks are recognised by their check_id (versioning, object lock, deletion
#       protection, retention, immutability); other failed checks belong to other controls.
#     - >-
#       A result concerns an asset when its resource names it (reference or external id), or when it
#       has no resource and the run's scope names the asset.
package annexa.iso27001.a5_33

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current retention schedule listing categories and periods.

_schedules_p contains records.ref(d) if {
	some d in records.of("Document")
	object.get(d, "topic", "") == "records-retention"
	docs.current(d)
}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_schedules) == 0
	msg := concat("", [
		"no current records retention schedule (Document with topic records-retention, published and approved ",
		"for its version): write, approve and publish one",
	])
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, concat(".", ["content_flags", flag]))]) if {
	some ref in _schedules
	d := records.get(ref)
	some flag in ["categories_listed", "periods_defined"]
	not d.content_flags[flag] == true
	msg := sprintf(
		"%s does not confirm %s (content_flags.%s): complete the schedule and set the flag when approving",
		[ref, flag, flag],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "a current retention schedule lists record categories and their periods",
		_schedules, _r1_items,
	)
}

# --- R2: each scheduled category kept long enough by a storage asset.

# _entries are the [category, days] pairs the current schedules list (days 0 when none given).
_entries_p contains [trim_space(parts[0]), _days(parts)] if {
	some ref in _schedules
	some level in object.get(records.get(ref), "levels", [])
	parts := split(level, ":")
}

_days(parts) := to_number(trim_space(parts[1])) if {
	count(parts) == 2
	regex.match(`^\s*[0-9]+\s*$`, parts[1])
}

_days(parts) := 0 if count(parts) == 1

# _scheduled maps a category to the longest period any current schedule gives it.
_scheduled := {c: max({e[1] | some e in _entries; e[0] == c}) |
	some e in _entries
	c := e[0]
}

_storage := {k: vs |
	some k in {x[0] | some x in _storage_rows}
	vs := {x[1] | some x in _storage_rows; x[0] == k}
}

_storage_rows := {[a.records.record_category, records.ref(a)] |
	some a in records.of("Asset")
	ops.active_asset(a)
	a.records.record_category
}

_r2_population := {ref | some c, _ in _scheduled; some ref in object.get(_storage, c, set())} | _schedules

_r2_items_p contains result.fail("R2", msg, [records.at(d, "levels")]) if {
	some ref in _schedules
	d := records.get(ref)
	count(object.get(d, "levels", [])) == 0
	msg := sprintf(
		"%s lists no record categories in levels, so storage cannot be checked against it: %s",
		[ref, "list each category as category:days"],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _schedules
	some level in object.get(records.get(ref), "levels", [])
	parts := split(level, ":")
	not _days(parts)
	msg := sprintf("%s lists %q, which is not written category or category:days: correct the entry", [ref, level])
}

_kept_long_enough(c, days) if {
	some a in object.get(_storage, c, set())
	records.get(a).records.retention_days >= days
}

_r2_items_p contains result.fail("R2", msg, _schedules) if {
	some c, days in _scheduled
	not _kept_long_enough(c, days)
	msg := sprintf(
		"the retention schedule keeps %s for %d days, but no active asset stores that category that long (stores: %s): %s",
		[c, days, _stores(c), "set records.record_category and retention_days on the system that keeps it"],
	)
}

_stores(c) := concat(", ", sort(_storage[c]))

_stores(c) := "none" if not _storage[c]

findings contains f if {
	some f in result.check(
		"R2", "every scheduled record category is kept at least its period by a storage asset",
		_r2_population, _r2_items,
	)
}

# --- R3: protection settings of record stores checked recently.

_r3_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	ops.active_asset(a)
	a.records
}

_check_types := {"cspm", "config-benchmark", "lifecycle-rules", "backup-status"}

_protection_words := ["versioning", "lock", "deletion", "retention", "immutab"]

_named_by(t) := {x | some s in object.get(t, "scope", []); some x in ops.assets_named(s)} | {x |
	some r in object.get(t, "results", [])
	some x in ops.assets_named(object.get(r, "resource", ""))
}

# _checked maps a record store to the [date, run id] of recent runs that name it.
_checked := {k: vs |
	some k in {x[0] | some x in _checked_rows}
	vs := {x[1] | some x in _checked_rows; x[0] == k}
}

_checked_rows := {[a, [dates.day(t.performed_on), t.id]] |
	some t in records.of("TestRun")
	t.test_type in _check_types
	dates.within(t.performed_on, input.params.config_scan_days)
	some a in _named_by(t)
	a in _r3_population
}

_latest_run(a) := records.get(concat("/", ["TestRun", id])) if {
	last := max({x[0] | some x in _checked[a]})
	id := max({x[1] | some x in _checked[a]; x[0] == last})
}

_concerns(_, r, a) if a in ops.assets_named(object.get(r, "resource", ""))

_concerns(t, r, a) if {
	not r.resource
	a in {x | some s in t.scope; some x in ops.assets_named(s)}
}

_protection(t, _) if t.test_type == "lifecycle-rules"

_protection(_, r) if {
	some w in _protection_words
	contains(lower(r.check_id), w)
}

_r3_items_p contains result.fail("R3", msg, [a]) if {
	some a in _r3_population
	not _checked[a]
	msg := sprintf(
		"%s stores %s records but no configuration check within %d days (config_scan_days) covers it: %s",
		[
			a, records.get(a).records.record_category, input.params.config_scan_days,
			"scan its versioning, lock and deletion settings",
		],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(t, sprintf("results.%d", [i]))]) if {
	some a in _r3_population
	t := _latest_run(a)
	some i, r in object.get(t, "results", [])
	r.status == "fail"
	_concerns(t, r, a)
	_protection(t, r)
	msg := sprintf(
		"%s reports %s failing on %s, which stores records: restore the protection setting",
		[records.ref(t), r.check_id, a],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every record store passed its protection checks in a scan within %d days",
			[input.params.config_scan_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_schedules := _schedules_p

_r1_items := _r1_items_p

_entries := _entries_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
