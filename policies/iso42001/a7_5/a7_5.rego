# METADATA
# title: Data provenance
# description: >-
#   Every model version in production during the lookback window names the datasets it was trained
#   on by content digest, and each digest matches the dataset record; every dataset in that lineage
#   records where it came from (its parent datasets or its outside sources) and the code of each
#   transformation; and the lineage graph is complete, pinned by digest and free of cycles.
# scope: package
# custom:
#   control: iso42001:A.7.5
#   class: a
#   evidence: [ModelRecord, Dataset]
#   rules:
#     R1: >-
#       Every deployed model version that was trained (it has a training block, or no base_model)
#       lists training.datasets, and each entry has a sha256 equal to the content_sha256 of the
#       Dataset record it names.
#     R2: >-
#       Every dataset in the lineage of those models (the training datasets and all their ancestors
#       through lineage.parents) has parents, or lineage.external_sources, or an acquisition record
#       saying where it came from (source_type with collection_method or supplier); a dataset with
#       parents records at least one transformation; and every recorded transformation has a
#       code_ref.
#     R3: >-
#       In that lineage every parent link names an existing Dataset, pins it with a sha256 equal to
#       the parent's content_sha256, and no dataset is its own ancestor.
#   decisions:
#     - Deployed model versions are data.annexa.lib.ai.deployed (production, not retired before the
#       lookback window), the same population as A.6.2.4.
#     - A model used as supplied (a base_model and no training block) has no training data of ours to
#       trace; it is left out of R1 and its provenance is the supplier's (A.10.3).
#     - R2 and R3 follow the whole ancestry, not only the direct training datasets, since provenance
#       must reach the original sources.
#     - For a dataset without parents the model asks for "recorded external sources"; an acquisition
#       record naming how or from whom the data was collected is accepted as such a record, so
#       internal exports need not repeat it in lineage.external_sources.
#     - A parent link without sha256 fails R3, since it does not pin which version of the parent
#       was used.
package annexa.iso42001.a7_5

import data.annexa.lib.ai
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: deployed models name their training data by content digest.

_r1_population_p contains ref if {
	some ref in ai.deployed_models
	_trained(records.get(ref))
}

_trained(m) if m.training

_trained(m) if not m.base_model

_training(m) := object.get(m, ["training", "datasets"], [])

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	m := records.get(ref)
	count(_training(m)) == 0
	msg := sprintf(
		"%s (version %s) lists no training datasets: name each by Dataset and sha256",
		[ref, m.model_version],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, sprintf("training.datasets.%d", [i]))]) if {
	some ref in _r1_population
	m := records.get(ref)
	some i, x in _training(m)
	not x.sha256
	msg := sprintf("%s names training dataset %s without its sha256: pin the version used", [ref, x.dataset])
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, sprintf("training.datasets.%d.dataset", [i]))]) if {
	some ref in _r1_population
	m := records.get(ref)
	some i, x in _training(m)
	not records.exists(x.dataset)
	msg := sprintf("%s was trained on %s, which has no Dataset record: record the dataset", [ref, x.dataset])
}

_r1_items_p contains result.fail("R1", msg, [records.at(m, sprintf("training.datasets.%d.sha256", [i]))]) if {
	some ref in _r1_population
	m := records.get(ref)
	some i, x in _training(m)
	d := records.get(x.dataset)
	x.sha256 != object.get(d, "content_sha256", "")
	msg := sprintf(
		"%s was trained on %s with sha256 %s, but the record has content_sha256 %s: record the version actually used",
		[ref, x.dataset, x.sha256, object.get(d, "content_sha256", "none")],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every deployed model names its training datasets by a content hash that matches the dataset record",
		_r1_population, _r1_items,
	)
}

# --- the lineage: training datasets of deployed models and all their ancestors.

_parents(d) := object.get(d, ["lineage", "parents"], [])

_parent_graph := {records.ref(d): {p.dataset | some p in _parents(d)} |
	some d in records.of("Dataset")
}

_direct := {x.dataset | some ref in _r1_population; some x in _training(records.get(ref))}

_lineage := graph.reachable(_parent_graph, _direct)

# --- R2: every dataset records its sources and the code of its transformations.

_transformations(d) := object.get(d, ["lineage", "transformations"], [])

_has_source(d) if count(_parents(d)) > 0

_has_source(d) if count(object.get(d, ["lineage", "external_sources"], [])) > 0

_has_source(d) if {
	d.acquisition.source_type
	some field in ["collection_method", "supplier"]
	trim_space(object.get(d.acquisition, field, "")) != ""
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _lineage
	d := records.get(ref)
	not _has_source(d)
	msg := sprintf(
		"%s records no parents, external sources or acquisition source: record where the data came from",
		[ref],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "lineage.parents")]) if {
	some ref in _lineage
	d := records.get(ref)
	count(_parents(d)) > 0
	count(_transformations(d)) == 0
	msg := sprintf(
		"%s is derived from %d parent datasets but records no transformation: record each step with its code_ref",
		[ref, count(_parents(d))],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, sprintf("lineage.transformations.%d", [i]))]) if {
	some ref in _lineage
	d := records.get(ref)
	some i, t in _transformations(d)
	trim_space(object.get(t, "code_ref", "")) == ""
	msg := sprintf(
		"transformation %s of %s has no code_ref: point at the code that ran it",
		[object.get(t, "step", "?"), ref],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every dataset in the lineage of deployed models records its sources and the code of its transformations",
		_lineage, _r2_items,
	)
}

# --- R3: the lineage graph resolves, is pinned by digest and has no cycles.

_r3_items_p contains result.fail("R3", msg, [records.at(d, sprintf("lineage.parents.%d.dataset", [i]))]) if {
	some ref in _lineage
	d := records.get(ref)
	some i, p in _parents(d)
	not records.exists(p.dataset)
	msg := sprintf("%s names parent %s, which has no Dataset record: record it or fix the reference", [ref, p.dataset])
}

_r3_items_p contains result.fail("R3", msg, [records.at(d, sprintf("lineage.parents.%d", [i]))]) if {
	some ref in _lineage
	d := records.get(ref)
	some i, p in _parents(d)
	records.exists(p.dataset)
	not p.sha256
	msg := sprintf("%s names parent %s without its sha256: pin the parent version used", [ref, p.dataset])
}

_r3_items_p contains result.fail("R3", msg, [records.at(d, sprintf("lineage.parents.%d.sha256", [i]))]) if {
	some ref in _lineage
	d := records.get(ref)
	some i, p in _parents(d)
	parent := records.get(p.dataset)
	p.sha256 != object.get(parent, "content_sha256", "")
	msg := sprintf(
		"%s pins parent %s at sha256 %s, but that record has content_sha256 %s: record the parent version actually used",
		[ref, p.dataset, p.sha256, object.get(parent, "content_sha256", "none")],
	)
}

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _lineage
	ref in graph.reachable(_parent_graph, _parent_graph[ref])
	msg := sprintf("%s is its own ancestor through lineage.parents: break the cycle", [ref])
}

findings contains f if {
	some f in result.check(
		"R3", "the lineage of every deployed model resolves, is pinned by content hash and has no cycles",
		_lineage, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
