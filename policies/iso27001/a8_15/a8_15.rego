# METADATA
# title: Logging
# description: >-
#   Systems that matter record the events their type calls for, and their logs are kept long
#   enough, protected against tampering, shipped to a central store, readable only by the roles
#   allowed to read them, and reviewed regularly.
# scope: package
# custom:
#   control: iso27001:A.8.15
#   class: a
#   evidence: [Asset, LoggingSource, TestRun, Account, Person, Activity]
#   rules:
#     R1: >-
#       Every active Asset of criticality medium, high or critical whose asset_type can log
#       (application, service, server, compute, network, cloud-account, data-store, or any type
#       that required_log_types names) has at least one LoggingSource observed within
#       posture_max_age_days (its observed_on, or a log-config TestRun naming the source), and
#       the log_types of those sources together cover required_log_types for its asset_type.
#     R2: Every LoggingSource of an active Asset keeps logs for at least log_retention_days (retention_days).
#     R3: Every such LoggingSource has integrity.immutable or integrity.validation set to true.
#     R4: >-
#       Every such LoggingSource ships to a central store, meaning its destination is an existing,
#       active Asset other than the logged system itself, unless the logged system is itself the
#       central store (the destination of other sources), which may keep its own audit log.
#     R5: >-
#       Every such LoggingSource names access_roles, and every enabled Account on its destination
#       (other than service and break-glass accounts) belongs to an active person who holds one of
#       those roles at the as-of date.
#     R6: >-
#       Every such LoggingSource was covered by an Activity of type log-review (subject_refs naming
#       the source, its system or its destination) within the shorter of its own
#       review_interval_days and log_review_days.
#   decisions:
#     - The schema has no enabled flag on LoggingSource (the model's "enabled LoggingSource"), so a
#       source counts as enabled when its configuration was observed within posture_max_age_days,
#       either by its own observed_on or by a log-config TestRun that names it (scope or result
#       resource). An unobserved configuration is not assumed to still be on.
#     - Asset types that cannot log by themselves (information, endpoint, key, removable media,
#       facility equipment and the like) are left out of R1 unless the organisation lists them in
#       required_log_types; types without a list need a LoggingSource but no particular log types.
#     - Several sources may together cover one asset (say an audit trail and flow logs), so R1
#       takes the union of their log types.
#     - R2 to R6 apply to every LoggingSource of an active Asset, not only to those R1 requires,
#       because the parameters speak of logs in general, and to the sources of AI systems in
#       service, whose logs are logs of the ISMS scope too; so one LoggingSource record serves
#       this control and 42001 A.6.2.8 (which adds its own log types and retention).
#     - The model does not define "central", so R4 takes it to mean a separate store, that is
#       an existing, active asset that is not the logged system. The central store's own audit
#       log may stay in the store (where else would it go), since integrity (R3) and access
#       (R5) still apply to it.
#     - R5 checks who can read the logs through the accounts of the destination; the destination
#       must allow every role-limited source that ships to it, so an account fails when its
#       holder holds none of the roles of any one source there. Service accounts (ingestion) and
#       break-glass accounts are governed by 5.15, 5.18 and 8.2 and are skipped here. Access is
#       only as visible as the Account records of the destination, and when a store has none (its
#       access runs through roles of a cloud account, say), R5 can only check that access_roles
#       is declared, and the auditor must sample the store's permissions.
#     - A log review of the central store covers every source shipped there.
package annexa.iso27001.a8_15

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: assets of criticality medium and above log the required types.

_levels := {"medium", "high", "critical"}

_loggable := {
	"application", "service", "server", "compute", "network", "cloud-account", "data-store",
} | object.keys(input.params.required_log_types)

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.criticality in _levels
	a.asset_type in _loggable
	ops.active_asset(a)
}

_logging_sources := records.of("LoggingSource")

# _sources_of maps a system ref to the refs of its LoggingSources (grouped through a
# comprehension index on the system).
_sources_of := {sys: refs |
	some sys in {s.system | some s in _logging_sources}
	refs := {concat("/", [s.kind, s.id]) | some s in _logging_sources; s.system == sys}
}

# _config_checks maps a LoggingSource or Asset ref to the latest day a log-config TestRun named it.
_config_checks := {k: max(vs) |
	some k in {x[0] | some x in _config_rows}
	vs := {x[1] | some x in _config_rows; x[0] == k}
}

_config_rows := {[target, day] |
	some t in records.of("TestRun")
	t.test_type == "log-config"
	day := dates.day(t.performed_on)
	day <= input.as_of
	some target in ({x | some x in t.scope} | {r.resource | some r in object.get(t, "results", [])})
}

