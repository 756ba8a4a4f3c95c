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

_named(x) := {x} | ops.assets_named(x)

# _config_runs are the visible TestRuns of config_types.
_config_runs := [t |
	some t in records.of("TestRun")
	t.test_type in config_types
	dates.visible(t.performed_on)
]

# _topics_of maps each [check_id, test_type] pair of a configuration result to its topics, so
# the patterns run once per distinct check id rather than once per result.
_topics_of := {[id, tt]: topics(id, tt) | some tt, ids in _ids_by_type; some id in ids}

# _ids_by_type maps a test type to the check ids of the results of its visible runs.
_ids_by_type := {tt: ids |
	some tt in {t.test_type | some t in _config_runs}
	ids := {r.check_id | some t in _config_runs; t.test_type == tt; some r in object.get(t, "results", [])}
}

# Observations are indexed per topic, and a topic's index is built only when a control asks
# about that topic: _topic_entries and _topic_latest are keyed rules (a lookup with a given key
# evaluates and caches that key alone), and each topic has its own grouping rule below, because
# OPA groups a comprehension through an index only over a rule that it can name.

# _topic_names are the topics a check can belong to.
_topic_names := {x | some x, _ in _patterns} | {x | some _, x in _by_type}

# _run_rows are [run, day, ref, scope targets] of the visible configuration runs.
_run_rows := [[t, dates.day(t.performed_on), records.ref(t), scope] |
	some t in _config_runs
	scope := {s | some x in object.get(t, "scope", []); some s in _named(x)}
]

# _id_rows maps a check id to [run row, index, result] of every visible configuration result.
_id_rows := {id: rows |
	some id in {pair[0] | some pair, _ in _topics_of}
	rows := [[x, i, r] | some x in _run_rows; some i, r in object.get(x[0], "results", []); r.check_id == id]
}

# _topic_pairs maps a topic to the [check_id, test_type] pairs whose results belong to it.
_topic_pairs := {topic: pairs |
	some topic in _topic_names
	pairs := {pair | some pair, ts in _topics_of; topic in ts}
}

# _topic_entries maps a topic to [target, observation] for every visible configuration result
# of the topic, about each of its targets (_row_targets).
_topic_entries[topic] := [[target, o] |
	some pair in _topic_pairs[topic]
	some row in _id_rows[pair[0]]
	x := row[0]
	x[0].test_type == pair[1]
	r := row[2]
	o := {
		"day": x[1], "status": r.status, "check_id": r.check_id,
		"at": sprintf("%s#results.%d", [x[2], row[1]]), "resource": object.get(r, "resource", ""),
	}
	some target in _row_targets(r, x[3])
] if some topic in _topic_names

# _row_targets returns what a result is about: the resource itself and the assets it names (as
# ops.assets_named: an Asset reference, or an external id of assets); a result without a resource
# is about the run's scope (the scope's entries and the assets they name).
_row_targets(r, _) := {res} | ops.assets_named(res) if {
	res := r.resource
	is_string(res)
}

_row_targets(r, scope) := scope if not is_string(object.get(r, "resource", null))

_obs_time_sync := {target: os |
	some target in {e[0] | some e in _topic_entries["time-sync"]}
	os := {e[1] | some e in _topic_entries["time-sync"]; e[0] == target}
}

_obs_of("time-sync") := _obs_time_sync

_obs_admin_ports := {target: os |
	some target in {e[0] | some e in _topic_entries["admin-ports"]}
	os := {e[1] | some e in _topic_entries["admin-ports"]; e[0] == target}
}

_obs_of("admin-ports") := _obs_admin_ports

_obs_flow_logs := {target: os |
	some target in {e[0] | some e in _topic_entries["flow-logs"]}
	os := {e[1] | some e in _topic_entries["flow-logs"]; e[0] == target}
}

_obs_of("flow-logs") := _obs_flow_logs

