package annexa.iso27001.a5_31_test

import data.annexa.iso27001.a5_31
import rego.v1

_params := {"legal_review_days": 365}

_gdpr := {
	"kind": "LegalRequirement", "id": "gdpr", "type": "statutory", "jurisdiction": "EU", "applies_to": ["all"],
	"addressed_by": ["Document/pol-privacy"], "owner": "Person/clara",
	"reviews": [{"by": "Person/clara", "on": "2026-05-20", "outcome": "no-change"}],
}

_bdsg := object.union(_gdpr, {"id": "bdsg", "jurisdiction": "DE"})

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2021-03-08"}, "is_cloud_service": true,
	"cloud": {"data_locations": ["DE (eu-central-1)", "IE (eu-west-1)"]},
}

_db := {"kind": "Asset", "id": "db", "asset_type": "data-store", "environment": "prod", "region": "eu-central-1"}

_records := {
	"LegalRequirement": {"gdpr": _gdpr, "bdsg": _bdsg},
	"Supplier": {"aws": _aws},
	"Asset": {"db": _db},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_31.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_empty_register if {
	fs := a5_31.findings with input as {
		"as_of": "2026-11-30", "params": _params,
		"records": {"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}}},
	}
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r1_entry_incomplete if {
	thin := object.union(object.remove(_bdsg, ["addressed_by", "owner"]), {"applies_to": []})
	fs := a5_31.findings with input as _input({"LegalRequirement": {"gdpr": _gdpr, "bdsg": thin}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["LegalRequirement/bdsg"]
	f.message == "LegalRequirement/bdsg lacks addressed_by, applies_to, owner: complete the register entry"
}

test_fail_r2_stale_entry if {
	stale := object.union(_bdsg, {"reviews": [{"by": "Person/clara", "on": "2025-11-29", "outcome": "no-change"}]})
	fs := a5_31.findings with input as _input({"LegalRequirement": {"gdpr": _gdpr, "bdsg": stale}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["LegalRequirement/bdsg#reviews"]
	f.message == concat("", [
		"LegalRequirement/bdsg was last reviewed on 2025-11-29, more than legal_review_days (365) before 2026-11-30: ",
		"review it and record the review",
	])
}

test_pass_r2_review_on_window_edge_and_recorded_on if {
	edge := object.union(_bdsg, {"reviews": [{"by": "Person/clara", "on": "2025-11-30", "outcome": "no-change"}]})
	new := object.union(object.remove(_gdpr, ["reviews"]), {"id": "ai-act", "recorded_on": "2026-10-01"})
	fs := a5_31.findings with input as _input({"LegalRequirement": {"gdpr": _gdpr, "bdsg": edge, "ai-act": new}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_never_reviewed if {
	never := object.remove(_bdsg, ["reviews"])
	fs := a5_31.findings with input as _input({"LegalRequirement": {"gdpr": _gdpr, "bdsg": never}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "last reviewed on never")
}

test_fail_r3_country_without_entry if {
	us := object.union(_db, {"id": "us-db", "region": "us-east-1"})
	fs := a5_31.findings with input as _input({"Asset": {"db": _db, "us-db": us}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/us-db#region"]
	f.message == concat("", [
		"data is kept in US (Asset/us-db#region) but no legal register entry for US was reviewed within 365 days: ",
		"add or review the requirements that apply there",
	])
}

test_fail_r3_only_stale_entry_covers_country if {
	stale := object.union(_bdsg, {"reviews": [{"by": "Person/clara", "on": "2024-01-01", "outcome": "no-change"}]})
	no_eu := object.union(_gdpr, {"jurisdiction": "US"})
	fs := a5_31.findings with input as _input({"LegalRequirement": {"gdpr": no_eu, "bdsg": stale}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	contains(f.message, "data is kept in DE")
}

test_pass_r3_eu_member_covered_by_eu_entry if {
	fs := a5_31.findings with input as _input({"LegalRequirement": {"gdpr": _gdpr}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_cloud_region_site if {
	site := {"kind": "Site", "id": "aws-us-west-2", "site_type": "cloud-region", "operated_by": "Supplier/aws"}
	fs := a5_31.findings with input as _input({"Site": {"aws-us-west-2": site}})
	some f in fs
	f.rule == "R3"
	f.refs == ["Site/aws-us-west-2"]
}

test_pass_r3_unknown_region_skipped if {
	odd := object.union(_db, {"region": "moon-base-1"})
	fs := a5_31.findings with input as _input({"Asset": {"db": odd}})
	_outcomes("R3", fs) == {"pass"}
}
