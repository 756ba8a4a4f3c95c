# METADATA
# title: Privileged access rights
# description: >-
#   Powerful accounts are held only by people whose role calls for them, were approved and use
#   a second factor, are looked at in an access review at the privileged cadence, stay few in
#   each system, and emergency (break-glass) accounts have an owner and are tried out at least
#   once a year.
# scope: package
# custom:
#   control: iso27001:A.8.2
#   class: a
#   evidence: [Account, Person, Role, AccessReview, Activity]
#   rules:
#     R1: >-
#       Every enabled privileged Account of type human or auditor has a holder who, at as-of, is active
#       and holds a Role with privileged true.
#     R2: >-
#       Every enabled privileged Account has an approval_ref dated on or before as-of, and every one
#       except service accounts has mfa.enabled true.
#     R3: >-
#       Every enabled privileged Account was decided on in an AccessReview completed within
#       access_review_days.privileged, or was created within that many days.
#     R4: >-
#       In every system, the enabled privileged accounts of type human, shared or auditor number at
#       most max_org_admins.
#     R5: >-
#       Every enabled break-glass Account has an active owner (service_owner, else the envelope owner)
#       and was used or tested within lookback_days - last_login_on in that window, or an Activity in
#       that window naming the account in subject_refs.
#   decisions:
#     - R1 looks at accounts that belong to a person (human, auditor); service and break-glass accounts
#       have owners, not holders, and are covered by R2, R3 and R5.
#     - R2 does not ask service accounts for MFA (they sign in non-interactively); their credentials
#       are A.5.17's concern. Break-glass accounts need MFA like any interactive account.
#     - R3 accepts an AccessReview of any review_type that lists the account, because what matters is
#       that the privileged account was looked at within the privileged interval (the example bundle
#       reviews GitHub owners in source-code reviews and Okta administrators in standard reviews).
#     - R4 reads "top-level admins" as all enabled privileged accounts of people in one system;
#       break-glass and service accounts are left out (break-glass is for emergencies and is checked
#       by R5).
#     - R5 uses lookback_days for the model's fixed 365 days, so the window follows the audit period.
package annexa.iso27001.a8_2

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_privileged_p contains acc if {
	some acc in records.of("Account")
	acc.privileged == true
	access.active(acc)
}

_privileged_roles := {records.ref(r) | some r in records.of("Role"); r.privileged == true}

# --- R1: holders hold a privileged role.

_r1_population := {records.ref(acc) | some acc in _privileged; acc.account_type in {"human", "auditor"}}

_holds_privileged_role(ref) if {
	p := records.get(ref)
	some role in _privileged_roles
	people.holds_on(p, role, input.as_of)
}

_r1_problem(acc) := "has no holder" if {
	not acc.holder
} else := sprintf("belongs to %s, who is not active", [acc.holder]) if {
	not people.active_ref(acc.holder)
} else := sprintf("belongs to %s, who holds no privileged Role (%s)", [acc.holder, _roles_text]) if {
	not _holds_privileged_role(acc.holder)
}

_roles_text := concat(", ", sort(_privileged_roles)) if count(_privileged_roles) > 0

_roles_text := "none is defined" if count(_privileged_roles) == 0

_r1_items_p contains result.fail("R1", msg, [records.at(acc, "holder")]) if {
	some ref in _r1_population
	acc := records.get(ref)
	problem := _r1_problem(acc)
	msg := sprintf("privileged %s (%s) %s: remove the privilege or assign the role", [ref, acc.system, problem])
}

findings contains f if {
	some f in result.check(
		"R1", "every privileged account belongs to an active holder of a privileged role",
		_r1_population, _r1_items,
	)
}

# --- R2: approved and protected by MFA.

_r2_population := {records.ref(acc) | some acc in _privileged}

_approved(acc) if dates.visible(acc.approval_ref.on)

_r2_items_p contains result.fail("R2", msg, [records.ref(acc)]) if {
	some acc in _privileged
	not _approved(acc)
	msg := sprintf("privileged %s (%s) has no approval_ref dated by %s: record who approved it", [
		records.ref(acc), acc.system, input.as_of,
	])
}

_mfa(acc) if acc.mfa.enabled == true

_r2_items_p contains result.fail("R2", msg, [records.at(acc, "mfa")]) if {
	some acc in _privileged
	acc.account_type != "service"
	not _mfa(acc)
	msg := sprintf("privileged %s (%s) does not require MFA (mfa.enabled): turn on a second factor", [
		records.ref(acc), acc.system,
	])
}

