# METADATA
# title: Network, endpoint and cryptography observations
# description: >-
#   Reads the configuration checks that scanners and device management report in TestRun
#   results and sorts them into topics by their check_id (time sync, admin ports, flow logs,
#   TLS floor, WAF, DDoS, web filter and blocked web categories, encryption at rest, key
#   rotation, account separation, peering and routes, application control, local admin,
#   certificate expiry), indexed per asset, so a control asks for the latest observation of a
#   topic on an asset and whether it is fresh and passing. Also: the network perimeter assets,
#   the internet-facing assets, the TLS verdict shared by 8.21 and 8.24, and exceptions scoped
#   to one rule of one control.
#   Check id convention: ids are matched without case and may carry any tool prefix; a status
#   pass always means the protective condition holds, fail or error that it does not.
#   time-sync - contains time_sync or the word ntp (time_sync_enabled, amazon_time_sync_in_use,
#   ntp_synced). admin-ports - contains admin_port, an aggregate over admin_ports
#   (ec2_securitygroup_no_admin_ports_open_to_internet), or ingress and port, per port when
#   numbers follow the last port_ (ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22);
#   ports outside admin_ports are ignored, a check without a number counts for all ports.
#   flow-logs - contains flow_log. tls - ends in tls_M_m, tls_M_m_or_higher or
#   tls_min_version_M_m, M.m being the floor the check enforces (elbv2_listener_tls_1_2_or_higher).
#   waf - contains waf. ddos - contains ddos or shield. web-filter - contains web_filter or
#   secure_dns (secure_dns_web_filter_active). web-category - web_filter_blocks:CATEGORY, the
#   category spelled as in blocked_web_categories. encryption-at-rest - contains encrypt but none
#   of transit, transport, tls, ssl, https (rds_instance_storage_encrypted). key-rotation -
#   contains rotation, an optional _le_N or _Nd suffix giving the period in days
#   (kms_cmk_rotation_enabled). separation - contains separation or segregation
#   (account_separation_prod_nonprod). peering - contains peering, routing or the word route(s)
#   (vpc_peering_routing_tables_with_least_privilege). app-control - contains app_control,
#   software_restriction or app(lication)_allowlist. local-admin - contains local_admin
#   (local_admin_removed). cert-expiry - cert_expires_on:YYYY-MM-DD, the expiry date of the
#   certificate named by resource, or an id containing cert and expir whose failure means the
#   tool saw it expiring (acm_certificates_expiration_check). Every result of a TestRun of type
#   ntp, waf, ddos, web-filter or app-control counts for that topic whatever its check id.
# scope: package
package annexa.lib.network

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.waivers
import rego.v1

# config_types are the TestRun types whose results describe configuration; results of other
# runs (pentests, vulnerability scans, AI evaluations) use free ids and are not read here.
config_types := {
	"cspm", "config-benchmark", "mdm-posture", "edr", "ntp", "web-filter", "tls", "waf", "ddos",
	"network-separation", "encryption", "kms", "certificates", "app-control", "patch-compliance",
	"software-inventory", "log-config", "alerting-config",
}

# failed are the result statuses that count against a check (an error proves nothing).
failed := {"fail", "error"}

# --- Topics of a check id.

_by_type := {"ntp": "time-sync", "waf": "waf", "ddos": "ddos", "web-filter": "web-filter", "app-control": "app-control"}

# topics returns the topics a result belongs to, from its check id and the run's test type.
topics(check_id, test_type) := _id_topics(lower(check_id)) | {x |
	x := _by_type[test_type]
	not _excluded(x, lower(check_id))
}

_id_topics(id) := {x |
	some x, pattern in _patterns
	regex.match(pattern, id)
	not _excluded(x, id)
}

_patterns := {
	"time-sync": `time_sync|(^|[^a-z])ntp([^a-z]|$)`,
	"admin-ports": `admin_port|ingress.*port`,
	"flow-logs": `flow_log`,
	"tls": `tls_(min_version_)?[0-9]_[0-9](_or_higher)?$`,
	"waf": `waf`,
	"ddos": `ddos|shield`,
	"web-filter": `web_filter|secure_dns`,
	"web-category": `blocks:.+$`,
	"encryption-at-rest": `encrypt`,
	"key-rotation": `rotation`,
	"separation": `separation|segregation`,
	"peering": `peering|routing|(^|[^a-z])routes?([^a-z0-9]|$)`,
	"app-control": `app_control|software_restriction|app_allowlist|application_allowlist`,
	"local-admin": `local_admin`,
	"cert-expiry": `cert_expires_on[:_]|cert.*expir`,
}

