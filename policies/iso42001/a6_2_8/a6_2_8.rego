# METADATA
# title: AI system recording of event logs
# description: >-
#   Every AI system in production records the events needed to reconstruct what it did -
#   inferences, the model version that made them and the human overrides - in logging that is
#   switched on, kept long enough, protected against tampering and readable only by the roles
#   allowed to read it.
# scope: package
# custom:
#   control: iso42001:A.6.2.8
#   class: a
#   evidence: [AISystem, LoggingSource, TestRun, Account, Person]
#   rules:
#     R1: >-
#       Every AI system in production (in service at stage deployment or later) has at least one
#       LoggingSource whose system is the AI system and whose configuration was observed within
#       posture_max_age_days (its observed_on, or a log-config TestRun naming the source), and the
#       log_types of those sources together include every type in ai_required_log_types; the
#       system's logging reference, when set, names one of its own LoggingSources.
#     R2: >-
#       Every LoggingSource of an AI system in production keeps logs for at least
#       ai_log_retention_days (retention_days).
#     R3: >-
#       Every such LoggingSource has integrity.immutable or integrity.validation set to true,
#       names access_roles, and every enabled Account on its destination (other than service and
#       break-glass accounts) belongs to a person who holds one of those roles at the as-of date
#       (as 27001 A.8.15 R3 and R5).
#   decisions:
#     - As in 27001 A.8.15, the schema has no enabled flag, so a source counts as switched on when
#       its configuration was observed within posture_max_age_days; an unobserved one is not
#       assumed to be on.
#     - Several sources may together cover one system, so R1 takes the union of their log types.
#       The model's list (request id, time, model version, output reference, human overrides) is
#       what ai_required_log_types stands for; the content of each entry is not visible here.
#     - R2 and R3 apply to every LoggingSource of an AI system in production, also to one that R1
#       does not need, because the parameters speak of the system's logs in general.
#     - R3 checks who can read the logs through the Accounts of the destination store, like 27001
#       A.8.15 R5; where the store has no Account records only the declaration of access_roles
#       can be checked.
package annexa.iso42001.a6_2_8

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai3.production_refs

# --- R1: switched-on logging of the required types.

_sources(sref) := object.get(ai3.log_sources, sref, set())

_logged(sref) := {t | some x in ai3.enabled_logs(sref); some t in records.get(x).log_types}

_observed_text(s) := ai3.log_observed(s)

_observed_text(s) := "never" if not ai3.log_observed(s)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	count(_sources(ref)) == 0
	msg := sprintf(
		"%s is in production but has no LoggingSource: log its inferences, model versions and overrides and record it",
		[ref],
	)
}

_r1_items_p contains result.fail("R1", msg, [x]) if {
	some ref in _population
	count(ai3.enabled_logs(ref)) == 0
	some x in _sources(ref)
	msg := sprintf(
		"%s of %s was last observed on %s, more than posture_max_age_days=%d before %s: collect its configuration again",
		[x, ref, _observed_text(records.get(x)), input.params.posture_max_age_days, input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	count(ai3.enabled_logs(ref)) > 0
	missing := {t | some t in input.params.ai_required_log_types} - _logged(ref)
	count(missing) > 0
	msg := sprintf(
		"%s does not log %s, required by ai_required_log_types: add these log types to its LoggingSource",
		[ref, concat(", ", sort(missing))],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, "logging")]) if {
	some ref in _population
	s := records.get(ref)
	s.logging
	not s.logging in _sources(ref)
	msg := sprintf(
		"%s names %s as its logging, which is not a LoggingSource of this system: fix the reference",
		[ref, s.logging],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system in production has switched-on logging of the types in ai_required_log_types",
		_population, _r1_items,
	)
}

# --- Population of R2 and R3: the LoggingSources of AI systems in production.

_logs := {x | some ref in _population; some x in _sources(ref)}

# --- R2: retention.

_r2_items_p contains result.fail("R2", msg, [records.at(s, "retention_days")]) if {
	some ref in _logs
	s := records.get(ref)
	object.get(s, "retention_days", 0) < input.params.ai_log_retention_days
	msg := sprintf(
		"%s keeps logs of %s for %v days, fewer than ai_log_retention_days=%d: extend the retention",
		[ref, s.system, object.get(s, "retention_days", "no stated number of"), input.params.ai_log_retention_days],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every AI system log keeps events for at least %d days", [input.params.ai_log_retention_days]),
		_logs, _r2_items,
	)
}

# --- R3: integrity and restricted access.

_protected(s) if s.integrity.immutable == true

_protected(s) if s.integrity.validation == true

_r3_items_p contains result.fail("R3", msg, [records.at(s, "integrity")]) if {
	some ref in _logs
	s := records.get(ref)
	not _protected(s)
	msg := sprintf(
		"%s has neither immutable storage nor log validation (integrity %v): turn one of them on",
		[ref, object.get(s, "integrity", "not set")],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(s, "access_roles")]) if {
	some ref in _logs
	s := records.get(ref)
	count(object.get(s, "access_roles", [])) == 0
	msg := sprintf("%s names no access_roles: say which roles may read the logs of %s", [ref, s.system])
}

# _readers maps a system ref to the enabled accounts on it that people use.
_readers := {k: vs |
	some k in {x[0] | some x in _readers_rows}
	vs := {x[1] | some x in _readers_rows; x[0] == k}
}

_readers_rows := {[acc.system, records.ref(acc)] |
	some acc in records.of("Account")
	not acc.account_type in {"service", "break-glass"}
	not _created_later(acc)
	not _disabled(acc)
}

_created_later(acc) if dates.day(acc.created_on) > input.as_of

_disabled(acc) if dates.visible(acc.disabled_on)

_may_read(acc, s) if {
	p := records.get(acc.holder)
	some role in s.access_roles
	people.holds_on(p, role, input.as_of)
}

# _denied maps [destination, account] to the AI log sources there whose roles the holder lacks.
_denied := {k: vs |
	some k in {x[0] | some x in _denied_rows}
	vs := {x[1] | some x in _denied_rows; x[0] == k}
}

_denied_rows := {[[s.destination, aref], ref] |
	some ref in _logs
	s := records.get(ref)
	count(object.get(s, "access_roles", [])) > 0
	some aref in _readers[s.destination]
	not _may_read(records.get(aref), s)
}

_r3_items_p contains result.fail("R3", msg, [aref]) if {
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
		"R3", "every AI system log is protected against tampering and readable only by its access roles",
		_logs, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
