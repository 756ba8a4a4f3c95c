# METADATA
# title: Information security for use of cloud services
# description: >-
#   Cloud services are used on documented terms: for each cloud provider we know which security
#   tasks are ours, how we would leave, and where our data lives; every cloud account is scanned
#   for misconfigurations on a weekly rhythm, serious misconfigurations are fixed within the
#   deadlines set for vulnerabilities or formally excepted, and a current cloud policy is in force.
# scope: package
# custom:
#   control: iso27001:A.5.23
#   class: a
#   evidence: [Supplier, Document, Asset, TestRun, Finding, Exception, ManagementSystem]
#   rules:
#     R1: >-
#       Every active Supplier with is_cloud_service true has cloud.shared_responsibility_doc and
#       cloud.exit_plan_doc naming Documents published by the as-of date, and a non-empty
#       cloud.data_locations.
#     R2: >-
#       Every active Asset of asset_type cloud-account was covered by a TestRun of test_type cspm
#       performed within config_scan_days: the run names it (a reference or external id in scope or
#       results, or a scope selector mentioning cloud-account) and does not list it in
#       coverage.missing.
#     R3: >-
#       Every Finding of finding_type misconfiguration with severity high or critical that came
#       from a cspm TestRun or sits on a cloud-account Asset, open at the as-of date or fixed inside
#       the lookback window, was fixed by first_seen_on + vuln_sla_days for its severity (the
#       catalogue due date when known exploited and earlier), or is covered by an approved,
#       unexpired Exception approved by someone other than its requester (due within at_risk_days:
#       at risk). Every failed high or critical result of a cspm run within config_scan_days is
#       tracked as such a Finding (same check id and resource, or the same run as source).
#     R4: >-
#       At least one current Document of doc_type topic-policy (or policy) with topic
#       cloud-services or cloud-use exists.
#   decisions:
#     - >-
#       The model names the policy topic cloud-use; the example bundle uses cloud-services. Both
#       are accepted.
#     - >-
#       Failing CSPM checks are judged as Findings (6.3: one Finding per check and resource, so the
#       first detection survives re-scans); a failed result that no Finding tracks fails R3, since
#       its deadline cannot be computed.
#     - R1 asks that the referenced documents exist and are published; their approval and review are 5.1/5.37 matters.
#     - The SLA logic is that of 8.8 R2, copied so the controls stay independent.
package annexa.iso27001.a5_23

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

# --- R1: cloud providers with shared responsibility, exit plan and data locations.

_r1_population_p contains records.ref(s) if {
	some s in records.of("Supplier")
	suppliers.active(s)
	s.is_cloud_service == true
}

_doc_fields := {"shared_responsibility_doc": "shared responsibility", "exit_plan_doc": "exit plan"}

_published(ref) if {
	startswith(ref, "Document/")
	dates.visible(records.get(ref).published_on)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, concat(".", ["cloud", field]))]) if {
	some ref in _r1_population
	s := records.get(ref)
	some field, label in _doc_fields
	not _published(object.get(s, ["cloud", field], ""))
	msg := sprintf(
		"%s is a cloud service without a published %s document (cloud.%s: %s): write it and link it",
		[ref, label, field, object.get(s, ["cloud", field], "none")],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(s, "cloud.data_locations")]) if {
	some ref in _r1_population
	s := records.get(ref)
	count(object.get(s, ["cloud", "data_locations"], [])) == 0
	msg := sprintf("%s is a cloud service with no cloud.data_locations: record where it keeps our data", [ref])
}

findings contains f if {
	some f in result.check(
		"R1", "every cloud service has a shared responsibility document, an exit plan and known data locations",
		_r1_population, _r1_items,
	)
}

# --- R2: cloud accounts covered by a CSPM scan within config_scan_days.

_cloud_accounts_p contains records.ref(a) if {
	some a in records.of("Asset")
	a.asset_type == "cloud-account"
	ops.active_asset(a)
}

_cspm_p contains t if {
	some t in records.of("TestRun")
	t.test_type == "cspm"
	dates.visible(t.performed_on)
}

_selects_cloud_accounts(t) if {
	some s in t.scope
	not startswith(s, "Asset/")
	contains(s, "cloud-account")
}

_named_by(t) := {x | some s in object.get(t, "scope", []); some x in ops.assets_named(s)} | {x |
	some r in object.get(t, "results", [])
	some x in ops.assets_named(object.get(r, "resource", ""))
}

_selected(t) := _named_by(t) | _cloud_accounts if _selects_cloud_accounts(t)

_selected(t) := _named_by(t) if not _selects_cloud_accounts(t)

_missing(t) := {x | some m in object.get(t, ["coverage", "missing"], []); some x in ops.assets_named(m)}

_covered := {k: vs |
	some k in {x[0] | some x in _covered_rows}
	vs := {x[1] | some x in _covered_rows; x[0] == k}
}

_covered_rows := {[a, dates.day(t.performed_on)] |
	some t in _cspm
	some a in (_selected(t) - _missing(t))
}

_covered_recently(a) if dates.within(dates.latest(_covered[a]), input.params.config_scan_days)

_last_covered(a) := dates.latest(_covered[a])

_last_covered(a) := "never" if not _covered[a]

