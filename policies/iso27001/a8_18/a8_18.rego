# METADATA
# title: Use of privileged utility programs
# description: >-
#   Tools that can override system or application controls are listed in the inventory with an
#   owner and the roles allowed to use them; only holders of those roles have accounts on them,
#   their access is reviewed on the privileged-access schedule, and their use is logged.
# scope: package
# custom:
#   control: iso27001:A.8.18
#   class: a
#   evidence: [Asset, Account, AccessReview, LoggingSource, Person, Role]
#   rules:
#     R1: >-
#       Privileged utilities are inventoried: every active Asset flagged as a privileged utility
#       (links.privileged-utility, listing the Role refs allowed to use it) names at least one
#       role and has an owner who is an active Person; and every active Asset of type software or
#       tool on which an enabled privileged Account exists is flagged.
#     R2: >-
#       Every enabled Account on a flagged utility belongs to an active person (holder, or
#       service_owner for non-human accounts) who holds one of its listed roles at the as-of
#       date, and every flagged utility was covered by an AccessReview (systems naming it)
#       completed within access_review_days.privileged.
#     R3: >-
#       Every flagged utility is the system of a LoggingSource whose log_types include
#       admin-activity.
#   decisions:
#     - The model says "software flagged privileged-utility" but the Asset schema has no such
#       flag. The flag is the envelope's free links map with the key privileged-utility, whose
#       list names the roles allowed to use the utility (links is "grouped by a name of your
#       choice"); any asset type may carry it. A schema field would be cleaner.
#     - To catch utilities that were never flagged, R1 also fails software and tool assets that
#       carry enabled privileged accounts, since those accounts are the privileged entitlements
#       the control is about.
#     - An account counts as enabled when created on or before the as-of date and not disabled
#       (lib/access). Non-human accounts are judged by their service_owner.
#     - Any review_type counts for R2, as long as the review names the utility in systems and was
#       completed within the privileged interval.
#     - R3 asks for the utility's own LoggingSource; logging of the systems it acts on is 8.15.
package annexa.iso27001.a8_18

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_flag := "privileged-utility"

_flagged(a) if is_array(a.links[_flag])

# _utilities are the active assets flagged as privileged utilities.
_utilities_p contains records.ref(a) if {
	some a in records.of("Asset")
	_flagged(a)
	ops.active_asset(a)
}

_roles(ref) := {r | some r in records.get(ref).links[_flag]}

# _privileged_on maps an Asset ref to the enabled privileged accounts on it.
_privileged_on := {k: vs |
	some k in {x[0] | some x in _privileged_on_rows}
	vs := {x[1] | some x in _privileged_on_rows; x[0] == k}
}

_privileged_on_rows := {[acc.system, records.ref(acc)] |
	some acc in records.of("Account")
	acc.privileged == true
	access.active(acc)
}

# --- R1: privileged utilities inventoried.

_unflagged_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in {"software", "tool"}
	ops.active_asset(a)
	not _flagged(a)
	_privileged_on[records.ref(a)]
}

_r1_population := _utilities | _unflagged

_r1_items_p contains result.fail("R1", msg, [records.at(records.get(ref), concat(".", ["links", _flag]))]) if {
	some ref in _utilities
	count(_roles(ref)) == 0
	msg := sprintf("%s is flagged as a privileged utility but names no role allowed to use it: list the roles", [ref])
}

_r1_items_p contains result.fail("R1", msg, [records.at(a, "owner")]) if {
	some ref in _utilities
	a := records.get(ref)
	not people.active_ref(object.get(a, "owner", ""))
	msg := sprintf(
		"%s is a privileged utility whose owner %s is not an active person: assign a current owner",
		[ref, object.get(a, "owner", "(none)")],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _unflagged
	msg := sprintf(
		"%s carries enabled privileged accounts (%s) but is not flagged as a privileged utility: %s",
		[ref, concat(", ", sort(_privileged_on[ref])), "add links.privileged-utility with the roles allowed to use it"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every privileged utility is inventoried with an owner and the roles allowed to use it",
		_r1_population, _r1_items,
	)
}

# --- R2: entitlements only for role holders, reviewed on the privileged schedule.

_accounts_p contains records.ref(acc) if {
	some acc in records.of("Account")
	acc.system in _utilities
	access.active(acc)
}

_person_field(acc) := "holder" if acc.holder

_person_field(acc) := "service_owner" if {
	not acc.holder
	acc.service_owner
}

_entitled(acc) if {
	p := records.get(acc[_person_field(acc)])
	some role in _roles(acc.system)
	people.holds_on(p, role, input.as_of)
}

_reviewed := {k: vs |
	some k in {x[0] | some x in _reviewed_rows}
	vs := {x[1] | some x in _reviewed_rows; x[0] == k}
}

_reviewed_rows := {[s, dates.day(r.completed_on)] |
	some r in records.of("AccessReview")
	dates.visible(r.completed_on)
	some s in r.systems
}

_reviewed_recently(ref) if dates.within(dates.latest(_reviewed[ref]), input.params.access_review_days.privileged)

_last_review(ref) := d if d := dates.latest(_reviewed[ref])

_last_review(ref) := "never" if not dates.latest(object.get(_reviewed, ref, set()))

_r2_population := _accounts | _utilities

_r2_items_p contains result.fail("R2", msg, [records.ref(acc)]) if {
	some ref in _accounts
	acc := records.get(ref)
	not _person_field(acc)
	msg := sprintf(
		"%s on privileged utility %s names no holder or service_owner: assign it or remove it",
		[ref, acc.system],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(acc, _person_field(acc))]) if {
	some ref in _accounts
	acc := records.get(ref)
	not _entitled(acc)
	msg := sprintf(
		"%s on privileged utility %s belongs to %s, who holds none of %s on %s: remove the access or assign the role",
		[ref, acc.system, acc[_person_field(acc)], concat(", ", sort(_roles(acc.system))), input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _utilities
	not _reviewed_recently(ref)
	msg := sprintf(
		concat("", [
			"%s is a privileged utility without an access review in the last %d ",
			"days (access_review_days.privileged; last: %s): review who can use it",
		]),
		[ref, input.params.access_review_days.privileged, _last_review(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"only holders of the listed roles can use privileged utilities, and access was reviewed within %d days",
			[input.params.access_review_days.privileged],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: use of privileged utilities is logged.

_admin_logged_p contains s.system if {
	some s in records.of("LoggingSource")
	"admin-activity" in s.log_types
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _utilities
	not ref in _admin_logged
	msg := sprintf("%s is a privileged utility without a LoggingSource recording admin-activity: log its use", [ref])
}

findings contains f if {
	some f in result.check("R3", "the use of every privileged utility is logged as admin-activity", _utilities, _r3_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_utilities := _utilities_p

_unflagged := _unflagged_p

_r1_items := _r1_items_p

_accounts := _accounts_p

_r2_items := _r2_items_p

_admin_logged := _admin_logged_p

_r3_items := _r3_items_p
