# METADATA
# title: AI lifecycle helpers
# description: >-
#   More shared facts of the ISO/IEC 42001 controls, built on data.annexa.lib.ai: the AI
#   management system record, content flags in either spelling, the versions of a document
#   along supersedes, the current AI policies, the significant changes of each AI system, the
#   resources an AI system lists, and - for a model version on the day it went live - whether
#   the impact-assessment conditions of A.5.3 and the verification conditions of A.6.2.4
#   already held then.
# scope: package
package annexa.lib.ai2

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import rego.v1

# aims_ref is the reference of the AI management system record; when there is none it is the
# bare kind, so a failure still names something.
aims_ref := min(refs) if {
	refs := {records.ref(ms) | some ms in records.of("ManagementSystem"); ms.standard == "iso42001:2023"}
	count(refs) > 0
} else := "ManagementSystem"

# flag_set holds when a document's content_flags sets the flag to true, spelled with hyphens
# (data-review, as parameters write it) or with underscores (data_review, as flags are written).
flag_set(d, name) if {
	some spelling in {replace(name, "_", "-"), replace(name, "-", "_")}
	d.content_flags[spelling] == true
}

# components returns one list of an AI system's components (datasets, tooling, compute ...).
components(s, field) := object.get(s, ["components", field], [])

# --- document versions

_replaces_p[records.ref(d)] contains d.supersedes if {
	some d in records.of("Document")
	is_string(d.supersedes)
}

_replaced_by_p[d.supersedes] contains records.ref(d) if {
	some d in records.of("Document")
	is_string(d.supersedes)
}

# graph.reachable drops nodes that are not keys of the graph, so every node is a key.
_doc_nodes := {records.ref(d) | some d in records.of("Document")} | {d.supersedes |
	some d in records.of("Document")
	is_string(d.supersedes)
}

_back := {n: object.get(_replaces, n, set()) | some n in _doc_nodes}

_forward := {n: object.get(_replaced_by, n, set()) | some n in _doc_nodes}

# earlier_versions returns a Document ref with every version it replaces (along supersedes).
earlier_versions(ref) := graph.reachable(_back, {ref})

# versions returns every version of a document: the ones it replaces and the ones replacing it.
versions(ref) := graph.reachable(_back, {ref}) | graph.reachable(_forward, {ref})

# replaced_on holds when a document that supersedes the referenced one was published on or
# before day d.
replaced_on(ref, d) if {
	some n in object.get(_replaced_by, ref, set())
	dates.day(records.get(n).published_on) <= d
}

# first_published_major returns the day the major version of a document was first published,
# looking through the versions it replaces.
first_published_major(d) := min({dates.day(x.published_on) |
	some ref in earlier_versions(records.ref(d))
	x := records.get(ref)
	ai.major(x.version) == ai.major(d.version)
})

# --- AI policy

# ai_policies are the refs of the current AI policies (policy or topic-policy, topic ai-policy).
ai_policies := docs.current_of("policy", "ai-policy") | docs.current_of("topic-policy", "ai-policy")

# ai_policy_refs are the refs of every AI policy document, of any version.
_ai_policy_refs_p contains records.ref(d) if {
	some d in records.of("Document")
	object.get(d, "topic", "") == "ai-policy"
	d.doc_type in {"policy", "topic-policy"}
}

# --- significant changes

# change_live returns the day a change went live: deployed_on, else go_live_on.
change_live(c) := dates.day(c.deployed_on)

change_live(c) := dates.day(c.go_live_on) if not c.deployed_on

# significant_changes maps an AISystem ref to [live day, ChangeRecord ref] for every change
# with significant true that names the system and went live by as-of.
_significant_changes_p[sref] contains [day, records.ref(c)] if {
	some c in records.of("ChangeRecord")
	c.significant == true
	day := change_live(c)
	dates.visible(day)
	some sref in c.systems
	startswith(sref, "AISystem/")
}

# --- impact assessments at a given day (A.5.3 notions)

# aiia_due returns the day an impact assessment had to be renewed: performed_on plus
# aiia_review_days, or its own next_review_on when that is earlier.
aiia_due(a) := min({_interval_due(a), dates.day(a.next_review_on)}) if a.next_review_on

aiia_due(a) := _interval_due(a) if not a.next_review_on

_interval_due(a) := dates.add_days(a.performed_on, input.params.aiia_review_days)

# approval_by returns the first day on or before d on which a holder of the impact-approver
# role approved the assessment; undefined when none did by then.
approval_by(a, d) := min(days) if {
	days := {x | some x in ai.aiia_approval_days(a); x <= d}
	count(days) > 0
}

# approved_by returns the refs of a system's assessments performed and validly approved on or
# before day d.
approved_by(sref, d) := {ref |
	some ref in object.get(ai.approved_aiias, sref, set())
	a := records.get(ref)
	dates.day(a.performed_on) <= d
	approval_by(a, d)
}