_r2_items_p contains result.fail("R2", msg, [a]) if {
	some a in _cloud_accounts
	not _covered_recently(a)
	msg := sprintf(
		"%s is a cloud account not covered by a CSPM scan in the last %d days (config_scan_days; last covered: %s): scan it",
		[a, input.params.config_scan_days, _last_covered(a)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every cloud account was covered by a CSPM scan within %d days", [input.params.config_scan_days]),
		_cloud_accounts, _r2_items,
	)
}

# --- R3: serious misconfigurations fixed within the vulnerability SLA, and tracked.

_serious := {"high", "critical"}

_cspm_refs := {records.ref(t) | some t in _cspm}

_cloud_finding(f) if f.source in _cspm_refs

_cloud_finding(f) if f.asset in _cloud_accounts

_r3_findings_p contains records.ref(f) if {
	some f in records.of("Finding")
	f.finding_type == "misconfiguration"
	f.severity in _serious
	_cloud_finding(f)
	_in_period(f)
}

_in_period(f) if {
	dates.visible(f.first_seen_on)
	not _fixed(f)
}

_in_period(f) if {
	dates.visible(f.first_seen_on)
	dates.within(f.resolved_on, input.params.lookback_days)
}

_fixed(f) if dates.visible(f.resolved_on)

_due(f) := min({_sla_due(f)} | _catalogue_due(f))

_sla_due(f) := dates.add_days(f.first_seen_on, input.params.vuln_sla_days[f.severity])

_catalogue_due(f) := {f.catalogue_due_on} if f.known_exploited == true

_catalogue_due(f) := set() if not f.known_exploited == true

_excepted(f) if {
	some e in _exceptions_for(f)
	dates.visible(e.approved_on)
	input.as_of <= e.expires_on
	e.approved_by != e.requested_by
}

_exceptions_for(f) := {e | e := records.get(f.exception)} | {records.get(x) |
	some x in object.get(_exceptions_naming, records.ref(f), set())
}

# _exceptions_naming maps each item an Exception names in applies_to to the Exception refs.
_exceptions_naming := {k: vs |
	some k in {x[0] | some x in _exceptions_naming_rows}
	vs := {x[1] | some x in _exceptions_naming_rows; x[0] == k}
}

_exceptions_naming_rows := {[x, records.ref(e)] |
	some e in records.of("Exception")
	some x in object.get(e, "applies_to", [])
}

_r3_items_p contains result.fail("R3", msg, [records.at(f, "resolved_on")]) if {
	some ref in _r3_findings
	f := records.get(ref)
	_fixed(f)
	dates.day(f.resolved_on) > _due(f)
	msg := sprintf(
		"%s (%s misconfiguration of %s) was fixed on %s, after its deadline %s",
		[ref, f.severity, f.asset, dates.day(f.resolved_on), _due(f)],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _r3_findings
	f := records.get(ref)
	not _fixed(f)
	not _excepted(f)
	_due(f) < input.as_of
	msg := sprintf(
		"%s (%s misconfiguration of %s) is open and overdue since %s: fix it or record an approved exception",
		[ref, f.severity, f.asset, _due(f)],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [ref]) if {
	some ref in _r3_findings
	f := records.get(ref)
	not _fixed(f)
	not _excepted(f)
	ops.due_soon(_due(f))
	msg := sprintf("%s (%s misconfiguration of %s) is due on %s", [ref, f.severity, f.asset, _due(f)])
}

# _finding_keys indexes misconfiguration findings by [identifier, asset] and [identifier, source].
_finding_keys_p contains [f.identifier, f.asset] if {
	some f in records.of("Finding")
	f.finding_type == "misconfiguration"
}

_finding_keys_p contains [f.identifier, f.source] if {
	some f in records.of("Finding")
	f.finding_type == "misconfiguration"
}

_tracked(t, r) if [r.check_id, records.ref(t)] in _finding_keys

_tracked(_, r) if {
	some a in ops.assets_named(object.get(r, "resource", ""))
	[r.check_id, a] in _finding_keys
}

# _recent_failures maps the ref of each failed serious result of a recent cspm run to [run ref, index].
_recent_failures := {records.at(t, sprintf("results.%d", [i])): [records.ref(t), i] |
	some t in _cspm
	dates.within(t.performed_on, input.params.config_scan_days)
	some i, r in object.get(t, "results", [])
	r.status == "fail"
	object.get(r, "severity", "") in _serious
}

_r3_population := _r3_findings | {ref | some ref, _ in _recent_failures}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref, x in _recent_failures
	t := records.get(x[0])
	r := t.results[x[1]]
	not _tracked(t, r)
	msg := sprintf(
		"%s reported %s (%s) failing on %s, but no misconfiguration Finding tracks it: open one so its deadline runs",
		[records.ref(t), r.check_id, r.severity, object.get(r, "resource", "?")],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every high or critical cloud misconfiguration is tracked and was fixed within its SLA or excepted",
		_r3_population, _r3_items,
	)
}

# --- R4: a current cloud services policy.

_r4_population := {ref |
	some topic in ["cloud-services", "cloud-use"]
	some ref in object.get(docs.current_by_topic, topic, set())
}

_r4_items_p contains result.fail("R4", msg, [ops.isms_ref]) if {
	count(_r4_population) == 0
	msg := concat("", [
		"no current cloud services policy (Document, doc_type topic-policy, topic cloud-services or cloud-use, ",
		"published and approved for its version): write, approve and publish one",
	])
}

findings contains f if {
	some f in result.check("R4", "a current cloud services policy is in force", _r4_population, _r4_items)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_cloud_accounts := _cloud_accounts_p

_cspm := _cspm_p

_r2_items := _r2_items_p

_r3_findings := _r3_findings_p

_r3_items := _r3_items_p

_finding_keys := _finding_keys_p

_r4_items := _r4_items_p
