# METADATA
# title: Data for development and enhancement of AI system
# description: >-
#   A data-management procedure for AI is in force and kept under review; every dataset used to
#   train or tune an AI system records how personal data in it is handled, how it is classified
#   and what it does not represent well; and every development dataset holding personal data
#   names the legal ground for using it.
# scope: package
# custom:
#   control: iso42001:A.7.2
#   class: a
#   evidence: [Document, Dataset, AISystem, ModelRecord, ManagementSystem]
#   rules:
#     R1: >-
#       A current AI data-management procedure exists (a Document of type procedure, policy,
#       topic-policy, standard or methodology with topic ai-data-management, published, approved
#       for its version and not superseded) that was reviewed or approved within its
#       review_interval_days, or doc_review_days when it sets none.
#     R2: >-
#       Every training or fine-tuning Dataset in use (referenced by an AI system in service, or
#       used by a model version deployed in the lookback window) records its personal-data handling
#       (pii.contains_pii true or false), a classification, and representativeness notes: a
#       non-empty known_limitations or a bias_analysis performed by as-of.
#     R3: >-
#       Every development Dataset in use (any purpose except production-input) whose
#       pii.contains_pii is true names a non-empty pii.lawful_basis.
#   decisions:
#     - The model names the document only as an AI data-management procedure; any controlled
#       document type that can carry a procedure is accepted, with topic ai-data-management.
#     - A current document follows the shared document rules; freshness uses the document's own
#       review_interval_days or doc_review_days, as for other controlled documents.
#     - Datasets in use are those an AI system in service references (both directions of the link)
#       and those a deployed model was trained or evaluated on (data.annexa.lib.ai3); datasets
#       referenced but not recorded are reported by A.4.3.
#     - R3 covers validation, test and evaluation sets too, since they are also data used to
#       develop the system and the lawful-basis duty does not depend on the purpose.
package annexa.iso42001.a7_2

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current, reviewed data-management procedure.

_fresh := {ref | some ref in ai3.data_procedures; docs.fresh(records.get(ref), input.params.doc_review_days)}

_r1_ok := count(_fresh) > 0

_r1_pass := sprintf("%s is the current AI data-management procedure, reviewed within its interval", [concat(
	", ",
	sort(_fresh),
)])

_r1_problem := sprintf(
	"no current AI data-management procedure at %s (topic ai-data-management, published, approved): publish one",
	[input.as_of],
) if {
	count(ai3.data_procedures) == 0
} else := sprintf(
	"the AI data-management procedure %s was last reviewed on %s, longer ago than its review interval: review it",
	[ref, docs.last_reviewed(records.get(ref))],
) if {
	ref := min(ai3.data_procedures)
} else := "the AI data-management procedure has never been reviewed: review it"

_r1_refs := ai3.data_procedures if count(ai3.data_procedures) > 0

_r1_refs := {ai3.aims_ref} if count(ai3.data_procedures) == 0

findings contains f if {
	some f in result.require("R1", _r1_ok, _r1_pass, _r1_problem, _r1_refs)
}

# --- R2: training datasets record PII handling, classification and representativeness.

_r2_population := {ref |
	some ref in ai3.datasets_recorded
	records.get(ref).purpose in {"training", "fine-tuning"}
}

_text(d, field) if trim_space(object.get(d, field, "")) != ""

_representative(d) if _text(d, "known_limitations")

_representative(d) if dates.visible(d.bias_analysis.performed_on)

_gaps(d) := [g |
	some g in ["pii.contains_pii", "classification", "known_limitations or bias_analysis"]
	_lacks(d, g)
]

_lacks(d, "pii.contains_pii") if not is_boolean(object.get(d, ["pii", "contains_pii"], null))

_lacks(d, "classification") if not _text(d, "classification")

_lacks(d, "known_limitations or bias_analysis") if not _representative(d)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	d := records.get(ref)
	gaps := _gaps(d)
	count(gaps) > 0
	msg := sprintf(
		"%s (%s, version %s) does not record %s: complete its data-management record",
		[ref, d.purpose, object.get(d, "version", "?"), concat(", ", gaps)],
	)
}

findings contains f if {
	some f in result.check(
		"R2",
		"every training dataset in use records PII handling, classification and what it does not represent well",
		_r2_population, _r2_items,
	)
}

# --- R3: datasets with personal data name a lawful basis.

_r3_population := {ref |
	some ref in ai3.datasets_recorded
	d := records.get(ref)
	ai3.development(d)
	d.pii.contains_pii == true
}

_r3_items_p contains result.fail("R3", msg, [records.at(d, "pii")]) if {
	some ref in _r3_population
	d := records.get(ref)
	trim_space(object.get(d.pii, "lawful_basis", "")) == ""
	msg := sprintf(
		"%s (%s) holds personal data but names no lawful basis: record pii.lawful_basis",
		[ref, d.purpose],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every development dataset in use that holds personal data names its lawful basis",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r2_items := _r2_items_p

_r3_items := _r3_items_p
