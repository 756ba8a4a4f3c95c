# METADATA
# title: Access to source code
# description: >-
#   Source code repositories are private unless meant to be public, only engineers (or
#   administrators by role) can change code, production repositories protect their default
#   branch, and the administrators of the version control system are reviewed at the
#   privileged cadence.
# scope: package
# custom:
#   control: iso27001:A.8.4
#   class: a
#   evidence: [Asset, Account, Person, Role, TestRun, AccessReview]
#   rules:
#     R1: >-
#       Every active repository Asset whose classification is not public has a repository_private
#       result in a vcs-settings or branch-protection TestRun performed within config_scan_days, and
#       in the latest run that reports it the result passed.
#     R2: >-
#       Every enabled Account in a version control system (an Asset of type repository that accounts
#       belong to) that can write or administer - privileged, or an entitlement containing write,
#       admin, owner, maintain or push - belongs to a person (the holder; the service_owner of a
#       non-human account) who holds, at as-of, an engineering Role (id containing engineer) or a
#       privileged Role.
#     R3: >-
#       Every active production repository (environment prod) has branch-protection results
#       (check_id starting branch_protection) in a vcs-settings or branch-protection TestRun
#       performed within config_scan_days, and all of them passed in the latest run that reports
#       them.
#     R4: >-
#       Every enabled administrator account of a version control system (privileged, or an
#       entitlement containing admin or owner) was decided on in an AccessReview of type source-code
#       or privileged completed within access_review_days.privileged, or was created within that
#       many days.
#   decisions:
#     - A repository Asset that accounts belong to (Account.system) is the version control system
#       or organisation (the example bundle's github-org), not a single repository; R1 and R3 judge
#       the other repository Assets, R2 and R4 the accounts of the system.
#     - A repository is public by design when its classification is public; the schema has no other flag.
#     - Check-id convention (lib/tech) - repository_private and branch_protection* results whose
#       resource is the repository (Asset ref or external id); a check with status error fails.
#     - Engineering roles are not a parameter; Roles whose id contains engineer count, and privileged
#       Roles (administrators) count too, because they hold write access by design.
package annexa.iso27001.a8_4

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_vcs_types := {"vcs-settings", "branch-protection"}

_days := input.params.config_scan_days

_repository_assets_p contains a if {
	some a in records.of("Asset")
	a.asset_type == "repository"
	ops.active_asset(a)
}

# _systems are the repository Assets that hold accounts: version control systems, not repositories.
_repository_refs := {records.ref(a) | some a in _repository_assets}

_systems := {s | some s, _ in access.by_system; s in _repository_refs}

_repositories := {a | some a in _repository_assets; not records.ref(a) in _systems}

# _idx indexes the results of the version control settings scans.
_idx := tech.index(_vcs_types)

_cutoff := dates.cutoff(_days)

# _checks maps [repository, pattern] to the latest checks of the pattern, for R1 and R3.
_checks := {[ref, p]: cs |
	some x in [[_r1_population, _private_pattern], [_r3_population, _protection_pattern]]
	some ref in x[0]
	p := x[1]
	cs := tech.latest_in(_idx, ref, p)
}

# _check_problem says why the latest results of a family do not show a repository passes it.
_check_problem(ref, pattern) := sprintf("no such check in the last %d days (config_scan_days; last: %s)", [
	_days,
	_last_text(ref, pattern),
]) if {
	not _fresh(ref, pattern)
} else := sprintf("%s on %s", [tech.describe(bad), tech.checks_on(bad)]) if {
	bad := tech.failing(_checks[[ref, pattern]])
	count(bad) > 0
}

_fresh(ref, pattern) if dates.since(tech.checks_on(_checks[[ref, pattern]]), _cutoff)

_last_text(ref, pattern) := tech.checks_on(_checks[[ref, pattern]])

_last_text(ref, pattern) := "never" if not _checks[[ref, pattern]]

_at(ref, pattern) := sort({o.at | some o in bad}) if {
	_fresh(ref, pattern)
	bad := tech.failing(_checks[[ref, pattern]])
	count(bad) > 0
} else := [ref]

# --- R1: repositories private unless public by design.

_private_pattern := `^repository_private$`

