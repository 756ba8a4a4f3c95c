# METADATA
# title: Web filtering
# description: >-
#   Every laptop filters web access, through its own secure DNS or web filter agent or through
#   filtering at the office it sits in, as a recent snapshot shows, and the filter policy blocks
#   every category of site the organisation has ruled out.
# scope: package
# custom:
#   control: iso27001:A.8.23
#   class: a
#   evidence: [Asset, TestRun, Site, ManagementSystem]
#   rules:
#     R1: >-
#       Every active endpoint (not retired, not lost) has a web-filter check within
#       posture_max_age_days whose latest day shows a pass and no failure, or its location Site
#       has such a check (site-level filtering, the Site ref as the result's resource).
#     R2: >-
#       On the latest day within config_scan_days with a blocked-category result
#       (web_filter_blocks:CATEGORY), every category in blocked_web_categories has a passing
#       result and none a failed or errored one.
#   decisions:
#     - Check ids follow lib/network. The agent check contains web_filter or secure_dns (the
#       example bundle's secure_dns_web_filter_active), or is any result of a web-filter TestRun
#       other than a category check. A TestRun result has no field for a category, so the
#       category is written into the check id after the colon, spelled as in
#       blocked_web_categories, like the channel prefix of the DLP checks.
#     - R1 uses posture_max_age_days, the staleness limit for device snapshots; R2 uses
#       config_scan_days, as the filter policy is a configuration export.
#     - Site-level filtering counts for an endpoint whose location is that Site, as the model
#       allows, although it only covers traffic on the site.
#     - R2 reads the filter policy as a whole; if several filters report, a category failing on
#       any of them on the latest day fails.
package annexa.iso27001.a8_23

import data.annexa.lib.dates
import data.annexa.lib.network
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: every endpoint filters web access.

_days := input.params.posture_max_age_days

# _filtering are the targets whose latest web filter check is a plain pass (network.passing): those
# on which network.verdict is undefined.
_filtering := network.passing("web-filter", _days)

_filtered(target) if target in _filtering

_site_filtered(ref) if _filtered(records.get(ref).location)

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in (network.endpoints - _filtering)
	problem := network.verdict("web-filter", ref, _days, "web filter")
	not _site_filtered(ref)
	msg := sprintf(
		concat("", [
			"%s (posture_max_age_days %d) and its site has no passing ",
			"web filter check: turn on the secure DNS or web filter agent",
		]),
		[problem, _days],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf("every endpoint filters web access in a snapshot of the last %d days", [_days]),
		network.endpoints, _r1_items,
	)
}

# --- R2: the filter blocks every required category.

_required := {c | some c in input.params.blocked_web_categories}

_category_obs := {o | some t in network.targets["web-category"]; some o in network.observations("web-category", t)}

_last := max({o.day | some o in _category_obs}) if count(_category_obs) > 0

_fresh if dates.within(_last, input.params.config_scan_days)

_current := {o | some o in _category_obs; o.day == _last; _fresh}

_r2_population := {o.at | some o in _current} | {ops.isms_ref | count(_required) > 0}

_last_text := _last

_last_text := "never" if count(_category_obs) == 0

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_required) > 0
	not _fresh
	msg := sprintf(
		concat("", [
			"no web filter category check (web_filter_blocks:CATEGORY) in the ",
			"last %d days (config_scan_days; last: %s): export the filter policy",
		]),
		[input.params.config_scan_days, _last_text],
	)
}

_r2_items_p contains result.fail("R2", msg, refs) if {
	_fresh
	some c in _required
	bad := {o.at | some o in _current; network.category(o.check_id) == c; o.status in network.failed}
	good := {o | some o in _current; network.category(o.check_id) == c; o.status == "pass"}
	not _blocks(bad, good)
	refs := _refs(bad)
	msg := sprintf(
		"the web filter policy checked on %s does not block %s (blocked_web_categories): block the category",
		[_last, c],
	)
}

_blocks(bad, good) if {
	count(bad) == 0
	count(good) > 0
}

_refs(bad) := bad if count(bad) > 0

_refs(bad) := {ops.isms_ref} if count(bad) == 0

findings contains f if {
	some f in result.check(
		"R2", sprintf("the web filter blocks every required category (%s)", [concat(", ", sort(_required))]),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p
