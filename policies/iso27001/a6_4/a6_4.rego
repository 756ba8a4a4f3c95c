# METADATA
# title: Disciplinary process
# description: >-
#   A disciplinary process for breaches of the security rules is documented, kept current and
#   made known to everyone through a handbook or policy they acknowledge; the HR function
#   attests, for a limited time, that the process was applied to confirmed violations (case
#   files stay out of the evidence bundle).
# scope: package
# custom:
#   control: iso27001:A.6.4
#   class: b
#   evidence: [Document, Acknowledgement, Person, Attestation]
#   rules:
#     R1: >-
#       A current Document describes the disciplinary process (topic disciplinary or
#       disciplinary-process, or content_flags.disciplinary_process true); it is covered by a
#       document people acknowledge (itself when requires_acknowledgement is true, or a current
#       policy or topic policy with requires_acknowledgement true that lists it in
#       related_documents); and every active person acknowledged a covering document or an earlier
#       version of it. People who started at most ack_grace_days ago are not counted.
#     R2: >-
#       A current Attestation of iso27001:A.6.4 by a holder of the HR role (Role/hr-lead or
#       Role/people-ops) states that the process was applied to confirmed violations; it is valid
#       at as-of, no longer than attestation_max_days, and its exceptions are handled.
#   decisions:
#     - The model names the HR role without an id; role ids are the organisation's, so R2 accepts
#       Role/hr-lead and Role/people-ops (the example bundle's people and HR lead). A parameter for
#       attesting roles per control would remove this guess.
#     - R1 accepts an acknowledgement of any version of the covering document; whether people
#       acknowledged its current major version is measured by A.5.1 R4 for all policies.
#     - The attestation's scope is not restricted (the process covers the whole organisation).
package annexa.iso27001.a6_4

import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso27001:A.6.4"

_hr_roles := {"Role/hr-lead", "Role/people-ops"}

# --- R1: a current disciplinary process, covered by an acknowledged document.

_describes_process(d) if object.get(d, "topic", "") in {"disciplinary", "disciplinary-process"}

_describes_process(d) if d.content_flags.disciplinary_process == true

_process_docs_p contains records.ref(d) if {
	some d in records.of("Document")
	_describes_process(d)
	docs.current(d)
}

# _covering is the set of current documents people acknowledge that carry the process.
_covering_p contains ref if {
	some ref in _process_docs
	records.get(ref).requires_acknowledgement == true
}

_covering_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type in {"policy", "topic-policy"}
	d.requires_acknowledgement == true
	some rel in object.get(d, "related_documents", [])
	rel in _process_docs
	docs.current(d)
}

_counted_p contains p if {
	some p in people.active_refs
	not physical.newcomer(p)
}

_acknowledged(p) if {
	some d in _covering
	_acknowledged_doc(p, d)
}

_missing := {p | some p in _counted; not _acknowledged(p)}

_r1_population := (_process_docs | _counted) | {ops.isms_ref | count(_process_docs) == 0}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_process_docs) == 0
	msg := sprintf(
		"no current Document describes the disciplinary process at %s: %s",
		[input.as_of, "publish and approve one (topic disciplinary-process, or content_flags.disciplinary_process)"],
	)
}

_r1_items_p contains result.fail("R1", msg, _process_docs) if {
	count(_process_docs) > 0
	count(_covering) == 0
	msg := sprintf(
		"%s describe the disciplinary process, but no document people acknowledge carries it: %s",
		[physical.short(_process_docs), "require acknowledgement of it or link it from an acknowledged policy"],
	)
}

_r1_items_p contains result.fail("R1", msg, _covering | _missing) if {
	count(_covering) > 0
	count(_missing) > 0
	msg := sprintf(
		"%s, which carry the disciplinary process, are not acknowledged by %d of %d active people: have %s acknowledge it",
		[physical.short(_covering), count(_missing), count(_counted), physical.short(_missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "a current disciplinary process is carried by a document every active person acknowledged",
		_r1_population, _r1_items,
	)
}

# --- R2: the HR role attests that the process was applied.

_attestations := attest.current(_control, _hr_roles, "")

_r2_refs := _attestations if count(_attestations) > 0

_r2_refs := object.get(attest.for_control, _control, {ops.isms_ref}) if count(_attestations) == 0

findings contains f if {
	some f in result.require(
		"R2", count(_attestations) > 0,
		sprintf(
			"%s attest that the disciplinary process was applied to confirmed violations",
			[physical.short(_attestations)],
		),
		sprintf(
			"no current attestation by %s that the disciplinary process was applied (%s): %s",
			[concat(" or ", sort(_hr_roles)), attest.why_not(_control, _hr_roles, ""), "have the HR role attest it"],
		),
		_r2_refs,
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
_process_docs := _process_docs_p

_covering := _covering_p

_counted := _counted_p

_r1_items := _r1_items_p
