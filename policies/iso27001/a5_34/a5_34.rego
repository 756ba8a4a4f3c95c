# METADATA
# title: Privacy and protection of personal identifiable information (PII)
# description: >-
#   Personal data is handled on a recorded basis: every system and dataset holding it states why,
#   on what legal ground, for how long and who answers for it; high-risk processing has an
#   approved impact assessment kept up to date with changes; suppliers receiving personal data
#   signed a processing agreement; privacy breaches are notified in time; and a current privacy
#   notice tells people how their data is used.
# scope: package
# custom:
#   control: iso27001:A.5.34
#   class: a
#   evidence:
#     [Asset, Dataset, Document, ChangeRecord, Supplier, Incident, LegalRequirement, Disclosure, ManagementSystem]
#   rules:
#     R1: >-
#       Every active Asset with pii.contains_pii true has pii.purpose, pii.lawful_basis,
#       pii.retention_days and an owner; every Dataset with pii.contains_pii true has a purpose,
#       pii.lawful_basis, retention_days and an owner.
#     R2: >-
#       Every active Asset with pii.privacy_risk high links (pii.dpia) a current, approved Document
#       whose latest review or approval lies within dpia_review_days and on or after the day the
#       latest significant ChangeRecord touching the asset went live (deployed_on, else go_live_on).
#     R3: Every active Supplier with data_access pii has contract.dpa_signed_on dated by the as-of date.
#     R4: >-
#       Every Incident of category privacy-breach classified as an incident, reported inside the
#       lookback window or still open, meets its notification duties as 5.26 R2 checks them (listed
#       notifications sent by their deadline; privacy-tagged legal duties listed).
#     R5: >-
#       A current privacy notice exists: a current Document with topic privacy-notice, or a
#       Disclosure published by the as-of date, not superseded, whose content_elements include
#       data-use.
#   decisions:
#     - >-
#       Dataset has no pii.purpose or pii.retention_days; its own purpose and retention_days fields
#       are used. Datasets have no retirement date, so all of them are checked.
#     - The DPIA needs no particular doc_type; being referenced from pii.dpia makes it the DPIA.
#     - >-
#       R4 reuses lib/incidents (the 5.26 R2 logic). An incident that has not been triaged yet but
#       is recorded as a privacy breach counts as an incident.
#     - >-
#       A Document with topic privacy (the internal privacy policy) is not a notice to data
#       subjects; the notice needs topic privacy-notice, or a Disclosure covering data use.
package annexa.iso27001.a5_34

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.incidents
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.suppliers
import rego.v1

# --- R1: records of processing complete.

_pii_assets_p contains a if {
	some a in records.of("Asset")
	ops.active_asset(a)
	a.pii.contains_pii == true
}

_pii_datasets_p contains d if {
	some d in records.of("Dataset")
	d.pii.contains_pii == true
}

_r1_population := {records.ref(a) | some a in _pii_assets} | {records.ref(d) | some d in _pii_datasets}

_blank(v) if v == null

_blank(v) if trim_space(sprintf("%v", [v])) == ""

_asset_gaps(a) := {label |
	some label, path in {
		"pii.purpose": ["pii", "purpose"], "pii.lawful_basis": ["pii", "lawful_basis"],
		"pii.retention_days": ["pii", "retention_days"], "owner": ["owner"],
	}
	_blank(object.get(a, path, null))
}

_dataset_gaps(d) := {label |
	some label, path in {
		"purpose": ["purpose"], "pii.lawful_basis": ["pii", "lawful_basis"],
		"retention_days": ["retention_days"], "owner": ["owner"],
	}
	_blank(object.get(d, path, null))
}

_r1_items_p contains result.fail("R1", msg, [records.at(a, "pii")]) if {
	some a in _pii_assets
	gaps := _asset_gaps(a)
	count(gaps) > 0
	msg := sprintf(
		"%s holds personal data but records no %s: complete its record of processing",
		[records.ref(a), concat(", ", sort(gaps))],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.ref(d)]) if {
	some d in _pii_datasets
	gaps := _dataset_gaps(d)
	count(gaps) > 0
	msg := sprintf(
		"%s holds personal data but records no %s: complete its record of processing",
		[records.ref(d), concat(", ", sort(gaps))],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every system and dataset holding personal data records its purpose, legal basis, retention and owner",
		_r1_population, _r1_items,
	)
}

# --- R2: high-risk processing covered by a current, reviewed DPIA.

_r2_population_p contains records.ref(a) if {
	some a in _pii_assets
	a.pii.privacy_risk == "high"
}

_live_on(c) := dates.day(c.deployed_on)

_live_on(c) := dates.day(c.go_live_on) if not c.deployed_on

# _changed maps an asset ref to the days significant changes touching it went live.
_changed := {k: vs |
	some k in {x[0] | some x in _changed_rows}
	vs := {x[1] | some x in _changed_rows; x[0] == k}
}

