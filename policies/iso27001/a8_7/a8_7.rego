# METADATA
# title: Protection against malware
# description: >-
#   Every laptop and server runs endpoint protection with current malware definitions, as a
#   recent snapshot shows (or uses an approved alternative), incoming e-mail is filtered for
#   malware, and the awareness training people take covers malware.
# scope: package
# custom:
#   control: iso27001:A.8.7
#   class: a
#   evidence: [Asset, TestRun, Exception, TrainingRecord, Document, Person, ManagementSystem]
#   rules:
#     R1: >-
#       Every active endpoint (not lost, not back in stock) and server Asset either has, in the latest
#       mdm-posture or edr TestRun reporting an edr_running check about it, performed within
#       posture_max_age_days, only passing edr_running results, and a passing check about malware
#       definitions (a check_id containing definitions) whose day limit, when the check id states one,
#       is at most av_definitions_max_age_days; or is covered by an approved alternative - a valid
#       Exception listing the asset, or for a server a passing image-scan TestRun naming it within
#       posture_max_age_days.
#     R2: >-
#       An mail-filter TestRun was performed within config_scan_days; in the latest one there is at
#       least one result whose check_id contains malware, and every such result passed.
#     R3: >-
#       Every Document used as the course of an awareness TrainingRecord completed within
#       training_refresh_days has content_flags.malware true; with no such training the rule fails.
#   decisions:
#     - Check-id convention (lib/tech) - endpoint protection is edr_running*; definitions freshness is
#       any check id containing definitions (edr_running_definitions_current in the example bundle).
#       A number in it is a day limit compared with av_definitions_max_age_days; the word current
#       without a number is taken as the tool's own currency rule, which the organisation sets to its
#       parameter (a blind spot an auditor should sample).
#     - The schema has no field for an approved alternative on an Asset; an Exception listing the
#       asset records that approval, and an immutable server image is shown by a passing image-scan
#       within posture_max_age_days.
#     - Mail filtering is judged organisation-wide from the latest mail-filter TestRun; with no run
#       within config_scan_days the rule fails on the ISMS record.
#     - R3 judges the courses people actually took within training_refresh_days; whether everyone
#       took one is A.6.3's rule.
package annexa.iso27001.a8_7

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_posture_types := {"mdm-posture", "edr"}

_max_age := input.params.posture_max_age_days

_lost(a) if dates.visible(a.lifecycle.lost_on)

_in_stock(a) if {
	dates.visible(a.lifecycle.returned_on)
	not people.active_ref(a.assigned_to)
}

# --- R1: endpoint protection with current definitions.

# _r1 maps the id of every endpoint and server in scope to its ref.
_r1 := {id: concat("/", [a.kind, a.id]) |
	some id, a in records.of("Asset")
	_r1_asset(a)
}

_r1_population := {ref | some ref in _r1}

_r1_asset(a) if {
	a.asset_type == "endpoint"
	ops.active_asset(a)
	not _lost(a)
	not _in_stock(a)
}

_r1_asset(a) if {
	a.asset_type == "server"
	ops.active_asset(a)
}

# _idx indexes the edr_running and definitions results of the posture runs (the other
# results of those runs are read by no rule here), _images the results of the image scans.
_idx := tech.family_index(_posture_types, _patterns)

_patterns := {"edr": `^edr_running`, "definitions": `definitions`}

_images := tech.index({"image-scan"})

_cutoff := dates.cutoff(_max_age)

_families := tech.families(_idx, _patterns)

# _latest returns the rows of the latest edr_running and definitions checks about an asset.
_latest(ref) := tech.latest_rows(_idx, ref, _families)

# _plain is the assets whose only row in _idx is one result in both families that shows
# protection with current definitions: what most assets show, found without grouping their rows
# by family (_latest), which _shown and _protection_problem do for the other assets.
_plain := {ref |
	some id, ref in _r1
	ref in _plain_resources
	not _external_rows(input.records.Asset[id])
}

# _external_rows holds when _idx has rows under one of an asset's external ids.
_external_rows(a) if {
	some v in object.get(a, "external_ids", {})
	_idx.results[v]
}

_plain_resources := {res |
	some res, m in _idx.results
	count(m) == 1
	some x in m
	x[2] == "pass"
	x[4] >= _cutoff
	"edr" in _families[x[1]]
	"definitions" in _families[x[1]]
	not x[1] in _loose
}

# _shown holds when the rows of an asset show protection with current definitions: a cheap test
# that only lets _protection_problem describe the assets it may find a problem with.
_shown(ref) if {
	m := _latest(ref)
	edr := {x[5] | some x in m.edr; x[2] == "pass"; x[4] >= _cutoff}
	count(edr) == count(m.edr)
	defs := [x | some x in m.definitions; x[5] in edr]
	count(defs) > 0
	every x in defs {
		x[2] == "pass"
		not x[1] in _loose
	}
}

