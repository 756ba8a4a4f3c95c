# METADATA
# title: Segregation of networks
# description: >-
#   Production runs apart from development, test and staging: no cloud account, project or
#   network holds both, a recent scan confirms the separation and finds no unapproved peering or
#   routes between them, and guests at our offices get a network of their own.
# scope: package
# custom:
#   control: iso27001:A.8.22
#   class: a
#   evidence: [Asset, TestRun, Site, Exception, ManagementSystem, Person]
#   rules:
#     R1: >-
#       Production and non-production Assets live apart. No cloud account, project, subscription
#       or VPC (taken from external_ids.cloud_arn, whose fifth field is the account, or from
#       external_ids account_id, project_id, subscription_id, vpc_id) holds both an active Asset
#       in environment prod and one in staging, test or dev; and every active cloud-account
#       Asset has a separation check within config_scan_days whose latest day passes.
#     R2: >-
#       Every active cloud-account Asset has a peering or route check within config_scan_days,
#       and no peering or route result of the latest check day of any resource checked within
#       config_scan_days failed, unless a valid Exception names the resource, its Asset or the
#       result, together with rule:8.22/R2 or the control (the approval of that peering).
#     R3: >-
#       Every in-scope Site of type office or coworking has guest_network_separated true.
#   decisions:
#     - R1 compares the containers the inventory states; an asset without a cloud ARN or container
#       id (an S3 bucket ARN has no account field) cannot be placed and is left to the scan. The
#       environment corp (internal IT) is neither production nor non-production here.
#     - Check ids follow lib/network (separation, segregation; peering, routing, route). A
#       separation check must be present and passing for each cloud account, since the inventory
#       alone cannot show that accounts are isolated.
#     - "The model's no unapproved peering needs evidence that peering was looked at: a cloud
#       account without a recent peering or route check fails R2 rather than passing on silence.
#       An approved peering is an Exception scoped to this rule or control (as in 8.20)."
#     - "R3 applies to offices and co-working spaces in the scope of the ISMS (lib/physical sites),
#       whoever runs them: a co-working operator's guest Wi-Fi still carries our visitors. A Site
#       that does not state guest_network_separated fails, so that silence is not taken as yes."
package annexa.iso27001.a8_22

import data.annexa.lib.network
import data.annexa.lib.ops
import data.annexa.lib.physical
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_days := input.params.config_scan_days

_cloud_accounts := {ref | some ref in network.perimeter; records.get(ref).asset_type == "cloud-account"}

# --- R1: production and non-production in separate containers.

# _classes maps an environment to its class (production or not); other environments have none.
_classes := {"prod": "prod", "staging": "non-prod", "test": "non-prod", "dev": "non-prod"}

_container_keys := {
	"account_id": "account", "project_id": "project",
	"subscription_id": "subscription", "vpc_id": "vpc",
}

# _containers returns the account, project or network ids an asset declares.
_containers(ids) := _arn_account(ids) | {sprintf("%s %s", [name, v]) |
	some k, v in ids
	name := _container_keys[k]
}

# _arn_account returns the account of a cloud ARN (its fifth field), when it has one.
_arn_account(ids) := {sprintf("account %s", [parts[4]])} if {
	parts := split(ids.cloud_arn, ":")
	count(parts) > 4
	parts[0] == "arn"
	parts[4] != ""
} else := set()

# _placed maps a container to the refs of the active assets in it, by environment class.
_placements := {[[c, class], records.ref(a)] |
	some a in records.of("Asset")
	class := _classes[a.environment]
	ids := a.external_ids
	network.in_use(a)
	some c in _containers(ids)
}

_placed := {key: refs |
	some key in {p[0] | some p in _placements}
	refs := {p[1] | some p in _placements; p[0] == key}
}

_r1_population := _cloud_accounts | {ref | some _, refs in _placed; some ref in refs}

_r1_items_p contains result.fail("R1", msg, [records.at(records.get(ref), "external_ids")]) if {
	some key, refs in _placed
	key[1] == "non-prod"
	prod := _placed[[key[0], "prod"]]
	some ref in refs
	msg := sprintf(
		"%s (%s) sits in %s together with production %s: move it to a non-production account or network",
		[ref, records.get(ref).environment, key[0], concat(", ", sort(prod))],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _cloud_accounts
	problem := network.verdict("separation", ref, _days, "environment separation")
	msg := sprintf("%s (config_scan_days %d): separate production from other environments and scan it", [problem, _days])
}

findings contains f if {
	some f in result.check(
		"R1", "production and non-production assets live in separate accounts or networks, as a recent scan confirms",
		_r1_population, _r1_items,
	)
}

# --- R2: no unapproved peering or routes.

_r2_population := _cloud_accounts | {t |
	some t in network.targets.peering
	startswith(t, "Asset/")
	network.fresh("peering", t, _days)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _cloud_accounts
	not network.fresh("peering", ref, _days)
	msg := sprintf(
		concat("", [
			"%s has no peering or route check in the last %d days ",
			"(config_scan_days; last: %s): scan its peering connections and routes",
		]),
		[ref, _days, network.last_text("peering", ref)],
	)
}

_routes_p contains o if {
	some t in network.targets.peering
	network.fresh("peering", t, _days)
	some o in network.latest_failed("peering", t)
}

_approved(o) if count(network.excepted("8.22", "R2", {o.resource, o.at} | ops.assets_named(o.resource))) > 0

_r2_items_p contains result.fail("R2", msg, [o.at]) if {
	some o in _routes
	not _approved(o)
	msg := sprintf(
		"%s reports %s as %s on %s (%s): remove the peering or route, or approve it with an Exception",
		[o.at, o.check_id, o.status, o.resource, o.day],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "no unapproved peering or route links production with other environments",
		_r2_population, _r2_items,
	)
}

# --- R3: guest networks at offices separated.

_offices_p contains ref if {
	some ref in physical.sites
	records.get(ref).site_type in {"office", "coworking"}
}

_r3_items_p contains result.fail("R3", msg, [records.at(records.get(ref), "guest_network_separated")]) if {
	some ref in _offices
	not records.get(ref).guest_network_separated == true
	msg := sprintf(
		"%s does not state guest_network_separated: true: give guests a network apart from ours and record it",
		[ref],
	)
}

findings contains f if {
	some f in result.check("R3", "guests at every office use a separate network", _offices, _r3_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_routes := _routes_p

_offices := _offices_p

_r3_items := _r3_items_p
