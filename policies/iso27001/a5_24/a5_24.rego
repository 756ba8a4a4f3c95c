# METADATA
# title: Information security incident management planning and preparation
# description: >-
#   The organisation is ready for incidents before they happen: an approved incident-response
#   plan is in force and kept under review, the incident lead and responder roles are staffed,
#   the contacts to authorities and the escalation contacts the plan relies on have been tested
#   recently, and the plan has been rehearsed in a tabletop exercise whose lessons were written
#   down.
# scope: package
# custom:
#   control: iso27001:A.5.24
#   class: a
#   evidence: [Document, Role, Person, CommsChannel, LegalRequirement, Exercise, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current incident-response plan exists (Document with doc_type plan and topic
#       incident-response, published, approved for its version and not superseded), and every
#       current plan was reviewed or approved within the shorter of its own review_interval_days
#       and doc_review_days.
#     R2: >-
#       Role/incident-lead and Role/incident-responder are defined and each has at least
#       max(1, min_holders) active holders at the as-of date.
#     R3: >-
#       Every authority or escalation channel (each CommsChannel with channel_type authority, each
#       channel named as the authority of a LegalRequirement obligation, and each CommsChannel
#       linked from a current incident-response plan) exists, and its latest test is ok and lies
#       within contact_verify_days (the check of 5.5 R2, done here inline).
#     R4: >-
#       An Exercise of type incident-tabletop was performed within ir_tabletop_days and at least
#       one such exercise recorded lessons or follow-up actions.
#   decisions:
#     - The plan is a Document with doc_type plan and topic incident-response; the incident policy
#       (topic-policy) and the handling procedure are checked by 5.1 and 5.37, not here.
#     - The review interval is the shorter of the document's own review_interval_days and the
#       parameter doc_review_days, so a document cannot relax the organisation's parameter.
#     - Roles need max(1, min_holders) active holders; a role that is not defined fails, since
#       nobody can be shown to hold it.
#     - Escalation channels are the CommsChannel references the current plan lists in its links
#       (any link group); the model has no escalation channel type. Inbound reporting channels
#       are checked by 6.8 unless the plan links them.
#     - A channel counts as verified only when its most recent test (by date) is ok; a later
#       failed test cancels an earlier success. A channel named but not recorded fails.
#     - A tabletop counts whatever its result; what matters for this control is that it was held
#       and that lessons or actions were recorded. When no tabletop in the window recorded them,
#       each tabletop in the window fails.
package annexa.iso27001.a5_24

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current incident-response plan, reviewed in time.

_plans_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type == "plan"
	object.get(d, "topic", "") == "incident-response"
	docs.current(d)
}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_plans) == 0
	msg := concat(" ", [
		"no current incident-response plan (Document, doc_type plan, topic incident-response,",
		"published and approved for its version): write, approve and publish one",
	])
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, "reviews")]) if {
	some ref in _plans
	d := records.get(ref)
	not _reviewed_in_time(d)
	msg := sprintf(
		"%s was last reviewed on %s, more than %d days before %s: review it and record the review",
		[ref, _last_review(d), _review_days(d), input.as_of],
	)
}

# _review_days is the shorter of the document's own interval and doc_review_days.
_review_days(d) := min({input.params.doc_review_days, _own_interval(d)})

_own_interval(d) := object.get(d, "review_interval_days", input.params.doc_review_days)

_reviewed_in_time(d) if dates.within(docs.last_reviewed(d), _review_days(d))

_last_review(d) := docs.last_reviewed(d)

_last_review(d) := "never" if not docs.last_reviewed(d)

findings contains f if {
	some f in result.check(
		"R1", "a current incident-response plan exists and was reviewed within its interval",
		_plans, _r1_items,
	)
}

# --- R2: incident lead and responder roles staffed.

