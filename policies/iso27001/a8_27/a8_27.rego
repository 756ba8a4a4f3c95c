# METADATA
# title: Secure system architecture and engineering principles
# description: >-
#   The organisation keeps approved, regularly reviewed principles for building secure systems,
#   and applies them: every project and every significant change is threat-modelled or given an
#   architecture review before it goes live.
# scope: package
# custom:
#   control: iso27001:A.8.27
#   class: a
#   evidence: [Document, ChangeRecord, Activity, ManagementSystem]
#   rules:
#     R1: >-
#       A current (published, approved for its version, not superseded) Document with topic
#       secure-architecture or secure-engineering exists and was reviewed within its
#       review_interval_days (default doc_review_days).
#     R2: >-
#       Every production ChangeRecord of change_class project, or with significant true, that went
#       live within lookback_days (go_live_on, else deployed_on) has, on or before its go-live day,
#       a threat model (security_review.threat_model, a Document published by then) or an Activity
#       of activity_type architecture-review performed by then whose subject_refs name the change
#       or its threat model, or that the change lists in its links.
#   decisions:
#     - >-
#       The principles Document is found by topic (secure-architecture, as in the example bundle,
#       or secure-engineering), whatever its doc_type; the model names no topic for it.
#     - >-
#       The model's "reviewed within 365 d" is read as the document's own review_interval_days,
#       falling back to doc_review_days (default 365), like every other controlled document.
#     - >-
#       Production changes follow A.8.32 (environment prod, or no environment and a production
#       Asset among the systems); management-system changes never count.
#     - >-
#       A threat model counts when its Document was published on or before the go-live day; a
#       Document the bundle does not hold does not count. Dates are compared by day, so a review on
#       the go-live day counts as before it.
package annexa.iso27001.a8_27

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import rego.v1

# --- R1: current, reviewed secure architecture principles.

_topics := {"secure-architecture", "secure-engineering"}

_principles := {records.ref(d) |
	some d in records.of("Document")
	d.topic in _topics
	docs.current(d)
}

_reviewed := {ref | some ref in _principles; docs.fresh(records.get(ref), input.params.doc_review_days)}

_r1_refs := sort(_reviewed) if {
	count(_reviewed) > 0
} else := [records.at(records.get(ref), "reviews") | some ref in sort(_principles)] if {
	count(_principles) > 0
} else := [ops.isms_ref]

_last_reviewed := concat(", ", sort(days)) if {
	days := {docs.last_reviewed(records.get(ref)) | some ref in _principles}
	count(days) > 0
} else := "never"

_r1_fail := msg if {
	count(_principles) > 0
	msg := sprintf(
		concat("", [
			"the secure architecture principles %s were not reviewed within their review interval ",
			"(default doc_review_days %d; last review: %s): review them",
		]),
		[concat(", ", sort(_principles)), input.params.doc_review_days, _last_reviewed],
	)
} else := concat("", [
	"no current approved Document with topic secure-architecture or secure-engineering exists: ",
	"publish the principles",
])

findings contains f if {
	some f in result.require(
		"R1", count(_reviewed) > 0,
		sprintf("current secure architecture principles are in force and reviewed (%s)", [concat(", ", sort(_reviewed))]),
		_r1_fail, _r1_refs,
	)
}

# --- R2: threat model or architecture review before go-live.

_r2_population_p contains records.ref(c) if {
	some c in sdlc.production_changes
	_in_scope(c)
	dates.within(sdlc.go_live_day(c), input.params.lookback_days)
}

_in_scope(c) if c.change_class == "project"

_in_scope(c) if c.significant == true

# _reviews maps a subject ref to the days of the architecture reviews that name it.
_reviews := {k: vs |
	some k in {x[0] | some x in _reviews_rows}
	vs := {x[1] | some x in _reviews_rows; x[0] == k}
}

_reviews_rows := {[s, dates.day(a.performed_on)] |
	some a in records.of("Activity")
	a.activity_type == "architecture-review"
	dates.visible(a.performed_on)
	some s in a.subject_refs
}

_threat_model(c) := c.security_review.threat_model

# _evidence_days returns the days of everything that shows the change's design was reviewed:
# the threat model's publication, architecture reviews of the change or of its threat model,
# and architecture reviews the change links to.
_evidence_days(c) := (_model_days(c) | _review_days(c)) | _linked_days(c)

_model_days(c) := {dates.day(d.published_on) | d := records.get(_threat_model(c)); d.kind == "Document"}

_review_days(c) := {d |
	some s in ({records.ref(c)} | {m | m := _threat_model(c)})
	some d in object.get(_reviews, s, set())
}

_linked_days(c) := {dates.day(a.performed_on) |
	some group in object.get(c, "links", {})
	some x in group
	a := records.get(x)
	a.kind == "Activity"
	a.activity_type == "architecture-review"
	dates.visible(a.performed_on)
}

_reviewed_by(c, day) if {
	some d in _evidence_days(c)
	d <= day
}

_r2_items_p contains result.fail("R2", msg, [_at(c)]) if {
	some ref in _r2_population
	c := records.get(ref)
	day := sdlc.go_live_day(c)
	not _reviewed_by(c, day)
	msg := sprintf(
		concat("", [
			"%s (%s) went live on %s without a threat model or architecture review dated on or before that day%s: ",
			"threat-model changes and review their architecture before go-live",
		]),
		[ref, _kind_text(c), day, _found_text(c)],
	)
}

_kind_text(c) := "project" if c.change_class == "project"

_kind_text(c) := "significant change" if c.change_class != "project"

_found_text(c) := sprintf(" (the earliest is dated %s)", [min(_evidence_days(c))]) if {
	count(_evidence_days(c)) > 0
} else := ""

_at(c) := records.at(c, "security_review.threat_model") if _threat_model(c)

_at(c) := records.ref(c) if not _threat_model(c)

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every project and significant change that went live in the last %d days was threat-modelled or reviewed first",
			[input.params.lookback_days],
		),
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r2_population := _r2_population_p

_r2_items := _r2_items_p
