# METADATA
# title: Documentation of AI system design and development
# description: >-
#   Every model version in production during the lookback window points at the design document it
#   was built to and records how it was trained - the code commit, a digest of the training
#   configuration and the dataset versions by digest - and that design document was the approved
#   version in force when the model was trained.
# scope: package
# custom:
#   control: iso42001:A.6.2.3
#   class: a
#   evidence: [ModelRecord, Document]
#   rules:
#     R1: >-
#       Every deployed model version names in design_doc an existing Document of doc_type design, and,
#       when it was trained by the organization (it has a training block, or no base_model), records
#       training.code_commit, training.config_sha256 and at least one training dataset, each with a
#       sha256.
#     R2: >-
#       The design Document of every such model version was in force on its training.trained_on (the
#       deployment day when trained_on is missing) - published on or before that day, approved for its
#       version on or before it, and not yet superseded by a version published on or before it.
#   decisions:
#     - Deployed model versions are data.annexa.lib.ai.deployed (in production at some time in the
#       lookback window), the population of A.6.2.4 and A.7.5.
#     - A model used as supplied (a base_model and no training block) has no training of ours to
#       document; it still needs its design document (prompting, retrieval, filters), as in A.7.5.
#     - Whether each dataset digest matches its Dataset record is A.7.5 R1; here the digests must be
#       recorded.
#     - A model without training.trained_on is checked at its deployment day, the latest day its design
#       could have been in force for it.
package annexa.iso42001.a6_2_3

import data.annexa.lib.ai
import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := ai.deployed_models

_trained(m) if m.training

_trained(m) if not m.base_model

_filled(m, field) if trim_space(object.get(m, ["training", field], "")) != ""

_design(m) := d if {
	d := records.get(m.design_doc)
	d.doc_type == "design"
}

# --- R1: a design document and training metadata.

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	m := records.get(ref)
	not m.design_doc
	msg := sprintf(
		"%s (version %s) names no design_doc: link the design document it was built to",
		[ref, m.model_version],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, "design_doc")]) if {
	some ref in _population
	m := records.get(ref)
	is_string(m.design_doc)
	not _design(m)
	msg := sprintf(
		concat("", [
			"%s names design_doc %s, which is not an existing Document of doc_type design: ",
			"record it or fix the reference",
		]),
		[ref, m.design_doc],
	)
}

_r1_items_p contains result.fail("R1", msg, [_training_at(m)]) if {
	some ref in _population
	m := records.get(ref)
	_trained(m)
	missing := [f | some f in ["code_commit", "config_sha256"]; not _filled(m, f)]
	count(missing) > 0
	msg := sprintf(
		"%s (version %s) does not record training.%s: record how it was trained",
		[ref, m.model_version, concat(", training.", missing)],
	)
}

_training_at(m) := records.at(m, "training") if m.training

_training_at(m) := records.ref(m) if not m.training

_r1_items_p contains result.fail("R1", msg, [_training_at(m)]) if {
	some ref in _population
	m := records.get(ref)
	_trained(m)
	count(object.get(m, ["training", "datasets"], [])) == 0
	msg := sprintf("%s (version %s) lists no training datasets: record them with their sha256", [ref, m.model_version])
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, sprintf("training.datasets.%d", [i]))]) if {
	some ref in _population
	m := records.get(ref)
	_trained(m)
	some i, x in object.get(m, ["training", "datasets"], [])
	trim_space(object.get(x, "sha256", "")) == ""
	msg := sprintf("%s names training dataset %s without its sha256: pin the version used", [ref, x.dataset])
}

findings contains f if {
	some f in result.check(
		"R1", "every deployed model version links its design document and records its training metadata",
		_population, _r1_items,
	)
}

# --- R2: the design was in force when the model was trained.

_r2_population := {ref | some ref in _population; _design(records.get(ref))}

_trained_on(m) := dates.day(m.training.trained_on)

_trained_on(m) := ai.deploy_day(m) if not m.training.trained_on

_approved_by(d, day) if {
	some a in docs.version_approvals(d)
	a.on <= day
}

_not_in_force(m) := sprintf("it was published only on %s", [d.published_on]) if {
	d := _design(m)
	dates.day(d.published_on) > _trained_on(m)
} else := sprintf("its version %s was not approved by then", [d.version]) if {
	d := _design(m)
	day := _trained_on(m)
	not _approved_by(d, day)
} else := "a newer version had already been published by then" if {
	ai2.replaced_on(m.design_doc, _trained_on(m))
}

_r2_items_p contains result.fail("R2", msg, [records.at(m, "design_doc")]) if {
	some ref in _r2_population
	m := records.get(ref)
	why := _not_in_force(m)
	msg := sprintf(
		concat("", [
			"the design %s of %s was not in force when the model was trained on %s: %s; ",
			"link the design it was built to",
		]),
		[m.design_doc, ref, _trained_on(m), why],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "the design document of every deployed model version was in force when it was trained",
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p
