# METADATA
# title: Intellectual property rights
# description: >-
#   Software and code are used within their licences: a current policy says how, every
#   commercial program installed on our computers is inventoried with enough unexpired licence
#   seats for its installations, and our production code carries no dependency under a licence
#   the organisation has ruled out unless an exception was approved.
# scope: package
# custom:
#   control: iso27001:A.5.32
#   class: a
#   evidence: [Document, Asset, TestRun, Exception, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current Document of doc_type topic-policy (or policy) with topic
#       intellectual-property, software-use or ipr exists.
#     R2: >-
#       In the latest TestRun of test_type software-inventory, every software title (a result's
#       check_id; its installations are the distinct resources reporting it) resolves to an Asset
#       (by reference or external id); where that Asset has a license block, license.seats is at
#       least the number of installations and license.expires_on, when set, is after the as-of
#       date. There must be such a run.
#     R3: >-
#       Every active production repository (asset_type repository, environment prod) appears in a
#       TestRun of test_type license-scan, and the latest one naming it reports no licence (a
#       result's check_id, compared without case) listed in disallowed_licenses for a component of
#       that repository, unless an approved, unexpired Exception (approved by someone other than
#       its requester) applies to the repository, the component (result resource) or the run.
#   decisions:
#     - >-
#       "Commercial" is read from the inventory: a title whose Asset has a license block is
#       licensed software and must have seats and a valid term; a title whose Asset has none is
#       treated as free software. A title with no Asset at all fails, since its licensing cannot be
#       shown.
#     - >-
#       The model writes the disallowed list as "AGPL-3.0 in distributed code"; the schema default
#       lists AGPL-3.0 and unknown, and this rule applies them to every production repository.
#     - >-
#       A licence-scan result belongs to a repository when its resource names that repository, or
#       names no inventoried asset (a package of the scanned code) and the run names the repository.
#     - The model gives no freshness for these scans; the latest run counts whatever its age.
package annexa.iso27001.a5_32

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current IP and software-use policy.

_policies := {ref |
	some topic in ["intellectual-property", "software-use", "ipr"]
	some ref in object.get(docs.current_by_topic, topic, set())
}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_policies) == 0
	msg := concat("", [
		"no current intellectual property or software-use policy (Document, doc_type topic-policy, topic ",
		"intellectual-property, software-use or ipr, published and approved for its version): write, approve and publish one",
	])
}

findings contains f if {
	some f in result.check("R1", "a current intellectual property policy is in force", _policies, _r1_items)
}

# --- R2: installed commercial software licensed.

_inventories_p contains t if {
	some t in records.of("TestRun")
	t.test_type == "software-inventory"
	dates.visible(t.performed_on)
}

_latest_inventory := t if {
	last := max({t.performed_on | some t in _inventories})
	ids := {t.id | some t in _inventories; t.performed_on == last}
	some t in _inventories
	t.id == max(ids)
}

# _installs maps a title to the resources that report it in the latest inventory.
_installs := {k: vs |
	some k in {x[0] | some x in _installs_rows}
	vs := {x[1] | some x in _installs_rows; x[0] == k}
}

_installs_rows := {[r.check_id, object.get(r, "resource", sprintf("results.%d", [i]))] |
	some i, r in object.get(_latest_inventory, "results", [])
}

_first_result := {title: min({i | some i, r in _latest_inventory.results; r.check_id == title}) |
	some title, _ in _installs
}

_title_ref(title) := records.at(_latest_inventory, sprintf("results.%d", [_first_result[title]]))

_r2_population := {_title_ref(title) | some title, _ in _installs} | {records.ref(t) | t := _latest_inventory}

_assets_of(title) := {a | some a in ops.assets_named(title); records.exists(a)}

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	not _latest_inventory
	msg := concat("", [
		"no software-inventory TestRun exists, so installed software cannot be checked against licences: ",
		"collect an inventory",
	])
}

