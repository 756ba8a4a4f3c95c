# METADATA
# title: Information transfer
# description: >-
#   Information leaves the organisation only under agreed rules: transfer rules are approved and
#   accepted by the people they address, suppliers who receive sensitive information are bound to
#   confidentiality (and to a data processing agreement for personal data), and a recent scan of the
#   mail and sharing settings shows no serious weakness that is not formally accepted.
# scope: package
# custom:
#   control: iso27001:A.5.14
#   class: a
#   evidence: [Document, Supplier, TestRun, Exception, Acknowledgement, Person, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current Document (published, approved for its version, not superseded) has the
#       topic information-transfer.
#     R2: >-
#       Every active Supplier (relationship started by as-of and not ended) whose data_access is
#       confidential, restricted or pii lists confidentiality in contract.clauses, and, when
#       data_access is pii, has a contract.dpa_signed_on on or before as-of.
#     R3: >-
#       A TestRun of the transfer channels (test_type mail-filter or dlp-config) exists; for each of
#       those test types that has been run, the latest run lies within config_scan_days and none of
#       its failing results of severity high or critical is without an Exception in force that names
#       the result (the run's results field), its resource or its check_id.
#     R4: >-
#       For every current information-transfer Document, at least ack_coverage_pct percent of the
#       active people in its audience acknowledged its current major version, counted as in 5.1 R4.
#   decisions:
#     - The order of data_access is none < internal < confidential < restricted < pii, so
#       "confidential or above" is confidential, restricted and pii.
#     - The schema has no test type for transfer channels; mail-filter (mail transport security and
#       auto-forwarding) and dlp-config (external sharing) are taken to be those scans.
#     - An Exception counts when approved by as-of, not expired, valid for at most exception_max_days,
#       and approved by someone other than the requester who held one of exception_approver_roles on
#       the approval date (evidence-model 2.21). It must name the excepted item; a bare rule or control
#       id is not enough.
#     - R4 covers every current information-transfer document even when it sets
#       requires_acknowledgement false, since the control asks that the transfer rules are accepted.
package annexa.iso27001.a5_14

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current information-transfer document.

_rules := org.current_docs("information-transfer")

_r1_refs := _rules if count(_rules) > 0

_r1_refs := {ops.isms_ref} if count(_rules) == 0

findings contains f if {
	some f in result.require(
		"R1", count(_rules) > 0,
		"a current approved information-transfer document is in force",
		sprintf(
			"no current information-transfer document at %s: %s",
			[input.as_of, "publish a Document with topic information-transfer and approve its version"],
		),
		_r1_refs,
	)
}

# --- R2: suppliers with sensitive data are bound to confidentiality and a DPA.

_sensitive := {"confidential", "restricted", "pii"}

_ended(s) if dates.visible(s.relationship.end_on)

_r2_population_p contains records.ref(s) if {
	some s in records.of("Supplier")
	s.data_access in _sensitive
	dates.visible(s.relationship.start_on)
	not _ended(s)
}

_confidentiality(s) if "confidentiality" in s.contract.clauses

_dpa(s) if dates.visible(s.contract.dpa_signed_on)

_r2_items_p contains result.fail("R2", msg, [records.at(s, "contract.clauses")]) if {
	some ref in _r2_population
	s := records.get(ref)
	not _confidentiality(s)
	msg := sprintf(
		"%s can reach %s data but its contract lists no confidentiality clause: add one to the contract",
		[ref, s.data_access],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(s, "contract.dpa_signed_on")]) if {
	some ref in _r2_population
	s := records.get(ref)
	s.data_access == "pii"
	not _dpa(s)
	msg := sprintf(
		"%s processes personal data but no data processing agreement is signed (contract.dpa_signed_on: %s): sign one",
		[ref, object.get(object.get(s, "contract", {}), "dpa_signed_on", "none")],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every supplier with confidential or personal data is bound to confidentiality and, for personal data, a DPA",
		_r2_population, _r2_items,
	)
}

# --- R3: the latest scans of the transfer channels show no unexcepted serious failure.

_scan_types := {"mail-filter", "dlp-config"}

_runs_p contains t if {
	some t in records.of("TestRun")
	t.test_type in _scan_types
	dates.visible(t.performed_on)
}

# _latest_day maps each transfer scan type that was run to the day of its latest run.
_latest_day := {kind: day |
	some kind in {t.test_type | some t in _runs}
	day := dates.latest({t.performed_on | some t in _runs; t.test_type == kind})
}

_r3_population_p contains records.ref(t) if {
	some t in _runs
	dates.day(t.performed_on) == _latest_day[t.test_type]
}

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_runs) == 0
	msg := sprintf(
		"no scan of the transfer channels (TestRun of type mail-filter or dlp-config) by %s: %s",
		[input.as_of, "scan mail transport security, auto-forwarding and external sharing settings"],
	)
}

_recent(day) if dates.within(day, input.params.config_scan_days)

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some kind, day in _latest_day
	not _recent(day)
	some ref in _r3_population
	records.get(ref).test_type == kind
	msg := sprintf(
		"the latest %s scan %s ran on %s, more than %d days (config_scan_days) before %s: run it again",
		[kind, ref, day, input.params.config_scan_days, input.as_of],
	)
}

_r3_items_p contains result.fail("R3", msg, [field]) if {
	some ref in _r3_population
	t := records.get(ref)
	some i, r in object.get(t, "results", [])
	r.status == "fail"
	object.get(r, "severity", "") in {"high", "critical"}
	field := records.at(t, sprintf("results.%d", [i]))
	check := object.get(r, "check_id", field)
	not org.excepted({field, object.get(r, "resource", field), check})
	msg := sprintf(
		"%s fails %s on %s (%s) without an exception in force: fix the setting or record an Exception naming it",
		[ref, check, object.get(r, "resource", "(no resource)"), r.severity],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"the latest transfer-channel scans ran within %d days with no unexcepted high-severity failure",
			[input.params.config_scan_days],
		),
		_r3_population, _r3_items,
	)
}

# --- R4: the transfer rules are acknowledged by their audience.

findings contains f if {
	some f in result.check(
		"R4", sprintf(
			"at least %v%% of the audience of each information-transfer document acknowledged its current major version",
			[input.params.ack_coverage_pct],
		),
		_rules, org.ack_items("R4", _rules),
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r2_population := _r2_population_p

_r2_items := _r2_items_p

_runs := _runs_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
