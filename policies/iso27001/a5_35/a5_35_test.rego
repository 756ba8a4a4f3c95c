package annexa.iso27001.a5_35_test

import data.annexa.iso27001.a5_35
import rego.v1

_params := {"independent_review_days": 365, "management_review_days": 365}

_audit := {
	"kind": "InternalAudit", "id": "ia-2026", "standards": ["iso27001:2022", "iso42001:2023"],
	"planned_on": "2026-09-21", "performed_on": "2026-09-22", "report_on": "2026-10-02",
	"scope": {"clauses": ["4", "9"], "controls": ["iso27001:A.5.1-A.5.37", "iso27001:8.8"], "sites": ["Site/office"]},
	"lead_auditor": "Person/ulla", "external": false,
}

_review := {
	"kind": "ManagementReview", "id": "mr-2026", "standards": ["iso27001:2022"], "held_on": "2026-10-15",
	"attendees": ["Person/lena"], "inputs_covered": ["audit-results"], "input_refs": ["InternalAudit/ia-2026"],
}

_soa(id, control, owner) := {
	"kind": "SoAEntry", "id": id, "standard": "iso27001:2022", "control_id": control, "applicable": true,
	"justification": "x", "implementation_status": "implemented", "owner": owner, "soa_version": "1",
}

_records := {
	"ManagementSystem": {"isms": {
		"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
		"owner": "Person/miriam",
	}},
	"InternalAudit": {"ia-2026": _audit},
	"ManagementReview": {"mr-2026": _review},
	"SoAEntry": {"s-5.15": _soa("s-5.15", "5.15", "Person/aylin"), "s-8.9": _soa("s-8.9", "8.9", "Person/ulla")},
	"Site": {"office": {
		"kind": "Site", "id": "office", "site_type": "office", "operated_by": "self",
		"owner": "Person/clara",
	}},
}

_input(extra) := _input_with(extra, _params)

_input_with(extra, params) := {
	"as_of": "2026-11-30",
	"params": params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_35.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_lead_owns_audited_control if {
	owner := {"s-5.15": _soa("s-5.15", "A.5.15", "Person/ulla")}
	fs := a5_35.findings with input as _input({"SoAEntry": owner})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-2026#lead_auditor", "ManagementSystem/isms"]
	f.message == concat("", [
		"no independent review of information security within 365 days (independent_review_days) of 2026-11-30; ",
		"the lead auditors of InternalAudit/ia-2026 own controls or areas they audited: ",
		"have an auditor who owns none of the audited areas review the ISMS",
	])
}

test_fail_r1_lead_owns_audited_site if {
	site := {"office": {
		"kind": "Site", "id": "office", "site_type": "office", "operated_by": "self",
		"owner": "Person/ulla",
	}}
	fs := a5_35.findings with input as _input({"Site": site})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r1_lead_owns_the_isms if {
	audit := object.union(_audit, {"lead_auditor": "Person/miriam"})
	fs := a5_35.findings with input as _input({"InternalAudit": {"ia-2026": audit}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_owner_of_control_outside_range if {
	# ulla owns 8.9; the audit covers 5.1-5.37 and 8.8 only
	fs := a5_35.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_audit_firm_independent if {
	audit := object.union(_audit, {"lead_auditor": "Supplier/nordaudit"})
	owner := {"s-5.15": _soa("s-5.15", "5.15", "Person/ulla")}
	fs := a5_35.findings with input as _input({"InternalAudit": {"ia-2026": audit}, "SoAEntry": owner})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_audit_too_old if {
	old := object.union(_audit, {"performed_on": "2025-11-29", "report_on": "2025-12-05"})
	fs := a5_35.findings with input as _input({"InternalAudit": {"ia-2026": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "no audit covering iso27001:2022 was performed in that time")
}

test_pass_r1_audit_on_window_edge if {
	edge := object.union(_audit, {"performed_on": "2025-11-30", "report_on": "2025-12-05"})
	review := object.union(_review, {"held_on": "2025-12-10"})
	fs := a5_35.findings with input as _input({
		"InternalAudit": {"ia-2026": edge},
		"ManagementReview": {"mr-2026": review},
	})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_report_never_reviewed if {
	edge := object.union(_audit, {"performed_on": "2025-11-30", "report_on": "2025-12-05"})
	params := object.union(_params, {"management_review_days": 300})
	fs := a5_35.findings with input as _input_with({"InternalAudit": {"ia-2026": edge}, "ManagementReview": {}}, params)
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["InternalAudit/ia-2026#reported_to"]
	f.message == concat("", [
		"InternalAudit/ia-2026 (report 2025-12-05) was not considered by any management review held after its report, ",
		"and management_review_days (300) ran out on 2026-10-01: take it to a management review",
	])
}

test_fail_r2_review_held_before_report if {
	old := object.union(_audit, {"performed_on": "2025-12-01", "report_on": "2025-12-10"})
	review := object.union(_review, {"held_on": "2025-12-05"})
	params := object.union(_params, {"management_review_days": 300})
	fs := a5_35.findings with input as _input_with(
		{
			"InternalAudit": {"ia-2026": old},
			"ManagementReview": {"mr-2026": review},
		},
		params,
	)
	_outcomes("R2", fs) == {"fail"}
}

test_pass_r2_pending_report if {
	fs := a5_35.findings with input as _input({"ManagementReview": {}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_reported_to_link if {
	linked := object.union(_audit, {"reported_to": {"review": "ManagementReview/mr-2026", "on": "2026-10-15"}})
	review := object.remove(_review, ["input_refs"])
	old := object.union(linked, {"performed_on": "2025-12-01", "report_on": "2025-12-10"})
	fs := a5_35.findings with input as _input({"InternalAudit": {"ia-2026": old}, "ManagementReview": {"mr-2026": review}})
	_outcomes("R2", fs) == {"pass"}
}
