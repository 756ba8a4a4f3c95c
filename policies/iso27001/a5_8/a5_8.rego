# METADATA
# title: Information security in project management
# description: >-
#   Security is built into projects: each project running or finished in the period had its
#   security reviewed by someone other than the project owner before it went live, significant
#   projects had their risks assessed before go-live, and every project is tied to a written set of
#   security requirements.
# scope: package
# custom:
#   control: iso27001:A.5.8
#   class: a
#   evidence: [ChangeRecord, RiskAssessment, Document]
#   rules:
#     R1: >-
#       Every project (ChangeRecord with change_class project) that is active at the as-of date or
#       went live within lookback_days has security_review.completed_on on or before its go-live day
#       (on or before as-of when not yet live), and security_review.by is a person other than the
#       project owner.
#     R2: >-
#       Every such project with significant true is linked to a RiskAssessment performed on or before
#       its go-live day (on or before as-of when not yet live): the assessment names the project in
#       trigger_ref or scope, or the project names the assessment in its links.
#     R3: >-
#       Every such project names in security_review.requirements_doc a Document that exists and is
#       published by the as-of date.
#   decisions:
#     - The go-live day is go_live_on, or deployed_on when a project states no go_live_on. A project is
#       active when it has not gone live by as-of and was not requested after as-of; projects that
#       state no requested_on are taken as started.
#     - A project not yet live must already show a completed security review at as-of, as the model's
#       "or on or before as-of when not yet live" says; security is to be addressed while the project
#       runs, not only at its end.
#     - The project owner is the record's owner, or its author when it names no owner.
#     - R1 applies to every project whatever security_review.required says, as the control asks that
#       security is addressed in every project.
#     - R3 asks only that the requirements document exists and is published; its approval and content
#       are left to 8.26 and the auditor.
package annexa.iso27001.a5_8

import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- the project population

_go_live(c) := dates.day(c.go_live_on)

_go_live(c) := dates.day(c.deployed_on) if {
	not c.go_live_on
	c.deployed_on
}

_live(c) if _go_live(c) <= input.as_of

_requested_later(c) if dates.day(c.requested_on) > input.as_of

_in_period(c) if {
	not _requested_later(c)
	not _live(c)
}

_in_period(c) if {
	_live(c)
	dates.within(_go_live(c), input.params.lookback_days)
}

_projects_p contains records.ref(c) if {
	some c in records.of("ChangeRecord")
	c.change_class == "project"
	_in_period(c)
}

# _deadline is the day by which a project's security work must be done.
_deadline(c) := _go_live(c) if _live(c)

_deadline(c) := input.as_of if not _live(c)

_when(c) := sprintf("went live on %s", [_go_live(c)]) if _live(c)

_when(c) := "is not live yet" if not _live(c)

_owner(c) := object.get(c, "owner", c.author)

# --- R1: security reviewed before go-live by someone other than the owner.

_reviewed_by(c, day) if dates.day(c.security_review.completed_on) <= day

_independent(c) if c.security_review.by != _owner(c)

_r1_items_p contains result.fail("R1", msg, [records.at(c, "security_review.completed_on")]) if {
	some ref in _projects
	c := records.get(ref)
	not _reviewed_by(c, _deadline(c))
	done := object.get(object.get(c, "security_review", {}), "completed_on", "never")
	msg := sprintf(
		"%s %s but its security review was not completed by %s (completed_on: %s): %s",
		[ref, _when(c), _deadline(c), done, "review the project's security before go-live"],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "security_review.by")]) if {
	some ref in _projects
	c := records.get(ref)
	_reviewed_by(c, _deadline(c))
	not _independent(c)
	msg := sprintf(
		"%s was security reviewed by %s, but the project owner is %s: have someone other than the owner review it",
		[ref, object.get(c.security_review, "by", "nobody named"), _owner(c)],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every project had its security reviewed before go-live by someone other than its owner",
		_projects, _r1_items,
	)
}

# --- R2: significant projects have a risk assessment before go-live.

_r2_population_p contains ref if {
	some ref in _projects
	records.get(ref).significant == true
}

# _named holds [ref, day] for each record a visible risk assessment names (trigger_ref or scope).
_named_p contains [ra.trigger_ref, dates.day(ra.performed_on)] if {
	some ra in records.of("RiskAssessment")
	dates.visible(ra.performed_on)
}

_named_p contains [x, dates.day(ra.performed_on)] if {
	some ra in records.of("RiskAssessment")
	dates.visible(ra.performed_on)
	some x in ra.scope
}

# _assessed maps a ref to the days of the risk assessments that name it.
_assessed := {x: days |
	some x in {y | some [y, _] in _named}
	days := {d | some [y, d] in _named; y == x}
}

_assessment_days(c) := object.get(_assessed, records.ref(c), set()) | {dates.day(ra.performed_on) |
	some group in object.get(c, "links", {})
	some x in group
	startswith(x, "RiskAssessment/")
	ra := records.get(x)
	dates.visible(ra.performed_on)
}

_assessed_by(c, day) if {
	some d in _assessment_days(c)
	d <= day
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	c := records.get(ref)
	not _assessed_by(c, _deadline(c))
	msg := sprintf(
		"%s is a significant project that %s, but no linked RiskAssessment was performed by %s: %s",
		[ref, _when(c), _deadline(c), "assess its risks before go-live and link the assessment (trigger_ref or scope)"],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every significant project had its risks assessed before go-live",
		_r2_population, _r2_items,
	)
}

# --- R3: a security requirements document is linked.

_has_requirements(c) if {
	d := records.get(c.security_review.requirements_doc)
	d.kind == "Document"
	dates.visible(d.published_on)
}

_r3_items_p contains result.fail("R3", msg, [records.at(c, "security_review.requirements_doc")]) if {
	some ref in _projects
	c := records.get(ref)
	not _has_requirements(c)
	named := object.get(object.get(c, "security_review", {}), "requirements_doc", "none")
	msg := sprintf(
		"%s links no published security requirements Document (security_review.requirements_doc: %s): %s",
		[ref, named, "write the project's security requirements and link them"],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every project links a published security requirements document",
		_projects, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_projects := _projects_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_named := _named_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
