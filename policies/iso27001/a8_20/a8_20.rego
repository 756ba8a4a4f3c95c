# METADATA
# title: Networks security
# description: >-
#   Administrative ports are not reachable from the internet unless an approved exception says
#   so, production networks record their traffic flows, firewall rules are reviewed on schedule,
#   and a current network diagram is kept up to date.
# scope: package
# custom:
#   control: iso27001:A.8.20
#   class: a
#   evidence: [Asset, TestRun, LoggingSource, Activity, Document, Exception, Person, ManagementSystem]
#   rules:
#     R1: >-
#       No inbound rule opens one of admin_ports to the internet without an Exception. Every active
#       cloud-account or network Asset has an admin-ports check within config_scan_days, and no
#       admin-ports result of the latest check day of any resource checked within
#       config_scan_days failed, unless a valid Exception names the resource, its Asset or the
#       result, together with rule:8.20/R1 or the control.
#     R2: >-
#       Every active cloud-account or network Asset in environment prod records flow logs: its
#       latest flow-log check within config_scan_days passes, or, without such a check, a
#       LoggingSource of it observed within posture_max_age_days lists network-flow.
#     R3: >-
#       Every active cloud-account or network Asset is named in subject_refs of an Activity of
#       type firewall-rule-review within firewall_review_days.
#     R4: >-
#       A current Document on the network (topic network-architecture, network-diagram or
#       network) was reviewed or approved within doc_review_days, or within its own
#       review_interval_days when that is shorter.
#   decisions:
#     - Check ids follow lib/network. Aggregate admin-port checks (such as
#       ec2_securitygroup_no_admin_ports_open_to_internet) are taken to cover admin_ports; per-port
#       ingress checks count when they name a port of admin_ports, and the others are ignored.
#     - The network perimeter is the active cloud-account and network assets. Office network
#       gear that no integration reports must be inventoried as a network asset to be checked,
#       and then fails R1 to R3 until evidence arrives.
#     - Failing results are judged per resource, on the latest day that resource was checked,
#       so a finding fixed in a later scan stops failing; only runs within config_scan_days count.
#     - "An Exception counts when approved by a holder of exception_approver_roles other than the
#       requester, unexpired, not longer than exception_max_days, and scoped to this rule or
#       control, so that an exception for another purpose cannot hide an open port."
#     - R2 prefers an observed flow-log setting; a declared LoggingSource is accepted only when no
#       scanner reports on flow logs, and a failing check is never outweighed by the declaration.
#     - The model says "reviewed within 365 d" for the diagram; that is doc_review_days (default
#       365), tightened by the document's own interval.
package annexa.iso27001.a8_20

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.network
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: no admin ports open to the internet without an exception.

_days := input.params.config_scan_days

_checked_assets_p contains t if {
	some t in network.targets["admin-ports"]
	startswith(t, "Asset/")
	network.fresh("admin-ports", t, _days)
}

_r1_population := network.perimeter | _checked_assets

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in network.perimeter
	not network.fresh("admin-ports", ref, _days)
	msg := sprintf(
		concat("", [
			"%s has no check of inbound access to admin ports in the last ",
			"%d days (config_scan_days; last: %s): scan its inbound rules",
		]),
		[ref, _days, network.last_text("admin-ports", ref)],
	)
}

_open_p contains o if {
	some t in network.targets["admin-ports"]
	network.fresh("admin-ports", t, _days)
	some o in network.latest_failed("admin-ports", t)
}

_waived(o) if count(network.excepted("8.20", "R1", {o.resource, o.at} | ops.assets_named(o.resource))) > 0

