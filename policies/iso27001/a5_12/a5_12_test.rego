package annexa.iso27001.a5_12_test

import data.annexa.iso27001.a5_12
import rego.v1

_params := {"inventory_review_days": 365}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_scheme := {
	"kind": "Document", "id": "pol-class", "doc_type": "topic-policy", "topic": "classification", "version": "2.0.0",
	"published_on": "2026-01-20", "levels": ["public", "internal", "confidential", "restricted"],
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
}

_db := {
	"kind": "Asset", "id": "db", "asset_type": "data-store", "owner": "Person/erin", "classification": "Confidential",
	"criticality": "high", "environment": "prod",
}

_laptop := {
	"kind": "Asset", "id": "laptop", "asset_type": "endpoint", "owner": "Person/erin", "classification": "whatever",
	"criticality": "low", "environment": "corp",
}

_ds := {"kind": "Dataset", "id": "tickets", "owner": "Person/judy", "classification": "restricted"}

_review := {
	"kind": "Activity", "id": "inv-2026", "activity_type": "asset-inventory-review",
	"subject_refs": ["ManagementSystem/isms"],
	"performed_by": "Person/erin", "performed_on": "2026-03-15", "outcome": "ok",
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Document": {"pol-class": _scheme},
	"Asset": {"db": _db, "laptop": _laptop},
	"Dataset": {"tickets": _ds},
	"Activity": {"inv-2026": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_12.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_scheme_without_levels if {
	bare := object.remove(_scheme, ["levels"])
	fs := a5_12.findings with input as _input({"Document": {"pol-class": bare}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-class", "ManagementSystem/isms"]
	f.message == concat("", [
		"no current classification scheme with levels at 2026-11-30 (current classification documents without ",
		"levels: Document/pol-class): publish and approve one that lists its levels",
	])
}

test_fail_r1_superseded_scheme if {
	newer := object.union(_scheme, {
		"id": "pol-class-3", "version": "3.0.0",
		"supersedes": "Document/pol-class", "approvals": [],
	})
	fs := a5_12.findings with input as _input({"Document": {"pol-class": _scheme, "pol-class-3": newer}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_unknown_level if {
	odd := object.union(_ds, {"classification": "secret"})
	fs := a5_12.findings with input as _input({"Dataset": {"tickets": odd}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Dataset/tickets#classification"]
	f.message == concat("", [
		"Dataset/tickets is classified \"secret\", which is not a level of the current classification scheme ",
		"(confidential, internal, public, restricted): give it one of those levels",
	])
}

test_fail_r2_no_scheme if {
	fs := a5_12.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "(no scheme in force)")
}

test_r2_ignores_retired_assets_and_other_types if {
	retired := object.union(_db, {"classification": "bogus", "lifecycle": {"retired_on": "2026-01-01"}})
	fs := a5_12.findings with input as _input({"Asset": {"db": retired, "laptop": _laptop}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_review_too_old if {
	old := object.union(_review, {"performed_on": "2025-11-29"})
	fs := a5_12.findings with input as _input({"Activity": {"inv-2026": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
	f.message == concat("", [
		"the classification of Asset/db was not confirmed by an asset-inventory review within 365 days ",
		"(inventory_review_days) of 2026-11-30 (last review: 2025-11-29): review the inventory and its labels",
	])
}

test_pass_r3_review_on_boundary if {
	edge := object.union(_review, {"performed_on": "2025-11-30"})
	fs := a5_12.findings with input as _input({"Activity": {"inv-2026": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_partial_review if {
	partial := object.union(_review, {"subject_refs": ["Asset/db"]})
	fs := a5_12.findings with input as _input({"Activity": {"inv-2026": partial}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Dataset/tickets"]
}
