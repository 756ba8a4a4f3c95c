# METADATA
# title: Protection of information systems during audit testing
# description: >-
#   Penetration tests and technical audit tests run only under rules of engagement approved
#   beforehand, auditors get read-only accounts that stop working as soon as their test is over,
#   and tests that touch production stay inside the window that was approved for them.
# scope: package
# custom:
#   control: iso27001:A.8.34
#   class: a
#   evidence: [TestRun, Account, Asset, Person]
#   rules:
#     R1: >-
#       Every TestRun of test_type pentest or audit-test performed within lookback_days has
#       rules_of_engagement with approved_by naming a recorded Person and approved_on no later than
#       the start of testing (window.from, else performed_on), compared by day.
#     R2: >-
#       Every Account of account_type auditor that is enabled at the as-of date or was created
#       within lookback_days is read-only (privileged not true, no entitlement granting admin,
#       write, owner, maintain, push, poweruser, deploy, root, full, editor, operator or contributor
#       rights) and has expires_on (or disabled_on) no later than one day after the end of the
#       test it serves. That test is a pentest or audit-test TestRun the Account lists in its links,
#       or whose links list the Account; its end is rules_of_engagement.window.to, else performed_on,
#       the latest over all such tests.
#     R3: >-
#       Every pentest or audit-test TestRun performed within lookback_days that names a production
#       Asset (scope or result resource, by reference or external id) has a
#       rules_of_engagement.window, and performed_on lies inside it (a date-only bound covers its
#       whole day).
#   decisions:
#     - >-
#       "Technical audit" tests are TestRuns of test_type audit-test; InternalAudit records are
#       audits of the management system and have no engagement rules in the model, so they are not
#       judged here.
#     - >-
#       The model does not say how an auditor account is tied to its test. R2 uses the envelope
#       links in either direction; an auditor account tied to no test fails, since its end date
#       cannot be checked.
#     - >-
#       Disabling the account by the test end + 1 day protects as well as an expiry date set in
#       advance, so disabled_on is accepted in place of expires_on.
#     - >-
#       performed_on is one instant; R3 checks that it lies inside the window. The model keeps no
#       start time per test, so testing that began before window.from cannot be seen.
package annexa.iso27001.a8_34

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_test_types := {"pentest", "audit-test"}

_tests_p contains t if {
	some t in records.of("TestRun")
	t.test_type in _test_types
	dates.within(t.performed_on, input.params.lookback_days)
}

_roe(t) := object.get(t, "rules_of_engagement", {})

_window(t) := _roe(t).window

# --- R1: rules of engagement approved before testing.

_r1_population := {records.ref(t) | some t in _tests}

_start_day(t) := dates.day(_window(t).from) if is_string(_window(t).from)

_start_day(t) := dates.day(t.performed_on) if not is_string(object.get(_roe(t), ["window", "from"], null))

_recorded_person(ref) if records.get(ref).kind == "Person"

_r1_problem(t) := "records no rules_of_engagement" if {
	count(_roe(t)) == 0
} else := "names no approver of its rules_of_engagement (approved_by)" if {
	not _roe(t).approved_by
} else := sprintf(
	"names %s as approver of its rules_of_engagement, who is not a recorded Person",
	[_roe(t).approved_by],
) if {
	not _recorded_person(_roe(t).approved_by)
} else := "records no approval date of its rules_of_engagement (approved_on)" if {
	not _roe(t).approved_on
} else := sprintf(
	"had its rules_of_engagement approved on %s, after testing began on %s",
	[dates.day(_roe(t).approved_on), _start_day(t)],
) if {
	dates.day(_roe(t).approved_on) > _start_day(t)
}

_roe_at(t) := records.at(t, "rules_of_engagement") if count(_roe(t)) > 0

_roe_at(t) := records.ref(t) if count(_roe(t)) == 0

