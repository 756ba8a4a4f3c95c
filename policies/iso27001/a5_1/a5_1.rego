# METADATA
# title: Policies for information security
# description: >-
#   The organisation has a current information security policy signed off by its top
#   management, a current policy for every topic it has declared necessary, keeps every policy
#   under periodic review and reviews them again after management decides policies must change,
#   and has the people each policy addresses acknowledge its current major version.
# scope: package
# custom:
#   control: iso27001:A.5.1
#   class: a
#   evidence: [Document, Acknowledgement, Person, ManagementSystem, ManagementReview]
#   rules:
#     R1: >-
#       A current Document with doc_type policy and topic information-security exists (published,
#       approved for its version, not superseded), and its current version is approved by a person
#       listed in top_management of the ManagementSystem whose standard is iso27001:2022.
#     R2: >-
#       Every topic in required_policy_topics has a current, approved Document of doc_type
#       topic-policy (or policy) with that topic.
#     R3: >-
#       Every current policy or topic policy of the ISMS was reviewed or approved within its
#       review_interval_days (policy_review_days when it sets none), and on or after the held_on
#       date of the latest ManagementReview (at or before as-of, covering iso27001:2022) that took
#       a decision of type policy-change.
#     R4: >-
#       For every current ISMS policy that needs acknowledging, at least ack_coverage_pct percent
#       of the active people in its audience signed an Acknowledgement of it whose
#       document_version has the current major version; people who started, or whose major
#       version was published, at most ack_grace_days ago and have not signed yet are not counted.
#   decisions:
#     - R1 reads top management from every ManagementSystem with standard iso27001:2022 as it stands
#       in the bundle (the list is not replayed to the approval date); a missing record fails R1.
#     - R1 judges each current information-security policy on its own; an approval counts when it is
#       an approving decision visible at as-of whose version (if given) is the document's version.
#     - R2 also accepts a Document of doc_type policy for a topic, so a topic covered inside a policy
#       document counts; documents of any management system count.
#     - The policy set of R3 and R4 is every current Document of doc_type policy or topic-policy whose
#       systems list includes isms or is absent; AIMS-only policies are left to ISO/IEC 42001 A.2.
#     - R3 counts a review entry of any outcome or an approval of the current version as a review.
#     - R3's management-review trigger has no grace period, as the rule is written; any review or
#       approval dated on or after held_on satisfies it, and only reviews listing iso27001:2022 count.
#     - R4 covers every such policy with requires_acknowledgement true, and the information security
#       policy unless it sets requires_acknowledgement false.
#     - R4 audience. Absent, empty, all-personnel, personnel, all or everyone mean every active person;
#       Role/<id> means its active holders; Person/<id> that person if active; employee(s),
#       contractor(s), intern(s) and temp(s) select by employment_type; other values (external
#       parties such as customers) select nobody.
#     - R4 matches an acknowledgement to the document or any earlier Document in its supersedes
#       chain, comparing only the major number of document_version (a leading v is ignored) with the
#       current version's; any ack_type counts. Publication of a major version is the earliest
#       published_on of a chain document with that major number.
#     - R4 coverage is acknowledged / (acknowledged + not acknowledged and out of grace); a policy
#       whose counted audience is empty passes.
package annexa.iso27001.a5_1

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_standard := "iso27001:2022"

_isms_p contains ms if {
	some ms in records.of("ManagementSystem")
	ms.standard == _standard
}

_ms_refs := {records.ref(ms) | some ms in _isms}

_top_management := {p | some ms in _isms; some p in object.get(ms, "top_management", [])}

# _param_refs points at the parameter in the ManagementSystem when it is set there, else at the record.
_param_refs(name) := refs if {
	refs := {records.at(ms, concat(".", ["parameters", name])) | some ms in _isms; ms.parameters[name]}
	count(refs) > 0
} else := _ms_refs

# _list joins refs for a message; an empty set reads "none".
_list(s) := concat(", ", sort(s)) if count(s) > 0

_list(s) := "none" if count(s) == 0

# _short lists at most five refs and says how many more there are.
_short(s) := _list(s) if count(s) <= 5

_short(s) := sprintf("%s and %d more", [concat(", ", array.slice(sort(s), 0, 5)), count(s) - 5]) if count(s) > 5

_is_security_policy(d) if {
	d.doc_type == "policy"
	object.get(d, "topic", "") == "information-security"
}

# --- R1: a current information security policy approved by top management.

_current_security_policies_p contains records.ref(d) if {
	some d in records.of("Document")
	_is_security_policy(d)
	docs.current(d)
}

