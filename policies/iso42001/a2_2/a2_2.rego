# METADATA
# title: AI policy
# description: >-
#   The organization keeps an AI policy that is in force at the as-of date, approved by a member
#   of the AI management system's top management, whose approver confirmed each required element,
#   and that every holder of an AI role has acknowledged; where an interested party needs the AI
#   policy, the policy is published and the party's entry points at it.
# scope: package
# custom:
#   control: iso42001:A.2.2
#   class: a
#   evidence: [Document, ManagementSystem, Acknowledgement, Person, Role, AISystem]
#   rules:
#     R1: >-
#       A current AI policy exists (Document of doc_type policy or topic-policy with topic ai-policy,
#       published, approved for its version and not superseded) and one of its version approvals
#       is by a member of top_management of the ManagementSystem whose standard is iso42001:2023.
#     R2: >-
#       Every current AI policy has content_flags set to true for each flag named in
#       ai_policy_required_flags.
#     R3: >-
#       Every active holder of an AI role has acknowledged each current AI policy in its current
#       major version, unless they are still inside ack_grace_days of taking the role or of the
#       major version's first publication (then at risk within at_risk_days of that deadline);
#       and every interested party of the AIMS whose requirements or info_needs mention the AI
#       policy lists a current AI policy in addressed_by, and that policy has a location.
#   decisions:
#     - Top management is read from the ManagementSystem with standard iso42001:2023 only; the ISMS
#       record does not count. Without that record R1 fails and names the missing record.
#     - The approval must apply to the current version (approval.version absent or equal).
#     - Review freshness of the AI policy is left to A.2.4 (ai_policy_review_days), not repeated here.
#     - AI roles are the roles of required_roles_aims, every Role of category aims, and the
#       oversight_role, oversight.operators_role and human_resources roles of AI systems in service
#       (data.annexa.lib.ai.ai_roles).
#     - An acknowledgement counts when it names the policy document, its document_version has the
#       same major version as the current one and it was signed by as-of; ack_type is not checked.
#       An acknowledgement of an earlier record of the same policy (along supersedes) counts when its
#       document_version has the current major version.
#       The first publication of a major version is found along the supersedes chain.
#     - The grace window (ack_grace_days) follows 27001 A.5.1 R4; a person inside it is not a
#       failure, and is reported at risk when the deadline is within at_risk_days.
#     - An interested party needs the AI policy when one of its requirements or info_needs contains
#       "ai policy" or "ai-policy" (case-insensitive); this text match is the only signal the model
#       offers.
package annexa.iso42001.a2_2

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_standard := "iso42001:2023"

_top := records.top_management(_standard)

_ms_refs := {records.ref(ms) | some ms in records.of("ManagementSystem"); ms.standard == _standard}

# _policies are the refs of the current AI policies.
_policies := docs.current_of("policy", "ai-policy") | docs.current_of("topic-policy", "ai-policy")

# --- R1: a current AI policy approved by a member of the AIMS top management.

_top_approvals := {k: vs |
	some k in {x[0] | some x in _top_approvals_rows}
	vs := {x[1] | some x in _top_approvals_rows; x[0] == k}
}

_top_approvals_rows := {[ref, sprintf("%s on %s", [a.by, a.on])] |
	some ref in _policies
	some a in docs.version_approvals(records.get(ref))
	a.by in _top
}

_r1_ok := count(_top_approvals) > 0

_r1_pass := sprintf("the current AI policy is approved by AIMS top management: %s", [concat("; ", sort([x |
	some ref, by in _top_approvals
	x := sprintf("%s approved by %s", [ref, concat(", ", sort(by))])
]))])

_r1_problem := sprintf(
	"no ManagementSystem with standard %s names the AIMS top management: record it",
	[_standard],
) if {
	count(_ms_refs) == 0
} else := sprintf(
	"no current AI policy at %s (published, approved, not superseded, topic ai-policy): publish and approve one",
	[input.as_of],
) if {
	count(_policies) == 0
} else := sprintf(
	"the current AI policy %s is not approved by AIMS top management (%s): have one of them approve this version",
	[concat(", ", sort(_policies)), concat(", ", sort(_top))],
)

findings contains f if {
	some f in result.require("R1", _r1_ok, _r1_pass, _r1_problem, _policies | _ms_refs)
}

# --- R2: the approver confirmed every required element.

_r2_items_p contains result.fail("R2", msg, [_flags_ref(d)]) if {
	some ref in _policies
	d := records.get(ref)
	missing := [f | some f in input.params.ai_policy_required_flags; not _flag_set(d, f)]
	count(missing) > 0
	msg := sprintf(
		"%s (version %s) lacks the required elements %s (ai_policy_required_flags): add them and set the flags",
		[ref, d.version, concat(", ", missing)],
	)
}

_flag_set(d, f) if d.content_flags[f] == true

_flags_ref(d) := records.at(d, "content_flags") if d.content_flags