_r2_population := {people.role_ref("incident-lead"), people.role_ref("incident-responder")}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not records.exists(ref)
	msg := sprintf("%s is not defined: add the Role and assign active holders to it", [ref])
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	role := records.get(ref)
	need := max({1, object.get(role, "min_holders", 1)})
	have := people.holder_count(ref)
	have < need
	msg := sprintf(
		"%s has %d active holder(s) on %s, at least %d needed: assign the role",
		[ref, have, input.as_of, need],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "the incident lead and incident responder roles have enough active holders",
		_r2_population, _r2_items,
	)
}

# --- R3: authority and escalation channels verified within contact_verify_days.

_r3_population_p contains records.ref(c) if {
	some c in records.of("CommsChannel")
	c.channel_type == "authority"
}

_r3_population_p contains o.authority if {
	some l in records.of("LegalRequirement")
	some o in object.get(l, "obligations", [])
	is_string(o.authority)
}

_r3_population_p contains ref if {
	some p in _plans
	some group in object.get(records.get(p), "links", {})
	some ref in group
	startswith(ref, "CommsChannel/")
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	not records.exists(ref)
	msg := sprintf(
		"%s is named as an authority or escalation contact but no such record exists: add it or fix the reference",
		[ref],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(c, "tests")]) if {
	some ref in _r3_population
	c := records.get(ref)
	not _verified(c)
	msg := sprintf(
		"%s has no successful test within %d days of %s (latest test: %s): test the contact and record the result",
		[ref, input.params.contact_verify_days, input.as_of, _latest_test(c)],
	)
}

_last_test_day(c) := dates.latest({t.on | some t in object.get(c, "tests", [])})

# _latest_ok holds when a test on the latest test day succeeded.
_latest_ok(c) if {
	d := _last_test_day(c)
	some t in c.tests
	dates.day(t.on) == d
	t.result == "ok"
}

_verified(c) if {
	_latest_ok(c)
	dates.within(_last_test_day(c), input.params.contact_verify_days)
}

_latest_test(c) := sprintf("%s ok", [_last_test_day(c)]) if _latest_ok(c)

_latest_test(c) := sprintf("%s failed", [_last_test_day(c)]) if {
	_last_test_day(c)
	not _latest_ok(c)
}

_latest_test(c) := "never" if not _last_test_day(c)

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every authority and escalation contact was tested successfully within %d days",
			[input.params.contact_verify_days],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: incident tabletop within ir_tabletop_days with lessons or actions.

_tabletops_p contains records.ref(e) if {
	some e in records.of("Exercise")
	e.exercise_type == "incident-tabletop"
	dates.within(e.performed_on, input.params.ir_tabletop_days)
}

_followed_up(e) if trim_space(object.get(e, "lessons", "")) != ""

_followed_up(e) if count(object.get(e, "actions", [])) > 0

_some_followed_up if {
	some ref in _tabletops
	_followed_up(records.get(ref))
}

_r4_items_p contains result.fail("R4", msg, [ops.isms_ref]) if {
	count(_tabletops) == 0
	msg := sprintf(
		"no incident-response tabletop exercise within %d days of %s (last: %s): hold one and record its lessons",
		[input.params.ir_tabletop_days, input.as_of, _last_tabletop],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.at(e, "lessons")]) if {
	not _some_followed_up
	some ref in _tabletops
	e := records.get(ref)
	msg := sprintf(
		"%s on %s recorded neither lessons nor actions: record what was learned and the follow-ups",
		[ref, e.performed_on],
	)
}

_last_tabletop := d if {
	d := dates.latest({e.performed_on | some e in records.of("Exercise"); e.exercise_type == "incident-tabletop"})
} else := "never"

findings contains f if {
	some f in result.check(
		"R4", sprintf(
			"an incident-response tabletop within %d days recorded lessons or actions",
			[input.params.ir_tabletop_days],
		),
		_tabletops, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_plans := _plans_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p

_tabletops := _tabletops_p

_r4_items := _r4_items_p