_r1_population := _current_security_policies | _ms_refs

_r1_items_p contains result.fail("R1", msg, refs) if {
	count(_current_security_policies) == 0
	drafts := {records.ref(d) |
		some d in records.of("Document")
		_is_security_policy(d)
		dates.visible(d.published_on)
	}
	refs := drafts | _ms_refs
	msg := sprintf(
		concat("", [
			"no current information security policy at %s (published ones not approved or superseded: %s): ",
			"publish a Document with doc_type policy and topic information-security and have top management approve it",
		]),
		[input.as_of, _list(drafts)],
	)
}

_r1_items_p contains result.fail("R1", msg, []) if {
	count(_isms) == 0
	msg := concat("", [
		"no ManagementSystem with standard iso27001:2022 names the top management, so no policy approval ",
		"can be traced to it: add that record with its top_management",
	])
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, "approvals")]) if {
	some ref in _current_security_policies
	d := records.get(ref)
	not _approved_by_top_management(d)
	approvers := {a.by | some a in docs.version_approvals(d)}
	msg := sprintf(
		"%s version %s is approved only by %s, and none of them is top management of the ISMS (%s): %s",
		[ref, d.version, _list(approvers), _list(_top_management), "have a member of top management approve this version"],
	)
}

_approved_by_top_management(d) if {
	some a in docs.version_approvals(d)
	a.by in _top_management
}

findings contains f if {
	some f in result.check(
		"R1", "a current information security policy is approved by a member of top management",
		_r1_population, _r1_items,
	)
}

# --- R2: a current topic policy for every required topic.

_r2_population_p contains ref if {
	some topic in input.params.required_policy_topics
	some ref in docs.current_by_topic[topic]
}

_r2_items_p contains result.fail("R2", msg, _param_refs("required_policy_topics")) if {
	some topic in input.params.required_policy_topics
	not docs.current_by_topic[topic]
	msg := sprintf(
		"no current approved policy on the topic %s, which required_policy_topics lists: %s",
		[topic, sprintf("publish a Document with doc_type topic-policy and topic %s and approve its version", [topic])],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every topic in required_policy_topics has a current approved policy",
		_r2_population, _r2_items,
	)
}

# --- R3: policies reviewed within their interval and after a management decision to change them.

# _policies is the current policy set of the ISMS.
_policies_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type in {"policy", "topic-policy"}
	_serves_isms(d)
	docs.current(d)
}

_serves_isms(d) if not d.systems

_serves_isms(d) if "isms" in d.systems

_interval_name(d) := "review_interval_days" if d.review_interval_days

_interval_name(d) := "policy_review_days" if not d.review_interval_days

_last_reviewed(d) := docs.last_reviewed(d)

_last_reviewed(d) := "never" if not docs.last_reviewed(d)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _policies
	d := records.get(ref)
	not docs.fresh(d, input.params.policy_review_days)
	msg := sprintf(
		"%s was last reviewed on %s, more than %d days (%s) before %s: review it and record the review",
		[
			ref, _last_reviewed(d), docs.review_interval(d, input.params.policy_review_days),
			_interval_name(d), input.as_of,
		],
	)
}

# _policy_changes maps a ManagementReview ref to the index of its first policy-change decision.
_policy_changes := {records.ref(mr): min(idx) |
	some mr in records.of("ManagementReview")
	_standard in mr.standards
	dates.visible(mr.held_on)
	idx := {i | some i, dec in object.get(mr, "decisions", []); object.get(dec, "type", "") == "policy-change"}
	count(idx) > 0
}

# _trigger is the latest ManagementReview that decided a policy change (the first by ref on a tie).
_trigger := mr if {
	last := max({records.get(r).held_on | some r, _ in _policy_changes})
	first := min({r | some r, _ in _policy_changes; records.get(r).held_on == last})
	mr := records.get(first)
}

_reviewed_since(d, day) if docs.last_reviewed(d) >= day

_r3_items_p contains result.fail("R3", msg, [ref, decision]) if {
	mr := _trigger
	decision := records.at(mr, sprintf("decisions.%d", [_policy_changes[records.ref(mr)]]))
	some ref in _policies
	d := records.get(ref)
	not _reviewed_since(d, mr.held_on)
	msg := sprintf(
		"%s was last reviewed on %s, before %s decided on %s that policies must change: %s",
		[ref, _last_reviewed(d), records.ref(mr), mr.held_on, "review the policy against that decision"],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every current policy was reviewed within its interval (default %d days) and after the last policy-change decision",
			[input.params.policy_review_days],
		),
		_policies, _r3_items,
	)
}

