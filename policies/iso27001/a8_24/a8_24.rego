# METADATA
# title: Use of cryptography
# description: >-
#   A current policy governs cryptography and key management; confidential data stores are
#   encrypted at rest, internet-facing systems refuse outdated TLS, our own keys are rotated on
#   schedule and each has a current owner, and no certificate runs into expiry without a change
#   under way to renew it.
# scope: package
# custom:
#   control: iso27001:A.8.24
#   class: a
#   evidence: [Document, Asset, TestRun, ChangeRecord, Person, ManagementSystem]
#   rules:
#     R1: >-
#       A current policy or topic-policy with topic cryptography exists, and key management is
#       covered by a current Document with topic key-management or by a current cryptography
#       policy whose content_flags sets key_management true.
#     R2: >-
#       Every active Asset of type data-store classified confidential or above (in the levels of
#       the current classification scheme) has an encryption-at-rest check within
#       config_scan_days whose latest day shows a pass and no failure.
#     R3: >-
#       Every active internet-facing Asset has a TLS check within config_scan_days whose latest
#       day shows a passing check of a TLS floor at or above min_tls_version and no failed or
#       errored check of a floor at or below it (the verdict shared with 8.21 R2).
#     R4: >-
#       Every active Asset of type key has a key-rotation check within config_scan_days whose
#       latest day shows no failure and a passing check proving rotation at most every
#       key_rotation_days.cmk days.
#     R5: >-
#       No certificate checked within config_scan_days has, on its latest check day, expired, or
#       an expiry date (cert_expires_on:YYYY-MM-DD) within cert_expiry_warning_days, or a failed
#       expiry check, unless, for one not yet expired, a ChangeRecord naming the certificate's
#       Asset in systems was requested (requested_on, else deployed_on) within the last
#       cert_expiry_warning_days days.
#     R6: Every active Asset of type key has an owner who is an active Person.
#   decisions:
#     - The level order comes from the levels list of a current classification policy (topic
#       classification); a level missing from it, or every level but public and internal when
#       no scheme lists confidential, counts as confidential or above, so that an unknown label
#       still needs encryption.
#     - Check ids follow lib/network. Encryption at rest is recognised by encrypt in the check
#       id (transit, transport, tls, ssl and https excluded). A rotation check proves the period
#       in its id (_le_N or _Nd); a plain rotation-enabled check (kms_cmk_rotation_enabled) is
#       taken as the yearly automatic rotation of cloud key services, 365 days.
#     - Every key Asset is treated as customer-managed, since provider-managed keys are not
#       inventoried as our assets.
#     - "A TestRun result has no date field, so a certificate's expiry date is written into the
#       check id (cert_expires_on:2026-12-10), with the certificate or its endpoint as resource.
#       A tool's own expiry check (e.g. acm_certificates_expiration_check) counts as expiring when
#       it fails. An expired certificate fails even with a renewal change, as it is already
#       broken."
#     - A renewal change must name an Asset the certificate resolves to (the resource itself or
#       an Asset whose external id it is); a certificate that is not in the inventory cannot be
#       tied to a change and fails until it is.
#     - Freshness uses config_scan_days (the model says 7 days); R3 duplicates 8.21 R2 on purpose,
#       as the model lists TLS under both controls.
package annexa.iso27001.a8_24

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.network
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_days := input.params.config_scan_days

# --- R1: cryptography and key management policy.

_crypto := object.get(docs.current_by_topic, "cryptography", set())

_key_docs := {records.ref(d) | some d in records.of("Document"); d.topic == "key-management"; docs.current(d)}

_key_in_policy := {ref | some ref in _crypto; records.get(ref).content_flags.key_management == true}

_key_cover := _key_docs | _key_in_policy

_missing_policy := {ops.isms_ref | count(_crypto) == 0} | {ops.isms_ref | count(_key_cover) == 0}

_r1_population := (_crypto | _key_cover) | _missing_policy

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_crypto) == 0
	msg := sprintf(
		"no current cryptography policy on %s: publish and approve a policy or topic-policy with topic cryptography",
		[input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_key_cover) == 0
	msg := sprintf(
		concat("", [
			"key management is not covered on %s: publish a current Document with ",
			"topic key-management or set key_management in the cryptography policy",
		]),
		[input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "current cryptography and key management policies are in force",
		_r1_population, _r1_items,
	)
}

# --- R2: confidential data stores encrypted at rest.

_schemes := [d.levels |
	some ref in object.get(docs.current_by_topic, "classification", set())
	d := records.get(ref)
	"confidential" in object.get(d, "levels", [])
]

_rank(levels, level) := i if {
	some i, l in levels
	l == level
}

_below_confidential(levels, level) if {
	i := _rank(levels, level)
	i < _rank(levels, "confidential")
}

_sensitive(level) if {
	count(_schemes) > 0
	not _below_confidential(_schemes[0], level)
}

_sensitive(level) if {
	count(_schemes) == 0
	not level in {"public", "internal"}
}

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "data-store"
	network.in_use(a)
	_sensitive(a.classification)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in (_r2_population - network.passing("encryption-at-rest", _days))
	problem := network.verdict("encryption-at-rest", ref, _days, "encryption at rest")
	msg := sprintf(
		"%s (classified %s; config_scan_days %d): encrypt it at rest and collect the setting",
		[problem, records.get(ref).classification, _days],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every data store classified confidential or above is encrypted at rest, checked within %d days",
			[_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: TLS floor on internet endpoints.

_r3_items_p contains result.fail("R3", network.tls_problem(ref), [ref]) if {
	some ref in network.internet_facing
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every internet-facing asset refuses TLS below %v in a check of the last %d days",
			[input.params.min_tls_version, _days],
		),
		network.internet_facing, _r3_items,
	)
}

# --- R4: customer-managed keys rotated.

_keys_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "key"
	network.in_use(a)
}

