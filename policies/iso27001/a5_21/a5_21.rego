# METADATA
# title: Managing information security in the information and communication technology (ICT) supply chain
# description: >-
#   The technology supply chain is watched beyond the first tier: critical ICT suppliers tell us
#   which subprocessors they use and we look at that list regularly, every production code
#   repository has its third-party dependencies scanned, vulnerable dependencies are fixed within
#   the deadlines the organisation set for vulnerabilities, and the certifications of our ICT
#   suppliers have not lapsed.
# scope: package
# custom:
#   control: iso27001:A.5.21
#   class: a
#   evidence: [Supplier, Asset, TestRun, Finding, Exception]
#   rules:
#     R1: >-
#       Every active ICT Supplier of criticality critical lists its subprocessors (an empty list
#       declares none), and each listed subprocessor has reviewed_on within
#       supplier_review_days.critical.
#     R2: >-
#       Every active production repository (Asset of asset_type repository, environment prod, not
#       retired) appears in a TestRun of test_type sca performed within sast_max_age_days.
#     R3: >-
#       Every Finding of finding_type dependency that is open at the as-of date, or was fixed inside
#       the lookback window, was fixed by its deadline (first_seen_on + vuln_sla_days for its
#       severity; the catalogue due date when known exploited and earlier), or is covered by an
#       approved, unexpired Exception approved by someone other than its requester. Findings due
#       within at_risk_days are flagged at risk. (The SLA logic of 8.8 R2.)
#     R4: >-
#       For every active ICT Supplier, the latest certification of each scheme that covers our
#       service is valid at the as-of date or ended at most supplier_cert_grace_days ago.
#   decisions:
#     - >-
#       ICT suppliers are those of supplier_type saas, iaas, paas, outsourced-development,
#       ai-model-provider or network-service, and any supplier marked is_cloud_service.
#     - R1 reads "critical" literally (criticality critical); high suppliers are reviewed under 5.22.
#     - >-
#       R1 tells an absent subprocessors list (not known: fails) from an empty one (the supplier
#       declared none: passes).
#     - >-
#       R2 matches a scan to a repository through an Asset reference in the run's scope or results,
#       or an external id (external_ids.repo and others) equal to a scope entry or result resource.
#     - >-
#       R3 copies the 8.8 R2 logic (not imported, so the controls stay independent); the SLA in
#       force is the current parameter value.
#     - >-
#       R4 judges only the latest certification per scheme, so a renewed certificate replaces the
#       lapsed one; a supplier without any covering certification is not in R4's population.
package annexa.iso27001.a5_21

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_active_ict_p contains s if {
	some s in records.of("Supplier")
	suppliers.active(s)
	suppliers.ict(s)
}

# --- R1: critical ICT suppliers list their subprocessors, each reviewed recently.

_r1_population_p contains records.ref(s) if {
	some s in _active_ict
	s.criticality == "critical"
}

_review_days := input.params.supplier_review_days.critical

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	s := records.get(ref)
	not _lists_subprocessors(s)
	msg := sprintf(
		"%s is a critical ICT supplier but lists no subprocessors: record them (or an empty list when it uses none)",
		[ref],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, sprintf("subprocessors.%d", [i]))]) if {
	some ref in _r1_population
	s := records.get(ref)
	some i, p in object.get(s, "subprocessors", [])
	not _reviewed(p)
	msg := sprintf(
		"%s: subprocessor %s was last reviewed on %s, not within supplier_review_days.critical (%d days): review it",
		[ref, object.get(p, "name", "?"), _last_review(p), _review_days],
	)
}

_lists_subprocessors(s) if is_array(s.subprocessors)

_reviewed(p) if dates.within(p.reviewed_on, _review_days)

_last_review(p) := p.reviewed_on

_last_review(p) := "never" if not p.reviewed_on

findings contains f if {
	some f in result.check(
		"R1", sprintf("every critical ICT supplier lists its subprocessors, each reviewed within %d days", [_review_days]),
		_r1_population, _r1_items,
	)
}

# --- R2: production repositories scanned for vulnerable dependencies.

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "repository"
	a.environment == "prod"
	ops.active_asset(a)
}

_named_by(t) := {x | some s in object.get(t, "scope", []); some x in ops.assets_named(s)} | {x |
	some r in object.get(t, "results", [])
	some x in ops.assets_named(object.get(r, "resource", ""))
}

_sca_scans := {k: vs |
	some k in {x[0] | some x in _sca_scans_rows}
	vs := {x[1] | some x in _sca_scans_rows; x[0] == k}
}

