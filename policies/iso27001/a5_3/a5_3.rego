# METADATA
# title: Segregation of duties
# description: >-
#   Duties that must not sit with one person are kept apart: nobody holds two roles the
#   organisation has declared to conflict, every production change was approved by someone
#   other than its author, access reviewers never decide on their own accounts, and nobody
#   approved the creation of their own account.
# scope: package
# custom:
#   control: iso27001:A.5.3
#   class: a
#   evidence: [Role, Person, Account, ChangeRecord, AccessReview, Asset]
#   rules:
#     R1: >-
#       No active Person holds, at the as-of date, two Roles of which one lists the other in
#       conflicts_with.
#     R2: >-
#       Every production ChangeRecord deployed within lookback_days has at least one visible
#       approving decision (approvals, or retro_approval for emergency changes) by a person other
#       than its author.
#     R3: >-
#       No item of an AccessReview completed within lookback_days was decided by the holder (or,
#       for a non-human account, the service_owner) of the account it decides on.
#     R4: >-
#       No Account that is enabled at the as-of date, or was created within lookback_days, has an
#       approval_ref.by that is its own holder or service_owner.
#   decisions:
#     - R1 treats a conflict declared on either role as a conflict (the model says the roles list
#       each other; one side is enough to know the organisation does not want them combined).
#     - R1 examines active people who hold at least one role at the as-of date, using the role
#       assignment dates of Person.roles.
#     - R2 counts a change as production when its environment is prod, or when it states no
#       environment and one of its systems is an Asset in prod. Changes not yet deployed are left
#       to 8.32 (approval before deployment); 5.3 only asks that someone else approved.
#     - R2 accepts the retro_approval of an emergency change as an approval when it is visible at
#       as-of and given by someone other than the author.
#     - R3 and R4 treat the service_owner of a service, shared or break-glass account like the holder
#       of a human account. Items naming an account that does not exist cannot be judged here; 5.18
#       checks that reviews cover the real population.
#     - R4 does not require approval_ref; accounts without one are 5.18 R4's concern.
package annexa.iso27001.a5_3

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: no active person holds two conflicting roles.

# _pairs holds [role, other] for every conflict a Role declares.
_pairs_p contains [records.ref(r), other] if {
	some r in records.of("Role")
	some other in object.get(r, "conflicts_with", [])
}

# _conflict holds when either role declares the other in conflicts_with.
_conflict(a, b) if [a, b] in _pairs

_conflict(a, b) if [b, a] in _pairs

_role_at(p, i) := records.at(p, sprintf("roles.%d", [i]))

_holds_now(p, assignment) if people.holds_on(p, assignment.role, input.as_of)

_r1_population_p contains records.ref(p) if {
	some p in records.of("Person")
	people.active(p)
	some x in object.get(p, "roles", [])
	_holds_now(p, x)
}

_r1_items_p contains result.fail("R1", msg, [_role_at(p, i), _role_at(p, j)]) if {
	some p in records.of("Person")
	people.active(p)
	some i, x in object.get(p, "roles", [])
	_holds_now(p, x)
	some j, y in p.roles
	x.role < y.role
	_conflict(x.role, y.role)
	_holds_now(p, y)
	msg := sprintf(
		"%s holds %s and %s on %s, which are declared to conflict (conflicts_with): end one of the two assignments",
		[records.ref(p), x.role, y.role, input.as_of],
	)
}

findings contains f if {
	some f in result.check("R1", "no active person holds two roles declared to conflict", _r1_population, _r1_items)
}

# --- R2: production changes approved by someone other than the author.

_prod(c) if object.get(c, "environment", "") == "prod"

_prod(c) if {
	not c.environment
	some s in c.systems
	records.get(s).environment == "prod"
}

_r2_population_p contains records.ref(c) if {
	some c in records.of("ChangeRecord")
	_prod(c)
	_within(c.deployed_on, input.params.lookback_days)
}

_independent(c) if {
	some a in records.approvals(c)
	a.by != c.author
}

_independent(c) if {
	dates.visible(c.retro_approval.on)
	c.retro_approval.by != c.author
}

_r2_items_p contains result.fail("R2", msg, [records.at(c, "approvals")]) if {
	some ref in _r2_population
	c := records.get(ref)
	not _independent(c)
	approvers := {a.by | some a in records.approvals(c)}
	msg := sprintf(
		"%s (deployed %s) by %s has no approval by anyone other than its author (approved by: %s): %s",
		[ref, dates.day(c.deployed_on), c.author, org.listing(approvers), "have another person approve the change"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every production change deployed within %d days was approved by someone other than its author",
			[input.params.lookback_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: access reviewers do not decide on their own accounts.

_r3_reviews_p contains ar if {
	some ar in records.of("AccessReview")
	_within(ar.completed_on, input.params.lookback_days)
}

_r3_population_p contains sprintf("%s#items.%d", [ref, i]) if {
	some ar in _r3_reviews
	ref := records.ref(ar)
	some i, _ in ar.items
}

# _owned is the set of [account ref, person] for each account and the people it belongs to: its
# holder and its service owner.
_owned := {[records.ref(acc), p] |
	some acc in records.of("Account")
	some field in ["holder", "service_owner"]
	p := acc[field]
}

_r3_items_p contains result.fail("R3", msg, [records.at(ar, sprintf("items.%d.decided_by", [i]))]) if {
	some ar in _r3_reviews
	some i, item in ar.items
	[item.account, item.decided_by] in _owned
	msg := sprintf(
		"%s: the decision on %s (%s, %s) was taken by %s, to whom the account belongs: have someone else decide it",
		[records.ref(ar), item.account, item.decision, item.decided_on, item.decided_by],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "no access review item was decided by the account's own holder",
		_r3_population, _r3_items,
	)
}

# --- R4: nobody approved their own account.

_r4_in_scope(acc) if access.active(acc)

_r4_in_scope(acc) if _within(acc.created_on, input.params.lookback_days)

_r4_population_p contains records.ref(acc) if {
	some acc in records.of("Account")
	acc.approval_ref
	_r4_in_scope(acc)
}

_r4_items_p contains result.fail("R4", msg, [records.at(acc, "approval_ref.by")]) if {
	some ref in _r4_population
	acc := records.get(ref)
	[ref, acc.approval_ref.by] in _owned
	msg := sprintf(
		"%s in %s was approved on %s (ticket %s) by %s, to whom the account belongs: %s",
		[
			ref, acc.system, acc.approval_ref.on, object.get(acc.approval_ref, "ticket", "none"), acc.approval_ref.by,
			"have someone else approve the access and record it in approval_ref",
		],
	)
}

findings contains f if {
	some f in result.check("R4", "no account was approved by its own holder", _r4_population, _r4_items)
}

# _cutoffs maps every whole number of days among the parameters to the first day within that
# many days of the as-of date, so that _within(d, n) compares strings instead of parsing dates.
_cutoffs := {n: dates.add_days(input.as_of, 0 - n) | some _, n in input.params; is_number(n); n == floor(n)}

# _within is dates.within(d, n): d (a date or timestamp) lies in [as_of - n days, as_of].
_within(d, n) if {
	day := dates.day(d)
	day <= input.as_of
	day >= _cutoffs[n]
} else if {
	not _cutoffs[n]
	dates.within(d, n)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_pairs := _pairs_p

_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_reviews := _r3_reviews_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_r4_items := _r4_items_p
