# METADATA
# title: Authentication information
# description: >-
#   Passwords, keys and other secrets are handled under rules people have accepted: an approved
#   authentication policy is acknowledged by its audience, the identity provider enforces the
#   minimum password length and an account lockout, service credentials are replaced on schedule,
#   and leaked secrets are dealt with within the set deadline.
# scope: package
# custom:
#   control: iso27001:A.5.17
#   class: a
#   evidence: [Document, Acknowledgement, Person, TestRun, Account, Finding, Exception, ManagementSystem]
#   rules:
#     R1: >-
#       A current Document (published, approved for its version, not superseded) with topic
#       authentication exists, and for each such document at least ack_coverage_pct percent of the
#       active people in its audience acknowledged its current major version, counted as in 5.1 R4.
#     R2: >-
#       An identity-provider settings export exists (TestRun of test_type idp); for each distinct scope,
#       the latest run lies within config_scan_days and has a passing result whose check_id states the
#       minimum password length N (password_min_length_ge_N or min_password_length_N) with N at least
#       min_password_length, and a passing result whose check_id states the lockout threshold N
#       (lockout_threshold_le_N or lockout_threshold_max_N) with N at most lockout_threshold.
#     R3: >-
#       Every Account of account_type service enabled at as-of had its credential replaced
#       (credential_rotated_on, or created_on when never rotated) within key_rotation_days.access_keys,
#       or is named by an Exception in force; a rotation due within at_risk_days is at risk.
#     R4: >-
#       No Finding of finding_type secret that is open at as-of (first seen by as-of, not resolved by
#       as-of) is past first_seen_on + secret_sla_days; one due within at_risk_days is at risk.
#   decisions:
#     - R1 takes the authentication policy to be any current Document on the topic authentication, and
#       counts acknowledgements for it whatever its requires_acknowledgement says, as the rule asks.
#     - R2 has no numeric field to read in TestRun results, so the setting is encoded in the check id,
#       following the model's example screen_lock_minutes_le_15 and the example bundle
#       (min_password_length_14, lockout_threshold_max_10); the accepted spellings are
#       [min_]password_[min_]length[_ge|_min|_at_least]_N and lockout_threshold[_le|_max|_at_most]_N. A
#       check proves the setting only when it passes and its number is at least as strict as the
#       parameter. Runs are grouped by scope so that each identity provider is
#       judged on its own latest export, and the export must be fresh (config_scan_days), as a stale
#       export proves nothing about today's settings.
#     - R3 treats accounts of type service as the holders of service credentials; break-glass and shared
#       accounts are left to 5.15 and 8.2.
#     - R4 accepts no Exception, as the rule states none and a leaked secret has to be replaced; secrets
#       fixed late are not reported here (8.28 R3 covers the history).
#     - An Exception counts when approved by as-of, not expired, valid for at most exception_max_days,
#       and approved by someone other than the requester who held one of exception_approver_roles.
package annexa.iso27001.a5_17

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current authentication policy, acknowledged by its audience.

_policies := org.current_docs("authentication")

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_policies) == 0
	msg := sprintf(
		"no current authentication policy at %s: publish a Document with topic authentication and approve its version",
		[input.as_of],
	)
}

_r1_items_p contains f if some f in org.ack_items("R1", _policies)

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"a current authentication policy is in force and at least %v%% of its audience acknowledged it",
			[input.params.ack_coverage_pct],
		),
		_policies, _r1_items,
	)
}

# --- R2: identity-provider password length and lockout settings.

_scope_key(t) := concat(",", sort(t.scope))

_idp_p contains t if {
	some t in records.of("TestRun")
	t.test_type == "idp"
	dates.visible(t.performed_on)
}

# _latest_day maps each scope of identity-provider exports to the day of its latest export.
_latest_day := {key: day |
	some key in {_scope_key(t) | some t in _idp}
	day := dates.latest({t.performed_on | some t in _idp; k := _scope_key(t); k == key})
}

_r2_population_p contains records.ref(t) if {
	some t in _idp
	dates.day(t.performed_on) == _latest_day[_scope_key(t)]
}

# _length_pattern and _lockout_pattern match the check ids that carry a setting; the number is the
# last group (password_min_length_ge_14, min_password_length_14; lockout_threshold_le_10,
# lockout_threshold_max_10).
_length_pattern := `^(min_)?password_(min_)?length(_ge|_min|_at_least)?_([0-9]+)$`

_lockout_pattern := `^lockout_threshold(_le|_max|_at_most)?_([0-9]+)$`