findings contains f if {
	some f in result.check("R2", "every privileged account was approved and requires MFA", _r2_population, _r2_items)
}

# --- R3: reviewed within the privileged interval.

_review_days := input.params.access_review_days.privileged

_r3_population := _r2_population

_review_cutoff := dates.cutoff(_review_days)

_reviewed(ref) if dates.since(tech.last_review(ref, tech.review_types), _review_cutoff)

_new(acc) if dates.since(acc.created_on, _review_cutoff)

_last_review_text(ref) := tech.last_review(ref, tech.review_types)

_last_review_text(ref) := "never" if not tech.last_review(ref, tech.review_types)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	acc := records.get(ref)
	not _reviewed(ref)
	not _new(acc)
	msg := sprintf(
		"privileged %s (%s) was not reviewed in the last %d days (access_review_days.privileged; last: %s): review it",
		[ref, acc.system, _review_days, _last_review_text(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("every privileged account was reviewed within %d days", [_review_days]),
		_r3_population, _r3_items,
	)
}

# --- R4: few administrators per system.

_admins_p[acc.system] contains records.ref(acc) if {
	some acc in _privileged
	acc.account_type in {"human", "shared", "auditor"}
}

_r4_population := {s | some s, _ in _admins}

_r4_items_p contains result.fail("R4", msg, [s]) if {
	some s, admins in _admins
	count(admins) > input.params.max_org_admins
	msg := sprintf(
		"%s has %d privileged personal accounts (%s), more than max_org_admins (%d): remove standing admin rights",
		[s, count(admins), concat(", ", sort(admins)), input.params.max_org_admins],
	)
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("no system has more than %d privileged personal accounts", [input.params.max_org_admins]),
		_r4_population, _r4_items,
	)
}

# --- R5: break-glass accounts owned and exercised.

_break_glass_p contains acc if {
	some acc in records.of("Account")
	acc.account_type == "break-glass"
	access.active(acc)
}

_r5_population := {records.ref(acc) | some acc in _break_glass}

_owner(acc) := acc.service_owner

_owner(acc) := acc.owner if not acc.service_owner

_r5_items_p contains result.fail("R5", msg, [records.ref(acc)]) if {
	some acc in _break_glass
	not _owner(acc)
	msg := sprintf("break-glass %s (%s) has no owner (service_owner): name the person who answers for it", [
		records.ref(acc), acc.system,
	])
}

_r5_items_p contains result.fail("R5", msg, [records.at(acc, "service_owner")]) if {
	some acc in _break_glass
	owner := _owner(acc)
	not people.active_ref(owner)
	msg := sprintf("break-glass %s (%s) is owned by %s, who is not active: name a new owner", [
		records.ref(acc), acc.system, owner,
	])
}

# _activity_days maps a ref to the days of the activities that name it.
_activity_days_p[ref] contains dates.day(a.performed_on) if {
	some a in records.of("Activity")
	dates.visible(a.performed_on)
	some ref in a.subject_refs
}

_exercised_on(acc) := dates.latest(logins | object.get(_activity_days, records.ref(acc), set())) if {
	logins := {acc.last_login_on | acc.last_login_on}
}

_exercised(acc) if dates.since(_exercised_on(acc), _lookback_cutoff)

_lookback_cutoff := dates.cutoff(input.params.lookback_days)

_exercised_text(acc) := _exercised_on(acc)

_exercised_text(acc) := "never" if not _exercised_on(acc)

_r5_items_p contains result.fail("R5", msg, [records.at(acc, "last_login_on")]) if {
	some acc in _break_glass
	not _exercised(acc)
	msg := sprintf(
		"break-glass %s (%s) was not used or tested in the last %d days (lookback_days; last: %s): test it",
		[records.ref(acc), acc.system, input.params.lookback_days, _exercised_text(acc)],
	)
}

findings contains f if {
	some f in result.check(
		"R5", sprintf(
			"every break-glass account has an active owner and was used or tested within %d days",
			[input.params.lookback_days],
		),
		_r5_population, _r5_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_privileged := _privileged_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_admins := _admins_p

_r4_items := _r4_items_p

_break_glass := _break_glass_p

_r5_items := _r5_items_p

_activity_days := _activity_days_p
