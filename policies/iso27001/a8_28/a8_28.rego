# METADATA
# title: Secure coding
# description: >-
#   Production code is checked by static analysis and secret scanning, either on a short
#   schedule or on every merge; serious code weaknesses are fixed within the vulnerability
#   deadlines, leaked secrets are revoked at once, and the people who write code keep their
#   secure-coding training current.
# scope: package
# custom:
#   control: iso27001:A.8.28
#   class: a
#   evidence: [Asset, TestRun, Finding, Exception, Person, Role, TrainingRecord]
#   rules:
#     R1: >-
#       Every active production repository (Asset of asset_type repository, environment prod) is
#       named by a TestRun of test_type sast, and by one of test_type secrets-scan, performed within
#       sast_max_age_days; instead of such a run, a passing gate:sast (gate:secrets-scan) result in
#       the repository's latest vcs-settings or pipeline-gates run within config_scan_days shows the
#       scan runs on every merge.
#     R2: >-
#       Every Finding of finding_type code and severity high or critical that is open at the as-of
#       date, or was fixed inside lookback_days, was fixed by its deadline (first_seen_on +
#       vuln_sla_days for its severity; the catalogue due date when known exploited and earlier),
#       or is covered by a valid Exception. Findings due within at_risk_days are at risk. (The SLA
#       logic of A.8.8 R2.)
#     R3: >-
#       No Finding of finding_type secret stays open longer than secret_sla_days after first_seen_on:
#       every one open at the as-of date, or resolved inside lookback_days, was resolved within
#       first_seen_on + secret_sla_days; one still open and due within at_risk_days is at risk.
#     R4: >-
#       Every active holder of an engineering Role passed a secure-coding TrainingRecord within
#       training_refresh_days (A.8.25 R3, with the same new-engineer grace of
#       training_new_hire_days).
#   decisions:
#     - >-
#       A run names a repository through its scope or a result's resource (Asset ref or external
#       id), as lib/tech reads every TestRun. A run counts whatever its results say: findings are
#       judged by R2 and R3.
#     - >-
#       "On every merge" is shown by the pipeline-gate convention of A.8.25 (lib/sdlc): a passing
#       gate:sast or gate:secrets-scan in a settings export, fresh within config_scan_days, the
#       freshness parameter of configuration exports.
#     - >-
#       R2 uses the deadline logic of A.8.8 R2 through lib/tech (sla_item). An Exception counts
#       when lib/tech finds it valid: approved by a holder of exception_approver_roles other than
#       the requester, unexpired, at most exception_max_days long, and naming the finding (its
#       exception field or applies_to). That is stricter than A.8.8, which only compares approver
#       and requester.
#     - >-
#       Dependency findings are A.5.21's (R3); only finding_type code counts as a code weakness.
#     - >-
#       R3 accepts no Exception: a leaked secret has to be revoked, and no compensating control
#       makes a known credential safe. Like A.8.8 R2, a secret resolved late inside the lookback
#       window still fails, as a missed deadline in the period.
package annexa.iso27001.a8_28

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import data.annexa.lib.tech
import rego.v1

# --- R1: SAST and secret scanning of production repositories.

_scans := {"sast", "secrets-scan"}

_r1_population := sdlc.production_repositories

# _scan_index holds, per scan kind, the index of the visible runs of that kind only (tech.index):
# last_run_in on it is tech.last_run({kind}, repo) without reading every other TestRun.
_scan_index := {kind: tech.index({kind}) | some kind in _scans}

_last_scan(repo, kind) := tech.last_run_in(_scan_index[kind], repo).on

_last_scan_text(repo, kind) := _last_scan(repo, kind)

_last_scan_text(repo, kind) := "never" if not _last_scan(repo, kind)

_scanned(repo, kind) if dates.within(_last_scan(repo, kind), input.params.sast_max_age_days)

_scanned(repo, kind) if {
	cs := sdlc.gate_results(repo)
	dates.within(tech.checks_on(cs), input.params.config_scan_days)
	some o in cs
	lower(o.check_id) == concat(":", ["gate", kind])
	o.status == "pass"
}

_r1_items_p contains result.fail("R1", msg, [repo]) if {
	some repo in _r1_population
	some kind in _scans
	not _scanned(repo, kind)
	msg := sprintf(
		concat("", [
			"%s has no %s run in the last %d days (sast_max_age_days; last: %s) and no passing gate:%s ",
			"in a settings export of the last %d days (config_scan_days): scan it on every merge or on schedule",
		]),
		[
			repo, kind, input.params.sast_max_age_days, _last_scan_text(repo, kind), kind,
			input.params.config_scan_days,
		],
	)
}

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"every production repository had SAST and secret scanning in the last %d days or on every merge",
			[input.params.sast_max_age_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: high and critical code weaknesses within the A.8.8 deadlines.

_r2_findings_p contains f if {
	some f in records.of("Finding")
	f.finding_type == "code"
	f.severity in {"high", "critical"}
	tech.in_sla_period(f)
}

_r2_population := {records.ref(f) | some f in _r2_findings}

_r2_items_p contains item if {
	some f in _r2_findings
	item := tech.sla_item("R2", f)
}

findings contains f if {
	some f in result.check(
		"R2", "every high or critical code weakness was fixed within vuln_sla_days or is covered by a valid exception",
		_r2_population, _r2_items,
	)
}

# --- R3: leaked secrets revoked within secret_sla_days.

_r3_findings_p contains f if {
	some f in records.of("Finding")
	f.finding_type == "secret"
	tech.in_sla_period(f)
}

_r3_population := {records.ref(f) | some f in _r3_findings}

_secret_due(f) := dates.add_days(f.first_seen_on, input.params.secret_sla_days)

_r3_items_p contains result.fail("R3", msg, [records.at(f, "resolved_on")]) if {
	some f in _r3_findings
	tech.fixed(f)
	dates.day(f.resolved_on) > _secret_due(f)
	msg := sprintf(
		"%s (secret in %s) was resolved on %s, after its deadline %s (first seen %s + secret_sla_days %d)",
		[records.ref(f), f.asset, dates.day(f.resolved_on), _secret_due(f), f.first_seen_on, input.params.secret_sla_days],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.ref(f)]) if {
	some f in _r3_findings
	not tech.fixed(f)
	_secret_due(f) < input.as_of
	msg := sprintf(
		concat("", [
			"%s (secret in %s) is open since %s, past its deadline %s (secret_sla_days %d): ",
			"revoke and replace the secret, then resolve the finding",
		]),
		[records.ref(f), f.asset, f.first_seen_on, _secret_due(f), input.params.secret_sla_days],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.ref(f)]) if {
	some f in _r3_findings
	not tech.fixed(f)
	ops.due_soon(_secret_due(f))
	msg := sprintf("%s (secret in %s) must be revoked by %s (secret_sla_days)", [records.ref(f), f.asset, _secret_due(f)])
}

findings contains f if {
	some f in result.check(
		"R3", sprintf("every leaked secret was revoked within %d days (secret_sla_days)", [input.params.secret_sla_days]),
		_r3_population, _r3_items,
	)
}

# --- R4: secure-coding training of engineers (as A.8.25 R3).

findings contains f if {
	some f in result.check("R4", sdlc.training_summary, sdlc.engineers, sdlc.training_items("R4"))
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_findings := _r2_findings_p

_r2_items := _r2_items_p

_r3_findings := _r3_findings_p

_r3_items := _r3_items_p