_r1_population := {records.ref(a) | some a in _repositories; a.classification != "public"}

_r1_items_p contains result.fail("R1", msg, _at(ref, _private_pattern)) if {
	some ref in _r1_population
	problem := _check_problem(ref, _private_pattern)
	msg := sprintf("%s is not shown to be private (repository_private): %s; make it private or classify it public", [
		ref,
		problem,
	])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf("every non-public repository is private in a settings scan of the last %d days", [_days]),
		_r1_population, _r1_items,
	)
}

# --- R2: write and admin access only for engineers.

_writer(acc) if acc.privileged == true

_writer(acc) if {
	some e in object.get(acc, "entitlements", [])
	regex.match(`(?i)write|admin|owner|maintain|push`, e)
}

_r2_accounts_p contains acc if {
	some s in _systems
	some ref in access.active_by_system[s]
	acc := records.get(ref)
	_writer(acc)
}

_r2_population := {records.ref(acc) | some acc in _r2_accounts}

_engineering_roles := {records.ref(r) |
	some r in records.of("Role")
	_engineering(r)
}

_engineering(r) if contains(r.id, "engineer")

_engineering(r) if r.privileged == true

_person(acc) := acc.holder if acc.account_type in {"human", "auditor"}

_person(acc) := acc.service_owner if not acc.account_type in {"human", "auditor"}

_engineer(ref) if {
	p := records.get(ref)
	some role in _engineering_roles
	people.holds_on(p, role, input.as_of)
}

_r2_problem(acc) := "names no person (holder or service_owner)" if {
	not _person(acc)
} else := sprintf("belongs to %s, who holds no engineering or privileged Role at %s", [_person(acc), input.as_of]) if {
	not _engineer(_person(acc))
}

_r2_items_p contains result.fail("R2", msg, [records.ref(acc)]) if {
	some acc in _r2_accounts
	problem := _r2_problem(acc)
	msg := sprintf("%s can change code in %s (%s) but %s: remove its write access", [
		records.ref(acc), acc.system, concat(", ", object.get(acc, "entitlements", [])), problem,
	])
}

findings contains f if {
	some f in result.check(
		"R2", "every account that can change source code belongs to a holder of an engineering or privileged role",
		_r2_population, _r2_items,
	)
}

# --- R3: default-branch protection on production repositories.

_protection_pattern := `^branch_protection`

_r3_population := {records.ref(a) | some a in _repositories; a.environment == "prod"}

_r3_items_p contains result.fail("R3", msg, _at(ref, _protection_pattern)) if {
	some ref in _r3_population
	problem := _check_problem(ref, _protection_pattern)
	msg := sprintf("production %s does not show default-branch protection: %s; protect the default branch", [ref, problem])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("every production repository protects its default branch in a scan of the last %d days", [_days]),
		_r3_population, _r3_items,
	)
}

# --- R4: VCS administrators reviewed at the privileged cadence.

_review_days := input.params.access_review_days.privileged

_admin(acc) if acc.privileged == true

_admin(acc) if {
	some e in object.get(acc, "entitlements", [])
	regex.match(`(?i)admin|owner`, e)
}

_r4_population := {ref |
	some s in _systems
	some ref in access.active_by_system[s]
	_admin(records.get(ref))
}

_review_kinds := {"source-code", "privileged"}

_review_cutoff := dates.cutoff(_review_days)

_reviewed(ref) if dates.since(tech.last_review(ref, _review_kinds), _review_cutoff)

_new(ref) if dates.since(records.get(ref).created_on, _review_cutoff)

_last_review_text(ref) := tech.last_review(ref, _review_kinds)

_last_review_text(ref) := "never" if not tech.last_review(ref, _review_kinds)

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _r4_population
	not _reviewed(ref)
	not _new(ref)
	msg := sprintf(
		concat("", [
			"administrator %s of %s was not reviewed in a source-code or privileged access review in the last %d days ",
			"(access_review_days.privileged; last: %s): review it",
		]),
		[ref, records.get(ref).system, _review_days, _last_review_text(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("every version control administrator was reviewed within %d days", [_review_days]),
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_repository_assets := _repository_assets_p

_r1_items := _r1_items_p

_r2_accounts := _r2_accounts_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
