# METADATA
# title: Documents
# description: >-
#   Which documents are current at the as-of date (published, approved for their version and
#   not superseded), when each was last reviewed, and current policies indexed by topic.
# scope: package
package annexa.lib.docs

import data.annexa.lib.dates
import data.annexa.lib.records
import rego.v1

# superseded is the set of Document refs replaced by a published later version.
_superseded_p contains d.supersedes if {
	some d in records.of("Document")
	d.supersedes
	dates.visible(d.published_on)
}

# version_approvals are the visible approving decisions that apply to the document's version.
version_approvals(d) := [a |
	some a in records.approvals(d)
	object.get(a, "version", d.version) == d.version
]

# approved_on is the first date the current version was approved; undefined when never.
approved_on(d) := min({a.on | some a in version_approvals(d)})

# current holds when a document is published, approved for its version and not superseded.
current(d) if {
	dates.visible(d.published_on)
	approved_on(d)
	not superseded[records.ref(d)]
}

# last_reviewed is the latest visible review or approval of the document.
last_reviewed(d) := dates.latest({r.on | some r in object.get(d, "reviews", [])} | {a.on | some a in version_approvals(d)})

# review_interval is the document's own interval or the default.
review_interval(d, default_days) := object.get(d, "review_interval_days", default_days)

# fresh holds when the document was reviewed within its interval.
fresh(d, default_days) if dates.within(last_reviewed(d), review_interval(d, default_days))

# current_by_topic maps a topic to the refs of current policies and topic policies on it.
current_by_topic := {k: vs |
	some k in {x[0] | some x in _current_by_topic_rows}
	vs := {x[1] | some x in _current_by_topic_rows; x[0] == k}
}

_current_by_topic_rows := {[d.topic, records.ref(d)] |
	some d in records.of("Document")
	d.doc_type in {"policy", "topic-policy"}
	current(d)
}

# current_of returns the refs of current documents of a type and topic.
current_of(doc_type, topic) := {records.ref(d) |
	some d in records.of("Document")
	d.doc_type == doc_type
	d.topic == topic
	current(d)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
superseded := _superseded_p
