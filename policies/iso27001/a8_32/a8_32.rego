# METADATA
# title: Change management
# description: >-
#   Production changes go through a controlled path: each has a known author, is approved by
#   someone else before it ships (or, in an emergency, soon after), passes its tests and, where
#   it is a normal change or a project, has a way back. Production repositories refuse direct
#   pushes, and the recorded deployments match the change records one for one.
# scope: package
# custom:
#   control: iso27001:A.8.32
#   class: a
#   evidence: [ChangeRecord, Person, Asset, TestRun, ModelRecord]
#   rules:
#     R1: >-
#       Every production ChangeRecord (environment prod, or no environment and a system that is a
#       prod Asset; any class but management-system) deployed within lookback_days (deployed_on,
#       else go_live_on) has an author who is a recorded Person, at least one test and no failed
#       test, an approval by someone other than the author dated on or before the deployment day
#       (emergency changes are left to R2), and, for the normal and project classes,
#       rollback_plan true.
#     R2: >-
#       Every such emergency change was approved by someone other than its author (retro_approval
#       or an approval) no later than emergency_retro_days after the deployment day; one still
#       unapproved fails once that limit has passed and is at risk within at_risk_days of it.
#     R3: >-
#       Every active Asset of type repository that holds production code (environment prod, or
#       criticality high or critical) has branch-protection evidence within config_scan_days, and
#       the latest evidence day reports at least one branch-protection result for it and only
#       passing ones. Evidence is a branch-protection TestRun (all its results for the asset) or
#       the branch-protection checks (check_id naming branch protection or direct push) of a
#       vcs-settings TestRun; results are matched to the asset by reference or external id.
#     R4: >-
#       Deployment events reconcile one to one with ChangeRecords. Every ModelRecord deployed to
#       production within lookback_days names in deployment.change an existing ChangeRecord deployed
#       on the same day, and no ChangeRecord is named by two deployments; every production
#       ChangeRecord of class ai-model in the lookback is named by a ModelRecord deployment; and no
#       pipeline_run is claimed by two production ChangeRecords in the lookback.
#   decisions:
#     - Deployment events in this model are the ModelRecord deployments (ModelRecord.deployment with
#       its change reference) and the pipeline runs that ChangeRecords name. The schema has no
#       TestRun type for a CI/CD deployment-log export, so deployments recorded nowhere cannot be
#       seen, and R4 cannot prove that every deployment has a ChangeRecord. It fails every mismatch
#       it can see and says in its pass message what it covered. A test_type for deployment logs
#       would let R4 read them.
#     - A ModelRecord deployment without an environment counts as production, so that it is
#       reconciled rather than skipped.
#     - Standard changes are not exempt from the approval of R1; the model names no pre-approved
#       change types and the rule covers every production change.
#     - Dates are compared by day, so an approval on the deployment day counts as before it.
#     - Passing tests means at least one test recorded and none with result fail; a re-run that
#       passed should replace the failed entry in the record.
#     - Emergency changes are checked by R1 for author, tests and rollback like others; only their
#       approval moves to R2. An approval given before deployment also satisfies R2.
#     - The freshness of branch-protection evidence uses config_scan_days, the parameter for
#       configuration scans; the model gives none for 8.32.
#     - A repository Asset often stands for a whole VCS organisation kept in environment corp, so
#       production repositories are repository assets in prod or of criticality high or critical.
#       The model has no per-repository production flag; repository names inside a check id
#       (branch_protection_no_direct_push with a repo suffix) are all required to pass.
#     - Branch protection is read from branch-protection runs and, as in 8.4, from vcs-settings
#       exports. In an export only the results whose check_id names branch protection or direct
#       pushes count, so unrelated organisation settings neither pass nor fail this rule. A
#       branch-protection run counts all its results for the repository, whatever the check id.
package annexa.iso27001.a8_32

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- Production changes in the lookback.

_deployed_on(c) := c.deployed_on if is_string(c.deployed_on)

_deployed_on(c) := c.go_live_on if {
	not is_string(object.get(c, "deployed_on", null))
	is_string(c.go_live_on)
}

_deploy_day(c) := dates.day(_deployed_on(c))

_prod(c) if c.environment == "prod"