# _setting returns the numbers stated by the passing checks of a run whose id matches pattern.
_setting(t, pattern) := {to_number(m[count(m) - 1]) |
	some r in object.get(t, "results", [])
	r.status == "pass"
	some m in regex.find_all_string_submatch_n(pattern, r.check_id, 1)
}

_length_ok(t) if {
	some n in _setting(t, _length_pattern)
	n >= input.params.min_password_length
}

_lockout_ok(t) if {
	some n in _setting(t, _lockout_pattern)
	n <= input.params.lockout_threshold
}

_exported_recently(t) if dates.within(t.performed_on, input.params.config_scan_days)

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_idp) == 0
	msg := sprintf(
		"no identity-provider settings export (TestRun of type idp) by %s: export the password and lockout settings",
		[input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	t := records.get(ref)
	not _exported_recently(t)
	msg := sprintf(
		"the latest identity-provider export %s ran on %s, more than %d days (config_scan_days) before %s: export again",
		[ref, dates.day(t.performed_on), input.params.config_scan_days, input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(t, "results")]) if {
	some ref in _r2_population
	t := records.get(ref)
	not _length_ok(t)
	msg := sprintf(
		"%s shows no passing check that passwords need at least %d characters (min_password_length; %s): %s",
		[
			ref, input.params.min_password_length, "a passing password_min_length_ge_N check with N at least that",
			"raise the minimum length in the identity provider and export again",
		],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(t, "results")]) if {
	some ref in _r2_population
	t := records.get(ref)
	not _lockout_ok(t)
	msg := sprintf(
		"%s shows no passing check that accounts lock after at most %d failed sign-ins (lockout_threshold; %s): %s",
		[
			ref, input.params.lockout_threshold, "a passing lockout_threshold_le_N with N at most that",
			"set the lockout in the identity provider and export again",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"the identity provider enforces passwords of at least %d characters and a lockout after %d failures",
			[input.params.min_password_length, input.params.lockout_threshold],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: service credentials rotated within key_rotation_days.access_keys.

_r3_population_p contains records.ref(acc) if {
	some acc in records.of("Account")
	acc.account_type == "service"
	access.active(acc)
}

_rotated(acc) := dates.latest({acc.created_on} | {d | d := acc.credential_rotated_on})

_rotation_due(acc) := dates.add_days(_rotated(acc), input.params.key_rotation_days.access_keys)

_ever_rotated(acc) if dates.visible(acc.credential_rotated_on)

_history(acc) := sprintf("was last rotated on %s", [_rotated(acc)]) if _ever_rotated(acc)

_history(acc) := sprintf("was created on %s and never rotated", [_rotated(acc)]) if not _ever_rotated(acc)

_r3_items_p contains result.fail("R3", msg, [records.at(acc, "credential_rotated_on")]) if {
	some ref in _r3_population
	acc := records.get(ref)
	_rotation_due(acc) < input.as_of
	not org.excepted({ref})
	msg := sprintf(
		"%s (service, %s) %s, more than %d days (key_rotation_days.access_keys) ago: %s",
		[
			ref, acc.system, _history(acc), input.params.key_rotation_days.access_keys,
			"rotate the credential or record an Exception",
		],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.at(acc, "credential_rotated_on")]) if {
	some ref in _r3_population
	acc := records.get(ref)
	ops.due_soon(_rotation_due(acc))
	not org.excepted({ref})
	msg := sprintf("the credential of %s (service, %s) is due for rotation by %s", [ref, acc.system, _rotation_due(acc)])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every service credential was rotated within %d days or is covered by an exception",
			[input.params.key_rotation_days.access_keys],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: leaked secrets dealt with within secret_sla_days.

_resolved(f) if dates.visible(f.resolved_on)

_r4_population_p contains records.ref(f) if {
	some f in records.of("Finding")
	f.finding_type == "secret"
	dates.visible(f.first_seen_on)
	not _resolved(f)
}

_secret_due(f) := dates.add_days(f.first_seen_on, input.params.secret_sla_days)

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _r4_population
	f := records.get(ref)
	_secret_due(f) < input.as_of
	msg := sprintf(
		"%s (leaked secret on %s, first seen %s) is still open, past its deadline %s (secret_sla_days %d): %s",
		[ref, f.asset, f.first_seen_on, _secret_due(f), input.params.secret_sla_days, "revoke and replace the secret"],
	)
}

_r4_items_p contains result.at_risk("R4", msg, [ref]) if {
	some ref in _r4_population
	f := records.get(ref)
	ops.due_soon(_secret_due(f))
	msg := sprintf("%s (leaked secret on %s) must be dealt with by %s", [ref, f.asset, _secret_due(f)])
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("no leaked secret is open past %d day(s)", [input.params.secret_sla_days]),
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_idp := _idp_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_r4_items := _r4_items_p
