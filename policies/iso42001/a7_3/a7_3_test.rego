package annexa.iso42001.a7_3_test

import data.annexa.iso42001.a7_3
import rego.v1

_params := {"lookback_days": 365, "disallowed_data_licenses": ["non-commercial", "unknown"]}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre", "technical_owner": "Person/sofia",
	"intended_use": "routing aid", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2024-03-04"}],
}

_dataset(id, purpose, acquisition) := {
	"kind": "Dataset", "id": id, "ai_systems": ["AISystem/triage"], "purpose": purpose, "version": "1",
	"content_sha256": id, "created_on": "2026-05-21", "owner": "Person/sofia", "classification": "confidential",
	"pii": {"contains_pii": false}, "acquisition": acquisition,
}

_own := {
	"source_type": "user-generated", "acquired_on": "2026-05-18",
	"collection_method": "export of closed tickets", "rights_basis": "contract",
}

_bought := {
	"source_type": "supplier", "supplier": "Supplier/labels-inc", "acquired_on": "2026-03-10",
	"collection_method": "annotated batch 7", "rights_basis": "license", "license_id": "CC-BY-4.0",
}

_supplier := {
	"kind": "Supplier", "id": "labels-inc", "supplier_type": "annotation", "criticality": "medium",
	"data_access": "internal", "relationship": {"start_on": "2026-01-01"}, "contract": {"signed_on": "2026-02-01"},
}

_records := {
	"AISystem": {"triage": _system},
	"Dataset": {
		"train": _dataset("train", "training", _own),
		"labels": _dataset("labels", "training", _bought),
		"live": object.remove(_dataset("live", "production-input", {}), ["acquisition"]),
	},
	"Supplier": {"labels-inc": _supplier},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_datasets(extra) := {"Dataset": object.union(object.remove(_records.Dataset, object.keys(extra)), extra)}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a7_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R1"
	f.refs == ["Dataset/labels", "Dataset/train"]
}

# --- R1

test_fail_r1_no_acquisition if {
	bare := object.remove(_dataset("train", "training", {}), ["acquisition"])
	fs := a7_3.findings with input as _input(_datasets({"train": bare}))
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train"]
	f.message == concat("", [
		"Dataset/train (training) does not record acquisition source_type, acquired_on, collection_method, ",
		"rights_basis: record where, when, how and by what right it was obtained",
	])
}

test_fail_r1_no_collection_method if {
	vague := _dataset("train", "training", object.remove(_own, ["collection_method"]))
	fs := a7_3.findings with input as _input(_datasets({"train": vague}))
	some f in _fails("R1", fs)
	f.refs == ["Dataset/train#acquisition"]
	contains(f.message, "does not record acquisition collection_method:")
}

# --- R2

test_fail_r2_supplier_not_named if {
	anon := _dataset("labels", "training", object.remove(_bought, ["supplier"]))
	fs := a7_3.findings with input as _input(_datasets({"labels": anon}))
	some f in _fails("R2", fs)
	f.message == "Dataset/labels came from a supplier but names none: record acquisition.supplier"
}

test_fail_r2_contract_signed_after_acquisition if {
	late := object.union(_supplier, {"contract": {"signed_on": "2026-03-11"}})
	fs := a7_3.findings with input as _input({"Supplier": {"labels-inc": late}})
	some f in _fails("R2", fs)
	f.refs == ["Dataset/labels#acquisition.supplier"]
	f.message == concat("", [
		"Dataset/labels was acquired on 2026-03-10 from Supplier/labels-inc, which had no signed contract by then ",
		"(signed_on 2026-03-11): sign one first",
	])
}

test_pass_r2_contract_signed_on_the_acquisition_day if {
	same := object.union(_supplier, {"contract": {"signed_on": "2026-03-10"}})
	fs := a7_3.findings with input as _input({"Supplier": {"labels-inc": same}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_relationship_not_started if {
	later := object.union(_supplier, {"relationship": {"start_on": "2026-04-01"}})
	fs := a7_3.findings with input as _input({"Supplier": {"labels-inc": later}})
	some f in _fails("R2", fs)
	contains(f.message, "whose relationship was not active then (start 2026-04-01, end none)")
}

test_pass_r2_relationship_ended_later_still_counts if {
	ended := object.union(_supplier, {"relationship": {"end_on": "2026-06-30"}})
	fs := a7_3.findings with input as _input({"Supplier": {"labels-inc": ended}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_unknown_supplier if {
	fs := a7_3.findings with input as _input({"Supplier": {}})
	some f in _fails("R2", fs)
	f.message == "Dataset/labels names supplier Supplier/labels-inc, which has no Supplier record: record it"
}

# --- R3

test_fail_r3_non_commercial_licence if {
	nc := _dataset("labels", "training", object.union(_bought, {"license_id": "CC-BY-NC-SA-4.0"}))
	fs := a7_3.findings with input as _input(_datasets({"labels": nc}))
	some f in _fails("R3", fs)
	f.refs == ["Dataset/labels#acquisition"]
	f.message == concat("", [
		"Dataset/labels is used under licence CC-BY-NC-SA-4.0, which disallowed_data_licenses excludes ",
		"(non-commercial): replace the data or its licence",
	])
}

test_fail_r3_licence_unknown if {
	unknown := _dataset("labels", "training", object.remove(_bought, ["license_id"]))
	fs := a7_3.findings with input as _input(_datasets({"labels": unknown}))
	some f in _fails("R3", fs)
	contains(f.message, "under licence unknown")
}

test_pass_r3_licence_match_ignores_case_only_for_listed_ids if {
	params := object.union(_params, {"disallowed_data_licenses": ["agpl-3.0"]})
	ok := _dataset("labels", "training", object.union(_bought, {"license_id": "CC-BY-NC-4.0"}))
	fs := a7_3.findings with input as {
		"as_of": "2026-11-30", "params": params,
		"records": object.union(_records, _datasets({"labels": ok})),
	}
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_listed_id_in_other_case if {
	params := object.union(_params, {"disallowed_data_licenses": ["agpl-3.0"]})
	bad := _dataset("labels", "training", object.union(_bought, {"license_id": "AGPL-3.0"}))
	fs := a7_3.findings with input as {
		"as_of": "2026-11-30", "params": params,
		"records": object.union(_records, _datasets({"labels": bad})),
	}
	count(_fails("R3", fs)) == 1
}