_changed_rows := {[x, _live_on(c)] |
	some c in records.of("ChangeRecord")
	c.significant == true
	dates.visible(_live_on(c))
	some x in c.systems
}

_dpia(a) := records.get(a.pii.dpia)

_current_dpia(a) if docs.current(_dpia(a))

_reviewed(a) := docs.last_reviewed(_dpia(a))

_fresh(a) if dates.within(_reviewed(a), input.params.dpia_review_days)

_shown_review(a) := _reviewed(a)

_shown_review(a) := "never" if not _reviewed(a)

_last_change(ref) := dates.latest(_changed[ref])

_after_change(ref, _) if not _changed[ref]

_after_change(ref, a) if _reviewed(a) >= _last_change(ref)

_r2_items_p contains result.fail("R2", msg, [records.at(a, "pii.dpia")]) if {
	some ref in _r2_population
	a := records.get(ref)
	not _current_dpia(a)
	msg := sprintf(
		"%s is high privacy risk but pii.dpia (%s) is not a current approved Document: complete and approve the DPIA",
		[ref, object.get(a, ["pii", "dpia"], "none")],
	)
}

_r2_items_p contains result.fail("R2", msg, [a.pii.dpia]) if {
	some ref in _r2_population
	a := records.get(ref)
	_current_dpia(a)
	not _fresh(a)
	msg := sprintf(
		"%s, the DPIA of %s, was last reviewed on %s, more than dpia_review_days (%d) ago: review it",
		[a.pii.dpia, ref, _shown_review(a), input.params.dpia_review_days],
	)
}

_r2_items_p contains result.fail("R2", msg, [a.pii.dpia]) if {
	some ref in _r2_population
	a := records.get(ref)
	_current_dpia(a)
	_fresh(a)
	not _after_change(ref, a)
	msg := sprintf(
		"%s, the DPIA of %s, was last reviewed on %s, before a significant change went live on %s: review it for that change",
		[a.pii.dpia, ref, _reviewed(a), _last_change(ref)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every high-risk processing has a current DPIA reviewed in time and since its last significant change",
		_r2_population, _r2_items,
	)
}

# --- R3: data processing agreements with suppliers receiving personal data.

_r3_population_p contains records.ref(s) if {
	some s in records.of("Supplier")
	suppliers.active(s)
	s.data_access == "pii"
}

_dpa(s) if dates.visible(s.contract.dpa_signed_on)

_r3_items_p contains result.fail("R3", msg, [records.at(s, "contract")]) if {
	some ref in _r3_population
	s := records.get(ref)
	not _dpa(s)
	msg := sprintf(
		"%s receives personal data but has no data processing agreement signed by %s: sign one and record dpa_signed_on",
		[ref, input.as_of],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every supplier receiving personal data signed a data processing agreement",
		_r3_population, _r3_items,
	)
}

# --- R4: privacy breaches notified in time (5.26 R2 logic).

_breaches_p contains iref if {
	some iref in incidents.duty_incidents
	records.get(iref).category == "privacy-breach"
}

_r4_population := {d | some iref in _breaches; some d in object.get(incidents.duties, iref, set())}

_r4_items_p contains result.fail("R4", p.message, [p.ref]) if {
	some p in incidents.problems
	p.incident in _breaches
	p.outcome == "fail"
}

_r4_items_p contains result.at_risk("R4", p.message, [p.ref]) if {
	some p in incidents.problems
	p.incident in _breaches
	p.outcome == "at_risk"
}

findings contains f if {
	some f in result.check("R4", "every privacy breach was notified by its deadlines", _r4_population, _r4_items)
}

# --- R5: a current privacy notice.

_superseded_disclosures_p contains d.supersedes if {
	some d in records.of("Disclosure")
	d.supersedes
	dates.visible(d.published_on)
}

_notices := {records.ref(d) |
	some d in records.of("Disclosure")
	"data-use" in object.get(d, "content_elements", [])
	dates.visible(d.published_on)
	not records.ref(d) in _superseded_disclosures
} | {records.ref(d) |
	some d in records.of("Document")
	object.get(d, "topic", "") == "privacy-notice"
	docs.current(d)
}

_r5_ok if {
	count(_notices) > 0
} else := false

_r5_refs := _notices if _r5_ok

_r5_refs := {ops.isms_ref} if not _r5_ok

findings contains f if {
	some f in result.require(
		"R5", _r5_ok,
		"a current privacy notice tells people how their data is used",
		concat("", [
			"no current privacy notice: publish a Document with topic privacy-notice, or a Disclosure whose ",
			"content_elements include data-use",
		]),
		_r5_refs,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_pii_assets := _pii_assets_p

_pii_datasets := _pii_datasets_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p

_breaches := _breaches_p

_r4_items := _r4_items_p

_superseded_disclosures := _superseded_disclosures_p
