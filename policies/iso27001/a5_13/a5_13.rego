# METADATA
# title: Labelling of information
# description: >-
#   Information carries the label of its classification: an approved labelling procedure is in
#   force, where tools apply labels (tag policies, sensitivity labels) a recent scan shows nearly
#   everything labelled, and the information security manager vouches in a current statement that
#   paper and physical items are labelled too.
# scope: package
# custom:
#   control: iso27001:A.5.13
#   class: b
#   evidence: [Document, TestRun, Attestation, Person, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current Document (published, approved for its version, not superseded) has the
#       topic labelling.
#     R2: >-
#       When labelling is checked by tools (any TestRun of test_type labelling visible at as-of), the
#       latest such run lies within config_scan_days and shows at least label_coverage_pct percent of
#       its items labelled (coverage.covered / coverage.in_scope, or else passing / judged results).
#     R3: >-
#       A valid Attestation of iso27001:A.5.13 (current, role held on the attestation date, at most
#       attestation_max_days long, exceptions handled) made as Role/isms-manager covers the labelling
#       of paper and physical information.
#   decisions:
#     - R1 accepts any doc_type on the topic labelling (procedure, standard, policy).
#     - R2 is not exercised when no labelling TestRun exists, which is how the bundle says labelling is
#       not tool-enforced. When several runs share the latest day, each is judged.
#     - A run without coverage figures and without judged results fails R2, as it shows nothing.
#     - R3 is the attestation rule of this class b control; the role is the one the model names (the IS
#       manager). Either spelling of the control id (iso27001:A.5.13 or iso27001:5.13) is accepted.
package annexa.iso27001.a5_13

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.org
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current labelling procedure.

_procedures := org.current_docs("labelling")

_r1_refs := _procedures if count(_procedures) > 0

_r1_refs := {ops.isms_ref} if count(_procedures) == 0

findings contains f if {
	some f in result.require(
		"R1", count(_procedures) > 0,
		"a current approved labelling procedure is in force",
		sprintf(
			"no current labelling procedure at %s: %s",
			[input.as_of, "publish a Document with topic labelling and approve its version"],
		),
		_r1_refs,
	)
}

# --- R2: tool-enforced labelling covers label_coverage_pct of items in a recent scan.

_runs_p contains t if {
	some t in records.of("TestRun")
	t.test_type == "labelling"
	dates.visible(t.performed_on)
}

_latest_day := dates.latest({t.performed_on | some t in _runs})

_r2_population_p contains records.ref(t) if {
	some t in _runs
	dates.day(t.performed_on) == _latest_day
}

# _pct is the labelled share of a run in percent, rounded to one decimal.
_pct(t) := round((t.coverage.covered * 1000) / t.coverage.in_scope) / 10 if {
	t.coverage.in_scope > 0
} else := round((count([r | some r in judged; r.status == "pass"]) * 1000) / count(judged)) / 10 if {
	judged := [r | some r in object.get(t, "results", []); r.status in {"pass", "fail"}]
	count(judged) > 0
}

_scanned_recently if dates.within(_latest_day, input.params.config_scan_days)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	not _scanned_recently
	msg := sprintf(
		"the latest labelling scan %s ran on %s, more than %d days (config_scan_days) before %s: run it again",
		[ref, _latest_day, input.params.config_scan_days, input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(t, "coverage")]) if {
	some ref in _r2_population
	t := records.get(ref)
	not _pct(t)
	msg := sprintf("%s gives neither coverage figures nor judged results: record how many items carry a label", [ref])
}

_r2_items_p contains result.fail("R2", msg, [records.at(t, "coverage")]) if {
	some ref in _r2_population
	t := records.get(ref)
	_pct(t) < input.params.label_coverage_pct
	msg := sprintf(
		"%s found %v%% of items labelled, below label_coverage_pct %v: label the missing items",
		[ref, _pct(t), input.params.label_coverage_pct],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"the latest labelling scan ran within %d days and found at least %v%% labelled",
			[input.params.config_scan_days, input.params.label_coverage_pct],
		),
		_r2_population, _r2_items,
	)
}

# --- R3: the IS manager attests to the labelling of paper and physical items.

_roles := {people.role_ref("isms-manager")}

_attested := org.attested("5.13", _roles)

_r3_refs := _attested if count(_attested) > 0

_r3_refs := {ops.isms_ref} if count(_attested) == 0

findings contains f if {
	some f in result.require(
		"R3", count(_attested) > 0,
		"a current attestation by the IS manager covers the labelling of paper and physical information",
		sprintf(
			"%s: have the IS manager attest that paper and physical information is labelled",
			[org.why_not_attested("5.13", _roles)],
		),
		_r3_refs,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_runs := _runs_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p
