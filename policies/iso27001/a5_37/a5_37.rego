# METADATA
# title: Documented operating procedures
# description: >-
#   The operational activities the organisation relies on are written down as approved
#   procedures with an owner who still works here, kept under regular review, and published
#   where the people who carry them out can find them.
# scope: package
# custom:
#   control: iso27001:A.5.37
#   class: a
#   evidence: [Document, Person, ManagementSystem]
#   rules:
#     R1: >-
#       For every activity in required_procedures there is a current Document of doc_type
#       procedure whose topic is that activity (published, approved for its version, not
#       superseded), and each such procedure has an owner who is an active Person.
#     R2: >-
#       Every procedure of R1 was reviewed or approved within the shorter of its own
#       review_interval_days and doc_review_days.
#     R3: >-
#       Every procedure of R1 has a non-empty location and a non-empty audience, so the people it
#       is for can find it.
#   decisions:
#     - A procedure matches an activity when its topic equals the activity name of required_procedures.
#     - An owner who has left does not count as an owner; the procedure needs a new one.
#     - >-
#       The review interval is the shorter of the document's own interval and doc_review_days, as
#       in 5.24, so a document cannot relax the organisation's parameter.
#     - Published_on is guaranteed by R1 (current documents are published); R3 adds location and audience.
package annexa.iso27001.a5_37

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_procedures_p contains ref if {
	some activity in input.params.required_procedures
	some ref in docs.current_of("procedure", activity)
}

# --- R1: a current approved procedure with an active owner for every required activity.

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	some activity in input.params.required_procedures
	count(docs.current_of("procedure", activity)) == 0
	msg := sprintf(
		"no current procedure for %s, which required_procedures lists: %s",
		[activity, sprintf("publish and approve a Document with doc_type procedure and topic %s", [activity])],
	)
}

_owned(d) if people.active_ref(d.owner)

_r1_items_p contains result.fail("R1", msg, [records.at(d, "owner")]) if {
	some ref in _procedures
	d := records.get(ref)
	not _owned(d)
	msg := sprintf(
		"%s has no active owner (owner: %s): assign a person who works here",
		[ref, object.get(d, "owner", "none")],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every required activity has a current approved procedure with an active owner",
		_procedures, _r1_items,
	)
}

# --- R2: procedures reviewed within their interval.

_review_days(d) := min({
	input.params.doc_review_days,
	object.get(d, "review_interval_days", input.params.doc_review_days),
})

_fresh(d) if dates.within(docs.last_reviewed(d), _review_days(d))

_last_review(d) := docs.last_reviewed(d)

_last_review(d) := "never" if not docs.last_reviewed(d)

_r2_items_p contains result.fail("R2", msg, [records.at(d, "reviews")]) if {
	some ref in _procedures
	d := records.get(ref)
	not _fresh(d)
	msg := sprintf(
		"%s was last reviewed on %s, more than %d days before %s: review it and record the review",
		[ref, _last_review(d), _review_days(d), input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every required procedure was reviewed within its interval (at most %d days)",
			[input.params.doc_review_days],
		),
		_procedures, _r2_items,
	)
}

# --- R3: procedures published where their audience finds them.

_r3_items_p contains result.fail("R3", msg, [records.at(d, field)]) if {
	some ref in _procedures
	d := records.get(ref)
	some field in ["location", "audience"]
	_blank(object.get(d, field, null))
	msg := sprintf("%s has no %s: say where it is published and for whom", [ref, field])
}

_blank(v) if v == null

_blank(v) if v == ""

_blank(v) if v == []

findings contains f if {
	some f in result.check(
		"R3", "every required procedure states where it is published and for whom",
		_procedures, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_procedures := _procedures_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
