# METADATA
# title: Contact with authorities
# description: >-
#   The organisation knows how to reach every authority its legal duties point to: each duty to
#   notify an authority is tied to a maintained outbound contact with an active owner, each such
#   contact has been tested recently, and the incident-response plan lists them so responders find
#   them when it matters.
# scope: package
# custom:
#   control: iso27001:A.5.5
#   class: a
#   evidence: [LegalRequirement, CommsChannel, Document, Person]
#   rules:
#     R1: >-
#       Every obligation of a LegalRequirement that names an authority, and every breach-notification
#       or ai-reporting obligation of a statutory or regulatory requirement, names in authority a
#       CommsChannel that exists, has direction outbound and channel_type authority, and whose owner
#       is an active Person.
#     R2: >-
#       Every authority channel (each CommsChannel with channel_type authority and each channel named
#       by an obligation in R1) exists and its latest test is ok and lies within contact_verify_days.
#     R3: >-
#       Every authority channel of R2 is listed by a current incident-response plan (Document with
#       doc_type plan and topic incident-response): in the plan's links, in the links of a Document
#       the plan names in related_documents, or by the channel's published_in naming the plan.
#   decisions:
#     - Statutory and regulatory duties to notify a breach or report on AI are taken to be duties
#       towards an authority even when the obligation names none, so a missing authority fails
#       instead of hiding the duty; contractual notices (to customers) need no authority.
#     - R1 asks for an active owner, since a contact owned by someone who left is not maintained.
#     - A channel counts as verified only when its most recent test is ok, as in 5.24 R3; a later
#       failed test cancels an earlier success.
#     - R3 fails once, naming the ManagementSystem, when there are authority channels but no current
#       incident-response plan; the plan itself is checked by 5.24 R1.
package annexa.iso27001.a5_5

import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: duties towards authorities tied to an owned outbound authority channel.

_needs_authority(_, o) if o.authority

_needs_authority(l, o) if {
	l.type in {"statutory", "regulatory"}
	o.type in {"breach-notification", "ai-reporting"}
}

# _duties maps a ref to an obligation field to its requirement and the obligation.
_duties := {ref: [l, o] |
	some l in records.of("LegalRequirement")
	some i, o in object.get(l, "obligations", [])
	_needs_authority(l, o)
	ref := records.at(l, sprintf("obligations.%d", [i]))
}

_r1_population := {ref | some ref, _ in _duties}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref, [l, o] in _duties
	not o.authority
	msg := sprintf(
		"%s: the %s obligation of %s (%s) names no authority channel: link the outbound authority CommsChannel used",
		[ref, o.type, records.ref(l), l.type],
	)
}

_r1_items_p contains result.fail("R1", msg, [concat(".", [ref, "authority"])]) if {
	some ref, [_, o] in _duties
	not records.exists(o.authority)
	msg := sprintf(
		"%s names %s as its authority, but no such record exists: add it or fix the reference",
		[ref, o.authority],
	)
}

_owner_active(c) if people.active_ref(c.owner)

_authority_channel(c) if {
	c.channel_type == "authority"
	c.direction == "outbound"
}

_r1_items_p contains result.fail("R1", msg, [concat(".", [ref, "authority"])]) if {
	some ref, [_, o] in _duties
	c := records.get(o.authority)
	not _authority_channel(c)
	msg := sprintf(
		"%s names %s as its authority, which is a %s %s channel: name an outbound channel of type authority",
		[ref, o.authority, c.direction, c.channel_type],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "owner")]) if {
	some ref, [_, o] in _duties
	c := records.get(o.authority)
	not _owner_active(c)
	msg := sprintf(
		"%s, the authority channel of %s, has no active owner (owner: %s): name the person who keeps it current",
		[o.authority, ref, object.get(c, "owner", "none")],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every duty towards an authority names an owned outbound authority channel",
		_r1_population, _r1_items,
	)
}

# --- R2: authority channels tested within contact_verify_days.

_channels_p contains records.ref(c) if {
	some c in records.of("CommsChannel")
	c.channel_type == "authority"
}

_channels_p contains o.authority if {
	some [_, o] in _duties
	is_string(o.authority)
}

_verified(c) if org.channel_verified(c, input.params.contact_verify_days)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _channels
	not records.exists(ref)
	msg := sprintf("%s is named as an authority contact but no such record exists: add it or fix the reference", [ref])
}

_r2_items_p contains result.fail("R2", msg, [records.at(c, "tests")]) if {
	some ref in _channels
	c := records.get(ref)
	not _verified(c)
	msg := sprintf(
		"%s has no successful test within %d days (contact_verify_days) of %s (latest test: %s): %s",
		[ref, input.params.contact_verify_days, input.as_of, org.latest_test(c), "test the contact and record the result"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every authority contact was tested successfully within %d days", [input.params.contact_verify_days]),
		_channels, _r2_items,
	)
}

# --- R3: the incident-response plan lists the authority channels.

_plans_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type == "plan"
	object.get(d, "topic", "") == "incident-response"
	docs.current(d)
}

_linked(d) := {x | some group in object.get(d, "links", {}); some x in group}

# _listed is the set of refs the current plans list, directly or through a related document.
_listed_p contains x if {
	some p in _plans
	some x in _linked(records.get(p))
}

_listed_p contains x if {
	some p in _plans
	some rel in object.get(records.get(p), "related_documents", [])
	some x in _linked(records.get(rel))
}

_listed_p contains records.ref(c) if {
	some c in records.of("CommsChannel")
	some p in object.get(c, "published_in", [])
	p in _plans
}

_r3_population := {ref | some ref in _channels; records.exists(ref)}

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_r3_population) > 0
	count(_plans) == 0
	msg := sprintf(
		"no current incident-response plan at %s lists the %d authority contacts: publish and approve one that links them",
		[input.as_of, count(_r3_population)],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	count(_plans) > 0
	some ref in _r3_population
	not ref in _listed
	msg := sprintf(
		"%s is not listed by the current incident-response plan (%s): add it to the plan's links",
		[ref, org.listing(_plans)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "the current incident-response plan lists every authority contact",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_channels := _channels_p

_r2_items := _r2_items_p

_plans := _plans_p

_listed := _listed_p

_r3_items := _r3_items_p