# _loose are the definitions check ids with a limit above av_definitions_max_age_days.
_loose := {cid | some cid, names in _families; "definitions" in names; not _days_ok(cid)}

_edr(ref) := tech.checks(_latest(ref).edr)

_definitions(ref) := {o |
	some o in tech.checks(_latest(ref).definitions)
	o.run in {x.run | some x in _edr(ref)}
}

_days_ok(check_id) if not tech.limit(check_id)

_days_ok(check_id) if tech.limit(check_id) <= input.params.av_definitions_max_age_days

_protection_problem(ref) := sprintf("no edr_running check in a snapshot of the last %d days (%s; last: %s)", [
	_max_age,
	"posture_max_age_days",
	_edr_last(ref),
]) if {
	not _edr_fresh(ref)
} else := sprintf("%s on %s", [tech.describe(bad), tech.checks_on(bad)]) if {
	bad := tech.failing(_edr(ref))
	count(bad) > 0
} else := "the snapshot shows no malware definitions check" if {
	count(_definitions(ref)) == 0
} else := sprintf("%s on %s", [tech.describe(bad), tech.checks_on(bad)]) if {
	bad := tech.failing(_definitions(ref))
	count(bad) > 0
} else := sprintf("%s allows definitions older than av_definitions_max_age_days (%d)", [
	concat(", ", sort(loose)),
	input.params.av_definitions_max_age_days,
]) if {
	loose := {o.check_id | some o in _definitions(ref); not _days_ok(o.check_id)}
	count(loose) > 0
}

_edr_fresh(ref) if dates.since(tech.checks_on(_edr(ref)), _cutoff)

_edr_last(ref) := tech.checks_on(_edr(ref))

_edr_last(ref) := "never" if not _edr(ref)

_alternative(ref) if tech.excepted(ref)

_alternative(ref) if {
	records.get(ref).asset_type == "server"
	cs := tech.latest_in(_images, ref, `.`)
	dates.since(tech.checks_on(cs), _cutoff)
	every o in cs {
		o.status == "pass"
	}
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not ref in _plain
	not _shown(ref)
	problem := _protection_problem(ref)
	not _alternative(ref)
	msg := sprintf("%s is not shown to run endpoint protection with current definitions: %s; %s", [
		ref,
		problem,
		"fix it or approve an alternative",
	])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every endpoint and server runs endpoint protection with current definitions in a snapshot of the last %d days",
			[_max_age],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: e-mail malware filtering.

_mail_runs := {[dates.ns(t.performed_on), records.ref(t)] |
	some t in records.of("TestRun")
	t.test_type == "mail-filter"
	dates.within(t.performed_on, input.params.config_scan_days)
}

_latest_mail := records.get(max(_mail_runs)[1]) if count(_mail_runs) > 0

_r2_population := {records.ref(_latest_mail) | _latest_mail}

_malware_results := [[i, r] |
	some i, r in object.get(_latest_mail, "results", [])
	contains(lower(r.check_id), "malware")
]

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_mail_runs) == 0
	msg := sprintf(
		"no mail-filter TestRun in the %d days before %s (config_scan_days): check that e-mail is filtered for malware",
		[input.params.config_scan_days, input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.ref(_latest_mail)]) if {
	count(_malware_results) == 0
	msg := sprintf("%s reports no malware check (check_id containing malware): include the malware filter", [
		records.ref(_latest_mail),
	])
}

_r2_items_p contains result.fail("R2", msg, [records.at(_latest_mail, sprintf("results.%d", [x[0]]))]) if {
	some x in _malware_results
	x[1].status != "pass"
	msg := sprintf("%s reports %s as %s: turn on e-mail malware filtering", [
		records.ref(_latest_mail), x[1].check_id, x[1].status,
	])
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("e-mail malware filtering passed in a check of the last %d days", [input.params.config_scan_days]),
		_r2_population, _r2_items,
	)
}

# --- R3: awareness courses cover malware.

_r3_population := {t.course |
	some t in records.of("TrainingRecord")
	t.course_type == "awareness"
	dates.since(t.completed_on, _training_cutoff)
}

_training_cutoff := dates.cutoff(input.params.training_refresh_days)

_covers_malware(ref) if records.get(ref).content_flags.malware == true

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_r3_population) == 0
	msg := sprintf(
		"no awareness training was completed in the %d days before %s (training_refresh_days), so none shows malware content",
		[input.params.training_refresh_days, input.as_of],
	)
}

_r3_items_p contains result.fail("R3", msg, [_flag_ref(ref)]) if {
	some ref in _r3_population
	not _covers_malware(ref)
	msg := sprintf("awareness course %s does not cover malware (content_flags.malware): add the topic", [ref])
}

_flag_ref(ref) := records.at(records.get(ref), "content_flags") if records.exists(ref)

_flag_ref(ref) := ref if not records.exists(ref)

findings contains f if {
	some f in result.check("R3", "every awareness course taken recently covers malware", _r3_population, _r3_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
