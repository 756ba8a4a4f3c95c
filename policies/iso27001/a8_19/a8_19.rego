# METADATA
# title: Installation of software on operational systems
# description: >-
#   Software reaches production only through approved changes, few laptop users keep local
#   administrator rights (and those that do are on an approved list), and device management
#   enforces a software restriction policy on every laptop.
# scope: package
# custom:
#   control: iso27001:A.8.19
#   class: a
#   evidence: [ChangeRecord, ModelRecord, Asset, TestRun, Exception, Person]
#   rules:
#     R1: >-
#       Every production deployment within lookback_days reconciles to an approved ChangeRecord:
#       every production ChangeRecord (environment prod, or no environment and a prod Asset among
#       its systems; any class but management-system) deployed within lookback_days (deployed_on,
#       else go_live_on) carries an approval, or for an emergency change a retro_approval, by
#       someone other than its author; and every ModelRecord deployed to production within
#       lookback_days names in deployment.change an existing ChangeRecord so approved.
#     R2: >-
#       Of the active endpoints (not retired, not lost), at most max_local_admin_pct percent have
#       local administrator rights, counting an endpoint when its latest local-admin check within
#       posture_max_age_days is missing or not all passing, unless a valid Exception lists it
#       (the approved list).
#     R3: >-
#       Every active endpoint has an application-control (software restriction) check within
#       posture_max_age_days whose latest day shows a pass and no failure; an endpoint without
#       a check of its own is covered when a device-management Asset (not an endpoint) has such a
#       fresh, passing check of the policy.
#   decisions:
#     - Deployment events are the production ChangeRecords themselves and the ModelRecord
#       deployments, as in 8.32; the schema has no TestRun type for CI/CD deployment logs, so a
#       deployment recorded nowhere cannot be seen. R1 asks only that an approval exists; whether
#       it came before the deployment is 8.32's rule.
#     - The approved list of R2 is an Exception naming the endpoint and the rule (rule:8.19/R2) or
#       the control (iso27001:A.8.19), approved by a holder of exception_approver_roles other than
#       the requester, unexpired and not longer than exception_max_days.
#     - An endpoint without a fresh local-admin check is counted as having admin rights, so that
#       missing posture data cannot improve the percentage.
#     - Check ids follow lib/network. Local-admin checks contain local_admin, and pass means the
#       user is not an administrator; application-control checks contain app_control,
#       software_restriction or app_allowlist, or are any result of an app-control TestRun.
#       Freshness uses posture_max_age_days, the staleness limit for device snapshots.
#     - The model names laptops (MDM) for R2 and R3; servers have no interactive users here and
#       are covered by R1 and 8.32.
package annexa.iso27001.a8_19

import data.annexa.lib.dates
import data.annexa.lib.network
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: deployments reconcile to approved changes.

_deployed_on(c) := c.deployed_on if is_string(c.deployed_on)

_deployed_on(c) := c.go_live_on if {
	not is_string(object.get(c, "deployed_on", null))
	is_string(c.go_live_on)
}

_prod(c) if c.environment == "prod"

_prod(c) if {
	not c.environment
	some s in c.systems
	records.get(s).environment == "prod"
}

_changes_p contains c if {
	some c in records.of("ChangeRecord")
	c.change_class != "management-system"
	_prod(c)
	_within(_deployed_on(c), input.params.lookback_days)
}

_approved(c) if {
	some a in records.approvals(c)
	a.by != c.author
}

_approved(c) if {
	dates.visible(c.retro_approval.on)
	c.retro_approval.by != c.author
}

_model_deployments_p contains m if {
	some m in records.of("ModelRecord")
	object.get(m.deployment, "environment", "prod") == "prod"
	_within(m.deployment.deployed_on, input.params.lookback_days)
}

_r1_population := {records.ref(c) | some c in _changes} | {records.ref(m) | some m in _model_deployments}

