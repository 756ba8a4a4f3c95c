# METADATA
# title: Support, operation, evaluation and improvement clauses
# description: >-
#   The checks of clauses 7.1 to 7.5, 8.1 to 8.3, 9.1, 10.1 and 10.2, which both standards
#   share, and of the ISO/IEC 42001 clause 8.4. Every function takes the standard
#   (iso27001:2022 or iso42001:2023) and reads only the records that belong to it:
#   ManagementSystem and RiskAssessment by their standard, ManagementReview and InternalAudit
#   by their standards, a Nonconformity by its standard (by its systems when it names none),
#   an Objective by its category (security for ISO/IEC 27001; ai-development, ai-use and aims
#   for ISO/IEC 42001), a ChangeRecord by the records it touches, and every other kind by its
#   systems (isms, aims; absent or empty means both). Indexes are complete rules built with
#   comprehensions, so each is computed once per query.
# scope: package
package annexa.lib.support

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.assurance
import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.incidents
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

# ---- which records belong to a standard

# standards are the two management-system standards, with their editions.
standards := {"iso27001:2022", "iso42001:2023"}

# tag maps a standard to the name its records carry in systems.
tag := {"iso27001:2022": "isms", "iso42001:2023": "aims"}

# short returns a standard without its edition: iso27001 for iso27001:2022.
short(std) := split(std, ":")[0]

_objective_standard := {
	"security": "iso27001:2022",
	"ai-development": "iso42001:2023", "ai-use": "iso42001:2023", "aims": "iso42001:2023",
}

_own_field := {
	"ManagementSystem", "RiskAssessment", "ManagementReview", "InternalAudit",
	"Nonconformity", "Objective", "ChangeRecord",
}

_tagged(r, _) if count(object.get(r, "systems", [])) == 0

_tagged(r, std) if tag[std] in object.get(r, "systems", [])

# _plain decides membership for every kind except ChangeRecord.
_plain(r, std) if {
	r.kind in {"ManagementSystem", "RiskAssessment"}
	r.standard == std
}

_plain(r, std) if {
	r.kind in {"ManagementReview", "InternalAudit"}
	std in r.standards
}

_plain(r, std) if {
	r.kind == "Nonconformity"
	r.standard == std
}

_plain(r, std) if {
	r.kind == "Nonconformity"
	not r.standard
	_tagged(r, std)
}

_plain(r, std) if {
	r.kind == "Objective"
	_objective_standard[r.category] == std
}

_plain(r, std) if {
	not r.kind in _own_field
	_tagged(r, std)
}

# belongs holds when a record counts for a standard. A ChangeRecord carries references in
# systems, not isms/aims: it belongs to every standard of a record it touches, and to both when
# it names none or a reference does not resolve.
belongs(r, std) if {
	r.kind != "ChangeRecord"
	_plain(r, std)
}

belongs(c, std) if {
	c.kind == "ChangeRecord"
	some ref in c.systems
	_touched(ref, std)
}

belongs(c, _) if {
	c.kind == "ChangeRecord"
	count(object.get(c, "systems", [])) == 0
}

_touched(ref, std) if _plain(records.get(ref), std)

_touched(ref, _) if not records.exists(ref)

_kinds := {
	"Person", "Role", "Document", "Disclosure", "CommsChannel", "Supplier", "ChangeRecord",
	"RiskAssessment", "RiskTreatment", "AISystem", "Incident", "Objective", "ManagementReview",
	"InternalAudit", "Nonconformity", "ManagementSystem",
}

# members maps a standard and a kind to the refs of the records of that kind that belong to it.
members := {std: by_kind |
	some std in standards
	by_kind := {kind: _members[kind][std] | some kind in _kinds}
}

# _members maps a kind to the member refs of each standard, computed for a kind only when it is
# looked up (a lookup with a given key evaluates and caches that key alone).
_members[kind] := {std: _member_refs(kind, std) | some std in standards} if some kind in _kinds

# _member_refs applies belongs with one rule per kind, so a record is tested once.
_member_refs(kind, std) := {records.ref(r) | some r in records.of(kind); r.standard == std} if {
	kind in {"ManagementSystem", "RiskAssessment"}
}

_member_refs(kind, std) := {records.ref(r) | some r in records.of(kind); std in r.standards} if {
	kind in {"ManagementReview", "InternalAudit"}
}

_member_refs("Nonconformity", std) := {records.ref(r) | some r in records.of("Nonconformity"); _plain(r, std)}

_member_refs("Objective", std) := {records.ref(r) |
	some r in records.of("Objective")
	_objective_standard[r.category] == std
}

_member_refs("ChangeRecord", std) := {x[1] | some x in _change_members; x[0] == std}

# _change_members holds [standard, ChangeRecord ref] for every standard a change belongs to
# (belongs), worked out in one pass over the changes for both standards.
_change_members := {[std, records.ref(c)] |
	some c in records.of("ChangeRecord")
	some std in _change_standards(c)
}

_change_standards(c) := standards if count(object.get(c, "systems", [])) == 0

_change_standards(c) := {std | some ref in c.systems; some std in _system_standards[ref]} if {
	count(object.get(c, "systems", [])) > 0
}

# _system_standards maps each reference named in the systems of a ChangeRecord to the standards
# it touches (_touched), so each reference is resolved once.
_system_standards := {ref: {std | some std in standards; _touched(ref, std)} | some ref in _change_systems}

_member_refs(kind, std) := {records.ref(r) | some r in records.of(kind); _tagged(r, std)} if not kind in _own_field

_change_systems := {ref | some c in records.of("ChangeRecord"); some ref in object.get(c, "systems", [])}

# of returns the refs of the records of a kind that belong to a standard.
of(kind, std) := refs if {
	refs := _members[kind][std]
} else := set()

# ms_refs returns the refs of the ManagementSystem records of a standard.
ms_refs(std) := of("ManagementSystem", std)

# anchor names the ManagementSystem of a standard for failures about something missing; the
# bare kind when there is no such record.
anchor(std) := refs if {
	refs := ms_refs(std)
	count(refs) > 0
} else := {"ManagementSystem"}

# top_management returns the Person refs named as top management of a standard's system.
top_management(std) := {p | some ref in ms_refs(std); some p in object.get(records.get(ref), "top_management", [])}

# active_people returns the refs of the active people who belong to a standard.
active_people(std) := _active_people[std]

_active_people[std] := people.active_refs & of("Person", std) if some std in standards

_lookback := input.params.lookback_days

_msg(what, args, fix) := concat(": ", [sprintf(what, args), fix])

_filled(v) if {
	is_string(v)
	trim_space(v) != ""
}

_plural(n, one, _) := one if n == 1

_plural(n, _, many) := many if n != 1

# _requirement returns the clause or control number of a Nonconformity without its prefix.
_requirement(nc) := parts[count(parts) - 1] if parts := split(object.get(nc, "requirement", ""), ":")

_closed(nc) if dates.visible(nc.closed_on)

# passed_trainings are the passed TrainingRecords completed by the as-of date.
# It is an object keyed by record id: a set of whole records would hash every record.
passed_trainings := {id: t |
	some id, t in records.of("TrainingRecord")
	t.passed == true
	dates.visible(t.completed_on)
}

# ---- latest management review (7.1 R1, 10.1 R1)

_mr_days := input.params.management_review_days

_no_review(rule, std, what) := {result.fail(rule, msg, anchor(std)) |
	not assurance.latest_review[std]
	msg := _msg(
		"no management review of %s is recorded, so %s cannot be shown",
		[std, what],
		sprintf("hold one with top management and record %s", [what]),
	)
}

_stale_review(rule, std, what) := {result.fail(rule, msg, [records.at(mr, "held_on")]) |
	ref := assurance.latest_review[std]
	mr := records.get(ref)
	dates.age(mr.held_on) > _mr_days
	msg := _msg(
		concat("", [
			"the latest management review of %s, %s, was held on %s, %d days ago (management_review_days = %d), ",
			"so %s is out of date",
		]),
		[std, ref, dates.day(mr.held_on), dates.age(mr.held_on), _mr_days, what],
		"hold the next review",
	)
}

_decided(mr, "resources") if {
	some d in object.get(mr, "decisions", [])
	object.get(d, "type", "") == "resources"
}

_decided(mr, "resources") if {
	some d in object.get(mr, "decisions", [])
	regex.match(`(?i)resourc`, object.get(d, "text", ""))
}

_decided(mr, "improvement") if {
	some d in object.get(mr, "decisions", [])
	object.get(d, "type", "") == "improvement"
}

_undecided(rule, std, type, what) := {result.fail(rule, msg, [records.at(mr, "decisions")]) |
	ref := assurance.latest_review[std]
	mr := records.get(ref)
	not _decided(mr, type)
	msg := _msg("%s (held %s) records %s", [ref, dates.day(mr.held_on), what], "record what top management decided")
}

# latest_review_population is the latest management review of a standard, as a set (empty when none).
latest_review_population(std) := assurance.latest_population(std)

# ---- 7.1 Resources

# resources_summary is the pass message of 7.1 R1.
resources_summary(std) := sprintf(
	"the latest management review of %s, held within %d days (management_review_days), decided on resources",
	[std, _mr_days],
)

# resources_items fails when no management review of the standard is recorded, when the latest
# was held more than management_review_days ago, and when it records no decision on resources
# (type resources, or a decision whose text speaks of resources).
resources_items(rule, std) := (_no_review(rule, std, "a decision on resources") | _stale_review(
	rule, std,
	"its decision on resources",
)) | _undecided(
	rule, std, "resources",
	"no decision on resources (of type resources, or stating that resources are adequate)",
)

_clause(std, n) := concat(":", [short(std), n])

# resources_attestations returns the valid attestations of clause 7.1 of a standard that a
# member of its top management made and whose scope names its ManagementSystem.
resources_attestations(std) := {ref |
	id := _clause(std, "7.1")
	some ms in ms_refs(std)
	some ref in attest.current(id, set(), ms)
	records.get(ref).attested_by in top_management(std)
}

# resources_attestation_summary is the pass message of 7.1 R2.
resources_attestation_summary(std) := sprintf(
	"a current Attestation of %s by top management of %s states that the resources are provided",
	[_clause(std, "7.1"), std],
)

# resources_attestation_items fails when no attestation of resources_attestations exists, with
# the reasons of the attestations that do not count.
resources_attestation_items(rule, std) := {result.fail(rule, msg, refs) |
	count(resources_attestations(std)) == 0
	id := _clause(std, "7.1")
	refs := anchor(std) | object.get(attest.for_control, id, set())
	msg := _msg(
		"no current Attestation of %s by top management of %s (%s) covers %s (%s)",
		[id, std, org.listing(top_management(std)), org.listing(ms_refs(std)), _attest_why(std, id)],
		"have a member of top management attest that the resources are provided",
	)
}