_obs_tls := {target: os |
	some target in {e[0] | some e in _topic_entries.tls}
	os := {e[1] | some e in _topic_entries.tls; e[0] == target}
}

_obs_of("tls") := _obs_tls

_obs_waf := {target: os |
	some target in {e[0] | some e in _topic_entries.waf}
	os := {e[1] | some e in _topic_entries.waf; e[0] == target}
}

_obs_of("waf") := _obs_waf

_obs_ddos := {target: os |
	some target in {e[0] | some e in _topic_entries.ddos}
	os := {e[1] | some e in _topic_entries.ddos; e[0] == target}
}

_obs_of("ddos") := _obs_ddos

_obs_web_filter := {target: os |
	some target in {e[0] | some e in _topic_entries["web-filter"]}
	os := {e[1] | some e in _topic_entries["web-filter"]; e[0] == target}
}

_obs_of("web-filter") := _obs_web_filter

_obs_web_category := {target: os |
	some target in {e[0] | some e in _topic_entries["web-category"]}
	os := {e[1] | some e in _topic_entries["web-category"]; e[0] == target}
}

_obs_of("web-category") := _obs_web_category

_obs_encryption_at_rest := {target: os |
	some target in {e[0] | some e in _topic_entries["encryption-at-rest"]}
	os := {e[1] | some e in _topic_entries["encryption-at-rest"]; e[0] == target}
}

_obs_of("encryption-at-rest") := _obs_encryption_at_rest

_obs_key_rotation := {target: os |
	some target in {e[0] | some e in _topic_entries["key-rotation"]}
	os := {e[1] | some e in _topic_entries["key-rotation"]; e[0] == target}
}

_obs_of("key-rotation") := _obs_key_rotation

_obs_separation := {target: os |
	some target in {e[0] | some e in _topic_entries.separation}
	os := {e[1] | some e in _topic_entries.separation; e[0] == target}
}

_obs_of("separation") := _obs_separation

_obs_peering := {target: os |
	some target in {e[0] | some e in _topic_entries.peering}
	os := {e[1] | some e in _topic_entries.peering; e[0] == target}
}

_obs_of("peering") := _obs_peering

_obs_app_control := {target: os |
	some target in {e[0] | some e in _topic_entries["app-control"]}
	os := {e[1] | some e in _topic_entries["app-control"]; e[0] == target}
}

_obs_of("app-control") := _obs_app_control

_obs_local_admin := {target: os |
	some target in {e[0] | some e in _topic_entries["local-admin"]}
	os := {e[1] | some e in _topic_entries["local-admin"]; e[0] == target}
}

_obs_of("local-admin") := _obs_local_admin

_obs_cert_expiry := {target: os |
	some target in {e[0] | some e in _topic_entries["cert-expiry"]}
	os := {e[1] | some e in _topic_entries["cert-expiry"]; e[0] == target}
}

_obs_of("cert-expiry") := _obs_cert_expiry

# _latest_of maps a topic to, for each target, [day of its latest observation, the observations
# of that day]: a complete rule per topic (as _obs_of), so that each is computed once and only
# when a control asks about its topic.
# The third element says whether the latest day has a passing check and no failed one.
_latest(obs) := {target: [day, latest, ok] |
	some target, os in obs
	day := max({o.day | some o in os})
	latest := {o | some o in os; o.day == day}
	ok := _clean(latest)
}

_clean(os) if {
	some o in os
	o.status == "pass"
	not _any_failed(os)
} else := false

_any_failed(os) if {
	some o in os
	o.status in failed
}

_latest_time_sync := _latest(_obs_time_sync)

_latest_of("time-sync") := _latest_time_sync

_latest_admin_ports := _latest(_obs_admin_ports)

_latest_of("admin-ports") := _latest_admin_ports

_latest_flow_logs := _latest(_obs_flow_logs)

_latest_of("flow-logs") := _latest_flow_logs

_latest_tls := _latest(_obs_tls)

_latest_of("tls") := _latest_tls

