package annexa.iso42001.a10_3_test

import data.annexa.iso42001.a10_3
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7,
	"supplier_review_days": {"critical": 365, "high": 365, "medium": 730},
	"ai_supplier_clauses": ["ai-data-use", "ai-change-notification", "incident-notification", "evaluation-information"],
	"allow_training_on_our_data": false,
}

_clauses := [
	"confidentiality", "incident-notification", "ai-data-use", "ai-change-notification",
	"evaluation-information",
]

_vendor := {
	"kind": "Supplier", "id": "llm-vendor", "supplier_type": "ai-model-provider", "criticality": "high",
	"data_access": "pii", "relationship": {"start_on": "2025-05-02"},
	"due_diligence": [
		{"on": "2025-04-14", "by": "Person/sofia", "result": "approved", "scope": "ai"},
		{"on": "2026-03-30", "by": "Person/sofia", "result": "approved", "scope": "ai"},
		{"on": "2026-10-30", "by": "Person/miriam", "result": "approved", "scope": "security"},
	],
	"contract": {"signed_on": "2025-04-28", "clauses": _clauses},
	"ai": {"provides": ["model", "ai-service"], "customer_data_used_for_training": false},
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2021-03-08"},
}

_records := {
	"Supplier": {"llm-vendor": _vendor, "aws": _aws},
	"AISystem": {"assistant": {
		"kind": "AISystem", "id": "assistant", "lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
		"components": {"suppliers": ["Supplier/llm-vendor", "Supplier/aws"]},
	}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_vendor(changes) := {"Supplier": {"llm-vendor": object.union(_vendor, changes), "aws": _aws}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a10_3.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R1"
	f.refs == ["Supplier/llm-vendor"]
}

test_fail_r1_base_model_supplier_without_ai_check if {
	hub := object.union(_aws, {"id": "model-hub", "supplier_type": "saas", "criticality": "low"})
	model := {
		"kind": "ModelRecord", "id": "m1", "ai_system": "AISystem/assistant", "model_version": "1.0.0",
		"base_model": {"supplier": "Supplier/model-hub", "name": "base"},
		"deployment": {"deployed_on": "2026-01-10", "environment": "prod"},
	}
	fs := a10_3.findings with input as _input({
		"Supplier": {"llm-vendor": _vendor, "model-hub": hub},
		"ModelRecord": {"m1": model},
	})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"Supplier/model-hub (criticality low) has no due diligence of scope ai within 730 days (supplier_review_days; ",
		"last: never): assess its responsible AI practices",
	])
}

test_pass_ended_supplier_is_out_of_scope if {
	fs := a10_3.findings with input as _input(_with_vendor({"relationship": {"end_on": "2026-11-01"}}))
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_ai_due_diligence_too_old if {
	old := [
		{"on": "2025-04-14", "by": "Person/sofia", "result": "approved", "scope": "ai"},
		{"on": "2026-10-30", "by": "Person/miriam", "result": "approved", "scope": "security"},
	]
	fs := a10_3.findings with input as _input(_with_vendor({"due_diligence": old}))
	some f in _fails("R1", fs)
	f.refs == ["Supplier/llm-vendor"]
	f.message == concat("", [
		"Supplier/llm-vendor (criticality high) has no due diligence of scope ai within 365 days ",
		"(supplier_review_days; last: 2025-04-14): assess its responsible AI practices",
	])
}

test_fail_r1_latest_rejected if {
	checks := [{"on": "2026-06-01", "by": "Person/sofia", "result": "rejected", "scope": "ai"}]
	fs := a10_3.findings with input as _input(_with_vendor({"due_diligence": checks}))
	some f in _fails("R1", fs)
	f.message == concat("", [
		"Supplier/llm-vendor was rejected in its AI due diligence of 2026-06-01 but is still active: ",
		"end or re-assess it",
	])
}

test_pass_r1_due_on_the_as_of_date_is_at_risk if {
	checks := [{"on": "2025-11-30", "by": "Person/sofia", "result": "approved", "scope": "ai"}]
	fs := a10_3.findings with input as _input(_with_vendor({"due_diligence": checks}))
	_outcomes("R1", fs) == {"at_risk", "pass"}
}

# --- R2

test_fail_r2_clauses_missing if {
	contract := {"contract": {"clauses": ["confidentiality", "ai-data-use"]}}
	fs := a10_3.findings with input as _input(_with_vendor(contract))
	some f in _fails("R2", fs)
	f.refs == ["Supplier/llm-vendor#contract.clauses"]
	f.message == concat("", [
		"the contract with Supplier/llm-vendor lacks the AI clauses ai-change-notification, evaluation-information, ",
		"incident-notification (ai_supplier_clauses): add them at the next amendment",
	])
}

# --- R3

test_fail_r3_training_not_recorded if {
	vendor := object.union(_vendor, {"ai": {"provides": ["model"]}})
	fs := a10_3.findings with input as _input({"Supplier": {"llm-vendor": object.remove(vendor, ["ai"]), "aws": _aws}})
	some f in _fails("R3", fs)
	f.refs == ["Supplier/llm-vendor"]
}

test_fail_r3_trains_on_our_data if {
	fs := a10_3.findings with input as _input(_with_vendor({"ai": {"customer_data_used_for_training": true}}))
	some f in _fails("R3", fs)
	f.refs == ["Supplier/llm-vendor#ai.customer_data_used_for_training"]
}

test_pass_r3_training_allowed if {
	fs := a10_3.findings with input as {
		"as_of": "2026-11-30",
		"params": object.union(_params, {"allow_training_on_our_data": true}),
		"records": object.union(_records, _with_vendor({"ai": {"customer_data_used_for_training": true}})),
	}
	_outcomes("R3", fs) == {"pass"}
}
