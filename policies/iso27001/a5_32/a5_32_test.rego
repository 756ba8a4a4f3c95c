package annexa.iso27001.a5_32_test

import data.annexa.iso27001.a5_32
import rego.v1

_params := {"disallowed_licenses": ["AGPL-3.0", "unknown"]}

_policy := {
	"kind": "Document", "id": "pol-ip", "doc_type": "topic-policy", "topic": "intellectual-property",
	"version": "1.1.0", "published_on": "2026-01-20",
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved", "version": "1.1.0"}],
}

_figma := {
	"kind": "Asset", "id": "figma", "asset_type": "software", "environment": "corp",
	"external_ids": {"title": "Figma Desktop"}, "license": {"seats": 2, "expires_on": "2027-01-31"},
}

_vlc := {
	"kind": "Asset", "id": "vlc", "asset_type": "software", "environment": "corp",
	"external_ids": {"title": "VLC"},
}

_inventory := {
	"kind": "TestRun", "id": "inv-1", "test_type": "software-inventory", "performed_on": "2026-11-29T02:00:00Z",
	"scope": ["Asset where asset_type=endpoint"],
	"results": [
		{"check_id": "Figma Desktop", "resource": "mdm:0001", "status": "pass"},
		{"check_id": "Figma Desktop", "resource": "mdm:0002", "status": "pass"},
		{"check_id": "VLC", "resource": "mdm:0001", "status": "pass"},
	],
}

_repo := {"kind": "Asset", "id": "repo-app", "asset_type": "repository", "environment": "prod"}

_scan := {
	"kind": "TestRun", "id": "lic-1", "test_type": "license-scan", "performed_on": "2026-11-20",
	"scope": ["Asset/repo-app"],
	"results": [
		{"check_id": "MIT", "resource": "npm:left-pad", "status": "pass"},
		{"check_id": "Apache-2.0", "resource": "npm:react", "status": "pass"},
	],
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"pol-ip": _policy},
	"Asset": {"figma": _figma, "vlc": _vlc, "repo-app": _repo},
	"TestRun": {"inv-1": _inventory, "lic-1": _scan},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_agpl_scan := object.union(_scan, {"results": [{
	"check_id": "agpl-3.0", "resource": "npm:mongo-shim",
	"status": "fail",
}]})

test_pass_all_rules if {
	fs := a5_32.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_policy if {
	fs := a5_32.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r2_too_few_seats if {
	one := object.union(_figma, {"license": {"seats": 1}})
	fs := a5_32.findings with input as _input({"Asset": {"figma": one, "vlc": _vlc, "repo-app": _repo}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/figma#license.seats"]
	f.message == concat("", [
		"Asset/figma (Figma Desktop) is installed on 2 device(s) but its licence has 1 seat(s): buy seats or ",
		"uninstall",
	])
}

test_fail_r2_licence_expired if {
	expired := object.union(_figma, {"license": {"expires_on": "2026-11-30"}})
	fs := a5_32.findings with input as _input({"Asset": {"figma": expired, "vlc": _vlc, "repo-app": _repo}})
	some f in fs
	f.rule == "R2"
	f.refs == ["Asset/figma#license.expires_on"]
}

test_fail_r2_title_not_inventoried if {
	fs := a5_32.findings with input as _input({"Asset": {"figma": _figma, "repo-app": _repo}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/inv-1#results.2"]
}

test_fail_r2_no_inventory if {
	fs := a5_32.findings with input as _input({"TestRun": {"lic-1": _scan}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_pass_r2_latest_inventory_decides if {
	old := object.union(_inventory, {
		"id": "inv-0", "performed_on": "2026-10-01",
		"results": [{"check_id": "Pirated Tool", "resource": "mdm:9", "status": "pass"}],
	})
	fs := a5_32.findings with input as _input({"TestRun": {"inv-0": old, "inv-1": _inventory, "lic-1": _scan}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_disallowed_licence if {
	fs := a5_32.findings with input as _input({"TestRun": {"inv-1": _inventory, "lic-1": _agpl_scan}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/lic-1#results.0"]
	f.message == concat("", [
		"TestRun/lic-1 found npm:mongo-shim under agpl-3.0, a licence in disallowed_licenses, in Asset/repo-app: ",
		"replace it or record an approved exception",
	])
}

test_pass_r3_excepted_component if {
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["npm:mongo-shim"], "reason": "internal tool only",
		"requested_by": "Person/ivan", "approved_by": "Person/miriam", "approved_on": "2026-11-21",
		"expires_on": "2027-02-28",
	}
	fs := a5_32.findings with input as _input({
		"TestRun": {"inv-1": _inventory, "lic-1": _agpl_scan},
		"Exception": {"exc-1": exc},
	})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_later_clean_scan if {
	later := object.union(_scan, {"id": "lic-2", "performed_on": "2026-11-25"})
	fs := a5_32.findings with input as _input({"TestRun": {"inv-1": _inventory, "lic-1": _agpl_scan, "lic-2": later}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_repo_never_scanned if {
	fs := a5_32.findings with input as _input({"TestRun": {"inv-1": _inventory}})
	some f in fs
	f.rule == "R3"
	f.refs == ["Asset/repo-app"]
}
