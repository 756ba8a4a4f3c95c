package annexa.iso42001.a4_2_test

import data.annexa.iso42001.a4_2
import rego.v1

_params := {"doc_review_days": 365, "at_risk_days": 7}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre",
	"technical_owner": "Person/sofia", "intended_use": "routing", "risk_tier": "limited",
	"lifecycle": [{"stage": "development", "from": "2024-01-01"}, {"stage": "operation", "from": "2024-03-04"}],
	"components": {
		"models": ["ModelRecord/triage-2"],
		"datasets": ["Dataset/train"],
		"tooling": ["Asset/registry"],
		"compute": ["Asset/gpu"],
		"suppliers": ["Supplier/aws"],
	},
	"human_resources": [{"role": "Role/ml-engineer", "competences": ["text-classification"]}],
	"reviews": [{"by": "Person/sofia", "on": "2026-06-15", "outcome": "updated"}],
}

_asset(id, asset_type) := {
	"kind": "Asset", "id": id, "asset_type": asset_type, "owner": "Person/sofia",
	"classification": "internal", "criticality": "medium", "environment": "prod",
}

_model := {"kind": "ModelRecord", "id": "triage-2", "ai_system": "AISystem/triage", "model_version": "2.0.0"}

_records := {
	"AISystem": {"triage": _system},
	"ModelRecord": {"triage-2": _model},
	"Dataset": {"train": {"kind": "Dataset", "id": "train", "purpose": "training", "version": "1"}},
	"Asset": {"registry": _asset("registry", "tool"), "gpu": _asset("gpu", "compute")},
	"Supplier": {"aws": {"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2021-03-08"}}},
	"Role": {"ml-engineer": {"kind": "Role", "id": "ml-engineer"}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_system(s) := {"AISystem": {"triage": s}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a4_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_design_stage_out_of_scope if {
	early := object.union(_system, {"lifecycle": [{"stage": "design", "from": "2026-01-01"}], "components": {}})
	fs := a4_2.findings with input as _input(_with_system(object.remove(early, ["reviews"])))
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_missing_resources if {
	bare := object.union(
		object.remove(_system, ["components", "human_resources"]),
		{"components": {"tooling": ["Asset/registry"]}},
	)
	fs := a4_2.findings with input as _input(_with_system(bare))
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage is at stage operation but lists no components.datasets, components.compute, ",
		"human_resources: record the resources it depends on",
	])
}

# --- R2

test_fail_r2_unknown_dataset if {
	fs := a4_2.findings with input as _input({"Dataset": {}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#components.datasets.0"]
	f.message == concat("", [
		"AISystem/triage lists Dataset/train in components.datasets.0, which is not an existing Dataset: ",
		"record it or fix the reference",
	])
}

test_fail_r2_wrong_kind if {
	wrong := object.union(_system, {"components": {"compute": ["Dataset/train"]}})
	fs := a4_2.findings with input as _input(_with_system(wrong))
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#components.compute.0"]
}

test_fail_r2_retired_asset if {
	gone := object.union(_asset("gpu", "compute"), {"lifecycle": {"retired_on": "2026-10-01"}})
	fs := a4_2.findings with input as _input({"Asset": {"registry": _asset("registry", "tool"), "gpu": gone}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#components.compute.0"]
	contains(f.message, "was retired on 2026-10-01")
}

test_pass_r2_asset_retired_after_as_of if {
	later := object.union(_asset("gpu", "compute"), {"lifecycle": {"retired_on": "2026-12-01"}})
	fs := a4_2.findings with input as _input({"Asset": {"registry": _asset("registry", "tool"), "gpu": later}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_retired_model if {
	m := object.union(_model, {"retired_on": "2026-06-16"})
	fs := a4_2.findings with input as _input({"ModelRecord": {"triage-2": m}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#components.models.0"]
}

test_fail_r2_ended_supplier if {
	s := {"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2021-03-08", "end_on": "2026-01-01"}}
	fs := a4_2.findings with input as _input({"Supplier": {"aws": s}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#components.suppliers.0"]
}

test_fail_r2_unknown_role if {
	fs := a4_2.findings with input as _input({"Role": {}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/triage#human_resources.0.role"]
}

# --- R3

test_fail_r3_review_too_old if {
	old := object.union(_system, {"reviews": [{"by": "Person/sofia", "on": "2025-11-29", "outcome": "updated"}]})
	fs := a4_2.findings with input as _input(_with_system(old))
	some f in _fails("R3", fs)
	f.message == concat("", [
		"the resource list of AISystem/triage was last reviewed on 2025-11-29, more than 365 days ago ",
		"(doc_review_days): review it",
	])
}

test_pass_r3_review_on_boundary_at_risk if {
	edge := object.union(_system, {"reviews": [{"by": "Person/sofia", "on": "2025-11-30", "outcome": "no-change"}]})
	fs := a4_2.findings with input as _input(_with_system(edge))
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_fail_r3_never_reviewed if {
	fs := a4_2.findings with input as _input(_with_system(object.remove(_system, ["reviews"])))
	some f in _fails("R3", fs)
	f.message == "the resource list of AISystem/triage was never reviewed: review it"
}

_change(id, live) := {
	"kind": "ChangeRecord", "id": id, "change_class": "ai-model", "systems": ["AISystem/triage"],
	"author": "Person/sofia", "deployed_on": live, "significant": true,
}

test_fail_r3_not_reviewed_after_significant_change if {
	fs := a4_2.findings with input as _input({"ChangeRecord": {"chg-1": _change("chg-1", "2026-09-01T06:30:00Z")}})
	some f in _fails("R3", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"ChangeRecord/chg-1 (requested 2026-09-01, live 2026-09-01) is a significant change of AISystem/triage, ",
		"but its resource list was last reviewed on 2026-06-15: review it",
	])
}

test_pass_r3_reviewed_on_change_day if {
	fs := a4_2.findings with input as _input({"ChangeRecord": {
		"chg-1": _change("chg-1", "2026-06-15T06:30:00Z"),
		"chg-0": object.union(_change("chg-0", "2025-09-22T06:30:00Z"), {"significant": true}),
		"chg-2": object.union(_change("chg-2", "2026-09-01T06:30:00Z"), {"significant": false}),
	}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_reviewed_while_change_prepared if {
	chg := object.union(_change("chg-1", "2026-06-16T06:30:00Z"), {"requested_on": "2026-05-12T09:00:00Z"})
	fs := a4_2.findings with input as _input({"ChangeRecord": {"chg-1": chg}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_review_before_change_request if {
	chg := object.union(_change("chg-1", "2026-09-01T06:30:00Z"), {"requested_on": "2026-07-01T09:00:00Z"})
	fs := a4_2.findings with input as _input({"ChangeRecord": {"chg-1": chg}})
	some f in _fails("R3", fs)
	contains(f.message, "(requested 2026-07-01, live 2026-09-01)")
}
