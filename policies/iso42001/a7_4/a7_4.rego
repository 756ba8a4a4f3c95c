# METADATA
# title: Quality of data for AI systems
# description: >-
#   Every dataset version a model in production was trained or evaluated on was checked against
#   stated quality criteria with limits, every criterion was met or its shortfall accepted by an
#   approved exception, and the check happened before the data was used.
# scope: package
# custom:
#   control: iso42001:A.7.4
#   class: a
#   evidence: [Dataset, ModelRecord, Exception]
#   rules:
#     R1: >-
#       Every Dataset named in training.datasets or in an evaluation result of a model version
#       deployed in the lookback window exists and has quality.criteria, each with a numeric
#       threshold and value, and every criterion has met true or is covered by an Exception that
#       names the Dataset (or Dataset#criterion name) in applies_to, was approved by someone other
#       than its requester by as-of and has not expired at as-of.
#     R2: >-
#       For every such use, the dataset's quality.checked_on lies on or before the day it was used:
#       the model's training.trained_on (else its deployment day) for training data, the evaluation
#       day of the result for evaluation data.
#   decisions:
#     - Deployed model versions are those of data.annexa.lib.ai.deployed (production, not retired
#       before the lookback window), as in A.6.2.4 and A.7.5.
#     - Only the datasets a model names directly count; their ancestors in the lineage are covered
#       by A.7.5 and A.7.6.
#     - The model compares the check with trained_on; for evaluation data the day that matters is
#       the evaluation, so that day is used.
#     - An exception follows the same test as the vulnerability exceptions of 27001 A.8.8
#       (approved by another person, not expired); the engine's own waiver rules stay separate.
package annexa.iso42001.a7_4

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_population := {ref | some ref, _ in ai3.dataset_models}

_criteria(d) := object.get(d, ["quality", "criteria"], [])

# --- R1: quality criteria with limits, all met or excepted.

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	not records.exists(ref)
	msg := sprintf(
		"%s is used by %s but has no Dataset record: record it with its quality checks",
		[ref, concat(", ", sort({x[0] | some x in ai3.dataset_models[ref]}))],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _population
	d := records.get(ref)
	count(_criteria(d)) == 0
	msg := sprintf(
		"%s (version %s) records no quality criteria: check it against criteria with thresholds and record the results",
		[ref, object.get(d, "version", "?")],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, sprintf("quality.criteria.%d", [i]))]) if {
	some ref in _population
	d := records.get(ref)
	some i, c in _criteria(d)
	not _measured(c)
	msg := sprintf(
		"quality criterion %s of %s has no numeric threshold or value: record both",
		[object.get(c, "name", "?"), ref],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, sprintf("quality.criteria.%d.met", [i]))]) if {
	some ref in _population
	d := records.get(ref)
	some i, c in _criteria(d)
	c.met != true
	not _excepted(ref, object.get(c, "name", ""))
	msg := sprintf(
		"quality criterion %s of %s is not met (value %v, threshold %v) and no approved exception covers it: fix the data",
		[object.get(c, "name", "?"), ref, object.get(c, "value", "none"), object.get(c, "threshold", "none")],
	)
}

_measured(c) if {
	is_number(c.threshold)
	is_number(c.value)
}

# _exceptions maps each applies_to entry to the Exceptions that name it.
_exceptions := {k: vs |
	some k in {x[0] | some x in _exceptions_rows}
	vs := {x[1] | some x in _exceptions_rows; x[0] == k}
}

_exceptions_rows := {[target, records.ref(e)] |
	some e in records.of("Exception")
	some target in e.applies_to
}

_excepted(ref, name) if {
	some target in {ref, concat("#", [ref, name])}
	some eref in _exceptions[target]
	e := records.get(eref)
	e.approved_by != e.requested_by
	dates.visible(e.approved_on)
	input.as_of <= dates.day(e.expires_on)
}

findings contains f if {
	some f in result.check(
		"R1", "every dataset of a deployed model meets its quality criteria or has an approved exception",
		_population, _r1_items,
	)
}

# --- R2: checked before use.

_r2_population := {ref | some ref in _population; records.exists(ref)}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	d := records.get(ref)
	not d.quality.checked_on
	msg := sprintf("%s has no quality check date (quality.checked_on): check it and record when", [ref])
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "quality.checked_on")]) if {
	some ref in _r2_population
	d := records.get(ref)
	checked := dates.day(d.quality.checked_on)
	some [mref, use, day] in ai3.dataset_models[ref]
	checked > day
	msg := sprintf(
		"%s was quality-checked on %s, after %s used it for %s on %s: check data before it is used",
		[ref, checked, mref, use, day],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every dataset of a deployed model was quality-checked before it was used",
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p
