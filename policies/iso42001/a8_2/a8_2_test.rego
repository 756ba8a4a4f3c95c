package annexa.iso42001.a8_2_test

import data.annexa.iso42001.a8_2
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7, "doc_review_days": 365,
	"user_disclosure_elements": ["intended-use", "capabilities", "limitations", "human-oversight", "how-to-report"],
}

_system := {
	"kind": "AISystem", "id": "assistant", "ai_role": "provider-and-user", "owner": "Person/emre",
	"technical_owner": "Person/tobias", "intended_use": "reply drafts", "risk_tier": "limited",
	"lifecycle": [{"stage": "operation", "from": "2025-10-01"}],
	"affects": {
		"users": true, "customers": true, "employees": true, "public": false,
		"decisions_with_legal_effect": false,
	},
}

_elements := ["intended-use", "capabilities", "limitations", "human-oversight", "data-use", "how-to-report"]

_notice := {
	"kind": "Disclosure", "id": "assistant-users", "ai_systems": ["AISystem/assistant"], "audience": "users",
	"disclosure_type": "user-instructions", "content_elements": _elements, "system_version_covered": "2",
	"published_on": "2026-04-21", "reviews": [{"by": "Person/nora", "on": "2026-10-21", "outcome": "no-change"}],
}

_records := {
	"AISystem": {"assistant": _system},
	"Disclosure": {"assistant-users": _notice},
	"ModelRecord": {"m2": {
		"kind": "ModelRecord", "id": "m2", "ai_system": "AISystem/assistant", "model_version": "2.0.0",
		"deployment": {"deployed_on": "2026-04-21T07:30:00Z", "environment": "prod"},
	}},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_notice(changes) := {"Disclosure": {"assistant-users": object.union(_notice, changes)}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_system_without_users_is_out_of_scope if {
	internal := object.union(_system, {"affects": {"users": false, "public": false}})
	fs := a8_2.findings with input as _input({"AISystem": {"assistant": internal}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r1_customer_disclosure_only if {
	fs := a8_2.findings with input as _input(_with_notice({"audience": "customers"}))
	count(_fails("R1", fs)) == 1
}

# --- R1

test_fail_r1_no_disclosure if {
	fs := a8_2.findings with input as _input({"Disclosure": {}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant"]
	f.message == concat("", [
		"AISystem/assistant affects users or the public but has no published Disclosure for users or affected ",
		"individuals: publish one",
	])
}

test_fail_r1_elements_missing if {
	short := object.union(_notice, {"content_elements": ["intended-use", "capabilities", "limitations"]})
	other := object.union(_notice, {
		"id": "notice", "audience": "affected-individuals",
		"content_elements": ["how-to-report"],
	})
	fs := a8_2.findings with input as _input({"Disclosure": {"assistant-users": short, "notice": other}})
	some f in _fails("R1", fs)
	f.message == concat("", [
		"no user Disclosure of AISystem/assistant covers all of user_disclosure_elements (Disclosure/assistant-users ",
		"lacks how-to-report, human-oversight; Disclosure/notice lacks capabilities, human-oversight, intended-use, ",
		"limitations): add the missing elements",
	])
}

test_fail_r1_future_disclosure_does_not_count if {
	fs := a8_2.findings with input as _input(_with_notice({"published_on": "2026-12-01"}))
	some f in _fails("R1", fs)
	f.refs == ["AISystem/assistant"]
}

# --- R2

test_fail_r2_describes_old_version if {
	fs := a8_2.findings with input as _input(_with_notice({"system_version_covered": "1.4"}))
	some f in _fails("R2", fs)
	f.refs == ["Disclosure/assistant-users#system_version_covered"]
	f.message == concat("", [
		"Disclosure/assistant-users describes version 1.4 of AISystem/assistant, but major version 2 is live since ",
		"2026-04-21: update it",
	])
}

test_pass_r2_version_with_prefix if {
	fs := a8_2.findings with input as _input(_with_notice({"system_version_covered": "v2.0"}))
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

test_fail_r3_not_reviewed if {
	stale := object.union(_notice, {"published_on": "2025-10-01", "reviews": []})
	fs := a8_2.findings with input as _input({"Disclosure": {"assistant-users": stale}})
	some f in _fails("R3", fs)
	f.message == concat("", [
		"Disclosure/assistant-users was last published or reviewed on 2025-10-01, more than doc_review_days=365 ago: ",
		"review it",
	])
}

test_pass_r3_review_on_the_boundary_is_at_risk if {
	edge := object.union(_notice, {"published_on": "2025-10-01", "reviews": [{
		"by": "Person/nora", "on": "2025-11-30",
		"outcome": "no-change",
	}]})
	fs := a8_2.findings with input as _input({"Disclosure": {"assistant-users": edge}})
	_outcomes("R3", fs) == {"at_risk", "pass"}
}
