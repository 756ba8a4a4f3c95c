# METADATA
# title: AI system deployment
# description: >-
#   Every model version put into production during the lookback window was released by a holder of
#   the AI release-approver role before it went live, went live under a deployment plan that names
#   the version to fall back to, and went live only once its impact assessment was in order and its
#   verification and validation had passed.
# scope: package
# custom:
#   control: iso42001:A.6.2.5
#   class: a
#   evidence: [ModelRecord, ChangeRecord, AIImpactAssessment, Document, Exception, Person, Role]
#   rules:
#     R1: >-
#       Every deployed model version has a release_approval by a person who held Role/ai-release-approver
#       (Person.roles) on the approval day, dated on or before the deployment day.
#     R2: >-
#       Every deployed model version names in deployment.plan an existing Document (the deployment plan)
#       and records a non-empty deployment.rollback_version.
#     R3: >-
#       On the deployment day of every deployed model version the conditions of A.5.3 and A.6.2.4 already
#       held. A.5.3 - its AI system had an impact assessment approved by a holder of
#       Role/ai-impact-approver by then, the latest of those was not past its renewal (performed_on plus
#       aiia_review_days, or its next_review_on), and when the release was a new major version or a
#       significant deployment change, an assessment covering it (trigger_ref to the model or its change,
#       or a matching system_version) was approved by then. A.6.2.4 - its evaluation plan existed, was
#       published and approved for its version by then, it has evaluation results, every criterion was
#       evaluated by then, and the latest results of each criterion before deployment passed or an
#       Exception naming the model (or model#criterion), approved by someone other than its requester,
#       was in force that day.
#   decisions:
#     - Deployed model versions are data.annexa.lib.ai.deployed (in production at some time in the
#       lookback window), the population of A.6.2.4, so releases of the audit period and versions still
#       live are judged.
#     - The approval is compared by day with deployed_on; an approval on the deployment day counts. The
#       role named on the approval is a claim; Person.roles decides, as for impact-assessment approvals.
#     - The first release of a system has no earlier version to return to; any non-empty
#       rollback_version (for example feature-flag-off) counts, since the model asks that a way back is
#       recorded. The plan must exist; its publication date is not compared with the deployment, since a
#       runbook is usually revised in place.
#     - R3 reuses the notions of A.5.3 (R1 to R3, and the change coverage of R2) and A.6.2.4 (R1 and R2)
#       evaluated at the deployment day, through data.annexa.lib.ai2; evaluator independence and
#       category coverage (A.6.2.4 R3, R4) are quality requirements of A.6.2.4 and are not repeated.
package annexa.iso42001.a6_2_5

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai.deployed_models

_approver_role := "Role/ai-release-approver"

# --- R1: released by a release approver before going live.

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	m := records.get(ref)
	not m.release_approval
	msg := sprintf(
		"%s (version %s, live %s) has no release_approval: have a holder of %s approve releases",
		[ref, m.model_version, ai.deploy_day(m), _approver_role],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, "release_approval.on")]) if {
	some ref in _population
	m := records.get(ref)
	m.release_approval.on > ai.deploy_day(m)
	msg := sprintf(
		"%s was approved for release on %s, after it went live on %s: approve before deployment",
		[ref, m.release_approval.on, ai.deploy_day(m)],
	)
}

_holds(by, day) if people.holds_on(records.get(by), _approver_role, day)

_r1_items_p contains result.fail("R1", msg, [records.at(m, "release_approval.by")]) if {
	some ref in _population
	m := records.get(ref)
	a := m.release_approval
	not _holds(a.by, a.on)
	msg := sprintf(
		"%s was released by %s, who did not hold %s on %s: have a holder of the role approve it",
		[ref, a.by, _approver_role, a.on],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every deployed model version was released by a holder of the release-approver role before going live",
		_population, _r1_items,
	)
}

# --- R2: a deployment plan with a way back.

_r2_items_p contains result.fail("R2", msg, [_field_at(m, "deployment.plan")]) if {
	some ref in _population
	m := records.get(ref)
	not m.deployment.plan
	msg := sprintf(
		"%s (version %s) names no deployment plan: link the plan it was deployed by",
		[ref, m.model_version],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(m, "deployment.plan")]) if {
	some ref in _population
	m := records.get(ref)
	is_string(m.deployment.plan)
	not _document(m.deployment.plan)
	msg := sprintf(
		"%s names deployment plan %s, which is not an existing Document: record it",
		[ref, m.deployment.plan],
	)
}

_document(ref) if {
	startswith(ref, "Document/")
	records.exists(ref)
}

_r2_items_p contains result.fail("R2", msg, [_field_at(m, "deployment.rollback_version")]) if {
	some ref in _population
	m := records.get(ref)
	trim_space(sprintf("%v", [object.get(m.deployment, "rollback_version", "")])) == ""
	msg := sprintf(
		"%s (version %s) records no deployment.rollback_version: name the version to fall back to",
		[ref, m.model_version],
	)
}

_field_at(m, path) := records.at(m, path) if {
	object.get(m, split(path, "."), null) != null
} else := records.at(m, "deployment")

findings contains f if {
	some f in result.check(
		"R2", "every deployed model version went live under a deployment plan with a rollback version",
		_population, _r2_items,
	)
}

# --- R3: impact assessment and V&V in order on the deployment day.

_r3_items_p contains result.fail("R3", msg, [records.at(m, "deployment.deployed_on")]) if {
	some ref in _population
	m := records.get(ref)
	problems := ai2.aiia_problems(m) | ai2.vv_problems(m)
	count(problems) > 0
	msg := sprintf(
		"%s went live on %s before its impact assessment and verification were in order: %s",
		[ref, ai.deploy_day(m), concat("; ", sort(problems))],
	)
}

findings contains f if {
	some f in result.check(
		"R3",
		"every deployed model version had a current impact assessment and passing verification when it went live",
		_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