_sca_scans_rows := {[target, dates.day(t.performed_on)] |
	some t in records.of("TestRun")
	t.test_type == "sca"
	dates.visible(t.performed_on)
	some target in _named_by(t)
}

_scanned_recently(ref) if dates.within(dates.latest(_sca_scans[ref]), input.params.sast_max_age_days)

_last_scan(ref) := dates.latest(_sca_scans[ref])

_last_scan(ref) := "never" if not _sca_scans[ref]

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not _scanned_recently(ref)
	msg := sprintf(
		"%s has no dependency (sca) scan in the last %d days (sast_max_age_days; last: %s): scan it in the pipeline",
		[ref, input.params.sast_max_age_days, _last_scan(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every production repository had a dependency scan within %d days", [input.params.sast_max_age_days]),
		_r2_population, _r2_items,
	)
}

# --- R3: dependency findings fixed within the vulnerability SLA (8.8 R2 logic).

_r3_population_p contains records.ref(f) if {
	some f in records.of("Finding")
	f.finding_type == "dependency"
	_in_period(f)
}

_in_period(f) if {
	dates.visible(f.first_seen_on)
	not _fixed(f)
}

_in_period(f) if {
	dates.visible(f.first_seen_on)
	dates.within(f.resolved_on, input.params.lookback_days)
}

_fixed(f) if dates.visible(f.resolved_on)

_due(f) := min({_sla_due(f)} | _catalogue_due(f))

_sla_due(f) := dates.add_days(f.first_seen_on, input.params.vuln_sla_days[f.severity])

_catalogue_due(f) := {f.catalogue_due_on} if f.known_exploited == true

_catalogue_due(f) := set() if not f.known_exploited == true

_excepted(f) if {
	some e in _exceptions_for(f)
	dates.visible(e.approved_on)
	input.as_of <= e.expires_on
	e.approved_by != e.requested_by
}

_exceptions_for(f) := {e | e := records.get(f.exception)} | {records.get(x) |
	some x in object.get(_exceptions_naming, records.ref(f), set())
}

# _exceptions_naming maps each item an Exception names in applies_to to the Exception refs.
_exceptions_naming := {k: vs |
	some k in {x[0] | some x in _exceptions_naming_rows}
	vs := {x[1] | some x in _exceptions_naming_rows; x[0] == k}
}

_exceptions_naming_rows := {[x, records.ref(e)] |
	some e in records.of("Exception")
	some x in object.get(e, "applies_to", [])
}

_r3_items_p contains result.fail("R3", msg, [records.at(f, "resolved_on")]) if {
	some ref in _r3_population
	f := records.get(ref)
	_fixed(f)
	dates.day(f.resolved_on) > _due(f)
	msg := sprintf(
		"%s (%s dependency on %s) was fixed on %s, after its deadline %s",
		[ref, f.severity, f.asset, dates.day(f.resolved_on), _due(f)],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	f := records.get(ref)
	not _fixed(f)
	not _excepted(f)
	_due(f) < input.as_of
	msg := sprintf(
		"%s (%s dependency on %s) is open and overdue since %s: update the dependency or record an approved exception",
		[ref, f.severity, f.asset, _due(f)],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some ref in _r3_population
	f := records.get(ref)
	not _fixed(f)
	not _excepted(f)
	ops.due_soon(_due(f))
	msg := sprintf("%s (%s dependency on %s) is due on %s", [ref, f.severity, f.asset, _due(f)])
}

findings contains f if {
	some f in result.check(
		"R3", "every vulnerable dependency was fixed within its SLA or is covered by an approved exception",
		_r3_population, _r3_items,
	)
}

# --- R4: certifications of ICT suppliers valid or within the grace period.

_r4_population_p contains records.at(s, sprintf("certifications.%d", [i])) if {
	some s in _active_ict
	some _, i in suppliers.latest_certs(s)
}

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some s in _active_ict
	some scheme, i in suppliers.latest_certs(s)
	c := s.certifications[i]
	not suppliers.cert_current(c)
	ref := records.at(s, sprintf("certifications.%d", [i]))
	msg := sprintf(
		"%s's %s certification ended on %s and supplier_cert_grace_days (%d) ran out on %s: obtain the renewed certificate",
		[records.ref(s), scheme, c.valid_to, input.params.supplier_cert_grace_days, suppliers.cert_grace_end(c)],
	)
}

findings contains f if {
	some f in result.check(
		"R4", "every ICT supplier's covering certifications are valid or within the grace period",
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_active_ict := _active_ict_p

_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_r4_items := _r4_items_p
