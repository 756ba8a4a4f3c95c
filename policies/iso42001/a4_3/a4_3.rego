# METADATA
# title: Data resources
# description: >-
#   Every dataset an AI system in service relies on is recorded with the facts needed to manage
#   it (what it is for, who answers for it, how it is classified, where it came from, its content
#   digest, how long it is kept and what it does not represent well), and that record has been
#   written or reviewed recently.
# scope: package
# custom:
#   control: iso42001:A.4.3
#   class: a
#   evidence: [Dataset, AISystem]
#   rules:
#     R1: >-
#       Every Dataset referenced by an AI system in service (in its components.datasets, or naming
#       the system in its ai_systems) exists and records purpose, owner, classification,
#       acquisition.source_type, content_sha256, retention_days and known_limitations (the text
#       may be "none", but not empty).
#     R2: >-
#       The metadata of each such Dataset was written or reviewed within doc_review_days: the latest
#       of created_on, its reviews and its approvals is inside the window (at risk within
#       at_risk_days of the deadline).
#   decisions:
#     - An AI system is in service when its lifecycle has begun and it is not retired at as-of
#       (data.annexa.lib.ai.in_service); datasets of retired systems are out of scope.
#     - Both directions of the link count (AISystem.components.datasets and Dataset.ai_systems).
#     - Retention is the Dataset field retention_days; 0 is a recorded value.
#     - The owner must be present; whether that person is still active is left to the
#       role controls (A.3.2, A.4.6), since the model asks here only that the metadata is recorded.
#     - The model says "365 d or at each new version" without a parameter; doc_review_days is used,
#       and a new dataset version (its created_on) counts as writing its metadata afresh.
package annexa.iso42001.a4_3

import data.annexa.lib.ai
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# _used_by maps a Dataset ref to the AI systems in service that reference it.
_used_by := {k: vs |
	some k in {x[0] | some x in _used_by_rows}
	vs := {x[1] | some x in _used_by_rows; x[0] == k}
}

_used_by_rows := {[ref, sref] |
	some sref in ai.in_service_refs
	s := records.get(sref)
	some ref in object.get(object.get(s, "components", {}), "datasets", [])
} | {[records.ref(d), sref] |
	some d in records.of("Dataset")
	some sref in object.get(d, "ai_systems", [])
	sref in ai.in_service_refs
}

_population := {ref | some ref, _ in _used_by}

# --- R1: the metadata of each dataset is recorded.

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref, systems in _used_by
	not records.exists(ref)
	msg := sprintf("%s is referenced by %s but has no Dataset record: record it", [ref, concat(", ", sort(systems))])
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	d := records.get(ref)
	missing := [field[0] | some field in _required; not _recorded(d, field[1])]
	count(missing) > 0
	msg := sprintf(
		"%s (version %s) does not record %s: complete its metadata",
		[ref, object.get(d, "version", "?"), concat(", ", missing)],
	)
}

# _required names each required field with its path in the record, in the order messages list them.
_required := [
	["purpose", ["purpose"]],
	["owner", ["owner"]],
	["classification", ["classification"]],
	["acquisition.source_type", ["acquisition", "source_type"]],
	["content_sha256", ["content_sha256"]],
	["retention_days", ["retention_days"]],
	["known_limitations", ["known_limitations"]],
]

_recorded(d, path) if {
	v := object.get(d, path, null)
	v != null
	_filled(v)
}

_filled(v) if {
	is_string(v)
	trim_space(v) != ""
}

_filled(v) if is_number(v)

findings contains f if {
	some f in result.check(
		"R1",
		"every dataset of an AI system in service records purpose, owner, classification, source, digest, retention, limits",
		_population, _r1_items,
	)
}

# --- R2: the metadata was written or reviewed within doc_review_days.

_confirmed(d) := dates.latest(_written_or_reviewed(d))

_written_or_reviewed(d) := ({d.created_on} | {r.on | some r in object.get(d, "reviews", [])}) | records.approved_on(d)

_due(d) := dates.add_days(_confirmed(d), input.params.doc_review_days)

_r2_population := {ref | some ref in _population; records.exists(ref)}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	d := records.get(ref)
	_due(d) < input.as_of
	msg := sprintf(
		"the metadata of %s was last written or reviewed on %s, more than %d days ago (doc_review_days): review it",
		[ref, _confirmed(d), input.params.doc_review_days],
	)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	d := records.get(ref)
	not _confirmed(d)
	msg := sprintf("the metadata of %s has no creation, review or approval date by %s: review it", [ref, input.as_of])
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some ref in _r2_population
	d := records.get(ref)
	due := _due(d)
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("the metadata of %s is due for review on %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"the metadata of every dataset in use was written or reviewed within %d days",
			[input.params.doc_review_days],
		),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p
