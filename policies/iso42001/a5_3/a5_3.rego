# METADATA
# title: Documentation of AI system impact assessments
# description: >-
#   Every AI system from design until retirement has an impact assessment approved by a holder of
#   the impact-approver role, renewed within the review interval; every significant change in the
#   lookback window (a significant change record, a new major model version, a new deployment
#   context) was covered by an assessment approved before it went live; and the assessments of
#   systems retired within the retention period are still kept in the bundle.
# scope: package
# custom:
#   control: iso42001:A.5.3
#   class: a
#   evidence: [AIImpactAssessment, AISystem, ModelRecord, ChangeRecord, Person]
#   rules:
#     R1: >-
#       Every AI system in service at stage design or later has an approved impact assessment: one
#       performed by as-of with an approving decision, visible at as-of, by a person who held
#       Role/ai-impact-approver on the day of the decision.
#     R2: >-
#       Every significant change of an AI system that went live inside lookback_days is covered by an
#       approved impact assessment of that system whose first valid approval is on or before the
#       go-live day. Changes are (a) ChangeRecords with significant true naming the system, live on
#       deployed_on or go_live_on, covered through trigger_ref or a system_version equal to a model
#       version that change deployed; (b) production model versions whose major version had not been
#       deployed for the system before, covered through trigger_ref (the ModelRecord or its
#       deployment change) or a system_version of the same major version; (c) deployment contexts
#       added after the system's first one, covered by a new-context assessment performed after the
#       previous context began and no more than aiia_review_days before this one began.
#     R3: >-
#       The latest approved impact assessment of every AI system of R1 was performed within
#       aiia_review_days and its own next_review_on, when set, has not passed (at risk within
#       at_risk_days of the earlier of the two dates).
#     R4: >-
#       For every AI system retired no more than aiia_retention_days ago that had reached stage
#       design, at least one impact assessment of it is still in the bundle, its impact_assessment
#       reference resolves, and the supersedes reference of each of its assessments resolves.
#   decisions:
#     - An approval counts only when its approver held Role/ai-impact-approver on that date
#       (Person.roles), as the model's AIImpactAssessment fields ask; the role named on the approval
#       is a claim and is not trusted alone.
#     - R2 follows the pseudo-code of the model (6.2). A deployment context has no record of its own
#       to point at, and trigger_ref cannot name a list entry, so a context is covered by a
#       new-context assessment made for it - performed after the previous context began (so the one
#       made for that context does not count twice) and at most aiia_review_days before this one
#       began. The first context of a system is its initial deployment, which R1 covers.
#     - The first production model of a system counts as a new major version, so the initial
#       release also needs an assessment approved before go-live. Model versions deployed outside
#       prod (an environment other than prod) are not changes that went live.
#     - R3 also honours the assessment's own next_review_on, the organization's stated date, when
#       it is earlier than performed_on + aiia_review_days.
#     - R4, what can be checked - records are read at one commit, so a deletion leaves no trace
#       unless something still points at the deleted assessment. R4 therefore checks that a
#       system retired inside the retention period still has an assessment record and that the
#       references to assessments (AISystem.impact_assessment, AIImpactAssessment.supersedes)
#       resolve. Not checkable here - an assessment deleted together with every reference to it
#       (that needs the git history of earlier commits), and whether the artefacts behind the
#       evidence URIs still exist. Retention runs from the retirement of the system; systems retired
#       longer ago than aiia_retention_days are out of the population.
package annexa.iso42001.a5_3

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: an approved impact assessment for every AI system from design on.

_in_scope_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached(s, "design")
}

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _in_scope
	not ai.approved_aiias[sref]
	not ai.aiias[sref]
	msg := sprintf(
		"%s is at stage %s but has no impact assessment at %s: assess it and have a holder of %s approve it",
		[sref, ai.stage(records.get(sref)), input.as_of, ai.impact_approver],
	)
}

