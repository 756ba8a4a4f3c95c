package annexa.iso27001.a8_24_test

import data.annexa.iso27001.a8_24
import rego.v1

_params := {
	"config_scan_days": 7, "min_tls_version": 1.2, "cert_expiry_warning_days": 14,
	"key_rotation_days": {"access_keys": 90, "cmk": 365},
}

_doc(id, doc_type, topic) := {
	"kind": "Document", "id": id, "doc_type": doc_type, "topic": topic, "version": "1.0.0",
	"published_on": "2026-01-20", "approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
}

_classification := object.union(
	_doc("pol-class", "topic-policy", "classification"),
	{"levels": ["public", "internal", "confidential", "restricted"]},
)

_db := {
	"kind": "Asset", "id": "db", "asset_type": "data-store", "classification": "restricted",
	"environment": "prod", "owner": "Person/aylin",
}

_staging := {
	"kind": "Asset", "id": "db-staging", "asset_type": "data-store", "classification": "internal",
	"environment": "staging", "owner": "Person/aylin",
}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "classification": "confidential", "environment": "prod",
	"internet_facing": true, "owner": "Person/aylin", "external_ids": {"hostname": "app.example"},
}

_key := {
	"kind": "Asset", "id": "kms", "asset_type": "key", "classification": "restricted", "environment": "prod",
	"owner": "Person/aylin",
}

_aylin := {"kind": "Person", "id": "aylin", "start_date": "2022-01-01"}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z", "scope": ["Asset/db"],
	"results": [
		{"check_id": "rds_instance_storage_encrypted", "resource": "Asset/db", "status": "pass"},
		{"check_id": "elbv2_listener_tls_1_2_or_higher", "resource": "Asset/app", "status": "pass"},
		{"check_id": "kms_cmk_rotation_enabled", "resource": "Asset/kms", "status": "pass"},
	],
}

_certs := {
	"kind": "TestRun", "id": "certs-1", "test_type": "certificates", "performed_on": "2026-11-29", "scope": ["Asset/app"],
	"results": [{"check_id": "cert_expires_on:2027-02-01", "resource": "app.example", "status": "pass"}],
}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Document": {
		"pol-crypto": _doc("pol-crypto", "topic-policy", "cryptography"),
		"proc-keys": _doc("proc-keys", "procedure", "key-management"),
		"pol-class": _classification,
	},
	"Asset": {"db": _db, "db-staging": _staging, "app": _app, "kms": _key},
	"Person": {"aylin": _aylin},
	"TestRun": {"cspm-1": _scan, "certs-1": _certs},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_scan(results) := {"TestRun": {"cspm-1": object.union(_scan, {"results": results}), "certs-1": _certs}}

_with_cert(check_id) := {"TestRun": {
	"cspm-1": _scan,
	"certs-1": object.union(_certs, {"results": [{"check_id": check_id, "resource": "app.example", "status": "pass"}]}),
}}

