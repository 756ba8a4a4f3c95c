# METADATA
# title: Information deletion
# description: >-
#   Data stores that must not keep data beyond a retention period delete it automatically or
#   through recorded deletion runs, deletion requests are handled within the organisation's
#   deadline, and suppliers who held our data confirm its deletion soon after the relationship
#   ends.
# scope: package
# custom:
#   control: iso27001:A.8.10
#   class: a
#   evidence: [Asset, TestRun, Activity, Supplier]
#   rules:
#     R1: >-
#       Every active data-store Asset with a retention period (pii.retention_days or
#       records.retention_days) has passing lifecycle results (check_id matching lifecycle, expir,
#       retention or deletion) about it in its latest lifecycle-rules TestRun, performed within
#       config_scan_days; or an Activity of type deletion-request naming it in subject_refs performed
#       within lookback_days.
#     R2: >-
#       Every Activity of type deletion-request performed within lookback_days states how long
#       requests took (metrics.max_days_to_close, or metrics.days_to_close for a single request) and
#       that figure is at most deletion_request_days; metrics.open_overdue, when present, is 0.
#     R3: >-
#       Every Supplier whose relationship.end_on lies within lookback_days and whose data_access is not
#       none has offboarding.data_deletion_confirmed_on on or before end_on + supplier_deletion_days;
#       one not yet confirmed inside that window is at risk when due within at_risk_days.
#   decisions:
#     - Check-id convention (lib/tech) - a lifecycle-rules result is about a data store when its resource
#       is the Asset ref or an external id (bucket ARN); any result matching lifecycle, expir, retention
#       or deletion counts and all of them in the latest run must pass.
#     - The model's "scheduled deletion Activity" has no activity type of its own; a deletion-request
#       Activity naming the store within lookback_days is read as the recorded deletion run.
#     - The model gives no interval for the lifecycle check; config_scan_days (the weekly settings scan)
#       is used.
#     - Deletion requests are recorded in batches in the example bundle (metrics requests and
#       max_days_to_close); a batch without a figure for the time taken fails, since it shows nothing.
package annexa.iso27001.a8_10

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

# --- R1: retention enforced on data stores.

_retention(a) := a.pii.retention_days

_retention(a) := a.records.retention_days if not a.pii.retention_days

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "data-store"
	ops.active_asset(a)
	_retention(a)
}

_lifecycle_pattern := `(?i)lifecycle|expir|retention|deletion`

_lifecycle_types := {"lifecycle-rules"}

# _idx indexes the results of the lifecycle-rules scans.
_idx := tech.index(_lifecycle_types)

_scan_cutoff := dates.cutoff(input.params.config_scan_days)

_lookback_cutoff := dates.cutoff(input.params.lookback_days)

_lifecycle_ok(ref) if {
	cs := tech.latest_in(_idx, ref, _lifecycle_pattern)
	dates.since(tech.checks_on(cs), _scan_cutoff)
	every o in cs {
		o.status == "pass"
	}
}

# _deleted are the refs named by a deletion-request Activity within lookback_days.
_deleted := {ref | some a in _r2_activities; some ref in a.subject_refs}

_lifecycle_text(ref) := sprintf("latest lifecycle check %s", [tech.checks_on(cs)]) if {
	cs := tech.latest_in(_idx, ref, _lifecycle_pattern)
} else := "no lifecycle check"

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _lifecycle_ok(ref)
	not ref in _deleted
	msg := sprintf(
		concat("", [
			"%s keeps data for %d days but shows no passing lifecycle rule in the last %d days (config_scan_days; %s) ",
			"and no deletion run in the last %d days: configure automatic deletion or record the deletion runs",
		]),
		[ref, _retention(records.get(ref)), input.params.config_scan_days, _lifecycle_text(ref), input.params.lookback_days],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every data store with a retention period deletes data automatically or by recorded deletion runs",
		_r1_population, _r1_items,
	)
}

# --- R2: deletion requests handled in time.

_r2_activities_p contains a if {
	some a in records.of("Activity")
	a.activity_type == "deletion-request"
	dates.since(a.performed_on, _lookback_cutoff)
}

_r2_population := {records.ref(a) | some a in _r2_activities}

_days_taken(a) := a.metrics.max_days_to_close

_days_taken(a) := a.metrics.days_to_close if not a.metrics.max_days_to_close

_r2_items_p contains result.fail("R2", msg, [records.ref(a)]) if {
	some a in _r2_activities
	not _days_taken(a)
	msg := sprintf(
		"%s records deletion requests without the time taken (metrics.max_days_to_close or days_to_close): add it",
		[records.ref(a)],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "metrics")]) if {
	some a in _r2_activities
	_days_taken(a) > input.params.deletion_request_days
	msg := sprintf("%s: a deletion request took %d days, more than deletion_request_days (%d)", [
		records.ref(a), _days_taken(a), input.params.deletion_request_days,
	])
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "metrics")]) if {
	some a in _r2_activities
	a.metrics.open_overdue > 0
	msg := sprintf("%s: %d deletion requests are open past deletion_request_days (%d): close them", [
		records.ref(a), a.metrics.open_overdue, input.params.deletion_request_days,
	])
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every deletion request was closed within %d days", [input.params.deletion_request_days]),
		_r2_population, _r2_items,
	)
}

# --- R3: ended suppliers confirmed deletion.

_r3_suppliers_p contains s if {
	some s in records.of("Supplier")
	dates.since(s.relationship.end_on, _lookback_cutoff)
	s.data_access != "none"
}

_r3_population := {records.ref(s) | some s in _r3_suppliers}

_deadline(s) := dates.add_days(s.relationship.end_on, input.params.supplier_deletion_days)

_confirmed_on(s) := s.offboarding.data_deletion_confirmed_on if dates.visible(s.offboarding.data_deletion_confirmed_on)

_r3_items_p contains result.fail("R3", msg, [records.at(s, "offboarding")]) if {
	some s in _r3_suppliers
	_confirmed_on(s) > _deadline(s)
	msg := sprintf("%s (ended %s) confirmed deletion on %s, after %s (supplier_deletion_days %d)", [
		records.ref(s), s.relationship.end_on, _confirmed_on(s), _deadline(s), input.params.supplier_deletion_days,
	])
}

_r3_items_p contains result.fail("R3", msg, [records.ref(s)]) if {
	some s in _r3_suppliers
	not _confirmed_on(s)
	_deadline(s) < input.as_of
	msg := sprintf(
		concat("", [
			"%s (ended %s) has not confirmed deletion of our data, due by %s (supplier_deletion_days %d): ",
			"obtain the confirmation",
		]),
		[records.ref(s), s.relationship.end_on, _deadline(s), input.params.supplier_deletion_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.ref(s)]) if {
	some s in _r3_suppliers
	not _confirmed_on(s)
	ops.due_soon(_deadline(s))
	msg := sprintf("%s (ended %s) must confirm deletion of our data by %s", [
		records.ref(s), s.relationship.end_on, _deadline(s),
	])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every supplier that left confirmed deletion of our data within %d days",
			[input.params.supplier_deletion_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_activities := _r2_activities_p

_r2_items := _r2_items_p

_r3_suppliers := _r3_suppliers_p

_r3_items := _r3_items_p
