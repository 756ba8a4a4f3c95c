# METADATA
# title: Secure development life cycle
# description: >-
#   Software is built under an approved, regularly reviewed secure development policy; every
#   production repository runs the security gates the organisation requires before code is
#   merged, and everyone who writes code has recently passed secure-coding training.
# scope: package
# custom:
#   control: iso27001:A.8.25
#   class: a
#   evidence: [Document, Asset, TestRun, Person, Role, TrainingRecord, ManagementSystem]
#   rules:
#     R1: >-
#       A current (published, approved for its version, not superseded) Document of doc_type policy
#       or topic-policy with topic secure-development exists and was reviewed within its
#       review_interval_days (default policy_review_days).
#     R2: >-
#       Every active production repository (Asset of asset_type repository, environment prod) has
#       a result gate:NAME with status pass for every NAME in required_pipeline_gates, in the
#       latest vcs-settings or pipeline-gates TestRun that reports gates for it, and that run lies
#       within config_scan_days.
#     R3: >-
#       Every active holder of an engineering Role (id containing engineer, or requiring a
#       secure-coding course) passed a secure-coding TrainingRecord within training_refresh_days.
#       Someone who became an engineer less than training_new_hire_days ago is not failed yet and
#       is at risk within at_risk_days of that deadline.
#   decisions:
#     - >-
#       Check-id convention (lib/sdlc): one result per gate and repository, check_id gate:NAME with
#       NAME as in required_pipeline_gates, resource the repository's Asset ref or external id, as
#       in the example bundle's vcs-settings export. Gate names compare without case. A gate with
#       status fail, error or manual, or without a result, is not enforced.
#     - >-
#       The model gives the freshness of the gate evidence as 7 days; config_scan_days (default 7)
#       is the parameter for configuration exports and is used for it.
#     - >-
#       A production repository is an active repository Asset in environment prod, as in A.5.21
#       and A.8.4; the organisation-level VCS asset (environment corp) is not a repository.
#     - >-
#       "Engineering Role" is not defined by the model. Roles whose id contains engineer (as in
#       A.8.4) count, and so does any Role whose required_competences name a course Document of
#       topic secure-coding.
#     - >-
#       Only TrainingRecords of course_type secure-coding with passed true count; the new-hire
#       grace of training_new_hire_days (a 6.1 parameter of A.6.3) runs from the later of the
#       person's start_date and the start of their current engineering role assignment.
#     - >-
#       "Current SDLC policy" includes its review: the model's freshness of 365 days is the policy
#       review interval, so a current but unreviewed policy fails R1.
package annexa.iso27001.a8_25

import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import rego.v1

# --- R1: a current, reviewed secure development policy.

_topic := "secure-development"

_policies := object.get(docs.current_by_topic, _topic, set())

_reviewed := {ref | some ref in _policies; docs.fresh(records.get(ref), input.params.policy_review_days)}

_r1_refs := sort(_reviewed) if {
	count(_reviewed) > 0
} else := [records.at(records.get(ref), "reviews") | some ref in sort(_policies)] if {
	count(_policies) > 0
} else := [ops.isms_ref]

_r1_fail := msg if {
	count(_policies) > 0
	msg := sprintf(
		concat("", [
			"the secure development policy %s was not reviewed within its review interval ",
			"(default policy_review_days %d; last review: %s): review it",
		]),
		[concat(", ", sort(_policies)), input.params.policy_review_days, _last_reviewed],
	)
} else := sprintf("no current approved policy or topic-policy on %s exists: publish and approve one", [_topic])

_last_reviewed := concat(", ", sort(days)) if {
	days := {docs.last_reviewed(records.get(ref)) | some ref in _policies}
	count(days) > 0
} else := "never"

findings contains f if {
	some f in result.require(
		"R1", count(_reviewed) > 0,
		sprintf("a current secure development policy is in force and reviewed (%s)", [concat(", ", sort(_reviewed))]),
		_r1_fail, _r1_refs,
	)
}

# --- R2: required pipeline gates on every production repository.

_r2_population := sdlc.production_repositories

_r2_items_p contains result.fail("R2", msg, sdlc.gate_refs(repo)) if {
	some repo in _r2_population
	problem := sdlc.gate_problem(repo)
	msg := sprintf("%s: enable the gates in its pipeline and export the settings", [problem])
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every production repository enforces the required pipeline gates (%s) in a settings export of the last %d days",
			[sdlc.gates_text, input.params.config_scan_days],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: secure-coding training of engineers.

findings contains f if {
	some f in result.check("R3", sdlc.training_summary, sdlc.engineers, sdlc.training_items("R3"))
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r2_items := _r2_items_p
