# METADATA
# title: Identity management
# description: >-
#   Every identity in the organisation's systems belongs to someone known and lives only as long as
#   it should: each person account is tied to one person with one account per system, accounts are
#   not created long before the person starts, leavers' accounts are switched off within the set
#   number of days, non-human accounts have an owner, a purpose and a recent review, and the
#   account data itself is fresh.
# scope: package
# custom:
#   control: iso27001:A.5.16
#   class: a
#   evidence: [Account, Person, AccessReview, Exception, Asset]
#   rules:
#     R1: >-
#       Every Account of account_type human enabled at as-of names a holder that resolves to a Person,
#       and no Person has two or more such accounts in the same system, unless every account beyond
#       the first is named by an Exception in force.
#     R2: >-
#       Every human Account created within lookback_days was created no earlier than its holder's
#       start_date minus preprovision_days.
#     R3: >-
#       For every Person whose end_date lies within lookback_days, every Account they hold that was
#       created on or before end_date has disabled_on on or before end_date + offboard_disable_days
#       (offboard_disable_days_privileged for privileged accounts); an account still enabled fails
#       once as-of is past that limit and is at risk while the limit is within at_risk_days.
#     R4: >-
#       Every Account of account_type service enabled at as-of has a service_owner who is an active
#       Person, states its purpose (description), and appears in the items of an AccessReview
#       completed within access_review_days.standard.
#     R5: >-
#       Every Account enabled at as-of was observed by its integration (observed_on) within
#       posture_max_age_days.
#   decisions:
#     - R1 has no parameter to allow several accounts per person in one system (section 6.1 and the
#       schema define none), so an approved, unexpired Exception naming the extra account is the way to
#       allow it, as for shared accounts in 5.15.
#     - R2 is an event rule over accounts created in the lookback window, so it is not exercised when
#       no human account was created.
#     - R3 follows the pseudo-code of evidence-model 6.2 (accounts whose holder is the leaver and that
#       existed on the last day), and adds the at-risk state of model 1.3 for accounts still inside
#       their limit.
#     - R4 reads the purpose from the envelope field description, as the Account schema has no purpose
#       field; an empty or missing description fails.
#     - R5 groups stale accounts per system into one failure naming at most five of them, so a stalled
#       collector gives one finding, not thousands.
#     - An Exception counts when approved by as-of, not expired, valid for at most exception_max_days,
#       and approved by someone other than the requester who held one of exception_approver_roles.
package annexa.iso27001.a5_16

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# _enabled_human_accounts maps the ref of each enabled human account to the account.
_enabled_human_accounts := {records.ref(acc): acc |
	some acc in access.active_accounts
	acc.account_type == "human"
}

_enabled_human := {ref | some ref, _ in _enabled_human_accounts}

# --- R1: each human account belongs to exactly one person, one per system.

_r1_population := _enabled_human

_people := {concat("/", ["Person", id]) | some id, _ in records.of("Person")}

_is_person(ref) if ref in _people

_r1_items_p contains result.fail("R1", msg, [records.at(acc, "holder")]) if {
	some ref, acc in _enabled_human_accounts
	not _is_person(object.get(acc, "holder", ""))
	msg := sprintf(
		"%s (human, %s) names no holder that resolves to a Person (holder: %s): %s",
		[
			ref, acc.system, object.get(acc, "holder", "none"),
			"link it to the person who uses it or correct account_type",
		],
	)
}

_key(acc) := concat(" ", [acc.system, acc.holder])

# _per_person maps "system holder" to the refs of the enabled human accounts of that person there.
_per_person := {key: refs |
	some key in {x[0] | some x in _keyed}
	refs := {x[1] | some x in _keyed; x[0] == key}
}

_keyed := {[_key(acc), ref] | some ref, acc in _enabled_human_accounts; acc.holder}

_r1_items_p contains result.fail("R1", msg, accounts) if {
	some key, accounts in _per_person
	count(accounts) > 1
	count({a | some a in accounts; not org.excepted({a})}) > 1
	[system, holder] := split(key, " ")
	msg := sprintf(
		"%s has %d enabled human accounts in %s (%s): keep one, or record an approved Exception for each extra account",
		[holder, count(accounts), system, concat(", ", sort(accounts))],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every enabled human account belongs to one person, with one account per person and system",
		_r1_population, _r1_items,
	)
}

