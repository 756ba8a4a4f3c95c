# METADATA
# title: Separation of development, test and production environments
# description: >-
#   Every system is assigned to an environment and production runs in accounts or projects of its
#   own; developers have no standing right to change production beyond approved emergency or
#   just-in-time access, and production data reaches development or test only under the
#   conditions set for test information.
# scope: package
# custom:
#   control: iso27001:A.8.31
#   class: a
#   evidence: [Asset, Account, Person, Role, TestRun, Exception]
#   rules:
#     R1: >-
#       Every active Asset has an environment (prod, staging, test, dev or corp); no cloud
#       account, project, subscription or VPC (the fifth field of external_ids.cloud_arn, or
#       external_ids account_id, project_id, subscription_id, vpc_id) holds both an active prod
#       Asset and an active staging, test or dev Asset; and no separation check (check_id with
#       separation or segregation, lib/network) of a cloud account within config_scan_days failed on
#       its latest day.
#     R2: >-
#       No enabled Account of a developer - an active holder of an engineering Role who holds no
#       privileged Role - has standing write access to production: privileged, or an entitlement
#       that grants write or admin rights (admin, write, owner, maintain, push, poweruser, deploy,
#       root, full, editor, operator, contributor) in production (naming prod or production, or
#       naming no environment in a system whose Asset is in prod). Just-in-time entitlements (jit,
#       just-in-time, eligible), break-glass Accounts with an approval_ref, and Accounts named with
#       rule:8.31/R2 or the control in a valid Exception are allowed.
#     R3: >-
#       Every active staging, test or dev Asset with derived_from_production true meets the
#       conditions of A.8.33 R1: a valid Exception naming it with rule:8.33/R1 or the control,
#       masking_applied true, no failing result about it in its latest pii-scan TestRun, and a
#       planned deletion date (lifecycle.in_service_on + pii.retention_days, where given) not passed.
#   decisions:
#     - >-
#       R1 places assets by what the inventory states, as A.8.22 R1 does; an asset without an
#       account or network id cannot be placed. A.8.22 also requires a fresh separation scan per
#       cloud account; here a scan only counts against the control when it failed. staging counts
#       as non-production, corp (internal IT) as neither.
#     - >-
#       "Developer" is an engineer (Role id containing engineer, or requiring a secure-coding course,
#       lib/sdlc) without a privileged Role: holders of a privileged Role such as a production
#       administrator are the named operators whose standing access A.8.2 governs.
#     - >-
#       Entitlements are free text from the source system; write rights and environments are read
#       from words in them (AdministratorAccess@prod, repo:write). An entitlement naming staging,
#       stage, test, dev, development, sandbox or nonprod only, and one granting read rights only,
#       is not production write access. Break-glass counts as approved when it has an approval_ref.
#     - >-
#       R3 shares its conditions with A.8.33 R1 (lib/sdlc copy_problems); an Exception scoped to
#       rule:8.31/R3 or A.8.31 is accepted as the authorisation as well.
package annexa.iso27001.a8_31

import data.annexa.lib.access
import data.annexa.lib.network
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import rego.v1

# --- R1: every asset in an environment, production in its own accounts.

_environments := {"prod", "staging", "test", "dev", "corp"}

_assets_p contains a if {
	some a in records.of("Asset")
	ops.active_asset(a)
}

_r1_population := {records.ref(a) | some a in _assets}

_r1_items_p contains result.fail("R1", msg, [records.ref(a)]) if {
	some a in _assets
	not object.get(a, "environment", "") in _environments
	msg := sprintf(
		"%s has no environment (prod, staging, test, dev or corp): assign it to the environment it runs in",
		[records.ref(a)],
	)
}

_class(a) := "prod" if a.environment == "prod"

_class(a) := "non-prod" if a.environment in sdlc.nonprod_environments

_container_keys := {
	"account_id": "account", "project_id": "project",
	"subscription_id": "subscription", "vpc_id": "vpc",
}

# _containers returns the account, project or network ids an asset declares.
_containers(a) := _arn_account(a) | {sprintf("%s %s", [_container_keys[k], v]) |
	some k, v in object.get(a, "external_ids", {})
	_container_keys[k]
}

_arn_account(a) := {sprintf("account %s", [parts[4]])} if {
	parts := split(object.get(object.get(a, "external_ids", {}), "cloud_arn", ""), ":")
	count(parts) > 4
	parts[0] == "arn"
	parts[4] != ""
} else := set()

_placements := {[[c, class], records.ref(a)] |
	some a in _assets
	class := _class(a)
	some c in _containers(a)
}

_placed := {key: refs |
	some key in {p[0] | some p in _placements}
	refs := {p[1] | some p in _placements; p[0] == key}
}

