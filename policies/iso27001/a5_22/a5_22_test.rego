package annexa.iso27001.a5_22_test

import data.annexa.iso27001.a5_22
import rego.v1

_params := {
	"lookback_days": 365, "at_risk_days": 7, "supplier_cert_grace_days": 90,
	"supplier_review_days": {"critical": 365, "high": 365, "medium": 730},
}

_review := {
	"on": "2026-03-01", "by": "Person/miriam", "sla_met": false,
	"incidents_reviewed": true, "certs_reviewed": true, "outcome": "continue",
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2023-01-01"},
	"reviews": [_review],
	"certifications": [{
		"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2026-01-01",
		"valid_to": "2028-12-31",
	}],
}

_asset := {"kind": "Asset", "id": "rds", "asset_type": "data-store", "supplier": "Supplier/aws", "environment": "prod"}

_change := {
	"kind": "ChangeRecord", "id": "chg-1", "change_class": "infrastructure", "systems": ["Asset/rds"],
	"author": "Person/ivan", "deployed_on": "2026-06-10T09:00:00Z", "significant": true,
	"security_review": {"required": true, "completed_on": "2026-06-10", "by": "Person/miriam"},
}

_records := {
	"Supplier": {"aws": _aws},
	"Asset": {"rds": _asset},
	"ChangeRecord": {"chg-1": _change},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_22.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_review_in_window if {
	old := object.union(_aws, {"reviews": [object.union(_review, {"on": "2025-11-29"})]})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#reviews"]
	f.message == concat("", [
		"Supplier/aws (criticality critical) has no review within 365 days (supplier_review_days.critical; ",
		"last: 2025-11-29): review the supplier's service",
	])
}

test_pass_r1_review_on_window_edge if {
	edge := object.union(_aws, {"reviews": [object.union(_review, {"on": "2025-11-30"})]})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_incomplete_review if {
	thin := object.union(_aws, {"reviews": [object.remove(object.union(_review, {"certs_reviewed": false}), ["sla_met"])]})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": thin}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#reviews.0"]
	contains(f.message, "does not show certs_reviewed true, sla_met recorded")
}

test_fail_r1_never_reviewed if {
	none := object.remove(_aws, ["reviews"])
	fs := a5_22.findings with input as _input({"Supplier": {"aws": none}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "last: never")
}

test_r1_new_supplier_not_yet_due if {
	new := object.union(object.remove(_aws, ["reviews"]), {"relationship": {"start_on": "2026-06-01"}})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": new}})
	_outcomes("R1", fs) == {"pass"}
}

test_r1_new_supplier_at_risk if {
	new := object.union(object.remove(_aws, ["reviews"]), {"relationship": {"start_on": "2025-12-03"}})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": new}})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_pass_r1_medium_supplier_not_in_scope if {
	medium := object.union(object.remove(_aws, ["reviews"]), {"criticality": "medium"})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": medium}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_relied_certificate_lapsed if {
	lapsed := object.union(_aws, {"certifications": [
		{"scheme": "soc2-type2", "scope_covers_service": true, "valid_from": "2024-07-01", "valid_to": "2025-06-30"},
	]})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": lapsed}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#certifications.0"]
	contains(f.message, "ended on 2025-06-30 and supplier_cert_grace_days (90) ran out on 2025-09-28")
}

test_fail_r2_site_operator_certificate_lapsed if {
	colo := {
		"kind": "Supplier", "id": "colo", "supplier_type": "facility", "criticality": "medium", "data_access": "none",
		"relationship": {"start_on": "2023-01-01"},
		"certifications": [{
			"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2023-01-01",
			"valid_to": "2025-12-31",
		}],
	}
	site := {"kind": "Site", "id": "rack", "site_type": "colocation", "operated_by": "Supplier/colo"}
	fs := a5_22.findings with input as _input({"Supplier": {"aws": _aws, "colo": colo}, "Site": {"rack": site}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/colo#certifications.0"]
}

test_pass_r2_renewed_certificate_replaces_lapsed if {
	renewed := object.union(_aws, {"certifications": [
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2023-01-01", "valid_to": "2025-12-31"},
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2026-01-01", "valid_to": "2028-12-31"},
	]})
	fs := a5_22.findings with input as _input({"Supplier": {"aws": renewed}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_review_after_go_live if {
	late := object.union(_change, {"security_review": {"completed_on": "2026-06-11"}})
	fs := a5_22.findings with input as _input({"ChangeRecord": {"chg-1": late}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ChangeRecord/chg-1#security_review"]
	contains(f.message, "went live on 2026-06-10 without a security review done by then (completed_on: 2026-06-11)")
}

test_fail_r3_no_review if {
	none := object.union(object.remove(_change, ["security_review"]), {"security_review": {"required": false}})
	fs := a5_22.findings with input as _input({"ChangeRecord": {"chg-1": none}})
	_outcomes("R3", fs) == {"fail"}
}

test_pass_r3_insignificant_or_own_asset_ignored if {
	minor := object.union(_change, {"significant": false, "security_review": {"required": false}})
	own := object.union(_change, {"id": "chg-2", "systems": ["Asset/laptop"], "security_review": {"required": false}})
	fs := a5_22.findings with input as _input({"ChangeRecord": {"chg-1": minor, "chg-2": own}})
	_outcomes("R3", fs) == {"not_exercised"}
}

test_fail_r3_supplier_named_directly if {
	direct := object.union(object.remove(_change, ["systems", "security_review"]), {"systems": ["Supplier/aws"]})
	fs := a5_22.findings with input as _input({"ChangeRecord": {"chg-1": direct}})
	_outcomes("R3", fs) == {"fail"}
}
