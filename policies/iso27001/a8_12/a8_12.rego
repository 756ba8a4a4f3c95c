# METADATA
# title: Data leakage prevention
# description: >-
#   Every way data can leave that the organisation has named (e-mail, sharing from cloud
#   storage, USB storage ...) has a leak-prevention or restriction setting that a recent check
#   shows working, and the alerts those tools raise are reviewed on schedule.
# scope: package
# custom:
#   control: iso27001:A.8.12
#   class: a
#   evidence: [TestRun, Activity, ManagementSystem]
#   rules:
#     R1: >-
#       For every channel in dlp_channels, the latest dlp-config TestRun that reports a check for it
#       (check_id "<channel>:<check>") was performed within config_scan_days and every one of its
#       results for that channel passed.
#     R2: >-
#       An Activity of type dlp-alert-review was performed within dlp_review_days.
#   decisions:
#     - Check-id convention (lib/tech, as in the example bundle) - a dlp-config result belongs to a
#       channel when its check_id starts with the channel name and a colon
#       (email:dlp_rules_personal_data, cloud-storage-sharing:external_sharing_allowlist_only,
#       endpoint-usb:usb_storage_blocked_all_devices); the resource is the tool that enforces it.
#     - A channel is judged on the latest run that reports it, so channels checked by different tools
#       on different days are each judged on their own latest evidence.
package annexa.iso27001.a8_12

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_days := input.params.config_scan_days

# _channel_results maps a channel to {ns, on, run, i} of every dlp-config result about it.
_channel_results := {channel: xs |
	some channel in input.params.dlp_channels
	prefix := concat("", [channel, ":"])
	xs := {{"ns": run.ns, "on": run.on, "run": run.ref, "i": i} |
		some run in _dlp_runs
		some i, r in object.get(run.t, "results", [])
		startswith(r.check_id, prefix)
	}
	count(xs) > 0
}

# _dlp_runs are the visible dlp-config runs with their time, day and ref, computed once per run.
_dlp_runs := [{"t": t, "ns": dates.ns(t.performed_on), "on": dates.day(t.performed_on), "ref": records.ref(t)} |
	some t in records.of("TestRun")
	t.test_type == "dlp-config"
	dates.visible(t.performed_on)
]

_latest(channel) := {x | some x in _channel_results[channel]; x.ns == top} if {
	top := max({x.ns | some x in _channel_results[channel]})
}

_latest_on(channel) := min({x.on | some x in _latest(channel)})

# --- R1: every channel restricted and checked.

_r1_population := {x.run | some channel in input.params.dlp_channels; some x in _latest(channel)}

_fresh(channel) if dates.within(_latest_on(channel), _days)

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	some channel in input.params.dlp_channels
	not _latest(channel)
	msg := sprintf("no dlp-config TestRun reports a check for channel %s (check_id %s:...): %s", [
		channel,
		channel,
		"restrict the channel and check it",
	])
}

_r1_items_p contains result.fail("R1", msg, [x.run]) if {
	some channel in input.params.dlp_channels
	not _fresh(channel)
	some x in _latest(channel)
	msg := sprintf(
		concat("", [
			"the latest leak-prevention check of channel %s, %s, is from %s, ",
			"more than %d days ago (config_scan_days): run it again",
		]),
		[channel, x.run, x.on, _days],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(records.get(x.run), sprintf("results.%d", [x.i]))]) if {
	some channel in input.params.dlp_channels
	_fresh(channel)
	some x in _latest(channel)
	r := records.get(x.run).results[x.i]
	r.status != "pass"
	msg := sprintf("channel %s is not restricted: %s reports %s as %s on %s; fix the leak-prevention setting", [
		channel, x.run, r.check_id, r.status, x.on,
	])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"every channel in dlp_channels (%s) passed its leak-prevention check within %d days",
			[concat(", ", input.params.dlp_channels), _days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: DLP alerts reviewed.

_review_days := input.params.dlp_review_days

_last_review := tech.last_done("Activity", "dlp-alert-review")

_r2_population := {_last_review[1] | dates.within(_last_review[0], _review_days)}

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_r2_population) == 0
	msg := sprintf(
		"no dlp-alert-review Activity in the %d days before %s (dlp_review_days; %s): review the leak-prevention alerts",
		[_review_days, input.as_of, tech.done_text("Activity", "dlp-alert-review")],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("leak-prevention alerts were reviewed within the last %d days", [_review_days]),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.

_r1_items := _r1_items_p

_r2_items := _r2_items_p
