# METADATA
# title: Configuration management
# description: >-
#   Every class of system the organisation runs has an approved secure baseline, cloud accounts
#   and servers are scanned against their configuration often, serious deviations from the
#   baseline are tracked and fixed within the vulnerability deadlines or approved as exceptions,
#   and detected drift from the approved configuration is tracked.
# scope: package
# custom:
#   control: iso27001:A.8.9
#   class: a
#   evidence: [Document, Asset, TestRun, Finding, Exception, Person]
#   rules:
#     R1: >-
#       For every class in baseline_classes there is a current Document of doc_type standard whose
#       topic is baseline-<class> (for example baseline-endpoint).
#     R2: >-
#       Every active Asset of type cloud-account or server is named by a cspm or config-benchmark
#       TestRun performed within config_scan_days, and the latest such run does not list it under
#       coverage.missing nor cover fewer items than it had in scope.
#     R3: >-
#       Every failing result (fail or error) of severity high or critical in the latest cspm or
#       config-benchmark run about an asset is tracked by a Finding (same asset and identifier equal
#       to the check_id) or listed by a valid Exception; and every misconfiguration Finding of
#       severity high or critical that is open at as-of or was resolved within lookback_days meets the
#       A.8.8 deadline (first_seen_on + vuln_sla_days) or is covered by a valid Exception, at risk when
#       due within at_risk_days.
#     R4: >-
#       Every failing drift result (check_id containing drift) in the latest cspm or config-benchmark
#       run about an asset is tracked by a Finding of the same asset and identifier, or listed by a
#       valid Exception.
#   decisions:
#     - Baselines are recognised by doc_type standard and topic baseline-<class>, as in the example
#       bundle; the schema has no baseline class field.
#     - Hosts in R2 are servers; endpoints are covered by device posture (A.8.1) and managed compute by
#       the cloud posture scan of their cloud account.
#     - R3 judges serious deviations two ways - an untracked failing check cannot have its deadline
#       checked, so it fails at once; a tracked one follows the A.8.8 deadline logic (lib/tech,
#       the same computation as a8_8 R2).
#     - R4 has no record of changes made outside change management except drift detection; with no
#       drift check in the latest scans the rule is not exercised (the scanner cannot see it).
#     - A valid Exception (lib/tech) lists the asset, the result's resource or the Finding in
#       applies_to.
package annexa.iso27001.a8_9

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_scan_types := {"cspm", "config-benchmark"}

_days := input.params.config_scan_days

# --- R1: a current baseline per class.

_r1_population := {ref |
	some class in input.params.baseline_classes
	some ref in docs.current_of("standard", concat("-", ["baseline", class]))
}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	some class in input.params.baseline_classes
	count(docs.current_of("standard", concat("-", ["baseline", class]))) == 0
	msg := sprintf(
		concat("", [
			"no current baseline for %s (a Document of doc_type standard, topic baseline-%s, published and approved): ",
			"write and approve it",
		]),
		[class, class],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every class in baseline_classes (%s) has a current baseline",
			[concat(", ", input.params.baseline_classes)],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: cloud accounts and servers scanned.

_r2_population := {concat("/", [a.kind, a.id]) |
	some a in records.of("Asset")
	a.asset_type in {"cloud-account", "server"}
	ops.active_asset(a)
}

# _idx indexes the results of the configuration scans, as tech.index(_scan_types) does, with
# arrays of rows grouped by comprehension indexes (cheaper per result than object.union_n).
_idx := {"types": _scan_types, "results": _scan_results, "scope": _scan_scope}

# _scans maps the id of each visible configuration scan to [ns, day, type].
_scans := {id: [dates.ns(t.performed_on), day, t.test_type] |
	some id, t in records.of("TestRun")
	t.test_type in _scan_types
	day := substring(t.performed_on, 0, 10)
	day <= input.as_of
}

_scan_results := {res: rows |
	some res in {object.get(r, "resource", "") | some id, _ in _scans; some r in object.get(input.records.TestRun[id], "results", [])}
	rows := [[v[0], r.check_id, r.status, v[2], v[1], id, i, object.get(r, "severity", "unrated")] |
		some id, v in _scans
		some i, r in object.get(input.records.TestRun[id], "results", [])
		object.get(r, "resource", "") == res
	]
}

_scan_scope := {x: ids |
	some x in {x | some id, _ in _scans; some x in object.get(input.records.TestRun[id], "scope", []); startswith(x, "Asset/")}
	ids := {id: true |
		some id, _ in _scans
		some y in object.get(input.records.TestRun[id], "scope", [])
		y == x
	}
}

_cutoff := dates.cutoff(_days)

# _rows maps the assets that results of the scans are about, and the cloud accounts and
# servers, to the rows about them (read once for R2 and for R3/R4).
_rows := {asset: tech.rows_in(_idx, asset) | some asset in (_named | _r2_population)}

_named := tech.assets_in(_idx)

# _last maps a cloud account or server to its latest configuration scan.
_last := {ref: run | some ref in _r2_population; run := tech.last_run_of(_idx, ref, _rows[ref])}

_scanned := {ref | some ref, run in _last; dates.since(run.on, _cutoff)}

_last_text(ref) := _last[ref].on

_last_text(ref) := "never" if not _last[ref]

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not ref in _scanned
	msg := sprintf(
		"%s has no configuration scan in the last %d days (config_scan_days; last: %s): scan it",
		[ref, _days, _last_text(ref)],
	)
}