_attest_why(std, id) := concat("; ", sort(reasons)) if {
	others := {sprintf("%s was made by %s, who is not top management", [ref, records.get(ref).attested_by]) |
		some ms in ms_refs(std)
		some ref in attest.current(id, set(), ms)
		not records.get(ref).attested_by in top_management(std)
	}
	invalid := {sprintf("for %s: %s", [ms, attest.why_not(id, set(), ms)]) |
		some ms in ms_refs(std)
		count(attest.current(id, set(), ms)) == 0
	}
	reasons := others | invalid
	count(reasons) > 0
} else := sprintf("no ManagementSystem record of %s exists", [std])

# ---- 7.2 Competence

_refresh := input.params.training_refresh_days

_new_hire := input.params.training_new_hire_days

# _credit_rows: a passed course also credits every earlier version it supersedes.
_credit_rows := {{"key": concat("|", [t.person, c]), "day": dates.day(t.completed_on)} |
	some t in passed_trainings
	some c in ({t.course} | ai2.earlier_versions(t.course))
}

# _credited maps "Person ref|course ref" to the days the person passed that course or a later
# version of it.
_credited := {k: days |
	some k in {r.key | some r in _credit_rows}
	days := {r.day | some r in _credit_rows; r.key == k}
}

# _competences maps a standard to [holder, role, index] for every required competence of a
# role of the standard and every active holder of the role.
_competences := {std: rows |
	some std in standards
	rows := {[holder, role, i] |
		some role in of("Role", std)
		some i, _ in object.get(records.get(role), "required_competences", [])
		some holder in object.get(people.holders, role, set())
	}
}

_competence(x) := records.get(x[1]).required_competences[x[2]]

_competence_ref(x) := records.at(records.get(x[1]), sprintf("required_competences.%d", [x[2]]))

_competence_name(c) := c.course if is_string(c.course)

_competence_name(c) := sprintf("the certification %q", [c.cert]) if is_string(c.cert)

_renew_days(c) := object.get(c, "renew_days", _refresh)

_last_credit(holder, course) := dates.latest(object.get(_credited, concat("|", [holder, course]), set()))

_last_credit_text(holder, course) := d if {
	d := _last_credit(holder, course)
} else := "never"

_competent(holder, c) if _within(_last_credit(holder, c.course), _renew_days(c))

# _assigned_since is the start of a holder's current assignment to a role.
_assigned_since(holder, role) := max({dates.day(a.from) |
	some a in object.get(records.get(holder), "roles", [])
	a.role == role
	dates.visible(a.from)
	not _assignment_ended(a)
})

_assignment_ended(a) if dates.visible(a.to)

_grace_due(holder, role) := dates.add_days(_assigned_since(holder, role), _new_hire)

_in_grace(holder, role) if _grace_due(holder, role) >= input.as_of

_gap(x) if is_string(_competence(x).cert)

_gap(x) if {
	c := _competence(x)
	is_string(c.course)
	not _competent(x[0], c)
	not _in_grace(x[0], x[1])
}

# competence_gaps returns [holder, role, index] for every required competence a holder lacks
# after the grace period of a new assignment; certifications always, as no kind records them.
competence_gaps(std) := {x | some x in _competences[std]; _gap(x)}

# competence_population is the set of active holders of roles of the standard that require
# competences.
competence_population(std) := {x[0] | some x in _competences[std]}

# competence_summary is the pass message of 7.2 R1.
competence_summary(std) := sprintf(
	"every holder of a role of %s passed each course the role requires within its renew_days",
	[std],
)

# competence_items fails each competence gap and flags grace periods and renewals that end
# within at_risk_days.
competence_items(rule, std) := (_gap_items(rule, std) | _grace_items(rule, std)) | _renewal_items(rule, std)

_gap_items(rule, std) := {result.fail(rule, msg, [x[0], _competence_ref(x)]) |
	some x in competence_gaps(std)
	c := _competence(x)
	msg := _gap_text(x, c)
}

_gap_text(x, c) := msg if {
	is_string(c.cert)
	msg := _msg(
		"%s holds %s, which requires the certification %q, but no evidence kind records certifications",
		[x[0], x[1], c.cert],
		"describe it as a course Document, require that course in the role and record TrainingRecords",
	)
}

_gap_text(x, c) := msg if {
	is_string(c.course)
	msg := _msg(
		"%s holds %s but has not passed %s within %d days (renew_days) of %s (last: %s)",
		[x[0], x[1], c.course, _renew_days(c), input.as_of, _last_credit_text(x[0], c.course)],
		"have them take the course",
	)
}

_grace_items(rule, std) := {result.at_risk(rule, msg, [x[0], _competence_ref(x)]) |
	some x in _competences[std]
	c := _competence(x)
	is_string(c.course)
	not _competent(x[0], c)
	_in_grace(x[0], x[1])
	due := _grace_due(x[0], x[1])
	ops.due_soon(due)
	msg := sprintf(
		"%s took %s on %s and must pass %s by %s (training_new_hire_days = %d)",
		[x[0], x[1], _assigned_since(x[0], x[1]), c.course, due, _new_hire],
	)
}

_renewal_items(rule, std) := {result.at_risk(rule, msg, [x[0], _competence_ref(x)]) |
	some x in _competences[std]
	c := _competence(x)
	is_string(c.course)
	_competent(x[0], c)
	last := _last_credit(x[0], c.course)
	due := dates.add_days(last, _renew_days(c))
	ops.due_soon(due)
	msg := sprintf("%s must renew %s for %s by %s (last passed %s)", [x[0], c.course, x[1], due, last])
}

# _competence_ncs maps a standard to the open Nonconformities raised against clause 7.2.
_competence_ncs := {std: refs |
	some std in standards
	refs := {ref |
		some ref in of("Nonconformity", std)
		nc := records.get(ref)
		_requirement(nc) == "7.2"
		dates.visible(nc.raised_on)
		not _closed(nc)
	}
}

# _named_in returns the refs a Nonconformity names in its links or its source_ref.
_named_in(nc) := {x | some _, xs in object.get(nc, "links", {}); some x in xs} | {x | x := nc.source_ref}

_gap_ncs(std, holder) := {ref | some ref in _competence_ncs[std]; holder in _named_in(records.get(ref))}

_action_still_due(ref) if {
	some a in object.get(records.get(ref), "corrective_actions", [])
	not _action_done(a)
	is_string(a.due_on)
	a.due_on >= input.as_of
}

_tracked(std, holder) if {
	some ref in _gap_ncs(std, holder)
	_action_still_due(ref)
}

# gap_population is the set of holders with a competence gap.
gap_population(std) := {x[0] | some x in competence_gaps(std)}

# gap_summary is the pass message of 7.2 R2.
gap_summary(std) := sprintf(
	concat("", [
		"every competence gap in a role of %s is tracked by an open Nonconformity against clause 7.2 ",
		"with a corrective action still due",
	]),
	[std],
)

# gap_items fails each competence gap that no open Nonconformity against clause 7.2 naming the
# holder (in links or source_ref) tracks with a dated corrective action not yet overdue.
gap_items(rule, std) := {result.fail(rule, msg, refs) |
	some x in competence_gaps(std)
	not _tracked(std, x[0])
	ncs := _gap_ncs(std, x[0])
	refs := _gap_refs(x, ncs)
	msg := _untracked_text(x, ncs)
}

_gap_refs(x, ncs) := [x[0], _competence_ref(x)] if count(ncs) == 0

_gap_refs(_, ncs) := sort({records.at(records.get(r), "corrective_actions") | some r in ncs}) if count(ncs) > 0

_untracked_text(x, ncs) := msg if {
	count(ncs) == 0
	msg := _msg(
		"%s lacks %s, required by %s, and no open Nonconformity against clause 7.2 names them",
		[x[0], _competence_name(_competence(x)), x[1]],
		sprintf("raise one that names %s in links, with the training as a dated corrective action", [x[0]]),
	)
}

_untracked_text(x, ncs) := msg if {
	count(ncs) > 0
	msg := _msg(
		"%s lacks %s, required by %s; %s %s the gap but has no corrective action still due",
		[x[0], _competence_name(_competence(x)), x[1], org.listing(ncs), _plural(count(ncs), "tracks", "track")],
		"set a new due date or complete the training",
	)
}

# ---- 7.3 Awareness

# awareness_types maps a standard to the course types that count as its awareness training.
awareness_types := {"iso27001:2022": {"awareness"}, "iso42001:2023": {"awareness", "ai-literacy"}}

# awareness_flags maps a standard to the content_flags its awareness courses must set between
# them: the policy, the person's contribution, and the consequences of not conforming.
awareness_flags := {
	"iso27001:2022": {"policy_overview", "personal_contribution", "consequences_of_nonconformity"},
	"iso42001:2023": {"ai_policy", "personal_contribution", "consequences_of_nonconformity"},
}

_aware_rows := [[[std, t.person], [day, t.course]] |
	some t in passed_trainings
	stds := _awareness_standards[t.course_type]
	day := dates.day(t.completed_on)
	some std in stds
]

# _awareness_standards maps a course type to the standards whose awareness training it is.
_awareness_standards := {type: {std | some std in standards; type in awareness_types[std]} |
	some std0 in standards
	some type in awareness_types[std0]
}

# _aware maps [standard, Person ref] to [day, course] of each passed awareness course.
_aware := {k: rows |
	some k in {r[0] | some r in _aware_rows}
	rows := {r[1] | some r in _aware_rows; r[0] == k}
}

# _aware_last maps [standard, Person ref] to the day of the latest passed awareness course.
_aware_last := {k: max({x[0] | some x in rows}) | some k, rows in _aware}

_aware_of(std, p) := rows if {
	rows := _aware[[std, p]]
} else := set()

_aware_days(std, p) := {x[0] | some x in _aware_of(std, p)}

_types_text(std) := concat(" or ", sort(awareness_types[std]))

_onboarding_due(p) := dates.add_days(p.start_date, _new_hire)

# _in_onboarding holds while _onboarding_due(p) >= as-of, that is while the start date is on or
# after as-of minus training_new_hire_days.
_in_onboarding(p) if dates.day(p.start_date) >= _onboarding_from

_onboarding_from := dates.add_days(input.as_of, 0 - _new_hire)

_onboarded(std, ref, p) if {
	some d in _aware_days(std, ref)
	d >= dates.add_days(p.start_date, 0 - _new_hire)
	d <= _onboarding_due(p)
}

_missed_onboarding(std, ref, p) if {
	not _in_onboarding(p)
	_within(p.start_date, _lookback)
	not _onboarded(std, ref, p)
}

_last_aware(std, ref) := _aware_last[[std, ref]]

_last_aware_text(std, ref) := d if {
	d := _last_aware(std, ref)
} else := "never"

_refreshed(std, ref) if _within(_last_aware(std, ref), _refresh)

# _refresh_from is the first day within training_refresh_days of the as-of date.
_refresh_from := dates.add_days(input.as_of, 0 - _refresh)

