# METADATA
# title: Information access restriction
# description: >-
#   Data stores holding anything but public information are shown not to be reachable by the
#   public in a recent cloud posture scan, accounts defined directly on the most sensitive data
#   stores belong to people in the roles allowed for that store, and findings about public or
#   external access are fixed within the vulnerability deadlines.
# scope: package
# custom:
#   control: iso27001:A.8.3
#   class: a
#   evidence: [Asset, Account, Person, Role, Document, TestRun, Finding, Exception]
#   rules:
#     R1: >-
#       Every active data-store Asset classified internal or above has public-access results (check_id
#       containing "public") in a cspm or config-benchmark TestRun performed within config_scan_days,
#       and in the latest run that reports them none has status fail or error unless a valid Exception
#       lists the asset.
#     R2: >-
#       Every enabled Account whose system is an active restricted data store (classification
#       restricted, or the top level of the current classification scheme) belongs to a person who
#       holds, at as-of, one of the Roles listed in the store's links.access_roles (the holder of a
#       human or auditor account, the service_owner of any other account).
#     R3: >-
#       Every misconfiguration Finding about public or external access (identifier containing
#       "public" or "external") that is open at as-of or was resolved within lookback_days meets the
#       A.8.8 deadline - first_seen_on + vuln_sla_days of its severity, earlier for known-exploited
#       catalogue dates - or is covered by a valid Exception; one due within at_risk_days is at risk.
#   decisions:
#     - '"Internal or above" is read against the levels of the current classification Document
#       (topic classification): a level listed before internal is below it; with no scheme, only public
#       is below internal. Unknown levels count as internal or above (fail-safe).'
#     - Check-id convention (lib/tech) - a public-access check is any result whose check_id contains
#       "public" (rds_instance_no_public_access, s3_bucket_public_access_block,
#       opensearch_domain_not_publicly_accessible); its status pass means the store is not public. A data
#       store that no recent scan reports on fails, since "not public" is then unproven.
#     - The schema has no field for the groups allowed on an Asset; R2 reads them from the envelope
#       links under the key access_roles (Role refs). Access granted through cloud IAM roles rather than
#       accounts defined on the store is outside R2 (A.5.15 and A.8.2 judge those accounts); with no
#       such account R2 is not exercised.
#     - 'A valid Exception (lib/tech): approved on or before as-of, not expired, approved by a holder of
#       exception_approver_roles other than the requester, valid at most exception_max_days - stricter
#       than A.8.8, which checks only approval, expiry and approver != requester.'
package annexa.iso27001.a8_3

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.tech
import rego.v1

_scan_types := {"cspm", "config-benchmark"}

_data_stores_p contains a if {
	some a in records.of("Asset")
	a.asset_type == "data-store"
	ops.active_asset(a)
}

# _levels are the levels of the current classification scheme, lowest first (empty without one).
_levels := records.get(min(refs)).levels if {
	refs := {ref |
		some ref in object.get(docs.current_by_topic, "classification", set())
		count(object.get(records.get(ref), "levels", [])) > 0
	}
	count(refs) > 0
} else := []

_rank(level) := i if {
	some i, x in _levels
	x == level
}

_below_internal(level) if level == "public"

_below_internal(level) if _rank(level) < _rank("internal")

_restricted(level) if level == "restricted"

_restricted(level) if {
	count(_levels) > 0
	level == _levels[count(_levels) - 1]
}

# --- R1: no data store above public is publicly accessible.

_r1_population := {records.ref(a) | some a in _data_stores; not _below_internal(a.classification)}

_days := input.params.config_scan_days

_public_pattern := `public`

# _idx indexes the results of the cloud posture scans.
_idx := tech.index(_scan_types)

_cutoff := dates.cutoff(_days)

# _public maps a data store to its latest public-access checks.
_public := {ref: cs | some ref in _r1_population; cs := tech.latest_in(_idx, ref, _public_pattern)}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not _checked(ref)
	msg := sprintf(
		"%s has no public-access check in a cloud posture scan of the last %d days (config_scan_days; last: %s): scan it",
		[ref, _days, _last_text(ref)],
	)
}

_checked(ref) if dates.since(tech.checks_on(_public[ref]), _cutoff)

_last_text(ref) := tech.checks_on(_public[ref])

_last_text(ref) := "never" if not _public[ref]

_r1_items_p contains result.fail("R1", msg, [o.at]) if {
	some ref in _r1_population
	_checked(ref)
	some o in _public[ref]
	o.status in tech.failed
	not tech.excepted(ref)
	msg := sprintf(
		concat("", [
			"%s (classification %s) is reported publicly accessible: %s %s on %s; ",
			"close public access or record an approved Exception",
		]),
		[ref, records.get(ref).classification, o.check_id, o.status, o.on],
	)
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"no data store classified internal or above is publicly accessible in a scan of the last %d days",
			[_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: accounts on restricted data stores only for the roles listed on the store.

_restricted_stores := {records.ref(a) | some a in _data_stores; _restricted(a.classification)}

_r2_accounts_p contains acc if {
	some acc in records.of("Account")
	acc.system in _restricted_stores
	access.active(acc)
}

_r2_population := {records.ref(acc) | some acc in _r2_accounts}

_allowed_roles(store) := {r | some r in object.get(object.get(records.get(store), "links", {}), "access_roles", [])}

_person(acc) := acc.holder if acc.account_type in {"human", "auditor"}

_person(acc) := acc.service_owner if not acc.account_type in {"human", "auditor"}

_permitted(acc) if {
	p := records.get(_person(acc))
	some role in _allowed_roles(acc.system)
	people.holds_on(p, role, input.as_of)
}

_r2_problem(acc) := sprintf("%s lists no access_roles in its links", [acc.system]) if {
	count(_allowed_roles(acc.system)) == 0
} else := sprintf("it has no %s", [_field(acc)]) if {
	not _person(acc)
} else := sprintf("%s holds none of %s", [_person(acc), concat(", ", sort(_allowed_roles(acc.system)))]) if {
	not _permitted(acc)
}

_field(acc) := "holder" if acc.account_type in {"human", "auditor"}

_field(acc) := "service_owner" if not acc.account_type in {"human", "auditor"}

_r2_items_p contains result.fail("R2", msg, [records.ref(acc)]) if {
	some acc in _r2_accounts
	problem := _r2_problem(acc)
	msg := sprintf(
		"%s gives access to restricted %s, but %s: list the allowed roles on the store or remove the account",
		[records.ref(acc), acc.system, problem],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every account on a restricted data store belongs to a holder of a role the store allows",
		_r2_population, _r2_items,
	)
}

# --- R3: external-access findings fixed within the A.8.8 deadlines.

_r3_findings_p contains f if {
	some f in records.of("Finding")
	f.finding_type == "misconfiguration"
	regex.match(`(?i)public|external`, object.get(f, "identifier", ""))
	tech.in_sla_period(f)
}

_r3_population := {records.ref(f) | some f in _r3_findings}

_r3_items_p contains item if {
	some f in _r3_findings
	item := tech.sla_item("R3", f)
}

findings contains f if {
	some f in result.check(
		"R3", "every public or external access finding was fixed within its deadline or is excepted",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_data_stores := _data_stores_p

_r1_items := _r1_items_p

_r2_accounts := _r2_accounts_p

_r2_items := _r2_items_p

_r3_findings := _r3_findings_p

_r3_items := _r3_items_p