# _missing maps the ref of a latest scan to the assets its coverage.missing names.
_missing := {run: {a | some m in t.coverage.missing; some a in ops.assets_named(m)} |
	some run in {x.ref | some x in _last}
	t := records.get(run)
}

_r2_items_p contains result.fail("R2", msg, [records.at(t, "coverage")]) if {
	some ref in _scanned
	t := records.get(_last[ref].ref)
	_incomplete(t, ref)
	msg := sprintf("%s did not cover everything in scope for %s (covered %d of %d): fix the scan's access", [
		records.ref(t), ref, t.coverage.covered, t.coverage.in_scope,
	])
}

_incomplete(t, ref) if ref in _missing[records.ref(t)]

_incomplete(t, _) if t.coverage.covered < t.coverage.in_scope

findings contains f if {
	some f in result.check(
		"R2", sprintf("every cloud account and server was fully scanned within %d days", [_days]),
		_r2_population, _r2_items,
	)
}

# --- shared: latest failing results per asset.

# _latest are [asset, row] of the serious results and the drift checks of the latest scan of each
# asset: R3 and R4 read no others. Only the failed ones are turned into result objects
# (_failed_results, as {asset, o}); the others are only counted in the populations.
_latest := [[asset, x] |
	some asset, rows in _rows
	asset in _named
	top := max([x[0] | some x in rows; x[1] in _check_ids])
	some x in rows
	x[0] == top
	x[1] in _check_ids
	_read(x)
]

# _check_ids are the check ids of the rows that tech.latest_rows_in(_idx, asset, `.`) would
# read: each distinct check id is matched once.
_check_ids := {cid | some cid in {x[1] | some _, m in _idx.results; some x in m}; regex.match(`.`, cid)}

_read(x) if x[7] in _serious

_read(x) if _drifted(x[1])

_drifted(check_id) if contains(lower(check_id), "drift")

_failed_results := {{"asset": p[0], "o": o} |
	some p in _latest
	p[1][2] in tech.failed
	some o in tech.checks([p[1]])
}

_tracked(x) if tech.findings_tracking[[x.asset, x.o.check_id]]

_excepted(x) if tech.excepted(x.asset)

_excepted(x) if {
	some f in tech.findings_tracking[[x.asset, x.o.check_id]]
	tech.excepted(f)
}

# --- R3: serious deviations tracked and fixed within the deadlines.

_serious := {"high", "critical"}

_untracked_p contains x if {
	some x in _failed_results
	x.o.severity in _serious
	not _tracked(x)
	not _excepted(x)
}

_r3_findings_p contains f if {
	some f in records.of("Finding")
	f.finding_type == "misconfiguration"
	f.severity in _serious
	tech.in_sla_period(f)
}

_r3_population := {records.ref(f) | some f in _r3_findings} | {tech.at(p[1]) |
	some p in _latest
	p[1][7] in _serious
}

_r3_items_p contains result.fail("R3", msg, [x.o.at]) if {
	some x in _untracked
	msg := sprintf(
		concat("", [
			"%s failed %s (%s) on %s and no Finding tracks it: ",
			"open a Finding so its deadline runs, or record an approved Exception",
		]),
		[x.asset, x.o.check_id, x.o.severity, x.o.on],
	)
}

_r3_items_p contains item if {
	some f in _r3_findings
	item := tech.sla_item("R3", f)
}

findings contains f if {
	some f in result.check(
		"R3", "every serious configuration deviation is tracked and fixed within its deadline, or excepted",
		_r3_population, _r3_items,
	)
}

# --- R4: drift tracked.

_r4_population := {tech.at(p[1]) | some p in _latest; _drifted(p[1][1])}

_r4_items_p contains result.fail("R4", msg, [x.o.at]) if {
	some x in _failed_results
	_drifted(x.o.check_id)
	not _tracked(x)
	not _excepted(x)
	msg := sprintf(
		"%s drifted from its approved configuration (%s %s on %s) and no Finding tracks it: ticket the drift",
		[x.asset, x.o.check_id, x.o.status, x.o.on],
	)
}

findings contains f if {
	some f in result.check(
		"R4", "every configuration drift found by the latest scans is tracked",
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_untracked := _untracked_p

_r3_findings := _r3_findings_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
