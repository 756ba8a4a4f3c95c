# METADATA
# title: Secure authentication
# description: >-
#   Every account a person signs in with requires a second factor (directly or through single
#   sign-on that enforces one), privileged accounts use a phishing-resistant factor when the
#   organisation asks for it, and the identity provider's lockout and session settings are
#   recently checked and meet the organisation's limits.
# scope: package
# custom:
#   control: iso27001:A.8.5
#   class: a
#   evidence: [Account, Asset, TestRun]
#   rules:
#     R1: >-
#       Every enabled Account of type human or auditor has mfa.enabled true (mfa.method sso-enforced
#       means the identity provider enforces the second factor).
#     R2: >-
#       When phishing_resistant_methods is not empty, every enabled privileged Account of type human,
#       auditor, shared or break-glass has mfa.enabled true and an mfa.method in
#       phishing_resistant_methods; with the list empty the rule is not exercised.
#     R3: >-
#       At least one idp TestRun was performed within lookback_days; for every identity provider such
#       a run names, the latest idp run is at most config_scan_days old and reports, about the
#       provider, a passing lockout check (check_id starting lockout_threshold) whose limit is at most
#       lockout_threshold and a passing session check (check_id starting session_).
#   decisions:
#     - The rule reads "human accounts in in-scope systems" as every human or auditor account
#       recorded in the bundle; collectors export only in-scope systems.
#     - An account marked sso-enforced must still say mfa.enabled true; the collector that sees the
#       SSO policy is the one to set it.
#     - Check-id convention (lib/tech) - lockout checks start with lockout_threshold and carry the
#       threshold (lockout_threshold_max_10); session checks start with session_ (for example
#       session_lifetime_max_12h). There is no session parameter, so the session check only has to
#       pass; a lockout check without a number fails.
#     - config_scan_days (the weekly configuration scan of A.5.15 to A.5.17) is the freshness limit of
#       the IdP settings export.
package annexa.iso27001.a8_5

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

# _people_accounts maps an id to each enabled human or auditor account (an object: a set of whole
# records would hash every record).
_people_accounts := {id: acc |
	some id, acc in access.active_accounts
	acc.account_type in {"human", "auditor"}
}

# --- R1: MFA on every personal account.

_r1_population := {records.ref(acc) | some acc in _people_accounts}

_mfa(acc) if acc.mfa.enabled == true

_r1_items_p contains result.fail("R1", msg, [records.at(acc, "mfa")]) if {
	some acc in _people_accounts
	not _mfa(acc)
	msg := sprintf("%s (%s, %s) signs in without a second factor (mfa.enabled): enforce MFA", [
		records.ref(acc), acc.system, object.get(acc, "holder", "no holder"),
	])
}

findings contains f if {
	some f in result.check("R1", "every personal account requires a second factor", _r1_population, _r1_items)
}

# --- R2: phishing-resistant factors on privileged accounts.

_methods := {m | some m in input.params.phishing_resistant_methods}

_r2_accounts := {id: acc |
	count(_methods) > 0
	some id, acc in access.active_accounts
	acc.privileged == true
	acc.account_type in {"human", "auditor", "shared", "break-glass"}
}

_r2_population := {records.ref(acc) | some acc in _r2_accounts}

_resistant(acc) if {
	acc.mfa.enabled == true
	acc.mfa.method in _methods
}

_r2_items_p contains result.fail("R2", msg, [records.at(acc, "mfa")]) if {
	some acc in _r2_accounts
	not _resistant(acc)
	msg := sprintf(
		"privileged %s (%s) uses %s, not a phishing-resistant method (phishing_resistant_methods: %s): switch it",
		[records.ref(acc), acc.system, _method_text(acc), concat(", ", sort(_methods))],
	)
}

_method_text(acc) := sprintf("MFA method %s", [acc.mfa.method]) if {
	acc.mfa.enabled == true
	acc.mfa.method
} else := "no MFA method"

findings contains f if {
	some f in result.check(
		"R2", sprintf("every privileged account uses a phishing-resistant factor (%s)", [concat(", ", sort(_methods))]),
		_r2_population, _r2_items,
	)
}

# --- R3: identity provider lockout and session settings.

_days := input.params.config_scan_days

_idp_types := {"idp"}

_providers_p contains asset if {
	some t in records.of("TestRun")
	t.test_type == "idp"
	dates.within(t.performed_on, input.params.lookback_days)
	some asset in tech.named(t)
}

# _idx indexes the results of the idp runs.
_idx := tech.index(_idp_types)

# _last maps a provider to its latest idp run.
_last := {ref: tech.last_run_in(_idx, ref) | some ref in _providers}

_cutoff := dates.cutoff(_days)

_r3_population := _providers

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_providers) == 0
	msg := sprintf(
		"no idp TestRun in the %d days before %s (lookback_days): export the identity provider settings regularly",
		[input.params.lookback_days, input.as_of],
	)
}

_r3_items_p contains result.fail("R3", msg, [_last[ref].ref]) if {
	some ref in _providers
	not dates.since(_last[ref].on, _cutoff)
	msg := sprintf(
		"the latest settings export of %s, %s, is from %s, more than %d days ago (config_scan_days): export it again",
		[ref, _last[ref].ref, _last[ref].on, _days],
	)
}

_settings := {
	"lockout": `^lockout_threshold`,
	"session": `^session_`,
}

# _results are the results of a setting about a provider in its latest idp run.
_results(ref, setting) := {o |
	some o in tech.latest_in(_idx, ref, _settings[setting])
	o.run == _last[ref].ref
}

_setting_problem(ref, setting) := "no check reports it" if {
	count(_results(ref, setting)) == 0
} else := tech.describe(bad) if {
	bad := tech.failing(_results(ref, setting))
	count(bad) > 0
} else := sprintf("%s allows more than lockout_threshold (%d) attempts", [
	concat(", ", sort(loose)),
	input.params.lockout_threshold,
]) if {
	setting == "lockout"
	loose := {o.check_id | some o in _results(ref, setting); not _lockout_ok(o.check_id)}
	count(loose) > 0
}

_lockout_ok(check_id) if tech.limit(check_id) <= input.params.lockout_threshold

_r3_items_p contains result.fail("R3", msg, [_last[ref].ref]) if {
	some ref in _providers
	dates.since(_last[ref].on, _cutoff)
	some setting, _ in _settings
	problem := _setting_problem(ref, setting)
	msg := sprintf("%s does not show a compliant %s setting in %s: %s; fix the identity provider settings", [
		ref, setting, _last[ref].ref, problem,
	])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every identity provider shows lockout within %d attempts and a session limit in an export of the last %d days",
			[input.params.lockout_threshold, _days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_providers := _providers_p

_r3_items := _r3_items_p
