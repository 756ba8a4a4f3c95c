# METADATA
# title: Monitoring activities
# description: >-
#   The detections the organisation requires are switched on as alert rules, someone holds the
#   on-call role to answer them, high-severity alerts are triaged within the agreed number of
#   hours, and every critical system feeds at least one enabled alert rule.
# scope: package
# custom:
#   control: iso27001:A.8.16
#   class: a
#   evidence: [LoggingSource, Role, Person, Activity, Incident, Asset, ManagementSystem]
#   rules:
#     R1: >-
#       Every detection named in required_detections is the id of an enabled alert rule
#       (alert_rules with enabled true) in a LoggingSource whose configuration was observed
#       within posture_max_age_days and whose system is not a retired Asset.
#     R2: Role/on-call has at least one active holder at the as-of date.
#     R3: >-
#       High-severity alerts were triaged within alert_triage_hours: every Activity of type
#       alert-triage-review performed within lookback_days reports metrics.max_triage_hours of at
#       most alert_triage_hours, and so does every log-review in that window that reports the
#       metric; and every Incident of category security-event or security-incident with severity
#       sev1 or sev2 reported within lookback_days was triaged no later than alert_triage_hours
#       after reported_on (one not yet triaged fails once that time has passed by the end of the
#       as-of day).
#     R4: >-
#       Every active Asset of criticality critical is the system of a LoggingSource observed within
#       posture_max_age_days that has at least one enabled alert rule.
#   decisions:
#     - A detection is matched to an alert rule by the rule's id (alert_rules[].id equals the
#       detection name), since the detection text is free prose.
#     - The schema has no enabled flag or status on LoggingSource, so, as in 8.15, a source counts
#       only when its configuration was observed within posture_max_age_days (its observed_on).
#     - R2 asks for at least one holder, as the model says; min_holders of the role is checked by
#       5.2. The role id on-call is the one listed in required_roles_isms.
#     - R3 reads the triage time from activity metrics (max_triage_hours, the slowest triage of a
#       high-severity alert in the period). An alert-triage-review without that metric fails,
#       because a median or a count cannot show that every alert was triaged in time; a
#       log-review counts only when it reports the metric.
#     - R3 also takes high-severity security events and incidents (sev1, sev2) from the incident
#       register as alerts; 5.25 checks their triage against incident_triage_hours as well.
#     - R4 counts a critical asset as monitored only through its own LoggingSource with an
#       enabled alert rule; logging without alerting is 8.15's concern.
package annexa.iso27001.a8_16

import data.annexa.lib.dates
import data.annexa.lib.incidents
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- Sources whose configuration is current.

_system_retired(s) if {
	a := records.get(s.system)
	a.kind == "Asset"
	not ops.active_asset(a)
}

_observed(s) if {
	dates.within(s.observed_on, input.params.posture_max_age_days)
	not _system_retired(s)
}

# _enabled_rules maps an alert rule id to the current sources where it is enabled.
_enabled_rules := {k: vs |
	some k in {x[0] | some x in _enabled_rules_rows}
	vs := {x[1] | some x in _enabled_rules_rows; x[0] == k}
}

_enabled_rules_rows := {[r.id, records.ref(s)] |
	some s in records.of("LoggingSource")
	_observed(s)
	some r in object.get(s, "alert_rules", [])
	r.enabled == true
}

# _listed_rules maps an alert rule id to every source that lists it, enabled or not.
_listed_rules := {k: vs |
	some k in {x[0] | some x in _listed_rules_rows}
	vs := {x[1] | some x in _listed_rules_rows; x[0] == k}
}

_listed_rules_rows := {[r.id, records.ref(s)] |
	some s in records.of("LoggingSource")
	some r in object.get(s, "alert_rules", [])
}

# --- R1: required detections have enabled alert rules.

_required := {d | some d in input.params.required_detections}

_providing := {s | some d in _required; some s in object.get(_enabled_rules, d, set())}

_r1_population := _providing | {ops.isms_ref | count(_required) > 0}

_where(d) := sprintf(
	"it is listed but disabled or not observed within %d days in %s",
	[input.params.posture_max_age_days, concat(", ", sort(_listed_rules[d]))],
) if {
	_listed_rules[d]
} else := "no LoggingSource lists it"

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	some d in _required
	not _enabled_rules[d]
	msg := sprintf(
		concat("", [
			"no enabled alert rule implements the required detection %s ",
			"(required_detections; %s): add and enable an alert rule with id %s",
		]),
		[d, _where(d), d],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf("every required detection (%s) has an enabled alert rule", [concat(", ", sort(_required))]),
		_r1_population, _r1_items,
	)
}

