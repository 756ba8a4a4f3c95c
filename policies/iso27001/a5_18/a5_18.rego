# METADATA
# title: Access rights
# description: >-
#   Access rights are granted with an approval from someone other than the recipient, every system
#   that holds accounts has its access reviewed at a cadence that matches its risk, each review
#   covers the whole population of accounts it claims to cover, and access the reviewer decided to
#   remove or change is removed or changed promptly.
# scope: package
# custom:
#   control: iso27001:A.5.18
#   class: a
#   evidence: [AccessReview, Account, Asset, Site]
#   rules:
#     R1: >-
#       Every in-scope system (every Asset named as the system of an Account enabled at as-of) is
#       listed in an AccessReview completed within access_review_days.physical when it is the
#       entry_system of a Site, else access_review_days.privileged when it has an enabled privileged
#       account or criticality critical, else access_review_days.standard.
#     R2: >-
#       Every AccessReview completed within lookback_days has a population_snapshot whose count equals
#       its number of items, and lists every account of its systems that was enabled on started_on
#       (completed_on when no start is given) and falls in its review_type (privileged: privileged
#       accounts; service-accounts: service and break-glass accounts; other types: all accounts).
#     R3: >-
#       Every revoke or modify decision was carried out (remediated_on, or the account's disabled_on,
#       whichever is earlier) no later than decided_on + access_revoke_after_review_days; open
#       decisions past that date fail, open decisions due within at_risk_days are at risk. Decisions
#       still open, or carried out within lookback_days, are checked.
#     R4: >-
#       Every Account created within lookback_days has an approval_ref dated on or before as-of whose
#       approver (by) is not the account's holder.
#   decisions:
#     - In-scope systems for R1 are the assets that enabled accounts point at (Account.system); a
#       system with no enabled account has no access to review. Systems named by accounts but missing
#       from the inventory are still in scope here (A.5.9 R2 reports the missing Asset).
#     - R1 accepts a review of any review_type that lists the system; R2 then holds each review to the
#       population its type implies. A site entry system (badge system) uses the physical cadence.
#     - R2 fails a review without population_snapshot, since completeness cannot then be shown; extra
#       items beyond the expected accounts are allowed as long as the snapshot count matches.
#     - R3 accepts disabling the account as carrying out a modify decision as well as a revoke.
#     - R4 compares the approver with the holder only; a service account has no holder, so any
#       approver counts. An approval_ref dated after as-of is treated as missing.
package annexa.iso27001.a5_18

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_short(s) := concat(", ", sort(s)) if count(s) <= 5

_short(s) := sprintf("%s and %d more", [concat(", ", array.slice(sort(s), 0, 5)), count(s) - 5]) if count(s) > 5

_visible_reviews_p contains r if {
	some r in records.of("AccessReview")
	dates.visible(r.completed_on)
}

# --- R1: each system with enabled accounts reviewed at its cadence.

# _r1_population is the set of systems of access.active_by_system: those with an enabled account.
_r1_population := {acc.system | some acc in records.of("Account"); access.active(acc)}

_entry_systems := {s.entry_system | some s in records.of("Site")}

_cadence(sys) := "physical" if {
	sys in _entry_systems
} else := "privileged" if {
	sys in access.privileged_systems
} else := "privileged" if {
	records.get(sys).criticality == "critical"
} else := "standard"

_why(sys) := "is a site entry system" if {
	sys in _entry_systems
} else := "has enabled privileged accounts" if {
	sys in access.privileged_systems
} else := "is critical" if {
	records.get(sys).criticality == "critical"
} else := "has enabled accounts"

_reviewed_on := {sys: days |
	some sys in _r1_population
	days := {dates.day(r.completed_on) | some r in _visible_reviews; some s in r.systems; s == sys}
}

_last_review(sys) := dates.latest(_reviewed_on[sys])

_last_text(sys) := _last_review(sys)

