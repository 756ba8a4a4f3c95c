# METADATA
# title: ICT readiness for business continuity
# description: >-
#   The services and applications the business relies on most have recovery time and data loss
#   targets and a recovery plan, and each is recovered in a failover or restore test at least
#   once a period, meeting its targets or leading to a recorded nonconformity when it did not.
# scope: package
# custom:
#   control: iso27001:A.5.30
#   class: a
#   evidence: [Asset, Document, Exercise, Nonconformity]
#   rules:
#     R1: >-
#       Every active Asset of asset_type service or application with criticality high or critical
#       has continuity.rto_hours, continuity.rpo_hours and a continuity.plan naming a current
#       Document.
#     R2: >-
#       Every asset of R1 is in the scope of an Exercise of type dr-failover or restore-test
#       performed within dr_test_days; the latest such exercise achieved rto_hours and rpo_hours
#       no greater than the asset's targets, or links a Nonconformity (in its actions, or a
#       Nonconformity whose source_ref names the exercise).
#   decisions:
#     - >-
#       The targets are the asset's own (continuity.rto_hours and rpo_hours), not the exercise's.
#       When the asset has no target, R1 reports it and R2 only asks for a recent exercise.
#     - A missing achieved value counts as a missed target.
#     - When several exercises share the latest date, one that met the targets (or links a nonconformity) is enough.
package annexa.iso27001.a5_30

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in {"service", "application"}
	a.criticality in {"high", "critical"}
	ops.active_asset(a)
}

# --- R1: recovery targets and a plan.

_current_plan(a) if docs.current(records.get(a.continuity.plan))

_gaps(a) := {g |
	some g, ok in {
		"rto_hours": is_number(object.get(a, ["continuity", "rto_hours"], null)),
		"rpo_hours": is_number(object.get(a, ["continuity", "rpo_hours"], null)),
	}
	ok == false
} | {"a current plan" | not _current_plan(a)}

_r1_items_p contains result.fail("R1", msg, [records.at(a, "continuity")]) if {
	some ref in _population
	a := records.get(ref)
	count(_gaps(a)) > 0
	msg := sprintf(
		"%s (criticality %s) lacks continuity %s: set its recovery targets and link an approved recovery plan",
		[ref, a.criticality, concat(", ", sort(_gaps(a)))],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every high or critical service and application has recovery targets and a current plan",
		_population, _r1_items,
	)
}

# --- R2: recovery exercised within dr_test_days, targets met or a nonconformity raised.

_exercised := {k: vs |
	some k in {x[0] | some x in _exercised_rows}
	vs := {x[1] | some x in _exercised_rows; x[0] == k}
}

_exercised_rows := {[a, records.ref(e)] |
	some e in records.of("Exercise")
	e.exercise_type in {"dr-failover", "restore-test"}
	dates.within(e.performed_on, input.params.dr_test_days)
	some a in e.scope
}

_latest(a) := {ref |
	refs := object.get(_exercised, a, set())
	last := max({records.get(r).performed_on | some r in refs})
	some ref in refs
	records.get(ref).performed_on == last
}

_nc_sources_p contains n.source_ref if {
	some n in records.of("Nonconformity")
	n.source_ref
}

_links_nc(e) if {
	some x in object.get(e, "actions", [])
	startswith(x, "Nonconformity/")
	records.exists(x)
}

_links_nc(e) if records.ref(e) in _nc_sources

_met(e, a, key) if e.achieved[key] <= a.continuity[key]

_met(_, a, key) if not is_number(object.get(a, ["continuity", key], null))

_acceptable(e, a) if {
	_met(e, a, "rto_hours")
	_met(e, a, "rpo_hours")
}

_acceptable(e, _) if _links_nc(e)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _population
	not _exercised[ref]
	msg := sprintf(
		"%s was not recovered in a failover or restore test within %d days (dr_test_days): exercise its recovery",
		[ref, input.params.dr_test_days],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(e, "achieved")]) if {
	some ref in _population
	a := records.get(ref)
	latest := _latest(ref)
	count(latest) > 0
	not _some_acceptable(latest, a)
	some eref in latest
	e := records.get(eref)
	msg := sprintf(
		"%s on %s achieved RTO %v h and RPO %v h for %s, whose targets are %v h and %v h, and links no Nonconformity: %s",
		[
			eref, e.performed_on, object.get(e, ["achieved", "rto_hours"], "?"), object.get(e, ["achieved", "rpo_hours"], "?"),
			ref, object.get(a, ["continuity", "rto_hours"], "?"), object.get(a, ["continuity", "rpo_hours"], "?"),
			"raise a nonconformity and fix the recovery",
		],
	)
}

_some_acceptable(refs, a) if {
	some eref in refs
	_acceptable(records.get(eref), a)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every critical service was recovered within its targets in a test within %d days",
			[input.params.dr_test_days],
		),
		_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_r1_items := _r1_items_p

_nc_sources := _nc_sources_p

_r2_items := _r2_items_p