# training_summary is the pass message of 7.3 R1.
training_summary(std) := sprintf(
	"every active person of %s passed a course of type %s on joining and within the last %d days (training_refresh_days)",
	[std, _types_text(std), _refresh],
)

# training_items fails active people who missed their onboarding course or their refresher,
# and flags onboarding and refresher deadlines within at_risk_days (the notion of 27001 A.6.3 R1).
training_items(rule, std) := (_missed_items(rule, std) | _stale_items(rule, std)) | _aware_risk_items(rule, std)

_missed_items(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in active_people(std)
	p := records.get(ref)
	_missed_onboarding(std, ref, p)
	msg := _msg(
		"%s started on %s and passed no course of type %s by %s (training_new_hire_days = %d; last: %s)",
		[ref, p.start_date, _types_text(std), _onboarding_due(p), _new_hire, _last_aware_text(std, ref)],
		"enrol them now",
	)
}

_stale_items(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in active_people(std)
	p := records.get(ref)
	not _in_onboarding(p)
	not _missed_onboarding(std, ref, p)
	not _refreshed(std, ref)
	msg := _msg(
		"%s passed no course of type %s within %d days (training_refresh_days) of %s (last: %s)",
		[ref, _types_text(std), _refresh, input.as_of, _last_aware_text(std, ref)],
		"have them take the refresher",
	)
}

_aware_risk_items(rule, std) := {result.at_risk(rule, msg, [ref]) |
	some ref in active_people(std)
	p := records.get(ref)
	_in_onboarding(p)
	not _onboarded(std, ref, p)
	ops.due_soon(_onboarding_due(p))
	msg := sprintf(
		"%s started on %s and must pass a course of type %s by %s",
		[ref, p.start_date, _types_text(std), _onboarding_due(p)],
	)
} | {result.at_risk(rule, msg, [ref]) |
	some ref in active_people(std)
	p := records.get(ref)
	not _in_onboarding(p)
	_refreshed(std, ref)
	due := dates.add_days(_last_aware(std, ref), _refresh)
	ops.due_soon(due)
	msg := sprintf(
		"%s must repeat a course of type %s by %s (last: %s)",
		[ref, _types_text(std), due, _last_aware(std, ref)],
	)
}

# _course_sets maps a standard and an active person to the awareness courses they passed
# within training_refresh_days (people without any are left out).
_course_sets := {std: sets |
	some std in standards
	active := active_people(std)
	sets := {p: courses |
		some k, rows in _aware
		k[0] == std
		p := k[1]
		p in active
		courses := {x[1] | some x in rows; x[0] >= _refresh_from; x[0] <= input.as_of}
		count(courses) > 0
	}
}

_covered(std, courses) := {f |
	some f in awareness_flags[std]
	some c in courses
	ai2.flag_set(records.get(c), f)
}

# topics_population is the set of active people with an awareness course in the refresh window.
topics_population(std) := {p | some p, _ in _course_sets[std]}

# topics_summary is the pass message of 7.3 R2.
topics_summary(std) := sprintf(
	"the awareness courses each active person of %s passed within %d days cover %s (content_flags)",
	[std, _refresh, concat(", ", sort(awareness_flags[std]))],
)

# topics_items fails, once per combination of courses, the people whose courses of the refresh
# window together lack a flag of awareness_flags.
topics_items(rule, std) := {result.fail(rule, msg, courses) |
	some courses in {cs | some _, cs in _course_sets[std]}
	missing := awareness_flags[std] - _covered(std, courses)
	count(missing) > 0
	who := {p | some p, cs in _course_sets[std]; cs == courses}
	msg := _msg(
		"%d active %s (%s) passed only %s within %d days (training_refresh_days), which together do not cover %s",
		[
			count(who), _plural(count(who), "person", "people"), org.short(who), org.listing(courses),
			_refresh, concat(", ", sort(missing)),
		],
		"add these topics to the course material (content_flags) or enrol them in a course that covers them",
	)
}

_top_policy := {
	"iso27001:2022": {"types": {"policy"}, "topic": "information-security", "label": "information security policy"},
	"iso42001:2023": {"types": {"policy", "topic-policy"}, "topic": "ai-policy", "label": "AI policy"},
}

# top_policies returns the current top policy of a standard: the information security policy
# (doc_type policy) or the AI policy (doc_type policy or topic-policy).
top_policies(std) := {ref |
	some ref in of("Document", std)
	d := records.get(ref)
	d.doc_type in _top_policy[std].types
	object.get(d, "topic", "") == _top_policy[std].topic
	docs.current(d)
}

# acknowledgement_summary is the pass message of 7.3 R3.
acknowledgement_summary(std) := sprintf(
	"at least %v%% of the audience of the current %s acknowledged its current major version (ack_coverage_pct)",
	[input.params.ack_coverage_pct, _top_policy[std].label],
)

# acknowledgement_items fails when the standard has no current top policy, and when fewer than
# ack_coverage_pct percent of its audience acknowledged its current major version (the notion of
# 27001 A.5.1 R4, through data.annexa.lib.org).
acknowledgement_items(rule, std) := _no_top_policy(rule, std) | org.ack_items(rule, top_policies(std))

_no_top_policy(rule, std) := {result.fail(rule, msg, anchor(std)) |
	count(top_policies(std)) == 0
	msg := _msg(
		"no current %s of %s (a Document of doc_type %s and topic %s, published and approved) exists",
		[_top_policy[std].label, std, concat(" or ", sort(_top_policy[std].types)), _top_policy[std].topic],
		"publish and approve it, then have personnel acknowledge it",
	)
}

# ---- 7.4 Communication

# comms_flags are the content_flags a communication plan must set.
comms_flags := {"internal_communication", "external_communication", "what_when_whom_how"}

# comms_plans returns the current communication plans of a standard: current Documents with
# topic communication-plan.
comms_plans(std) := {ref |
	some ref in of("Document", std)
	d := records.get(ref)
	object.get(d, "topic", "") == "communication-plan"
	docs.current(d)
}

# plan_summary is the pass message of 7.4 R1.
plan_summary(std) := sprintf(
	concat("", [
		"every current communication plan of %s states what, when, with whom and how it communicates ",
		"internally and externally",
	]),
	[std],
)

# plan_items fails when the standard has no current communication plan and for each plan that
# does not set every flag of comms_flags.
plan_items(rule, std) := {result.fail(rule, msg, anchor(std)) |
	count(comms_plans(std)) == 0
	msg := _msg(
		"no current communication plan of %s exists (a Document with topic communication-plan, published and approved)",
		[std],
		"publish one that states what, when, with whom and how you communicate internally and externally",
	)
} | {result.fail(rule, msg, [records.at(d, "content_flags")]) |
	some ref in comms_plans(std)
	d := records.get(ref)
	missing := {f | some f in comms_flags; not ai2.flag_set(d, f)}
	count(missing) > 0
	msg := _msg(
		"%s does not confirm %s in its content_flags",
		[ref, concat(", ", sort(missing))],
		"state what is communicated, when, with whom and how, internally and externally, and set the flags",
	)
}

_listed(d) := {x | some x in object.get(d, "subject_refs", [])} | {x |
	some _, xs in object.get(d, "links", {})
	some x in xs
}

_external_ref(x) if startswith(x, "Disclosure/")

_external_ref(x) if startswith(x, "CommsChannel/")

# _listed_items maps a ref listed by a communication plan to the plans that list it.
_listed_items(std) := {x: plans |
	some x in {y | some ref in comms_plans(std); some y in _listed(records.get(ref)); _external_ref(y)}
	plans := {ref | some ref in comms_plans(std); x in _listed(records.get(ref))}
}

_external_channel(c) if c.direction == "outbound"

_external_channel(c) if {
	some a in object.get(c, "audience", [])
	a in {"public", "customers", "users"}
}

# external_population returns the external communication items of a standard: what its plans
# list, its published Disclosures, and its outbound or outward-facing CommsChannels.
external_population(std) := (object.keys(_listed_items(std)) | {ref |
	some ref in of("Disclosure", std)
	dates.visible(records.get(ref).published_on)
}) | {ref |
	some ref in of("CommsChannel", std)
	_external_channel(records.get(ref))
}

# external_summary is the pass message of 7.4 R2.
external_summary(std) := sprintf(
	concat("", [
		"the external communication items of %s exist; Disclosures were reviewed within %d days ",
		"(doc_review_days) and channels tested or reviewed within %d days (channel_test_days)",
	]),
	[std, input.params.doc_review_days, input.params.channel_test_days],
)

# external_items fails listed items that do not exist, Disclosures not published or reviewed
# within doc_review_days, and channels neither successfully tested nor reviewed within
# channel_test_days.
external_items(rule, std) := (_missing_listed(rule, std) | _stale_disclosures(rule, std)) | _stale_channels(rule, std)

_missing_listed(rule, std) := {result.fail(rule, msg, plans) |
	some x, plans in _listed_items(std)
	not records.exists(x)
	msg := _msg(
		"%s %s %s, which is not in the bundle",
		[org.listing(plans), _plural(count(plans), "lists", "list"), x],
		"record it or fix the reference",
	)
}

_disclosure_touch(d) := dates.latest({d.published_on} | {r.on | some r in object.get(d, "reviews", [])})

_disclosure_current(d) if _within(_disclosure_touch(d), input.params.doc_review_days)

_disclosure_text(d) := x if {
	x := _disclosure_touch(d)
} else := "never"

_stale_disclosures(rule, std) := {result.fail(rule, msg, [records.at(d, "reviews")]) |
	some ref in external_population(std)
	startswith(ref, "Disclosure/")
	d := records.get(ref)
	not _disclosure_current(d)
	msg := _msg(
		"%s was last published or reviewed on %s, more than %d days (doc_review_days) before %s",
		[ref, _disclosure_text(d), input.params.doc_review_days, input.as_of],
		"review it and record the review",
	)
}

_channel_current(c) if org.channel_verified(c, input.params.channel_test_days)

_channel_current(c) if {
	last := dates.latest({r.on | some r in object.get(c, "reviews", [])})
	_within(last, input.params.channel_test_days)
}

_stale_channels(rule, std) := {result.fail(rule, msg, [records.at(c, "tests")]) |
	some ref in external_population(std)
	startswith(ref, "CommsChannel/")
	c := records.get(ref)
	not _channel_current(c)
	msg := _msg(
		"%s (%s, %s) has no successful test or review within %d days (channel_test_days) of %s (latest test: %s)",
		[
			ref, object.get(c, "channel_type", "channel"), object.get(c, "direction", "?"),
			input.params.channel_test_days, input.as_of, org.latest_test(c),
		],
		"test it and record the result",
	)
}

# ---- 7.5 Documented information

# published_docs returns the Documents of a standard published by the as-of date.
published_docs(std) := {ref | some ref in of("Document", std); dates.visible(records.get(ref).published_on)}

# in_force returns the published Documents of a standard that no published later version supersedes.
in_force(std) := {ref | some ref in published_docs(std); not docs.superseded[ref]}

