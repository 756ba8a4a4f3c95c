# METADATA
# title: AI systems in production, their versions, logs, data and owner attestations
# description: >-
#   Shared facts of the ISO/IEC 42001 operation, data, information and third-party controls:
#   which AI systems are in production, the model version live for each and its major version
#   (and since when that major version has been live), whether a disclosure or document covers
#   that major version, when a record was last published or reviewed, the current disclosures
#   of each system, which logging sources of a system are switched on, which datasets are in use
#   and by which models, the AI management system record and its current data-management
#   procedure, and attestations made by the owner of an AI system. Everything is indexed once
#   per query.
# scope: package
package annexa.lib.ai3

import data.annexa.lib.ai
import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.records
import rego.v1

# --- AI systems in production

# production holds when an AI system is in service at stage deployment or later.
production(s) if ai.reached(s, "deployment")

# production_refs is the set of AISystem refs in production at as-of.
_production_refs_p contains records.ref(s) if {
	some s in records.of("AISystem")
	production(s)
}

# --- live model versions

_retired_model(m) if dates.visible(m.retired_on)

# live maps an AISystem ref to the refs of its model versions live in production at as-of:
# deployed to production by as-of and not retired by then.
_live_p[m.ai_system] contains records.ref(m) if {
	some m in records.of("ModelRecord")
	ai.production_deployment(m)
	not _retired_model(m)
}

# current_model returns the live model version of an AI system deployed last (the greatest
# ref on the same day); undefined when no model version is live.
current_model(sref) := records.get(ref) if {
	refs := live[sref]
	last := max({ai.deploy_day(records.get(r)) | some r in refs})
	ref := max({r | some r in refs; ai.deploy_day(records.get(r)) == last})
}

# current_major returns the major version of the live model of an AI system.
current_major(sref) := ai.major(current_model(sref).model_version)

# _deployments maps an AISystem ref to [major, day] of each production deployment by as-of.
_deployments_p[m.ai_system] contains [ai.major(m.model_version), ai.deploy_day(m)] if {
	some m in records.of("ModelRecord")
	ai.production_deployment(m)
}

# major_since returns the day the current major version of an AI system first went live.
major_since(sref) := min({x[1] | some x in _deployments[sref]; x[0] == current_major(sref)})

# last_touched returns the latest visible day a record was published, reviewed or approved.
last_touched(r) := dates.latest(_touches(r))

_touches(r) := ({d | d := r.published_on} | {x.on | some x in object.get(r, "reviews", [])}) | records.approved_on(r)

# covers_major holds when a Disclosure states the current major version of the system as
# system_version_covered, or when a Document carries that major version or was published,
# reviewed or approved on or after the day that major version first went live.
covers_major(r, sref) if {
	r.kind == "Disclosure"
	ai.major(r.system_version_covered) == current_major(sref)
}

covers_major(r, sref) if {
	r.kind == "Document"
	ai.major(r.version) == current_major(sref)
}

covers_major(r, sref) if {
	r.kind == "Document"
	last_touched(r) >= major_since(sref)
}

# --- disclosures

_superseded_disclosures_p contains d.supersedes if {
	some d in records.of("Disclosure")
	d.supersedes
	dates.visible(d.published_on)
}

# disclosures maps an AISystem ref to the refs of the Disclosures about it that are published
# by as-of and not superseded by a published later one.
_disclosures_p[sref] contains records.ref(d) if {
	some d in records.of("Disclosure")
	dates.visible(d.published_on)
	not _superseded_disclosures[records.ref(d)]
	some sref in d.ai_systems
}

# --- logging sources

# log_sources maps a system ref to the refs of its LoggingSources.
_log_sources_p[s.system] contains records.ref(s) if {
	some s in records.of("LoggingSource")
}

# _log_checks maps a LoggingSource or system ref to the days a log-config TestRun named it.
_log_checks_p[target] contains dates.day(t.performed_on) if {
	some t in records.of("TestRun")
	t.test_type == "log-config"
	dates.visible(t.performed_on)
	some target in ({x | some x in t.scope} | {r.resource | some r in object.get(t, "results", [])})
}

