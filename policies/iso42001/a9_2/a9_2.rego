# METADATA
# title: Processes for responsible use of AI systems
# description: >-
#   A procedure for using AI systems responsibly is in force; every AI system in production has
#   a designed human oversight (who oversees it, whether they can overrule it and when it must be
#   stopped); the people who oversee it were trained to operate it; and oversight is shown to
#   work, by logged overrides reviewed regularly or, where nothing is logged, by the system
#   owner's time-limited attestation.
# scope: package
# custom:
#   control: iso42001:A.9.2
#   class: b
#   evidence: [Document, AISystem, Role, Person, TrainingRecord, LoggingSource, TestRun, Activity, Attestation]
#   rules:
#     R1: >-
#       A current Document with topic responsible-ai-use (doc_type procedure, policy, topic-policy,
#       standard or methodology; published, approved for its version, not superseded) was
#       reviewed or approved within its review_interval_days, or doc_review_days when it sets
#       none (at risk within at_risk_days of that deadline).
#     R2: >-
#       Every AI system in production (in service at stage deployment or later) records an
#       oversight design - oversight.mode, an oversight.operators_role that is a Role record, a
#       boolean oversight.can_override and non-empty oversight.stop_conditions.
#     R3: >-
#       Every active holder of the operators role of such a system (oversight.operators_role, else
#       oversight_role) completed and passed operator training for it - an ai-operator
#       TrainingRecord naming the system in ai_system (or, without ai_system, whose course names
#       the system in subject_refs), or a course that the operators role lists in
#       required_competences - unless they took the role at most training_new_hire_days ago (then
#       at risk within at_risk_days of that deadline).
#     R4: >-
#       For every such system with switched-on logging of human overrides (a LoggingSource of the
#       system with log type ai-override, observed within posture_max_age_days), an Activity of
#       type oversight-review naming the system or one of its LoggingSources was performed within
#       ai_monitoring_review_days (at risk within at_risk_days); for a system without such
#       logging, a current Attestation of iso42001:A.9.2 covering the system, made by its owner
#       (valid, role held, within attestation_max_days, exceptions handled).
#   decisions:
#     - The model names the system owner as the attester, which is a person (AISystem.owner), not a
#       role; an attestation counts when that person made it in a role they held on the day.
#     - With override logging in place the attestation cannot replace the missing review, because
#       the model asks for the attestation only where no such log exists.
#     - System-specific training may be shown by the course the operators role requires, so that a
#       role operating several systems with one course (as a support desk does) is not failed;
#       whether that course covers each system is for the auditor to sample.
#     - The model gives no grace period for new operators; training_new_hire_days, the grace of
#       27001 A.6.3 for training newcomers, is used from the day the role was taken.
#     - A procedure is accepted under any document type that can carry one, with topic
#       responsible-ai-use; freshness uses doc_review_days as for other controlled documents.
package annexa.iso42001.a9_2

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_control := "iso42001:A.9.2"

_population := ai3.production_refs

# --- R1: a current, reviewed responsible-use procedure.

_procedures_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type in ai3.data_procedure_types
	object.get(d, "topic", "") == "responsible-ai-use"
	docs.current(d)
}

_due(d) := dates.add_days(docs.last_reviewed(d), docs.review_interval(d, input.params.doc_review_days))

_fresh := {ref | some ref in _procedures; _due(records.get(ref)) >= input.as_of}

_r1_population := _procedures if count(_procedures) > 0

_r1_population := {ai3.aims_ref} if count(_procedures) == 0