_control_problems(d) := _data_problems(d) | _approval_problem(d)

_data_problems(d) := (_owner_problem(d) | _blank_problem(d, "classification")) | _retention_problem(d)

_owner_problem(d) := {["owner", "no owner"] | not is_string(object.get(d, "owner", null))} | {["owner", text] |
	is_string(object.get(d, "owner", null))
	not people.active_ref(d.owner)
	text := sprintf("owner %s is not an active Person", [d.owner])
}

_blank_problem(d, field) := {[field, sprintf("no %s", [field])] | not _filled(object.get(d, field, null))}

_retention_problem(d) := {["retention_days", "no retention_days"] |
	not is_number(object.get(d, "retention_days", null))
}

_approval_problem(d) := {["approvals", sprintf("no approval of version %v", [d.version])] | not docs.approved_on(d)}

# control_summary is the pass message of 7.5 R1.
control_summary(std) := sprintf(
	"every Document of %s in force has an active owner, a classification, retention_days and an approval of its version",
	[std],
)

# control_items fails each Document in force that lacks an owner who is an active Person, a
# classification, retention_days or an approval of its version.
control_items(rule, std) := {result.fail(rule, msg, refs) |
	some ref in in_force(std)
	d := records.get(ref)
	problems := _control_problems(d)
	count(problems) > 0
	refs := {records.at(d, p[0]) | some p in problems}
	msg := _msg(
		"%s lacks document control (%s)",
		[ref, concat("; ", sort({p[1] | some p in problems}))],
		"complete and record it",
	)
}

_doc_interval(d) := d.review_interval_days if {
	is_number(object.get(d, "review_interval_days", null))
} else := input.params.policy_review_days if {
	d.doc_type in {"policy", "topic-policy"}
} else := input.params.doc_review_days

_interval_name(d) := "review_interval_days" if {
	is_number(object.get(d, "review_interval_days", null))
} else := "policy_review_days" if {
	d.doc_type in {"policy", "topic-policy"}
} else := "doc_review_days"

_review_due(d) := dates.add_days(docs.last_reviewed(d), _doc_interval(d))

# review_summary is the pass message of 7.5 R2.
review_summary(std) := sprintf(
	"every Document of %s in force was reviewed within its review_interval_days (default %d days, policies %d)",
	[std, input.params.doc_review_days, input.params.policy_review_days],
)

# review_items fails each Document in force never reviewed or reviewed longer ago than its
# interval, and flags reviews due within at_risk_days.
review_items(rule, std) := ({result.fail(rule, msg, [records.at(d, "reviews")]) |
	some ref in in_force(std)
	d := records.get(ref)
	not docs.last_reviewed(d)
	msg := _msg(
		"%s has no review and no approval of its version by %s (%s = %d)",
		[ref, input.as_of, _interval_name(d), _doc_interval(d)],
		"review it and record the review",
	)
} | {result.fail(rule, msg, [records.at(d, "reviews")]) |
	some ref in in_force(std)
	d := records.get(ref)
	_review_due(d) < input.as_of
	msg := _msg(
		"%s was last reviewed on %s and was due again on %s (%s = %d)",
		[ref, docs.last_reviewed(d), _review_due(d), _interval_name(d), _doc_interval(d)],
		"review it and record the review",
	)
}) | {result.at_risk(rule, msg, [records.at(d, "reviews")]) |
	some ref in in_force(std)
	d := records.get(ref)
	ops.due_soon(_review_due(d))
	msg := sprintf("%s is due for review by %s (last: %s)", [ref, _review_due(d), docs.last_reviewed(d)])
}

_names_version(d) if {
	some a in records.approvals(d)
	sprintf("%v", [object.get(a, "version", null)]) == sprintf("%v", [d.version])
}

# version_summary is the pass message of 7.5 R3.
version_summary(std) := sprintf("every published Document version of %s has an approval that names that version", [std])

# version_items fails each published Document (superseded versions included) whose approvals
# have no approving decision, visible at as-of, that names its version.
version_items(rule, std) := {result.fail(rule, msg, [records.at(d, "approvals")]) |
	some ref in published_docs(std)
	d := records.get(ref)
	not _names_version(d)
	msg := _msg(
		"%s is at version %v, but no approval names that version (approvals[].version)",
		[ref, d.version],
		"approve each new version and record its version on the approval",
	)
}

_external_doc(d) if ai2.flag_set(d, "external_origin")

_sources(d) := {x | some g in ["source", "origin"]; some x in object.get(d, ["links", g], [])}

# origin_population returns the published Documents of a standard flagged content_flags.external_origin.
origin_population(std) := {ref | some ref in published_docs(std); _external_doc(records.get(ref))}

# origin_summary is the pass message of 7.5 R4.
origin_summary(std) := sprintf(
	"every Document of %s of external origin links the record of its source (links.source)",
	[std],
)

# origin_items fails external documents without links.source (or links.origin) and sources
# that do not resolve.
origin_items(rule, std) := {result.fail(rule, msg, [records.at(d, "links")]) |
	some ref in origin_population(std)
	d := records.get(ref)
	count(_sources(d)) == 0
	msg := _msg(
		"%s is flagged as of external origin but names no source in links.source",
		[ref],
		"link the Supplier, LegalRequirement or other record it came from",
	)
} | {result.fail(rule, msg, [records.at(d, "links")]) |
	some ref in origin_population(std)
	d := records.get(ref)
	some x in _sources(d)
	not records.exists(x)
	msg := _msg(
		"%s names %s as its source, which is not in the bundle",
		[ref, x],
		"record the source or fix the reference",
	)
}

# ---- 8.1 Operational planning and control

_procedures(std, activity) := {ref |
	some ref in of("Document", std)
	d := records.get(ref)
	d.doc_type == "procedure"
	object.get(d, "topic", "") == activity
	docs.current(d)
}

# procedure_population returns the current procedures of a standard for required_procedures.
procedure_population(std) := {ref |
	some activity in input.params.required_procedures
	some ref in _procedures(std, activity)
}

# procedure_summary is the pass message of 8.1 R1.
procedure_summary(std) := sprintf("every activity of required_procedures has a current approved procedure of %s", [std])

# procedure_items fails each activity of required_procedures without a current procedure
# (doc_type procedure, topic the activity) of the standard (the notion of clause 4.4 R2).
procedure_items(rule, std) := {result.fail(rule, msg, anchor(std)) |
	some activity in input.params.required_procedures
	count(_procedures(std, activity)) == 0
	msg := _msg(
		"no current procedure of %s for %s, which required_procedures lists",
		[std, activity],
		sprintf("publish and approve a Document with doc_type procedure and topic %s", [activity]),
	)
}

_needs_contract(s) if suppliers.access_at_least(s, "internal")

_needs_contract(s) if suppliers.at_least(s, "medium")

# contract_population returns the active suppliers of a standard that need a contract: data
# access internal or more sensitive, or criticality medium or higher.
contract_population(std) := {ref |
	some ref in of("Supplier", std)
	s := records.get(ref)
	suppliers.active(s)
	_needs_contract(s)
}

_signed(s) if dates.visible(s.contract.signed_on)

# contract_summary is the pass message of 8.1 R2.
contract_summary(std) := sprintf(
	"every active supplier of %s that needs a contract has one signed before it started, with the clauses of its tier",
	[std],
)

# contract_items fails suppliers of contract_population without a signed contract, those that
# started inside lookback_days before signing, and contracts that lack a required clause of
# the supplier's tier (the notion of 27001 A.5.20 R1).
contract_items(rule, std) := ({result.fail(rule, msg, [records.at(s, "contract")]) |
	some ref in contract_population(std)
	s := records.get(ref)
	not _signed(s)
	msg := _msg(
		"%s (criticality %s, data access %s) has no contract signed by %s",
		[ref, object.get(s, "criticality", "unknown"), object.get(s, "data_access", "unknown"), input.as_of],
		sprintf("sign one with the %s clauses of required_clauses", [suppliers.tier(s)]),
	)
} | {result.fail(rule, msg, [records.at(s, "contract.signed_on")]) |
	some ref in contract_population(std)
	s := records.get(ref)
	_signed(s)
	_within(s.relationship.start_on, _lookback)
	s.contract.signed_on > s.relationship.start_on
	msg := _msg(
		"%s started work on %s but its contract was signed on %s",
		[ref, s.relationship.start_on, s.contract.signed_on],
		"sign contracts before the work begins",
	)
}) | {result.fail(rule, msg, [records.at(s, "contract.clauses")]) |
	some ref in contract_population(std)
	s := records.get(ref)
	_signed(s)
	missing := suppliers.missing_clauses(s)
	count(missing) > 0
	msg := _msg(
		"%s's contract lacks %s, which required_clauses.%s asks for",
		[ref, concat(", ", sort(missing)), suppliers.tier(s)],
		"amend the contract and record the clauses",
	)
}

_went_live(c) := ai2.change_live(c)

# change_population returns the ChangeRecords of a standard that went live inside lookback_days.
change_population(std) := of("ChangeRecord", std) & _live_in_lookback

_live_in_lookback := {records.ref(c) | some c in records.of("ChangeRecord"); _within(_went_live(c), _lookback)}

_approved_before(c) if {
	some a in records.approvals(c)
	dates.day(a.on) <= _went_live(c)
}

_post_review(c) if {
	dates.visible(c.retro_approval.on)
	dates.day(c.retro_approval.on) >= _went_live(c)
}

_post_review(c) if {
	some r in object.get(c, "reviews", [])
	dates.visible(r.on)
	dates.day(r.on) >= _went_live(c)
}

_retro_due(c) := dates.add_days(_went_live(c), input.params.emergency_retro_days)

_unplanned(c) if {
	not _approved_before(c)
	c.change_class == "emergency"
	not _post_review(c)
}

# change_summary is the pass message of 8.1 R3.
change_summary(std) := sprintf(
	concat("", [
		"every change of %s live in the last %d days was approved before it went live, ",
		"or was an emergency change reviewed afterwards",
	]),
	[std, _lookback],
)

# change_items fails changes that went live without an approval dated on or before that day,
# unless they are emergency changes; emergency changes fail without a retro_approval or review
# on or after that day once emergency_retro_days have passed (at risk shortly before).
change_items(rule, std) := ({result.fail(rule, msg, [records.at(c, "approvals")]) |
	some ref in change_population(std)
	c := records.get(ref)
	not _approved_before(c)
	c.change_class != "emergency"
	msg := _msg(
		"%s (%s change) went live on %s without an approval dated on or before that day",
		[ref, c.change_class, _went_live(c)],
		"approve changes before they go live, or handle it as an emergency change reviewed afterwards",
	)
} | {result.fail(rule, msg, [records.at(c, "retro_approval")]) |
	some ref in change_population(std)
	c := records.get(ref)
	_unplanned(c)
	_retro_due(c) < input.as_of
	msg := _msg(
		concat("", [
			"emergency change %s went live on %s without prior approval and has no retrospective approval ",
			"or review by %s (emergency_retro_days = %d)",
		]),
		[ref, _went_live(c), _retro_due(c), input.params.emergency_retro_days],
		"review and approve it after the fact",
	)
}) | {result.at_risk(rule, msg, [records.at(c, "retro_approval")]) |
	some ref in change_population(std)
	c := records.get(ref)
	_unplanned(c)
	ops.due_soon(_retro_due(c))
	msg := sprintf("emergency change %s must be reviewed after the fact by %s", [ref, _retro_due(c)])
}

