# METADATA
# title: Secure development
# description: >-
#   Shared facts of the development controls A.8.25 to A.8.34: the production repositories and
#   the pipeline gates their latest settings export shows, the engineers and their secure-coding
#   training, production changes and the days they were deployed and went live, and whether a
#   non-production asset that holds a copy of production data meets the conditions of A.8.33.
#
#   Check-id convention for pipeline gates. A TestRun of test_type vcs-settings or pipeline-gates
#   reports each gate of a repository as one result whose check_id is gate:NAME, NAME spelled as
#   in required_pipeline_gates (gate:peer-review, gate:unit-tests, gate:sast, gate:sca,
#   gate:secrets-scan), and whose resource is the repository (its Asset ref or one of its
#   external ids). Status pass means the pipeline enforces the gate on the default branch; fail,
#   error or manual, or no result for a gate, means it is not shown to. Only the latest run that
#   reports any gate for a repository counts, and it must lie within config_scan_days.
# scope: package
package annexa.lib.sdlc

import data.annexa.lib.dates
import data.annexa.lib.network
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import data.annexa.lib.waivers
import rego.v1

# ---- production repositories and their pipeline gates

# gate_types are the TestRun types whose results report pipeline gates.
gate_types := {"vcs-settings", "pipeline-gates"}

_gate_pattern := `(?i)^gate:`

# production_repositories is the set of refs of the active repository Assets in production.
_production_repositories_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "repository"
	a.environment == "prod"
	ops.active_asset(a)
}

# gate_results returns the gate results about a repository from the latest run of gate_types
# that reports any (objects of tech.latest_checks); undefined when no run does.
gate_results(repo) := cs if {
	cs := _production_gate_results[repo]
} else := tech.latest_in(_gate_index, repo, _gate_pattern) if not repo in production_repositories

# _gate_index is the index of the visible runs of gate_types only (tech.index): latest_in on it
# is tech.latest_checks(repo, gate_types, pattern) without reading every other TestRun.
_gate_index := tech.index(gate_types)

# _production_gate_results holds gate_results of a production repository. It is only ever looked
# up with a given repository, which OPA evaluates once and caches, so each repository's results
# are worked out at most once per evaluation, and only for the repositories asked about.
_production_gate_results[repo] := cs if {
	some repo in production_repositories
	cs := tech.latest_in(_gate_index, repo, _gate_pattern)
}

_gate(o) := lower(substring(o.check_id, 5, -1))

_passed(cs) := {_gate(o) | some o in cs; o.status == "pass"}

_missing(cs) := {g | some g in input.params.required_pipeline_gates; not g in _passed(cs)}

_status(cs, g) := concat("/", sort({o.status | some o in cs; _gate(o) == g})) if {
	some o in cs
	_gate(o) == g
} else := "not reported"

_runs(cs) := concat(", ", sort({o.run | some o in cs}))

# gate_problem says why a repository is not shown to enforce every gate of
# required_pipeline_gates: no gate results at all, none within config_scan_days, or required
# gates that did not pass or are not reported in the latest run. Undefined when all passed.
gate_problem(repo) := msg if {
	not gate_results(repo)
	msg := sprintf("%s has no gate results (check_id gate:NAME) in any vcs-settings or pipeline-gates run", [repo])
} else := msg if {
	on := tech.checks_on(gate_results(repo))
	not dates.within(on, input.params.config_scan_days)
	msg := sprintf(
		"%s has no gate results in the last %d days (config_scan_days; last: %s)",
		[repo, input.params.config_scan_days, on],
	)
} else := msg if {
	cs := gate_results(repo)
	missing := _missing(cs)
	count(missing) > 0
	msg := sprintf("%s does not enforce the required pipeline gates %s in %s of %s", [
		repo,
		concat(", ", [sprintf("%s (%s)", [g, _status(cs, g)]) | some g in sort(missing)]),
		_runs(cs), tech.checks_on(cs),
	])
}