_latest_waf := _latest(_obs_waf)

_latest_of("waf") := _latest_waf

_latest_ddos := _latest(_obs_ddos)

_latest_of("ddos") := _latest_ddos

_latest_web_filter := _latest(_obs_web_filter)

_latest_of("web-filter") := _latest_web_filter

_latest_web_category := _latest(_obs_web_category)

_latest_of("web-category") := _latest_web_category

_latest_encryption_at_rest := _latest(_obs_encryption_at_rest)

_latest_of("encryption-at-rest") := _latest_encryption_at_rest

_latest_key_rotation := _latest(_obs_key_rotation)

_latest_of("key-rotation") := _latest_key_rotation

_latest_separation := _latest(_obs_separation)

_latest_of("separation") := _latest_separation

_latest_peering := _latest(_obs_peering)

_latest_of("peering") := _latest_peering

_latest_app_control := _latest(_obs_app_control)

_latest_of("app-control") := _latest_app_control

_latest_local_admin := _latest(_obs_local_admin)

_latest_of("local-admin") := _latest_local_admin

_latest_cert_expiry := _latest(_obs_cert_expiry)

_latest_of("cert-expiry") := _latest_cert_expiry

# targets maps a topic to everything it was observed on (Asset refs and raw resource names).
targets[topic] := ts if {
	some topic in _topic_names
	ts := {t | some t, _ in _obs_of(topic)}
	count(ts) > 0
}

# observations returns every visible observation of a topic on a target (Asset ref or resource).
observations(topic, target) := os if {
	os := _obs_of(topic)[target]
} else := set()

# last_day returns the day of the latest observation of a topic on a target; undefined if none.
last_day(topic, target) := _latest_of(topic)[target][0]

# last_text returns last_day, or never.
last_text(topic, target) := d if d := last_day(topic, target)

last_text(topic, target) := "never" if not last_day(topic, target)

# fresh holds when a topic was observed on a target within n days.
fresh(topic, target, n) if _within(last_day(topic, target), n)

# latest returns the observations of a topic on a target made on its latest day.
latest(topic, target) := os if {
	os := _latest_of(topic)[target][1]
} else := set()

# latest_failed returns the failed or errored observations of the latest day.
latest_failed(topic, target) := {o | some o in latest(topic, target); o.status in failed}

# latest_passed returns the passed observations of the latest day.
latest_passed(topic, target) := {o | some o in latest(topic, target); o.status == "pass"}

# checks_text lists the check ids and statuses of observations for a message.
checks_text(os) := concat(", ", sort({sprintf("%s %s", [o.check_id, o.status]) | some o in os}))

# passing returns the targets of a topic on which verdict(topic, target, n, _) is undefined: the
# latest observation lies within n days, has a passing check and no failed one. A control that
# asks verdict about a large population asks it only about population - passing(topic, n).
passing(topic, n) := {target |
	some target, v in _latest_of(topic)
	v[2] == true
	_within(v[0], n)
}

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
	some item in items
	some e in _valid_naming[item]
	_for_control(e, control, rule)
}

# _valid_naming maps each entry of applies_to to the valid exceptions that list it.
_valid_naming := {item: es |
	some item in {x | some pair in _valid_pairs; x := pair[0]}
	es := {pair[1] | some pair in _valid_pairs; pair[0] == item}
}

_valid_pairs := {[item, e] |
	some e in records.of("Exception")
	valid_exception(e)
	some item in e.applies_to
}

# _cutoffs maps every whole number of days among the parameters to the first day within that
# many days of the as-of date, so that dates.within(d, n) becomes two string comparisons.
_cutoffs := {n: dates.add_days(input.as_of, 0 - n) | some _, n in input.params; is_number(n); n == floor(n)}

# _within is dates.within(d, n) for a date or timestamp d.
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
perimeter := _perimeter_p

internet_facing := _internet_facing_p

endpoints := _endpoints_p
