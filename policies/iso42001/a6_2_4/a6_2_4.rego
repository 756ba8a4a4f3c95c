# METADATA
# title: AI system verification and validation
# description: >-
#   Every model version that was in production during the lookback window was verified and
#   validated before it went live, against an approved evaluation plan whose criteria carry
#   thresholds: each criterion passed before deployment or an approved exception accepted the
#   shortfall, the evaluators were not the people who made the release, and the criteria cover
#   every evaluation category the organization requires.
# scope: package
# custom:
#   control: iso42001:A.6.2.4
#   class: a
#   evidence: [ModelRecord, Document, Exception, ChangeRecord]
#   rules:
#     R1: >-
#       Every deployed model version names an evaluation plan (evaluation.plan) that is a Document
#       published on or before the deployment day and approved for its version by as-of, and lists
#       evaluation results (its criteria), each with a numeric threshold.
#     R2: >-
#       For every criterion of a deployed model version, the latest result evaluated on or before the
#       deployment day passed, or the shortfall is covered by an Exception that names the ModelRecord
#       (or ModelRecord#criterion) in applies_to, was approved by someone other than its requester on
#       or before the deployment day, had not expired at deployment, and has not expired at as-of
#       while the version is still live.
#     R3: >-
#       When ai_vv_sod is true, every result evaluated on or before deployment names an evaluator who
#       is not the author of the ChangeRecord that deployed the version (deployment.change).
#     R4: >-
#       The categories of the evaluation results of every deployed model version include every
#       category in ai_vv_categories.
#   decisions:
#     - A deployed model version is one that went live in production (deployment.environment prod or
#       left out) by as-of and was not retired before the lookback window began
#       (data.annexa.lib.ai.deployed), so releases of the audit period and versions still live count.
#     - The model keeps criteria and thresholds in ModelRecord.evaluation.results, so the plan's
#       criteria are read from there; the plan Document must exist, be published by deployment and be
#       approved. A plan updated in place after the release no longer shows the version that was
#       used; new plan versions belong in new records linked by supersedes.
#     - Dates are compared by day; a result dated on the deployment day counts as before it.
#     - A criterion re-evaluated before deployment is judged by its latest pre-deployment results (all
#       results of that day must pass); later results do not rescue a release.
#     - The model does not say who the "model author" is. The author of the deployment ChangeRecord
#       is the person who put the version forward; without that link SoD cannot be shown and R3
#       fails. With ai_vv_sod false R3 has an empty population and reports not_exercised.
#     - R4 counts all results of the version, before or after deployment; R2 already requires that
#       each criterion was evaluated before deployment.
package annexa.iso42001.a6_2_4

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai.deployed_models

_results(m) := object.get(m, ["evaluation", "results"], [])

# --- R1: an approved plan, published by deployment, and criteria with thresholds.

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	m := records.get(ref)
	not m.evaluation.plan
	msg := sprintf(
		"%s (version %s) names no evaluation plan: link the approved plan it was evaluated against",
		[ref, m.model_version],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, "evaluation.plan")]) if {
	some ref in _population
	m := records.get(ref)
	not records.exists(m.evaluation.plan)
	msg := sprintf("%s names evaluation plan %s, which does not exist: record the plan", [ref, m.evaluation.plan])
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, "evaluation.plan")]) if {
	some ref in _population
	m := records.get(ref)
	plan := records.get(m.evaluation.plan)
	dates.day(plan.published_on) > ai.deploy_day(m)
	msg := sprintf(
		"%s was deployed on %s, before its evaluation plan %s was published (%s): plan verification before release",
		[ref, ai.deploy_day(m), m.evaluation.plan, plan.published_on],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, "evaluation.plan")]) if {
	some ref in _population
	m := records.get(ref)
	plan := records.get(m.evaluation.plan)
	not docs.approved_on(plan)
	msg := sprintf(
		"the evaluation plan %s of %s is not approved for its version %s: have it approved",
		[m.evaluation.plan, ref, plan.version],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	m := records.get(ref)
	count(_results(m)) == 0
	msg := sprintf(
		"%s (version %s) records no evaluation criteria or results: record each criterion with its threshold",
		[ref, m.model_version],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, sprintf("evaluation.results.%d.threshold", [i]))]) if {
	some ref in _population
	m := records.get(ref)
	some i, r in _results(m)
	not is_number(object.get(r, "threshold", null))
	msg := sprintf(
		"criterion %s of %s has no numeric threshold: state the pass mark",
		[object.get(r, "criterion", "?"), ref],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every deployed model version has an approved evaluation plan and criteria with thresholds",
		_population, _r1_items,
	)
}

# --- R2: each criterion passed before deployment, or an approved exception covers it.

# _criteria maps a model ref and a criterion to the indexes of its results.
_criteria[ref][crit] contains i if {
	some ref in _population
	some i, r in _results(records.get(ref))
	crit := object.get(r, "criterion", sprintf("#%d", [i]))
}

_before(m, r) if dates.day(r.evaluated_on) <= ai.deploy_day(m)