_r1_items_p contains result.fail("R1", msg, [ai3.aims_ref]) if {
	count(_procedures) == 0
	msg := sprintf(
		"no current responsible AI use procedure at %s (topic responsible-ai-use, published, approved): publish one",
		[input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	count(_fresh) == 0
	some ref in _procedures
	d := records.get(ref)
	msg := sprintf(
		"%s, the responsible AI use procedure, was last reviewed on %s and was due on %s: review it",
		[ref, docs.last_reviewed(d), _due(d)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref in _fresh
	due := _due(records.get(ref))
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s, the responsible AI use procedure, is due for review on %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R1", "a current, reviewed procedure governs the responsible use of AI systems",
		_r1_population, _r1_items,
	)
}

# --- R2: an oversight design.

_oversight(s) := object.get(s, "oversight", {})

_design_gaps(s) := [g |
	some g in ["mode", "operators_role", "can_override", "stop_conditions"]
	not _designed(_oversight(s), g)
]

_designed(o, "mode") if o.mode in {"in-the-loop", "on-the-loop", "in-command"}

_designed(o, "operators_role") if records.get(o.operators_role).kind == "Role"

_designed(o, "can_override") if is_boolean(o.can_override)

_designed(o, "stop_conditions") if trim_space(object.get(o, "stop_conditions", "")) != ""

_r2_items_p contains result.fail("R2", msg, [_oversight_ref(s)]) if {
	some ref in _population
	s := records.get(ref)
	gaps := _design_gaps(s)
	count(gaps) > 0
	msg := sprintf(
		"the oversight design of %s lacks %s (an operators_role must be a defined Role): complete oversight",
		[ref, concat(", ", gaps)],
	)
}

_oversight_ref(s) := records.at(s, "oversight") if s.oversight

_oversight_ref(s) := records.ref(s) if not s.oversight

findings contains f if {
	some f in result.check(
		"R2", "every AI system in production has a complete human oversight design",
		_population, _r2_items,
	)
}

# --- R3: operators trained for the system.

_operators_role(s) := s.oversight.operators_role

_operators_role(s) := s.oversight_role if not s.oversight.operators_role

# _operators maps "system|person" to [system, person, role] for each active operator.
_operators := {concat("|", [sref, p]): [sref, p, role] |
	some sref in _population
	role := _operators_role(records.get(sref))
	some p in object.get(people.holders, role, set())
}

_passed(t) if {
	t.passed == true
	dates.visible(t.completed_on)
}

# _trained_for maps a Person ref to the AI systems they passed operator training for.
_trained_for := {k: vs |
	some k in {x[0] | some x in _trained_for_rows}
	vs := {x[1] | some x in _trained_for_rows; x[0] == k}
}

_trained_for_rows := {[t.person, t.ai_system] |
	some t in records.of("TrainingRecord")
	t.course_type == "ai-operator"
	_passed(t)
	t.ai_system
} | {[t.person, sref] |
	some t in records.of("TrainingRecord")
	t.course_type == "ai-operator"
	_passed(t)
	not t.ai_system
	some sref in object.get(records.get(t.course), "subject_refs", [])
}

# _courses_done maps a Person ref to the courses they passed.
_courses_done := {k: vs |
	some k in {x[0] | some x in _courses_done_rows}
	vs := {x[1] | some x in _courses_done_rows; x[0] == k}
}

_courses_done_rows := {[t.person, t.course] |
	some t in records.of("TrainingRecord")
	_passed(t)
}

_role_courses(role) := {c.course | some c in object.get(records.get(role), "required_competences", []); c.course}

_trained(sref, p, _) if sref in _trained_for[p]

_trained(_, p, role) if {
	some c in _role_courses(role)
	c in _courses_done[p]
}

_since(p, role) := min({a.from |
	some a in object.get(records.get(p), "roles", [])
	a.role == role
	a.from <= input.as_of
	not _ended(a)
})

_ended(a) if a.to <= input.as_of

_training_due(p, role) := dates.add_days(_since(p, role), input.params.training_new_hire_days)

_r3_items_p contains result.fail("R3", msg, [p]) if {
	some _, [sref, p, role] in _operators
	not _trained(sref, p, role)
	due := _training_due(p, role)
	due < input.as_of
	msg := sprintf(
		concat("", [
			"%s operates %s as %s since %s but has passed no operator training for it (due %s, ",
			"training_new_hire_days=%d): train them",
		]),
		[p, sref, role, _since(p, role), due, input.params.training_new_hire_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [p]) if {
	some _, [sref, p, role] in _operators
	not _trained(sref, p, role)
	due := _training_due(p, role)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s must pass operator training for %s by %s", [p, sref, due])
}

findings contains f if {
	some f in result.check(
		"R3", "every operator of an AI system in production passed operator training for it",
		{p | some _, [_, p, _] in _operators}, _r3_items,
	)
}

# --- R4: oversight shown to work.

_override_logged(sref) if {
	some x in ai3.enabled_logs(sref)
	"ai-override" in records.get(x).log_types
}

# _reviews maps a subject ref to the days an oversight-review Activity named it.
_reviews := {k: vs |
	some k in {x[0] | some x in _reviews_rows}
	vs := {x[1] | some x in _reviews_rows; x[0] == k}
}

_reviews_rows := {[x, dates.day(a.performed_on)] |
	some a in records.of("Activity")
	a.activity_type == "oversight-review"
	dates.visible(a.performed_on)
	some x in a.subject_refs
}

_last_review(sref) := dates.latest({d |
	some subject in ({sref} | object.get(ai3.log_sources, sref, set()))
	some d in _reviews[subject]
})

_last_review_text(sref) := _last_review(sref)

_last_review_text(sref) := "never" if not _last_review(sref)

_reviewed(sref) if dates.within(_last_review(sref), input.params.ai_monitoring_review_days)

_r4_items_p contains result.fail("R4", msg, [sref]) if {
	some sref in _population
	_override_logged(sref)
	not _reviewed(sref)
	msg := sprintf(
		concat("", [
			"%s logs human overrides but has no oversight-review Activity within ai_monitoring_review_days=%d ",
			"(last: %s): review the overrides and record it",
		]),
		[sref, input.params.ai_monitoring_review_days, _last_review_text(sref)],
	)
}

_r4_items_p contains result.at_risk("R4", msg, [sref]) if {
	some sref in _population
	_override_logged(sref)
	due := dates.add_days(_last_review(sref), input.params.ai_monitoring_review_days)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s needs its next oversight review by %s", [sref, due])
}

_r4_items_p contains result.fail("R4", msg, [sref]) if {
	some sref in _population
	not _override_logged(sref)
	s := records.get(sref)
	count(ai3.owner_attestations(_control, s)) == 0
	msg := sprintf(
		"%s has no switched-on override log and no current attestation of %s by its owner %s (%s): %s",
		[sref, _control, s.owner, ai3.owner_why_not(_control, s), "log overrides or have the owner attest oversight"],
	)
}

_r4_refs := _population | {ref |
	some sref in _population
	not _override_logged(sref)
	some ref in ai3.owner_attestations(_control, records.get(sref))
}

findings contains f if {
	some f in result.check(
		"R4",
		"human oversight of every AI system in production is shown by reviewed override logs or the owner's attestation",
		_r4_refs, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_procedures := _procedures_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
