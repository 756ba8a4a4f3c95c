# METADATA
# title: Management responsibilities
# description: >-
#   Management takes an active part in information security: top management sat in a recent
#   review of the ISMS, every line manager has accepted the current information security policy
#   and keeps their awareness training current, and a member of top management vouches, in a
#   current signed statement, that staff are told to follow the policies and through which
#   communication.
# scope: package
# custom:
#   control: iso27001:A.5.4
#   class: b
#   evidence: [ManagementReview, ManagementSystem, Person, Document, Acknowledgement, TrainingRecord, Attestation]
#   rules:
#     R1: >-
#       A ManagementReview covering iso27001:2022 was held within management_review_days before the
#       as-of date, and at least one of its attendees is listed in top_management of the
#       ManagementSystem of iso27001:2022.
#     R2: >-
#       Every active person named as manager by an active Person acknowledged the current major
#       version of every current information security policy (Document, doc_type policy, topic
#       information-security), and passed an awareness TrainingRecord within
#       training_refresh_days; managers who started at most ack_grace_days ago (acknowledgement) or
#       training_new_hire_days ago (training), or whose policy major version is at most
#       ack_grace_days old, are not yet counted as failures.
#     R3: >-
#       A valid Attestation of iso27001:A.5.4 (attest library: current, role held, at most
#       attestation_max_days long, exceptions handled) made by a person listed in top_management,
#       that names the communication used to direct personnel (a Document in its scope or links).
#   decisions:
#     - R1 reads top management from every ManagementSystem with standard iso27001:2022 as it stands
#       in the bundle; a review of both systems counts for the ISMS.
#     - R2 matches acknowledgements exactly as 5.1 R4 does (same document or an earlier version in
#       its supersedes chain, same major version, any ack_type) and applies the same grace rules.
#     - R2 fails once, naming the ManagementSystem, when there are managers but no current
#       information security policy they could have acknowledged.
#     - R2 counts only training of course_type awareness with passed true.
#     - R3 is the attestation rule of this class b control. The model names top management, which is
#       a list of people rather than a Role, so any role is accepted as long as the attester is in
#       top_management and held the role stated on the attestation date.
#     - R3 accepts a hashed evidence attachment as the reference to the communication, as well as a
#       Document ref, since the communication is often a message or minutes kept outside the bundle.
#     - R3 accepts either spelling of the control id in Attestation.controls (iso27001:A.5.4 or
#       iso27001:5.4).
package annexa.iso27001.a5_4

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a recent management review attended by top management.

_isms_reviews_p contains mr if {
	some mr in records.of("ManagementReview")
	"iso27001:2022" in mr.standards
	dates.visible(mr.held_on)
}

_r1_recent_p contains records.ref(mr) if {
	some mr in _isms_reviews
	dates.within(mr.held_on, input.params.management_review_days)
}

_r1_ok := {ref |
	some ref in _r1_recent
	some p in records.get(ref).attendees
	p in org.top_management
}

_last_review := sprintf("%s on %s", [ref, day]) if {
	day := max({mr.held_on | some mr in _isms_reviews})
	ref := min({records.ref(mr) | some mr in _isms_reviews; mr.held_on == day})
} else := "never"

_r1_refs := _r1_ok if count(_r1_ok) > 0

_r1_refs := _r1_recent | {ops.isms_ref} if count(_r1_ok) == 0

findings contains f if {
	some f in result.require(
		"R1", count(_r1_ok) > 0,
		sprintf("a management review within %d days was attended by top management", [input.params.management_review_days]),
		sprintf(
			"no management review of the ISMS within %d days (management_review_days) before %s was attended by %s (%s); %s",
			[
				input.params.management_review_days, input.as_of, "a member of top management",
				org.listing(org.top_management),
				sprintf("latest review: %s: hold one with top management present and record the attendees", [_last_review]),
			],
		),
		_r1_refs,
	)
}

# --- R2: managers acknowledged the security policy and keep awareness training current.

