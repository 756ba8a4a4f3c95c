# METADATA
# title: Physical sites and rules of conduct
# description: >-
#   Which sites the information security management system covers (boundaries.sites of the
#   iso27001:2022 ManagementSystem), which of them we run ourselves and which a supplier runs,
#   which supplier-run sites are inherited from an operator with a current certification, the
#   secure zones of the sites we must evidence locally, attestations of a physical control per
#   site, and whether a person acknowledged a set of rules (any version of a document chain).
# scope: package
package annexa.lib.physical

import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.records
import rego.v1

_isms_p contains ms if {
	some ms in records.of("ManagementSystem")
	ms.standard == "iso27001:2022"
}

# _declares_sites holds when an ISMS record states its sites, even as an empty list.
_declares_sites if {
	some ms in _isms
	is_array(ms.boundaries.sites)
}

_declared_p contains s if {
	some ms in _isms
	some s in ms.boundaries.sites
}

# sites is the set of Site refs in scope: the boundaries.sites of the ISMS; when no ISMS record
# states its sites, every Site record of the bundle (so that a missing scope hides nothing).
sites := _declared if _declares_sites

sites := {records.ref(s) | some s in records.of("Site")} if not _declares_sites

# operator returns self or the Supplier ref that runs a site; a site listed in scope without a
# Site record counts as self-operated, so it needs local evidence.
operator(ref) := object.get(records.get(ref), "operated_by", "self") if records.exists(ref)

operator(ref) := "self" if not records.exists(ref)

# self_operated is the set of in-scope sites we run ourselves.
_self_operated_p contains ref if {
	some ref in sites
	operator(ref) == "self"
}

# hosted is the set of in-scope sites a supplier runs (colocation, cloud region, co-working).
_hosted_p contains ref if {
	some ref in sites
	operator(ref) != "self"
}

# inherited is the set of hosted sites whose operator holds a current certification covering
# the service (valid at as-of or within supplier_cert_grace_days after it ended).
_inherited_p contains ref if {
	some ref in hosted
	attest.inherited(records.get(ref))
}

# local is the set of in-scope sites that need local evidence: self-operated ones and hosted
# ones whose operator has no current certification.
local := sites - inherited

# zones returns the zones of a site (empty when the site has no record or declares none).
zones(ref) := object.get(records.get(ref), "zones", []) if records.exists(ref)

zones(ref) := [] if not records.exists(ref)

# secure_zones maps each local site to the indexes of its zones at level secure.
secure_zones := {ref: idx |
	some ref in local
	idx := {i | some i, z in zones(ref); z.level == "secure"}
	count(idx) > 0
}

# measures returns every measure listed in any zone of a site.
measures(ref) := {m | some z in zones(ref); some m in object.get(z, "measures", [])}

# attesters are the roles whose holders may attest physical controls: the facilities role that
# inspects sites, and the information security manager.
attesters := {"Role/facilities-lead", "Role/isms-manager"}

# attesters_text names the attesting roles for messages.
attesters_text := concat(" or ", sort(attesters))

# attested returns the refs of the valid attestations of a control made by an attesting role
# that cover a site.
attested(control, ref) := attest.current(control, attesters, ref)

# covered holds when a site's part of a control is inherited or attested.
covered(_, ref) if ref in inherited

covered(control, ref) if count(attested(control, ref)) > 0

# why_not explains why a site has no attestation of a control.
why_not(control, ref) := attest.why_not(control, attesters, ref)

# gap says, in one sentence, why a site's part of a control is not evidenced and what to do.
gap(control, ref) := msg if {
	operator(ref) == "self"
	msg := sprintf(
		"%s is run by us and has no current attestation of %s by %s (%s): inspect it and record an Attestation",
		[ref, control, attesters_text, why_not(control, ref)],
	)
} else := sprintf(
	concat("", [
		"%s is run by %s, which has no certification covering the service valid at %s or within ",
		"supplier_cert_grace_days (%d) after it ended, and no attestation of %s covers the site (%s): ",
		"obtain the operator's current certificate or attest the site locally",
	]),
	[ref, operator(ref), input.as_of, input.params.supplier_cert_grace_days, control, why_not(control, ref)],
)

# active_supplier holds when a Supplier ref names a supplier whose relationship is running on date d.
active_supplier(ref, d) if {
	s := records.get(ref)
	s.relationship.start_on <= d
	not _supplier_ended(s, d)
}

_supplier_ended(s, d) if s.relationship.end_on <= d

# --- Acknowledgement of rules (remote working, clear desk, secure areas, disciplinary process).

# _versions links every Document to the one it supersedes (or to nothing), so a version chain
# is walked with graph.reachable; every document is a node, so the oldest one is reached too.
_versions := {records.ref(d): _supersedes(d) | some d in records.of("Document")}

_supersedes(d) := [d.supersedes] if d.supersedes

_supersedes(d) := [] if not d.supersedes

# chain returns a Document ref with every earlier version it supersedes.
chain(doc) := {doc} | graph.reachable(_versions, {doc})

# _acks maps a Document ref to the people who signed a visible Acknowledgement of it.
_acks := {doc: signers |
	some doc in {x[0] | some x in _acks_rows}
	signers := {x[1] | some x in _acks_rows; x[0] == doc}
}

_acks_rows := {[a.document, a.person] |
	some a in records.of("Acknowledgement")
	dates.visible(a.signed_on)
}

# acknowledged holds when a person signed an Acknowledgement of a document or of any earlier
# version of it by the as-of date.
acknowledged(person, doc) if {
	some d in chain(doc)
	person in object.get(_acks, d, set())
}

# acknowledgers returns the people who signed an Acknowledgement of a document or of any
# earlier version of it by the as-of date: acknowledged(p, doc) holds exactly for them. A policy
# that asks about many people computes it once per document, in a complete rule; it reads the
# Acknowledgement records once and builds no index of every document.
acknowledgers(doc) := {a.person |
	docs := chain(doc)
	some a in records.of("Acknowledgement")
	a.document in docs
	substring(a.signed_on, 0, 10) <= input.as_of
}

# newcomer holds when a person started at most ack_grace_days before the as-of date (on or after
# the cutoff day, compared as strings).
newcomer(person) if _ack_cutoff <= substring(records.get(person).start_date, 0, 10)

_ack_cutoff := dates.cutoff(input.params.ack_grace_days)

# short lists at most five refs for a message and says how many more there are.
short(s) := concat(", ", sort(s)) if count(s) <= 5

short(s) := sprintf("%s and %d more", [concat(", ", array.slice(sort(s), 0, 5)), count(s) - 5]) if count(s) > 5

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_isms := _isms_p

_declared := _declared_p

self_operated := _self_operated_p

hosted := _hosted_p

inherited := _inherited_p
