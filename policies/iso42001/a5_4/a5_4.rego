# METADATA
# title: Assessing AI system impact on individuals or groups of individuals
# description: >-
#   The current impact assessment of every AI system considers each kind of effect on individual
#   people and groups that the organization lists, or says why one does not apply; it names the
#   groups the system can affect and says for each whether it needs special protection; and every
#   serious effect it finds is either being treated or knowingly accepted.
# scope: package
# custom:
#   control: iso42001:A.5.4
#   class: a
#   evidence: [AIImpactAssessment, AISystem, RiskTreatment, Risk, Person]
#   rules:
#     R1: >-
#       The current impact assessment of every AI system in service from stage design on (its
#       latest approved one, as in A.5.3) has, for every dimension in aiia_individual_dimensions,
#       an impact on that dimension at level individual or group, or a not_relevant entry for it
#       with a rationale.
#     R2: >-
#       Each of those assessments lists at least one affected group, and every affected group sets
#       vulnerable to true or false.
#     R3: >-
#       Every impact of those assessments at level individual or group with severity high lists in
#       mitigations an existing RiskTreatment, or the assessment links (linked_risks) a Risk whose
#       acceptance is in force at as-of (accepted on or before as-of and not expired); and every
#       mitigation such an impact lists exists.
#   decisions:
#     - '"Current" is the latest approved assessment of the system (approved by a holder of
#       Role/ai-impact-approver), the one A.5.3 R3 checks for freshness; systems without an approved
#       assessment fail A.5.3 R1 and are not repeated here.'
#     - An impact on a dimension counts at level individual or group only; a societal impact on the
#       same dimension belongs to A.5.5.
#     - The model links risks to the whole assessment (linked_risks), not to one impact, so an accepted
#       linked Risk counts for every high impact of that assessment.
#     - A mitigation must be a RiskTreatment reference that resolves; a dangling one fails even when
#       another mitigation exists, so the record stays true.
package annexa.iso42001.a5_4

import data.annexa.lib.ai2
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai2.current_aiia_refs

_levels := {"individual", "group"}

# --- R1: every individual dimension addressed.

_impacts_at(a) := records.at(a, "impacts") if count(a.impacts) > 0

_impacts_at(a) := records.ref(a) if count(a.impacts) == 0

_r1_items_p contains result.fail("R1", msg, [_impacts_at(a)]) if {
	some ref in _population
	a := records.get(ref)
	missing := [d | some d in input.params.aiia_individual_dimensions; not ai2.addressed(a, d, _levels)]
	count(missing) > 0
	msg := sprintf(
		"%s (of %s) neither assesses nor rules out %s for individuals or groups (aiia_individual_dimensions): complete it",
		[ref, a.ai_system, concat(", ", missing)],
	)
}

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"the current impact assessment of every AI system addresses %s for individuals and groups",
			[concat(", ", input.params.aiia_individual_dimensions)],
		),
		_population, _r1_items,
	)
}

# --- R2: affected groups listed and flagged.

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _population
	a := records.get(ref)
	count(object.get(a, "affected_groups", [])) == 0
	msg := sprintf("%s (of %s) lists no affected groups: name the groups the system can affect", [ref, a.ai_system])
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, sprintf("affected_groups.%d", [i]))]) if {
	some ref in _population
	a := records.get(ref)
	some i, g in object.get(a, "affected_groups", [])
	not is_boolean(object.get(g, "vulnerable", null))
	msg := sprintf(
		"affected group %q of %s does not say whether it is vulnerable: set vulnerable to true or false",
		[object.get(g, "group", "?"), ref],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "the current impact assessment of every AI system names its affected groups and their vulnerability",
		_population, _r2_items,
	)
}

# --- R3: high impacts treated or accepted.

# _high are [assessment ref, index] of the high impacts on individuals or groups.
_high_p contains [ref, i] if {
	some ref in _population
	some i, imp in records.get(ref).impacts
	imp.level in _levels
	imp.severity == "high"
}

_r3_items_p contains result.fail("R3", msg, [records.at(a, sprintf("impacts.%d", [i]))]) if {
	some [ref, i] in _high
	a := records.get(ref)
	imp := a.impacts[i]
	not ai2.impact_handled(a, imp)
	msg := sprintf(
		concat("", [
			"the high %s impact (%s) in %s lists no existing RiskTreatment and no linked Risk is accepted at %s: ",
			"treat or accept it",
		]),
		[imp.dimension, imp.level, ref, input.as_of],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(a, sprintf("impacts.%d.mitigations.%d", [i, j]))]) if {
	some [ref, i] in _high
	a := records.get(ref)
	some j, t in object.get(a.impacts[i], "mitigations", [])
	not t in ai2.treatments(a.impacts[i])
	msg := sprintf("the high %s impact in %s lists mitigation %s, which is not an existing RiskTreatment: fix it", [
		a.impacts[i].dimension, ref, t,
	])
}

findings contains f if {
	some f in result.check(
		"R3", "every high impact on individuals or groups is treated or its risk accepted",
		{records.at(records.get(x[0]), sprintf("impacts.%d", [x[1]])) | some x in _high}, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_high := _high_p

_r3_items := _r3_items_p
