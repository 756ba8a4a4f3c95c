package annexa.iso27001.a5_5_test

import data.annexa.iso27001.a5_5
import rego.v1

_params := {"contact_verify_days": 365}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_gina := {"kind": "Person", "id": "gina", "employment_type": "employee", "start_date": "2022-01-01"}

_gdpr := {
	"kind": "LegalRequirement", "id": "gdpr", "type": "statutory", "jurisdiction": "EU", "applies_to": ["all"],
	"owner": "Person/gina",
	"obligations": [
		{"type": "breach-notification", "deadline_hours": 72, "authority": "CommsChannel/dpa"},
		{"type": "records-retention"},
	],
}

_dpa := {
	"kind": "CommsChannel", "id": "dpa", "direction": "outbound", "channel_type": "authority", "owner": "Person/gina",
	"tests": [{"on": "2026-03-01", "by": "Person/gina", "result": "ok"}],
}

_plan := {
	"kind": "Document", "id": "irp", "doc_type": "plan", "topic": "incident-response", "version": "3.0.0",
	"published_on": "2026-02-02", "approvals": [{"by": "Person/lena", "on": "2026-01-30", "decision": "approved"}],
	"links": {"authority_channels": ["CommsChannel/dpa"]},
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"gina": _gina},
	"LegalRequirement": {"gdpr": _gdpr},
	"CommsChannel": {"dpa": _dpa},
	"Document": {"irp": _plan},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_5.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_statutory_breach_duty_without_authority if {
	bare := object.union(_gdpr, {"obligations": [{"type": "breach-notification", "deadline_hours": 72}]})
	fs := a5_5.findings with input as _input({"LegalRequirement": {"gdpr": bare}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["LegalRequirement/gdpr#obligations.0"]
	f.message == concat("", [
		"LegalRequirement/gdpr#obligations.0: the breach-notification obligation of LegalRequirement/gdpr ",
		"(statutory) names no authority channel: link the outbound authority CommsChannel used",
	])
}

test_pass_r1_contractual_notice_needs_no_authority if {
	msa := {
		"kind": "LegalRequirement", "id": "msa", "type": "contractual", "jurisdiction": "customers",
		"applies_to": ["all"], "owner": "Person/gina", "obligations": [{"type": "breach-notification", "deadline_hours": 48}],
	}
	fs := a5_5.findings with input as _input({"LegalRequirement": {"gdpr": _gdpr, "msa": msa}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_wrong_channel_type if {
	inbound := object.union(_dpa, {"direction": "inbound", "channel_type": "security-event-reporting"})
	fs := a5_5.findings with input as _input({"CommsChannel": {"dpa": inbound}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["LegalRequirement/gdpr#obligations.0.authority"]
}

test_fail_r1_owner_left if {
	gone := object.union(_gina, {"end_date": "2026-10-31"})
	fs := a5_5.findings with input as _input({"Person": {"gina": gone}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["CommsChannel/dpa#owner"]
}

test_fail_r1_missing_channel if {
	fs := a5_5.findings with input as _input({"CommsChannel": {}})
	some f in fs
	f.rule == "R1"
	f.message == concat("", [
		"LegalRequirement/gdpr#obligations.0 names CommsChannel/dpa as its authority, but no such record exists: ",
		"add it or fix the reference",
	])
}

test_fail_r2_test_too_old if {
	old := object.union(_dpa, {"tests": [{"on": "2025-11-29", "by": "Person/gina", "result": "ok"}]})
	fs := a5_5.findings with input as _input({"CommsChannel": {"dpa": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["CommsChannel/dpa#tests"]
	f.message == concat("", [
		"CommsChannel/dpa has no successful test within 365 days (contact_verify_days) of 2026-11-30 ",
		"(latest test: 2025-11-29 ok): test the contact and record the result",
	])
}

test_pass_r2_test_on_window_boundary if {
	edge := object.union(_dpa, {"tests": [{"on": "2025-11-30", "by": "Person/gina", "result": "ok"}]})
	fs := a5_5.findings with input as _input({"CommsChannel": {"dpa": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_latest_test_failed if {
	failed := object.union(_dpa, {"tests": [
		{"on": "2026-03-01", "by": "Person/gina", "result": "ok"},
		{"on": "2026-09-01", "by": "Person/gina", "result": "failed"},
	]})
	fs := a5_5.findings with input as _input({"CommsChannel": {"dpa": failed}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "(latest test: 2026-09-01 failed)")
}

test_fail_r2_never_tested_unlinked_channel if {
	police := {
		"kind": "CommsChannel", "id": "police", "direction": "outbound",
		"channel_type": "authority", "owner": "Person/gina",
	}
	fs := a5_5.findings with input as _input({"CommsChannel": {"dpa": _dpa, "police": police}})
	some f in fs
	f.rule == "R2"
	f.refs == ["CommsChannel/police#tests"]
	contains(f.message, "(latest test: never)")
}

test_fail_r3_channel_not_in_plan if {
	unlinked := object.remove(_plan, ["links"])
	fs := a5_5.findings with input as _input({"Document": {"irp": unlinked}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["CommsChannel/dpa"]
	f.message == concat("", [
		"CommsChannel/dpa is not listed by the current incident-response plan (Document/irp): ",
		"add it to the plan's links",
	])
}

test_pass_r3_listed_through_related_document if {
	contacts := {
		"kind": "Document", "id": "contacts", "doc_type": "procedure", "topic": "contacts", "version": "1.0.0",
		"published_on": "2026-01-01", "links": {"channels": ["CommsChannel/dpa"]},
	}
	plan := object.union(object.remove(_plan, ["links"]), {"related_documents": ["Document/contacts"]})
	fs := a5_5.findings with input as _input({"Document": {"irp": plan, "contacts": contacts}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_listed_by_published_in if {
	plan := object.remove(_plan, ["links"])
	dpa := object.union(_dpa, {"published_in": ["Document/irp"]})
	fs := a5_5.findings with input as _input({"Document": {"irp": plan}, "CommsChannel": {"dpa": dpa}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_no_plan if {
	fs := a5_5.findings with input as _input({"Document": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
}

test_not_exercised_without_population if {
	fs := a5_5.findings with input as {"as_of": "2026-11-30", "params": _params, "records": {}}
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"not_exercised"}
	}
}
