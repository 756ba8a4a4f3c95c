# METADATA
# title: AI systems, models and impact assessments
# description: >-
#   Shared facts of the ISO/IEC 42001 controls: the lifecycle stage of an AI system at the
#   as-of date, which model versions were in production during the lookback window, which
#   impact assessments are approved (and when) by a holder of the impact-approver role, and
#   which roles count as AI roles. Everything is indexed once per query.
# scope: package
package annexa.lib.ai

import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import rego.v1

# stage_rank orders the lifecycle stages; retired is last.
stage_rank := {
	"inception": 0, "design": 1, "development": 2, "verification": 3,
	"deployment": 4, "operation": 5, "retired": 6,
}

# stage_on returns the lifecycle stage of an AI system on date d: the stage of the latest
# entry that began on or before d (the most advanced one when several began that day);
# undefined before the first entry.
stage_on(s, d) := st if {
	started := [e | some e in object.get(s, "lifecycle", []); dates.day(e.from) <= d]
	count(started) > 0
	last := max({dates.day(e.from) | some e in started})
	rank := max({stage_rank[e.stage] | some e in started; dates.day(e.from) == last})
	some st, r in stage_rank
	r == rank
}

# stage returns the lifecycle stage of an AI system at the as-of date.
stage(s) := stage_on(s, input.as_of)

# retired holds when an AI system is retired at the as-of date.
retired(s) if stage(s) == "retired"

# retired_on returns the date an AI system entered its current retired stage.
retired_on(s) := max({dates.day(e.from) |
	some e in s.lifecycle
	e.stage == "retired"
	dates.visible(e.from)
}) if retired(s)

# in_service holds when an AI system has begun its lifecycle and is not retired at as-of.
in_service(s) if {
	stage(s)
	not retired(s)
}

# reached holds when an AI system in service is at stage st or a later one at as-of.
reached(s, st) if {
	in_service(s)
	stage_rank[stage(s)] >= stage_rank[st]
}

# reached_before_retirement holds when a retired system had reached stage st before it retired.
reached_before_retirement(s, st) if {
	retired(s)
	some e in s.lifecycle
	e.stage != "retired"
	dates.visible(e.from)
	stage_rank[e.stage] >= stage_rank[st]
}

# in_service_refs is the set of AISystem refs in service at as-of.
_in_service_refs_p contains records.ref(s) if {
	some s in records.of("AISystem")
	in_service(s)
}

# --- model versions

# major returns the major part of a version string (4 for 4.2.0, v4.2 or 4).
major(v) := trim_prefix(split(sprintf("%v", [v]), ".")[0], "v")

# deploy_day returns the day a model version went live.
deploy_day(m) := dates.day(m.deployment.deployed_on)

# production_deployment holds when a model version went live in production by as-of (an
# environment left out counts as production).
production_deployment(m) if {
	dates.visible(m.deployment.deployed_on)
	object.get(m.deployment, "environment", "prod") == "prod"
}

# deployed holds when a model version was in production at some time in the lookback
# window: it went live by as-of and was not retired before the window began.
deployed(m) if {
	production_deployment(m)
	not _retired_before_window(m)
}

_retired_before_window(m) if {
	dates.visible(m.retired_on)
	dates.age(m.retired_on) > input.params.lookback_days
}

# deployed_models is the set of ModelRecord refs deployed in the lookback window.
_deployed_models_p contains records.ref(m) if {
	some m in records.of("ModelRecord")
	deployed(m)
}

# --- impact assessments

# impact_approver is the role whose holders approve AI impact assessments.
impact_approver := "Role/ai-impact-approver"

# aiia_approval_days returns the visible dates on which a holder of the impact-approver role
# (on that date, per Person.roles) approved the assessment.
aiia_approval_days(x) := {a.on |
	some a in records.approvals(x)
	p := records.get(a.by)
	people.holds_on(p, impact_approver, a.on)
}

# aiia_approved holds when an impact assessment has a valid approval at as-of.
aiia_approved(a) if count(aiia_approval_days(a)) > 0

# aiia_approved_on returns the first valid approval date of an impact assessment.
aiia_approved_on(a) := min(aiia_approval_days(a))

# aiias maps an AISystem ref to the refs of its impact assessments performed by as-of.
_aiias_p[a.ai_system] contains records.ref(a) if {
	some a in records.of("AIImpactAssessment")
	dates.visible(a.performed_on)
}

# approved_aiias maps an AISystem ref to the refs of its approved impact assessments.
_approved_aiias_p[a.ai_system] contains records.ref(a) if {
	some a in records.of("AIImpactAssessment")
	dates.visible(a.performed_on)
	aiia_approved(a)
}

# --- AI roles

# ai_roles is the set of Role refs that count as AI roles: the roles the AIMS requires
# (required_roles_aims), every Role of category aims, and the oversight, operator and
# resource roles named by AI systems in service.
_ai_roles_p contains people.role_ref(id) if some id in input.params.required_roles_aims

_ai_roles_p contains records.ref(r) if {
	some r in records.of("Role")
	object.get(r, "category", "") == "aims"
}

_ai_roles_p contains role if {
	some s in records.of("AISystem")
	in_service(s)
	some role in _system_roles(s)
}

_system_roles(s) := ({r | r := s.oversight_role} | {r | r := s.oversight.operators_role}) | {h.role |
	some h in object.get(s, "human_resources", [])
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
in_service_refs := _in_service_refs_p

deployed_models := _deployed_models_p

aiias := _aiias_p

approved_aiias := _approved_aiias_p

ai_roles := _ai_roles_p