_cmk_days := input.params.key_rotation_days.cmk

_rotated(ref) if {
	some o in network.latest_passed("key-rotation", ref)
	network.rotation_days(o.check_id) <= _cmk_days
}

_r4_problem(ref) := msg if {
	msg := network.verdict("key-rotation", ref, _days, "key rotation")
} else := msg if {
	not _rotated(ref)
	msg := sprintf(
		"%s rotates less often than key_rotation_days.cmk %d in its check of %s (%s)",
		[ref, _cmk_days, network.last_day("key-rotation", ref), network.checks_text(network.latest("key-rotation", ref))],
	)
}

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _keys
	problem := _r4_problem(ref)
	msg := sprintf("%s: rotate the key at least every %d days and collect the setting", [problem, _cmk_days])
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("every customer-managed key is rotated at least every %d days", [_cmk_days]),
		_keys, _r4_items,
	)
}

# --- R5: no certificate runs into expiry without a renewal change.

_warning := input.params.cert_expiry_warning_days

_cert_obs := {o | some t in network.targets["cert-expiry"]; some o in network.observations("cert-expiry", t)}

_by_resource := {k: vs |
	some k in {x[0] | some x in _by_resource_rows}
	vs := {x[1] | some x in _by_resource_rows; x[0] == k}
}

_by_resource_rows := {[o.resource, o] |
	some o in _cert_obs
}

_cert_last := {res: max({o.day | some o in os}) |
	some res, os in _by_resource
}

# _certs maps each certificate checked within config_scan_days to its latest observations.
_certs := {res: {o | some o in os; o.day == _cert_last[res]} |
	some res, os in _by_resource
	dates.within(_cert_last[res], _days)
}

_r5_population := {o.at | some _, os in _certs; some o in os}

_changed := {k: vs |
	some k in {x[0] | some x in _changed_rows}
	vs := {x[1] | some x in _changed_rows; x[0] == k}
}

_changed_rows := {[s, dates.day(d)] |
	some c in records.of("ChangeRecord")
	d := object.get(c, "requested_on", object.get(c, "deployed_on", ""))
	d != ""
	some s in c.systems
}

_renewing(res) if {
	some a in ops.assets_named(res)
	some d in _changed[a]
	dates.within(d, _warning)
}

_expiring(o) := sprintf("expires on %s", [network.expiry(o.check_id)]) if {
	network.expiry(o.check_id) >= input.as_of
	network.expiry(o.check_id) <= dates.add_days(input.as_of, _warning)
}

_expiring(o) := sprintf("fails the expiry check %s", [o.check_id]) if {
	not network.expiry(o.check_id)
	o.status in network.failed
}

_r5_items_p contains result.fail("R5", msg, [o.at]) if {
	some res, os in _certs
	some o in os
	network.expiry(o.check_id) < input.as_of
	msg := sprintf("certificate %s expired on %s (check of %s): replace it now", [res, network.expiry(o.check_id), o.day])
}

_r5_items_p contains result.fail("R5", msg, [o.at]) if {
	some res, os in _certs
	some o in os
	state := _expiring(o)
	not _renewing(res)
	msg := sprintf(
		concat("", [
			"certificate %s %s, within cert_expiry_warning_days %d of %s, and no ",
			"ChangeRecord on its Asset was requested in that window: renew it",
		]),
		[res, state, _warning, input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R5", sprintf("no certificate expires within %d days without a renewal change", [_warning]),
		_r5_population, _r5_items,
	)
}

# --- R6: every key has a current owner.

_r6_items_p contains result.fail("R6", msg, [records.at(a, "owner")]) if {
	some ref in _keys
	a := records.get(ref)
	not people.active_ref(object.get(a, "owner", ""))
	msg := sprintf(
		"%s has no active owner (owner: %s): assign a current owner to the key",
		[ref, object.get(a, "owner", "none")],
	)
}

findings contains f if {
	some f in result.check("R6", "every key has an active owner", _keys, _r6_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_keys := _keys_p

_r4_items := _r4_items_p

_r5_items := _r5_items_p

_r6_items := _r6_items_p
