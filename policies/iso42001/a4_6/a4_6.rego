# METADATA
# title: Human resources
# description: >-
#   Every AI system in service records the roles it needs and the skills each brings, every
#   person holding one of those roles keeps the training the role requires current, and every
#   such role is held by at least one person working for the organization.
# scope: package
# custom:
#   control: iso42001:A.4.6
#   class: a
#   evidence: [AISystem, Role, Person, TrainingRecord, Document]
#   rules:
#     R1: >-
#       Every AI system in service (lifecycle begun, not retired) lists at least one entry in
#       human_resources, and every entry names at least one competence.
#     R2: >-
#       Every active holder of a Role named in human_resources of such a system has, for each course
#       competence in the Role's required_competences, a passed TrainingRecord of that course (or of
#       a later or earlier version linked by supersedes) completed within the competence's renew_days
#       (default training_refresh_days); a holder who took the role less than training_new_hire_days
#       ago is not yet failed (at risk within at_risk_days of that deadline, and so is training that
#       expires within at_risk_days). A certification competence cannot be shown by any evidence kind
#       and fails.
#     R3: >-
#       Every Role named in human_resources of such a system exists and has at least one active
#       holder at as-of.
#   decisions:
#     - The competences listed on AISystem.human_resources are free text that no record evidences;
#       R1 checks that they are stated, and R2 checks the Role's required_competences, as the model
#       says.
#     - Course versions follow 27001 A.6.3 (training on a version linked through supersedes counts),
#       and new role holders get the same training_new_hire_days grace.
#     - Certifications ({cert} competences) have no evidence kind (TrainingRecord names a course, Person
#       has no certifications), so they fail with a message saying how to record them, instead of
#       passing unverified.
#     - Retired systems need no people; systems from inception on do, since people are the first
#       resource a system uses.
package annexa.iso42001.a4_6

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai.in_service_refs

# _needed maps a Role ref to the systems whose human_resources name it.
_needed := {k: vs |
	some k in {x[0] | some x in _needed_rows}
	vs := {x[1] | some x in _needed_rows; x[0] == k}
}

_needed_rows := {[h.role, sref] |
	some sref in _population
	some h in object.get(records.get(sref), "human_resources", [])
}

# --- R1: roles and competences listed.

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _population
	s := records.get(sref)
	count(object.get(s, "human_resources", [])) == 0
	msg := sprintf(
		"%s (stage %s) lists no human_resources: record the roles it needs and their competences",
		[sref, ai.stage(s)],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, sprintf("human_resources.%d", [i]))]) if {
	some sref in _population
	s := records.get(sref)
	some i, h in object.get(s, "human_resources", [])
	count(object.get(h, "competences", [])) == 0
	msg := sprintf("%s needs %s but names no competences for it: record the skills the role brings", [sref, h.role])
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system in service lists the roles it needs and their competences",
		_population, _r1_items,
	)
}

# --- R2: holders of those roles keep their training current.

# _credited maps "Person ref|course ref" to the days a person passed that course or another
# version of it.
_credited := {k: vs |
	some k in {x[0] | some x in _credited_rows}
	vs := {x[1] | some x in _credited_rows; x[0] == k}
}

_credited_rows := {[concat("|", [t.person, course]), dates.day(t.completed_on)] |
	some t in records.of("TrainingRecord")
	t.passed == true
	dates.visible(t.completed_on)
	some course in (ai2.versions(t.course) | {t.course})
}

# _pairs are [Person ref, Role ref, competence] for every active holder of a needed role.
_pairs_p contains [holder, role, c] if {
	some role, _ in _needed
	some c in object.get(records.get(role), "required_competences", [])
	some holder in object.get(people.holders, role, set())
}

_renew_days(c) := object.get(c, "renew_days", input.params.training_refresh_days)

_key(holder, c) := concat("|", [holder, c.course])

_last_credit(holder, c) := dates.latest(_credited[_key(holder, c)])

_last_credit_text(holder, c) := _last_credit(holder, c)

_last_credit_text(holder, c) := "never" if not _last_credit(holder, c)

_competent(holder, c) if dates.within(_last_credit(holder, c), _renew_days(c))

_assigned_since(holder, role) := max({a.from |
	some a in object.get(records.get(holder), "roles", [])
	a.role == role
	a.from <= input.as_of
	not _assignment_ended(a)
})

_assignment_ended(a) if a.to <= input.as_of

_grace_due(holder, role) := dates.add_days(_assigned_since(holder, role), input.params.training_new_hire_days)

_in_grace(holder, role) if _grace_due(holder, role) >= input.as_of

_r2_items_p contains result.fail("R2", msg, [holder, role]) if {
	some [holder, role, c] in _pairs
	is_string(c.cert)
	msg := sprintf(
		concat("", [
			"%s holds %s, which requires the certification %q, but no evidence kind records certifications: ",
			"describe it as a course Document, name that in the role and record a TrainingRecord",
		]),
		[holder, role, c.cert],
	)
}

_r2_items_p contains result.fail("R2", msg, [holder, role]) if {
	some [holder, role, c] in _pairs
	is_string(c.course)
	not _competent(holder, c)
	not _in_grace(holder, role)
	msg := sprintf(
		"%s holds %s (needed by %s) but has not passed %s within %d days (last: %s): have them take it",
		[
			holder, role, concat(", ", sort(_needed[role])), c.course, _renew_days(c),
			_last_credit_text(holder, c),
		],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [holder, role]) if {
	some [holder, role, c] in _pairs
	is_string(c.course)
	not _competent(holder, c)
	due := _grace_due(holder, role)
	ops.due_soon(due)
	msg := sprintf("%s took %s on %s and must pass %s by %s", [holder, role, _assigned_since(holder, role), c.course, due])
}

_r2_items_p contains result.at_risk("R2", msg, [holder, role]) if {
	some [holder, role, c] in _pairs
	is_string(c.course)
	_competent(holder, c)
	due := dates.add_days(_last_credit(holder, c), _renew_days(c))
	ops.due_soon(due)
	msg := sprintf("%s must renew %s for %s by %s", [holder, c.course, role, due])
}

findings contains f if {
	some f in result.check(
		"R2", "every holder of a role an AI system needs has current training in each required competence",
		{p[0] | some p in _pairs}, _r2_items,
	)
}

# --- R3: every needed role is defined and held.

_r3_items_p contains result.fail("R3", msg, [role]) if {
	some role, systems in _needed
	not records.exists(role)
	msg := sprintf(
		"%s is needed by %s but is not defined: create the role and assign it",
		[role, concat(", ", sort(systems))],
	)
}

_r3_items_p contains result.fail("R3", msg, [role]) if {
	some role, systems in _needed
	records.exists(role)
	people.holder_count(role) == 0
	msg := sprintf(
		"%s is needed by %s but no active person holds it at %s: assign it",
		[role, concat(", ", sort(systems)), input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every role an AI system needs is defined and held by at least one active person",
		{role | some role, _ in _needed}, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_pairs := _pairs_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
