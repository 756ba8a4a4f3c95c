package annexa.iso42001.a4_5_test

import data.annexa.iso42001.a4_5
import rego.v1

_params := {"capacity_review_days": 180}

_system := {
	"kind": "AISystem", "id": "triage", "ai_role": "provider", "owner": "Person/emre",
	"technical_owner": "Person/sofia", "intended_use": "routing", "risk_tier": "limited",
	"lifecycle": [{"stage": "development", "from": "2024-01-01"}, {"stage": "operation", "from": "2024-03-04"}],
	"components": {"compute": ["Asset/endpoint"], "tooling": ["Asset/index"]},
}

_endpoint := {
	"kind": "Asset", "id": "endpoint", "asset_type": "compute", "owner": "Person/sofia",
	"classification": "confidential", "criticality": "medium", "environment": "prod", "region": "eu-central-1",
	"external_ids": {"cloud_arn": "arn:aws:sagemaker:eu-central-1:1:endpoint/triage"},
	"description": "Two instances behind an autoscaling endpoint; quota of 6 instances",
}

_review := {
	"kind": "Activity", "id": "cap-1", "activity_type": "capacity-review", "subject_refs": ["Asset/index"],
	"performed_by": "Person/aylin", "performed_on": "2026-11-17", "outcome": "ok",
}

_records := {
	"AISystem": {"triage": _system},
	"Asset": {"endpoint": _endpoint},
	"Person": {"sofia": {"kind": "Person", "id": "sofia", "employment_type": "employee", "start_date": "2023-05-15"}},
	"Activity": {"cap-1": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_with_endpoint(a) := {"Asset": {"endpoint": a}}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a4_5.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_compute if {
	bare := object.union(object.remove(_system, ["components"]), {"components": {"tooling": ["Asset/index"]}})
	fs := a4_5.findings with input as _input({"AISystem": {"triage": bare}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage is at stage operation but lists no components.compute: ",
		"record the computing resources it runs on",
	])
}

test_fail_r1_no_region if {
	fs := a4_5.findings with input as _input(_with_endpoint(object.remove(_endpoint, ["region"])))
	some f in _fails("R1", fs)
	f.refs == ["Asset/endpoint"]
	f.message == concat("", [
		"compute Asset/endpoint of AISystem/triage (environment prod) records neither region nor location: ",
		"record where it runs",
	])
}

test_pass_r1_location_instead_of_region if {
	on_site := object.union(object.remove(_endpoint, ["region"]), {"location": "Site/berlin-office"})
	fs := a4_5.findings with input as _input(_with_endpoint(on_site))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_compute_not_inventoried if {
	fs := a4_5.findings with input as _input({"Asset": {}})
	some f in _fails("R1", fs)
	f.refs == ["AISystem/triage#components.compute.0"]
}

# --- R2

test_fail_r2_not_matchable if {
	fs := a4_5.findings with input as _input(_with_endpoint(object.remove(_endpoint, ["external_ids"])))
	some f in _fails("R2", fs)
	f.refs == ["Asset/endpoint"]
}

test_fail_r2_retired if {
	gone := object.union(_endpoint, {"lifecycle": {"retired_on": "2026-11-30"}})
	fs := a4_5.findings with input as _input(_with_endpoint(gone))
	some f in _fails("R2", fs)
	f.refs == ["Asset/endpoint#lifecycle.retired_on"]
}

test_fail_r2_owner_unknown if {
	fs := a4_5.findings with input as _input({"Person": {}})
	some f in _fails("R2", fs)
	f.refs == ["Asset/endpoint#owner"]
}

# --- R3

test_pass_r3_by_review_only if {
	no_quota := object.remove(_endpoint, ["description"])
	fs := a4_5.findings with input as _input(_with_endpoint(no_quota))
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_by_quota_only if {
	fs := a4_5.findings with input as _input({"Activity": {}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_no_capacity_record if {
	no_quota := object.remove(_endpoint, ["description"])
	old := object.union(_review, {"performed_on": "2026-06-02"})
	fs := a4_5.findings with input as _input({"Asset": {"endpoint": no_quota}, "Activity": {"cap-1": old}})
	some f in _fails("R3", fs)
	f.refs == ["AISystem/triage"]
	f.message == concat("", [
		"AISystem/triage is in production but no capacity review within 180 days (capacity_review_days) covers ",
		"it or its assets, and no compute asset states a quota: record its capacity limits",
	])
}

test_pass_r3_review_on_boundary if {
	no_quota := object.remove(_endpoint, ["description"])
	edge := object.union(_review, {"performed_on": "2026-06-03"})
	fs := a4_5.findings with input as _input({"Asset": {"endpoint": no_quota}, "Activity": {"cap-1": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_development_stage_out_of_scope if {
	dev := object.union(_system, {"lifecycle": [{"stage": "development", "from": "2024-01-01"}]})
	fs := a4_5.findings with input as _input({"AISystem": {"triage": dev}, "Activity": {}, "Asset": {
		"endpoint": object.remove(_endpoint, ["description"]),
	}})
	_outcomes("R3", fs) == {"not_exercised"}
}
