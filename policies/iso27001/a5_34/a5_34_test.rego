package annexa.iso27001.a5_34_test

import data.annexa.iso27001.a5_34
import rego.v1

_params := {"lookback_days": 365, "at_risk_days": 7, "dpia_review_days": 365}

_dpia := {
	"kind": "Document", "id": "dpia-app", "doc_type": "dpia", "topic": "dpia", "version": "2.1.0",
	"published_on": "2025-11-10",
	"approvals": [{"by": "Person/lena", "on": "2025-11-07", "decision": "approved", "version": "2.1.0"}],
	"reviews": [{"by": "Person/clara", "on": "2026-05-05", "outcome": "no-change"}],
}

_db := {
	"kind": "Asset", "id": "db", "asset_type": "data-store", "environment": "prod", "owner": "Person/aylin",
	"pii": {
		"contains_pii": true, "purpose": "customer tickets", "lawful_basis": "contract", "retention_days": 2555,
		"privacy_risk": "high", "dpia": "Document/dpia-app",
	},
}

_dataset := {
	"kind": "Dataset", "id": "tickets", "purpose": "training", "owner": "Person/sofia", "retention_days": 730,
	"pii": {"contains_pii": true, "lawful_basis": "contract"},
}

_aws := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2021-03-08"}, "contract": {"signed_on": "2021-03-08", "dpa_signed_on": "2021-03-08"},
}

_notice := {
	"kind": "Disclosure", "id": "notice", "ai_systems": ["AISystem/assistant"], "audience": "affected-individuals",
	"disclosure_type": "ai-interaction-notice", "content_elements": ["data-use", "contact"], "published_on": "2026-07-27",
}

_gdpr := {
	"kind": "LegalRequirement", "id": "gdpr", "type": "statutory", "jurisdiction": "EU", "applies_to": ["all"],
	"tags": ["privacy"], "owner": "Person/clara",
	"obligations": [{"type": "breach-notification", "deadline_hours": 72}],
}

_breach := {
	"kind": "Incident", "id": "inc-9", "category": "privacy-breach", "severity": "sev2",
	"reported_on": "2026-10-01T08:00:00Z", "owner": "Person/clara",
	"triage": {"decided_on": "2026-10-01T09:00:00Z", "decided_by": "Person/miriam", "classification": "incident"},
	"timeline": {
		"detected_on": "2026-10-01T08:00:00Z", "contained_on": "2026-10-01T12:00:00Z",
		"resolved_on": "2026-10-02T12:00:00Z",
	},
	"notifications": [{"to": "authority", "basis": "LegalRequirement/gdpr", "sent_on": "2026-10-03T10:00:00Z"}],
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"dpia-app": _dpia},
	"Asset": {"db": _db},
	"Dataset": {"tickets": _dataset},
	"Supplier": {"aws": _aws},
	"Disclosure": {"notice": _notice},
	"LegalRequirement": {"gdpr": _gdpr},
	"Incident": {"inc-9": _breach},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_34.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4", "R5"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_asset_without_lawful_basis if {
	p := object.remove(_db.pii, ["lawful_basis", "retention_days"])
	thin := object.union(object.remove(_db, ["pii"]), {"pii": p})
	fs := a5_34.findings with input as _input({"Asset": {"db": thin}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/db#pii"]
	f.message == concat("", [
		"Asset/db holds personal data but records no pii.lawful_basis, pii.retention_days: complete its ",
		"record of processing",
	])
}

test_fail_r1_dataset_without_retention if {
	thin := object.remove(_dataset, ["retention_days"])
	fs := a5_34.findings with input as _input({"Dataset": {"tickets": thin}})
	some f in fs
	f.rule == "R1"
	f.refs == ["Dataset/tickets"]
	contains(f.message, "records no retention_days")
}

test_pass_r1_no_pii_not_exercised if {
	clean := object.union(_db, {"pii": {"contains_pii": false}})
	fs := a5_34.findings with input as _input({"Asset": {"db": clean}, "Dataset": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_dpia_missing if {
	p := object.remove(_db.pii, ["dpia"])
	nodpia := object.union(object.remove(_db, ["pii"]), {"pii": p})
	fs := a5_34.findings with input as _input({"Asset": {"db": nodpia}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/db#pii.dpia"]
	contains(f.message, "pii.dpia (none) is not a current approved Document")
}

test_fail_r2_dpia_stale if {
	stale := object.union(_dpia, {
		"published_on": "2025-01-10", "reviews": [],
		"approvals": [{"by": "Person/lena", "on": "2025-01-07", "decision": "approved", "version": "2.1.0"}],
	})
	fs := a5_34.findings with input as _input({"Document": {"dpia-app": stale}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Document/dpia-app"]
	contains(f.message, "was last reviewed on 2025-01-07, more than dpia_review_days (365) ago")
}

test_fail_r2_significant_change_after_review if {
	change := {
		"kind": "ChangeRecord", "id": "chg-1", "change_class": "normal", "systems": ["Asset/db"], "author": "Person/ivan",
		"deployed_on": "2026-06-01T10:00:00Z", "significant": true,
	}
	fs := a5_34.findings with input as _input({"ChangeRecord": {"chg-1": change}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "before a significant change went live on 2026-06-01")
}

test_pass_r2_review_on_change_day if {
	change := {
		"kind": "ChangeRecord", "id": "chg-1", "change_class": "normal", "systems": ["Asset/db"], "author": "Person/ivan",
		"deployed_on": "2026-05-05T10:00:00Z", "significant": true,
	}
	fs := a5_34.findings with input as _input({"ChangeRecord": {"chg-1": change}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_no_dpa if {
	nodpa := object.union(object.remove(_aws, ["contract"]), {"contract": {"signed_on": "2021-03-08"}})
	fs := a5_34.findings with input as _input({"Supplier": {"aws": nodpa}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Supplier/aws#contract"]
}

test_fail_r4_breach_notified_late if {
	late := object.union(_breach, {"notifications": [{
		"to": "authority", "basis": "LegalRequirement/gdpr",
		"sent_on": "2026-10-04T08:01:00Z",
	}]})
	fs := a5_34.findings with input as _input({"Incident": {"inc-9": late}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Incident/inc-9#notifications.0.sent_on"]
}

test_fail_r4_breach_duty_not_listed if {
	silent := object.remove(_breach, ["notifications"])
	fs := a5_34.findings with input as _input({"Incident": {"inc-9": silent}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Incident/inc-9"]
}

test_pass_r4_other_incidents_ignored if {
	security := object.union(object.remove(_breach, ["notifications"]), {"category": "security-incident"})
	fs := a5_34.findings with input as _input({"Incident": {"inc-9": security}})
	_outcomes("R4", fs) == {"not_exercised"}
}

test_fail_r5_no_notice if {
	fs := a5_34.findings with input as _input({"Disclosure": {}})
	some f in fs
	f.rule == "R5"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r5_notice_without_data_use if {
	vague := object.union(_notice, {"content_elements": ["contact"]})
	fs := a5_34.findings with input as _input({"Disclosure": {"notice": vague}})
	_outcomes("R5", fs) == {"fail"}
}

test_pass_r5_privacy_notice_document if {
	doc := object.union(_dpia, {"id": "notice-doc", "doc_type": "user-doc", "topic": "privacy-notice"})
	fs := a5_34.findings with input as _input({"Disclosure": {}, "Document": {"dpia-app": _dpia, "notice-doc": doc}})
	some f in fs
	f.rule == "R5"
	f.outcome == "pass"
	f.refs == ["Document/notice-doc"]
}