# _last_day returns the latest day on or before deployment on which the criterion was evaluated.
_last_day(m, idx) := max(days) if {
	days := {dates.day(r.evaluated_on) | some i in idx; r := _results(m)[i]; _before(m, r)}
	count(days) > 0
}

# _failed_last returns the indexes of the failed results of the criterion's latest pre-deployment day.
_failed_last(m, idx) := {i |
	day := _last_day(m, idx)
	some i in idx
	r := _results(m)[i]
	dates.day(r.evaluated_on) == day
	r.passed != true
}

_r2_items_p contains result.fail("R2", msg, [at]) if {
	some ref, crits in _criteria
	some crit, idx in crits
	m := records.get(ref)
	not _last_day(m, idx)
	at := records.at(m, sprintf("evaluation.results.%d.evaluated_on", [min(idx)]))
	msg := sprintf(
		"criterion %s of %s was not evaluated on or before deployment (%s): verify before release",
		[crit, ref, ai.deploy_day(m)],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(m, sprintf("evaluation.results.%d.passed", [i]))]) if {
	some ref, crits in _criteria
	some crit, idx in crits
	m := records.get(ref)
	failed := _failed_last(m, idx)
	count(failed) > 0
	not _excepted(m, crit)
	i := min(failed)
	r := _results(m)[i]
	msg := sprintf(
		"criterion %s (%s) of %s failed on %s (value %v, threshold %v); live on %s with no approved exception: fix it",
		[
			crit, object.get(r, "category", "?"), ref, r.evaluated_on,
			object.get(r, "value", "none"), object.get(r, "threshold", "none"), ai.deploy_day(m),
		],
	)
}

# _exceptions maps each applies_to entry to the Exceptions that name it.
_exceptions := {k: vs |
	some k in {x[0] | some x in _exceptions_rows}
	vs := {x[1] | some x in _exceptions_rows; x[0] == k}
}

_exceptions_rows := {[target, records.ref(e)] |
	some e in records.of("Exception")
	some target in e.applies_to
}

_excepted(m, crit) if {
	some target in {records.ref(m), concat("#", [records.ref(m), crit])}
	some eref in _exceptions[target]
	e := records.get(eref)
	e.approved_by != e.requested_by
	dates.day(e.approved_on) <= ai.deploy_day(m)
	ai.deploy_day(m) <= dates.day(e.expires_on)
	not _lapsed_while_live(m, e)
}

_lapsed_while_live(m, e) if {
	dates.day(e.expires_on) < input.as_of
	not _retired_by(m, e.expires_on)
}

_retired_by(m, d) if dates.day(m.retired_on) <= dates.day(d)

findings contains f if {
	some f in result.check(
		"R2", "every criterion of every deployed model version passed before deployment or has an approved exception",
		_population, _r2_items,
	)
}

# --- R3: evaluators differ from the author of the release.

_r3_population := _population if input.params.ai_vv_sod == true

_r3_population := set() if input.params.ai_vv_sod != true

_author(m) := records.get(m.deployment.change).author

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_population
	m := records.get(ref)
	not _author(m)
	msg := sprintf(
		"%s links no deployment change with an author, so evaluator independence (ai_vv_sod) cannot be shown: link it",
		[ref],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(m, sprintf("evaluation.results.%d", [i]))]) if {
	some ref in _r3_population
	m := records.get(ref)
	some i, r in _results(m)
	_before(m, r)
	not r.evaluator
	msg := sprintf(
		"criterion %s of %s names no evaluator (ai_vv_sod=true): record who evaluated it",
		[r.criterion, ref],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(m, sprintf("evaluation.results.%d.evaluator", [i]))]) if {
	some ref in _r3_population
	m := records.get(ref)
	author := _author(m)
	some i, r in _results(m)
	_before(m, r)
	r.evaluator == author
	msg := sprintf(
		"criterion %s of %s was evaluated by %s, the author of its release %s (ai_vv_sod=true): have another person do it",
		[r.criterion, ref, author, m.deployment.change],
	)
}

_r3_message := "every evaluator of a deployed model version differs from the author of its release" if {
	input.params.ai_vv_sod == true
} else := "evaluator independence is not required (ai_vv_sod=false)"

findings contains f if {
	some f in result.check("R3", _r3_message, _r3_population, _r3_items)
}

# --- R4: the criteria cover every required category.

_r4_items_p contains result.fail("R4", msg, [_results_ref(m)]) if {
	some ref in _population
	m := records.get(ref)
	have := {r.category | some r in _results(m)}
	missing := [c | some c in input.params.ai_vv_categories; not c in have]
	count(missing) > 0
	msg := sprintf(
		"the evaluation of %s (version %s) has no criterion of category %s (ai_vv_categories): add and evaluate them",
		[ref, m.model_version, concat(", ", missing)],
	)
}

_results_ref(m) := records.at(m, "evaluation.results") if count(_results(m)) > 0

_results_ref(m) := records.ref(m) if count(_results(m)) == 0

findings contains f if {
	some f in result.check(
		"R4",
		sprintf("the evaluation of every deployed model version covers %s", [concat(", ", input.params.ai_vv_categories)]),
		_population, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