# ---- 8.2 Risk assessment (operational)

_ra_days := input.params.risk_assessment_days

_trigger_days := input.params.risk_change_trigger_days

_periodic_ras(std) := {ref |
	some ref in of("RiskAssessment", std)
	r := records.get(ref)
	r.trigger == "periodic"
	dates.visible(r.performed_on)
}

_last_periodic(std) := max({[dates.day(records.get(ref).performed_on), ref] | some ref in _periodic_ras(std)})

# periodic_population returns the periodic risk assessments of a standard performed within
# risk_assessment_days.
periodic_population(std) := {ref |
	some ref in _periodic_ras(std)
	_within(records.get(ref).performed_on, _ra_days)
}

# periodic_summary is the pass message of 8.2 R1.
periodic_summary(std) := sprintf(
	"a periodic risk assessment of %s was performed within %d days (risk_assessment_days)",
	[std, _ra_days],
)

# periodic_items fails when no periodic risk assessment of the standard was performed within
# risk_assessment_days, and flags the next one when due within at_risk_days.
periodic_items(rule, std) := {result.fail(rule, msg, refs) |
	count(periodic_population(std)) == 0
	refs := _periodic_anchor(std)
	msg := _msg(
		"no periodic risk assessment of %s was performed in the last %d days (risk_assessment_days; last: %s)",
		[std, _ra_days, _last_periodic_text(std)],
		"perform and record the next one",
	)
} | {result.at_risk(rule, msg, [ref]) |
	count(periodic_population(std)) > 0
	[day, ref] := _last_periodic(std)
	due := dates.add_days(day, _ra_days)
	ops.due_soon(due)
	msg := sprintf("the next periodic risk assessment of %s is due by %s (last: %s on %s)", [std, due, ref, day])
}

_periodic_anchor(std) := [records.at(records.get(x[1]), "performed_on")] if {
	count(_periodic_ras(std)) > 0
	x := _last_periodic(std)
} else := anchor(std)

_last_periodic_text(std) := sprintf("%s on %s", [x[1], x[0]]) if {
	count(_periodic_ras(std)) > 0
	x := _last_periodic(std)
} else := "none recorded"

_ra_rows := {row |
	some r in records.of("RiskAssessment")
	is_string(r.trigger_ref)
	dates.visible(r.performed_on)
	row := {"key": concat("|", [r.standard, r.trigger_ref]), "day": dates.day(r.performed_on), "ref": records.ref(r)}
}

# _ra_by_trigger maps "standard|trigger ref" to [day, ref] of the risk assessments it triggered.
_ra_by_trigger := {k: rows |
	some k in {r.key | some r in _ra_rows}
	rows := {[r.day, r.ref] | some r in _ra_rows; r.key == k}
}

# trigger_events returns the events of a standard inside lookback_days that call for a risk
# assessment: significant changes (on the day they went live), new AI systems (first lifecycle
# entry) and sev1 incidents (reported).
trigger_events(std) := _trigger_events[std]

_trigger_events[std] := (_change_events(std) | _system_events(std)) | _incident_events(std) if some std in standards

_change_events(std) := {{"ref": ref, "day": day, "what": "significant change"} |
	some ref in (of("ChangeRecord", std) & _live_in_lookback)
	c := records.get(ref)
	c.significant == true
	day := _went_live(c)
}

_system_events(std) := {{"ref": ref, "day": day, "what": "new AI system"} |
	some ref in of("AISystem", std)
	day := min({dates.day(e.from) | some e in object.get(records.get(ref), "lifecycle", [])})
	_within(day, _lookback)
}

_incident_events(std) := {{"ref": ref, "day": dates.day(i.reported_on), "what": "sev1 incident"} |
	some ref in of("Incident", std)
	i := records.get(ref)
	i.severity == "sev1"
	incidents.is_incident(i)
	_within(i.reported_on, _lookback)
}

_event_due(ev) := dates.add_days(ev.day, _trigger_days)

_event_ras(std, ev) := object.get(_ra_by_trigger, concat("|", [std, ev.ref]), set())

# triggered_population returns the refs of the trigger events of a standard.
triggered_population(std) := {ev.ref | some ev in trigger_events(std)}

# triggered_summary is the pass message of 8.2 R2.
triggered_summary(std) := sprintf(
	concat("", [
		"every significant change, new AI system and sev1 incident of %s was followed within %d days ",
		"(risk_change_trigger_days) by a risk assessment with trigger_ref to it",
	]),
	[std, _trigger_days],
)

# triggered_items fails trigger events without a risk assessment of the standard whose
# trigger_ref names them by the event day plus risk_change_trigger_days, or with the first one
# only after that; events still inside the period are at risk within at_risk_days of the end.
triggered_items(rule, std) := ({result.fail(rule, msg, [ev.ref]) |
	some ev in trigger_events(std)
	count(_event_ras(std, ev)) == 0
	_event_due(ev) < input.as_of
	msg := _msg(
		"%s (%s on %s) has no risk assessment of %s with trigger_ref to it, due by %s (risk_change_trigger_days = %d)",
		[ev.ref, ev.what, ev.day, std, _event_due(ev), _trigger_days],
		"assess the risks it brings and link the assessment through trigger_ref",
	)
} | {result.fail(rule, msg, [ev.ref, first[1]]) |
	some ev in trigger_events(std)
	first := min(_event_ras(std, ev))
	first[0] > _event_due(ev)
	msg := _msg(
		"%s (%s on %s) was first reassessed by %s on %s, after the due date %s (risk_change_trigger_days = %d)",
		[ev.ref, ev.what, ev.day, first[1], first[0], _event_due(ev), _trigger_days],
		"reassess risks within the period after such events",
	)
}) | {result.at_risk(rule, msg, [ev.ref]) |
	some ev in trigger_events(std)
	count(_event_ras(std, ev)) == 0
	ops.due_soon(_event_due(ev))
	msg := sprintf(
		"%s (%s on %s) needs a risk assessment of %s by %s",
		[ev.ref, ev.what, ev.day, std, _event_due(ev)],
	)
}

_is_risk(x) if {
	startswith(x, "Risk/")
	records.exists(x)
}

# retained_population returns the risk assessments of a standard performed by the as-of date.
retained_population(std) := {ref | some ref in of("RiskAssessment", std); dates.visible(records.get(ref).performed_on)}

# retained_summary is the pass message of 8.2 R3.
retained_summary(std) := sprintf(
	"every risk assessment of %s is approved and the risks it assessed are kept in the bundle",
	[std],
)

# retained_items fails risk assessments without an approving decision by the as-of date, those
# that list no assessed risk, and each assessed risk that is not a Risk in the bundle.
retained_items(rule, std) := ({result.fail(rule, msg, [records.at(r, "approvals")]) |
	some ref in retained_population(std)
	r := records.get(ref)
	count(records.approved_on(r)) == 0
	msg := _msg(
		"%s (performed %s) is not approved",
		[ref, dates.day(r.performed_on)],
		"have its results approved and record the approval",
	)
} | {result.fail(rule, msg, [records.at(r, "risks_assessed")]) |
	some ref in retained_population(std)
	r := records.get(ref)
	count(object.get(r, "risks_assessed", [])) == 0
	msg := _msg("%s lists no assessed risks", [ref], "record the risks it rated in risks_assessed")
}) | {result.fail(rule, msg, [records.at(r, sprintf("risks_assessed.%d", [i]))]) |
	some ref in retained_population(std)
	r := records.get(ref)
	some i, x in object.get(r, "risks_assessed", [])
	not _is_risk(x)
	msg := _msg("%s lists %v, which is not a Risk in the bundle", [ref, x], "keep the assessed risk or fix the reference")
}

# ---- 8.3 Risk treatment (operational)

_replan(t) := max(rs) if {
	rs := {[dates.day(x.on), dates.day(x.new_due_on), i] |
		some i, x in object.get(t, "replans", [])
		dates.visible(x.on)
		x.approved_by != object.get(t, "owner", "")
	}
	count(rs) > 0
}

# treatment_due returns the due date of a treatment: the new_due_on of its latest replan
# approved by someone other than its owner, else due_on.
treatment_due(t) := r[1] if {
	r := _replan(t)
} else := dates.day(t.due_on)

_due_field(t) := sprintf("replans.%d.new_due_on", [_replan(t)[2]]) if _replan(t)

_due_field(t) := "due_on" if not _replan(t)

_completed(t) if dates.visible(t.completed_on)

_open_or_recent(t) if not _completed(t)

_open_or_recent(t) if _within(t.completed_on, _lookback)

# treatment_population returns the risk treatments of a standard open at the as-of date or
# completed inside lookback_days.
treatment_population(std) := {ref | some ref in of("RiskTreatment", std); _open_or_recent(records.get(ref))}

# treatment_summary is the pass message of 8.3 R1.
treatment_summary(std) := sprintf("no risk treatment of %s is past its due date without being completed", [std])

# treatment_items fails open treatments past their due date (after an approved replan, its
# new date) and flags those due within at_risk_days.
treatment_items(rule, std) := {result.fail(rule, msg, [records.at(t, _due_field(t))]) |
	some ref in treatment_population(std)
	t := records.get(ref)
	not _completed(t)
	treatment_due(t) < input.as_of
	msg := _msg(
		"%s (owner %s) was due on %s and is not completed",
		[ref, object.get(t, "owner", "none"), treatment_due(t)],
		"complete it, or record a new due date approved by someone other than its owner",
	)
} | {result.at_risk(rule, msg, [records.at(t, _due_field(t))]) |
	some ref in treatment_population(std)
	t := records.get(ref)
	not _completed(t)
	ops.due_soon(treatment_due(t))
	msg := sprintf("%s (owner %s) is due on %s", [ref, object.get(t, "owner", "none"), treatment_due(t)])
}

_eff_days := input.params.nc_effectiveness_days

_verify_due(t) := dates.add_days(t.completed_on, _eff_days)

_verified(t) if dates.visible(t.verified_on)

_rationale(t) if {
	some r in object.get(t, "reviews", [])
	dates.visible(r.on)
	dates.day(r.on) >= dates.day(t.completed_on)
	_filled(object.get(r, "notes", ""))
}

_unverified(t) if {
	not _verified(t)
	not _rationale(t)
}