_r1_items_p contains result.fail("R1", msg, [_roe_at(t)]) if {
	some t in _tests
	problem := _r1_problem(t)
	msg := sprintf("%s (%s) %s: approve the rules of engagement before any testing starts", [
		records.ref(t), t.test_type,
		problem,
	])
}

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"every penetration and audit test of the last %d days ran under rules of engagement approved beforehand",
			[input.params.lookback_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: auditor accounts read-only and expiring with their test.

_auditors_p contains acc if {
	some acc in records.of("Account")
	acc.account_type == "auditor"
	_relevant(acc)
}

_relevant(acc) if access.active(acc)

_relevant(acc) if dates.within(acc.created_on, input.params.lookback_days)

_r2_population := {records.ref(acc) | some acc in _auditors}

_write := `(?i)admin|write|owner|maintain|push|power.?user|deploy|root|full|editor|operator|contributor`

_rights(acc) := {e | some e in object.get(acc, "entitlements", []); regex.match(_write, e)}

_linked(r) := {x | some group in object.get(r, "links", {}); some x in group}

_test_run(ref) if records.get(ref).test_type in _test_types

# _served maps an auditor Account ref to the tests it serves.
_served := {k: vs |
	some k in {x[0] | some x in _served_rows}
	vs := {x[1] | some x in _served_rows; x[0] == k}
}

_served_rows := {[records.ref(acc), x] |
	some acc in _auditors
	some x in _linked(acc)
	_test_run(x)
} | {[x, records.ref(t)] |
	some t in records.of("TestRun")
	t.test_type in _test_types
	some x in _linked(t)
	startswith(x, "Account/")
}

_end_day(ref) := dates.day(t.rules_of_engagement.window.to) if {
	t := records.get(ref)
	is_string(t.rules_of_engagement.window.to)
} else := dates.day(records.get(ref).performed_on)

_test_end(acc) := max(ends) if {
	ends := {_end_day(x) | some x in _served[records.ref(acc)]}
	count(ends) > 0
}

_limit(acc) := dates.add_days(_test_end(acc), 1)

_stop_day(acc) := min(days) if {
	days := {dates.day(d) |
		some d in [object.get(acc, "expires_on", null), object.get(acc, "disabled_on", null)]
		is_string(d)
	}
	count(days) > 0
}

_stops_in_time(acc) if _stop_day(acc) <= _limit(acc)

_r2_items_p contains result.fail("R2", msg, [records.at(acc, "entitlements")]) if {
	some acc in _auditors
	rights := _rights(acc)
	count(rights) > 0
	msg := sprintf("%s is an auditor account with write rights (%s): give auditors read-only access", [
		records.ref(acc),
		concat(", ", sort(rights)),
	])
}

_r2_items_p contains result.fail("R2", msg, [records.at(acc, "privileged")]) if {
	some acc in _auditors
	acc.privileged == true
	msg := sprintf("%s is an auditor account marked privileged: give auditors read-only access", [records.ref(acc)])
}

_r2_items_p contains result.fail("R2", msg, [records.ref(acc)]) if {
	some acc in _auditors
	not _test_end(acc)
	msg := sprintf(
		concat("", [
			"%s is an auditor account tied to no pentest or audit-test TestRun (links), so its end cannot be checked: ",
			"link the test it serves",
		]),
		[records.ref(acc)],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(acc, "expires_on")]) if {
	some acc in _auditors
	_test_end(acc)
	not _stops_in_time(acc)
	msg := sprintf(
		"%s serves a test that ended on %s but %s: let auditor accounts expire by %s (test end + 1 day)",
		[records.ref(acc), _test_end(acc), _stop_text(acc), _limit(acc)],
	)
}

_stop_text(acc) := sprintf("stops working only on %s", [_stop_day(acc)]) if _stop_day(acc)

_stop_text(acc) := "has no expires_on" if not _stop_day(acc)

findings contains f if {
	some f in result.check(
		"R2", "every auditor account is read-only and expires at most a day after its test ends",
		_r2_population, _r2_items,
	)
}

# --- R3: tests on production inside the approved window.

_on_production(t) if {
	some a in tech.named(t)
	records.get(a).environment == "prod"
}

_r3_tests_p contains t if {
	some t in _tests
	_on_production(t)
}

_r3_population := {records.ref(t) | some t in _r3_tests}

_from_ns(d) := dates.ns(d)

_to_ns(d) := dates.ns(d) if contains(d, "T")

_to_ns(d) := (dates.ns(d) + dates.day_ns) - 1 if not contains(d, "T")

_inside(t) if {
	w := _window(t)
	_from_ns(w.from) <= _to_ns(t.performed_on)
	_from_ns(t.performed_on) <= _to_ns(w.to)
}

_has_window(t) if {
	is_string(_window(t).from)
	is_string(_window(t).to)
}

_r3_items_p contains result.fail("R3", msg, [_roe_at(t)]) if {
	some t in _r3_tests
	not _has_window(t)
	msg := sprintf(
		"%s tested production without an approved testing window (rules_of_engagement.window): agree the window first",
		[records.ref(t)],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(t, "performed_on")]) if {
	some t in _r3_tests
	_has_window(t)
	not _inside(t)
	msg := sprintf(
		"%s tested production at %s, outside its approved window %s to %s: keep tests on production inside the window",
		[records.ref(t), t.performed_on, _window(t).from, _window(t).to],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every test on production ran inside its approved window",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_tests := _tests_p

_r1_items := _r1_items_p

_auditors := _auditors_p

_r2_items := _r2_items_p

_r3_tests := _r3_tests_p

_r3_items := _r3_items_p
