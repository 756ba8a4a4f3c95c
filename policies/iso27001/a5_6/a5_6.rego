# METADATA
# title: Contact with special interest groups
# description: >-
#   The organisation stays in touch with security forums, professional associations and similar
#   groups: it keeps at least the number of such contacts it has set itself, each with an active
#   owner, checks them regularly, and can show that it actually took part in a group during the
#   year.
# scope: package
# custom:
#   control: iso27001:A.5.6
#   class: a
#   evidence: [CommsChannel, Activity, Person, ManagementSystem]
#   rules:
#     R1: >-
#       At least min_sig_contacts CommsChannels with direction outbound and channel_type
#       special-interest-group have an owner who is an active Person.
#     R2: >-
#       Every outbound special-interest-group channel has a latest test that is ok and lies within
#       contact_verify_days.
#     R3: >-
#       When the organisation keeps special-interest-group channels, at least one Activity of type
#       sig-participation was performed within contact_verify_days.
#   decisions:
#     - R1 asks for an active owner, since a contact owned by someone who left is not maintained.
#       With min_sig_contacts 0 the rule passes with no channels.
#     - R2 uses the same test of a channel as 5.5 R2 and 5.24 R3 (the latest test must be ok).
#     - R3 is optional in the model behind a parameter that neither the parameter table nor the
#       schema defines. It is therefore decided whenever special-interest-group channels exist and
#       is not exercised when there are none. The model's fixed 365 days is read from
#       contact_verify_days (default 365), as rules take thresholds only from parameters.
package annexa.iso27001.a5_6

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_groups_p contains records.ref(c) if {
	some c in records.of("CommsChannel")
	c.channel_type == "special-interest-group"
	c.direction == "outbound"
}

# --- R1: enough owned contacts.

_owner_active(c) if people.active_ref(c.owner)

_owned := {ref | some ref in _groups; _owner_active(records.get(ref))}

_r1_refs := _owned if count(_owned) > 0

_r1_refs := _groups | {ops.isms_ref} if count(_owned) == 0

findings contains f if {
	some f in result.require(
		"R1", count(_owned) >= input.params.min_sig_contacts,
		sprintf(
			"%d special-interest-group contact(s) have an active owner, at least min_sig_contacts (%d)",
			[count(_owned), input.params.min_sig_contacts],
		),
		sprintf(
			"%d outbound special-interest-group channel(s) have an active owner (%s), fewer than min_sig_contacts (%d): %s",
			[
				count(_owned), org.listing(_owned), input.params.min_sig_contacts,
				"record the groups you keep in touch with and name an active owner for each",
			],
		),
		_r1_refs,
	)
}

# --- R2: each contact tested within contact_verify_days.

_verified(c) if org.channel_verified(c, input.params.contact_verify_days)

_r2_items_p contains result.fail("R2", msg, [records.at(c, "tests")]) if {
	some ref in _groups
	c := records.get(ref)
	not _verified(c)
	msg := sprintf(
		"%s has no successful check within %d days (contact_verify_days) of %s (latest test: %s): %s",
		[ref, input.params.contact_verify_days, input.as_of, org.latest_test(c), "check the contact and record the result"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every special-interest-group contact was checked within %d days", [input.params.contact_verify_days]),
		_groups, _r2_items,
	)
}

# --- R3: participation in a group within the year.

_participation_p contains dates.day(a.performed_on) if {
	some a in records.of("Activity")
	a.activity_type == "sig-participation"
	dates.visible(a.performed_on)
}

_participated if dates.within(dates.latest(_participation), input.params.contact_verify_days)

_last_participation := dates.latest(_participation)

_last_participation := "never" if count(_participation) == 0

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_groups) > 0
	not _participated
	msg := sprintf(
		"no participation in a special interest group (Activity sig-participation) within %d days (%s) of %s (last: %s): %s",
		[
			input.params.contact_verify_days, "contact_verify_days", input.as_of, _last_participation,
			"take part and record it",
		],
	)
}

_r3_population_p contains records.ref(a) if {
	some a in records.of("Activity")
	a.activity_type == "sig-participation"
	dates.within(a.performed_on, input.params.contact_verify_days)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"the organisation took part in a special interest group within %d days",
			[input.params.contact_verify_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_groups := _groups_p

_r2_items := _r2_items_p

_participation := _participation_p

_r3_items := _r3_items_p

_r3_population := _r3_population_p
