# METADATA
# title: Acceptable use of information and other associated assets
# description: >-
#   People know how they may use the organisation's information and equipment: an approved
#   acceptable-use document is in force, handling rules exist for every level of the
#   classification scheme, and the people the acceptable-use rules address have accepted their
#   current version.
# scope: package
# custom:
#   control: iso27001:A.5.10
#   class: a
#   evidence: [Document, Acknowledgement, Person]
#   rules:
#     R1: >-
#       At least one current Document (published, approved for its version, not superseded) has the
#       topic acceptable-use.
#     R2: >-
#       A current classification scheme exists (a current Document with topic classification and a
#       non-empty levels list), and a current information-handling Document lists in levels every
#       level of it. An information-handling document is a current Document with topic
#       information-handling, or a current Document with topic classification or acceptable-use whose
#       content_flags set handling_rules_per_level true.
#     R3: >-
#       For every current acceptable-use Document, at least ack_coverage_pct percent of the active
#       people in its audience acknowledged its current major version, counted as in 5.1 R4 (people who
#       started, or whose major version was published, at most ack_grace_days ago and have not signed
#       are not counted).
#   decisions:
#     - R1 accepts any doc_type (policy, topic-policy, procedure ...) on the topic acceptable-use; its
#       review cycle is checked by 5.1 R3.
#     - R2 needs the handling rules to say they cover each level, which the record shows by its levels
#       list; a classification policy that also holds the handling rules per level (content flag
#       handling_rules_per_level) can serve as both scheme and handling document. Levels are compared
#       in lower case.
#     - R3 covers every current acceptable-use document even when it sets requires_acknowledgement
#       false, as the control needs the rules to be accepted; the counting is the shared library
#       version of 5.1 R4 (audience words, supersedes chain, major version, grace).
package annexa.iso27001.a5_10

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current acceptable-use document.

_aup := org.current_docs("acceptable-use")

_drafts := {records.ref(d) |
	some d in records.of("Document")
	object.get(d, "topic", "") == "acceptable-use"
	dates.visible(d.published_on)
	not records.ref(d) in _aup
}

_r1_refs := _aup if count(_aup) > 0

_r1_refs := _drafts | {ops.isms_ref} if count(_aup) == 0

findings contains f if {
	some f in result.require(
		"R1", count(_aup) > 0,
		"a current approved acceptable-use document is in force",
		sprintf(
			"no current acceptable-use document at %s (published ones not approved or superseded: %s): %s",
			[input.as_of, org.listing(_drafts), "publish a Document with topic acceptable-use and approve its version"],
		),
		_r1_refs,
	)
}

# --- R2: handling rules for every level of the classification scheme.

_handling_p contains ref if some ref in org.current_docs("information-handling")

_handling_p contains ref if {
	some topic in ["classification", "acceptable-use"]
	some ref in org.current_docs(topic)
	records.get(ref).content_flags.handling_rules_per_level == true
}

_levels(ref) := {lower(l) | some l in object.get(records.get(ref), "levels", [])}

_uncovered(ref) := org.scheme_levels - _levels(ref)

_covering := {ref | some ref in _handling; count(_uncovered(ref)) == 0}

default _r2_ok := false

_r2_ok if {
	count(org.schemes) > 0
	count(_covering) > 0
}

_r2_message := msg if {
	count(org.schemes) == 0
	msg := sprintf(
		"no current classification scheme at %s (a Document with topic classification and levels): %s",
		[input.as_of, "publish one, then handling rules for each of its levels"],
	)
} else := msg if {
	count(_handling) == 0
	msg := sprintf(
		"no current information-handling document covers the levels of %s (%s): %s",
		[
			org.listing(org.schemes), concat(", ", sort(org.scheme_levels)),
			"publish handling rules per level (topic information-handling, or flag handling_rules_per_level)",
		],
	)
} else := sprintf(
	"the current information-handling documents leave levels of %s without handling rules (%s): %s",
	[
		org.listing(org.schemes),
		concat("; ", sort({sprintf("%s lacks %s", [ref, concat(", ", sort(_uncovered(ref)))]) | some ref in _handling})),
		"add those levels to the handling rules",
	],
)

_r2_refs := _covering | org.schemes if _r2_ok

_r2_refs := (_handling | org.schemes) | {ops.isms_ref} if not _r2_ok

findings contains f if {
	some f in result.require(
		"R2", _r2_ok,
		"handling rules cover every level of the current classification scheme",
		_r2_message, _r2_refs,
	)
}

# --- R3: the acceptable-use rules are acknowledged by their audience.

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"at least %v%% of the audience of each acceptable-use document acknowledged its current major version",
			[input.params.ack_coverage_pct],
		),
		_aup, org.ack_items("R3", _aup),
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_handling := _handling_p
