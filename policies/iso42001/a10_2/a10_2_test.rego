package annexa.iso42001.a10_2_test

import data.annexa.iso42001.a10_2
import rego.v1

_params := {"ai_lifecycle_responsibilities": ["impact-assessment", "monitoring", "human-oversight"]}

_system := {
	"kind": "AISystem", "id": "assistant", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "reply drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
	"affects": {
		"users": true, "customers": true, "employees": true, "public": false,
		"decisions_with_legal_effect": false,
	},
	"components": {"suppliers": ["Supplier/llm-vendor"]},
	"customer_terms": "Document/terms",
	"responsibility_matrix": [
		{"responsibility": "impact-assessment", "party": "self"},
		{"responsibility": "monitoring", "party": "self"},
		{"responsibility": "human-oversight", "party": "customer"},
		{"responsibility": "base-model-operation", "party": "Supplier/llm-vendor"},
	],
}

_terms := {
	"kind": "Document", "id": "terms", "doc_type": "contract-template", "topic": "customer-terms",
	"version": "2.0.0", "published_on": "2026-04-21",
	"approvals": [{"by": "Person/lena", "on": "2026-04-17", "decision": "approved", "version": "2.0.0"}],
}

_vendor := {
	"kind": "Supplier", "id": "llm-vendor", "supplier_type": "ai-model-provider", "criticality": "high",
	"data_access": "pii", "relationship": {"start_on": "2025-05-02"}, "contract": {"signed_on": "2025-04-28"},
}

_records := {
	"AISystem": {"assistant": _system},
	"Document": {"terms": _terms},
	"Supplier": {"llm-vendor": _vendor},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_matrix(matrix) := {"AISystem": {"assistant": object.union(_system, {"responsibility_matrix": matrix})}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a10_2.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R2"
	f.refs == ["AISystem/assistant#responsibility_matrix.2", "AISystem/assistant#responsibility_matrix.3"]
}

test_pass_internal_system_is_out_of_scope if {
	internal := object.union(object.remove(_system, ["components", "responsibility_matrix"]), {
		"ai_role": "user",
		"affects": {"customers": false},
	})
	fs := a10_2.findings with input as _input({"AISystem": {"assistant": internal}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_missing_and_doubled if {
	matrix := [
		{"responsibility": "impact-assessment", "party": "self"},
		{"responsibility": "human-oversight", "party": "customer"},
		{"responsibility": "human-oversight", "party": "self"},
		{"responsibility": "human-oversight", "party": "self"},
	]
	fs := a10_2.findings with input as _input(_with_matrix(matrix))
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant#responsibility_matrix"]
	f.message == concat("", [
		"the responsibility matrix of AISystem/assistant is incomplete (monitoring is assigned to no party; ",
		"human-oversight is assigned to customer and self): give each responsibility to exactly one party",
	])
}

test_fail_r1_no_matrix if {
	bare := object.remove(_system, ["responsibility_matrix"])
	fs := a10_2.findings with input as _input({"AISystem": {"assistant": bare}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant"]
}

# --- R2

test_fail_r2_customer_terms_not_approved if {
	draft := object.remove(_terms, ["approvals"])
	fs := a10_2.findings with input as _input({"Document": {"terms": draft}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/assistant#responsibility_matrix.2"]
	f.message == concat("", [
		"AISystem/assistant gives human-oversight to the customer, but its customer_terms (Document/terms) is not ",
		"a current Document: publish and approve the terms",
	])
}

test_fail_r2_supplier_relationship_ended if {
	ended := object.union(_vendor, {"relationship": {"end_on": "2026-10-01"}})
	fs := a10_2.findings with input as _input({"Supplier": {"llm-vendor": ended}})
	some f in _fails("R2", fs)
	f.refs == ["AISystem/assistant#responsibility_matrix.3"]
	contains(f.message, "which has no active relationship with a signed contract at 2026-11-30 (signed_on 2025-04-28)")
}

test_fail_r2_supplier_without_contract if {
	unsigned := object.remove(_vendor, ["contract"])
	fs := a10_2.findings with input as _input({"Supplier": {"llm-vendor": unsigned}})
	some f in _fails("R2", fs)
	contains(f.message, "(signed_on none)")
}

test_fail_r2_unknown_supplier if {
	fs := a10_2.findings with input as _input({"Supplier": {}})
	some f in _fails("R2", fs)
	f.message == concat("", [
		"AISystem/assistant gives base-model-operation to Supplier/llm-vendor, which has no Supplier record: ",
		"record the supplier",
	])
}
