# METADATA
# title: Information security awareness, education and training
# description: >-
#   Everyone working for the organisation takes security awareness training soon after
#   joining and again at least once a refresh period, the people in roles that call for
#   particular skills keep the matching courses current, and the awareness course material
#   itself is kept under review.
# scope: package
# custom:
#   control: iso27001:A.6.3
#   class: a
#   evidence: [TrainingRecord, Person, Role, Document, ManagementSystem]
#   rules:
#     R1: >-
#       Every person active at the as-of date has a passed awareness TrainingRecord. A person who
#       started inside lookback_days must have completed one between training_new_hire_days before
#       and training_new_hire_days after the start date; every person past that onboarding window
#       must have one completed within training_refresh_days of the as-of date. People still inside
#       the onboarding window are at risk when it ends within at_risk_days, and so is a refresher
#       that expires within at_risk_days.
#     R2: >-
#       Every active holder of a Role with required_competences has, for each course competence, a
#       passed TrainingRecord of that course (or of a later version that supersedes it) completed
#       within the competence's renew_days (default training_refresh_days). A holder who took the
#       role less than training_new_hire_days ago is not yet failed (at risk near the end of that
#       window). A certification competence cannot be shown by any evidence kind and fails.
#     R3: >-
#       Every awareness course taken within training_refresh_days (or the newer published version
#       that supersedes it) exists as a Document and was reviewed or approved within the shorter of
#       its own review_interval_days and doc_review_days; when no awareness course was taken in that
#       window there is no material in use, which fails.
#   decisions:
#     - Only TrainingRecords with course_type awareness and passed true count for R1; completions
#       dated after the as-of date are ignored.
#     - The onboarding check applies to people who started inside lookback_days, like other event
#       populations; a completion up to training_new_hire_days before the start date (pre-boarding)
#       counts. A new hire who missed the window fails once, on onboarding, not again on refresh.
#     - Contractors, interns and temporary workers are people like employees; the model says
#       every active person.
#     - A role competence is met by the named course or any later version found through the
#       Document supersedes chain. A missing renew_days falls back to training_refresh_days.
#     - Certifications ({cert} competences) have no evidence kind (TrainingRecord names a course
#       Document, Person has no certifications field), so they fail with a message saying how to
#       record them as a course, instead of passing unverified.
#     - New role holders get training_new_hire_days from the start of their current assignment,
#       mirroring the new-hire grace of R1; the model states no grace for roles.
#     - The 365 days of R3 are read from doc_review_days (default 365), the parameter for
#       controlled-document reviews; section 6.1 has no separate course-review parameter.
package annexa.iso27001.a6_3

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: awareness on joining and refreshed every training_refresh_days.

# _awareness maps a Person ref to the days of their passed awareness completions.
_awareness := {k: vs |
	some k in {x[0] | some x in _awareness_rows}
	vs := {x[1] | some x in _awareness_rows; x[0] == k}
}

_awareness_rows := {[t.person, day] |
	some t in records.of("TrainingRecord")
	t.course_type == "awareness"
	t.passed == true
	day := substring(t.completed_on, 0, 10)
	day <= input.as_of
}

# _latest_awareness maps a Person ref to the day of their latest passed awareness completion.
_latest_awareness := {k: max(vs) | some k, vs in _awareness}

# Cost. Day windows are compared as strings against cutoffs computed once: start_date +
# training_new_hire_days >= as_of exactly when start_date >= as_of - training_new_hire_days.
_onboarding_cut := dates.cutoff(input.params.training_new_hire_days)

_lookback_cut := dates.cutoff(input.params.lookback_days)

_refresh_cut := dates.cutoff(input.params.training_refresh_days)

# _refresh_soon_cut is the last day of a latest completion whose refresher falls due within
# at_risk_days: last + training_refresh_days <= as_of + at_risk_days.
_refresh_soon_cut := dates.add_days(input.as_of, input.params.at_risk_days - input.params.training_refresh_days)

_onboarding_due(start) := dates.add_days(start, input.params.training_new_hire_days)

# _starts maps the ref of every active person to the day they started, read once.
_starts := {ref: substring(records.get(ref).start_date, 0, 10) | some ref in people.active_refs}

# _in_onboarding is the set of active people whose onboarding window has not ended.
_in_onboarding := {ref | some ref, start in _starts; start >= _onboarding_cut}

_onboarded(ref, start) if {
	lo := dates.add_days(start, 0 - input.params.training_new_hire_days)
	hi := _onboarding_due(start)
	some d in _awareness[ref]
	d >= lo
	d <= hi
}