# verification_population returns the risk treatments of a standard completed inside lookback_days.
verification_population(std) := {ref |
	some ref in of("RiskTreatment", std)
	t := records.get(ref)
	_completed(t)
	_within(t.completed_on, _lookback)
}

# verification_summary is the pass message of 8.3 R2.
verification_summary(std) := sprintf(
	concat("", [
		"every risk treatment of %s completed in the last %d days was verified within %d days ",
		"(nc_effectiveness_days) or a review note gives the reason",
	]),
	[std, _lookback, _eff_days],
)

# verification_items fails completed treatments verified after completed_on +
# nc_effectiveness_days, and those not verified by then without a review note (the rationale);
# flags verifications due within at_risk_days.
verification_items(rule, std) := ({result.fail(rule, msg, [records.at(t, "verified_on")]) |
	some ref in verification_population(std)
	t := records.get(ref)
	_verified(t)
	dates.day(t.verified_on) > _verify_due(t)
	msg := _msg(
		"%s was completed on %s but verified only on %s, after %s (nc_effectiveness_days = %d)",
		[ref, t.completed_on, t.verified_on, _verify_due(t), _eff_days],
		"verify the effectiveness of treatments in time",
	)
} | {result.fail(rule, msg, [records.at(t, "verified_on")]) |
	some ref in verification_population(std)
	t := records.get(ref)
	_unverified(t)
	_verify_due(t) < input.as_of
	msg := _msg(
		"%s was completed on %s and its effectiveness was not verified by %s (nc_effectiveness_days = %d)",
		[ref, t.completed_on, _verify_due(t), _eff_days],
		"verify it and record verified_on, or record why not in a review note",
	)
}) | {result.at_risk(rule, msg, [records.at(t, "verified_on")]) |
	some ref in verification_population(std)
	t := records.get(ref)
	_unverified(t)
	ops.due_soon(_verify_due(t))
	msg := sprintf("the effectiveness of %s must be verified by %s", [ref, _verify_due(t)])
}

# ---- 8.4 AI system impact assessment (operational, ISO/IEC 42001)

# aiia_systems returns the AI systems of a standard in service at stage design or later.
aiia_systems(std) := {ref | some ref in of("AISystem", std); ai.reached(records.get(ref), "design")}

_aiia_why(a) := sprintf("its next_review_on %s", [dates.day(a.next_review_on)]) if {
	ai2.aiia_due(a) != dates.add_days(a.performed_on, input.params.aiia_review_days)
} else := sprintf("aiia_review_days = %d", [input.params.aiia_review_days])

# fresh_summary is the pass message of 8.4 R1.
fresh_summary(std) := sprintf(
	"every AI system of %s from design on has an approved impact assessment performed within %d days (aiia_review_days)",
	[std, input.params.aiia_review_days],
)

# fresh_items fails AI systems without an impact assessment approved by a holder of the
# impact-approver role, and those whose latest approved one is past its renewal date
# (performed_on + aiia_review_days, or its earlier next_review_on); at risk within at_risk_days.
fresh_items(rule, std) := ({result.fail(rule, msg, [sref]) |
	some sref in aiia_systems(std)
	not ai2.current_aiia(sref)
	msg := _msg(
		"%s is at stage %s but has no impact assessment approved by a holder of %s (assessments: %s)",
		[sref, ai.stage(records.get(sref)), ai.impact_approver, org.listing(object.get(ai.aiias, sref, set()))],
		"assess it and have the assessment approved",
	)
} | {result.fail(rule, msg, [records.ref(a)]) |
	some sref in aiia_systems(std)
	a := ai2.current_aiia(sref)
	ai2.aiia_due(a) < input.as_of
	msg := _msg(
		"%s, the latest approved impact assessment of %s (performed %s), was due for renewal on %s (%s)",
		[records.ref(a), sref, dates.day(a.performed_on), ai2.aiia_due(a), _aiia_why(a)],
		"reassess the system and have the assessment approved",
	)
}) | {result.at_risk(rule, msg, [records.ref(a)]) |
	some sref in aiia_systems(std)
	a := ai2.current_aiia(sref)
	ops.due_soon(ai2.aiia_due(a))
	msg := sprintf(
		"%s, the latest approved impact assessment of %s, is due for renewal by %s",
		[records.ref(a), sref, ai2.aiia_due(a)],
	)
}

_model_rows := {[m.ai_system, ai.major(m.model_version), ai.deploy_day(m)] |
	some m in records.of("ModelRecord")
	ai.production_deployment(m)
}

# _majors maps an AISystem ref to [major version, day] of each production deployment.
_majors := {s: rows |
	some s in {x[0] | some x in _model_rows}
	rows := {[x[1], x[2]] | some x in _model_rows; x[0] == s}
}

_major_before(m) if {
	some x in object.get(_majors, m.ai_system, set())
	x[0] == ai.major(m.model_version)
	x[1] < ai.deploy_day(m)
}

_deploy_rows := {[m.deployment.change, m.ai_system, sprintf("%v", [m.model_version])] |
	some m in records.of("ModelRecord")
	is_string(m.deployment.change)
}

# _versions_by_change maps a ChangeRecord ref to [AISystem ref, version] of the models it deployed.
_versions_by_change := {c: rows |
	some c in {x[0] | some x in _deploy_rows}
	rows := {[x[1], x[2]] | some x in _deploy_rows; x[0] == c}
}

# aiia_events returns the significant changes of the AI systems of a standard that went live
# inside lookback_days, in the terms of 42001 A.5.3 R2: significant ChangeRecords naming the
# system, first production deployments of a new major model version, and deployment contexts
# added after the first.
aiia_events(std) := (_aiia_change_events(std) | _aiia_model_events(std)) | _aiia_context_events(std)

_aiia_change_events(std) := {ev |
	some c in records.of("ChangeRecord")
	c.significant == true
	live := _went_live(c)
	_within(live, _lookback)
	ref := records.ref(c)
	some sref in c.systems
	sref in of("AISystem", std)
	versions := {x[1] | some x in object.get(_versions_by_change, ref, set()); x[0] == sref}
	ev := {
		"ref": ref, "system": sref, "live": live, "what": "significant change",
		"triggers": {ref}, "versions": versions, "major": "", "previous": "",
	}
}

_aiia_model_events(std) := {ev |
	some m in records.of("ModelRecord")
	m.ai_system in of("AISystem", std)
	ai.production_deployment(m)
	live := ai.deploy_day(m)
	_within(live, _lookback)
	not _major_before(m)
	ref := records.ref(m)
	ev := {
		"ref": ref, "system": m.ai_system, "live": live,
		"what": sprintf("new major model version %v", [m.model_version]),
		"triggers": ({ref} | {x | x := m.deployment.change}), "versions": set(),
		"major": ai.major(m.model_version), "previous": "",
	}
}

_aiia_context_events(std) := {ev |
	some sref in of("AISystem", std)
	s := records.get(sref)
	contexts := object.get(s, "deployment_contexts", [])
	first := min({dates.day(x.from) | some x in contexts})
	some i, ctx in contexts
	live := dates.day(ctx.from)
	live > first
	_within(live, _lookback)
	previous := max({dates.day(x.from) | some x in contexts; dates.day(x.from) < live})
	ev := {
		"ref": records.at(s, sprintf("deployment_contexts.%d", [i])), "system": sref, "live": live,
		"what": sprintf("new deployment context %s", [object.get(ctx, "context", "?")]),
		"triggers": set(), "versions": set(), "major": "", "previous": previous,
	}
}

_covers(a, ev) if a.trigger_ref in ev.triggers

_covers(a, ev) if sprintf("%v", [a.system_version]) in ev.versions

_covers(a, ev) if {
	ev.major != ""
	ai.major(a.system_version) == ev.major
}

_covers(a, ev) if {
	ev.previous != ""
	a.trigger == "new-context"
	dates.day(a.performed_on) > ev.previous
	dates.day(a.performed_on) >= dates.add_days(ev.live, 0 - input.params.aiia_review_days)
}

_cover(ev) := {aref |
	some aref in object.get(ai.approved_aiias, ev.system, set())
	_covers(records.get(aref), ev)
}

_first_cover(ev) := min({ai.aiia_approved_on(records.get(r)) | some r in _cover(ev)})

# events_population returns the refs of the events of aiia_events.
events_population(std) := {ev.ref | some ev in aiia_events(std)}

# events_summary is the pass message of 8.4 R2.
events_summary(std) := sprintf(
	concat("", [
		"every significant change of an AI system of %s live in the last %d days had an impact assessment ",
		"approved before go-live",
	]),
	[std, _lookback],
)

# events_items fails each event that no approved impact assessment of its system covers
# (trigger_ref, system_version, same major version, or a new-context assessment), and each
# whose covering assessments were first approved after it went live.
events_items(rule, std) := {result.fail(rule, msg, [ev.ref]) |
	some ev in aiia_events(std)
	count(_cover(ev)) == 0
	msg := _msg(
		"%s (%s of %s, live %s) is covered by no approved impact assessment",
		[ev.ref, ev.what, ev.system, ev.live],
		"assess it and link the assessment through trigger_ref or system_version",
	)
} | {result.fail(rule, msg, [ev.ref]) |
	some ev in aiia_events(std)
	count(_cover(ev)) > 0
	_first_cover(ev) > ev.live
	msg := _msg(
		"%s (%s of %s, live %s) is covered by %s, first approved on %s, after it went live",
		[ev.ref, ev.what, ev.system, ev.live, org.listing(_cover(ev)), _first_cover(ev)],
		"have the assessment approved before go-live",
	)
}

_retention_scope(s) if ai.reached(s, "design")

_retention_scope(s) if {
	ai.reached_before_retirement(s, "design")
	dates.age(ai.retired_on(s)) <= input.params.aiia_retention_days
}

# retention_population returns the AI systems of a standard whose impact assessments must be
# kept: in service from design on, or retired no more than aiia_retention_days ago after reaching design.
retention_population(std) := {ref | some ref in of("AISystem", std); _retention_scope(records.get(ref))}

# retention_summary is the pass message of 8.4 R3.
retention_summary(std) := sprintf(
	concat("", [
		"the impact assessments of the AI systems of %s (and of those retired in the last %d days) are kept ",
		"and their references resolve",
	]),
	[std, input.params.aiia_retention_days],
)

