# METADATA
# title: AI system requirements and specification
# description: >-
#   Every AI system from development on has an approved, current requirements specification whose
#   approver confirmed that it states functional, performance, responsible-AI and human-oversight
#   requirements, and the specification is brought up to date before each significant change of
#   the system goes live.
# scope: package
# custom:
#   control: iso42001:A.6.2.2
#   class: a
#   evidence: [Document, AISystem, ChangeRecord]
#   rules:
#     R1: >-
#       Every AI system in service at stage development or later has a current specification (a
#       Document of doc_type specification, published, approved for its version, not superseded)
#       - its requirements_spec, another version of it, or a specification naming the system in
#       subject_refs - whose content_flags set functional, performance, responsible_ai and
#       oversight to true (hyphens or underscores).
#     R2: >-
#       For every significant ChangeRecord naming such a system that went live (deployed_on, else
#       go_live_on) within lookback_days, a version of the system's specification was approved, or
#       reviewed with outcome updated, after the system's previous significant change went live and
#       on or before this one went live.
#   decisions:
#     - The model names the four required elements in words but gives no parameter; the flag names
#       are the ones the example bundle uses (functional, performance, responsible_ai, oversight).
#       A parameter would let an organization add its own (for example security).
#     - ChangeRecord has no field saying that a change alters the intended use; a significant change
#       naming the system (the trigger for reassessment in A.5.3) stands for it. The first significant
#       change of a system counts any earlier approval of its specification.
#     - The specification "updated" is an approval of a version or a review with outcome updated; a
#       review with outcome no-change does not show an update.
package annexa.iso42001.a6_2_2

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_required_flags := ["functional", "performance", "responsible_ai", "oversight"]

_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached(s, "development")
}

# _spec_docs maps an AISystem ref to every Document that specifies it: its requirements_spec with
# all other versions, and specifications naming it in subject_refs.
_spec_docs := {k: vs |
	some k in {x[0] | some x in _spec_docs_rows}
	vs := {x[1] | some x in _spec_docs_rows; x[0] == k}
}

_spec_docs_rows := {[sref, ref] |
	some sref in _population
	some ref in ai2.versions(records.get(sref).requirements_spec)
} | {[sref, records.ref(d)] |
	some d in records.of("Document")
	d.doc_type == "specification"
	some sref in object.get(d, "subject_refs", [])
	sref in _population
}

_current(sref) := {ref |
	some ref in object.get(_spec_docs, sref, set())
	d := records.get(ref)
	d.doc_type == "specification"
	docs.current(d)
}

_missing(ref) := [f | some f in _required_flags; not ai2.flag_set(records.get(ref), f)]

_complete(sref) if {
	some ref in _current(sref)
	count(_missing(ref)) == 0
}

# --- R1: a current, complete specification.

_r1_items_p contains result.fail("R1", msg, [_spec_at(s)]) if {
	some sref in _population
	s := records.get(sref)
	count(_current(sref)) == 0
	msg := sprintf(
		concat("", [
			"%s (stage %s) has no current specification (requirements_spec %s; published, approved, ",
			"not superseded): approve one",
		]),
		[sref, ai.stage(s), object.get(s, "requirements_spec", "none")],
	)
}

_spec_at(s) := records.at(s, "requirements_spec") if s.requirements_spec

_spec_at(s) := records.ref(s) if not s.requirements_spec

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some sref in _population
	not _complete(sref)
	some ref in _current(sref)
	msg := sprintf(
		concat("", [
			"%s, the specification of %s, does not confirm %s requirements in its content_flags: ",
			"add them and have it approved",
		]),
		[ref, sref, concat(", ", _missing(ref))],
	)
}

findings contains f if {
	some f in result.check(
		"R1",
		"every AI system from development on has a current specification with all required elements",
		_population, _r1_items,
	)
}

# --- R2: the specification is updated before each significant change goes live.

# _updated maps an AISystem ref to the days a version of its specification was approved or
# reviewed with outcome updated.
_updated := {k: vs |
	some k in {x[0] | some x in _updated_rows}
	vs := {x[1] | some x in _updated_rows; x[0] == k}
}

_updated_rows := {[sref, a.on] |
	some sref, refs in _spec_docs
	some ref in refs
	some a in records.approvals(records.get(ref))
} | {[sref, dates.day(r.on)] |
	some sref, refs in _spec_docs
	some ref in refs
	some r in object.get(records.get(ref), "reviews", [])
	r.outcome == "updated"
	dates.visible(r.on)
}

# _changes are [system ref, live day, change ref] of the significant changes in the window.
_changes_p contains [sref, x[0], x[1]] if {
	some sref in _population
	some x in object.get(ai2.significant_changes, sref, set())
	dates.within(x[0], input.params.lookback_days)
}

_previous(sref, day) := max(days) if {
	days := {x[0] | some x in ai2.significant_changes[sref]; x[0] < day}
	count(days) > 0
}

_previous(sref, day) := "" if {
	not _earlier(sref, day)
}

_earlier(sref, day) if {
	some x in ai2.significant_changes[sref]
	x[0] < day
}

_updated_for(sref, day) if {
	some u in _updated[sref]
	u > _previous(sref, day)
	u <= day
}

_r2_items_p contains result.fail("R2", msg, [cref]) if {
	some [sref, day, cref] in _changes
	not _updated_for(sref, day)
	msg := sprintf(
		concat("", [
			"%s went live on %s as a significant change of %s, but no version of its specification was approved ",
			"or updated %s: update the specification first",
		]),
		[cref, day, sref, _window_text(sref, day)],
	)
}

_window_text(sref, day) := sprintf("since the previous significant change on %s", [_previous(sref, day)]) if {
	_earlier(sref, day)
} else := sprintf("by %s", [day])

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"the specification was updated before every significant change of the last %d days went live",
			[input.params.lookback_days],
		),
		{cref | some [_, _, cref] in _changes}, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_r1_items := _r1_items_p

_changes := _changes_p

_r2_items := _r2_items_p