_flags_ref(d) := records.ref(d) if not d.content_flags

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"the current AI policy confirms every element of ai_policy_required_flags (%s)",
			[concat(", ", input.params.ai_policy_required_flags)],
		),
		_policies, _r2_items,
	)
}

# --- R3: acknowledged by every AI role holder; published to the interested parties that need it.

# _role_from maps a Person ref to the start dates of the AI role assignments they hold at as-of.
_role_from := {k: vs |
	some k in {x[0] | some x in _role_from_rows}
	vs := {x[1] | some x in _role_from_rows; x[0] == k}
}

_role_from_rows := {[records.ref(p), a.from] |
	some role in ai.ai_roles
	some pref in object.get(people.holders, role, set())
	p := records.get(pref)
	some a in p.roles
	a.role == role
	a.from <= input.as_of
	not _assignment_ended(a)
}

_assignment_ended(a) if a.to <= input.as_of

# _acked maps "person|document" to the major versions acknowledged by as-of.
_acked := {k: vs |
	some k in {x[0] | some x in _acked_rows}
	vs := {x[1] | some x in _acked_rows; x[0] == k}
}

_acked_rows := {[sprintf("%s|%s", [k.person, k.document]), _ack_majors[k.document_version]] |
	some k in records.of("Acknowledgement")
	dates.visible(k.signed_on)
}

# _ack_majors maps each acknowledged version string to its major number, worked out once.
_ack_majors := {v: ai.major(v) | some v in {k.document_version | some k in records.of("Acknowledgement")}}

# _acknowledged holds when the person acknowledged the document, or an earlier version of it along
# the supersedes chain, in the document's current major version.
_acknowledged(pref, d) if {
	some ref in _chain(d)
	ai.major(d.version) in _acked[sprintf("%s|%s", [pref, ref])]
}

_chain(d) := graph.reachable(_ai_policy_graph, {records.ref(d)})

# _ai_policy_graph links every AI policy document to the version it supersedes.
_ai_policy_graph := {records.ref(d): {x | x := d.supersedes} |
	some d in records.of("Document")
	object.get(d, "topic", "") == "ai-policy"
}

# _major_since returns the first publication date of the document's current major version.
_major_since(d) := min({x.published_on |
	some ref in _chain(d)
	x := records.get(ref)
	ai.major(x.version) == ai.major(d.version)
})

_ack_due(pref, d) := dates.add_days(max({min(_role_from[pref]), _major_since(d)}), input.params.ack_grace_days)

_r3_items_p contains result.fail("R3", msg, [pref]) if {
	some pref, _ in _role_from
	some ref in _policies
	d := records.get(ref)
	not _acknowledged(pref, d)
	due := _ack_due(pref, d)
	due < input.as_of
	msg := sprintf(
		"%s holds an AI role but has not acknowledged %s, major version %s (due %s, ack_grace_days=%d): have them do so",
		[pref, ref, ai.major(d.version), due, input.params.ack_grace_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [pref]) if {
	some pref, _ in _role_from
	some ref in _policies
	d := records.get(ref)
	not _acknowledged(pref, d)
	due := _ack_due(pref, d)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s has until %s to acknowledge %s in major version %s", [pref, due, ref, ai.major(d.version)])
}

# _needing_parties maps a field ref of an interested party that needs the AI policy to the party.
_needing_parties := {records.at(ms, sprintf("interested_parties.%d", [i])): party |
	some ms in records.of("ManagementSystem")
	ms.standard == _standard
	some i, party in object.get(ms, "interested_parties", [])
	_needs_ai_policy(party)
}

_needs_ai_policy(party) if {
	some text in array.concat(object.get(party, "requirements", []), object.get(party, "info_needs", []))
	some needle in ["ai policy", "ai-policy"]
	contains(lower(text), needle)
}

_r3_items_p contains result.fail("R3", msg, [at]) if {
	some at, party in _needing_parties
	not _addressed(party)
	msg := sprintf(
		"interested party %s needs the AI policy, but addressed_by lists no current AI policy (%s): link it",
		[party.id, concat(", ", sort(_policies))],
	)
}

_addressed(party) if {
	some ref in object.get(party, "addressed_by", [])
	ref in _policies
}

_r3_items_p contains result.fail("R3", msg, [records.ref(d)]) if {
	some _, party in _needing_parties
	some ref in object.get(party, "addressed_by", [])
	ref in _policies
	d := records.get(ref)
	trim_space(object.get(d, "location", "")) == ""
	msg := sprintf(
		"%s is owed to interested party %s but has no location: publish it and record where",
		[ref, party.id],
	)
}

_r3_population := {pref | some pref, _ in _role_from} | {at | some at, _ in _needing_parties}

findings contains f if {
	some f in result.check(
		"R3", "every AI role holder acknowledged the current AI policy, which is published to the parties needing it",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r2_items := _r2_items_p

_r3_items := _r3_items_p