# retention_items fails references to impact assessments that no longer resolve (the system's
# impact_assessment, an assessment's supersedes) and retired systems with no assessment left.
retention_items(rule, std) := ({result.fail(rule, msg, [records.at(s, "impact_assessment")]) |
	some sref in retention_population(std)
	s := records.get(sref)
	is_string(s.impact_assessment)
	not records.exists(s.impact_assessment)
	msg := _msg(
		"%s names impact assessment %s, which is not in the bundle",
		[sref, s.impact_assessment],
		"restore it or fix the reference",
	)
} | {result.fail(rule, msg, [records.at(a, "supersedes")]) |
	some sref in retention_population(std)
	some aref in object.get(ai.aiias, sref, set())
	a := records.get(aref)
	is_string(a.supersedes)
	not records.exists(a.supersedes)
	msg := _msg(
		"%s supersedes %s, which is not in the bundle",
		[aref, a.supersedes],
		"keep every impact assessment of the system",
	)
}) | {result.fail(rule, msg, [sref]) |
	some sref in retention_population(std)
	s := records.get(sref)
	ai.retired(s)
	not ai.aiias[sref]
	msg := _msg(
		"%s was retired on %s, but none of its impact assessments is left (aiia_retention_days = %d)",
		[sref, ai.retired_on(s), input.params.aiia_retention_days],
		"restore them",
	)
}

# ---- 9.1 Monitoring, measurement, analysis and evaluation

_objective_problems(o) := (_what_problem(o) | _who_problem(o)) | _how_problem(o)

_what_problem(o) := {["statement", "no statement of what it pursues"] | not _filled(object.get(o, "statement", null))}

_who_problem(o) := {["owner", text] |
	not people.active_ref(object.get(o, "owner", ""))
	text := sprintf("owner %v is not an active Person", [object.get(o, "owner", "none")])
}

_how_problem(o) := {["metric", text] |
	missing := {f | some f in ["name", "unit", "direction", "target"]; not _has(object.get(o, "metric", {}), f)}
	count(missing) > 0
	text := sprintf("its metric lacks %s", [concat(", ", sort(missing))])
}

_has(obj, field) if object.get(obj, field, null) != null

# objective_population returns the Objectives of a standard.
objective_population(std) := of("Objective", std)

# objective_summary is the pass message of 9.1 R1.
objective_summary(std) := sprintf(
	"every objective of %s states what it pursues, how it is measured, how often and who owns it",
	[std],
)

# objective_items fails Objectives without a statement (what), without a complete metric (how:
# name, unit, direction, target) or without an owner who is an active Person (who); how often
# is measurement_interval_days or the objective_measure_days default.
objective_items(rule, std) := {result.fail(rule, msg, refs) |
	some ref in objective_population(std)
	o := records.get(ref)
	problems := _objective_problems(o)
	count(problems) > 0
	refs := {records.at(o, p[0]) | some p in problems}
	msg := _msg(
		"%s is not fully defined (%s)",
		[ref, concat("; ", sort({p[1] | some p in problems}))],
		"complete the objective",
	)
}

_interval(o) := o.measurement_interval_days if is_number(object.get(o, "measurement_interval_days", null))

_interval(o) := input.params.objective_measure_days if not is_number(object.get(o, "measurement_interval_days", null))

_interval_param(o) := "measurement_interval_days" if is_number(object.get(o, "measurement_interval_days", null))

_interval_param(o) := "objective_measure_days" if not is_number(object.get(o, "measurement_interval_days", null))

_past_due(o) if dates.day(o.due_on) < input.as_of

_measured_days(o) := {dates.day(m.on) | some m in object.get(o, "measurements", []); dates.visible(m.on)}

_start(o) := min(days) if {
	days := _measured_days(o) | {dates.day(x) | x := o.recorded_on; dates.visible(x)}
	count(days) > 0
}

_period_count(o) := max([1, floor(_lookback / _interval(o))])

_period_end(1, _) := input.as_of

_period_end(k, n) := dates.add_days(input.as_of, ((1 - k) * n) - 1) if k > 1

_measured_in(o, lo, hi) if {
	some d in _measured_days(o)
	d >= lo
	d <= hi
}

# _missing_periods returns [start, end] of each period of the objective's interval, counted back
# from the as-of date inside lookback_days and beginning on or after its start (recorded_on or
# first measurement), that holds no measurement.
_missing_periods(o) := {[lo, hi] |
	n := _interval(o)
	some k in numbers.range(1, _period_count(o))
	lo := dates.add_days(input.as_of, 0 - (k * n))
	lo >= _start(o)
	hi := _period_end(k, n)
	not _measured_in(o, lo, hi)
}

# measured_population returns the Objectives of a standard still pursued (no due_on, or one on
# or after the as-of date).
measured_population(std) := {ref | some ref in of("Objective", std); not _past_due(records.get(ref))}

# measured_summary is the pass message of 9.1 R2.
measured_summary(std) := sprintf(
	"every objective of %s still pursued has a measurement in each period of its interval within the last %d days",
	[std, _lookback],
)

# measured_items fails objectives never measured and those with a period of their interval
# without a measurement; flags the next measurement when due within at_risk_days.
measured_items(rule, std) := ({result.fail(rule, msg, [records.at(o, "measurements")]) |
	some ref in measured_population(std)
	o := records.get(ref)
	not _start(o)
	msg := _msg(
		"%s has never been measured (every %d days, %s)",
		[ref, _interval(o), _interval_param(o)],
		"record its measurements",
	)
} | {result.fail(rule, msg, [records.at(o, "measurements")]) |
	some ref in measured_population(std)
	o := records.get(ref)
	missing := _missing_periods(o)
	count(missing) > 0
	shown := [sprintf("%s to %s", [p[0], p[1]]) | some p in array.slice(sort(missing), 0, 3)]
	msg := _msg(
		"%s (every %d days, %s) has no measurement in %d %s (%s)",
		[
			ref, _interval(o), _interval_param(o), count(missing),
			_plural(count(missing), "period", "periods"), concat(", ", shown),
		],
		"record a measurement in every period",
	)
}) | {result.at_risk(rule, msg, [records.at(o, "measurements")]) |
	some ref in measured_population(std)
	o := records.get(ref)
	count(_missing_periods(o)) == 0
	due := dates.add_days(max(_measured_days(o)), _interval(o))
	ops.due_soon(due)
	msg := sprintf("%s must be measured again by %s (every %d days)", [ref, due, _interval(o)])
}

_review_held(std) := dates.day(records.get(assurance.latest_review[std]).held_on)

_measured_objectives(std) := {ref | some ref in of("Objective", std); count(_measured_days(records.get(ref))) > 0}

# reported_population returns the measured Objectives of a standard whose results the latest
# management review should have had: measured on or before it was held (every measured one
# when no review is recorded).
reported_population(std) := {ref |
	some ref in _measured_objectives(std)
	min(_measured_days(records.get(ref))) <= _review_held(std)
} if assurance.latest_review[std]

reported_population(std) := _measured_objectives(std) if not assurance.latest_review[std]

# reported_summary is the pass message of 9.1 R3.
reported_summary(std) := sprintf(
	"the latest management review of %s lists every measured objective in its input_refs",
	[std],
)

# reported_items fails objectives measured before the latest management review that it does not
# list in input_refs, and, when no review is recorded, the measured objectives as a whole.
reported_items(rule, std) := {result.fail(rule, msg, [records.at(records.get(mref), "input_refs"), ref]) |
	mref := assurance.latest_review[std]
	inputs := {x | some x in object.get(records.get(mref), "input_refs", [])}
	some ref in reported_population(std)
	not ref in inputs
	msg := _msg(
		"%s has results from %s on, but %s (held %s) does not list it in input_refs",
		[ref, min(_measured_days(records.get(ref))), mref, _review_held(std)],
		"put the objective's results before the management review",
	)
} | {result.fail(rule, msg, anchor(std)) |
	not assurance.latest_review[std]
	count(reported_population(std)) > 0
	msg := _msg(
		"no management review of %s is recorded, so the results of %d measured %s were never reviewed",
		[std, count(reported_population(std)), _plural(count(reported_population(std)), "objective", "objectives")],
		"hold one and list the objectives in its input_refs",
	)
}

# ---- 10.1 Continual improvement

# improvement_summary is the pass message of 10.1 R1.
improvement_summary(std) := sprintf(
	"the latest management review of %s, held within %d days (management_review_days), took an improvement decision",
	[std, _mr_days],
)

# improvement_items fails when no management review of the standard is recorded, when the
# latest was held more than management_review_days ago, and when it has no decision of type
# improvement.
improvement_items(rule, std) := (_no_review(rule, std, "an improvement decision") | _stale_review(
	rule, std,
	"its improvement decision",
)) | _undecided(rule, std, "improvement", "no decision of type improvement")

_action_done(x) if dates.visible(x.done_on)

_done_day(x) := dates.day(x.done_on) if _action_done(x)

_done_day(x) := "" if not _action_done(x)

_review_actions(std) := {a |
	some mref in of("ManagementReview", std)
	mr := records.get(mref)
	dates.visible(mr.held_on)
	some i, x in object.get(mr, "actions", [])
	is_string(x.due_on)
	a := {
		"ref": records.at(mr, sprintf("actions.%d", [i])),
		"name": sprintf("action %s of %s", [object.get(x, "id", i), mref]),
		"owner": object.get(x, "owner", "none"), "due": dates.day(x.due_on), "done": _done_day(x),
	}
}

_nc_actions(std) := {a |
	some nref in of("Nonconformity", std)
	nc := records.get(nref)
	dates.visible(nc.raised_on)
	some i, x in object.get(nc, "corrective_actions", [])
	is_string(x.due_on)
	a := {
		"ref": records.at(nc, sprintf("corrective_actions.%d", [i])),
		"name": sprintf("corrective action %d of %s", [i + 1, nref]),
		"owner": object.get(nc, "owner", "none"), "due": dates.day(x.due_on), "done": _done_day(x),
	}
}

_relevant_action(a) if a.done == ""

_relevant_action(a) if _within(a.done, _lookback)

# improvement_actions returns the dated actions of the management reviews and Nonconformities
# of a standard that are open at the as-of date or were done inside lookback_days.
improvement_actions(std) := {a | some a in (_review_actions(std) | _nc_actions(std)); _relevant_action(a)}

# actions_population returns the refs of improvement_actions.
actions_population(std) := {a.ref | some a in improvement_actions(std)}

# actions_summary is the pass message of 10.1 R2.
actions_summary(std) := sprintf(
	"every action of the management reviews and nonconformities of %s was closed by its due date",
	[std],
)

# actions_items fails open actions past their due date and actions done after it (inside
# lookback_days), and flags open actions due within at_risk_days.
actions_items(rule, std) := ({result.fail(rule, msg, [a.ref]) |
	some a in improvement_actions(std)
	a.done == ""
	a.due < input.as_of
	msg := _msg(
		"%s (owner %s) was due on %s and is not done",
		[a.name, a.owner, a.due],
		"complete it and record done_on, or agree a new due date",
	)
} | {result.fail(rule, msg, [a.ref]) |
	some a in improvement_actions(std)
	a.done != ""
	a.done > a.due
	msg := _msg(
		"%s (owner %s) was done on %s, after its due date %s",
		[a.name, a.owner, a.done, a.due],
		"close actions by their due dates",
	)
}) | {result.at_risk(rule, msg, [a.ref]) |
	some a in improvement_actions(std)
	a.done == ""
	ops.due_soon(a.due)
	msg := sprintf("%s (owner %s) is due on %s", [a.name, a.owner, a.due])
}