# --- R4: acknowledgement of the current major version by the policy's audience.

_needs_ack(d) if d.requires_acknowledgement == true

_needs_ack(d) if {
	_is_security_policy(d)
	not d.requires_acknowledgement == false
}

_r4_population_p contains ref if {
	some ref in _policies
	_needs_ack(records.get(ref))
}

# _major is the major number of a version string (3.1.0, v3 or 3 give 3).
_major(v) := trim_prefix(lower(split(trim_space(v), ".")[0]), "v")

# _chain_graph links a Document to the one it supersedes, so a chain is walked with graph.reachable.
# Every Document is a node, since graph.reachable only follows edges to nodes that are keys.
_chain_graph := {records.ref(d): _previous(d) | some d in records.of("Document")}

_previous(d) := [d.supersedes] if d.supersedes

_previous(d) := [] if not d.supersedes

_chain(d) := graph.reachable(_chain_graph, {records.ref(d)})

_acks := [a | some a in records.of("Acknowledgement"); dates.visible(a.signed_on)]

# _ack_majors maps each acknowledged version string to its major number, worked out once.
_ack_majors := {v: _major(v) | some v in {a.document_version | some a in _acks}}

_acked_docs := {a.document | some a in _acks}

# _acked maps a Document ref to the [person, major version] pairs signed for it by as-of.
_acked := {doc: pairs |
	some doc in _acked_docs
	pairs := {[a.person, _ack_majors[a.document_version]] | some a in _acks; a.document == doc}
}

_acked_people(d) := {pair[0] |
	major := _major(d.version)
	some c in _chain(d)
	some pair in object.get(_acked, c, set())
	pair[1] == major
}

# _major_since is the first publication date of the document's current major version.
_major_since(d) := min({c.published_on |
	some cref in _chain(d)
	c := records.get(cref)
	_major(c.version) == _major(d.version)
	dates.visible(c.published_on)
})

_everyone_words := {"all-personnel", "personnel", "all", "everyone"}

_everyone(d) if count(object.get(d, "audience", [])) == 0

_everyone(d) if {
	some x in d.audience
	x in _everyone_words
}

_employment := {
	"employee": "employee", "employees": "employee", "contractor": "contractor", "contractors": "contractor",
	"intern": "intern", "interns": "intern", "temp": "temp", "temps": "temp",
}

_active_people := {p | some p in records.of("Person"); people.active(p)}

_by_employment := {t: refs |
	some t in {"employee", "contractor", "intern", "temp"}
	refs := {records.ref(p) | some p in _active_people; p.employment_type == t}
}

_group(x) := object.get(people.holders, x, set()) if {
	startswith(x, "Role/")
} else := {x} & people.active_refs if {
	startswith(x, "Person/")
} else := object.get(_by_employment, object.get(_employment, x, ""), set())

_audience(d) := people.active_refs if _everyone(d)

_audience(d) := {p | some x in d.audience; some p in _group(x)} if not _everyone(d)

_version_in_grace(d) if dates.age(_major_since(d)) <= input.params.ack_grace_days

_new_hire(pref) if dates.age(records.get(pref).start_date) <= input.params.ack_grace_days

# _missing are the people of the audience who have not signed and are out of grace; while the
# current major version is itself within its grace period nobody is missing yet.
_missing(d, _, _) := set() if _version_in_grace(d)

_missing(d, audience, acked) := {p | some p in audience; not p in acked; not _new_hire(p)} if {
	not _version_in_grace(d)
}

_r4_items_p contains result.fail("R4", msg, {ref} | missing) if {
	some ref in _r4_population
	d := records.get(ref)
	audience := _audience(d)
	acked := audience & _acked_people(d)
	missing := _missing(d, audience, acked)
	counted := count(acked) + count(missing)
	counted > 0
	count(acked) * 100 < input.params.ack_coverage_pct * counted
	msg := sprintf(
		"%s: %d of %d active people in its audience acknowledged major version %s, below ack_coverage_pct %v: %s",
		[
			ref, count(acked), counted, _major(d.version), input.params.ack_coverage_pct,
			sprintf("have %s acknowledge it", [_short(missing)]),
		],
	)
}

findings contains f if {
	some f in result.check(
		"R4", sprintf(
			"at least %v%% of each policy's audience acknowledged its current major version",
			[input.params.ack_coverage_pct],
		),
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_isms := _isms_p

_current_security_policies := _current_security_policies_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_policies := _policies_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_r4_items := _r4_items_p
