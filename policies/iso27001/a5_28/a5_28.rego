# METADATA
# title: Collection of evidence
# description: >-
#   Evidence about incidents can be collected so that it holds up later: a current procedure says
#   how, every incident under legal hold keeps a fingerprinted, dated item list with a named
#   custodian for each piece, and forensic skills are at hand, either through a contracted
#   specialist or through trained people of our own.
# scope: package
# custom:
#   control: iso27001:A.5.28
#   class: a
#   evidence: [Document, Incident, Supplier, Role, Person, TrainingRecord, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current Document of doc_type procedure with topic evidence-handling exists
#       (published, approved for its version, not superseded).
#     R2: >-
#       Every Incident reported by the as-of date, inside the lookback window or still open, with
#       evidence_handling.legal_hold true lists at least one evidence item, and every item has a
#       sha256, a collected_on and a custodian.
#     R3: >-
#       Forensic capability exists: an active Supplier whose services mention forensics, DFIR or
#       incident response and whose contract was signed by the as-of date; or an active holder of
#       Role/forensics, Role/forensic-analyst or Role/dfir who passed, within
#       training_refresh_days, an incident-response course or a course the role requires (within
#       its renew_days when set).
#   decisions:
#     - >-
#       A DFIR supplier is recognised by its services text (forensic, dfir, incident response, any
#       case); the model has no supplier type for it.
#     - >-
#       The model names "a forensics Role" without an id; forensics, forensic-analyst and dfir are
#       accepted.
#     - R2 checks incidents of any category, classified or not, because a legal hold can be placed on any record.
#     - R2 does not check that the digests match artefacts; the bundle loader verifies evidence hashes.
package annexa.iso27001.a5_28

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.incidents
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

# --- R1: a current evidence-handling procedure.

_procedures := docs.current_of("procedure", "evidence-handling")

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_procedures) == 0
	msg := concat("", [
		"no current evidence-handling procedure (Document, doc_type procedure, topic evidence-handling, ",
		"published and approved for its version): write, approve and publish one",
	])
}

findings contains f if {
	some f in result.check("R1", "a current evidence-handling procedure is in force", _procedures, _r1_items)
}

# --- R2: legal-hold evidence fingerprinted, dated and in custody.

_r2_population_p contains records.ref(i) if {
	some i in records.of("Incident")
	incidents.in_period(i)
	i.evidence_handling.legal_hold == true
}

_r2_items_p contains result.fail("R2", msg, [records.at(i, "evidence_handling.items")]) if {
	some ref in _r2_population
	i := records.get(ref)
	count(object.get(i, ["evidence_handling", "items"], [])) == 0
	msg := sprintf(
		"%s is under legal hold but lists no evidence items: record each item with its sha256, date and custodian",
		[ref],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(i, sprintf("evidence_handling.items.%d", [k]))]) if {
	some ref in _r2_population
	i := records.get(ref)
	some k, item in object.get(i, ["evidence_handling", "items"], [])
	gaps := {g | some g in ["sha256", "collected_on", "custodian"]; trim_space(object.get(item, g, "")) == ""}
	count(gaps) > 0
	msg := sprintf(
		"%s: evidence item %d under legal hold lacks %s: record it so the chain of custody holds",
		[ref, k, concat(", ", sort(gaps))],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every item of evidence under legal hold has a digest, a collection date and a custodian",
		_r2_population, _r2_items,
	)
}

# --- R3: forensic capability, contracted or trained in-house.

_dfir_words := ["forensic", "dfir", "incident response"]

_dfir_suppliers_p contains records.ref(s) if {
	some s in records.of("Supplier")
	suppliers.active(s)
	dates.visible(s.contract.signed_on)
	some service in object.get(s, "services", [])
	some w in _dfir_words
	contains(lower(service), w)
}

_forensic_roles := {"Role/forensics", "Role/forensic-analyst", "Role/dfir"}

# _passed maps a Person ref to [course, course_type, completed_on] of each course they passed.
_passed := {k: vs |
	some k in {x[0] | some x in _passed_rows}
	vs := {x[1] | some x in _passed_rows; x[0] == k}
}

_passed_rows := {[t.person, [t.course, t.course_type, t.completed_on]] |
	some t in records.of("TrainingRecord")
	t.passed == true
	dates.visible(t.completed_on)
}

_current_training(p, _) if {
	some x in object.get(_passed, p, set())
	x[1] == "incident-response"
	dates.within(x[2], input.params.training_refresh_days)
}

_current_training(p, role) if {
	some c in object.get(records.get(role), "required_competences", [])
	some x in object.get(_passed, p, set())
	x[0] == c.course
	dates.within(x[2], object.get(c, "renew_days", input.params.training_refresh_days))
}

_trained_holders_p contains p if {
	some role in _forensic_roles
	some p in object.get(people.holders, role, set())
	_current_training(p, role)
}

_r3_refs := _dfir_suppliers | _trained_holders

_r3_ok if {
	count(_r3_refs) > 0
} else := false

# _r3_evidence names the supplier or trained people when there are any, else the ISMS and any
# untrained holders of a forensics role.
_r3_evidence := _r3_refs if {
	_r3_ok
} else := {ops.isms_ref} | {p | some role in _forensic_roles; some p in object.get(people.holders, role, set())}

findings contains f if {
	some f in result.require(
		"R3", _r3_ok,
		sprintf("forensic capability is available through %s", [concat(", ", sort(_r3_refs))]),
		concat("", [
			"no forensic capability: no active supplier with a signed contract offers forensics or incident response, ",
			"and no active holder of Role/forensics, Role/forensic-analyst or Role/dfir has current incident-response ",
			"training: contract a DFIR provider or train a forensics role holder",
		]),
		_r3_evidence,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_dfir_suppliers := _dfir_suppliers_p

_trained_holders := _trained_holders_p
