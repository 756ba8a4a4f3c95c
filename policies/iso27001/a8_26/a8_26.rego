# METADATA
# title: Application security requirements
# description: >-
#   Security requirements are written down and approved before a new application or a project
#   goes live, and applications that process personal data or payment data are tied to the
#   legal and contractual requirements that apply to that data.
# scope: package
# custom:
#   control: iso27001:A.8.26
#   class: a
#   evidence: [ChangeRecord, Document, Asset, LegalRequirement]
#   rules:
#     R1: >-
#       Every production ChangeRecord of change_class project, or with new_app true, that went live
#       within lookback_days (go_live_on, else deployed_on) names a security requirements Document
#       in security_review.requirements_doc, and that Document carries an approving decision dated
#       on or before the go-live day.
#     R2: >-
#       Every active Asset of asset_type application or service that handles personal data
#       (pii.contains_pii true) is covered by a LegalRequirement tagged privacy, and every one that
#       handles payment data (a pii.categories entry containing payment, card or financial) by one
#       tagged payments, payment, pci or pci-dss. A LegalRequirement covers an asset when its
#       applies_to names the asset or all, or when the asset's links list it.
#   decisions:
#     - >-
#       A production change is one with environment prod, or without an environment and with a
#       production Asset among its systems (as in A.8.32); management-system changes never count.
#     - >-
#       The requirements Document counts with any approving decision on or before go-live, of any
#       version: a later revision of the same record must not turn a timely approval into a
#       failure. Its kind of document (specification, standard ...) is not checked.
#     - >-
#       Payment data is not a field of the model; R2 reads it from pii.categories. The tag list has
#       no payments tag yet, so payments, payment, pci and pci-dss are accepted.
#     - >-
#       A LegalRequirement that applies_to all covers every asset: the register states that the
#       requirement applies everywhere. Whether the register is complete is A.5.31's question.
#     - >-
#       "Applications" are Assets of type application and service, in any environment: a test
#       system holding personal data is bound by the same law.
package annexa.iso27001.a8_26

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import rego.v1

# --- R1: approved security requirements before go-live.

_new_feature(c) if c.change_class == "project"

_new_feature(c) if c.new_app == true

_r1_population_p contains records.ref(c) if {
	some c in sdlc.production_changes
	_new_feature(c)
	dates.within(sdlc.go_live_day(c), input.params.lookback_days)
}

_requirements(c) := c.security_review.requirements_doc

_first_approval(d) := min({a.on | some a in records.approvals(d)})

_approved_by(d, day) if _first_approval(d) <= day

_approval_text(d) := sprintf("first approved on %s", [_first_approval(d)])

_approval_text(d) := "never approved" if not _first_approval(d)

_r1_items_p contains result.fail("R1", msg, [_at_review(c)]) if {
	some ref in _r1_population
	c := records.get(ref)
	not _requirements(c)
	msg := sprintf(
		concat("", [
			"%s went live on %s without a security requirements document (security_review.requirements_doc): ",
			"write and approve the requirements before go-live",
		]),
		[ref, sdlc.go_live_day(c)],
	)
}

_at_review(c) := records.at(c, "security_review") if is_object(c.security_review)

_at_review(c) := records.ref(c) if not is_object(object.get(c, "security_review", null))

_document(ref) if records.get(ref).kind == "Document"

_r1_items_p contains result.fail("R1", msg, [records.at(c, "security_review.requirements_doc")]) if {
	some ref in _r1_population
	c := records.get(ref)
	doc := _requirements(c)
	not _document(doc)
	msg := sprintf("%s names the requirements document %s, which is not in the bundle: record it", [ref, doc])
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "security_review.requirements_doc")]) if {
	some ref in _r1_population
	c := records.get(ref)
	d := records.get(_requirements(c))
	d.kind == "Document"
	day := sdlc.go_live_day(c)
	not _approved_by(d, day)
	msg := sprintf(
		"%s went live on %s, but its requirements document %s was %s: approve the requirements before go-live",
		[ref, day, records.ref(d), _approval_text(d)],
	)
}

findings contains f if {
	some f in result.check(
		"R1",
		sprintf(
			"every new application and project that went live in the last %d days had approved security requirements",
			[input.params.lookback_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: applications with personal or payment data tied to their legal requirements.

_payment_tags := {"payments", "payment", "pci", "pci-dss"}

_needs := {k: vs |
	some k in {x[0] | some x in _needs_rows}
	vs := {x[1] | some x in _needs_rows; x[0] == k}
}

_needs_rows := {[records.ref(a), "privacy"] |
	some a in _applications
	a.pii.contains_pii == true
} | {[records.ref(a), "payments"] |
	some a in _applications
	some c in object.get(a, ["pii", "categories"], [])
	regex.match(`(?i)payment|card|financial`, c)
}

_applications_p contains a if {
	some a in records.of("Asset")
	a.asset_type in {"application", "service"}
	ops.active_asset(a)
}

_r2_population := {ref | some ref, _ in _needs}

# _area maps a LegalRequirement tag to the need it meets.
_area(tag) := "privacy" if tag == "privacy"

_area(tag) := "payments" if tag in _payment_tags

_areas(lr) := {_area(t) | some t in object.get(lr, "tags", [])}

_global_p contains area if {
	some lr in records.of("LegalRequirement")
	"all" in lr.applies_to
	some area in _areas(lr)
}

_covered := {k: vs |
	some k in {x[0] | some x in _covered_rows}
	vs := {x[1] | some x in _covered_rows; x[0] == k}
}

_covered_rows := {[target, area] |
	some lr in records.of("LegalRequirement")
	some target in lr.applies_to
	some area in _areas(lr)
} | {[ref, area] |
	some ref in _r2_population
	some group in object.get(records.get(ref), "links", {})
	some x in group
	lr := records.get(x)
	lr.kind == "LegalRequirement"
	some area in _areas(lr)
}

_has(_, area) if area in _global

_has(ref, area) if area in _covered[ref]

_tags_text := {"privacy": "privacy", "payments": "payments, payment, pci or pci-dss"}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref, areas in _needs
	some area in areas
	not _has(ref, area)
	msg := sprintf(
		concat("", [
			"%s handles %s data, but no LegalRequirement tagged %s applies to it (applies_to or the asset's links): ",
			"record the requirements that govern this data and link them",
		]),
		[ref, _data_text[area], _tags_text[area]],
	)
}

_data_text := {"privacy": "personal", "payments": "payment"}

findings contains f if {
	some f in result.check(
		"R2", "every application handling personal or payment data is covered by the legal requirements for that data",
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_applications := _applications_p

_global := _global_p

_r2_items := _r2_items_p
