# METADATA
# title: Processes for responsible AI system design and development
# description: >-
#   The organization has a current, approved lifecycle procedure that names every gate a release
#   of an AI system must pass, and every model version that went live in the lookback window
#   shows dated evidence for each of those gates, passed in order before it went live.
# scope: package
# custom:
#   control: iso42001:A.6.1.3
#   class: a
#   evidence: [Document, ModelRecord, AISystem, Dataset, AIImpactAssessment, ChangeRecord, Person]
#   rules:
#     R1: >-
#       A current procedure (Document of doc_type procedure, topic ai-lifecycle, published, approved
#       for its version, not superseded) sets a content flag to true for every gate in
#       ai_required_gates; a flag may be spelled with hyphens (data-review) or underscores
#       (data_review).
#     R2: >-
#       Every model version whose production deployment day lies within lookback_days has dated
#       evidence, on or before that day, for every gate in ai_required_gates - requirements: a
#       version of its AI system's requirements_spec approved (latest approval counts);
#       data-review: a quality check (quality.checked_on) of every dataset it was trained or
#       evaluated on (latest check counts); impact-assessment: the A.5.3 conditions held at
#       deployment (see A.6.2.5 R3), dated by the approval of the assessment covering the release,
#       or of the assessment current then; verification-validation: a result for every evaluation
#       criterion (latest counts); release-approval: release_approval.on. The gates are passed in
#       the order of ai_required_gates - no gate is dated after a later one, except that a later
#       gate whose evidence is carried over from an earlier release (the requirements
#       specification, and the impact assessment of a release that is not a significant change)
#       may predate the gates before it.
#   decisions:
#     - The content-flag spellings differ between the parameter (data-review) and the example bundle
#       (data_review); both are accepted, via data.annexa.lib.ai2.flag_set.
#     - '"Deployed in the lookback" is read as going live in production inside lookback_days; a
#       version that went live earlier and is still running passed its gates before the window.'
#     - A gate name in ai_required_gates that has no evidence mapping here fails R2 for every release,
#       since the engine cannot show it was passed; the five default gates are mapped.
#     - A minor release reuses the system's requirements and, when it is no significant change in the
#       terms of A.5.3 (new major version, or a significant deployment change), its current impact
#       assessment; those carried-over artefacts are older than the release's own data review, which
#       is not an ordering fault. Everything else must not predate an earlier gate.
#     - Dates are compared by day; evidence dated on the deployment day counts as before it. Whether
#       the V&V results passed is A.6.2.4's and A.6.2.5's concern; the gate needs dated results.
package annexa.iso42001.a6_1_3

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_gates := [replace(g, "_", "-") | some g in input.params.ai_required_gates]

# --- R1: a current lifecycle procedure names every gate.

_procedures := docs.current_of("procedure", "ai-lifecycle")

_missing_flags := {ref: missing |
	some ref in _procedures
	d := records.get(ref)
	missing := [g | some g in input.params.ai_required_gates; not ai2.flag_set(d, g)]
}

_good := {ref | some ref, missing in _missing_flags; count(missing) == 0}

_r1_pass := sprintf(
	"the lifecycle procedure %s is current and names the gates %s",
	[concat(", ", sort(_good)), concat(", ", input.params.ai_required_gates)],
)

_r1_problem := sprintf(
	"no current AI lifecycle procedure at %s (doc_type procedure, topic ai-lifecycle, published, approved): publish one",
	[input.as_of],
) if {
	count(_procedures) == 0
} else := concat("; ", sort([x |
	some ref, missing in _missing_flags
	count(missing) > 0
	x := sprintf(
		"%s does not name the gates %s in its content_flags (ai_required_gates): add them and have it approved",
		[ref, concat(", ", missing)],
	)
]))

findings contains f if {
	some f in result.require(
		"R1", count(_good) > 0, _r1_pass, _r1_problem,
		_procedures | {ai2.aims_ref | count(_procedures) == 0},
	)
}

# --- R2: every release passed every gate, in order, before going live.

_population_p contains records.ref(m) if {
	some m in records.of("ModelRecord")
	ai.production_deployment(m)
	dates.within(ai.deploy_day(m), input.params.lookback_days)
}

