# METADATA
# title: Capacity management
# description: >-
#   Important production services raise an alert before they run out of capacity, capacity is
#   reviewed on a regular schedule, and incidents caused by a lack of capacity lead to recorded
#   follow-up actions.
# scope: package
# custom:
#   control: iso27001:A.8.6
#   class: a
#   evidence: [Asset, TestRun, LoggingSource, Activity, Incident]
#   rules:
#     R1: >-
#       Every active production Asset (environment prod) of type application, service, compute, server
#       or data-store with criticality high or critical has an enabled capacity alert - an enabled
#       alert rule whose id contains "capacity" in a LoggingSource of the asset, or passing results
#       whose check_id contains "capacity" in its latest alerting-config TestRun, performed within
#       config_scan_days - or is listed by a valid Exception (for capacity the provider scales).
#     R2: >-
#       An Activity of type capacity-review was performed within capacity_review_days.
#     R3: >-
#       Every capacity-related Incident reported within lookback_days and resolved or closed by as-of
#       lists at least one follow-up in post_incident_review.actions. An incident is capacity-related
#       when a capacity-review Activity lists it in its outputs or its title mentions capacity.
#   decisions:
#     - '"Service" is read broadly as anything in production that serves load: applications,
#       services, compute, servers and data stores; SaaS tools used by staff (environment corp) are
#       the supplier''s capacity to manage.'
#     - Capacity alerts are recognised by the word capacity in an alert rule id or a check id (for
#       example capacity-cpu-80, capacity_storage_alarm_enabled); the schema has no capacity field.
#     - Storage the provider scales without limit (object stores) needs no alert; the schema cannot tell
#       it apart, so an approved Exception listing the asset records that (lib/tech validity rules).
#     - config_scan_days is the freshness limit of an alerting-config export, as for other settings
#       scans.
#     - Open capacity incidents are not judged by R3 until they are resolved; A.5.26 follows open ones.
package annexa.iso27001.a8_6

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

# --- R1: capacity alerts on important production services.

_service_types := {"application", "service", "compute", "server", "data-store"}

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in _service_types
	a.environment == "prod"
	a.criticality in {"high", "critical"}
	ops.active_asset(a)
}

# _alert_rules maps an asset ref to the enabled capacity alert rules of its logging sources.
_alert_rules := {sys: ats |
	some sys in {x[0] | some x in _capacity_rules}
	ats := {x[1] | some x in _capacity_rules; x[0] == sys}
}

# _capacity_rules are [system, field reference] of the enabled capacity alert rules.
_capacity_rules := [[ls.system, records.at(ls, sprintf("alert_rules.%d", [i]))] |
	some ls in records.of("LoggingSource")
	some i, r in object.get(ls, "alert_rules", [])
	r.enabled == true
	contains(lower(r.id), "capacity")
]

_alerting_types := {"alerting-config"}

# _idx indexes the results of the alerting-config scans.
_idx := tech.index(_alerting_types)

_cutoff := dates.cutoff(input.params.config_scan_days)

_capacity_checks(ref) := tech.latest_in(_idx, ref, `(?i)capacity`)

_checked(ref) if {
	cs := _capacity_checks(ref)
	dates.since(tech.checks_on(cs), _cutoff)
	every o in cs {
		o.status == "pass"
	}
}

_alerted(ref) if _alert_rules[ref]

_alerted(ref) if _checked(ref)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _alerted(ref)
	not tech.excepted(ref)
	a := records.get(ref)
	msg := sprintf(
		concat("", [
			"%s (%s, criticality %s) has no enabled capacity alert: add one to its LoggingSource alert_rules or ",
			"show it in an alerting-config scan of the last %d days (config_scan_days)",
		]),
		[ref, a.asset_type, a.criticality, input.params.config_scan_days],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every important production service raises capacity alerts",
		_r1_population, _r1_items,
	)
}

# --- R2: capacity reviewed on schedule.

_review_days := input.params.capacity_review_days

_last_review := tech.last_done("Activity", "capacity-review")

_r2_population := {_last_review[1] | dates.within(_last_review[0], _review_days)}

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_r2_population) == 0
	msg := sprintf(
		"no capacity-review Activity in the %d days before %s (capacity_review_days; %s): review capacity and record it",
		[_review_days, input.as_of, tech.done_text("Activity", "capacity-review")],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("capacity was reviewed within the last %d days", [_review_days]),
		_r2_population, _r2_items,
	)
}

# --- R3: capacity incidents followed up.

_listed_p contains ref if {
	some a in records.of("Activity")
	a.activity_type == "capacity-review"
	some ref in object.get(a, "outputs", [])
	startswith(ref, "Incident/")
}

_capacity_related(i) if records.ref(i) in _listed

_capacity_related(i) if contains(lower(object.get(i, "title", "")), "capacity")

_ended(i) if dates.visible(i.timeline.resolved_on)

_ended(i) if dates.visible(i.timeline.closed_on)

_r3_incidents_p contains i if {
	some i in records.of("Incident")
	dates.within(i.reported_on, input.params.lookback_days)
	_capacity_related(i)
	_ended(i)
}

_r3_population := {records.ref(i) | some i in _r3_incidents}

_followed_up(i) if count(i.post_incident_review.actions) > 0

_r3_items_p contains result.fail("R3", msg, [records.ref(i)]) if {
	some i in _r3_incidents
	not _followed_up(i)
	msg := sprintf(
		"capacity incident %s is resolved but lists no follow-up actions (post_incident_review.actions): record them",
		[records.ref(i)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every resolved capacity incident lists follow-up actions",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_listed := _listed_p

_r3_incidents := _r3_incidents_p

_r3_items := _r3_items_p