_prod(c) if {
	not c.environment
	some s in c.systems
	records.get(s).environment == "prod"
}

# _change_records maps the ref of each production change deployed in the lookback to the change.
_change_records := {records.ref(c): c |
	some c in records.of("ChangeRecord")
	c.change_class != "management-system"
	_prod(c)
	_within(_deployed_on(c), input.params.lookback_days)
}

_changes := {ref | some ref, _ in _change_records}

# --- R1: author, approval before deployment, passing tests, rollback plan.

_known_author(c) if records.get(c.author).kind == "Person"

_author(c) := object.get(c, "author", "nobody")

_r1_items_p contains result.fail("R1", msg, [records.at(c, "author")]) if {
	some ref, c in _change_records
	not _known_author(c)
	msg := sprintf("%s names %s as author, who is not a recorded Person: record who made the change", [ref, _author(c)])
}

_approved_by_other_by(c, day) if {
	some a in records.approvals(c)
	a.by != c.author
	a.on <= day
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "approvals")]) if {
	some ref, c in _change_records
	c.change_class != "emergency"
	not _approved_by_other_by(c, _deploy_day(c))
	msg := sprintf(
		concat("", [
			"%s was deployed on %s without an approval by someone other than its author %s on or before that day: ",
			"approve changes before they ship",
		]),
		[ref, _deploy_day(c), _author(c)],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "tests")]) if {
	some ref, c in _change_records
	count(object.get(c, "tests", [])) == 0
	msg := sprintf("%s records no tests: run and record the tests before deploying", [ref])
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "tests")]) if {
	some ref, c in _change_records
	failed := {object.get(t, "type", "unnamed") |
		some t in object.get(c, "tests", [])
		object.get(t, "result", "none") != "pass"
	}
	count(failed) > 0
	msg := sprintf(
		"%s was deployed with failing tests (%s): fix them, re-run and record the passing result",
		[ref, concat(", ", sort(failed))],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "rollback_plan")]) if {
	some ref, c in _change_records
	c.change_class in {"normal", "project"}
	object.get(c, "rollback_plan", false) != true
	msg := sprintf(
		"%s is a %s change without a rollback plan (rollback_plan true): plan the way back",
		[ref, c.change_class],
	)
}

findings contains f if {
	some f in result.check(
		"R1", concat("", [
			"every production change had an author, passing tests, approval by someone else before deployment ",
			"and (normal or project) a rollback plan",
		]),
		_changes, _r1_items,
	)
}

# --- R2: emergency changes approved within emergency_retro_days.

_emergencies_p contains ref if {
	some ref in _changes
	records.get(ref).change_class == "emergency"
}

_retro_limit(c) := dates.add_days(_deploy_day(c), input.params.emergency_retro_days)

# _approval_days are the visible days on which someone other than the author approved a change.
_approval_days(c) := {dates.day(r.on) |
	r := c.retro_approval
	r.by != c.author
	dates.visible(r.on)
} | {a.on | some a in records.approvals(c); a.by != c.author}

_r2_items_p contains result.fail("R2", msg, [records.at(c, "retro_approval")]) if {
	some ref in _emergencies
	c := records.get(ref)
	days := _approval_days(c)
	count(days) > 0
	min(days) > _retro_limit(c)
	msg := sprintf(
		"emergency change %s deployed on %s was first approved on %s, after its limit %s (emergency_retro_days=%d)",
		[ref, _deploy_day(c), min(days), _retro_limit(c), input.params.emergency_retro_days],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(c, "retro_approval")]) if {
	some ref in _emergencies
	c := records.get(ref)
	count(_approval_days(c)) == 0
	_retro_limit(c) < input.as_of
	msg := sprintf(
		concat("", [
			"emergency change %s deployed on %s has no approval by someone other than its author %s, due by %s: ",
			"approve it after the fact",
		]),
		[ref, _deploy_day(c), _author(c), _retro_limit(c)],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some ref in _emergencies
	c := records.get(ref)
	count(_approval_days(c)) == 0
	ops.due_soon(_retro_limit(c))
	msg := sprintf("emergency change %s needs its retrospective approval by %s", [ref, _retro_limit(c)])
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every emergency change was approved within %d days of deployment",
			[input.params.emergency_retro_days],
		),
		_emergencies, _r2_items,
	)
}