_r2_population_p contains m if {
	some p in records.of("Person")
	people.active(p)
	m := p.manager
	people.active_ref(m)
}

_security_policies_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type == "policy"
	object.get(d, "topic", "") == "information-security"
	docs.current(d)
}

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_r2_population) > 0
	count(_security_policies) == 0
	msg := sprintf(
		"no current information security policy at %s that the %d managers could acknowledge: %s",
		[input.as_of, count(_r2_population), "publish and approve one (see 5.1 R1)"],
	)
}

_r2_items_p contains result.fail("R2", msg, [m, ref]) if {
	some m in _r2_population
	some ref in _security_policies
	d := records.get(ref)
	not m in org.acked_people(d)
	not org.in_grace(m, d)
	msg := sprintf(
		"%s manages others but has not acknowledged major version %s of %s: have them acknowledge it",
		[m, org.major(d.version), ref],
	)
}

_passed_awareness_p contains t if {
	some t in records.of("TrainingRecord")
	t.course_type == "awareness"
	t.passed == true
	dates.visible(t.completed_on)
}

# _awareness maps a Person ref to the days they passed awareness training.
_awareness := {p: days |
	some p in {t.person | some t in _passed_awareness}
	days := {dates.day(t.completed_on) | some t in _passed_awareness; t.person == p}
}

_trained(m) if dates.within(dates.latest(_awareness[m]), input.params.training_refresh_days)

_new_hire(m) if dates.age(records.get(m).start_date) <= input.params.training_new_hire_days

_last_training(m) := dates.latest(_awareness[m])

_last_training(m) := "never" if not _awareness[m]

_r2_items_p contains result.fail("R2", msg, [m]) if {
	some m in _r2_population
	not _trained(m)
	not _new_hire(m)
	msg := sprintf(
		"%s manages others but passed no awareness training within %d days (training_refresh_days) of %s (last: %s): %s",
		[m, input.params.training_refresh_days, input.as_of, _last_training(m), "have them complete it"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every active manager acknowledged the current information security policy and has current awareness training",
		_r2_population, _r2_items,
	)
}

# --- R3: a current attestation by top management that personnel are directed to apply the policies.

_r3_valid := org.attested("5.4", set())

_r3_by_top := {ref | some ref in _r3_valid; records.get(ref).attested_by in org.top_management}

_names_communication(a) if {
	some x in a.scope
	startswith(x, "Document/")
	records.exists(x)
}

_names_communication(a) if {
	some group in object.get(a, "links", {})
	some x in group
	startswith(x, "Document/")
	records.exists(x)
}

_names_communication(a) if {
	some e in object.get(a, "evidence", [])
	trim_space(object.get(e, "uri", "")) != ""
}

_r3_ok := {ref | some ref in _r3_by_top; _names_communication(records.get(ref))}

_r3_message := msg if {
	count(_r3_by_top) > 0
	msg := sprintf(
		"%s refers to no communication used (no Document in its scope or links, no evidence attachment): add one",
		[org.listing(_r3_by_top)],
	)
} else := msg if {
	count(_r3_valid) > 0
	msg := sprintf(
		"%s is not made by a member of top management (%s): have one of them attest",
		[org.listing(_r3_valid), org.listing(org.top_management)],
	)
} else := sprintf(
	"%s: have a member of top management attest that personnel are directed to apply the policies, %s",
	[org.why_not_attested("5.4", set()), "naming the communication used"],
)

_r3_refs := _r3_ok if count(_r3_ok) > 0

_r3_refs := _r3_valid | {ops.isms_ref} if count(_r3_ok) == 0

findings contains f if {
	some f in result.require(
		"R3", count(_r3_ok) > 0,
		"a current attestation by top management states that personnel are directed to apply the policies",
		_r3_message, _r3_refs,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_isms_reviews := _isms_reviews_p

_r1_recent := _r1_recent_p

_r2_population := _r2_population_p

_security_policies := _security_policies_p

_r2_items := _r2_items_p

_passed_awareness := _passed_awareness_p
