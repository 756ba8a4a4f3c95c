# METADATA
# title: Responsibilities after termination or change of employment
# description: >-
#   Leavers confirm in writing, around their last day, the security duties that outlast their
#   employment; and whenever someone's roles change, their accounts are reviewed soon after, so
#   access follows the new role.
# scope: package
# custom:
#   control: iso27001:A.6.5
#   class: a
#   evidence: [Person, Acknowledgement, AccessReview, Account]
#   rules:
#     R1: >-
#       Every Person whose end_date lies in the lookback window (lookback_days) signed an
#       Acknowledgement of ack_type exit-obligations dated within exit_ack_days before or after
#       the end_date. A leaver without one whose window has not closed yet is at risk when it
#       closes within at_risk_days.
#     R2: >-
#       Every role change in the lookback window (a role assignment that begins after the person's
#       start_date, or ends before their end_date) is followed, within role_change_review_days
#       of the change, by an AccessReview item deciding on an Account the person holds. A change
#       whose deadline has not passed is at risk when it falls within at_risk_days.
#   decisions:
#     - Assignments that begin on the start date (joining) or end on the end date (leaving) are not
#       role changes; joiners and leavers are covered by A.5.16 and A.5.18.
#     - A review counts by the decided_on date of an item whose Account's holder is the person, on
#       or after the change date; the access review's own completion date is not used.
#     - A person who holds no Account in the bundle has no accounts to review; their role changes
#       are in the population and pass.
#     - The end of a role is dated by its to field, as written on Person.roles.
package annexa.iso27001.a6_5

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: exit obligations acknowledged around the last day.

_r1_population_p contains records.ref(p) if {
	some p in records.of("Person")
	dates.within(p.end_date, input.params.lookback_days)
}

# _exit_acks maps a Person ref to the visible exit-obligations acknowledgements they signed.
_exit_acks := {k: vs |
	some k in {x[0] | some x in _exit_acks_rows}
	vs := {x[1] | some x in _exit_acks_rows; x[0] == k}
}

_exit_acks_rows := {[a.person, a] |
	some a in records.of("Acknowledgement")
	a.ack_type == "exit-obligations"
	dates.visible(a.signed_on)
}

_in_window(a, p) if abs(dates.days_between(p.end_date, a.signed_on)) <= input.params.exit_ack_days

_acknowledged(p) if {
	some a in object.get(_exit_acks, records.ref(p), set())
	_in_window(a, p)
}

_r1_due(p) := dates.add_days(p.end_date, input.params.exit_ack_days)

_signed_text(ref) := concat(", ", sort({sprintf("%s on %s", [records.ref(a), a.signed_on]) | some a in acks})) if {
	acks := _exit_acks[ref]
} else := "none"

_r1_items_p contains result.fail("R1", msg, [records.at(p, "end_date")]) if {
	some ref in _r1_population
	p := records.get(ref)
	not _acknowledged(p)
	_r1_due(p) < input.as_of
	msg := sprintf(
		"%s left on %s without an exit-obligations acknowledgement within %d days of that date (signed: %s): %s",
		[ref, p.end_date, input.params.exit_ack_days, _signed_text(ref), "obtain and record the leaver's signature"],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [records.at(p, "end_date")]) if {
	some ref in _r1_population
	p := records.get(ref)
	not _acknowledged(p)
	ops.due_soon(_r1_due(p))
	msg := sprintf("%s left on %s; the exit-obligations acknowledgement is due by %s", [ref, p.end_date, _r1_due(p)])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every leaver of the last %d days acknowledged their exit obligations within %d days of leaving",
			[input.params.lookback_days, input.params.exit_ack_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: accounts reviewed after a role change.

# _changes maps the field of a role change (Person/id#roles.i.from or .to) to its person and date.
_changes := {x[0]: x[1] | some x in _changes_rows}

_changes_rows := {[records.at(p, sprintf("roles.%d.from", [i])), {"person": records.ref(p), "on": a.from}] |
	some p in records.of("Person")
	some i, a in object.get(p, "roles", [])
	a.from > p.start_date
	dates.within(a.from, input.params.lookback_days)
} | {[records.at(p, sprintf("roles.%d.to", [i])), {"person": records.ref(p), "on": a.to}] |
	some p in records.of("Person")
	some i, a in object.get(p, "roles", [])
	dates.within(a.to, input.params.lookback_days)
	not _leaving(p, a.to)
}

_leaving(p, d) if d >= p.end_date

_r2_population := {ref | some ref, _ in _changes}

# _holders is the set of people who hold at least one Account.
_holders_p contains acc.holder if {
	some acc in records.of("Account")
	acc.holder
}

# _reviewed maps a Person ref to the dates on which an access review decided on one of their accounts.
_reviewed := {holder: days |
	some holder in {x[0] | some x in _decisions}
	days := {x[1] | some x in _decisions; x[0] == holder}
}

_decisions := {[holder, d] |
	some r in records.of("AccessReview")
	some item in r.items
	d := item.decided_on
	d < _after_as_of
	holder := _holder_of[item.account]
}

# _holder_of maps an Account ref to its holder.
_holder_of := {records.ref(acc): acc.holder | some acc in records.of("Account"); acc.holder}

# _after_as_of is the day after the as-of date: a date or timestamp is visible (its day is on or
# before as-of) exactly when it sorts before it.
_after_as_of := dates.add_days(input.as_of, 1)

_r2_due(c) := dates.add_days(c.on, input.params.role_change_review_days)

_followed(c) if {
	some d in object.get(_reviewed, c.person, set())
	d >= c.on
	d <= _r2_due(c)
}

_followed(c) if not c.person in _holders

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref, c in _changes
	not _followed(c)
	_r2_due(c) < input.as_of
	msg := sprintf(
		"%s: the role changed on %s, but no access review decided on %s's accounts by %s (role_change_review_days %d): %s",
		[ref, c.on, c.person, _r2_due(c), input.params.role_change_review_days, "review their accounts"],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some ref, c in _changes
	not _followed(c)
	ops.due_soon(_r2_due(c))
	msg := sprintf("%s: the role changed on %s; %s's accounts are due for review by %s", [ref, c.on, c.person, _r2_due(c)])
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every role change was followed by a review of the person's accounts within %d days",
			[input.params.role_change_review_days],
		),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_holders := _holders_p

_r2_items := _r2_items_p