# --- R3: branch protection on production repositories.

_repos_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "repository"
	_production_code(a)
	ops.active_asset(a)
}

_production_code(a) if a.environment == "prod"

_production_code(a) if a.criticality in {"high", "critical"}

# _protection_result holds for a result that speaks about branch protection: every result of a
# branch-protection run, and the branch-protection checks of a vcs-settings export.
_protection_result(t, _) if t.test_type == "branch-protection"

_protection_result(t, r) if {
	t.test_type == "vcs-settings"
	regex.match(`(?i)(branch[_-]?protection|direct[_-]?push)`, r.check_id)
}

# _protection_runs maps an asset ref to the days a run reported on its branch protection: a
# branch-protection run naming it in scope or results, or a vcs-settings run with a
# branch-protection result for it.
_protection_runs := {k: vs |
	some k in {x[0] | some x in _protection_runs_rows}
	vs := {x[1] | some x in _protection_runs_rows; x[0] == k}
}

_protection_runs_rows := {[asset, dates.day(t.performed_on)] |
	some t in records.of("TestRun")
	t.test_type == "branch-protection"
	dates.visible(t.performed_on)
	some name in t.scope
	some asset in ops.assets_named(name)
} | {[asset, day] |
	some key, _ in _protection_results
	[asset, day] := split(key, "@")
}

# _protection_results maps "asset ref@day" to "check_id status" of each branch-protection result.
_protection_results := {k: vs |
	some k in {x[0] | some x in _protection_results_rows}
	vs := {x[1] | some x in _protection_results_rows; x[0] == k}
}

_protection_results_rows := {[concat("@", [asset, dates.day(t.performed_on)]), concat(" ", [r.check_id, r.status])] |
	some t in records.of("TestRun")
	t.test_type in {"branch-protection", "vcs-settings"}
	dates.visible(t.performed_on)
	some r in object.get(t, "results", [])
	_protection_result(t, r)
	some asset in ops.assets_named(object.get(r, "resource", ""))
}

_last_protection(ref) := dates.latest(_protection_runs[ref])

_checked_recently(ref) if _within(_last_protection(ref), input.params.config_scan_days)

_last_protection_text(ref) := _last_protection(ref)

_last_protection_text(ref) := "never" if not _protection_runs[ref]

_latest_results(ref) := object.get(_protection_results, concat("@", [ref, _last_protection(ref)]), set())

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _repos
	not _checked_recently(ref)
	msg := sprintf(
		"%s has no branch-protection check within %d days of %s (last: %s): collect the repository settings",
		[ref, input.params.config_scan_days, input.as_of, _last_protection_text(ref)],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _repos
	_checked_recently(ref)
	count(_latest_results(ref)) == 0
	msg := sprintf(
		"%s is named by the branch-protection check of %s, which reports no result for it",
		[ref, _last_protection(ref)],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _repos
	_checked_recently(ref)
	bad := {x | some x in _latest_results(ref); not endswith(x, " pass")}
	count(bad) > 0
	msg := sprintf(
		concat("", [
			"%s is not protected against direct pushes (branch-protection check of %s: %s): protect its production ",
			"branches",
		]),
		[ref, _last_protection(ref), concat(", ", sort(bad))],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"every production repository blocked direct pushes in a check within %d days",
			[input.params.config_scan_days],
		),
		_repos, _r3_items,
	)
}

# --- R4: deployment events reconcile one to one with ChangeRecords.

_prod_deployment(m) if m.deployment.environment == "prod"

_prod_deployment(m) if not m.deployment.environment

# _model_deployments are the ModelRecords deployed to production within the lookback.
_model_deployments_p contains records.ref(m) if {
	some m in records.of("ModelRecord")
	_prod_deployment(m)
	_within(m.deployment.deployed_on, input.params.lookback_days)
}

# _named_by maps a ChangeRecord ref to the ModelRecords whose deployment names it.
_named_by := {k: vs |
	some k in {x[0] | some x in _named_by_rows}
	vs := {x[1] | some x in _named_by_rows; x[0] == k}
}