# _missed_onboarding is the set of active people who started inside lookback_days, are past
# their onboarding window and completed no awareness course inside it.
_missed_onboarding := {ref |
	some ref, start in _starts
	start < _onboarding_cut
	start <= input.as_of
	_lookback_cut <= start
	not _onboarded(ref, start)
}

_refreshed(ref) if _latest_awareness[ref] >= _refresh_cut

_last_awareness(ref) := _latest_awareness[ref]

_last_awareness(ref) := "never" if not _latest_awareness[ref]

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _missed_onboarding
	p := records.get(ref)
	msg := sprintf(
		concat("", [
			"%s started on %s and completed no awareness course by %s (training_new_hire_days=%d; last: %s): enrol ",
			"them now",
		]),
		[ref, p.start_date, _onboarding_due(p.start_date), input.params.training_new_hire_days, _last_awareness(ref)],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref, _ in _starts
	not ref in _in_onboarding
	not ref in _missed_onboarding
	not _refreshed(ref)
	msg := sprintf(
		"%s has no passed awareness course within %d days of %s (last: %s): have them take the refresher",
		[ref, input.params.training_refresh_days, input.as_of, _last_awareness(ref)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref in _in_onboarding
	start := _starts[ref]
	not _onboarded(ref, start)
	ops.due_soon(_onboarding_due(start))
	p := records.get(ref)
	msg := sprintf(
		"%s started on %s and must complete awareness training by %s",
		[ref, p.start_date, _onboarding_due(start)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref, _ in _starts
	not ref in _in_onboarding
	_refreshed(ref)
	_latest_awareness[ref] <= _refresh_soon_cut
	due := dates.add_days(_last_awareness(ref), input.params.training_refresh_days)
	ops.due_soon(due)
	msg := sprintf("%s must repeat awareness training by %s (last: %s)", [ref, due, _last_awareness(ref)])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every active person completed awareness training on joining and within the last %d days",
			[input.params.training_refresh_days],
		),
		people.active_refs, _r1_items,
	)
}

# --- R2: role competences kept current.

# _replaces maps a Document ref to the ref of the version it replaces.
_replaces := {k: vs |
	some k in {x[0] | some x in _replaces_rows}
	vs := {x[1] | some x in _replaces_rows; x[0] == k}
}

_replaces_rows := {[records.ref(d), d.supersedes] |
	some d in records.of("Document")
	is_string(d.supersedes)
}

# _doc_nodes are all Document refs, including replaced versions that have no record.
_doc_nodes := {records.ref(d) | some d in records.of("Document")} | {d.supersedes |
	some d in records.of("Document")
	is_string(d.supersedes)
}

# graph.reachable drops nodes that are not keys of the graph, so every node is a key.
_supersedes_graph := {n: object.get(_replaces, n, set()) | some n in _doc_nodes}

# _credited maps "Person ref|course ref" to the days a person passed that course or a later
# version of it.
_credited := {k: vs |
	some k in {x[0] | some x in _credited_rows}
	vs := {x[1] | some x in _credited_rows; x[0] == k}
}

_credited_rows := {[concat("|", [t.person, course]), day] |
	some t in records.of("TrainingRecord")
	t.passed == true
	day := substring(t.completed_on, 0, 10)
	day <= input.as_of
	some course in _credits_course[t.course]
}

# _credits_course maps each course a TrainingRecord names to that course and the versions it
# supersedes, once per course instead of once per record.
_credits_course := {c: cs |
	some c in {t.course | some t in records.of("TrainingRecord")}
	cs := {c} | graph.reachable(_supersedes_graph, {c})
}

# _latest_credit maps "Person ref|course ref" to the latest day in _credited.
_latest_credit := {k: max(vs) | some k, vs in _credited}

# _r2_pairs are [Person ref, Role ref, competence] for every active holder of a role with
# required competences.
_r2_pairs_p contains [holder, role_ref, c] if {
	some role_ref, holders in people.holders
	some c in object.get(records.get(role_ref), "required_competences", [])
	some holder in holders
}

_r2_population_p contains pair[0] if some pair in _r2_pairs

_renew_days(c) := object.get(c, "renew_days", input.params.training_refresh_days)

_key(holder, c) := concat("|", [holder, c.course])

# _renew_cuts maps each renew period in use to [first day a credit is current, last day of a
# current credit that falls due within at_risk_days].
_renew_cuts := {n: [dates.cutoff(n), dates.add_days(input.as_of, input.params.at_risk_days - n)] |
	some n in {_renew_days(c) |
		some r in records.of("Role")
		some c in object.get(r, "required_competences", [])
	}
}

_competent(holder, c) if _latest_credit[_key(holder, c)] >= _renew_cuts[_renew_days(c)][0]

_last_credit(holder, c) := _latest_credit[_key(holder, c)]

_last_credit(holder, c) := "never" if not _latest_credit[_key(holder, c)]

# _assigned_since is the start of the holder's current assignment to the role.
_assigned_since(holder, role_ref) := max({a.from |
	some a in object.get(records.get(holder), "roles", [])
	a.role == role_ref
	a.from <= input.as_of
	not _assignment_ended(a)
})

_assignment_ended(a) if a.to <= input.as_of

_role_grace_due(holder, role_ref) := dates.add_days(
	_assigned_since(holder, role_ref),
	input.params.training_new_hire_days,
)

_in_role_grace(holder, role_ref) if _role_grace_due(holder, role_ref) >= input.as_of

_r2_items_p contains result.fail("R2", msg, [holder, role_ref]) if {
	some [holder, role_ref, c] in _r2_pairs
	is_string(c.cert)
	msg := sprintf(
		concat("", [
			"%s holds %s, which requires the certification %q, but no evidence kind records certifications: ",
			"describe the certification as a course Document, name it in the role and record a TrainingRecord",
		]),
		[holder, role_ref, c.cert],
	)
}

_r2_items_p contains result.fail("R2", msg, [holder, role_ref]) if {
	some [holder, role_ref, c] in _r2_pairs
	is_string(c.course)
	not _competent(holder, c)
	not _in_role_grace(holder, role_ref)
	msg := sprintf(
		"%s holds %s but has not passed %s within %d days of %s (last: %s): have them take it",
		[holder, role_ref, c.course, _renew_days(c), input.as_of, _last_credit(holder, c)],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [holder, role_ref]) if {
	some [holder, role_ref, c] in _r2_pairs
	is_string(c.course)
	not _competent(holder, c)
	_in_role_grace(holder, role_ref)
	due := _role_grace_due(holder, role_ref)
	ops.due_soon(due)
	msg := sprintf(
		"%s took %s on %s and must pass %s by %s",
		[holder, role_ref, _assigned_since(holder, role_ref), c.course, due],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [holder, role_ref]) if {
	some [holder, role_ref, c] in _r2_pairs
	is_string(c.course)
	_competent(holder, c)
	_last_credit(holder, c) <= _renew_cuts[_renew_days(c)][1]
	due := dates.add_days(_last_credit(holder, c), _renew_days(c))
	ops.due_soon(due)
	msg := sprintf("%s must renew %s for %s by %s", [holder, c.course, role_ref, due])
}

findings contains f if {
	some f in result.check(
		"R2", "every holder of a role with required competences has current training in each",
		_r2_population, _r2_items,
	)
}

# --- R3: awareness material reviewed within doc_review_days.

_recent_courses_p contains t.course if {
	some t in records.of("TrainingRecord")
	t.course_type == "awareness"
	dates.since(t.completed_on, _refresh_cut)
}

# _replaced_by maps a Document ref to the published versions that replace it.
_replaced_by := {k: vs |
	some k in {x[0] | some x in _replaced_by_rows}
	vs := {x[1] | some x in _replaced_by_rows; x[0] == k}
}

_replaced_by_rows := {[d.supersedes, records.ref(d)] |
	some d in records.of("Document")
	is_string(d.supersedes)
	dates.visible(d.published_on)
}

_successors := {n: object.get(_replaced_by, n, set()) | some n in _doc_nodes}

_r3_population_p contains ref if {
	some ref in (_recent_courses | graph.reachable(_successors, _recent_courses))
	not docs.superseded[ref]
}

# _review_days is the shorter of the document's own interval and doc_review_days.
_review_days(d) := min({input.params.doc_review_days, _own_interval(d)})

_own_interval(d) := object.get(d, "review_interval_days", input.params.doc_review_days)

_reviewed_in_time(d) if dates.within(docs.last_reviewed(d), _review_days(d))

_last_review(d) := docs.last_reviewed(d)

_last_review(d) := "never" if not docs.last_reviewed(d)

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_recent_courses) == 0
	msg := sprintf(
		"no awareness course was taken within %d days of %s, so no awareness material is in use: run the course",
		[input.params.training_refresh_days, input.as_of],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	not records.exists(ref)
	msg := sprintf(
		"%s is used as awareness course material but no such Document exists: add it or fix the reference",
		[ref],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(d, "reviews")]) if {
	some ref in _r3_population
	d := records.get(ref)
	not _reviewed_in_time(d)
	msg := sprintf(
		"%s (awareness course material) was last reviewed on %s, more than %d days before %s: review it",
		[ref, _last_review(d), _review_days(d), input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "the awareness course material in use was reviewed within its interval",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_pairs := _r2_pairs_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_recent_courses := _recent_courses_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
