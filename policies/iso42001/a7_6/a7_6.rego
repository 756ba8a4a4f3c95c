# METADATA
# title: Data preparation
# description: >-
#   Datasets derived for training record each preparation step with the code that ran it,
#   labelled datasets record how labels were made and how well labellers agreed (at least the
#   organization's minimum), and data is prepared under a data procedure that sets out which
#   preparation methods are allowed.
# scope: package
# custom:
#   control: iso42001:A.7.6
#   class: a
#   evidence: [Dataset, Document, AISystem, ModelRecord, ManagementSystem]
#   rules:
#     R1: >-
#       Every training or fine-tuning Dataset in use that is derived from other datasets
#       (lineage.parents not empty) lists preparation.steps, and every step has a
#       lineage.transformations entry of the same name with a non-empty code_ref.
#     R2: >-
#       Every Dataset in use with a preparation.labelling record names the labelling method and an
#       agreement_metric, and its agreement_value is a number of at least min_label_agreement.
#     R3: >-
#       When a Dataset in use records preparation steps, a current AI data-management procedure
#       (topic ai-data-management, published, approved, not superseded) confirms with
#       content_flags.allowed_preparation_methods that it lists the allowed preparation methods.
#   decisions:
#     - Datasets in use are those an AI system in service references and those a deployed model
#       was trained or evaluated on (data.annexa.lib.ai3), as in A.7.2 to A.7.4.
#     - A step's code reference is found by name in lineage.transformations, the only place the
#       schema keeps code references; a step done by hand needs an entry pointing at its written
#       instruction.
#     - The schema keeps no list of allowed methods, so whether each step is one of them cannot be
#       checked; R3 checks what can be - that a current procedure exists whose approver confirmed
#       it lists the allowed methods - and the auditor compares the steps with that list. The
#       procedure in force today is used, since earlier versions are often not in the bundle.
package annexa.iso42001.a7_6

import data.annexa.lib.ai3
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_steps(d) := object.get(d, ["preparation", "steps"], [])

_transformations(d) := object.get(d, ["lineage", "transformations"], [])

# --- R1: derived training datasets record their steps with code references.

_r1_population := {ref |
	some ref in ai3.datasets_recorded
	d := records.get(ref)
	d.purpose in {"training", "fine-tuning"}
	count(object.get(d, ["lineage", "parents"], [])) > 0
}

_coded(d) := {t.step | some t in _transformations(d); trim_space(object.get(t, "code_ref", "")) != ""}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	d := records.get(ref)
	count(_steps(d)) == 0
	msg := sprintf(
		"%s is derived from other datasets but records no preparation steps: list them in preparation.steps",
		[ref],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, sprintf("preparation.steps.%d", [i]))]) if {
	some ref in _r1_population
	d := records.get(ref)
	coded := _coded(d)
	some i, step in _steps(d)
	not step in coded
	msg := sprintf(
		"preparation step %s of %s has no code reference: add a lineage.transformations entry %s with its code_ref",
		[step, ref, step],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every derived training dataset in use records its preparation steps with code references",
		_r1_population, _r1_items,
	)
}

# --- R2: labelling method and agreement.

_r2_population := {ref | some ref in ai3.datasets_recorded; records.get(ref).preparation.labelling}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "preparation.labelling")]) if {
	some ref in _r2_population
	d := records.get(ref)
	l := d.preparation.labelling
	missing := [f | some f in ["method", "agreement_metric"]; trim_space(object.get(l, f, "")) == ""]
	count(missing) > 0
	msg := sprintf("%s is labelled but does not record the labelling %s: record them", [ref, concat(" and ", missing)])
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "preparation.labelling.agreement_value")]) if {
	some ref in _r2_population
	d := records.get(ref)
	l := d.preparation.labelling
	not _agreed(l)
	msg := sprintf(
		"%s records labeller agreement %v (%s), below min_label_agreement=%v or not measured: relabel or measure it",
		[ref, object.get(l, "agreement_value", "none"), object.get(l, "agreement_metric", "no metric"), _min],
	)
}

_min := input.params.min_label_agreement

_agreed(l) if {
	is_number(l.agreement_value)
	l.agreement_value >= _min
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every labelled dataset in use records its method and an agreement of at least %v", [_min]),
		_r2_population, _r2_items,
	)
}

# --- R3: a procedure lists the allowed preparation methods.

_r3_population := {ref | some ref in ai3.datasets_recorded; count(_steps(records.get(ref))) > 0}

_listing := {ref | some ref in ai3.data_procedures; records.get(ref).content_flags.allowed_preparation_methods == true}

_r3_items_p contains result.fail("R3", msg, refs) if {
	count(_r3_population) > 0
	count(_listing) == 0
	refs := {ai3.aims_ref} | ai3.data_procedures
	msg := sprintf(
		concat("", [
			"%d datasets in use record preparation steps, but no current AI data-management procedure confirms ",
			"the allowed preparation methods (content_flags.allowed_preparation_methods; current: %s): list them",
		]),
		[count(_r3_population), _names(ai3.data_procedures)],
	)
}

_names(refs) := concat(", ", sort(refs)) if count(refs) > 0

_names(refs) := "none" if count(refs) == 0

findings contains f if {
	some f in result.check(
		"R3",
		sprintf("the preparation of datasets in use is governed by %s, which lists the allowed methods", [_names(_listing)]),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