# gate_refs names where a gate problem lies: the required gate results that did not pass in a
# fresh run, else the repository.
gate_refs(repo) := sort(ats) if {
	cs := gate_results(repo)
	dates.within(tech.checks_on(cs), input.params.config_scan_days)
	ats := {o.at | some o in cs; _gate(o) in _missing(cs)}
	count(ats) > 0
} else := [repo]

# gates_text names the required gates for pass messages.
gates_text := concat(", ", input.params.required_pipeline_gates)

# ---- engineers and secure-coding training

# engineering_roles is the set of Role refs of engineering roles: roles whose id contains
# engineer, and roles that require a course whose Document topic is secure-coding.
_engineering_roles_p contains records.ref(r) if {
	some r in records.of("Role")
	contains(r.id, "engineer")
}

_engineering_roles_p contains records.ref(r) if {
	some r in records.of("Role")
	some c in object.get(r, "required_competences", [])
	records.get(object.get(c, "course", "")).topic == "secure-coding"
}

# engineers is the set of refs of the active people who hold an engineering role at as-of.
_engineers_p contains p if {
	some role in engineering_roles
	some p in object.get(people.holders, role, set())
}

_trained := {k: vs |
	some k in {x[0] | some x in _trained_rows}
	vs := {x[1] | some x in _trained_rows; x[0] == k}
}

_trained_rows := {[t.person, dates.day(t.completed_on)] |
	some t in records.of("TrainingRecord")
	t.course_type == "secure-coding"
	t.passed == true
	dates.visible(t.completed_on)
}

# last_training returns the day of a person's latest passed secure-coding training; undefined
# when there is none.
last_training(p) := dates.latest(_trained[p])

_last_text(p) := last_training(p)

_last_text(p) := "never" if not last_training(p)

_trained_recently(p) if dates.within(last_training(p), input.params.training_refresh_days)

_current(a) if {
	a.from <= input.as_of
	not _ended(a)
}

_ended(a) if a.to <= input.as_of

# engineer_since returns the day a person became an engineer: the earliest start of their
# current engineering role assignments, not before their start date.
engineer_since(p) := max([person.start_date, min(froms)]) if {
	person := records.get(p)
	froms := {a.from | some a in object.get(person, "roles", []); a.role in engineering_roles; _current(a)}
	count(froms) > 0
}

# training_due returns the day a new engineer must have completed secure-coding training:
# engineer_since + training_new_hire_days.
training_due(p) := dates.add_days(engineer_since(p), input.params.training_new_hire_days)

_in_grace(p) if input.as_of <= training_due(p)

# training_items returns the fail and at_risk findings of rule for engineers without a passed
# secure-coding training within training_refresh_days. Someone who became an engineer less than
# training_new_hire_days ago is not failed yet, and is at risk within at_risk_days of that date.
training_items(rule) := {item | some p in engineers; item := _training_item(rule, p)}

_training_item(rule, p) := result.fail(rule, msg, [p]) if {
	not _trained_recently(p)
	not _in_grace(p)
	msg := sprintf(
		concat("", [
			"%s holds an engineering role but passed no secure-coding training in the last %d days ",
			"(training_refresh_days; last: %s): have them complete the course",
		]),
		[p, input.params.training_refresh_days, _last_text(p)],
	)
} else := result.at_risk(rule, msg, [p]) if {
	not _trained_recently(p)
	ops.due_soon(training_due(p))
	msg := sprintf(
		"%s became an engineer on %s and must pass secure-coding training by %s (training_new_hire_days)",
		[p, engineer_since(p), training_due(p)],
	)
}

# training_summary is the pass message of the training rule.
training_summary := sprintf(
	"every engineer passed secure-coding training within %d days (training_refresh_days)",
	[input.params.training_refresh_days],
)

# ---- production changes

# deployed_day returns the day a change was deployed: deployed_on, else go_live_on.
deployed_day(c) := dates.day(c.deployed_on) if is_string(object.get(c, "deployed_on", null))

deployed_day(c) := dates.day(c.go_live_on) if {
	not is_string(object.get(c, "deployed_on", null))
	is_string(c.go_live_on)
}

# go_live_day returns the day a change went live: go_live_on, else deployed_on.
go_live_day(c) := dates.day(c.go_live_on) if is_string(object.get(c, "go_live_on", null))

