# METADATA
# title: Documented information
# description: >-
#   Documented information is under control: every document in force has an owner, a classification, a retention
#   period and an approval of its version, it is reviewed on schedule, every recorded version carries an approval
#   naming it, and documents that come from outside say where from.
# scope: package
# custom:
#   control: iso27001:7.5
#   class: a
#   evidence: [Document, Person]
#   rules:
#     R1: >-
#       Every Document of iso27001:2022 in force (published by the as-of date and not superseded by a published later
#       version) has an owner who is an active Person, a non-empty classification, retention_days and an approving
#       decision for its version (one whose version is the document's, or that names no version).
#     R2: >-
#       Every Document of R1 was reviewed, or had its version approved, within its review_interval_days
#       (policy_review_days for policies and topic policies without one, doc_review_days for other documents); a
#       review due within at_risk_days is at risk.
#     R3: >-
#       Every published Document of iso27001:2022, superseded versions included, has an approving decision, visible at
#       the as-of date, whose version equals the document's version.
#     R4: >-
#       Every published Document of iso27001:2022 with content_flags.external_origin true names the record it came
#       from in links.source (or links.origin), and each such reference resolves.
#   decisions:
#     - >-
#       R3, 'every version change in git carries a matching approval', needs the git history; the engine reads one
#       commit. Within one commit it is checked as: every Document record (each version is its own record, linked by
#       supersedes) has an approval entry whose version is exactly its version. An approval without a version counts
#       for R1 but not for R3.
#     - >-
#       Superseded documents are out of R1 and R2, being no longer in force, but in R3.
#     - >-
#       The schema has no field for external origin; R4 reads content_flags.external_origin and links.source (or
#       links.origin), and is not exercised when no document is flagged.
#     - >-
#       A document's own review_interval_days wins over the parameters: it is the interval the organisation set for
#       that document.
#     - >-
#       An owner who has left no longer controls the document, so R1 asks for an active owner. Id and version are
#       required by the schema and not checked again.
package annexa.iso27001.c7_5

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso27001:2022"

# --- R1: documents in force carry their control data.

findings contains f if {
	some f in result.check(
		"R1", support.control_summary(_std),
		support.in_force(_std), support.control_items("R1", _std),
	)
}

# --- R2: documents in force are reviewed within their interval.

findings contains f if {
	some f in result.check(
		"R2", support.review_summary(_std),
		support.in_force(_std), support.review_items("R2", _std),
	)
}

# --- R3: every version carries a matching approval.

findings contains f if {
	some f in result.check(
		"R3", support.version_summary(_std),
		support.published_docs(_std), support.version_items("R3", _std),
	)
}

# --- R4: documents of external origin name their source.

findings contains f if {
	some f in result.check(
		"R4", support.origin_summary(_std),
		support.origin_population(_std), support.origin_items("R4", _std),
	)
}