_last_text(sys) := "never" if not _last_review(sys)

_reviewed_in_time(sys) if dates.within(_last_review(sys), input.params.access_review_days[_cadence(sys)])

_r1_items_p contains result.fail("R1", msg, [sys]) if {
	some sys in _r1_population
	not _reviewed_in_time(sys)
	cadence := _cadence(sys)
	msg := sprintf(
		"%s %s but no AccessReview of it was completed within access_review_days.%s %d of %s (last: %s): %s",
		[
			sys, _why(sys), cadence, input.params.access_review_days[cadence], input.as_of, _last_text(sys),
			"review its accounts",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every system with enabled accounts had an access review at its cadence",
		_r1_population, _r1_items,
	)
}

# --- R2: each review covers its population.

_r2_reviews_p contains r if {
	some r in _visible_reviews
	dates.within(r.completed_on, input.params.lookback_days)
}

_r2_population := {records.ref(r) | some r in _r2_reviews}

_start(r) := dates.day(object.get(r, "started_on", r.completed_on))

# _expected is the set of accounts of a review's systems that were enabled (access.active_on)
# on its start day and are of its type (_typed_accounts); a date or timestamp lies on or before the start
# day exactly when it sorts before the next day, and an account without disabled_on compares as
# never disabled.
_expected(r) := {x[0] |
	after := dates.add_days(_start(r), 1)
	some sys in r.systems
	some x in _typed_accounts(r.review_type, sys)
	acc := x[1]
	acc.created_on < after
	object.get(acc, "disabled_on", "9999") >= after
}

# _typed_accounts returns [ref, Account] of the accounts of a system that a review of a type
# covers: privileged accounts for privileged reviews, service and break-glass accounts for
# service-accounts reviews, every account otherwise.
_typed_accounts("privileged", sys) := object.get(_privileged_accounts_of, sys, [])

_typed_accounts("service-accounts", sys) := object.get(_service_accounts_of, sys, [])

_typed_accounts(t, sys) := object.get(_accounts_of, sys, []) if not t in {"privileged", "service-accounts"}

# _accounts_of maps a system to [ref, Account] of every account recorded in it.
_accounts_of := {sys: accs |
	some sys in access.systems
	accs := [[records.ref(acc), acc] | some acc in records.of("Account"); acc.system == sys]
}

_privileged_accounts_of := {sys: [x | some x in accs; x[1].privileged == true] | some sys, accs in _accounts_of}

_service_accounts_of := {sys: [x | some x in accs; x[1].account_type in {"service", "break-glass"}] |
	some sys, accs in _accounts_of
}

_listed(r) := {it.account | some it in r.items}

_r2_items_p contains result.fail("R2", msg, [records.ref(r)]) if {
	some r in _r2_reviews
	not r.population_snapshot
	msg := sprintf(
		"%s has no population_snapshot, so its completeness cannot be shown: record the exported account list and its count",
		[records.ref(r)],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(r, "population_snapshot.count")]) if {
	some r in _r2_reviews
	r.population_snapshot.count != count(r.items)
	msg := sprintf(
		"%s has %d items but its population_snapshot counts %d accounts: decide on every account of the snapshot",
		[records.ref(r), count(r.items), r.population_snapshot.count],
	)
}

_r2_items_p contains result.fail("R2", msg, {records.at(r, "items")} | missing) if {
	some r in _r2_reviews
	missing := _expected(r) - _listed(r)
	count(missing) > 0
	msg := sprintf(
		"%s (%s) leaves out %d account(s) of its systems enabled on %s: %s; add decisions for them",
		[records.ref(r), r.review_type, count(missing), _start(r), _short(missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every access review covers the whole population of its systems",
		_r2_population, _r2_items,
	)
}

# --- R3: removals and changes carried out within access_revoke_after_review_days.

_disabled_on(ref) := d if {
	d := records.get(ref).disabled_on
} else := ""

_done_dates(it) := {dates.day(d) |
	some d in [object.get(it, "remediated_on", ""), _disabled_on(it.account)]
	d != ""
	dates.visible(d)
}

_done(it) := min(_done_dates(it)) if count(_done_dates(it)) > 0

_due(it) := dates.add_days(it.decided_on, input.params.access_revoke_after_review_days)

_changes_p contains [records.ref(r), i] if {
	some r in _visible_reviews
	some i, it in r.items
	it.decision in {"revoke", "modify"}
	dates.visible(it.decided_on)
	_in_period(it)
}

_in_period(it) if not _done(it)

_in_period(it) if dates.within(_done(it), input.params.lookback_days)

_r3_population := {concat("#", [c[0], sprintf("items.%d", [c[1]])]) | some c in _changes}

_r3_items_p contains result.fail("R3", msg, [records.at(r, sprintf("items.%d.remediated_on", [i]))]) if {
	some c in _changes
	r := records.get(c[0])
	i := c[1]
	it := r.items[i]
	_done(it) > _due(it)
	msg := sprintf(
		"%s decided on %s to %s %s, which was done on %s, after the deadline %s (access_revoke_after_review_days %d)",
		[
			records.ref(r), it.decided_on, it.decision, it.account, _done(it), _due(it),
			input.params.access_revoke_after_review_days,
		],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(r, sprintf("items.%d.decision", [i]))]) if {
	some c in _changes
	r := records.get(c[0])
	i := c[1]
	it := r.items[i]
	not _done(it)
	_due(it) < input.as_of
	msg := sprintf(
		"%s decided on %s to %s %s, which is not done and overdue since %s: %s",
		[records.ref(r), it.decided_on, it.decision, it.account, _due(it), "carry it out and record remediated_on"],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.at(r, sprintf("items.%d.decision", [i]))]) if {
	some c in _changes
	r := records.get(c[0])
	i := c[1]
	it := r.items[i]
	not _done(it)
	ops.due_soon(_due(it))
	msg := sprintf("%s decided on %s to %s %s: carry it out by %s", [
		records.ref(r), it.decided_on, it.decision,
		it.account, _due(it),
	])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every revoke or modify decision was carried out within %d days",
			[input.params.access_revoke_after_review_days],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: new accounts approved by someone other than their holder.

# _lookback_from is the first day of the lookback: dates.within(d, lookback_days) holds when the
# day of d lies between it and the as-of date.
_lookback_from := dates.add_days(input.as_of, 0 - input.params.lookback_days)

_new_accounts_p contains acc if {
	some acc in records.of("Account")
	day := dates.day(acc.created_on)
	day >= _lookback_from
	day <= input.as_of
}

_r4_population := {records.ref(acc) | some acc in _new_accounts}

_approved(acc) if dates.visible(acc.approval_ref.on)

_r4_items_p contains result.fail("R4", msg, [records.ref(acc)]) if {
	some acc in _new_accounts
	not _approved(acc)
	msg := sprintf(
		"%s (%s) was created on %s without an approval_ref dated on or before %s: record who approved the access",
		[records.ref(acc), acc.system, acc.created_on, input.as_of],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.at(acc, "approval_ref.by")]) if {
	some acc in _new_accounts
	_approved(acc)
	acc.approval_ref.by == acc.holder
	msg := sprintf(
		"%s (%s) was approved by its own holder %s: have someone else approve the access",
		[records.ref(acc), acc.system, acc.holder],
	)
}

findings contains f if {
	some f in result.check(
		"R4", "every account created in the lookback was approved by someone other than its holder",
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_visible_reviews := _visible_reviews_p

_r1_items := _r1_items_p

_r2_reviews := _r2_reviews_p

_r2_items := _r2_items_p

_changes := _changes_p

_r3_items := _r3_items_p

_new_accounts := _new_accounts_p

_r4_items := _r4_items_p
