# METADATA
# title: Redundancy of information processing facilities
# description: >-
#   Important systems with declared recovery targets run in more than one availability zone or
#   region, and that redundancy is confirmed by a recent configuration scan, a failover
#   exercise or the certification of the SaaS provider that runs them; failover is exercised on
#   schedule.
# scope: package
# custom:
#   control: iso27001:A.8.14
#   class: a
#   evidence: [Asset, TestRun, Exercise, Supplier]
#   rules:
#     R1: >-
#       Every active Asset with criticality high or critical that declares continuity targets
#       (continuity.rto_hours) has continuity.redundancy multi-az or multi-region, confirmed by one of
#       - passing redundancy results (check_id matching multi_az, multi_region, redundan, replica or
#       failover) about it in its latest cspm or config-benchmark TestRun, performed within
#       config_scan_days; a dr-failover Exercise with result pass or partial naming it in scope within
#       dr_test_days; or, for an asset provided by a SaaS supplier, that supplier's current
#       certification covering the service (lib/attest certified, with supplier_cert_grace_days).
#     R2: >-
#       An Exercise of type dr-failover with result pass or partial was performed within dr_test_days.
#   decisions:
#     - '"High availability need" is read as criticality high or critical together with declared
#       recovery targets (continuity.rto_hours); important assets without targets are A.5.30''s
#       concern.'
#     - Check-id convention (lib/tech) - redundancy checks are recognised by multi_az, multi_region,
#       redundan, replica or failover in the check id (rds_instance_multi_az in the example bundle).
#     - A passing failover exercise that included the asset confirms its redundancy in practice; a
#       certified SaaS supplier confirms it for services it runs whole (inheritance, evidence model
#       1.5). For IaaS and PaaS the customer configures redundancy, so a supplier certificate does not
#       count there.
#     - R2 counts exercises with result partial, since they still test the failover; a failed one does
#       not count.
package annexa.iso27001.a8_14

import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_scan_types := {"cspm", "config-benchmark"}

_redundant := {"multi-az", "multi-region"}

_ok_results := {"pass", "partial"}

# --- R1: redundancy declared and confirmed.

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.criticality in {"high", "critical"}
	a.continuity.rto_hours
	ops.active_asset(a)
}

_declared(ref) if records.get(ref).continuity.redundancy in _redundant

# _idx indexes the results of the configuration scans.
_idx := tech.index(_scan_types)

_scan_cutoff := dates.cutoff(input.params.config_scan_days)

_dr_cutoff := dates.cutoff(input.params.dr_test_days)

_scan_confirms(ref) if {
	cs := tech.latest_in(_idx, ref, `(?i)multi_az|multi_region|redundan|replica|failover`)
	dates.since(tech.checks_on(cs), _scan_cutoff)
	every o in cs {
		o.status == "pass"
	}
}

# _failovers_of are the passing dr-failover exercises within dr_test_days.
_failovers_of := [e |
	some e in records.of("Exercise")
	e.exercise_type == "dr-failover"
	e.result in _ok_results
	dates.since(e.performed_on, _dr_cutoff)
]

# _failovers is the set of refs the passing dr-failover exercises within dr_test_days named.
_failovers := {ref | some e in _failovers_of; some ref in e.scope}

_saas_certified(ref) if {
	s := records.get(ref).supplier
	records.get(s).supplier_type == "saas"
	attest.certified(s)
}

_confirmed(ref) if _scan_confirms(ref)

_confirmed(ref) if ref in _failovers

_confirmed(ref) if _saas_certified(ref)

_r1_items_p contains result.fail("R1", msg, [records.at(a, "continuity")]) if {
	some ref in _r1_population
	not _declared(ref)
	a := records.get(ref)
	msg := sprintf(
		concat("", [
			"%s (criticality %s, RTO %v h) runs without declared redundancy (continuity.redundancy: %s): ",
			"run it multi-az or multi-region",
		]),
		[ref, a.criticality, a.continuity.rto_hours, object.get(a.continuity, "redundancy", "none")],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	_declared(ref)
	not _confirmed(ref)
	msg := sprintf(
		concat("", [
			"%s declares %s redundancy, but no redundancy check in a scan of the last %d days (config_scan_days), ",
			"no passing dr-failover exercise of the last %d days (dr_test_days) and no certified SaaS provider confirm it: ",
			"scan or exercise it",
		]),
		[ref, records.get(ref).continuity.redundancy, input.params.config_scan_days, input.params.dr_test_days],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every important asset with recovery targets runs redundantly, confirmed by a scan, an exercise or a provider",
		_r1_population, _r1_items,
	)
}

# --- R2: failover exercised.

_r2_population := {records.ref(e) | some e in _failovers_of}

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_r2_population) == 0
	msg := sprintf(
		"no dr-failover Exercise with result pass or partial in the %d days before %s (dr_test_days; %s): exercise failover",
		[input.params.dr_test_days, input.as_of, tech.done_text("Exercise", "dr-failover")],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("failover was exercised within the last %d days", [input.params.dr_test_days]),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p