_last_observed(s) := dates.latest({d | d := s.observed_on} | {d | d := _config_checks[records.ref(s)]})

_last_observed_text(s) := _last_observed(s)

_last_observed_text(s) := "never" if not _last_observed(s)

_observed(s) if dates.within(_last_observed(s), input.params.posture_max_age_days)

_enabled(ref) := {x | some x in _sources_of[ref]; _observed(records.get(x))}

_logged(ref) := {t | some x in _enabled(ref); some t in records.get(x).log_types}

_required(a) := {t | some t in object.get(input.params.required_log_types, a.asset_type, [])}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _sources_of[ref]
	a := records.get(ref)
	msg := sprintf(
		"%s (%s, criticality %s) has no LoggingSource: configure logging to the central store and record it",
		[ref, a.asset_type, a.criticality],
	)
}

_r1_items_p contains result.fail("R1", msg, [x]) if {
	some ref in _r1_population
	some x in _sources_of[ref]
	count(_enabled(ref)) == 0
	msg := sprintf(
		concat("", [
			"%s of %s was last observed on %s, more than posture_max_age_days=%d before %s: collect its ",
			"configuration again",
		]),
		[x, ref, _last_observed_text(records.get(x)), input.params.posture_max_age_days, input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	count(_enabled(ref)) > 0
	a := records.get(ref)
	missing := _required(a) - _logged(ref)
	count(missing) > 0
	msg := sprintf(
		"%s (%s) does not log %s, required by required_log_types for %s: add these log types to its LoggingSource",
		[ref, a.asset_type, concat(", ", sort(missing)), a.asset_type],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every asset of criticality medium or above has current logging of the required types",
		_r1_population, _r1_items,
	)
}

# --- Population of R2 to R6: LoggingSources of active assets.

_sources_p contains records.ref(s) if {
	some s in records.of("LoggingSource")
	startswith(s.system, "Asset/")
	not _retired_system(s)
}

_sources_p contains records.ref(s) if {
	some s in records.of("LoggingSource")
	startswith(s.system, "AISystem/")
	ai.in_service(records.get(s.system))
}

# A source whose system is missing from the inventory stays in scope.
_retired_system(s) if {
	a := records.get(s.system)
	not ops.active_asset(a)
}

# --- R2: retention.

_r2_items_p contains result.fail("R2", msg, [records.at(s, "retention_days")]) if {
	some ref in _sources
	s := records.get(ref)
	object.get(s, "retention_days", 0) < input.params.log_retention_days
	msg := sprintf(
		"%s keeps logs of %s for %v days, fewer than log_retention_days=%d: extend the retention",
		[ref, s.system, object.get(s, "retention_days", "no stated number of"), input.params.log_retention_days],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every log source keeps logs for at least %d days", [input.params.log_retention_days]),
		_sources, _r2_items,
	)
}

# --- R3: integrity protection.

_protected(s) if s.integrity.immutable == true

_protected(s) if s.integrity.validation == true

_r3_items_p contains result.fail("R3", msg, [records.at(s, "integrity")]) if {
	some ref in _sources
	s := records.get(ref)
	not _protected(s)
	msg := sprintf(
		"%s has neither immutable storage nor log validation (integrity %v): turn one of them on",
		[ref, object.get(s, "integrity", "not set")],
	)
}

findings contains f if {
	some f in result.check("R3", "every log source is immutable or validated", _sources, _r3_items)
}

# --- R4: central destination.

# _stores are the systems that receive the logs of other systems.
_stores_p contains s.destination if {
	some s in records.of("LoggingSource")
	s.destination != s.system
}

_r4_items_p contains result.fail("R4", msg, [records.at(s, "destination")]) if {
	some ref in _sources
	s := records.get(ref)
	s.destination == s.system
	not s.system in _stores
	msg := sprintf("%s keeps the logs of %s on the system itself: ship them to a central log store", [ref, s.system])
}

_r4_items_p contains result.fail("R4", msg, [records.at(s, "destination")]) if {
	some ref in _sources
	s := records.get(ref)
	not records.exists(object.get(s, "destination", ""))
	msg := sprintf(
		"%s ships to %s, which is not in the inventory: record the log store as an Asset",
		[ref, object.get(s, "destination", "no destination")],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.at(s, "destination")]) if {
	some ref in _sources
	s := records.get(ref)
	d := records.get(s.destination)
	not ops.active_asset(d)
	msg := sprintf(
		"%s ships to %s, which was retired on %s: point it at the current log store",
		[ref, s.destination, d.lifecycle.retired_on],
	)
}

findings contains f if {
	some f in result.check("R4", "every log source ships to a separate central store", _sources, _r4_items)
}

# --- R5: log access limited to access_roles.

_r5_items_p contains result.fail("R5", msg, [records.at(s, "access_roles")]) if {
	some ref in _sources
	s := records.get(ref)
	count(object.get(s, "access_roles", [])) == 0
	msg := sprintf("%s names no access_roles: say which roles may read these logs", [ref])
}

# _readers maps the destination of each role-limited source to the enabled accounts on it that
# people use. Accounts are grouped by system through a comprehension index, and only the accounts
# on such a destination are checked.
_readers := {d: vs |
	some d in _limited_destinations
	ids := {id | some id, acc in _accounts; acc.system == d}
	vs := {records.ref(acc) |
		some id in ids
		acc := _accounts[id]
		not acc.account_type in {"service", "break-glass"}
		not _created_later(acc)
		not _disabled(acc)
	}
}

_accounts := records.of("Account")

_limited_destinations := {s.destination |
	some ref in _sources
	s := records.get(ref)
	count(object.get(s, "access_roles", [])) > 0
}

# An account without a creation date is taken to exist.
_created_later(acc) if dates.day(acc.created_on) > input.as_of

_disabled(acc) if dates.visible(acc.disabled_on)

_may_read(acc, s) if {
	p := records.get(acc.holder)
	some role in s.access_roles
	people.holds_on(p, role, input.as_of)
}

# _denied maps [destination, account] to the role-limited sources on that destination whose
# roles the account's holder does not hold.
_denied := {k: vs |
	some k in {x[0] | some x in _denied_rows}
	vs := {x[1] | some x in _denied_rows; x[0] == k}
}

_denied_rows := {[[s.destination, aref], ref] |
	some ref in _sources
	s := records.get(ref)
	count(object.get(s, "access_roles", [])) > 0
	some aref in _readers[s.destination]
	not _may_read(records.get(aref), s)
}

_r5_items_p contains result.fail("R5", msg, [aref]) if {
	some key, srcs in _denied
	[dest, aref] := key
	acc := records.get(aref)
	msg := sprintf(
		"%s (%s) can read %s, the log store of %s, but %s: remove the access or assign the role",
		[aref, acc.account_type, dest, concat(", ", sort(srcs)), _why_not(acc)],
	)
}

_why_not(acc) := sprintf("%s holds none of their access_roles", [acc.holder]) if is_string(acc.holder)

_why_not(acc) := "it has no holder, so no access role can be shown" if not is_string(object.get(acc, "holder", null))

findings contains f if {
	some f in result.check(
		"R5", "access to every log store is limited to the roles its log sources allow",
		_sources, _r5_items,
	)
}

# --- R6: log review within the interval.

# _reviewed maps a subject ref to the latest day a log-review Activity named it.
_reviewed := {k: max(vs) |
	some k in {x[0] | some x in _reviewed_rows}
	vs := {x[1] | some x in _reviewed_rows; x[0] == k}
}

_reviewed_rows := {[x, day] |
	some a in records.of("Activity")
	a.activity_type == "log-review"
	day := dates.day(a.performed_on)
	day <= input.as_of
	some x in a.subject_refs
}

# _review_days is the shorter of the source's own interval and log_review_days.
_review_days(s) := min({input.params.log_review_days, _own_interval(s)})

_own_interval(s) := object.get(s, "review_interval_days", input.params.log_review_days)

_last_review(s) := max(ds) if {
	ds := {d |
		some subject in [records.ref(s), s.system, object.get(s, "destination", "")]
		d := _reviewed[subject]
	}
	count(ds) > 0
}

_reviewed_in_time(s) if dates.within(_last_review(s), _review_days(s))

_last_review_text(s) := _last_review(s)

_last_review_text(s) := "never" if not _last_review(s)

_r6_items_p contains result.fail("R6", msg, [ref]) if {
	some ref in _sources
	s := records.get(ref)
	not _reviewed_in_time(s)
	msg := sprintf(
		concat("", [
			"%s (logs of %s) has no log review within %d days of %s (last: %s): review the logs and record it as a ",
			"log-review Activity",
		]),
		[ref, s.system, _review_days(s), input.as_of, _last_review_text(s)],
	)
}

findings contains f if {
	some f in result.check("R6", "every log source was reviewed within its interval", _sources, _r6_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_sources := _sources_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_stores := _stores_p

_r4_items := _r4_items_p

_r5_items := _r5_items_p

_r6_items := _r6_items_p
