package annexa.iso27001.a5_14_test

import data.annexa.iso27001.a5_14
import rego.v1

_params := {
	"config_scan_days": 7, "ack_coverage_pct": 100, "ack_grace_days": 30, "exception_max_days": 365,
	"exception_approver_roles": ["isms-manager", "ciso"],
}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_miriam := {
	"kind": "Person", "id": "miriam", "employment_type": "employee", "start_date": "2021-06-01",
	"roles": [{"role": "Role/isms-manager", "from": "2021-06-01"}],
}

_ivan := {"kind": "Person", "id": "ivan", "employment_type": "employee", "start_date": "2022-01-01"}

_doc := {
	"kind": "Document", "id": "pol-transfer", "doc_type": "topic-policy", "topic": "information-transfer",
	"version": "2.0.0", "published_on": "2026-01-20", "audience": ["all-personnel"],
	"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
}

_ack(p) := {
	"kind": "Acknowledgement", "id": concat("-", ["ack", p]), "person": concat("/", ["Person", p]), "ack_type": "policy",
	"document": "Document/pol-transfer", "document_version": "2.0.0", "signed_on": "2026-01-25",
}

_crm := {
	"kind": "Supplier", "id": "crm", "supplier_type": "saas", "criticality": "high", "data_access": "pii",
	"relationship": {"start_on": "2024-01-01"},
	"contract": {
		"signed_on": "2023-12-20", "clauses": ["confidentiality", "security-requirements"],
		"dpa_signed_on": "2023-12-20",
	},
}

_mail := {
	"kind": "TestRun", "id": "mail-2026-11-28", "test_type": "mail-filter", "performed_on": "2026-11-28T03:00:00Z",
	"scope": ["Asset/google-workspace"],
	"results": [
		{"check_id": "smtp-tls-required", "resource": "tenant", "status": "pass", "severity": "high"},
		{"check_id": "auto-forward-external-blocked", "resource": "tenant", "status": "fail", "severity": "medium"},
	],
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"miriam": _miriam, "ivan": _ivan},
	"Document": {"pol-transfer": _doc},
	"Acknowledgement": {"ack-miriam": _ack("miriam"), "ack-ivan": _ack("ivan")},
	"Supplier": {"crm": _crm},
	"TestRun": {"mail-2026-11-28": _mail},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failing_high := object.union(_mail, {"results": [
	{"check_id": "smtp-tls-required", "resource": "tenant", "status": "fail", "severity": "high"},
]})

_exception := {
	"kind": "Exception", "id": "exc-tls", "applies_to": ["smtp-tls-required"], "reason": "legacy partner relay",
	"requested_by": "Person/ivan", "approved_by": "Person/miriam", "approved_on": "2026-10-01", "expires_on": "2027-01-31",
}

test_pass_all_rules if {
	fs := a5_14.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_transfer_document if {
	fs := a5_14.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	_outcomes("R4", fs) == {"not_exercised"}
}

test_fail_r2_no_confidentiality_clause if {
	loose := object.union(_crm, {"contract": {"clauses": ["security-requirements"]}})
	fs := a5_14.findings with input as _input({"Supplier": {"crm": loose}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/crm#contract.clauses"]
	f.message == concat("", [
		"Supplier/crm can reach pii data but its contract lists no confidentiality clause: ",
		"add one to the contract",
	])
}

test_fail_r2_no_dpa if {
	no_dpa := object.union(object.remove(_crm, ["contract"]), {"contract": {"clauses": ["confidentiality"]}})
	fs := a5_14.findings with input as _input({"Supplier": {"crm": no_dpa}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Supplier/crm#contract.dpa_signed_on"]
	f.message == concat("", [
		"Supplier/crm processes personal data but no data processing agreement is signed ",
		"(contract.dpa_signed_on: none): sign one",
	])
}

test_fail_r2_no_contract_at_all if {
	bare := object.union(object.remove(_crm, ["contract"]), {"data_access": "confidential"})
	fs := a5_14.findings with input as _input({"Supplier": {"crm": bare}})
	_outcomes("R2", fs) == {"fail"}
}

test_r2_ignores_ended_and_low_access_suppliers if {
	ended := object.union(_crm, {"contract": {"clauses": []}, "relationship": {"end_on": "2026-06-30"}})
	internal := object.union(_crm, {"id": "wiki", "data_access": "internal", "contract": {"clauses": []}})
	fs := a5_14.findings with input as _input({"Supplier": {"crm": ended, "wiki": internal}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_high_failure_without_exception if {
	fs := a5_14.findings with input as _input({"TestRun": {"mail-2026-11-28": _failing_high}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/mail-2026-11-28#results.0"]
	f.message == concat("", [
		"TestRun/mail-2026-11-28 fails smtp-tls-required on tenant (high) without an exception in force: ",
		"fix the setting or record an Exception naming it",
	])
}

test_pass_r3_excepted_failure if {
	fs := a5_14.findings with input as _input({
		"TestRun": {"mail-2026-11-28": _failing_high},
		"Exception": {"exc-tls": _exception},
	})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_exception_self_approved if {
	self := object.union(_exception, {"requested_by": "Person/miriam"})
	fs := a5_14.findings with input as _input({
		"TestRun": {"mail-2026-11-28": _failing_high},
		"Exception": {"exc-tls": self},
	})
	_outcomes("R3", fs) == {"fail"}
}

test_fail_r3_exception_approver_without_role if {
	by_ivan := object.union(_exception, {"requested_by": "Person/miriam", "approved_by": "Person/ivan"})
	fs := a5_14.findings with input as _input({
		"TestRun": {"mail-2026-11-28": _failing_high},
		"Exception": {"exc-tls": by_ivan},
	})
	_outcomes("R3", fs) == {"fail"}
}

test_fail_r3_exception_too_long if {
	long := object.union(_exception, {"expires_on": "2027-12-31"})
	fs := a5_14.findings with input as _input({
		"TestRun": {"mail-2026-11-28": _failing_high},
		"Exception": {"exc-tls": long},
	})
	_outcomes("R3", fs) == {"fail"}
}

test_fail_r3_scan_too_old if {
	old := object.union(_mail, {"performed_on": "2026-11-22T03:00:00Z"})
	fs := a5_14.findings with input as _input({"TestRun": {"mail-2026-11-28": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["TestRun/mail-2026-11-28"]
	f.message == concat("", [
		"the latest mail-filter scan TestRun/mail-2026-11-28 ran on 2026-11-22, more than 7 days ",
		"(config_scan_days) before 2026-11-30: run it again",
	])
}

test_pass_r3_scan_on_window_boundary if {
	edge := object.union(_mail, {"performed_on": "2026-11-23"})
	fs := a5_14.findings with input as _input({"TestRun": {"mail-2026-11-28": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_no_scan if {
	fs := a5_14.findings with input as _input({"TestRun": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_fail_r4_not_acknowledged if {
	fs := a5_14.findings with input as _input({"Acknowledgement": {"ack-miriam": _ack("miriam")}})
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Document/pol-transfer", "Person/ivan"]
}
