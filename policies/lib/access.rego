# METADATA
# title: Accounts and access
# description: >-
#   Which accounts exist and are enabled on a date (created, not yet disabled), the accounts
#   of each system indexed once per query, and the systems that carry privileged accounts.
#   The indexes are object comprehensions grouped on a plain field, which OPA indexes; a
#   multi-value rule (p[k] contains v) was measured to grow quadratically with the records.
# scope: package
package annexa.lib.access

import data.annexa.lib.dates
import data.annexa.lib.records
import rego.v1

# active_on holds when an account exists and is enabled on date d: created on or before d and
# not disabled on or before d.
active_on(acc, d) if {
	dates.day(acc.created_on) <= d
	not _disabled_by(acc, d)
}

_disabled_by(acc, d) if dates.day(acc.disabled_on) <= d

# active holds when an account is enabled at the as-of date (active_on at as-of: a date or
# timestamp lies on or before as-of exactly when it sorts before the day after as-of).
active(acc) if {
	acc.created_on < _after_as_of
	not _disabled(acc)
}

_disabled(acc) if acc.disabled_on < _after_as_of

# active_accounts maps the id of every Account enabled at the as-of date to the account: the
# accounts that active holds for, worked out once per query (iterate it instead of calling
# active on every account in every rule).
active_accounts := {id: acc |
	some id, acc in records.of("Account")
	acc.created_on < _after_as_of
	not _disabled(acc)
}

_after_as_of := dates.add_days(input.as_of, 1)

# systems is the set of Asset refs that accounts name as their system.
systems := {acc.system | some acc in records.of("Account")}

# by_system maps an Asset ref to the refs of every account recorded in that system.
by_system := {sys: {records.ref(acc) | some acc in records.of("Account"); acc.system == sys} | some sys in systems}

# active_by_system maps an Asset ref to the refs of the accounts enabled in it at as-of (systems
# without an enabled account are left out).
active_by_system := {sys: refs |
	some sys in systems
	refs := {records.ref(acc) | some acc in records.of("Account"); acc.system == sys; active(acc)}
	count(refs) > 0
}

# privileged_systems is the set of Asset refs with at least one enabled privileged account.
_privileged_systems_p contains acc.system if {
	some acc in records.of("Account")
	acc.privileged == true
	active(acc)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
privileged_systems := _privileged_systems_p