# latest_by returns the assessment of a system with the latest performed_on among those
# approved by day d; undefined when there is none.
latest_by(sref, d) := records.get(max(tops)) if {
	refs := approved_by(sref, d)
	count(refs) > 0
	last := max({dates.day(records.get(r).performed_on) | some r in refs})
	tops := {r | some r in refs; dates.day(records.get(r).performed_on) == last}
}

# current_aiia returns the latest approved impact assessment of a system at the as-of date.
current_aiia(sref) := latest_by(sref, input.as_of)

# --- a model release and its impact assessment

# _majors maps an AISystem ref to [major version, day] of every production deployment.
_majors_p[m.ai_system] contains [ai.major(m.model_version), ai.deploy_day(m)] if {
	some m in records.of("ModelRecord")
	ai.production_deployment(m)
}

_major_seen_before(m) if {
	some x in _majors[m.ai_system]
	x[0] == ai.major(m.model_version)
	x[1] < ai.deploy_day(m)
}

# _deployed_by maps a ChangeRecord ref to the model versions it deployed, as [system, version].
_deployed_by_p[m.deployment.change] contains [m.ai_system, m.model_version] if {
	some m in records.of("ModelRecord")
	is_string(m.deployment.change)
}

_change_versions(m) := {x[1] | some x in _deployed_by[m.deployment.change]; x[0] == m.ai_system}

# release_events returns why a production release of a model version is a significant change in
# the terms of A.5.3: new-major when no earlier production deployment of its system had the
# same major version, significant-change when its deployment ChangeRecord is significant and
# names the system.
release_events(m) := {e | some e in ["new-major", "significant-change"]; _event(m, e)}

_event(m, "new-major") if not _major_seen_before(m)

_event(m, "significant-change") if {
	c := records.get(m.deployment.change)
	c.significant == true
	m.ai_system in c.systems
}

event_text := {"new-major": "a new major version", "significant-change": "a significant change"}

_covers(a, m, "new-major") if a.trigger_ref == records.ref(m)

_covers(a, m, "new-major") if a.trigger_ref == m.deployment.change

_covers(a, m, "new-major") if ai.major(a.system_version) == ai.major(m.model_version)

_covers(a, m, "significant-change") if a.trigger_ref == m.deployment.change

_covers(a, m, "significant-change") if a.system_version in _change_versions(m)

# cover_days returns the first approval days (on or before the deployment day) of the
# assessments that cover one release event.
cover_days(m, e) := {day |
	d := ai.deploy_day(m)
	some ref in approved_by(m.ai_system, d)
	a := records.get(ref)
	_covers(a, m, e)
	day := approval_by(a, d)
}

# aiia_problems returns why the conditions of A.5.3 did not hold on the day a model version went
# live: no assessment of its system approved by then, the latest one overdue for renewal then,
# or a significant release that no assessment approved by then covers.
aiia_problems(m) := (_no_aiia(m) | _stale_aiia(m)) | _uncovered(m)

_no_aiia(m) := {msg |
	d := ai.deploy_day(m)
	not latest_by(m.ai_system, d)
	msg := sprintf(
		"no impact assessment of %s was approved by a holder of %s on or before %s",
		[m.ai_system, ai.impact_approver, d],
	)
}

_stale_aiia(m) := {msg |
	d := ai.deploy_day(m)
	a := latest_by(m.ai_system, d)
	aiia_due(a) < d
	msg := sprintf(
		"%s, the latest approved impact assessment of %s on %s, was due for renewal on %s",
		[records.ref(a), m.ai_system, d, aiia_due(a)],
	)
}

_uncovered(m) := {msg |
	some e in release_events(m)
	count(cover_days(m, e)) == 0
	msg := sprintf(
		"the release is %s of %s, but no impact assessment covering it (trigger_ref or system_version) was approved by %s",
		[event_text[e], m.ai_system, ai.deploy_day(m)],
	)
}

# aiia_day returns the day the impact-assessment gate of a release was passed: the latest of
# the first approvals covering its release events, or, for a release that is no significant
# change, the approval of the assessment current when it went live.
aiia_day(m) := max({min(cover_days(m, e)) | some e in release_events(m)}) if count(release_events(m)) > 0

aiia_day(m) := approval_by(latest_by(m.ai_system, d), d) if {
	count(release_events(m)) == 0
	d := ai.deploy_day(m)
}

# --- verification and validation on the day a model version went live (A.6.2.4 notions)

# results returns the evaluation results of a model version.
results(m) := object.get(m, ["evaluation", "results"], [])

# criteria maps a model ref and a criterion name to the indexes of its results.
criteria(m) := {crit: idx |
	some r in results(m)
	crit := r.criterion
	idx := {i | some i, x in results(m); x.criterion == crit}
}

_before(m, r) if dates.day(r.evaluated_on) <= ai.deploy_day(m)

# last_day returns the latest day on or before deployment on which a criterion was evaluated.
last_day(m, idx) := max(days) if {
	days := {dates.day(r.evaluated_on) | some i in idx; r := results(m)[i]; _before(m, r)}
	count(days) > 0
}