_r1_items_p contains result.fail("R1", msg, [o.at]) if {
	some o in _open
	not _waived(o)
	msg := sprintf(
		"%s reports %s as %s on %s (%s): close the admin ports %v to the internet or record an approved Exception",
		[o.at, o.check_id, o.status, o.resource, o.day, input.params.admin_ports],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"no admin port (%v) is open to the internet without an approved exception, in checks of the last %d days",
			[input.params.admin_ports, _days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: flow logs on production networks.

_r2_population := {ref | some ref in network.perimeter; records.get(ref).environment == "prod"}

_declared_flow_logs_p contains s.system if {
	some s in records.of("LoggingSource")
	"network-flow" in s.log_types
	dates.within(s.observed_on, input.params.posture_max_age_days)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	network.fresh("flow-logs", ref, _days)
	problem := network.verdict("flow-logs", ref, _days, "flow-log")
	msg := sprintf("%s: enable flow logs on this production network", [problem])
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not network.fresh("flow-logs", ref, _days)
	not ref in _declared_flow_logs
	msg := sprintf(
		concat("", [
			"%s has no flow-log check in the last %d days (last: %s) and no LoggingSource ",
			"observed within %d days lists network-flow: enable and record flow logs",
		]),
		[ref, _days, network.last_text("flow-logs", ref), input.params.posture_max_age_days],
	)
}

findings contains f if {
	some f in result.check("R2", "every production network records flow logs", _r2_population, _r2_items)
}

# --- R3: firewall rules reviewed.

_reviews := {k: vs |
	some k in {x[0] | some x in _reviews_rows}
	vs := {x[1] | some x in _reviews_rows; x[0] == k}
}

_reviews_rows := {[s, a.performed_on] |
	some a in records.of("Activity")
	a.activity_type == "firewall-rule-review"
	dates.visible(a.performed_on)
	some s in a.subject_refs
}

_reviewed(ref) if dates.within(dates.latest(_reviews[ref]), input.params.firewall_review_days)

_last_review(ref) := d if d := dates.latest(_reviews[ref])

_last_review(ref) := "never" if not dates.latest(object.get(_reviews, ref, set()))

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in network.perimeter
	not _reviewed(ref)
	msg := sprintf(
		"%s has no firewall-rule-review in the last %d days (firewall_review_days; last: %s): review its firewall rules",
		[ref, input.params.firewall_review_days, _last_review(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"the firewall rules of every cloud account and network were reviewed within %d days",
			[input.params.firewall_review_days],
		),
		network.perimeter, _r3_items,
	)
}

# --- R4: network diagram current and reviewed.

_diagrams_p contains d if {
	some d in records.of("Document")
	d.topic in {"network-architecture", "network-diagram", "network"}
	docs.current(d)
}

_limit(d) := min({input.params.doc_review_days, docs.review_interval(d, input.params.doc_review_days)})

_fresh(d) if dates.within(docs.last_reviewed(d), _limit(d))

_last_text(d) := x if x := docs.last_reviewed(d)

_last_text(d) := "never" if not docs.last_reviewed(d)

_r4_population := {records.ref(d) | some d in _diagrams} | {ops.isms_ref | count(_diagrams) == 0}

_r4_items_p contains result.fail("R4", msg, [ops.isms_ref]) if {
	count(_diagrams) == 0
	msg := sprintf(
		concat("", [
			"no current network diagram on %s (a Document with topic ",
			"network-architecture, network-diagram or network): publish and approve one",
		]),
		[input.as_of],
	)
}

_r4_items_p contains result.fail("R4", msg, [records.ref(d)]) if {
	count({d | some d in _diagrams; _fresh(d)}) == 0
	some d in _diagrams
	msg := sprintf(
		"%s was last reviewed on %s, more than %d days ago (doc_review_days or its own interval): review the network diagram",
		[records.ref(d), _last_text(d), _limit(d)],
	)
}

findings contains f if {
	some f in result.check("R4", "a current network diagram was reviewed in time", _r4_population, _r4_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_checked_assets := _checked_assets_p

_r1_items := _r1_items_p

_open := _open_p

_declared_flow_logs := _declared_flow_logs_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p

_diagrams := _diagrams_p

_r4_items := _r4_items_p
