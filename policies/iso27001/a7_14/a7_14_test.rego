package annexa.iso27001.a7_14_test

import data.annexa.iso27001.a7_14
import rego.v1

_params := {
	"lookback_days": 365,
	"approved_disposal_methods": ["crypto-erase", "overwrite-nist-800-88", "degauss", "shred"],
}

_old_laptop := {
	"kind": "Asset", "id": "laptop-old", "asset_type": "endpoint",
	"lifecycle": {
		"retired_on": "2026-04-01",
		"disposal": {
			"method": "shred", "on": "2026-04-15", "vendor": "Supplier/shredco",
			"certificate_sha256": "ab12",
		},
	},
}

_reused := {
	"kind": "Asset", "id": "laptop-2", "asset_type": "endpoint", "assigned_to": "Person/alice",
	"lifecycle": {
		"returned_on": "2026-07-01", "disposal": {"method": "crypto-erase", "on": "2026-07-02", "by": "Person/aylin"},
	},
}

_alice := {"kind": "Person", "id": "alice", "start_date": "2026-07-10"}

_records := {
	"Asset": {"laptop-old": _old_laptop, "laptop-2": _reused},
	"Person": {"alice": _alice},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_assets(patch) := {"Asset": object.union(object.remove(_records.Asset, object.keys(patch)), patch)}

test_pass_all_rules if {
	fs := a7_14.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r1_unapproved_method_and_no_certificate if {
	bad := object.union(_old_laptop, {"lifecycle": {"disposal": {"method": "reformat", "certificate_sha256": ""}}})
	fs := a7_14.findings with input as _input(_assets({"laptop-old": bad}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-old#lifecycle.disposal"]
	f.message == concat("", [
		"Asset/laptop-old (endpoint) was retired on 2026-04-01, but its disposal record lacks a certificate_sha256 ",
		"or a hashed wipe log in evidence; a method in approved_disposal_methods (crypto-erase, overwrite-nist-800-88, ",
		"degauss, shred; recorded: reformat): complete the disposal record",
	])
}

test_pass_r1_wipe_log_in_evidence if {
	logged := object.union(object.remove(_old_laptop, ["lifecycle"]), {
		"lifecycle": {
			"retired_on": "2026-04-01", "disposal": {"method": "crypto-erase", "on": "2026-04-02", "by": "Person/aylin"},
		},
		"evidence": [{"uri": "mdm://wipe/laptop-old.json", "sha256": "ff00"}],
	})
	fs := a7_14.findings with input as _input(_assets({"laptop-old": logged}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_disposal_record if {
	bare := object.union(object.remove(_old_laptop, ["lifecycle"]), {"lifecycle": {"retired_on": "2026-04-01"}})
	fs := a7_14.findings with input as _input(_assets({"laptop-old": bare}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "who did it (by or vendor)")
	contains(f.message, "recorded: none")
}

test_fail_r1_disposal_after_as_of if {
	future := object.union(_old_laptop, {"lifecycle": {"disposal": {"on": "2026-12-15"}}})
	fs := a7_14.findings with input as _input(_assets({"laptop-old": future}))
	some f in fs
	f.rule == "R1"
	contains(f.message, "a disposal date on or before the as-of date")
}

test_r1_ignores_cloud_and_old_retirements if {
	cloud := {
		"kind": "Asset", "id": "vm", "asset_type": "server", "region": "eu-central-1",
		"lifecycle": {"retired_on": "2026-05-01"},
	}
	old := object.union(object.remove(_old_laptop, ["lifecycle"]), {"lifecycle": {"retired_on": "2025-11-29"}})
	fs := a7_14.findings with input as _input({"Asset": {"vm": cloud, "laptop-old": old}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_not_wiped_after_return if {
	early := object.union(_reused, {"lifecycle": {"disposal": {"on": "2026-06-30"}}})
	fs := a7_14.findings with input as _input(_assets({"laptop-2": early}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/laptop-2#lifecycle.disposal"]
	f.message == concat("", [
		"Asset/laptop-2 was handed back on 2026-07-01 and is now assigned to Person/alice, but no wipe by an approved ",
		"method (crypto-erase, overwrite-nist-800-88, degauss, shred) is recorded since: ",
		"wipe it before re-use and record the wipe",
	])
}

test_pass_r2_wiped_on_return_day if {
	same := object.union(_reused, {"lifecycle": {"disposal": {"on": "2026-07-01"}}})
	fs := a7_14.findings with input as _input(_assets({"laptop-2": same}))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_wipe_at_all if {
	bare := object.union(object.remove(_reused, ["lifecycle"]), {"lifecycle": {"returned_on": "2026-07-01"}})
	fs := a7_14.findings with input as _input(_assets({"laptop-2": bare}))
	"fail" in _outcomes("R2", fs)
}

test_r2_ignores_device_still_with_leaver if {
	gone := object.union(_alice, {"end_date": "2026-06-30", "start_date": "2024-01-01"})
	bare := object.union(object.remove(_reused, ["lifecycle"]), {"lifecycle": {"returned_on": "2026-07-01"}})
	fs := a7_14.findings with input as _input({"Person": {"alice": gone}, "Asset": {"laptop-2": bare}})
	_outcomes("R2", fs) == {"not_exercised"}
}
