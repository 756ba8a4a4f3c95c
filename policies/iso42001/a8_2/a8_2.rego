# METADATA
# title: System documentation and information for users
# description: >-
#   People who use an AI system, or are affected by it, get published information that tells
#   them what the system is for, what it can and cannot do, how humans oversee it and how to
#   report a problem; that information describes the version now live and is kept under review.
# scope: package
# custom:
#   control: iso42001:A.8.2
#   class: a
#   evidence: [AISystem, Disclosure, ModelRecord]
#   rules:
#     R1: >-
#       Every AI system in production (in service at stage deployment or later) with
#       affects.users or affects.public true has a published Disclosure naming it (not superseded)
#       with audience users or affected-individuals whose content_elements include every element
#       of user_disclosure_elements.
#     R2: >-
#       Every such user Disclosure of those systems states in system_version_covered the major
#       version of the system's live model (the production ModelRecord deployed last and not
#       retired).
#     R3: >-
#       Every such user Disclosure was published, reviewed or approved within doc_review_days (at
#       risk within at_risk_days of that deadline).
#   decisions:
#     - One Disclosure must carry every required element, as the model says; information split
#       over several notices is reported with what each one lacks.
#     - A system without a live ModelRecord has no known version and is left out of R2.
#     - The model says 365 d without naming a parameter; doc_review_days is used, and publishing a
#       new text counts as reviewing it.
package annexa.iso42001.a8_2

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_audiences := {"users", "affected-individuals"}

_population := {ref |
	some ref in ai3.production_refs
	s := records.get(ref)
	_user_facing(s)
}

_user_facing(s) if s.affects.users == true

_user_facing(s) if s.affects.public == true

# _notices maps an AISystem ref to its published user Disclosures.
_notices := {k: vs |
	some k in {x[0] | some x in _notices_rows}
	vs := {x[1] | some x in _notices_rows; x[0] == k}
}

_notices_rows := {[sref, ref] |
	some sref in _population
	some ref in object.get(ai3.disclosures, sref, set())
	records.get(ref).audience in _audiences
}

_required := {e | some e in input.params.user_disclosure_elements}

_lacking(ref) := _required - {e | some e in records.get(ref).content_elements}

# --- R1: a complete user disclosure.

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	not _notices[ref]
	msg := sprintf(
		"%s affects users or the public but has no published Disclosure for users or affected individuals: publish one",
		[ref],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref, notices in _notices
	every n in notices {
		count(_lacking(n)) > 0
	}
	gaps := [sprintf("%s lacks %s", [n, concat(", ", sort(_lacking(n)))]) | some n in notices]
	msg := sprintf(
		"no user Disclosure of %s covers all of user_disclosure_elements (%s): add the missing elements",
		[ref, concat("; ", sort(gaps))],
	)
}

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"every AI system that affects users has a user Disclosure covering %s",
			[concat(", ", input.params.user_disclosure_elements)],
		),
		_population, _r1_items,
	)
}

# --- R2: the disclosure describes the live major version.

_r2_pairs_p contains [sref, ref] if {
	some sref, notices in _notices
	ai3.current_major(sref)
	some ref in notices
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "system_version_covered")]) if {
	some [sref, ref] in _r2_pairs
	d := records.get(ref)
	not ai3.covers_major(d, sref)
	msg := sprintf(
		"%s describes version %s of %s, but major version %s is live since %s: update it",
		[ref, d.system_version_covered, sref, ai3.current_major(sref), ai3.major_since(sref)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every user Disclosure describes the live major version of its AI system",
		{ref | some [_, ref] in _r2_pairs}, _r2_items,
	)
}

# --- R3: the disclosure is kept under review.

_r3_population := {ref | some _, notices in _notices; some ref in notices}

_due(d) := dates.add_days(ai3.last_touched(d), input.params.doc_review_days)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	d := records.get(ref)
	_due(d) < input.as_of
	msg := sprintf(
		"%s was last published or reviewed on %s, more than doc_review_days=%d ago: review it",
		[ref, ai3.last_touched(d), input.params.doc_review_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some ref in _r3_population
	d := records.get(ref)
	due := _due(d)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s is due for review on %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("every user Disclosure was reviewed within %d days", [input.params.doc_review_days]),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_pairs := _r2_pairs_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