_excluded("encryption-at-rest", id) if regex.match(`transit|transport|tls|ssl|https|node_to_node`, id)

_excluded("admin-ports", id) if not admin_check(id)

_excluded("web-filter", id) if regex.match(`blocks:.+$`, id)

# tls_version returns the TLS version floor a check id enforces (tls_1_2_or_higher gives 1.2).
tls_version(check_id) := to_number(sprintf("%s.%s", [m[0][2], m[0][3]])) if {
	m := regex.find_all_string_submatch_n(`tls_(min_version_)?([0-9])_([0-9])(_or_higher)?$`, lower(check_id), 1)
	count(m) > 0
}

# ports returns the port numbers a per-port ingress check names (empty for an aggregate check).
ports(check_id) := {to_number(n) | some n in regex.find_n(`[0-9]+`, tail, -1)} if {
	parts := split(lower(check_id), "port_")
	count(parts) > 1
	not contains(lower(check_id), "admin_port")
	tail := parts[count(parts) - 1]
} else := set()

# admin_check holds when an admin-ports check concerns one of the admin_ports: an aggregate
# check always does, a per-port check when one of its ports is listed.
admin_check(check_id) if count(ports(check_id)) == 0

admin_check(check_id) if {
	some p in ports(check_id)
	p in {x | some x in input.params.admin_ports}
}

# category returns the web category a web_filter_blocks:CATEGORY check id names.
category(check_id) := substring(check_id, i + 1, -1) if {
	i := indexof(check_id, ":")
	endswith(lower(substring(check_id, 0, i)), "blocks")
}

# rotation_days returns the rotation period a key-rotation check proves: a _le_N or _Nd suffix,
# otherwise 365 (the yearly automatic rotation of cloud key services when rotation is enabled).
rotation_days(check_id) := to_number(m[0][1]) if {
	m := regex.find_all_string_submatch_n(`_(?:le_)?([0-9]+)d?$`, lower(check_id), 1)
	count(m) > 0
} else := 365

# expiry returns the date a cert_expires_on:YYYY-MM-DD check id states.
expiry(check_id) := sprintf("%s-%s-%s", [m[0][1], m[0][2], m[0][3]]) if {
	m := regex.find_all_string_submatch_n(`cert_expires_on[:_]([0-9]{4})[-_]([0-9]{2})[-_]([0-9]{2})$`, lower(check_id), 1)
	count(m) > 0
}

# --- Observations.

# _targets returns what a result is about: the assets its resource names (by reference or
# external id) and the resource itself; a result without a resource is about the run's scope.
_targets(r, _) := {r.resource} | ops.assets_named(r.resource) if is_string(r.resource)

_targets(r, t) := {s | some x in t.scope; some s in _named(x)} if not is_string(object.get(r, "resource", null))

_named(x) := {x} | ops.assets_named(x)

# _obs maps "topic|target" to the observations of that topic on that target.
_obs_p[concat("|", [topic, target])] contains o if {
	some t in records.of("TestRun")
	t.test_type in config_types
	dates.visible(t.performed_on)
	some i, r in object.get(t, "results", [])
	some topic in topics(r.check_id, t.test_type)
	some target in _targets(r, t)
	o := {
		"day": dates.day(t.performed_on), "status": r.status, "check_id": r.check_id,
		"at": records.at(t, sprintf("results.%d", [i])), "resource": object.get(r, "resource", ""),
	}
}

# targets maps a topic to everything it was observed on (Asset refs and raw resource names).
_targets_p[topic] contains target if {
	some key, _ in _obs
	parts := split(key, "|")
	topic := parts[0]
	target := concat("|", array.slice(parts, 1, count(parts)))
}

# observations returns every visible observation of a topic on a target (Asset ref or resource).
observations(topic, target) := object.get(_obs, concat("|", [topic, target]), set())

# last_day returns the day of the latest observation of a topic on a target; undefined if none.
last_day(topic, target) := dates.latest({o.day | some o in observations(topic, target)})

# last_text returns last_day, or never.
last_text(topic, target) := d if d := last_day(topic, target)

last_text(topic, target) := "never" if not last_day(topic, target)

# fresh holds when a topic was observed on a target within n days.
fresh(topic, target, n) if dates.within(last_day(topic, target), n)

# latest returns the observations of a topic on a target made on its latest day.
latest(topic, target) := {o | some o in observations(topic, target); o.day == last_day(topic, target)}

# latest_failed returns the failed or errored observations of the latest day.
latest_failed(topic, target) := {o | some o in latest(topic, target); o.status in failed}