# log_observed returns the last day a logging configuration was observed: its own observed_on
# or a log-config TestRun naming the source.
log_observed(s) := dates.latest({d | d := s.observed_on} | object.get(_log_checks, records.ref(s), set()))

# log_enabled holds when a logging configuration was observed within posture_max_age_days.
log_enabled(s) if dates.within(log_observed(s), input.params.posture_max_age_days)

# enabled_logs returns the refs of the switched-on LoggingSources of a system.
enabled_logs(sref) := {x | some x in object.get(log_sources, sref, set()); log_enabled(records.get(x))}

# --- datasets in use

# dataset_systems maps a Dataset ref to the AI systems in service that reference it (in
# components.datasets, or named in the dataset's ai_systems).
_dataset_systems_p[ref] contains sref if {
	some sref in ai.in_service_refs
	s := records.get(sref)
	some ref in object.get(s, ["components", "datasets"], [])
}

_dataset_systems_p[records.ref(d)] contains sref if {
	some d in records.of("Dataset")
	some sref in object.get(d, "ai_systems", [])
	sref in ai.in_service_refs
}

# dataset_models maps a Dataset ref to [ModelRecord ref, use, day] for each deployed model
# version trained (use training, day trained_on or else the deployment day) or evaluated (use
# evaluation, day of the evaluation) on it.
_dataset_models_p[x.dataset] contains [mref, "training", _trained_day(m)] if {
	some mref in ai.deployed_models
	m := records.get(mref)
	some x in object.get(m, ["training", "datasets"], [])
}

_dataset_models_p[r.dataset] contains [mref, "evaluation", dates.day(r.evaluated_on)] if {
	some mref in ai.deployed_models
	m := records.get(mref)
	some r in object.get(m, ["evaluation", "results"], [])
	r.dataset
}

_trained_day(m) := dates.day(m.training.trained_on)

_trained_day(m) := ai.deploy_day(m) if not m.training.trained_on

# datasets_in_use is the set of Dataset refs used by an AI system in service or by a model
# version deployed in the lookback window.
datasets_in_use := {ref | some ref, _ in dataset_systems} | {ref | some ref, _ in dataset_models}

# --- attestations by the owner of an AI system

# owner_attestations returns the refs of the valid attestations of a control that cover an AI
# system and were made by the system's owner (in any role they held that day).
owner_attestations(control, s) := {ref |
	some ref in attest.current(control, set(), records.ref(s))
	records.get(ref).attested_by == s.owner
}

# owner_why_not explains why an AI system has no valid attestation of a control by its owner.
owner_why_not(control, s) := msg if {
	others := attest.current(control, set(), records.ref(s))
	count(others) > 0
	msg := sprintf("%s attested by someone other than the system owner %s", [concat(", ", sort(others)), s.owner])
} else := attest.why_not(control, set(), records.ref(s))

# development holds when a dataset serves building or testing a model, not production input.
development(d) if d.purpose != "production-input"

# datasets_recorded is the set of Dataset refs in use that resolve to a Dataset record.
datasets_recorded := {ref | some ref in datasets_in_use; records.get(ref).kind == "Dataset"}

# --- the AI management system and its data procedure

# aims_ref is the reference of the AI management system record; when there is none it is the
# bare kind, so a failure still names something.
aims_ref := min(refs) if {
	refs := {records.ref(ms) | some ms in records.of("ManagementSystem"); ms.standard == "iso42001:2023"}
	count(refs) > 0
} else := "ManagementSystem"

# data_procedure_types are the document types that can hold the AI data-management procedure.
data_procedure_types := {"procedure", "policy", "topic-policy", "standard", "methodology"}

# data_procedures is the set of current Documents with topic ai-data-management.
_data_procedures_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type in data_procedure_types
	object.get(d, "topic", "") == "ai-data-management"
	docs.current(d)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
production_refs := _production_refs_p

live := _live_p

_deployments := _deployments_p

_superseded_disclosures := _superseded_disclosures_p

disclosures := _disclosures_p

log_sources := _log_sources_p

_log_checks := _log_checks_p

dataset_systems := _dataset_systems_p

dataset_models := _dataset_models_p

data_procedures := _data_procedures_p
