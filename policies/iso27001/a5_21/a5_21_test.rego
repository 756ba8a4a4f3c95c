package annexa.iso27001.a5_21_test

import data.annexa.iso27001.a5_21
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7, "sast_max_age_days": 7, "supplier_cert_grace_days": 90,
	"supplier_review_days": {"critical": 365, "high": 365, "medium": 730},
	"vuln_sla_days": {"critical": 15, "high": 30, "medium": 90, "low": 180},
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2023-01-01"},
	"subprocessors": [{"name": "Equinix", "reviewed_on": "2026-02-01"}],
	"certifications": [
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2023-01-01", "valid_to": "2025-12-31"},
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2026-01-01", "valid_to": "2028-12-31"},
		{"scheme": "soc2-type2", "scope_covers_service": false, "valid_from": "2024-01-01", "valid_to": "2024-12-31"},
	],
}

_repo := {
	"kind": "Asset", "id": "repo-app", "asset_type": "repository", "environment": "prod",
	"external_ids": {"repo": "github.com/bd/app"},
}

_sca := {
	"kind": "TestRun", "id": "sca-1", "test_type": "sca", "performed_on": "2026-11-27T03:00:00Z",
	"scope": ["github.com/bd/app"],
}

_dep := {
	"kind": "Finding", "id": "dep-1", "source": "TestRun/sca-1", "finding_type": "dependency",
	"asset": "Asset/repo-app", "severity": "high", "first_seen_on": "2026-10-01", "resolved_on": "2026-10-20",
}

_records := {
	"Supplier": {"aws": _aws},
	"Asset": {"repo-app": _repo},
	"TestRun": {"sca-1": _sca},
	"Finding": {"dep-1": _dep},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_21.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_subprocessors_unknown if {
	unknown := object.remove(_aws, ["subprocessors"])
	fs := a5_21.findings with input as _input({"Supplier": {"aws": unknown}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws"]
}

test_pass_r1_declared_none if {
	none := object.union(_aws, {"subprocessors": []})
	fs := a5_21.findings with input as _input({"Supplier": {"aws": none}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_subprocessor_review_stale if {
	stale := object.union(_aws, {"subprocessors": [{"name": "Equinix", "reviewed_on": "2025-11-29"}]})
	fs := a5_21.findings with input as _input({"Supplier": {"aws": stale}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#subprocessors.0"]
	f.message == concat("", [
		"Supplier/aws: subprocessor Equinix was last reviewed on 2025-11-29, not within ",
		"supplier_review_days.critical (365 days): review it",
	])
}

test_pass_r1_review_on_window_edge if {
	edge := object.union(_aws, {"subprocessors": [{"name": "Equinix", "reviewed_on": "2025-11-30"}]})
	fs := a5_21.findings with input as _input({"Supplier": {"aws": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_subprocessor_never_reviewed if {
	never := object.union(_aws, {"subprocessors": [{"name": "Equinix"}]})
	fs := a5_21.findings with input as _input({"Supplier": {"aws": never}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "last reviewed on never")
}

test_pass_r1_non_ict_supplier_ignored if {
	lawyer := object.union(object.remove(_aws, ["subprocessors"]), {"id": "law", "supplier_type": "professional-services"})
	fs := a5_21.findings with input as _input({"Supplier": {"aws": _aws, "law": lawyer}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_scan_too_old if {
	old := object.union(_sca, {"performed_on": "2026-11-22"})
	fs := a5_21.findings with input as _input({"TestRun": {"sca-1": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/repo-app"]
	contains(f.message, "(sast_max_age_days; last: 2026-11-22)")
}

test_pass_r2_scan_on_window_edge if {
	edge := object.union(_sca, {"performed_on": "2026-11-23"})
	fs := a5_21.findings with input as _input({"TestRun": {"sca-1": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_never_scanned_wrong_type if {
	sast := object.union(_sca, {"test_type": "sast"})
	fs := a5_21.findings with input as _input({"TestRun": {"sca-1": sast}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "last: never")
}

test_pass_r2_matched_by_result_resource if {
	by_result := object.union(object.remove(_sca, ["scope"]), {
		"scope": ["all repositories"],
		"results": [{"check_id": "CVE-1", "resource": "Asset/repo-app", "status": "pass"}],
	})
	fs := a5_21.findings with input as _input({"TestRun": {"sca-1": by_result}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_dependency_fixed_late if {
	late := object.union(_dep, {"resolved_on": "2026-11-05"})
	fs := a5_21.findings with input as _input({"Finding": {"dep-1": late}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Finding/dep-1#resolved_on"]
	f.message == "Finding/dep-1 (high dependency on Asset/repo-app) was fixed on 2026-11-05, after its deadline 2026-10-31"
}

test_fail_r3_dependency_open_overdue if {
	open := object.remove(_dep, ["resolved_on"])
	fs := a5_21.findings with input as _input({"Finding": {"dep-1": open}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Finding/dep-1"]
	contains(f.message, "overdue since 2026-10-31")
}

test_pass_r3_excepted if {
	open := object.remove(_dep, ["resolved_on"])
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["Finding/dep-1"], "reason": "no fixed version yet",
		"requested_by": "Person/ivan", "approved_by": "Person/miriam", "approved_on": "2026-10-25",
		"expires_on": "2026-12-31",
	}
	fs := a5_21.findings with input as _input({"Finding": {"dep-1": open}, "Exception": {"exc-1": exc}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_at_risk_near_deadline if {
	near := object.union(object.remove(_dep, ["resolved_on"]), {"first_seen_on": "2026-11-05"})
	fs := a5_21.findings with input as _input({"Finding": {"dep-1": near}})
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_pass_r3_other_finding_types_ignored if {
	vuln := object.union(object.remove(_dep, ["resolved_on"]), {"finding_type": "vulnerability"})
	fs := a5_21.findings with input as _input({"Finding": {"dep-1": vuln}})
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r4_certificate_lapsed if {
	lapsed := object.union(_aws, {"certifications": [
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2023-01-01", "valid_to": "2026-08-31"},
	]})
	fs := a5_21.findings with input as _input({"Supplier": {"aws": lapsed}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#certifications.0"]
	contains(f.message, "ended on 2026-08-31 and supplier_cert_grace_days (90) ran out on 2026-11-29")
}

test_pass_r4_within_grace if {
	grace := object.union(_aws, {"certifications": [
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2023-01-01", "valid_to": "2026-09-01"},
	]})
	fs := a5_21.findings with input as _input({"Supplier": {"aws": grace}})
	_outcomes("R4", fs) == {"pass"}
}