# latest_passed returns the passed observations of the latest day.
latest_passed(topic, target) := {o | some o in latest(topic, target); o.status == "pass"}

# checks_text lists the check ids and statuses of observations for a message.
checks_text(os) := concat(", ", sort({sprintf("%s %s", [o.check_id, o.status]) | some o in os}))

# verdict explains why the latest observation of a topic on a target does not show the
# condition (none within n days, a failure, or no passing check); undefined when it does.
verdict(topic, target, n, what) := msg if {
	not fresh(topic, target, n)
	msg := sprintf("%s has no %s check in the last %d days (last: %s)", [target, what, n, last_text(topic, target)])
} else := msg if {
	bad := latest_failed(topic, target)
	count(bad) > 0
	msg := sprintf("%s fails its %s check of %s (%s)", [target, what, last_day(topic, target), checks_text(bad)])
} else := msg if {
	count(latest_passed(topic, target)) == 0
	msg := sprintf(
		"%s has no passing %s check on %s (%s)",
		[target, what, last_day(topic, target), checks_text(latest(topic, target))],
	)
}

# --- Populations.

_lost(a) if dates.visible(a.lifecycle.lost_on)

# in_use holds when an asset is neither retired nor lost at the as-of date.
in_use(a) if {
	ops.active_asset(a)
	not _lost(a)
}

# perimeter is the set of active cloud accounts and network assets: where inbound rules,
# flow logs, firewall reviews and separation live.
_perimeter_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type in {"cloud-account", "network"}
	in_use(a)
}

# internet_facing is the set of active assets reachable from the internet.
_internet_facing_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.internet_facing == true
	in_use(a)
}

# endpoints is the set of active, not lost endpoint assets.
_endpoints_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "endpoint"
	in_use(a)
}

# --- TLS floor (8.21 R2 and 8.24 R3).

_tls_obs(target) := {o | some o in latest("tls", target); tls_version(o.check_id)}

_tls_good(o) if {
	o.status == "pass"
	tls_version(o.check_id) >= input.params.min_tls_version
}

_tls_bad(o) if {
	o.status in failed
	tls_version(o.check_id) <= input.params.min_tls_version
}

# tls_problem explains why an asset is not shown to refuse TLS below min_tls_version in its
# latest TLS check within config_scan_days; undefined when it is.
tls_problem(target) := msg if {
	not fresh("tls", target, input.params.config_scan_days)
	msg := sprintf(
		"%s has no TLS version check in the last %d days (config_scan_days; last: %s): scan its listeners",
		[target, input.params.config_scan_days, last_text("tls", target)],
	)
} else := msg if {
	bad := {o | some o in _tls_obs(target); _tls_bad(o)}
	count(bad) > 0
	msg := sprintf(
		"%s accepts TLS below min_tls_version %v in the check of %s (%s): disable the older protocol versions",
		[target, input.params.min_tls_version, last_day("tls", target), checks_text(bad)],
	)
} else := msg if {
	count({o | some o in _tls_obs(target); _tls_good(o)}) == 0
	msg := sprintf(
		"%s has no passing check of a TLS floor of at least min_tls_version %v on %s (%s): check the floor we require",
		[target, input.params.min_tls_version, last_day("tls", target), checks_text(latest("tls", target))],
	)
}

# --- Exceptions scoped to one rule of one control.

# valid_exception holds when an exception is in force at the as-of date (lib/waivers: approved
# by a holder of exception_approver_roles other than the requester, not longer than
# exception_max_days, approved and not yet expired).
valid_exception(e) if waivers.status[records.ref(e)].state == "active"

_for_control(e, control, rule) if sprintf("rule:%s/%s", [control, rule]) in e.applies_to

_for_control(e, control, _) if sprintf("iso27001:%s", [control]) in e.applies_to

_for_control(e, control, _) if sprintf("iso27001:A.%s", [control]) in e.applies_to

_for_control(e, control, _) if sprintf("iso27001:A.%s", [control]) in object.get(e, "controls", [])

# excepted returns the refs of the valid exceptions that waive a rule of a control (8.20, R1)
# for one of items (record refs, resource names or result refs): the exception must name the
# item and the rule (rule:8.20/R1) or the control (iso27001:A.8.20, in applies_to or controls).
excepted(control, rule, items) := {records.ref(e) |
	some e in records.of("Exception")
	some item in items
	item in e.applies_to
	_for_control(e, control, rule)
	valid_exception(e)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_obs := _obs_p

targets := _targets_p

perimeter := _perimeter_p

internet_facing := _internet_facing_p

endpoints := _endpoints_p