_failed_last(m, idx) := {i |
	day := last_day(m, idx)
	some i in idx
	r := results(m)[i]
	dates.day(r.evaluated_on) == day
	r.passed != true
}

_exceptions_p[target] contains records.ref(e) if {
	some e in records.of("Exception")
	some target in e.applies_to
}

# excepted_at holds when an Exception naming the model version (or ModelRecord#criterion),
# approved by someone other than its requester, was in force on the deployment day.
excepted_at(m, crit) if {
	some target in {records.ref(m), concat("#", [records.ref(m), crit])}
	some eref in _exceptions[target]
	e := records.get(eref)
	e.approved_by != e.requested_by
	dates.day(e.approved_on) <= ai.deploy_day(m)
	ai.deploy_day(m) <= dates.day(e.expires_on)
}

_plan_approved_by(plan, d) if {
	some a in docs.version_approvals(plan)
	a.on <= d
}

# vv_problems returns why verification and validation had not passed when a model version went
# live: no approved evaluation plan published by then, no results, a criterion not evaluated by
# then, or a criterion whose latest results before deployment failed with no exception in force.
vv_problems(m) := ((_plan_problems(m) | _no_results(m)) | _unevaluated(m)) | _failed(m)

_plan_problems(m) := (({"it names no evaluation plan" | not m.evaluation.plan} | {msg |
	not records.exists(m.evaluation.plan)
	msg := sprintf("its evaluation plan %s does not exist", [m.evaluation.plan])
}) | {msg |
	plan := records.get(m.evaluation.plan)
	dates.day(plan.published_on) > ai.deploy_day(m)
	msg := sprintf("its evaluation plan %s was published only on %s", [m.evaluation.plan, plan.published_on])
}) | {msg |
	plan := records.get(m.evaluation.plan)
	d := ai.deploy_day(m)
	not _plan_approved_by(plan, d)
	msg := sprintf("its evaluation plan %s was not approved for its version by then", [m.evaluation.plan])
}

_no_results(m) := {"it records no evaluation results" | count(results(m)) == 0}

_unevaluated(m) := {msg |
	some crit, idx in criteria(m)
	not last_day(m, idx)
	msg := sprintf("criterion %s was not evaluated by then", [crit])
}

_failed(m) := {msg |
	some crit, idx in criteria(m)
	failed := _failed_last(m, idx)
	count(failed) > 0
	not excepted_at(m, crit)
	r := results(m)[min(failed)]
	msg := sprintf(
		"criterion %s failed on %s (value %v, threshold %v) with no exception in force",
		[crit, r.evaluated_on, object.get(r, "value", "none"), object.get(r, "threshold", "none")],
	)
}

# --- current impact assessments and the handling of their impacts (A.5.4, A.5.5)

# current_aiia_refs are the refs of the current (latest approved) impact assessments of the AI
# systems in service from stage design on.
_current_aiia_refs_p contains records.ref(current_aiia(records.ref(s))) if {
	some s in records.of("AISystem")
	ai.reached(s, "design")
}

# risk_accepted holds when a Risk's acceptance is in force at the as-of date: accepted by someone
# on or before as-of and not expired (no expires_on means no expiry).
risk_accepted(r) if {
	is_string(r.acceptance.accepted_by)
	dates.visible(r.acceptance.on)
	not _acceptance_expired(r)
}

_acceptance_expired(r) if dates.day(r.acceptance.expires_on) < input.as_of

# treatments returns the existing RiskTreatment refs an impact lists in mitigations.
treatments(imp) := {t |
	some t in object.get(imp, "mitigations", [])
	startswith(t, "RiskTreatment/")
	records.exists(t)
}

# accepted_risks returns the refs of an assessment's linked_risks whose acceptance is in force.
accepted_risks(a) := {r |
	some r in object.get(a, "linked_risks", [])
	risk_accepted(records.get(r))
}

# impact_handled holds when an impact lists an existing RiskTreatment, or its assessment links a
# Risk whose acceptance is in force.
impact_handled(_, imp) if count(treatments(imp)) > 0

impact_handled(a, _) if count(accepted_risks(a)) > 0

# addressed holds when an assessment has an impact on a dimension at one of levels, or rules the
# dimension out in not_relevant with a rationale.
addressed(a, dim, levels) if {
	some imp in a.impacts
	imp.dimension == dim
	imp.level in levels
}

addressed(a, dim, _) if {
	some x in object.get(a, "not_relevant", [])
	x.dimension == dim
	trim_space(object.get(x, "rationale", "")) != ""
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_replaces := _replaces_p

_replaced_by := _replaced_by_p

ai_policy_refs := _ai_policy_refs_p

significant_changes := _significant_changes_p

_majors := _majors_p

_deployed_by := _deployed_by_p

_exceptions := _exceptions_p

current_aiia_refs := _current_aiia_refs_p