_r1_items_p contains result.fail("R1", msg, [sref]) if {
	some sref in _in_scope
	not ai.approved_aiias[sref]
	refs := ai.aiias[sref]
	msg := sprintf(
		"%s has impact assessments (%s) but none is approved by a holder of %s at %s: have one approved",
		[sref, concat(", ", sort(refs)), ai.impact_approver, input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every AI system from design on has an approved impact assessment",
		_in_scope, _r1_items,
	)
}

# --- R2: significant changes covered by an assessment approved before go-live.

_lookback := input.params.lookback_days

# _by_change maps a ChangeRecord ref to the model versions it deployed, per AI system.
_by_change := {k: vs |
	some k in {x[0] | some x in _by_change_rows}
	vs := {x[1] | some x in _by_change_rows; x[0] == k}
}

_by_change_rows := {[m.deployment.change, [m.ai_system, m.model_version]] |
	some m in records.of("ModelRecord")
	m.deployment.change
}

# _majors maps an AISystem ref to the [major, day] of each production model deployment.
_majors := {k: vs |
	some k in {x[0] | some x in _majors_rows}
	vs := {x[1] | some x in _majors_rows; x[0] == k}
}

_majors_rows := {[m.ai_system, [ai.major(m.model_version), ai.deploy_day(m)]] |
	some m in records.of("ModelRecord")
	ai.production_deployment(m)
}

_major_seen_before(m) if {
	some x in _majors[m.ai_system]
	x[0] == ai.major(m.model_version)
	x[1] < ai.deploy_day(m)
}

_live(c) := dates.day(c.deployed_on)

_live(c) := dates.day(c.go_live_on) if not c.deployed_on

# _events maps "ref|system" to one significant change: what changed, where, and when it went live.
_events := {x[0]: x[1] | some x in _events_rows}

_events_rows := ({[concat("|", [ref, sref]), ev] |
	some c in records.of("ChangeRecord")
	c.significant == true
	dates.within(_live(c), _lookback)
	ref := records.ref(c)
	some sref in c.systems
	startswith(sref, "AISystem/")
	versions := {x[1] | some x in object.get(_by_change, ref, set()); x[0] == sref}
	ev := {"ref": ref, "system": sref, "live": _live(c), "what": "significant change", "versions": versions}
} | {[concat("|", [ref, m.ai_system]), ev] |
	some m in records.of("ModelRecord")
	ai.production_deployment(m)
	dates.within(ai.deploy_day(m), _lookback)
	not _major_seen_before(m)
	ref := records.ref(m)
	triggers := {ref} | {x | x := m.deployment.change}
	ev := {
		"ref": ref, "system": m.ai_system, "live": ai.deploy_day(m),
		"what": sprintf("new major model version %s", [m.model_version]),
		"major": ai.major(m.model_version), "triggers": triggers,
	}
}) | {[concat("|", [at, sref]), ev] |
	some s in records.of("AISystem")
	contexts := object.get(s, "deployment_contexts", [])
	first := min({dates.day(x.from) | some x in contexts})
	some i, ctx in contexts
	dates.day(ctx.from) > first
	dates.within(ctx.from, _lookback)
	sref := records.ref(s)
	at := records.at(s, sprintf("deployment_contexts.%d", [i]))
	previous := max({dates.day(x.from) | some x in contexts; dates.day(x.from) < dates.day(ctx.from)})
	ev := {
		"ref": at, "system": sref, "live": dates.day(ctx.from), "previous": previous,
		"what": sprintf("new deployment context %s", [ctx.context]),
	}
}

# _covers holds when an approved assessment is linked to a change event.
_covers(a, ev) if a.trigger_ref == ev.ref

_covers(a, ev) if a.system_version in ev.versions

_covers(a, ev) if a.trigger_ref in ev.triggers

_covers(a, ev) if ai.major(a.system_version) == ev.major

_covers(a, ev) if {
	ev.previous
	a.trigger == "new-context"
	dates.day(a.performed_on) > ev.previous
	dates.day(a.performed_on) >= dates.add_days(ev.live, 0 - input.params.aiia_review_days)
}

_cover := {k: vs |
	some k in {x[0] | some x in _cover_rows}
	vs := {x[1] | some x in _cover_rows; x[0] == k}
}

_cover_rows := {[key, aref] |
	some key, ev in _events
	some aref in object.get(ai.approved_aiias, ev.system, set())
	_covers(records.get(aref), ev)
}

_first_approval(key) := min({ai.aiia_approved_on(records.get(aref)) | some aref in _cover[key]})

_r2_population := {ev.ref | some _, ev in _events}

_r2_items_p contains result.fail("R2", msg, [ev.ref]) if {
	some key, ev in _events
	not _cover[key]
	msg := sprintf(
		"%s (%s of %s, live %s) is covered by no approved impact assessment: link one (trigger_ref, system_version)",
		[ev.ref, ev.what, ev.system, ev.live],
	)
}

_r2_items_p contains result.fail("R2", msg, [ev.ref]) if {
	some key, ev in _events
	_cover[key]
	_first_approval(key) > ev.live
	msg := sprintf(
		"%s (%s of %s, live %s) is covered by %s, first approved on %s, after go-live: approve before go-live",
		[ev.ref, ev.what, ev.system, ev.live, concat(", ", sort(_cover[key])), _first_approval(key)],
	)
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every significant change live in the last %d days had an impact assessment approved before go-live",
			[_lookback],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: the latest approved assessment is within aiia_review_days.

_r3_population := {sref | some sref in _in_scope; ai.approved_aiias[sref]}

_latest(sref) := a if {
	refs := ai.approved_aiias[sref]
	last := max({records.get(r).performed_on | some r in refs})
	a := records.get(max({r | some r in refs; records.get(r).performed_on == last}))
}

_interval_due(a) := dates.add_days(a.performed_on, input.params.aiia_review_days)

_due(a) := min({_interval_due(a), a.next_review_on}) if a.next_review_on

_due(a) := _interval_due(a) if not a.next_review_on

_why(a) := sprintf("its next_review_on %s", [a.next_review_on]) if _due(a) != _interval_due(a)

_why(a) := sprintf("aiia_review_days=%d", [input.params.aiia_review_days]) if _due(a) == _interval_due(a)

_r3_items_p contains result.fail("R3", msg, [records.ref(a)]) if {
	some sref in _r3_population
	a := _latest(sref)
	_due(a) < input.as_of
	msg := sprintf(
		"%s, latest approved impact assessment of %s, performed on %s, was due for renewal on %s (%s): reassess",
		[records.ref(a), sref, a.performed_on, _due(a), _why(a)],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.ref(a)]) if {
	some sref in _r3_population
	a := _latest(sref)
	_due(a) >= input.as_of
	dates.days_between(input.as_of, _due(a)) <= input.params.at_risk_days
	msg := sprintf(
		"%s, the latest approved impact assessment of %s, is due for renewal on %s",
		[records.ref(a), sref, _due(a)],
	)
}

findings contains f if {
	some f in result.check(
		"R3",
		sprintf(
			"the latest approved impact assessment of every AI system was performed within %d days",
			[input.params.aiia_review_days],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: assessments of retired systems kept for aiia_retention_days.

_r4_population_p contains records.ref(s) if {
	some s in records.of("AISystem")
	ai.reached_before_retirement(s, "design")
	dates.age(ai.retired_on(s)) <= input.params.aiia_retention_days
}

_keep_until(s) := dates.add_days(ai.retired_on(s), input.params.aiia_retention_days)

_r4_items_p contains result.fail("R4", msg, [sref]) if {
	some sref in _r4_population
	not ai.aiias[sref]
	s := records.get(sref)
	msg := sprintf(
		"%s was retired on %s; keep its impact assessments until %s (aiia_retention_days=%d), but none is left: restore them",
		[sref, ai.retired_on(s), _keep_until(s), input.params.aiia_retention_days],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.at(s, "impact_assessment")]) if {
	some sref in _r4_population
	s := records.get(sref)
	not records.exists(s.impact_assessment)
	msg := sprintf(
		"%s names impact assessment %s, which is no longer in the bundle; it must be kept until %s: restore it",
		[sref, s.impact_assessment, _keep_until(s)],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.at(a, "supersedes")]) if {
	some sref in _r4_population
	s := records.get(sref)
	some aref in ai.aiias[sref]
	a := records.get(aref)
	not records.exists(a.supersedes)
	msg := sprintf(
		"%s supersedes %s, which is no longer in the bundle; assessments of %s must be kept until %s: restore it",
		[aref, a.supersedes, sref, _keep_until(s)],
	)
}

findings contains f if {
	some f in result.check(
		"R4",
		sprintf(
			"the impact assessments of AI systems retired in the last %d days are kept",
			[input.params.aiia_retention_days],
		),
		_r4_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_in_scope := _in_scope_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_population := _r4_population_p

_r4_items := _r4_items_p
