# METADATA
# title: Monitoring, review and change management of supplier services
# description: >-
#   The suppliers we depend on most are reviewed on a schedule, and each review looks at service
#   levels, the supplier's incidents and its certificates; certificates we rely on have not
#   lapsed; and significant changes to services or systems a supplier provides get a security
#   review before they go live.
# scope: package
# custom:
#   control: iso27001:A.5.22
#   class: a
#   evidence: [Supplier, Site, Asset, ChangeRecord]
#   rules:
#     R1: >-
#       Every active Supplier of criticality high or critical has a review (Supplier.reviews) dated
#       within supplier_review_days for its criticality that records sla_met (true or false) and
#       has incidents_reviewed and certs_reviewed true. A supplier that started less than that many
#       days ago is not yet due (flagged at risk within at_risk_days of its first due date).
#     R2: >-
#       For every relied-upon supplier (active and of criticality high or critical, or the operator
#       of a Site), the latest certification of each scheme that covers our service is valid at the
#       as-of date or ended at most supplier_cert_grace_days ago.
#     R3: >-
#       Every ChangeRecord with significant true, deployed (deployed_on, else go_live_on) inside the
#       lookback window, that touches a supplier-provided Asset (Asset.supplier set) or names a
#       Supplier in its systems, has security_review.completed_on on or before the day it went live.
#   decisions:
#     - >-
#       sla_met is an outcome and may be false (the review found a breach); incidents_reviewed and
#       certs_reviewed say the review looked at those things, so they must be true.
#     - The first review of a new supplier is due supplier_review_days after relationship.start_on.
#     - >-
#       Relied-upon certifications are those of high and critical suppliers and of suppliers that
#       operate a Site (inherited physical controls); only the latest per scheme is judged, so a
#       renewed certificate replaces a lapsed one.
#     - >-
#       R3 asks for the review to be done by the go-live day, not merely by the as-of date: a review
#       after the change is live does not manage the change. Changes not yet live are not judged.
#     - The Activity kind listed by the model for this control is not needed by these rules.
package annexa.iso27001.a5_22

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

_active_p contains s if {
	some s in records.of("Supplier")
	suppliers.active(s)
}

# --- R1: scheduled reviews of high and critical suppliers.

_r1_population_p contains records.ref(s) if {
	some s in _active
	suppliers.at_least(s, "high")
}

_days(s) := input.params.supplier_review_days[s.criticality]

_complete(r) if {
	is_boolean(r.sla_met)
	r.incidents_reviewed == true
	r.certs_reviewed == true
}

_recent_reviews(s) := [[i, r] | some i, r in object.get(s, "reviews", []); dates.within(r.on, _days(s))]

_reviewed(s) if {
	some pair in _recent_reviews(s)
	_complete(pair[1])
}

_first_due(s) := dates.add_days(s.relationship.start_on, _days(s))

_not_yet_due(s) if _first_due(s) >= input.as_of

_latest_review(s) := dates.latest({r.on | some r in object.get(s, "reviews", [])})

_last_review(s) := _latest_review(s)

_last_review(s) := "never" if not _latest_review(s)

_r1_items_p contains result.fail("R1", msg, [records.at(s, "reviews")]) if {
	some ref in _r1_population
	s := records.get(ref)
	count(_recent_reviews(s)) == 0
	not _not_yet_due(s)
	msg := sprintf(
		"%s (criticality %s) has no review within %d days (supplier_review_days.%s; last: %s): review the supplier's service",
		[ref, s.criticality, _days(s), s.criticality, _last_review(s)],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, sprintf("reviews.%d", [i]))]) if {
	some ref in _r1_population
	s := records.get(ref)
	not _reviewed(s)
	some pair in _recent_reviews(s)
	i := pair[0]
	r := pair[1]
	msg := sprintf(
		"%s: the review of %s does not show %s: record sla_met and review the supplier's incidents and certificates",
		[ref, r.on, concat(", ", sort(_gaps(r)))],
	)
}

_gaps(r) := {g | some g in ["sla_met recorded", "incidents_reviewed true", "certs_reviewed true"]; not _shows(r, g)}

_shows(r, "sla_met recorded") if is_boolean(r.sla_met)

_shows(r, "incidents_reviewed true") if r.incidents_reviewed == true

_shows(r, "certs_reviewed true") if r.certs_reviewed == true

_r1_items_p contains result.at_risk("R1", msg, [records.at(s, "reviews")]) if {
	some ref in _r1_population
	s := records.get(ref)
	count(_recent_reviews(s)) == 0
	ops.due_soon(_first_due(s))
	msg := sprintf("%s needs its first supplier review by %s", [ref, _first_due(s)])
}

findings contains f if {
	some f in result.check(
		"R1", "every high and critical supplier had a complete review within supplier_review_days",
		_r1_population, _r1_items,
	)
}

# --- R2: relied-upon certifications valid or within the grace period.

_site_operators_p contains site.operated_by if {
	some site in records.of("Site")
	startswith(site.operated_by, "Supplier/")
}

_relied_on_p contains s if {
	some s in _active
	suppliers.at_least(s, "high")
}

_relied_on_p contains s if {
	some s in _active
	records.ref(s) in _site_operators
}

_r2_population_p contains records.at(s, sprintf("certifications.%d", [i])) if {
	some s in _relied_on
	some _, i in suppliers.latest_certs(s)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some s in _relied_on
	some scheme, i in suppliers.latest_certs(s)
	c := s.certifications[i]
	not suppliers.cert_current(c)
	ref := records.at(s, sprintf("certifications.%d", [i]))
	msg := sprintf(
		"%s's %s certification, relied on, ended on %s and supplier_cert_grace_days (%d) ran out on %s: %s",
		[
			records.ref(s), scheme, c.valid_to, input.params.supplier_cert_grace_days,
			suppliers.cert_grace_end(c), "obtain the renewal",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "no relied-upon supplier certification has lapsed beyond supplier_cert_grace_days",
		_r2_population, _r2_items,
	)
}

# --- R3: significant changes to supplier-provided services reviewed before going live.

_supplied_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.supplier
}

_touches_supplier(c) if {
	some x in c.systems
	x in _supplied
}

_touches_supplier(c) if {
	some x in c.systems
	startswith(x, "Supplier/")
}

_live_on(c) := dates.day(c.deployed_on)

_live_on(c) := dates.day(c.go_live_on) if not c.deployed_on

_r3_population_p contains records.ref(c) if {
	some c in records.of("ChangeRecord")
	c.significant == true
	dates.within(_live_on(c), input.params.lookback_days)
	_touches_supplier(c)
}

_reviewed_in_time(c) if dates.day(c.security_review.completed_on) <= _live_on(c)

_r3_items_p contains result.fail("R3", msg, [records.at(c, "security_review")]) if {
	some ref in _r3_population
	c := records.get(ref)
	not _reviewed_in_time(c)
	msg := sprintf(
		"%s, a significant change to supplier-provided %s, went live on %s without a security review done by then (%s): %s",
		[
			ref, concat(", ", sort(c.systems)), _live_on(c),
			sprintf("completed_on: %s", [object.get(c, ["security_review", "completed_on"], "none")]),
			"review supplier changes before they go live",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every significant change to a supplier-provided service had a security review before going live",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_active := _active_p

_r1_population := _r1_population_p

_r1_items := _r1_items_p

_site_operators := _site_operators_p

_relied_on := _relied_on_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_supplied := _supplied_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