_r1_items_p contains result.fail("R1", msg, [records.at(records.get(ref), "external_ids")]) if {
	some key, refs in _placed
	key[1] == "non-prod"
	prod := _placed[[key[0], "prod"]]
	some ref in refs
	msg := sprintf(
		"%s (%s) sits in %s together with production %s: move it to a non-production account or project",
		[ref, records.get(ref).environment, key[0], concat(", ", sort(prod))],
	)
}

_r1_items_p contains result.fail("R1", msg, sort({o.at | some o in bad})) if {
	some a in _assets
	a.asset_type == "cloud-account"
	ref := records.ref(a)
	network.fresh("separation", ref, input.params.config_scan_days)
	bad := network.latest_failed("separation", ref)
	count(bad) > 0
	msg := sprintf(
		"%s fails its environment separation check of %s (%s): separate production from development and test",
		[ref, network.last_day("separation", ref), network.checks_text(bad)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every asset has an environment and production assets share no account or project with development or test",
		_r1_population, _r1_items,
	)
}

# --- R2: no standing production write access for developers.

_privileged_roles := {records.ref(r) | some r in records.of("Role"); r.privileged == true}

_operators_p contains p if {
	some role in _privileged_roles
	some p in object.get(people.holders, role, set())
}

_developers := sdlc.engineers - _operators

_developer_accounts_p contains acc if {
	some acc in records.of("Account")
	acc.account_type in {"human", "shared"}
	object.get(acc, "holder", "") in _developers
	access.active(acc)
}

_developer_accounts_p contains acc if {
	some acc in records.of("Account")
	acc.account_type == "break-glass"
	object.get(acc, "service_owner", "") in _developers
	access.active(acc)
}

_r2_population := {records.ref(acc) | some acc in _developer_accounts}

_write := `(?i)admin|write|owner|maintain|push|power.?user|deploy|root|full|editor|operator|contributor`

_prod_word := `(?i)(^|[^a-z])prod(uction)?([^a-z]|$)`

_nonprod_word := `(?i)(^|[^a-z])(staging|stage|test|dev|development|sandbox|non-?prod)([^a-z]|$)`

_jit := `(?i)(^|[^a-z])jit([^a-z]|$)|just.in.time|eligible`

_prod_system(acc) if records.get(acc.system).environment == "prod"

_in_prod(_, e) if regex.match(_prod_word, e)

_in_prod(acc, e) if {
	_prod_system(acc)
	not regex.match(_nonprod_word, e)
}

# _grants returns the entitlements of an account that give standing write access to production.
_grants(acc) := {e |
	some e in object.get(acc, "entitlements", [])
	regex.match(_write, e)
	_in_prod(acc, e)
	not regex.match(_jit, e)
}

_standing(acc) if count(_grants(acc)) > 0

_standing(acc) if {
	acc.privileged == true
	_prod_system(acc)
	count(object.get(acc, "entitlements", [])) == 0
}

_standing(acc) if {
	acc.privileged == true
	some e in object.get(acc, "entitlements", [])
	_in_prod(acc, e)
	not regex.match(_jit, e)
}

_allowed(acc) if {
	acc.account_type == "break-glass"
	is_object(acc.approval_ref)
}

_allowed(acc) if count(network.excepted("8.31", "R2", {records.ref(acc)})) > 0

_person(acc) := acc.holder if acc.account_type != "break-glass"

_person(acc) := acc.service_owner if acc.account_type == "break-glass"

_what(acc) := concat(", ", sort(_grants(acc))) if count(_grants(acc)) > 0

_what(acc) := "privileged" if count(_grants(acc)) == 0

_r2_items_p contains result.fail("R2", msg, [_at(acc)]) if {
	some acc in _developer_accounts
	_standing(acc)
	not _allowed(acc)
	msg := sprintf(
		concat("", [
			"%s of %s (an engineer without a privileged role) has standing write access to production (%s): ",
			"remove it, or grant it just in time or through an approved break-glass account",
		]),
		[records.ref(acc), _person(acc), _what(acc)],
	)
}

_at(acc) := records.at(acc, "entitlements") if is_array(acc.entitlements)

_at(acc) := records.at(acc, "privileged") if not is_array(object.get(acc, "entitlements", null))

findings contains f if {
	some f in result.check(
		"R2", "no developer account has standing write access to production",
		_r2_population, _r2_items,
	)
}

# --- R3: production data outside production only under the conditions of A.8.33.

_r3_population := sdlc.production_copies

_r3_items_p contains result.fail("R3", msg, [records.at(records.get(ref), "derived_from_production")]) if {
	some ref, problems in sdlc.copy_problems
	msg := sprintf(
		"%s (%s) holds a copy of production data, but %s: meet the test-data conditions of A.8.33 or remove the copy",
		[ref, records.get(ref).environment, concat("; ", sort(problems))],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "production data outside production meets the conditions for test data (A.8.33)",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_assets := _assets_p

_r1_items := _r1_items_p

_operators := _operators_p

_developer_accounts := _developer_accounts_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
