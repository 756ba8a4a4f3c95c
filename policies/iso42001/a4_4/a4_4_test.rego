package annexa.iso42001.a4_4_test

import data.annexa.iso42001.a4_4
import rego.v1

_params := {"lookback_days": 365}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre",
	"technical_owner": "Person/sofia", "intended_use": "routing", "risk_tier": "limited",
	"lifecycle": [{"stage": "development", "from": "2024-01-01"}, {"stage": "operation", "from": "2024-03-04"}],
	"components": {"tooling": ["Asset/registry", "Asset/datasets"]},
}

_asset(id, asset_type) := {
	"kind": "Asset", "id": id, "asset_type": asset_type, "owner": "Person/sofia",
	"classification": "internal", "criticality": "medium", "environment": "prod",
	"lifecycle": {"in_service_on": "2024-02-05"},
}

_registry := object.union(_asset("registry", "tool"), {
	"supplier": "Supplier/aws",
	"external_ids": {"tool_version": "sagemaker-model-registry 2026-09"},
})

_model := {
	"kind": "ModelRecord", "id": "triage-2", "ai_system": "AISystem/triage", "model_version": "2.1.0",
	"training": {"trained_on": "2026-05-28"},
	"deployment": {"deployed_on": "2026-06-16T06:30:00Z", "environment": "prod"},
	"links": {"tooling": ["Asset/registry"]},
}

_records := {
	"AISystem": {"triage": _system},
	"Asset": {"registry": _registry, "datasets": _asset("datasets", "data-store")},
	"Supplier": {"aws": {"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2021-03-08"}}},
	"Person": {"sofia": {"kind": "Person", "id": "sofia", "employment_type": "employee", "start_date": "2023-05-15"}},
	"ModelRecord": {"triage-2": _model},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_assets(extra) := {"Asset": object.union(object.remove(_records.Asset, object.keys(extra)), extra)}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a4_4.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_tooling if {
	bare := object.remove(_system, ["components"])
	fs := a4_4.findings with input as _input({"AISystem": {"triage": bare}, "ModelRecord": {}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage is at stage operation but lists no components.tooling: ",
		"record the tools it is built and run with",
	])
}

test_fail_r1_tool_without_version if {
	unversioned := object.remove(_registry, ["external_ids"])
	fs := a4_4.findings with input as _input(_assets({"registry": unversioned}))
	some f in _fails("R1", fs)
	f.refs == ["Asset/registry"]
	f.message == concat("", [
		"Asset/registry, a tool used by AISystem/triage, records no version (external_ids.tool_version): ",
		"record the version in use",
	])
}

test_pass_r1_version_key if {
	other := object.union(object.remove(_registry, ["external_ids"]), {"external_ids": {"version": "1.4"}})
	fs := a4_4.findings with input as _input(_assets({"registry": other}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_tool_not_inventoried if {
	fs := a4_4.findings with input as _input({"Asset": {"registry": _registry}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage#components.tooling.1"]
}

# --- R2

test_fail_r2_owner_left if {
	left := {
		"kind": "Person", "id": "sofia", "employment_type": "employee",
		"start_date": "2023-05-15", "end_date": "2026-11-01",
	}
	fs := a4_4.findings with input as _input({"Person": {"sofia": left}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/datasets#owner"]
}

test_fail_r2_supplier_ended if {
	ended := {"kind": "Supplier", "id": "aws", "relationship": {"start_on": "2021-03-08", "end_on": "2026-06-30"}}
	fs := a4_4.findings with input as _input({"Supplier": {"aws": ended}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/registry#supplier"]
	f.message == concat("", [
		"tool Asset/registry comes from Supplier/aws, which is not an active supplier at 2026-11-30: ",
		"record the supplier relationship",
	])
}

test_fail_r2_supplier_unknown if {
	fs := a4_4.findings with input as _input({"Supplier": {}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/registry#supplier"]
}

# --- R3

test_fail_r3_training_tool_not_listed if {
	m := object.union(_model, {"links": {"tooling": ["Asset/registry", "Asset/notebooks"]}})
	notebooks := _asset("notebooks", "software")
	extra := object.union({"ModelRecord": {"triage-2": m}}, _assets({"notebooks": notebooks}))
	fs := a4_4.findings with input as _input(extra)
	some f in _fails("R3", fs)
	f.refs == ["ModelRecord/triage-2#links.tooling.1"]
	f.message == concat("", [
		"ModelRecord/triage-2 was trained with Asset/notebooks, which AISystem/triage does not list in ",
		"components.tooling: add it to the tool inventory",
	])
}

test_fail_r3_tool_not_yet_in_service if {
	late := object.union(_registry, {"lifecycle": {"in_service_on": "2026-06-01"}})
	fs := a4_4.findings with input as _input(_assets({"registry": late}))
	some f in _fails("R3", fs)
	contains(f.message, "went into service only on 2026-06-01")
}

test_pass_r3_not_exercised_without_training_tools if {
	fs := a4_4.findings with input as _input({"ModelRecord": {"triage-2": object.remove(_model, ["links"])}})
	_outcomes("R3", fs) == {"not_exercised"}
}