# --- R2: the on-call role is held.

_on_call := people.role_ref("on-call")

findings contains f if {
	some f in result.require(
		"R2", people.holder_count(_on_call) > 0,
		sprintf("%s is held by %s", [_on_call, concat(", ", sort(object.get(people.holders, _on_call, set())))]),
		sprintf("no active person holds %s on %s: assign the on-call rota to someone", [_on_call, input.as_of]),
		[_on_call],
	)
}

# --- R3: high-severity alerts triaged within alert_triage_hours.

_triage_activities_p contains a if {
	some a in records.of("Activity")
	a.activity_type == "alert-triage-review"
	dates.within(a.performed_on, input.params.lookback_days)
}

_triage_activities_p contains a if {
	some a in records.of("Activity")
	a.activity_type == "log-review"
	dates.within(a.performed_on, input.params.lookback_days)
	is_number(a.metrics.max_triage_hours)
}

_alert_incidents_p contains i if {
	some i in records.of("Incident")
	i.category in {"security-event", "security-incident"}
	incidents.at_least(i.severity, "sev2")
	dates.within(i.reported_on, input.params.lookback_days)
}

_r3_population := {records.ref(a) | some a in _triage_activities} | {records.ref(i) | some i in _alert_incidents}

_r3_items_p contains result.fail("R3", msg, [records.at(a, "metrics.max_triage_hours")]) if {
	some a in _triage_activities
	a.metrics.max_triage_hours > input.params.alert_triage_hours
	msg := sprintf(
		concat("", [
			"%s (%s) reports a high-severity alert triaged after %v hours, ",
			"more than alert_triage_hours %d: find why and speed up triage",
		]),
		[records.ref(a), a.performed_on, a.metrics.max_triage_hours, input.params.alert_triage_hours],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.ref(a)]) if {
	some a in _triage_activities
	not is_number(object.get(object.get(a, "metrics", {}), "max_triage_hours", null))
	msg := sprintf(
		"%s (%s) does not report metrics.max_triage_hours: record the slowest triage of a high-severity alert",
		[records.ref(a), a.performed_on],
	)
}

_deadline_ns(i) := dates.ns(i.reported_on) + (input.params.alert_triage_hours * incidents.hour_ns)

_r3_items_p contains result.fail("R3", msg, [records.at(i, "triage.decided_on")]) if {
	some i in _alert_incidents
	incidents.triaged(i)
	dates.ns(i.triage.decided_on) > _deadline_ns(i)
	msg := sprintf(
		"%s (%s) was reported %s and triaged %s, later than alert_triage_hours %d: triage high-severity alerts in time",
		[records.ref(i), i.severity, i.reported_on, i.triage.decided_on, input.params.alert_triage_hours],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.ref(i)]) if {
	some i in _alert_incidents
	not incidents.triaged(i)
	dates.as_of_ns + dates.day_ns > _deadline_ns(i)
	msg := sprintf(
		"%s (%s) was reported %s and is not triaged after alert_triage_hours %d: triage it now",
		[records.ref(i), i.severity, i.reported_on, input.params.alert_triage_hours],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("high-severity alerts were triaged within %d hours", [input.params.alert_triage_hours]),
		_r3_population, _r3_items,
	)
}

# --- R4: critical assets feed an enabled alert rule.

_r4_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.criticality == "critical"
	ops.active_asset(a)
}

_alerting_p contains s.system if {
	some s in records.of("LoggingSource")
	_observed(s)
	some r in object.get(s, "alert_rules", [])
	r.enabled == true
}

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _r4_population
	not ref in _alerting
	msg := sprintf(
		concat("", [
			"%s is critical but no LoggingSource observed within %d days ",
			"has an enabled alert rule for it: add alerting on its logs",
		]),
		[ref, input.params.posture_max_age_days],
	)
}

findings contains f if {
	some f in result.check("R4", "every critical asset feeds at least one enabled alert rule", _r4_population, _r4_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_triage_activities := _triage_activities_p

_alert_incidents := _alert_incidents_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_alerting := _alerting_p

_r4_items := _r4_items_p
