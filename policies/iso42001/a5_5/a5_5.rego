# METADATA
# title: Assessing societal impacts of AI systems
# description: >-
#   The current impact assessment of every AI system considers each kind of wider effect on
#   society that the organization lists - such as the environment, work, public safety, the
#   integrity of information and democratic processes - or says why one does not apply, and every
#   serious societal effect it finds is either being treated or knowingly accepted.
# scope: package
# custom:
#   control: iso42001:A.5.5
#   class: a
#   evidence: [AIImpactAssessment, AISystem, RiskTreatment, Risk, Person]
#   rules:
#     R1: >-
#       The current impact assessment of every AI system in service from stage design on (its
#       latest approved one, as in A.5.3) has, for every dimension in aiia_societal_dimensions, an
#       impact on that dimension at level societal, or a not_relevant entry for it with a
#       rationale.
#     R2: >-
#       Every societal impact of those assessments with severity high lists in mitigations an
#       existing RiskTreatment, or the assessment links (linked_risks) a Risk whose acceptance is in
#       force at as-of (accepted on or before as-of and not expired); and every mitigation such an
#       impact lists exists.
#   decisions:
#     - '"Current" is the latest approved assessment of the system, as in A.5.4.'
#     - A dimension counts as addressed only by an impact at level societal (or a not_relevant
#       rationale); effects on individuals belong to A.5.4.
#     - '"A recorded acceptance" is read as a linked Risk whose acceptance is in force, the same
#       notion as A.5.4 R3; residual_acceptable on the impact is the assessors'' view, not the
#       acceptance of a risk owner, and does not count.'
#     - R2 reports not_exercised when no current assessment finds a high societal impact.
package annexa.iso42001.a5_5

import data.annexa.lib.ai2
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai2.current_aiia_refs

# --- R1: every societal dimension addressed.

_impacts_at(a) := records.at(a, "impacts") if count(a.impacts) > 0

_impacts_at(a) := records.ref(a) if count(a.impacts) == 0

_r1_items_p contains result.fail("R1", msg, [_impacts_at(a)]) if {
	some ref in _population
	a := records.get(ref)
	missing := [d | some d in input.params.aiia_societal_dimensions; not ai2.addressed(a, d, {"societal"})]
	count(missing) > 0
	msg := sprintf(
		"%s (of %s) neither assesses nor rules out the societal impacts %s (aiia_societal_dimensions): complete it",
		[ref, a.ai_system, concat(", ", missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"the current impact assessment of every AI system addresses the societal impacts %s",
			[concat(", ", input.params.aiia_societal_dimensions)],
		),
		_population, _r1_items,
	)
}

# --- R2: high societal impacts treated or accepted.

_high_p contains [ref, i] if {
	some ref in _population
	some i, imp in records.get(ref).impacts
	imp.level == "societal"
	imp.severity == "high"
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, sprintf("impacts.%d", [i]))]) if {
	some [ref, i] in _high
	a := records.get(ref)
	imp := a.impacts[i]
	not ai2.impact_handled(a, imp)
	msg := sprintf(
		concat("", [
			"the high societal %s impact in %s lists no existing RiskTreatment and no linked Risk is accepted at %s: ",
			"treat or accept it",
		]),
		[imp.dimension, ref, input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, sprintf("impacts.%d.mitigations.%d", [i, j]))]) if {
	some [ref, i] in _high
	a := records.get(ref)
	some j, t in object.get(a.impacts[i], "mitigations", [])
	not t in ai2.treatments(a.impacts[i])
	msg := sprintf(
		"the high societal %s impact in %s lists mitigation %s, which is not an existing RiskTreatment: fix it",
		[a.impacts[i].dimension, ref, t],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every high societal impact is treated or its risk accepted",
		{records.at(records.get(x[0]), sprintf("impacts.%d", [x[1]])) | some x in _high}, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_high := _high_p

_r2_items := _r2_items_p
