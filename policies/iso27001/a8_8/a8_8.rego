# METADATA
# title: Management of technical vulnerabilities
# description: >-
#   Production and internet-facing systems are scanned for vulnerabilities on a schedule,
#   every finding is fixed within the deadline its severity sets (or is covered by an approved,
#   unexpired exception), internet-facing applications are penetration tested, and each fix is
#   confirmed by a later scan.
# scope: package
# custom:
#   control: iso27001:A.8.8
#   class: a
#   evidence: [Asset, TestRun, Finding, Exception]
#   rules:
#     R1: Every active production or internet-facing system appears in a vulnerability scan within vuln_scan_days.
#     R2: >-
#       Every finding open at the as-of date, or fixed inside the lookback window, was fixed by its
#       deadline (first seen + vuln_sla_days for its severity; the catalogue due date when known
#       exploited), or is covered by an approved, unexpired exception approved by someone else
#       than its requester. Findings due within at_risk_days are flagged at risk.
#     R3: >-
#       Every internet-facing application was penetration tested within pentest_days, and every
#       failed check of those tests is tracked as a Finding.
#     R4: Every finding fixed inside the lookback window was verified by a later test run.
#   decisions:
#     - Scannable assets are the active ones of type application, service, server, compute, network,
#       data-store or cloud-account that are in production or internet facing.
#     - An asset appears in a scan when the TestRun's scope or one of its results names it.
#     - The SLA in force is the current parameter value; parameter history is not replayed yet.
package annexa.iso27001.a8_8

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# Cost. Every record is read once per rule in a comprehension; dates are compared as
# "YYYY-MM-DD" strings against cutoffs computed once; the refs a TestRun names are grouped in
# comprehension indexes; deadlines are computed once per finding; messages are formatted only
# for the failing items.

_scannable_types := {"application", "service", "server", "compute", "network", "data-store", "cloud-account"}

_active_asset(a) if not _retired(a)

_retired(a) if dates.visible(a.lifecycle.retired_on)

_runs := records.of("TestRun")

_findings := records.of("Finding")

# --- R1: production and internet-facing assets scanned within vuln_scan_days.

_r1_population := {concat("/", [a.kind, a.id]) |
	some a in records.of("Asset")
	a.asset_type in _scannable_types
	_active_asset(a)
	_exposed(a)
}

_exposed(a) if a.environment == "prod"

_exposed(a) if a.internet_facing == true

# _scans holds [target, day] for each target a visible vulnerability scan names.
_scans := [[x, day] |
	some t in _runs
	t.test_type == "vuln-scan"
	day := substring(t.performed_on, 0, 10)
	day <= input.as_of
	some x in _named_by(t)
]

# _last_scan_of maps each asset of the R1 population that a scan names to its latest scan day.
_last_scan_of := {ref: max(days) |
	some ref in _r1_population
	days := {s[1] | some s in _scans; s[0] == ref}
	count(days) > 0
}

_named_by(t) := {x | some x in object.get(t, "scope", [])} | {r.resource | some r in object.get(t, "results", [])}

_scan_cutoff := dates.cutoff(input.params.vuln_scan_days)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _scanned_recently(ref)
	msg := sprintf(
		"%s has no vulnerability scan in the last %d days (last: %s)",
		[ref, input.params.vuln_scan_days, _last_scan(ref)],
	)
}

_scanned_recently(ref) if _scan_cutoff <= _last_scan_of[ref]

_last_scan(ref) := _last_scan_of[ref]

_last_scan(ref) := "never" if not _last_scan_of[ref]

findings contains f if {
	some f in result.check(
		"R1", sprintf("every production or internet-facing asset was scanned within %d days", [input.params.vuln_scan_days]),
		_r1_population, _r1_items,
	)
}

# --- R2: findings fixed within the SLA of their severity, or excepted.

_lookback_cutoff := dates.cutoff(input.params.lookback_days)

# _r2_population: findings first seen by as-of that are open, or were fixed inside the lookback.
_r2_population := {concat("/", [f.kind, f.id]) |
	some f in _findings
	_in_period(f)
}

_in_period(f) if {
	dates.visible(f.first_seen_on)
	not _fixed(f)
}

_in_period(f) if {
	dates.visible(f.first_seen_on)
	dates.since(f.resolved_on, _lookback_cutoff)
}

_fixed(f) if dates.visible(f.resolved_on)

# due returns the deadline of a finding: first_seen_on + SLA, earlier for a known-exploited
# vulnerability with a catalogue due date.
due(f) := min({_sla_due(f)} | _catalogue_due(f))

