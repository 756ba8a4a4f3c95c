# METADATA
# title: Screening
# description: >-
#   People are background-checked before they start, to the depth their roles call for;
#   anyone moved into a role that calls for a deeper check is checked again before taking it
#   up, and holders of roles that call for the deepest check are re-checked periodically.
# scope: package
# custom:
#   control: iso27001:A.6.1
#   class: a
#   evidence: [Person, Role]
#   rules:
#     R1: >-
#       Every Person whose start_date lies in the lookback window (lookback_days) has a screening
#       completed_on no later than start_date + screening_grace_days, with outcome_ok not false,
#       at a level at least as deep as the deepest of the person's screening.required_level and
#       the required_screening_level of every Role they held on their start date.
#     R2: >-
#       Every role assignment that begins in the lookback window after the person's start date,
#       for a Role whose required_screening_level is deeper than that of every role the person held
#       the day before, is covered by a screening at that level completed no later than the
#       assignment's from date + screening_grace_days.
#     R3: >-
#       Every active holder of a Role whose required_screening_level is enhanced has a screening at
#       level enhanced completed within rescreen_days; holders due within at_risk_days are at risk.
#   decisions:
#     - Levels are ordered basic < standard < enhanced; a missing level counts as below basic.
#     - R1 also requires the person's own screening.required_level, which the HR system sets from
#       the roles; the stricter of the two decides. An explicit outcome_ok false fails R1.
#     - Person.screening holds only the latest check, so a later periodic re-screening hides the
#       one that preceded a role change; R2 then fails and names the dates, for HR to explain.
#     - Roles held on a date follow lib people.holds_on (from inclusive, to exclusive).
#     - The schema has no per-role re-screening flag; R3 treats roles that require the enhanced
#       level as the roles that require periodic re-screening.
package annexa.iso27001.a6_1

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_rank := {"basic": 1, "standard": 2, "enhanced": 3}

_name := {0: "none", 1: "basic", 2: "standard", 3: "enhanced"}

_rank_of(level) := object.get(_rank, level, 0)

_screening(p) := object.get(p, "screening", {})

# _role_rank is the rank of a role's required screening level (0 when it sets none).
_role_rank := {records.ref(r): _rank_of(object.get(r, "required_screening_level", "")) |
	some r in records.of("Role")
}

_rank_of_role(role) := object.get(_role_rank, role, 0)

# _held_rank is the deepest level required by the roles a person holds on date d.
_held_rank(p, d) := max({0} | {_rank_of_role(a.role) |
	some a in object.get(p, "roles", [])
	people.holds_on(p, a.role, d)
})

# _completed is the completion date of a person's screening when it is visible at as-of.
_completed(p) := _screening(p).completed_on if dates.visible(_screening(p).completed_on)

_level(p) := _rank_of(object.get(_screening(p), "level", ""))

# --- R1: screening before start at the required level.

_r1_population_p contains records.ref(p) if {
	some p in records.of("Person")
	dates.within(p.start_date, input.params.lookback_days)
}

_required_at_start(p) := max({
	_rank_of(object.get(_screening(p), "required_level", "")),
	_held_rank(p, p.start_date),
})

_deadline(p) := dates.add_days(p.start_date, input.params.screening_grace_days)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	p := records.get(ref)
	not _completed(p)
	msg := sprintf(
		concat("", [
			"%s started on %s and has no completed screening (required level %s): ",
			"complete it (deadline %s, screening_grace_days %d)",
		]),
		[ref, p.start_date, _name[_required_at_start(p)], _deadline(p), input.params.screening_grace_days],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(p, "screening.completed_on")]) if {
	some ref in _r1_population
	p := records.get(ref)
	_completed(p) > _deadline(p)
	msg := sprintf(
		"%s started on %s but the screening was completed on %s, after %s (screening_grace_days %d): %s",
		[
			ref, p.start_date, _completed(p), _deadline(p), input.params.screening_grace_days,
			"screen people before they start",
		],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(p, "screening.level")]) if {
	some ref in _r1_population
	p := records.get(ref)
	_completed(p)
	_level(p) < _required_at_start(p)
	msg := sprintf(
		"%s was screened at level %s, but the roles held on the start date %s require %s: screen at the required level",
		[ref, _name[_level(p)], p.start_date, _name[_required_at_start(p)]],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(p, "screening.outcome_ok")]) if {
	some ref in _r1_population
	p := records.get(ref)
	_screening(p).outcome_ok == false
	msg := sprintf(
		"%s has a screening whose outcome is not acceptable (outcome_ok false): record the decision that resolves it",
		[ref],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"everyone who started in the last %d days was screened at the required level by their start date",
			[input.params.lookback_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: rescreening before a move into a role that needs a deeper check.

# _moves maps "Person/id#roles.i" to the assignment's person, from date and required rank.
_moves := {records.at(p, sprintf("roles.%d", [i])): {"person": p, "from": a.from, "rank": rank} |
	some p in records.of("Person")
	some i, a in object.get(p, "roles", [])
	dates.within(a.from, input.params.lookback_days)
	a.from > p.start_date
	rank := _rank_of_role(a.role)
	rank > _held_rank(p, dates.add_days(a.from, -1))
}

_r2_population := {ref | some ref, _ in _moves}

_covered(m) if {
	_level(m.person) >= m.rank
	_completed(m.person) <= dates.add_days(m.from, input.params.screening_grace_days)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref, m in _moves
	not _covered(m)
	msg := sprintf(
		"%s takes up a role requiring %s screening on %s, but the latest screening is %s (completed %s): %s",
		[
			ref, _name[m.rank], m.from, _name[_level(m.person)], object.get(_screening(m.person), "completed_on", "never"),
			"rescreen before the move",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every move into a role that needs a deeper screening was preceded by that screening",
		_r2_population, _r2_items,
	)
}

# --- R3: periodic rescreening of holders of roles that require enhanced screening.

_enhanced_roles := {ref | some ref, rank in _role_rank; rank == 3}

_r3_population := {p | some role in _enhanced_roles; some p in object.get(people.holders, role, set())}

_rescreen_due(p) := dates.add_days(_completed(p), input.params.rescreen_days)

_rescreened(p) if {
	_level(p) == 3
	dates.within(_completed(p), input.params.rescreen_days)
}

_r3_items_p contains result.fail("R3", msg, [records.at(p, "screening")]) if {
	some ref in _r3_population
	p := records.get(ref)
	not _rescreened(p)
	msg := sprintf(
		"%s holds a role requiring enhanced screening, but the latest screening is %s, completed %s: %s (rescreen_days %d)",
		[
			ref, _name[_level(p)], object.get(_screening(p), "completed_on", "never"),
			"rescreen at level enhanced", input.params.rescreen_days,
		],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.at(p, "screening.completed_on")]) if {
	some ref in _r3_population
	p := records.get(ref)
	_rescreened(p)
	ops.due_soon(_rescreen_due(p))
	msg := sprintf("%s is due for enhanced rescreening on %s", [ref, _rescreen_due(p)])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every holder of a role requiring enhanced screening was rescreened within %d days",
			[input.params.rescreen_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