# requirements: an approved version of the system's requirements specification.

_spec(m) := records.get(m.ai_system).requirements_spec

_spec_days(m) := {a.on |
	d := ai.deploy_day(m)
	some ref in ai2.versions(_spec(m))
	some a in records.approvals(records.get(ref))
	a.on <= d
}

_day(m, "requirements") := max(_spec_days(m)) if count(_spec_days(m)) > 0

_why(m, "requirements") := sprintf("%s names no requirements_spec", [m.ai_system]) if {
	not _spec(m)
} else := sprintf(
	"its requirements specification %s (or another version of it) was not approved by %s",
	[_spec(m), ai.deploy_day(m)],
)

# data-review: every training and evaluation dataset was quality-checked.

_datasets(m) := {x.dataset | some x in object.get(m, ["training", "datasets"], [])} | {r.dataset |
	some r in ai2.results(m)
	is_string(r.dataset)
}

_checked(ref, d) := day if {
	day := dates.day(records.get(ref).quality.checked_on)
	day <= d
}

_unchecked(m) := {ref |
	d := ai.deploy_day(m)
	some ref in _datasets(m)
	not _checked(ref, d)
}

_day(m, "data-review") := max({_checked(ref, ai.deploy_day(m)) | some ref in _datasets(m)}) if {
	count(_datasets(m)) > 0
	count(_unchecked(m)) == 0
}

_why(m, "data-review") := "it names no training or evaluation dataset whose review could be shown" if {
	count(_datasets(m)) == 0
} else := sprintf(
	"the datasets %s have no quality check (quality.checked_on) on or before %s",
	[concat(", ", sort(_unchecked(m))), ai.deploy_day(m)],
)

# impact-assessment: the conditions of A.5.3 held at deployment.

_day(m, "impact-assessment") := ai2.aiia_day(m) if count(ai2.aiia_problems(m)) == 0

_why(m, "impact-assessment") := concat("; ", sort(ai2.aiia_problems(m)))

# verification-validation: a result for every criterion.

_unevaluated(m) := {crit | some crit, idx in ai2.criteria(m); not ai2.last_day(m, idx)}

_day(m, "verification-validation") := max({ai2.last_day(m, idx) | some _, idx in ai2.criteria(m)}) if {
	count(ai2.results(m)) > 0
	count(_unevaluated(m)) == 0
}

_why(m, "verification-validation") := "it records no evaluation results" if {
	count(ai2.results(m)) == 0
} else := sprintf(
	"the criteria %s were not evaluated by %s",
	[concat(", ", sort(_unevaluated(m))), ai.deploy_day(m)],
)

# release-approval: the release decision.

_day(m, "release-approval") := m.release_approval.on if m.release_approval.on <= ai.deploy_day(m)

_why(m, "release-approval") := "it has no release_approval" if {
	not m.release_approval
} else := sprintf("its release was approved only on %s", [m.release_approval.on])

# gates without an evidence mapping.

_known := {"requirements", "data-review", "impact-assessment", "verification-validation", "release-approval"}

_why(_, g) := sprintf("no evidence mapping exists for gate %s (known: %s)", [g, concat(", ", sort(_known))]) if {
	not g in _known
}

# _carried holds when a gate's evidence may come from an earlier release.
_carried(_, "requirements") := true

_carried(m, "impact-assessment") if count(ai2.release_events(m)) == 0

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _population
	m := records.get(ref)
	some g in _gates
	not _day(m, g)
	msg := sprintf(
		"%s (live %s) has no evidence for gate %s: %s",
		[ref, ai.deploy_day(m), g, _why(m, g)],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _population
	m := records.get(ref)
	some i, gi in _gates
	some j, gj in _gates
	i < j
	not _carried(m, gj)
	_day(m, gi) > _day(m, gj)
	msg := sprintf(
		"%s passed gate %s on %s, after gate %s on %s: pass the gates of ai_required_gates in order",
		[ref, gi, _day(m, gi), gj, _day(m, gj)],
	)
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every model version live in the last %d days passed %s in order before going live",
			[input.params.lookback_days, concat(", ", _gates)],
		),
		_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_population := _population_p

_r2_items := _r2_items_p
