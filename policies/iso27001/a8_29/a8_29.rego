# METADATA
# title: Security testing in development and acceptance
# description: >-
#   Changes do not reach production before the required security tests have passed, and every
#   internet-facing application is penetration tested regularly and again after each project
#   that changes it goes live.
# scope: package
# custom:
#   control: iso27001:A.8.29
#   class: a
#   evidence: [ChangeRecord, TestRun, Asset]
#   rules:
#     R1: >-
#       Every production ChangeRecord of change_class normal or project deployed within
#       lookback_days (deployed_on, else go_live_on) records, for each test type in
#       required_security_tests, a test of that type with result pass that ran no later than the
#       deployment day; a test whose ref names a TestRun counts only when that run exists and was
#       performed on or before the deployment day.
#     R2: >-
#       Every active internet-facing Asset of asset_type application or service is named by a
#       TestRun of test_type pentest performed within pentest_days; and for every production
#       ChangeRecord of change_class project (or with new_app true) that went live within
#       lookback_days on such an application (listed in its systems), a pentest naming the
#       application was performed on or after the go-live day. A project that went live at most
#       at_risk_days ago without one yet is at risk, not failed.
#   decisions:
#     - >-
#       ChangeRecord.tests carry no date. A test whose ref is a CI job id (anything but a TestRun
#       reference) is taken as part of the pipeline that deployed the change, so it ran before
#       deployment; a ref to a TestRun is checked against the run's performed_on.
#     - >-
#       One passing result per required type is enough; a failed attempt followed by a passing
#       re-run does not fail R1 (A.8.32 R1 judges failed tests).
#     - >-
#       Production changes follow A.8.32 (environment prod, or no environment and a production Asset
#       among the systems). Standard, emergency, infrastructure and AI-model changes are outside R1,
#       as the model limits it to normal and project changes.
#     - >-
#       The model sets no period for the pentest after a go-live. A project goes live first, so a
#       test cannot exist on that day; R2 reports it at risk for at_risk_days after go-live and
#       fails it afterwards. A pentest before go-live does not count for the project.
#     - >-
#       New applications (new_app true) count as projects for R2, since a new application is the
#       largest change an internet-facing service can get.
package annexa.iso27001.a8_29

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import data.annexa.lib.tech
import rego.v1

# --- R1: required security tests passed before deployment.

_r1_changes_p contains c if {
	some c in sdlc.production_changes
	c.change_class in {"normal", "project"}
	dates.within(sdlc.deployed_day(c), input.params.lookback_days)
}

_r1_population := {records.ref(c) | some c in _r1_changes}

_passes(c, type) := [x | some x in object.get(c, "tests", []); x.type == type; x.result == "pass"]

_run_ref(x) := x.ref if startswith(object.get(x, "ref", ""), "TestRun/")

_in_time(x, _) if not _run_ref(x)

_in_time(x, day) if dates.day(records.get(_run_ref(x)).performed_on) <= day

_late_text(x, day) := sprintf("%s ran on %s, after deployment on %s", [
	_run_ref(x),
	dates.day(records.get(_run_ref(x)).performed_on), day,
]) if {
	dates.visible(records.get(_run_ref(x)).performed_on)
} else := sprintf("%s is not in the bundle", [_run_ref(x)]) if {
	not records.get(_run_ref(x))
} else := sprintf("%s ran after the as-of date", [_run_ref(x)])

_problem(c, type) := sprintf("%s: no passing test recorded", [type]) if {
	count(_passes(c, type)) == 0
} else := sprintf("%s: %s", [type, concat("; ", sort({_late_text(x, day) | some x in _passes(c, type)}))]) if {
	day := sdlc.deployed_day(c)
	every x in _passes(c, type) {
		not _in_time(x, day)
	}
}

_problems(c) := {p |
	some type in input.params.required_security_tests
	p := _problem(c, type)
}

_tests_at(c) := records.at(c, "tests") if is_array(c.tests)

_tests_at(c) := records.ref(c) if not is_array(object.get(c, "tests", null))

_r1_items_p contains result.fail("R1", msg, [_tests_at(c)]) if {
	some c in _r1_changes
	problems := _problems(c)
	count(problems) > 0
	msg := sprintf(
		"%s was deployed on %s without the required security tests passing first (%s): run %s before deploying",
		[records.ref(c), sdlc.deployed_day(c), concat("; ", sort(problems)), _tests_text],
	)
}

_tests_text := sprintf("required_security_tests (%s)", [concat(", ", input.params.required_security_tests)])

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"every normal and project change deployed in the last %d days passed %s before deployment",
			[input.params.lookback_days, _tests_text],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: internet-facing applications pentested regularly and after each project.

_apps_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in {"application", "service"}
	a.internet_facing == true
	ops.active_asset(a)
}

_pentests := {k: vs |
	some k in {x[0] | some x in _pentests_rows}
	vs := {x[1] | some x in _pentests_rows; x[0] == k}
}

_pentests_rows := {[asset, dates.day(t.performed_on)] |
	some t in records.of("TestRun")
	t.test_type == "pentest"
	dates.visible(t.performed_on)
	some asset in tech.named(t)
}

_last(asset) := dates.latest(_pentests[asset])

_last_text(asset) := _last(asset)

_last_text(asset) := "never" if not _last(asset)

_recent(asset) if dates.within(_last(asset), input.params.pentest_days)

_project(c) if c.change_class == "project"

_project(c) if c.new_app == true

# _go_lives lists [project ref, application ref, go-live day] for the projects in the lookback.
_go_lives_p contains [records.ref(c), app, day] if {
	some c in sdlc.production_changes
	_project(c)
	day := sdlc.go_live_day(c)
	dates.within(day, input.params.lookback_days)
	some app in c.systems
	app in _apps
}

_tested_since(app, day) if {
	some d in _pentests[app]
	d >= day
}

_r2_population := _apps | {x[0] | some x in _go_lives}

_r2_items_p contains result.fail("R2", msg, [app]) if {
	some app in _apps
	not _recent(app)
	msg := sprintf(
		"%s is internet facing and has no penetration test in the last %d days (pentest_days; last: %s): have it tested",
		[app, input.params.pentest_days, _last_text(app)],
	)
}

_r2_items_p contains item if {
	some [change, app, day] in _go_lives
	not _tested_since(app, day)
	item := _after_go_live(change, app, day)
}

_after_go_live(change, app, day) := result.at_risk("R2", msg, [change]) if {
	dates.age(day) <= input.params.at_risk_days
	msg := sprintf("%s went live on %s on %s; schedule the penetration test of the change", [change, app, day])
} else := result.fail("R2", msg, [change]) if {
	msg := sprintf(
		"%s went live on %s on %s, and %s has had no penetration test since (last: %s): test it after each project",
		[change, app, day, app, _last_text(app)],
	)
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every internet-facing application was penetration tested within %d days and after each project went live",
			[input.params.pentest_days],
		),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_changes := _r1_changes_p

_r1_items := _r1_items_p

_apps := _apps_p

_go_lives := _go_lives_p

_r2_items := _r2_items_p
