# METADATA
# title: Security of network services
# description: >-
#   Network services bought from providers (internet access, content delivery, DNS, VPN or
#   zero-trust access) are inventoried and contracted with security requirements, every
#   internet-facing system refuses outdated TLS versions, and the important ones sit behind a
#   web application firewall or DDoS protection.
# scope: package
# custom:
#   control: iso27001:A.8.21
#   class: a
#   evidence: [Supplier, Asset, TestRun]
#   rules:
#     R1: >-
#       Every Supplier of type network-service whose relationship is running at the as-of date is
#       the supplier of at least one active Asset, and every such supplier and every supplier of
#       an active network Asset exists and lists security-requirements in contract.clauses.
#     R2: >-
#       Every active internet-facing Asset has a TLS check within config_scan_days whose latest
#       day shows a passing check of a TLS floor at or above min_tls_version and no failed or
#       errored check of a floor at or below it.
#     R3: >-
#       Every active internet-facing Asset of criticality high or critical has a WAF or DDoS
#       protection check within config_scan_days, and its latest day shows at least one passing
#       and no failed or errored WAF or DDoS check.
#   decisions:
#     - Network services are recognised by the Supplier type network-service and by Assets of type
#       network that name a supplier; a network asset we run ourselves needs no contract.
#     - "TLS checks carry the enforced floor in their check id (lib/network convention tls_M_m,
#       tls_M_m_or_higher or tls_min_version_M_m, e.g. elbv2_listener_tls_1_2_or_higher), since
#       a TestRun result has no field for a version. A passing check of a floor below
#       min_tls_version proves nothing and does not count; a failing check of a floor above it
#       (say TLS 1.3 only) is not a failure of our minimum."
#     - R3 accepts either protection, as the model writes WAF/DDoS; checks are recognised by waf,
#       ddos or shield in the check id, or by a TestRun of type waf or ddos.
#     - Freshness uses config_scan_days (the model says 7 days; no parameter is named for 8.21).
#     - R2 and 8.24 R3 share the TLS verdict of lib/network, so both controls report the same
#       endpoints.
package annexa.iso27001.a8_21

import data.annexa.lib.network
import data.annexa.lib.ops
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: network services inventoried and contracted with security requirements.

_service_suppliers_p contains records.ref(s) if {
	some s in records.of("Supplier")
	s.supplier_type == "network-service"
	physical.active_supplier(records.ref(s), input.as_of)
}

_network_assets_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "network"
	ops.active_asset(a)
	a.supplier
}

# _supplied maps a Supplier ref to the active assets it supplies.
_supplied := {k: vs |
	some k in {x[0] | some x in _supplied_rows}
	vs := {x[1] | some x in _supplied_rows; x[0] == k}
}

_supplied_rows := {[a.supplier, records.ref(a)] |
	some a in records.of("Asset")
	ops.active_asset(a)
	a.supplier
}

_contracted := _service_suppliers | {records.get(ref).supplier | some ref in _network_assets}

_r1_population := _service_suppliers | _network_assets

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _service_suppliers
	not _supplied[ref]
	msg := sprintf(
		"%s provides a network service but no active Asset names it as supplier: inventory the service as an Asset",
		[ref],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(records.get(ref), "supplier")]) if {
	some ref in _network_assets
	not records.exists(records.get(ref).supplier)
	msg := sprintf(
		"%s names supplier %s, which has no Supplier record: record the provider",
		[ref, records.get(ref).supplier],
	)
}

_security_clause(s) if "security-requirements" in s.contract.clauses

_r1_items_p contains result.fail("R1", msg, [records.at(s, "contract.clauses")]) if {
	some ref in _contracted
	s := records.get(ref)
	not _security_clause(s)
	msg := sprintf(
		"%s provides network services (%s) but its contract does not list security-requirements: agree security terms",
		[ref, concat(", ", sort(object.get(_supplied, ref, {"no asset"})))],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every network service is inventoried and contracted with security requirements",
		_r1_population, _r1_items,
	)
}

# --- R2: internet endpoints refuse TLS below min_tls_version.

_r2_items_p contains result.fail("R2", network.tls_problem(ref), [ref]) if {
	some ref in network.internet_facing
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"every internet-facing asset refuses TLS below %v in a check of the last %d days",
			[input.params.min_tls_version, input.params.config_scan_days],
		),
		network.internet_facing, _r2_items,
	)
}

# --- R3: WAF or DDoS protection on important internet-facing assets.

_r3_population := {ref |
	some ref in network.internet_facing
	records.get(ref).criticality in {"high", "critical"}
}

_last(ref) := max({d | some t in {"waf", "ddos"}; d := network.last_day(t, ref)})

_obs(ref) := {o | some t in {"waf", "ddos"}; some o in network.latest(t, ref); o.day == _last(ref)}

_r3_problem(ref) := msg if {
	not _fresh(ref)
	msg := sprintf(
		concat("", [
			"%s is internet facing with criticality %s and has no WAF or DDoS protection ",
			"check in the last %d days (config_scan_days): protect it and scan the setting",
		]),
		[ref, records.get(ref).criticality, input.params.config_scan_days],
	)
} else := msg if {
	bad := {o | some o in _obs(ref); o.status in network.failed}
	count(bad) > 0
	msg := sprintf(
		"%s fails its WAF or DDoS protection check of %s (%s): enable the protection",
		[ref, _last(ref), network.checks_text(bad)],
	)
} else := msg if {
	count({o | some o in _obs(ref); o.status == "pass"}) == 0
	msg := sprintf(
		"%s has no passing WAF or DDoS protection check on %s (%s): enable the protection",
		[ref, _last(ref), network.checks_text(_obs(ref))],
	)
}

_fresh(ref) if network.fresh("waf", ref, input.params.config_scan_days)

_fresh(ref) if network.fresh("ddos", ref, input.params.config_scan_days)

_r3_items_p contains result.fail("R3", _r3_problem(ref), [ref]) if {
	some ref in _r3_population
}

findings contains f if {
	some f in result.check(
		"R3", "every important internet-facing asset has WAF or DDoS protection enabled",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_service_suppliers := _service_suppliers_p

_network_assets := _network_assets_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