go_live_day(c) := dates.day(c.deployed_on) if {
	not is_string(object.get(c, "go_live_on", null))
	is_string(c.deployed_on)
}

# production holds for a change to production: environment prod, or no environment and a
# system that is a production Asset (as in A.8.32).
production(c) if c.environment == "prod"

production(c) if {
	not c.environment
	some s in c.systems
	records.get(s).environment == "prod"
}

# production_changes is the set of production ChangeRecords, of any class but
# management-system.
_production_changes_p contains c if {
	some c in records.of("ChangeRecord")
	c.change_class != "management-system"
	production(c)
}

# ---- production data outside production (A.8.31, A.8.33)

# nonprod_environments are the environments of development and test work.
nonprod_environments := {"dev", "test", "staging"}

# production_copies is the set of refs of the active non-production Assets that hold a copy of
# production data (derived_from_production true).
_production_copies_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.environment in nonprod_environments
	a.derived_from_production == true
	ops.active_asset(a)
}

# copy_exceptions returns the refs of the valid Exceptions that authorise a production copy:
# they name the asset together with rule:8.33/R1 or the control A.8.33 (or rule:8.31/R3, A.8.31).
copy_exceptions(ref) := network.excepted("8.33", "R1", {ref}) | network.excepted("8.31", "R3", {ref})

_naming := {k: vs |
	some k in {x[0] | some x in _naming_rows}
	vs := {x[1] | some x in _naming_rows; x[0] == k}
}

_naming_rows := {[item, records.ref(e)] |
	some e in records.of("Exception")
	some item in e.applies_to
}

_exception_reason(e) := waivers.status[e].message if {
	waivers.status[e].state != "active"
} else := sprintf("%s is not scoped to rule:8.33/R1 or iso27001:A.8.33", [e])

_no_exception_text(ref) := sprintf(": %s", [concat("; ", sort(rs))]) if {
	rs := {_exception_reason(e) | some e in object.get(_naming, ref, set())}
	count(rs) > 0
} else := ""

_retention_end(a) := dates.add_days(a.lifecycle.in_service_on, a.pii.retention_days)

# copy_problems maps a production copy (Asset ref) to what keeps it from meeting A.8.33: no valid
# Exception authorising it, masking_applied not true, a latest PII scan that failed on it, or a
# planned deletion date (lifecycle.in_service_on + pii.retention_days) that has passed.
copy_problems := {k: vs |
	some k in {x[0] | some x in _copy_problems_rows}
	vs := {x[1] | some x in _copy_problems_rows; x[0] == k}
}

_copy_problems_rows := (({[ref, msg] |
	some ref in production_copies
	count(copy_exceptions(ref)) == 0
	msg := sprintf(
		"no valid Exception naming it with rule:8.33/R1 or iso27001:A.8.33 authorises the copy%s",
		[_no_exception_text(ref)],
	)
} | {[ref, "masking_applied is not true"] |
	some ref in production_copies
	not _masked(ref)
}) | {[ref, msg] |
	some ref in production_copies
	bad := {o | some o in tech.latest_in(_pii_index, ref, `.*`); o.status in tech.failed}
	count(bad) > 0
	msg := sprintf("the latest PII scan (%s on %s) reports %s", [
		concat(", ", sort({o.run | some o in bad})),
		tech.checks_on(bad),
		concat(", ", sort({sprintf("%s %s", [o.check_id, o.status]) | some o in bad})),
	])
}) | {[ref, msg] |
	some ref in production_copies
	end := _retention_end(records.get(ref))
	end < input.as_of
	msg := sprintf("its planned deletion date %s (lifecycle.in_service_on + pii.retention_days) has passed", [end])
}

_masked(ref) if records.get(ref).masking_applied == true

# _pii_index is the index of the visible pii-scan runs (tech.index), read by latest_in.
_pii_index := tech.index({"pii-scan"})

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
production_repositories := _production_repositories_p

engineering_roles := _engineering_roles_p

engineers := _engineers_p

production_changes := _production_changes_p

production_copies := _production_copies_p
