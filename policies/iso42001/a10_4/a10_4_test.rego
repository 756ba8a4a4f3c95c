package annexa.iso42001.a10_4_test

import data.annexa.iso42001.a10_4
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "doc_review_days": 365}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/sofia", "intended_use": "routing aid", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2024-03-04"}],
	"affects": {
		"users": true, "customers": true, "employees": true, "public": false,
		"decisions_with_legal_effect": false,
	},
	"customer_terms": "Document/terms",
}

_notice := {
	"kind": "Disclosure", "id": "triage-customers", "ai_systems": ["AISystem/triage"], "audience": "customers",
	"disclosure_type": "terms", "content_elements": ["intended-use", "capabilities", "limitations", "contact"],
	"system_version_covered": "2", "published_on": "2026-06-16",
	"reviews": [{"by": "Person/emre", "on": "2026-06-15", "outcome": "updated"}],
}

_terms := {
	"kind": "Document", "id": "terms", "doc_type": "contract-template", "topic": "customer-terms",
	"version": "2.0.0", "published_on": "2026-04-21",
	"content_flags": {"customer_obligations": true, "how_to_report": false},
	"approvals": [{"by": "Person/lena", "on": "2026-04-17", "decision": "approved", "version": "2.0.0"}],
}

_records := {
	"AISystem": {"triage": _system},
	"Disclosure": {"triage-customers": _notice},
	"Document": {"terms": _terms},
	"ModelRecord": {
		"m20": {
			"kind": "ModelRecord", "id": "m20", "ai_system": "AISystem/triage", "model_version": "2.0.0",
			"deployment": {"deployed_on": "2025-09-22T06:30:00Z", "environment": "prod"}, "retired_on": "2026-06-16",
		},
		"m21": {
			"kind": "ModelRecord", "id": "m21", "ai_system": "AISystem/triage", "model_version": "2.1.0",
			"deployment": {"deployed_on": "2026-06-16T06:30:00Z", "environment": "prod"},
		},
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a10_4.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
	some f in fs
	f.rule == "R2"
	f.refs == ["Disclosure/triage-customers", "Document/terms"]
}

test_pass_system_without_customers_is_out_of_scope if {
	internal := object.union(_system, {"affects": {"customers": false}})
	fs := a10_4.findings with input as _input({"AISystem": {"triage": internal}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R1

test_fail_r1_no_customer_information if {
	sys := object.remove(_system, ["customer_terms"])
	fs := a10_4.findings with input as _input({"AISystem": {"triage": sys}, "Disclosure": {}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage affects customers but has no customer Disclosure or current customer_terms: publish ",
		"documentation and terms",
	])
}

test_fail_r1_customer_obligations_missing if {
	fs := a10_4.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"the customer information of AISystem/triage (Disclosure/triage-customers) does not cover ",
		"customer-obligations: add it to the documentation or terms",
	])
}

test_fail_r1_no_way_to_report if {
	quiet := object.union(_notice, {"content_elements": ["intended-use", "limitations"]})
	fs := a10_4.findings with input as _input({"Disclosure": {"triage-customers": quiet}})
	some f in _fails("R1", fs)
	contains(f.message, "does not cover how-to-report or contact:")
}

test_fail_r1_user_disclosure_does_not_count if {
	users := object.union(_notice, {"audience": "users"})
	fs := a10_4.findings with input as _input({"Disclosure": {"triage-customers": users}})
	some f in _fails("R1", fs)
	contains(f.message, "(Document/terms)")
}

# --- R2

test_fail_r2_not_reviewed if {
	stale := object.union(_notice, {"published_on": "2025-09-22", "reviews": [], "system_version_covered": "2"})
	fs := a10_4.findings with input as _input({"Disclosure": {"triage-customers": stale}})
	some f in _fails("R2", fs)
	f.refs == ["Disclosure/triage-customers"]
	f.message == concat("", [
		"Disclosure/triage-customers, customer information, was last published or reviewed on 2025-09-22, more than ",
		"doc_review_days=365 ago: review it",
	])
}

test_fail_r2_terms_of_old_major if {
	old := object.union(_terms, {
		"version": "1.4.0", "published_on": "2025-01-10",
		"approvals": [{"by": "Person/lena", "on": "2025-01-08", "decision": "approved", "version": "1.4.0"}],
		"reviews": [{"by": "Person/emre", "on": "2025-09-01", "outcome": "no-change"}],
	})
	fs := a10_4.findings with input as _input({"Document": {"terms": old}})
	some f in _fails("R2", fs)
	f.refs == ["Document/terms"]
	f.message == concat("", [
		"Document/terms, customer information for AISystem/triage, predates major version 2, live since 2025-09-22: ",
		"update it for that version",
	])
}

test_pass_r2_review_on_the_boundary_is_at_risk if {
	edge := object.union(_notice, {"published_on": "2025-11-30", "reviews": []})
	fs := a10_4.findings with input as _input({"Disclosure": {"triage-customers": edge}})
	_outcomes("R2", fs) == {"at_risk", "pass"}
}