_r2_items_p contains result.fail("R2", msg, [_title_ref(title)]) if {
	some title, devices in _installs
	count(_assets_of(title)) == 0
	msg := sprintf(
		"%s is installed on %d device(s) but is not in the asset inventory: %s",
		[title, count(devices), "add it as an Asset (with its licence, if commercial)"],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "license.seats")]) if {
	some title, devices in _installs
	some ref in _assets_of(title)
	a := records.get(ref)
	a.license
	not object.get(a, ["license", "seats"], -1) >= count(devices)
	msg := sprintf(
		"%s (%s) is installed on %d device(s) but its licence has %v seat(s): buy seats or uninstall",
		[ref, title, count(devices), object.get(a, ["license", "seats"], "no")],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "license.expires_on")]) if {
	some title, _ in _installs
	some ref in _assets_of(title)
	a := records.get(ref)
	a.license.expires_on <= input.as_of
	msg := sprintf(
		"%s (%s) is still installed but its licence expired on %s: renew it or uninstall",
		[ref, title, a.license.expires_on],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every installed commercial software title is inventoried with enough valid licence seats",
		_r2_population, _r2_items,
	)
}

# --- R3: no disallowed licence in production code without an exception.

_repos_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "repository"
	a.environment == "prod"
	ops.active_asset(a)
}

_named_by(t) := {x | some s in object.get(t, "scope", []); some x in ops.assets_named(s)} | {x |
	some r in object.get(t, "results", [])
	some x in ops.assets_named(object.get(r, "resource", ""))
}

_scans := {k: vs |
	some k in {x[0] | some x in _scans_rows}
	vs := {x[1] | some x in _scans_rows; x[0] == k}
}

_scans_rows := {[repo, t.id] |
	some t in records.of("TestRun")
	t.test_type == "license-scan"
	dates.visible(t.performed_on)
	some repo in _named_by(t)
	repo in _repos
}

_latest_scan(repo) := t if {
	runs := {records.get(concat("/", ["TestRun", id])) | some id in _scans[repo]}
	last := max({x.performed_on | some x in runs})
	some t in runs
	t.performed_on == last
	t.id == max({x.id | some x in runs; x.performed_on == last})
}

_disallowed := {upper(l) | some l in input.params.disallowed_licenses}

# _disallowed_results maps the id of each visible license-scan TestRun to [index, result] of its
# results whose check_id is a licence in disallowed_licenses.
_disallowed_results := {t.id: rows |
	some t in records.of("TestRun")
	t.test_type == "license-scan"
	dates.visible(t.performed_on)
	rows := [[i, r] | some i, r in object.get(t, "results", []); upper(r.check_id) in _disallowed]
}

_belongs(r, repo) if repo in ops.assets_named(object.get(r, "resource", ""))

_belongs(r, _) if count(ops.assets_named(object.get(r, "resource", ""))) == 0

# _excepted_targets is the set of strings named by approved, unexpired exceptions.
_excepted_targets_p contains x if {
	some e in records.of("Exception")
	dates.visible(e.approved_on)
	input.as_of <= e.expires_on
	e.approved_by != e.requested_by
	some x in e.applies_to
}

_excepted(t, r, repo) if {
	some x in {repo, records.ref(t), object.get(r, "resource", "")}
	x in _excepted_targets
}

_r3_items_p contains result.fail("R3", msg, [repo]) if {
	some repo in _repos
	not _scans[repo]
	msg := sprintf("%s has never been scanned for licences (license-scan): scan its dependencies", [repo])
}

_r3_items_p contains result.fail("R3", msg, [records.at(t, sprintf("results.%d", [i]))]) if {
	some repo in _repos
	t := _latest_scan(repo)
	some x in _disallowed_results[t.id]
	i := x[0]
	r := x[1]
	_belongs(r, repo)
	not _excepted(t, r, repo)
	msg := sprintf(
		"%s found %s under %s, a licence in disallowed_licenses, in %s: replace it or record an approved exception",
		[records.ref(t), object.get(r, "resource", "a component"), r.check_id, repo],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "no production repository uses a disallowed licence without an approved exception",
		_repos, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_inventories := _inventories_p

_r2_items := _r2_items_p

_repos := _repos_p

_excepted_targets := _excepted_targets_p

_r3_items := _r3_items_p
