# METADATA
# title: AI roles and responsibilities
# description: >-
#   The roles the AI management system needs are defined and filled by people working for the
#   organization, every AI system in service has an accountable owner, a technical owner and an
#   oversight role that resolve to active people and a staffed role, and the AI role definitions
#   are approved and kept under review.
# scope: package
# custom:
#   control: iso42001:A.3.2
#   class: a
#   evidence: [Role, Person, AISystem]
#   rules:
#     R1: >-
#       Every role id in required_roles_aims is a Role record with at least max(1, min_holders)
#       active holders at the as-of date (holders from Person.roles).
#     R2: >-
#       Every AI system in service (lifecycle begun, not retired at as-of) has an owner and a
#       technical_owner who are active people; from stage deployment on it names an oversight_role,
#       and a named oversight_role is a Role with at least one active holder.
#     R3: >-
#       Every AI role that exists as a Role record has an approving decision and was reviewed or
#       approved within doc_review_days (at risk within at_risk_days of that deadline).
#   decisions:
#     - AI roles for R3 are data.annexa.lib.ai.ai_roles (required_roles_aims, Role category aims, and
#       the oversight, operator and resource roles of AI systems in service).
#     - R1 asks for at least one holder even when min_holders is 0, since a required role nobody
#       holds is not assigned.
#     - The model asks every AI system for an oversight_role; the schema makes it optional and there
#       is no output to oversee before deployment, so presence is required from stage deployment
#       on (a role named earlier must still resolve).
#     - The model says "365 d" for role reviews without naming a parameter; doc_review_days (default
#       365) is used, as 27001 A.5.2 R4 does for role definitions.
package annexa.iso42001.a3_2

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: every required AIMS role is defined and filled.

_r1_population := {people.role_ref(id) | some id in input.params.required_roles_aims}

_r1_items_p contains result.fail("R1", msg, [role]) if {
	some role in _r1_population
	not records.exists(role)
	msg := sprintf("%s is required (required_roles_aims) but not defined: create the role and assign holders", [role])
}

_r1_items_p contains result.fail("R1", msg, [role]) if {
	some role in _r1_population
	r := records.get(role)
	need := max({1, object.get(r, "min_holders", 1)})
	people.holder_count(role) < need
	msg := sprintf(
		"%s has %d active holders at %s but needs at least %d: assign it",
		[role, people.holder_count(role), input.as_of, need],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every role in required_roles_aims is defined and held by enough active people",
		_r1_population, _r1_items,
	)
}

# --- R2: owner, technical owner and oversight role of each AI system resolve.

_r2_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.in_service(s)
}

_r2_items_p contains result.fail("R2", msg, [_field_ref(s, field)]) if {
	some ref in _r2_population
	s := records.get(ref)
	some field in ["owner", "technical_owner"]
	not people.active_ref(object.get(s, field, ""))
	msg := sprintf(
		"%s (stage %s) has %s %s, who is not an active person at %s: assign an active person",
		[ref, ai.stage(s), field, object.get(s, field, "none"), input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	s := records.get(ref)
	ai.reached(s, "deployment")
	not s.oversight_role
	msg := sprintf(
		"%s is at stage %s but names no oversight_role: name the role that oversees its output",
		[ref, ai.stage(s)],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(s, "oversight_role")]) if {
	some ref in _r2_population
	s := records.get(ref)
	not records.exists(s.oversight_role)
	msg := sprintf(
		"%s names oversight_role %s, which is not defined: create the role or fix the reference",
		[ref, s.oversight_role],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(s, "oversight_role")]) if {
	some ref in _r2_population
	s := records.get(ref)
	records.exists(s.oversight_role)
	people.holder_count(s.oversight_role) == 0
	msg := sprintf(
		"%s names oversight_role %s, which no active person holds at %s: assign it",
		[ref, s.oversight_role, input.as_of],
	)
}

_field_ref(s, field) := records.at(s, field) if s[field]

_field_ref(s, field) := records.ref(s) if not s[field]

findings contains f if {
	some f in result.check(
		"R2", "every AI system in service has an active owner, technical owner and a staffed oversight role",
		_r2_population, _r2_items,
	)
}

# --- R3: AI role definitions approved and reviewed within doc_review_days.

_r3_population := {role | some role in ai.ai_roles; records.exists(role)}

_last_reviewed(r) := dates.latest({x.on | some x in object.get(r, "reviews", [])} | records.approved_on(r))

_review_due(r) := dates.add_days(_last_reviewed(r), input.params.doc_review_days)

_r3_items_p contains result.fail("R3", msg, [role]) if {
	some role in _r3_population
	count(records.approved_on(records.get(role))) == 0
	msg := sprintf(
		"%s is an AI role without an approved definition at %s: have its definition approved",
		[role, input.as_of],
	)
}

_r3_items_p contains result.fail("R3", msg, [role]) if {
	some role in _r3_population
	r := records.get(role)
	count(records.approved_on(r)) > 0
	_review_due(r) < input.as_of
	msg := sprintf(
		"%s was last reviewed on %s, more than %d days ago (doc_review_days): review the role definition",
		[role, _last_reviewed(r), input.params.doc_review_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [role]) if {
	some role in _r3_population
	r := records.get(role)
	count(records.approved_on(r)) > 0
	due := _review_due(r)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s is due for review on %s", [role, due])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("every AI role definition is approved and was reviewed within %d days", [input.params.doc_review_days]),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