# ---- 10.2 Nonconformity and corrective action

_graded := {"major", "minor"}

_nc_relevant(nc) if not _closed(nc)

_nc_relevant(nc) if _within(nc.closed_on, _lookback)

# nc_population returns the major and minor Nonconformities of a standard raised by the as-of
# date that are open or were closed inside lookback_days.
nc_population(std) := {ref |
	some ref in of("Nonconformity", std)
	nc := records.get(ref)
	nc.grade in _graded
	dates.visible(nc.raised_on)
	_nc_relevant(nc)
}

_nc_owner_ok(nc) if {
	_closed(nc)
	startswith(object.get(nc, "owner", ""), "Person/")
	records.exists(nc.owner)
}

_nc_owner_ok(nc) if {
	not _closed(nc)
	people.active_ref(object.get(nc, "owner", ""))
}

_dated_actions(nc) := {i | some i, x in object.get(nc, "corrective_actions", []); is_string(x.due_on)}

_nc_problems(nc) := ((_nc_owner_problem(nc) | _correction_problem(nc)) | _cause_problem(nc)) | _action_problem(nc)

_nc_owner_problem(nc) := {["owner", "owner who is an active Person"] | not _nc_owner_ok(nc)}

_correction_problem(nc) := {["correction", "correction (or why none is possible)"] |
	not _filled(object.get(nc, ["correction", "action"], null))
}

_cause_problem(nc) := {["root_cause", "root cause"] | not _filled(object.get(nc, "root_cause", null))}

_action_problem(nc) := {["corrective_actions", "corrective action with a due date"] | count(_dated_actions(nc)) == 0}

# nc_summary is the pass message of 10.2 R1.
nc_summary(std) := sprintf(
	"every nonconformity of %s records an owner, a correction, a root cause and a dated corrective action",
	[std],
)

# nc_items fails each Nonconformity of nc_population without an owner (active while open), a
# correction (whose action may state why none is possible), a root cause or a corrective action
# with a due date.
nc_items(rule, std) := {result.fail(rule, msg, refs) |
	some ref in nc_population(std)
	nc := records.get(ref)
	problems := _nc_problems(nc)
	count(problems) > 0
	refs := {records.at(nc, p[0]) | some p in problems}
	msg := _msg(
		"%s (%s, raised %s) records no %s",
		[ref, nc.grade, dates.day(nc.raised_on), concat(", no ", sort({p[1] | some p in problems}))],
		"complete the record",
	)
}

_close_days(nc) := input.params.nc_close_days[nc.grade]

_close_due(nc) := dates.add_days(nc.raised_on, _close_days(nc))

# close_population returns the Nonconformities of nc_population whose grade has a close limit.
close_population(std) := {ref | some ref in nc_population(std); _close_days(records.get(ref))}

# close_summary is the pass message of 10.2 R2.
close_summary(std) := sprintf(
	"every major and minor nonconformity of %s was closed within nc_close_days (major %d, minor %d days)",
	[std, object.get(input.params.nc_close_days, "major", 0), object.get(input.params.nc_close_days, "minor", 0)],
)

# close_items fails nonconformities open after raised_on + nc_close_days of their grade and
# those closed after it; flags open ones due within at_risk_days.
close_items(rule, std) := ({result.fail(rule, msg, [records.at(nc, "closed_on")]) |
	some ref in close_population(std)
	nc := records.get(ref)
	not _closed(nc)
	_close_due(nc) < input.as_of
	msg := _msg(
		"%s (%s, raised %s) is still open after its deadline %s (nc_close_days.%s = %d)",
		[ref, nc.grade, dates.day(nc.raised_on), _close_due(nc), nc.grade, _close_days(nc)],
		"complete its corrective actions and close it",
	)
} | {result.fail(rule, msg, [records.at(nc, "closed_on")]) |
	some ref in close_population(std)
	nc := records.get(ref)
	_closed(nc)
	dates.day(nc.closed_on) > _close_due(nc)
	msg := _msg(
		"%s (%s, raised %s) was closed on %s, after its deadline %s (nc_close_days.%s = %d)",
		[ref, nc.grade, dates.day(nc.raised_on), dates.day(nc.closed_on), _close_due(nc), nc.grade, _close_days(nc)],
		"close nonconformities in time",
	)
}) | {result.at_risk(rule, msg, [records.at(nc, "closed_on")]) |
	some ref in close_population(std)
	nc := records.get(ref)
	not _closed(nc)
	ops.due_soon(_close_due(nc))
	msg := sprintf("%s (%s) must be closed by %s", [ref, nc.grade, _close_due(nc)])
}

_effect_due(nc) := dates.add_days(nc.closed_on, _eff_days)

_effect_day(nc) := dates.day(nc.effectiveness.verified_on) if dates.visible(nc.effectiveness.verified_on)

# effect_population returns the closed Nonconformities of nc_population.
effect_population(std) := {ref | some ref in nc_population(std); _closed(records.get(ref))}

# effect_summary is the pass message of 10.2 R3.
effect_summary(std) := sprintf(
	concat("", [
		"every nonconformity of %s closed in the last %d days was found effective within %d days of closing ",
		"(nc_effectiveness_days)",
	]),
	[std, _lookback, _eff_days],
)

# effect_items fails closed nonconformities whose effectiveness was not verified by closed_on +
# nc_effectiveness_days, was verified after it, or was found not effective; flags verifications
# due within at_risk_days.
effect_items(rule, std) := (({result.fail(rule, msg, [records.at(nc, "effectiveness")]) |
	some ref in effect_population(std)
	nc := records.get(ref)
	not _effect_day(nc)
	_effect_due(nc) < input.as_of
	msg := _msg(
		"%s was closed on %s and its effectiveness was not verified by %s (nc_effectiveness_days = %d)",
		[ref, dates.day(nc.closed_on), _effect_due(nc), _eff_days],
		"verify that the corrective actions worked and record effectiveness",
	)
} | {result.fail(rule, msg, [records.at(nc, "effectiveness.verified_on")]) |
	some ref in effect_population(std)
	nc := records.get(ref)
	_effect_day(nc) > _effect_due(nc)
	msg := _msg(
		"%s was closed on %s and its effectiveness verified only on %s, after %s (nc_effectiveness_days = %d)",
		[ref, dates.day(nc.closed_on), _effect_day(nc), _effect_due(nc), _eff_days],
		"verify effectiveness in time",
	)
}) | {result.fail(rule, msg, [records.at(nc, "effectiveness.effective")]) |
	some ref in effect_population(std)
	nc := records.get(ref)
	_effect_day(nc)
	nc.effectiveness.effective == false
	msg := _msg(
		"%s was found not effective on %s",
		[ref, _effect_day(nc)],
		"reopen it, find the cause again and take new corrective actions",
	)
}) | {result.at_risk(rule, msg, [records.at(nc, "effectiveness")]) |
	some ref in effect_population(std)
	nc := records.get(ref)
	not _effect_day(nc)
	ops.due_soon(_effect_due(nc))
	msg := sprintf("the effectiveness of %s must be verified by %s", [ref, _effect_due(nc)])
}

_is_nc(x) if {
	startswith(x, "Nonconformity/")
	records.exists(x)
}

_recent_audits(std) := {ref |
	some ref in of("InternalAudit", std)
	_within(records.get(ref).performed_on, _lookback)
}

_nc_action(x) if {
	is_string(x)
	startswith(x, "Nonconformity/")
}

_incidents_with_ncs(std) := {ref |
	some ref in of("Incident", std)
	i := records.get(ref)
	_within(i.reported_on, _lookback)
	some x in object.get(i, ["post_incident_review", "actions"], [])
	_nc_action(x)
}

_audit_ncs(std) := {ref |
	some ref in of("Nonconformity", std)
	nc := records.get(ref)
	nc.source in {"internal-audit", "external-audit"}
	is_string(nc.source_ref)
	_within(nc.raised_on, _lookback)
}

# recorded_population returns what 10.2 R4 examines: the audits of a standard performed inside
# lookback_days, its incidents reported inside it whose review names Nonconformity actions, and
# its audit nonconformities raised inside it.
recorded_population(std) := (_recent_audits(std) | _incidents_with_ncs(std)) | _audit_ncs(std)

# recorded_summary is the pass message of 10.2 R4.
recorded_summary(std) := sprintf(
	concat("", [
		"every finding of the audits and every nonconformity action of the incidents of %s in the last %d days ",
		"is a Nonconformity record, and audit nonconformities are listed by their audit",
	]),
	[std, _lookback],
)

# recorded_items fails audit findings and incident actions naming a Nonconformity that is not in
# the bundle, and audit nonconformities whose source audit does not list them in findings.
recorded_items(rule, std) := ({result.fail(rule, msg, [records.at(a, sprintf("findings.%d", [i]))]) |
	some ref in _recent_audits(std)
	a := records.get(ref)
	some i, x in object.get(a, "findings", [])
	not _is_nc(x)
	msg := _msg(
		"%s lists finding %v, which is not a Nonconformity record",
		[ref, x],
		"record each audit finding as a Nonconformity",
	)
} | {result.fail(rule, msg, [records.at(inc, sprintf("post_incident_review.actions.%d", [i]))]) |
	some ref in _incidents_with_ncs(std)
	inc := records.get(ref)
	some i, x in inc.post_incident_review.actions
	_nc_action(x)
	not records.exists(x)
	msg := _msg(
		"%s names the corrective action %s, which is not in the bundle",
		[ref, x],
		"record the Nonconformity or fix the reference",
	)
}) | _audit_link_items(rule, std)

_audit_link_items(rule, std) := {result.fail(rule, msg, [records.at(nc, "source_ref")]) |
	some ref in _audit_ncs(std)
	nc := records.get(ref)
	not records.exists(nc.source_ref)
	msg := _msg("%s names %s as its source, which is not in the bundle", [ref, nc.source_ref], "fix source_ref")
} | {result.fail(rule, msg, [records.at(nc, "source_ref")]) |
	some ref in _audit_ncs(std)
	nc := records.get(ref)
	audit := records.get(nc.source_ref)
	not ref in {x | some x in object.get(audit, "findings", [])}
	msg := _msg(
		"%s names %s as its source, but that audit does not list it in findings",
		[ref, nc.source_ref],
		"add it to the audit's findings or fix source_ref",
	)
}

# _cutoffs maps every whole number of days among the parameters to the first day within that
# many days of the as-of date, so that _within(d, n) compares strings instead of parsing dates.
_cutoffs := {n: dates.add_days(input.as_of, 0 - n) | some _, n in input.params; is_number(n); n == floor(n)}

# _within is dates.within(d, n): d (a date or timestamp) lies in [as_of - n days, as_of].
_within(d, n) if {
	day := dates.day(d)
	day <= input.as_of
	day >= _cutoffs[n]
} else if {
	not _cutoffs[n]
	dates.within(d, n)
}