# --- R2: accounts not created long before the person starts.

_r2_population_p contains records.ref(acc) if {
	some acc in records.of("Account")
	acc.account_type == "human"
	_within(acc.created_on, input.params.lookback_days)
	_is_person(object.get(acc, "holder", ""))
}

_r2_items_p contains result.fail("R2", msg, [records.at(acc, "created_on")]) if {
	some ref in _r2_population
	acc := records.get(ref)
	p := records.get(acc.holder)
	earliest := dates.add_days(p.start_date, 0 - input.params.preprovision_days)
	dates.day(acc.created_on) < earliest
	msg := sprintf(
		"%s was created on %s, %d days before %s started on %s, more than preprovision_days (%d): %s",
		[
			ref, dates.day(acc.created_on), dates.days_between(acc.created_on, p.start_date), acc.holder, p.start_date,
			input.params.preprovision_days, "create accounts closer to the start date",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every human account created within %d days was created at most %d days before its holder started",
			[input.params.lookback_days, input.params.preprovision_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: leavers' accounts disabled within offboard_disable_days (pseudo-code 6.2).

# _r3_cases holds [account ref, person ref] for each account held by a person whose end_date lies
# in the lookback window, created on or before that end_date.
_r3_cases_p contains [records.ref(acc), acc.holder] if {
	some acc in records.of("Account")
	p := _leavers[acc.holder]
	dates.day(acc.created_on) <= p.end_date
}

# _leavers maps the ref of each person whose end_date lies in the lookback window to the person.
_leavers := {records.ref(p): p | some p in records.of("Person"); _within(p.end_date, input.params.lookback_days)}

_r3_population := {ref | some [ref, _] in _r3_cases}

_days(acc) := input.params.offboard_disable_days_privileged if acc.privileged == true

_days(acc) := input.params.offboard_disable_days if not acc.privileged == true

_param(acc) := "offboard_disable_days_privileged" if acc.privileged == true

_param(acc) := "offboard_disable_days" if not acc.privileged == true

_limit(acc, p) := dates.add_days(p.end_date, _days(acc))

_disabled(acc) if dates.visible(acc.disabled_on)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some [ref, pref] in _r3_cases
	acc := records.get(ref)
	p := records.get(pref)
	not _disabled(acc)
	input.as_of > _limit(acc, p)
	msg := sprintf(
		"%s (%s) of %s is still enabled on %s; they left on %s and %s (%d) set the limit %s: disable it",
		[ref, acc.system, records.ref(p), input.as_of, p.end_date, _param(acc), _days(acc), _limit(acc, p)],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(acc, "disabled_on")]) if {
	some [ref, pref] in _r3_cases
	acc := records.get(ref)
	p := records.get(pref)
	_disabled(acc)
	dates.day(acc.disabled_on) > _limit(acc, p)
	msg := sprintf(
		"%s (%s) of %s was disabled on %s, after the limit %s (left on %s, %s %d): disable leavers' accounts in time",
		[ref, acc.system, records.ref(p), dates.day(acc.disabled_on), _limit(acc, p), p.end_date, _param(acc), _days(acc)],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some [ref, pref] in _r3_cases
	acc := records.get(ref)
	p := records.get(pref)
	not _disabled(acc)
	ops.due_soon(_limit(acc, p))
	msg := sprintf(
		"%s (%s) of %s, who left on %s, must be disabled by %s",
		[ref, acc.system, records.ref(p), p.end_date, _limit(acc, p)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every account of a person who left within %d days was disabled within %d days (%d for privileged accounts)",
			[input.params.lookback_days, input.params.offboard_disable_days, input.params.offboard_disable_days_privileged],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: service accounts have an owner, a purpose and a recent review.

_r4_population_p contains records.ref(acc) if {
	some acc in access.active_accounts
	acc.account_type == "service"
}

_owner_active(acc) if people.active_ref(acc.service_owner)

_r4_items_p contains result.fail("R4", msg, [records.at(acc, "service_owner")]) if {
	some ref in _r4_population
	acc := records.get(ref)
	not _owner_active(acc)
	msg := sprintf(
		"%s (service, %s) has no active service_owner (service_owner: %s): name the person who answers for it",
		[ref, acc.system, object.get(acc, "service_owner", "none")],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.at(acc, "description")]) if {
	some ref in _r4_population
	acc := records.get(ref)
	trim_space(object.get(acc, "description", "")) == ""
	msg := sprintf("%s (service, %s) states no purpose: say in its description what it is used for", [ref, acc.system])
}

_decisions_p contains [item.account, day] if {
	some ar in records.of("AccessReview")
	day := dates.day(ar.completed_on)
	day <= input.as_of
	some item in ar.items
	_r4_population[item.account]
}

# _reviewed maps an Account ref to the days of the access reviews that decided on it.
_reviewed := {acc: days |
	some acc in {a | some [a, _] in _decisions}
	days := {d | some [a, d] in _decisions; a == acc}
}

_recently_reviewed(ref) if _within(dates.latest(_reviewed[ref]), input.params.access_review_days.standard)

_last_review(ref) := dates.latest(_reviewed[ref])

_last_review(ref) := "never" if not _reviewed[ref]

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _r4_population
	not _recently_reviewed(ref)
	msg := sprintf(
		"%s (service) was not in an access review completed within %d days (%s) of %s (last: %s): %s",
		[
			ref, input.params.access_review_days.standard, "access_review_days.standard", input.as_of,
			_last_review(ref), "include it in the next review",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R4", sprintf(
			"every enabled service account has an active owner, a purpose and a review within %d days",
			[input.params.access_review_days.standard],
		),
		_r4_population, _r4_items,
	)
}

# --- R5: account data observed within posture_max_age_days.

_r5_population_p contains records.ref(acc) if {
	some acc in access.active_accounts
}

_fresh(acc) if _within(acc.observed_on, input.params.posture_max_age_days)

_stale_accounts := {id: acc |
	some id, acc in access.active_accounts
	not _fresh(acc)
}

# _stale maps a system to the refs of its enabled accounts with a stale observation.
_stale := {system: refs |
	some system in {acc.system | some acc in _stale_accounts}
	refs := {records.ref(acc) | some acc in _stale_accounts; acc.system == system}
}

_latest_seen(refs) := dates.latest({records.get(r).observed_on | some r in refs}) if {
	some r in refs
	dates.visible(records.get(r).observed_on)
} else := "never"

_r5_items_p contains result.fail("R5", msg, fields) if {
	some system, refs in _stale
	fields := {records.at(records.get(r), "observed_on") | some r in array.slice(sort(refs), 0, 5)}
	msg := sprintf(
		"%d enabled account(s) in %s were not observed within %d days (posture_max_age_days) of %s (%s; latest: %s): %s",
		[
			count(refs), system, input.params.posture_max_age_days, input.as_of, org.short(refs),
			_latest_seen(refs), "re-run the collector for that system",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R5", sprintf("every enabled account was observed within %d days", [input.params.posture_max_age_days]),
		_r5_population, _r5_items,
	)
}

# _cutoffs maps every whole number of days among the parameters to the first day within that
# many days of the as-of date, so that _within(d, n) compares strings instead of parsing dates.
_cutoffs := {n: dates.add_days(input.as_of, 0 - n) | some _, n in input.params; is_number(n); n == floor(n)}

# _within is dates.within(d, n): d (a date or timestamp) lies in [as_of - n days, as_of].
# A date or timestamp sorts before _after_as_of exactly when its day is on or before as-of, and
# at or after a cutoff day exactly when its day is: no substring per record.
_within(d, n) if {
	d < _after_as_of
	d >= _cutoffs[n]
} else if {
	not _cutoffs[n]
	dates.within(d, n)
}

_after_as_of := dates.add_days(input.as_of, 1)

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_cases := _r3_cases_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_r4_items := _r4_items_p

_decisions := _decisions_p

_r5_population := _r5_population_p

_r5_items := _r5_items_p