_r1_items_p contains result.fail("R1", msg, [records.ref(c)]) if {
	some c in _changes
	not _approved(c)
	msg := sprintf(
		concat("", [
			"%s was deployed to production on %s without an approval by ",
			"someone other than its author %s: approve it or roll it back",
		]),
		[records.ref(c), dates.day(_deployed_on(c)), c.author],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, "deployment.change")]) if {
	some m in _model_deployments
	not records.exists(object.get(m.deployment, "change", ""))
	msg := sprintf(
		"%s was deployed to production on %s but deployment.change names no existing ChangeRecord (%s): record the change",
		[records.ref(m), dates.day(m.deployment.deployed_on), object.get(m.deployment, "change", "none")],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, "deployment.change")]) if {
	some m in _model_deployments
	c := records.get(m.deployment.change)
	not _approved(c)
	msg := sprintf(
		"%s was deployed to production on %s under %s, which has no approval by someone other than its author: approve it",
		[records.ref(m), dates.day(m.deployment.deployed_on), m.deployment.change],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every production deployment in the lookback reconciles to an approved change",
		_r1_population, _r1_items,
	)
}

# --- R2: few endpoints with local admin rights.

# _no_admin holds the targets whose latest local-admin check within posture_max_age_days passed
# with no failure (network.passing).
_no_admin := network.passing("local-admin", input.params.posture_max_age_days)

_listed(ref) if count(network.excepted("8.19", "R2", {ref})) > 0

_admins := {ref | some ref in (network.endpoints - _no_admin); not _listed(ref)}

# _share is the share of endpoints with admin rights, in percent; _pct rounds it for messages.
_share := (100 * count(_admins)) / n if {
	n := count(network.endpoints)
	n > 0
}

_pct := round(_share * 10) / 10

_r2_items_p contains result.fail("R2", msg, _admins) if {
	_share > input.params.max_local_admin_pct
	msg := sprintf(
		concat("", [
			"%d of %d endpoints (%v%%) have local admin rights or no local-admin ",
			"check within %d days (%s), more than max_local_admin_pct %v: %s",
		]),
		[
			count(_admins), count(network.endpoints), _pct, input.params.posture_max_age_days,
			concat(", ", sort(_admins)), input.params.max_local_admin_pct,
			"remove the rights or list the endpoints in an approved Exception",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"at most %v%% of endpoints have local admin rights outside the approved list",
			[input.params.max_local_admin_pct],
		),
		network.endpoints, _r2_items,
	)
}

# --- R3: software restriction enforced on endpoints.

_r3_days := input.params.posture_max_age_days

# _policy_checks are the device-management assets (not endpoints) whose latest
# application-control check is fresh and passing: a policy enforced for every managed device.
_policy_checks_p contains t if {
	some t in _app_controlled
	startswith(t, "Asset/")
	not t in network.endpoints
	records.get(t).asset_type != "endpoint"
}

# _app_controlled are the targets on which the application control verdict is a plain pass.
_app_controlled := network.passing("app-control", _r3_days)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in (network.endpoints - _app_controlled)
	problem := network.verdict("app-control", ref, _r3_days, "application control")
	not _policy_covers(ref)
	msg := sprintf(
		concat("", [
			"%s (posture_max_age_days %d), and no device management policy check covers it: ",
			"enforce the software restriction policy and collect its status",
		]),
		[problem, _r3_days],
	)
}

# _policy_covers holds when an endpoint has no fresh check of its own and a policy-level
# check passes; a failing check of the endpoint itself is never outweighed.
_policy_covers(ref) if {
	not network.fresh("app-control", ref, _r3_days)
	count(_policy_checks) > 0
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every endpoint enforces the software restriction policy, checked within %d days",
			[input.params.posture_max_age_days],
		),
		network.endpoints, _r3_items,
	)
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
_changes := _changes_p

_model_deployments := _model_deployments_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_policy_checks := _policy_checks_p

_r3_items := _r3_items_p
