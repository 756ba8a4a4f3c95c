# METADATA
# title: Physical entry
# description: >-
#   Badges of people who left are switched off promptly, who may enter secure zones is reviewed
#   periodically, and the facilities or security role attests, for a limited time, that visitors
#   are logged and escorted at each site we must evidence ourselves.
# scope: package
# custom:
#   control: iso27001:A.7.2
#   class: b
#   evidence: [ManagementSystem, Site, Account, Person, AccessReview, Attestation, Supplier]
#   rules:
#     R1: >-
#       Every Account in the entry_system of an in-scope Site, held by a Person whose end_date lies
#       in the lookback window (lookback_days) and created on or before that date, was disabled no
#       later than end_date + offboard_disable_days; one still enabled is at risk while the limit
#       is at most at_risk_days ahead.
#     R2: >-
#       Every in-scope Site that is not inherited and has a zone of level secure names an
#       entry_system, and an AccessReview of review_type physical listing that system was completed
#       within access_review_days.physical.
#     R3: >-
#       Every in-scope Site is inherited from a certified operator or has a current Attestation of
#       iso27001:A.7.2 covering it by a holder of Role/facilities-lead or Role/isms-manager, stating
#       that visitor logging and escorting operate.
#   decisions:
#     - The badge systems are the entry_system Assets of the in-scope sites; an account counts as a
#       badge whatever its account_type.
#     - R2 has no way to review keys or locks without a system, so a local site with a secure zone
#       and no entry_system fails and is asked to declare one (a key register can be an Asset).
#     - The model names no role for R3; it accepts the physical attesters (Role/facilities-lead,
#       Role/isms-manager), like the other physical controls.
package annexa.iso27001.a7_2

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.2"

# _entry_systems maps an entry system (Asset ref) to the in-scope sites that use it.
_entry_systems := {k: vs |
	some k in {x[0] | some x in _entry_systems_rows}
	vs := {x[1] | some x in _entry_systems_rows; x[0] == k}
}

_entry_systems_rows := {[s.entry_system, ref] |
	some ref in physical.sites
	s := records.get(ref)
	s.entry_system
}

# --- R1: badges of leavers disabled in time.

_r1_population_p contains records.ref(acc) if {
	some acc in records.of("Account")
	_entry_systems[acc.system]
	p := records.get(acc.holder)
	dates.within(p.end_date, input.params.lookback_days)
	dates.day(acc.created_on) <= p.end_date
}

_limit(acc) := dates.add_days(records.get(acc.holder).end_date, input.params.offboard_disable_days)

_disabled(acc) := dates.day(acc.disabled_on) if dates.visible(acc.disabled_on)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	acc := records.get(ref)
	not _disabled(acc)
	_limit(acc) < input.as_of
	msg := sprintf(
		"%s (%s) of %s is still enabled on %s; they left on %s and the limit was %s (offboard_disable_days %d): disable it",
		[
			ref, acc.system, acc.holder, input.as_of, records.get(acc.holder).end_date, _limit(acc),
			input.params.offboard_disable_days,
		],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(acc, "disabled_on")]) if {
	some ref in _r1_population
	acc := records.get(ref)
	_disabled(acc) > _limit(acc)
	msg := sprintf(
		"%s (%s) of %s was disabled on %s, after the limit %s (left %s, offboard_disable_days %d)",
		[
			ref, acc.system, acc.holder, _disabled(acc), _limit(acc), records.get(acc.holder).end_date,
			input.params.offboard_disable_days,
		],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref in _r1_population
	acc := records.get(ref)
	not _disabled(acc)
	ops.due_soon(_limit(acc))
	msg := sprintf("%s (%s) of leaver %s must be disabled by %s", [ref, acc.system, acc.holder, _limit(acc)])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf("every badge of a leaver was disabled within %d days of leaving", [input.params.offboard_disable_days]),
		_r1_population, _r1_items,
	)
}

# --- R2: physical access to secure zones reviewed.

_r2_population := {ref | some ref, _ in physical.secure_zones}

# _reviewed maps a system (Asset ref) to the completion dates of the physical access reviews listing it.
_reviewed := {k: vs |
	some k in {x[0] | some x in _reviewed_rows}
	vs := {x[1] | some x in _reviewed_rows; x[0] == k}
}

_reviewed_rows := {[system, r.completed_on] |
	some r in records.of("AccessReview")
	r.review_type == "physical"
	dates.visible(r.completed_on)
	some system in r.systems
}

_last_review(system) := dates.latest(_reviewed[system])

_review_text(system) := _last_review(system)

_review_text(system) := "never" if not _last_review(system)

_reviewed_recently(system) if dates.within(_last_review(system), input.params.access_review_days.physical)

_r2_items_p contains result.fail("R2", msg, [records.at(s, "entry_system")]) if {
	some ref in _r2_population
	s := records.get(ref)
	not s.entry_system
	msg := sprintf(
		"%s has a secure zone but names no entry_system whose access could be reviewed: declare the badge or key system",
		[ref],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(s, "entry_system")]) if {
	some ref in _r2_population
	s := records.get(ref)
	system := s.entry_system
	not _reviewed_recently(system)
	msg := sprintf(
		"%s: access to %s was last reviewed on %s, more than %d days (access_review_days.physical) ago: %s",
		[
			ref, system, _review_text(system), input.params.access_review_days.physical,
			"review who may enter the secure zones",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"physical access to every secure zone was reviewed within %d days",
			[input.params.access_review_days.physical],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: visitor logging and escorting attested.

_r3_population := physical.sites

_r3_items_p contains result.fail("R3", physical.gap(_control, ref), [ref]) if {
	some ref in _r3_population
	not physical.covered(_control, ref)
}

findings contains f if {
	some f in result.check(
		"R3", "visitor logging and escorting are attested at every site or inherited from a certified operator",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