_named_by_rows := {[m.deployment.change, records.ref(m)] |
	some m in records.of("ModelRecord")
	dates.visible(m.deployment.deployed_on)
	is_string(m.deployment.change)
}

_model_changes_p contains ref if {
	some ref in _changes
	records.get(ref).change_class == "ai-model"
}

# _pipeline_runs maps a pipeline run id to the production changes that claim it.
_pipeline_runs := {k: vs |
	some k in {x[0] | some x in _pipeline_runs_rows}
	vs := {x[1] | some x in _pipeline_runs_rows; x[0] == k}
}

_pipeline_runs_rows := {[c.pipeline_run, ref] |
	some ref, c in _change_records
	is_string(c.pipeline_run)
}

_r4_population := (_model_deployments | _model_changes) | {ref |
	some ref in _changes
	is_string(records.get(ref).pipeline_run)
}

_r4_items_p contains result.fail("R4", msg, [records.at(m, "deployment")]) if {
	some ref in _model_deployments
	m := records.get(ref)
	not is_string(object.get(m.deployment, "change", null))
	msg := sprintf(
		"%s was deployed on %s but names no ChangeRecord (deployment.change): record the change that released it",
		[ref, dates.day(m.deployment.deployed_on)],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.at(m, "deployment.change")]) if {
	some ref in _model_deployments
	m := records.get(ref)
	not records.exists(m.deployment.change)
	msg := sprintf("%s names %s as its deployment change, but no such ChangeRecord exists", [ref, m.deployment.change])
}

_r4_items_p contains result.fail("R4", msg, [records.at(m, "deployment.deployed_on")]) if {
	some ref in _model_deployments
	m := records.get(ref)
	c := records.get(m.deployment.change)
	not _same_day(c, m)
	msg := sprintf(
		"%s was deployed on %s, but its change %s records deployment on %s: correct whichever record is wrong",
		[ref, dates.day(m.deployment.deployed_on), m.deployment.change, _change_day_text(c)],
	)
}

_same_day(c, m) if _deploy_day(c) == dates.day(m.deployment.deployed_on)

_change_day_text(c) := _deploy_day(c)

_change_day_text(c) := "no date" if not _deployed_on(c)

_r4_items_p contains result.fail("R4", msg, [change]) if {
	some change, models in _named_by
	count(models & _model_deployments) > 0
	count(models) > 1
	msg := sprintf(
		"%s is named as the deployment change of %d model deployments (%s): give each deployment its own ChangeRecord",
		[change, count(models), concat(", ", sort(models))],
	)
}

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _model_changes
	not _named_by[ref]
	msg := sprintf(
		concat("", [
			"%s releases an AI model to production on %s, but no ModelRecord deployment names it: link the model ",
			"version's deployment.change",
		]),
		[ref, _deploy_day(records.get(ref))],
	)
}

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some run, refs in _pipeline_runs
	count(refs) > 1
	some ref in refs
	msg := sprintf(
		"pipeline run %s is claimed by %d production changes (%s): one deployment must map to one ChangeRecord",
		[run, count(refs), concat(", ", sort(refs))],
	)
}

findings contains f if {
	some f in result.check(
		"R4", concat("", [
			"model deployments and pipeline runs reconcile one to one with ChangeRecords ",
			"(deployments that no record mentions cannot be seen: no deployment log is in the evidence)",
		]),
		_r4_population, _r4_items,
	)
}

# _cutoffs maps every whole number of days among the parameters to the first day within that
# many days of the as-of date, so that _within(d, n) compares strings instead of parsing dates.
_cutoffs := {n: dates.add_days(input.as_of, 0 - n) | some _, n in input.params; is_number(n); n == floor(n)}

# _within is dates.within(d, n): d (a date or timestamp) lies in [as_of - n days, as_of].
_within(d, n) if {
	day := dates.day(d)
	day <= input.as_of
	day >= _cutoffs[n]
} else if {
	not _cutoffs[n]
	dates.within(d, n)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_emergencies := _emergencies_p

_r2_items := _r2_items_p

_repos := _repos_p

_r3_items := _r3_items_p

_model_deployments := _model_deployments_p

_model_changes := _model_changes_p

_r4_items := _r4_items_p
