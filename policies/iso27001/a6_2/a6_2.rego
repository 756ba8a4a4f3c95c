# METADATA
# title: Terms and conditions of employment
# description: >-
#   Everyone working for the organisation accepted, no later than their first day, employment
#   terms or a contractor agreement that state their information security responsibilities.
# scope: package
# custom:
#   control: iso27001:A.6.2
#   class: a
#   evidence: [Person, Acknowledgement, Document]
#   rules:
#     R1: >-
#       Every active Person has an Acknowledgement of ack_type employment-terms or
#       contractor-agreement, signed on or before their start_date, for a Document version whose
#       content_flags.security_responsibilities is true.
#   decisions:
#     - The document version is the Document in the acknowledged document's supersedes chain whose
#       version equals document_version; when the bundle keeps no record of that version, the
#       acknowledged Document record itself is read (templates are often updated in place while
#       people keep the terms they signed).
#     - Either acknowledgement type is accepted for any employment_type; the control asks for the
#       security terms, not for the right contract form.
#     - Only acknowledgements signed by the as-of date count.
package annexa.iso27001.a6_2

import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_types := {"employment-terms", "contractor-agreement"}

# _terms maps a Person ref to the refs of their visible terms acknowledgements.
_terms := {k: vs |
	some k in {x[0] | some x in _terms_rows}
	vs := {x[1] | some x in _terms_rows; x[0] == k}
}

_terms_rows := {[a.person, records.ref(a)] |
	some a in records.of("Acknowledgement")
	a.ack_type in _types
	dates.visible(a.signed_on)
}

# _version_known holds when the bundle has the acknowledged version as a Document record.
_version_known(a) if {
	some ref in physical.chain(a.document)
	records.get(ref).version == a.document_version
}

_states_responsibilities(a) if {
	some ref in physical.chain(a.document)
	d := records.get(ref)
	d.version == a.document_version
	d.content_flags.security_responsibilities == true
}

_states_responsibilities(a) if {
	not _version_known(a)
	records.get(a.document).content_flags.security_responsibilities == true
}

_good(a, p) if {
	a.signed_on <= p.start_date
	_states_responsibilities(a)
}

_ok(p) if {
	some ref in object.get(_terms, records.ref(p), set())
	_good(records.get(ref), p)
}

_reason(a, p) := sprintf("%s was signed on %s, after the start date", [records.ref(a), a.signed_on]) if {
	a.signed_on > p.start_date
} else := sprintf(
	"%s accepts %s version %s, which does not state security_responsibilities",
	[records.ref(a), a.document, a.document_version],
)

_r1_population := people.active_refs

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _terms[ref]
	p := records.get(ref)
	msg := sprintf(
		"%s (started %s) signed no employment-terms or contractor-agreement: %s",
		[ref, p.start_date, "have them sign terms that state their security responsibilities"],
	)
}

_r1_items_p contains result.fail("R1", msg, {ref} | acks) if {
	some ref, acks in _terms
	ref in _r1_population
	p := records.get(ref)
	not _ok(p)
	reasons := {_reason(records.get(a), p) | some a in acks}
	msg := sprintf(
		"%s (started %s) has no terms signed by the start date that state security responsibilities (%s): %s",
		[ref, p.start_date, concat("; ", sort(reasons)), "have them sign the current terms"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every active person signed terms stating their security responsibilities by their start date",
		_r1_population, _r1_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p
