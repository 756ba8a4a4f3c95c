# METADATA
# title: Working in secure areas
# description: >-
#   Secure zones have current written rules for working in them, everyone whose badge opens a
#   secure zone accepted those rules, and the facilities or security role attests from spot
#   checks, for a limited time, that the rules are followed.
# scope: package
# custom:
#   control: iso27001:A.7.6
#   class: b
#   evidence: [ManagementSystem, Site, Document, Account, Acknowledgement, Attestation, Person, Supplier]
#   rules:
#     R1: >-
#       Every zone of level secure at an in-scope Site that is not inherited has current rules - the
#       Document its rules field names, or a current later version of it; when the zone names none, a
#       current Document with topic secure-area-rules.
#     R2: >-
#       Every enabled human Account in the entry_system of such a Site, whose entitlements name a
#       secure zone of the Site (or that lists no entitlements, so opens every zone), is held by a
#       Person who acknowledged that zone's current rules or an earlier version of them.
#     R3: >-
#       Every in-scope Site that is not inherited and has a secure zone, and every inherited Site,
#       is inherited from a certified operator or has a current Attestation of iso27001:A.7.6
#       covering it by a holder of Role/facilities-lead or Role/isms-manager.
#   decisions:
#     - Badge entitlements are matched to zones by the zone name; an account without entitlements is
#       taken to open every zone, so it cannot escape R2.
#     - Any acknowledgement type of the rules document counts (the model expects secure-area-rules);
#       no grace period applies, as a badge should only be issued after the rules are accepted.
#     - Zones whose rules cannot be resolved fail R1 and are left out of R2.
#     - The model names no attesting role for R3; the physical attesters are accepted.
package annexa.iso27001.a7_6

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.7.6"

# _secure maps the field of each secure zone of a local site (Site/id#zones.i) to its site and zone.
_secure := {records.at(records.get(ref), sprintf("zones.%d", [i])): {"site": ref, "zone": physical.zones(ref)[i]} |
	some ref, idx in physical.secure_zones
	some i in idx
}

# _current_versions maps a Document ref to the current documents that are it or supersede it.
_current_versions := {k: vs |
	some k in {x[0] | some x in _current_versions_rows}
	vs := {x[1] | some x in _current_versions_rows; x[0] == k}
}

_current_versions_rows := {[old, records.ref(d)] |
	some d in records.of("Document")
	docs.current(d)
	some old in physical.chain(records.ref(d))
}

_topic_rules := {records.ref(d) |
	some d in records.of("Document")
	object.get(d, "topic", "") == "secure-area-rules"
	docs.current(d)
}

_rules(z) := object.get(_current_versions, z.rules, set()) if z.rules

_rules(z) := _topic_rules if not z.rules

# --- R1: current rules for every secure zone.

_r1_population := {zref | some zref, _ in _secure}

_r1_items_p contains result.fail("R1", msg, [concat(".", [zref, "rules"])]) if {
	some zref, x in _secure
	count(_rules(x.zone)) == 0
	msg := sprintf(
		"%s: secure zone %s has no current rules (rules: %s): publish and approve the rules for working in it",
		[zref, x.zone.name, object.get(x.zone, "rules", "none, and no current secure-area-rules document")],
	)
}

findings contains f if {
	some f in result.check("R1", "every secure zone has current rules for working in it", _r1_population, _r1_items)
}

# --- R2: badge holders of secure zones acknowledged the rules.

# _access maps an Account ref to the secure zone fields (with rules) its badge opens.
_access := {k: vs |
	some k in {x[0] | some x in _access_rows}
	vs := {x[1] | some x in _access_rows; x[0] == k}
}

_access_rows := {[aref, zref] |
	some zref, x in _secure
	count(_rules(x.zone)) > 0
	system := records.get(x.site).entry_system
	some aref in object.get(access.active_by_system, system, set())
	acc := records.get(aref)
	acc.account_type == "human"
	acc.holder
	_opens(acc, x.zone)
}

_opens(acc, _) if count(object.get(acc, "entitlements", [])) == 0

_opens(acc, zone) if zone.name in acc.entitlements

_r2_population := {aref | some aref, _ in _access}

_accepted(holder, x) if {
	some d in _rules(x.zone)
	_acknowledged_doc(holder, d)
}

_r2_items_p contains result.fail("R2", msg, [aref]) if {
	some aref, zrefs in _access
	acc := records.get(aref)
	some zref in zrefs
	x := _secure[zref]
	not _accepted(acc.holder, x)
	msg := sprintf(
		"%s lets %s into secure zone %s (%s), but they have not acknowledged %s: have them accept the rules",
		[aref, acc.holder, x.zone.name, zref, physical.short(_rules(x.zone))],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "everyone whose badge opens a secure zone acknowledged its rules",
		_r2_population, _r2_items,
	)
}

# --- R3: rules followed, attested.

_r3_population := {ref | some ref, _ in physical.secure_zones} | physical.inherited

_r3_items_p contains result.fail("R3", physical.gap(_control, ref), [ref]) if {
	some ref in _r3_population
	not physical.covered(_control, ref)
}

findings contains f if {
	some f in result.check(
		"R3", "at every site with secure zones the rules are attested as followed, or inherited from a certified operator",
		_r3_population, _r3_items,
	)
}

# _acknowledged_doc is physical.acknowledged(person, doc): the person signed an Acknowledgement
# of the document or of an earlier version of it by the as-of date. The signatures are read once
# into a set of [Document ref, Person ref] pairs.
_acknowledged_doc(person, doc) if {
	some d in physical.chain(doc)
	[d, person] in _signed
}

_signed := {[a.document, a.person] | some a in records.of("Acknowledgement"); dates.visible(a.signed_on)}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