test_pass_all_rules if {
	fs := a8_24.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5", "R6"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_key_management if {
	fs := a8_24.findings with input as _input({"Document": {
		"pol-crypto": _doc("pol-crypto", "topic-policy", "cryptography"),
		"pol-class": _classification,
	}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "key management is not covered on 2026-11-30")
}

test_pass_r1_key_management_in_policy if {
	policy := object.union(_doc("pol-crypto", "topic-policy", "cryptography"), {"content_flags": {"key_management": true}})
	fs := a8_24.findings with input as _input({"Document": {"pol-crypto": policy, "pol-class": _classification}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_policy_not_approved if {
	draft := object.remove(_doc("pol-crypto", "topic-policy", "cryptography"), ["approvals"])
	fs := a8_24.findings with input as _input({"Document": {
		"pol-crypto": draft, "proc-keys": _doc("proc-keys", "procedure", "key-management"),
		"pol-class": _classification,
	}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.message == concat("", [
		"no current cryptography policy on 2026-11-30: publish and approve a policy or topic-policy ",
		"with topic cryptography",
	])
}

test_fail_r2_not_encrypted if {
	fs := a8_24.findings with input as _input(_with_scan([
		{"check_id": "rds_instance_storage_encrypted", "resource": "Asset/db", "status": "fail"},
		_scan.results[1], _scan.results[2],
	]))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/db"]
	f.message == concat("", [
		"Asset/db fails its encryption at rest check of 2026-11-29 (rds_instance_storage_encrypted fail) ",
		"(classified restricted; config_scan_days 7): encrypt it at rest and collect the setting",
	])
}

test_fail_r2_unknown_level_needs_encryption if {
	odd := object.union(_staging, {"classification": "secret"})
	fs := a8_24.findings with input as _input({"Asset": {"db": _db, "db-staging": odd, "app": _app, "kms": _key}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/db-staging"]
}

test_pass_r2_internal_store_needs_no_check if {
	fs := a8_24.findings with input as _input({})
	some f in fs
	f.rule == "R2"
	f.refs == ["Asset/db"]
}

test_fail_r3_tls_below_minimum if {
	fs := a8_24.findings with input as _input(_with_scan([
		_scan.results[0], _scan.results[2],
		{"check_id": "tls_min_version_1_2", "resource": "app.example", "status": "fail"},
	]))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Asset/app"]
}

test_fail_r4_rotation_too_slow if {
	fs := a8_24.findings with input as _input(_with_scan([
		_scan.results[0], _scan.results[1],
		{"check_id": "kms_key_rotation_le_730", "resource": "Asset/kms", "status": "pass"},
	]))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Asset/kms"]
	contains(f.message, "rotates less often than key_rotation_days.cmk 365")
}

test_fail_r4_rotation_disabled if {
	fs := a8_24.findings with input as _input(_with_scan([
		_scan.results[0], _scan.results[1],
		{"check_id": "kms_cmk_rotation_enabled", "resource": "Asset/kms", "status": "fail"},
	]))
	_outcomes("R4", fs) == {"fail"}
}

test_fail_r5_expiring_without_change if {
	fs := a8_24.findings with input as _input(_with_cert("cert_expires_on:2026-12-14"))
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["TestRun/certs-1#results.0"]
	f.message == concat("", [
		"certificate app.example expires on 2026-12-14, within cert_expiry_warning_days 14 of 2026-11-30, ",
		"and no ChangeRecord on its Asset was requested in that window: renew it",
	])
}

test_pass_r5_expiry_just_outside_window if {
	fs := a8_24.findings with input as _input(_with_cert("cert_expires_on:2026-12-15"))
	_outcomes("R5", fs) == {"pass"}
}

test_pass_r5_renewal_change if {
	change := {
		"kind": "ChangeRecord", "id": "chg-cert", "change_class": "standard", "systems": ["Asset/app"],
		"author": "Person/aylin", "requested_on": "2026-11-25T09:00:00Z",
	}
	inp := _input(object.union(_with_cert("cert_expires_on:2026-12-01"), {"ChangeRecord": {"chg-cert": change}}))
	fs := a8_24.findings with input as inp
	_outcomes("R5", fs) == {"pass"}
}

test_fail_r5_expired_even_with_change if {
	change := {
		"kind": "ChangeRecord", "id": "chg-cert", "change_class": "standard", "systems": ["Asset/app"],
		"author": "Person/aylin", "requested_on": "2026-11-25",
	}
	inp := _input(object.union(_with_cert("cert_expires_on:2026-11-29"), {"ChangeRecord": {"chg-cert": change}}))
	fs := a8_24.findings with input as inp
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	contains(f.message, "expired on 2026-11-29")
}

test_fail_r5_tool_reports_expiring if {
	acm := {"check_id": "acm_certificates_expiration_check", "resource": "arn:aws:acm:cert/1", "status": "fail"}
	run := object.union(_certs, {"results": [acm]})
	fs := a8_24.findings with input as _input({"TestRun": {"cspm-1": _scan, "certs-1": run}})
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	contains(f.message, "fails the expiry check acm_certificates_expiration_check")
}

test_fail_r6_owner_left if {
	left := object.union(_aylin, {"end_date": "2026-10-31"})
	fs := a8_24.findings with input as _input({"Person": {"aylin": left}})
	some f in fs
	f.rule == "R6"
	f.outcome == "fail"
	f.refs == ["Asset/kms#owner"]
	f.message == "Asset/kms has no active owner (owner: Person/aylin): assign a current owner to the key"
}
