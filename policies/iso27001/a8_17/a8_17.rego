# METADATA
# title: Clock synchronization
# description: >-
#   The clocks of our servers, laptops and other machines we run follow a reference time
#   source, as a recent check shows for each of them, and the logging set-up names one time
#   source for all systems, so that event times from different systems can be put side by side.
# scope: package
# custom:
#   control: iso27001:A.8.17
#   class: a
#   evidence: [Asset, TestRun, LoggingSource, Supplier]
#   rules:
#     R1: >-
#       Every active (not retired, not lost) Asset of type endpoint or server, and every one of
#       type compute or network that is not run by a certified supplier, has a time-sync check
#       (see the check id convention of lib/network: time_sync, ntp, or any result of an ntp
#       TestRun) within config_scan_days, and the results of its latest check day all pass.
#     R2: >-
#       Every LoggingSource of a system that is not a retired or lost Asset declares time_source,
#       and all of them declare the same one (compared without case and outer spaces).
#   decisions:
#     - "Managed services declared inherited (model): compute and network assets with a supplier that
#       holds a certification covering the service (attest.certified, with supplier_cert_grace_days)
#       are the provider's clocks and are left out of R1. Endpoints and servers run our own
#       operating systems and are always checked, whoever hosts them; services (SaaS) are not
#       clocks we run and are not checked."
#     - Check ids follow the convention of lib/network (time-sync topic). Results are read from
#       configuration TestRuns of any type (ntp, mdm-posture, cspm ...) and matched to assets by
#       reference or external id; all results of the latest day must pass, an error counts as a
#       failure.
#     - Freshness uses config_scan_days, as 6.1 lists for 8.17.
#     - "One approved time source (model): the schema has no record of an approved time source,
#       so R2 takes the time_source of the LoggingSources as the declaration and requires a
#       single value. Approval of that value is left to the document control of the logging
#       policy; the rule fails a missing declaration and any second source."
#     - When the sources disagree, the value most of them declare (ties broken by name) is taken
#       as the organisation's, and the sources naming other values are listed.
package annexa.iso27001.a8_17

import data.annexa.lib.attest
import data.annexa.lib.network
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: time-sync checks pass on the machines we run.

_inherited(a) if {
	a.asset_type in {"compute", "network"}
	attest.certified(a.supplier)
}

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in {"endpoint", "server", "compute", "network"}
	network.in_use(a)
	not _inherited(a)
}

# _r1_unchecked are the machines whose time-sync verdict is not a plain pass (network.passing).
_r1_unchecked := _r1_population - network.passing("time-sync", input.params.config_scan_days)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_unchecked
	problem := network.verdict("time-sync", ref, input.params.config_scan_days, "time synchronisation")
	msg := sprintf(
		"%s (config_scan_days %d): make it follow the reference time source and collect the check",
		[problem, input.params.config_scan_days],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every server, endpoint and self-run machine passed a time-sync check within %d days",
			[input.params.config_scan_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: one time source declared for all logging.

# _gone holds when a source logs an Asset that is retired or lost; sources of AI systems, and
# of systems that have no record, stay in.
_gone(s) if {
	a := records.get(s.system)
	a.kind == "Asset"
	not network.in_use(a)
}

_sources_p contains s if {
	some s in records.of("LoggingSource")
	not _gone(s)
}

_declared(s) := lower(trim_space(s.time_source)) if {
	is_string(s.time_source)
	trim_space(s.time_source) != ""
}

_r2_population := {records.ref(s) | some s in _sources}

_by_value := {k: vs |
	some k in {x[0] | some x in _by_value_rows}
	vs := {x[1] | some x in _by_value_rows; x[0] == k}
}

_by_value_rows := {[_declared(s), records.ref(s)] |
	some s in _sources
}

_most := max({count(refs) | some refs in _by_value})

_main := min({v | some v, refs in _by_value; count(refs) == _most})

_r2_items_p contains result.fail("R2", msg, [records.ref(s)]) if {
	some s in _sources
	not _declared(s)
	msg := sprintf("%s declares no time_source: name the time source its system follows", [records.ref(s)])
}

_r2_items_p contains result.fail("R2", msg, refs) if {
	count(_by_value) > 1
	others := {r | some v, rs in _by_value; v != _main; some r in rs}
	refs := {records.at(records.get(r), "time_source") | some r in others}
	msg := sprintf(
		"logging sources declare %d time sources: %s follow %q, but %s name another; declare one time source for all",
		[count(_by_value), concat(", ", sort(_by_value[_main])), _main, concat(", ", sort(others))],
	)
}

findings contains f if {
	some f in result.check("R2", "every logging source declares the same time source", _r2_population, _r2_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_sources := _sources_p

_r2_items := _r2_items_p