_sla_due(f) := dates.add_days(f.first_seen_on, input.params.vuln_sla_days[f.severity])

_catalogue_due(f) := {f.catalogue_due_on} if f.known_exploited == true

_catalogue_due(f) := set() if not f.known_exploited == true

# excepted holds when the finding is covered by an approved, unexpired exception approved by
# someone other than its requester: the one its exception field names, or one whose
# applies_to lists it.
excepted(f) if _valid_exception(records.get(f.exception))

excepted(f) if records.ref(f) in _excepted_refs

_valid_exception(e) if {
	dates.visible(e.approved_on)
	input.as_of <= e.expires_on
	e.approved_by != e.requested_by
}

# _excepted_refs is every item that a valid exception's applies_to lists.
_excepted_refs := {x |
	some e in records.of("Exception")
	_valid_exception(e)
	some x in object.get(e, "applies_to", [])
}

_r2_items_p contains item if {
	some f in _findings
	_in_period(f)
	item := _r2_item(f, due(f))
}

_r2_item(f, d) := result.fail("R2", msg, [records.at(f, "resolved_on")]) if {
	_fixed(f)
	dates.day(f.resolved_on) > d
	msg := sprintf("%s (%s) was fixed on %s, after its deadline %s", [records.ref(f), f.severity, dates.day(f.resolved_on), d])
} else := result.fail("R2", msg, [ref]) if {
	not _fixed(f)
	d < input.as_of
	not excepted(f)
	ref := records.ref(f)
	msg := sprintf(
		"%s (%s, %s) is open and overdue since %s: fix it or record an approved exception",
		[ref, f.severity, f.asset, d],
	)
} else := result.at_risk("R2", msg, [ref]) if {
	not _fixed(f)
	ops.due_soon(d)
	not excepted(f)
	ref := records.ref(f)
	msg := sprintf("%s (%s) is due on %s", [ref, f.severity, d])
}

findings contains f if {
	some f in result.check("R2", "every finding was fixed within its SLA or is covered by an approved exception", _r2_population, _r2_items)
}

# --- R3: internet-facing applications pentested within pentest_days, failures tracked as findings.

_r3_population := {concat("/", [a.kind, a.id]) |
	some a in records.of("Asset")
	a.asset_type in {"application", "service"}
	a.internet_facing == true
	_active_asset(a)
}

_pentest_cutoff := dates.cutoff(input.params.pentest_days)

# _pentests is the ids of the pentests within pentest_days.
_pentests := {id |
	some id, t in _runs
	t.test_type == "pentest"
	dates.since(t.performed_on, _pentest_cutoff)
}

# _pentested is every target a pentest within pentest_days names.
_pentested := {x |
	some id in _pentests
	some x in _named_by(_runs[id])
}

# _tracked holds [source, identifier] of every finding.
_tracked := {[f.source, object.get(f, "identifier", "")] | some f in _findings}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	not ref in _pentested
	msg := sprintf("%s is internet facing and has no penetration test in the last %d days", [ref, input.params.pentest_days])
}

_r3_items_p contains result.fail("R3", msg, [records.at(t, sprintf("results.%d", [i]))]) if {
	some id in _pentests
	t := _runs[id]
	some i, r in object.get(t, "results", [])
	r.status == "fail"
	not [records.ref(t), r.check_id] in _tracked
	msg := sprintf(
		"%s reported %s on %s, but no Finding records it (source %s)",
		[records.ref(t), r.check_id, r.resource, records.ref(t)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("every internet-facing application was penetration tested within %d days", [input.params.pentest_days]),
		_r3_population, _r3_items,
	)
}

# --- R4: each fix confirmed by a later test run.

_r4_population := {concat("/", [f.kind, f.id]) |
	some f in _findings
	dates.since(f.resolved_on, _lookback_cutoff)
}

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some f in _findings
	dates.since(f.resolved_on, _lookback_cutoff)
	not _verified(f)
	ref := records.ref(f)
	msg := sprintf("%s was resolved on %s but no later test run verifies the fix (verified_by)", [ref, dates.day(f.resolved_on)])
}

_verified(f) if {
	t := records.get(f.verified_by)
	dates.visible(t.performed_on)
	dates.day(t.performed_on) >= dates.day(f.resolved_on)
}

findings contains f if {
	some f in result.check("R4", "every fixed finding was verified by a later test run", _r4_population, _r4_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
