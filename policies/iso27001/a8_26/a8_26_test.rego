package annexa.iso27001.a8_26_test

import data.annexa.iso27001.a8_26
import rego.v1

_params := {"lookback_days": 365}

_project := {
	"kind": "ChangeRecord", "id": "chg-sso", "change_class": "project", "systems": ["Asset/app"],
	"environment": "prod", "author": "Person/felix", "deployed_on": "2026-04-28T08:00:00Z",
	"go_live_on": "2026-04-28T08:00:00Z",
	"security_review": {"required": true, "completed_on": "2026-04-20", "requirements_doc": "Document/req"},
}

# _bare returns a change with a security review that names no requirements document.
_bare(c, extra) := object.union(
	object.remove(c, ["security_review"]),
	object.union(extra, {"security_review": {"required": true}}),
)

_routine := {
	"kind": "ChangeRecord", "id": "chg-fix", "change_class": "normal", "systems": ["Asset/app"],
	"environment": "prod", "author": "Person/felix", "deployed_on": "2026-06-04T08:00:00Z",
}

_req := {
	"kind": "Document", "id": "req", "doc_type": "specification", "topic": "security-requirements",
	"version": "1.3.0", "published_on": "2026-02-02",
	"approvals": [{"by": "Person/jonas", "on": "2026-01-30", "decision": "approved", "version": "1.3.0"}],
}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod",
	"pii": {"contains_pii": true, "categories": ["contact", "ticket-content"]},
}

_gdpr := {
	"kind": "LegalRequirement", "id": "gdpr", "type": "statutory", "jurisdiction": "EU",
	"applies_to": ["Asset/app"], "tags": ["privacy"],
}

_records := {
	"ChangeRecord": {"chg-sso": _project, "chg-fix": _routine},
	"Document": {"req": _req},
	"Asset": {"app": _app},
	"LegalRequirement": {"gdpr": _gdpr},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_26.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_requirements_document if {
	bare := _bare(_project, {})
	fs := a8_26.findings with input as _input({"ChangeRecord": {"chg-sso": bare}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ChangeRecord/chg-sso#security_review"],
		"message": concat("", [
			"ChangeRecord/chg-sso went live on 2026-04-28 without a security requirements document ",
			"(security_review.requirements_doc): write and approve the requirements before go-live",
		]),
	}}
}

test_fail_r1_no_security_review_at_all if {
	bare := object.remove(_project, ["security_review"])
	fs := a8_26.findings with input as _input({"ChangeRecord": {"chg-sso": bare}})
	{f.refs | some f in _fails("R1", fs)} == {["ChangeRecord/chg-sso"]}
}

test_fail_r1_requirements_approved_after_go_live if {
	late := object.union(_req, {"approvals": [{"by": "Person/jonas", "on": "2026-04-29", "decision": "approved"}]})
	fs := a8_26.findings with input as _input({"Document": {"req": late}})
	some f in _fails("R1", fs)
	f.refs == ["ChangeRecord/chg-sso#security_review.requirements_doc"]
	f.message == concat("", [
		"ChangeRecord/chg-sso went live on 2026-04-28, but its requirements document Document/req was ",
		"first approved on 2026-04-29: approve the requirements before go-live",
	])
}

test_fail_r1_requirements_never_approved if {
	draft := object.union(_req, {"approvals": [{"by": "Person/jonas", "on": "2026-01-30", "decision": "rejected"}]})
	fs := a8_26.findings with input as _input({"Document": {"req": draft}})
	some f in _fails("R1", fs)
	contains(f.message, "was never approved")
}

test_pass_r1_approved_on_go_live_day if {
	same := object.union(_req, {"approvals": [{"by": "Person/jonas", "on": "2026-04-28", "decision": "approved"}]})
	fs := a8_26.findings with input as _input({"Document": {"req": same}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_earlier_version_approval_counts if {
	revised := object.union(_req, {
		"version": "2.0.0",
		"approvals": [
			{"by": "Person/jonas", "on": "2026-01-30", "decision": "approved", "version": "1.3.0"},
			{"by": "Person/jonas", "on": "2026-09-01", "decision": "approved", "version": "2.0.0"},
		],
	})
	fs := a8_26.findings with input as _input({"Document": {"req": revised}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_requirements_document_not_recorded if {
	fs := a8_26.findings with input as _input({"Document": {}})
	some f in _fails("R1", fs)
	f.message == "ChangeRecord/chg-sso names the requirements document Document/req, which is not in the bundle: record it"
}

test_fail_r1_new_app_of_other_class if {
	new_app := object.union(_routine, {"new_app": true})
	fs := a8_26.findings with input as _input({"ChangeRecord": {"chg-sso": _project, "chg-fix": new_app}})
	{f.refs | some f in _fails("R1", fs)} == {["ChangeRecord/chg-fix"]}
}

test_r1_population_limits if {
	staging := _bare(_project, {"id": "chg-stg", "environment": "staging"})
	old := _bare(_project, {"id": "chg-old", "deployed_on": "2025-11-29T08:00:00Z", "go_live_on": "2025-11-29T08:00:00Z"})
	planned := _bare(_project, {
		"id": "chg-next", "deployed_on": "2026-12-15T08:00:00Z",
		"go_live_on": "2026-12-15T08:00:00Z",
	})
	ms := _bare(_project, {"id": "chg-ms", "change_class": "management-system"})
	fs := a8_26.findings with input as _input({"ChangeRecord": {
		"chg-sso": _project, "chg-stg": staging, "chg-old": old,
		"chg-next": planned, "chg-ms": ms,
	}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_go_live_on_lookback_boundary if {
	edge := _bare(_project, {"deployed_on": "2025-11-30T08:00:00Z", "go_live_on": "2025-11-30T08:00:00Z"})
	fs := a8_26.findings with input as _input({"ChangeRecord": {"chg-sso": edge}})
	_outcomes("R1", fs) == {"fail"}
}

test_r1_not_exercised_without_projects if {
	fs := a8_26.findings with input as _input({"ChangeRecord": {"chg-fix": _routine}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R2

test_fail_r2_personal_data_without_privacy_requirement if {
	fs := a8_26.findings with input as _input({"LegalRequirement": {}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["Asset/app"],
		"message": concat("", [
			"Asset/app handles personal data, but no LegalRequirement tagged privacy applies to it ",
			"(applies_to or the asset's links): record the requirements that govern this data and link them",
		]),
	}}
}

test_fail_r2_requirement_with_other_tag if {
	other := object.union(_gdpr, {"tags": ["records"]})
	fs := a8_26.findings with input as _input({"LegalRequirement": {"gdpr": other}})
	_outcomes("R2", fs) == {"fail"}
}

test_pass_r2_requirement_for_all if {
	everywhere := object.union(_gdpr, {"applies_to": ["all"]})
	fs := a8_26.findings with input as _input({"LegalRequirement": {"gdpr": everywhere}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_linked_from_the_asset if {
	unscoped := object.union(_gdpr, {"applies_to": ["Asset/other"]})
	app := object.union(_app, {"links": {"legal": ["LegalRequirement/gdpr"]}})
	fs := a8_26.findings with input as _input({"LegalRequirement": {"gdpr": unscoped}, "Asset": {"app": app}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_payment_data_needs_payment_requirement if {
	shop := object.union(_app, {"pii": {"contains_pii": true, "categories": ["contact", "payment-card"]}})
	fs := a8_26.findings with input as _input({"Asset": {"app": shop}})
	some f in _fails("R2", fs)
	contains(f.message, "handles payment data, but no LegalRequirement tagged payments, payment, pci or pci-dss")
}

test_pass_r2_payment_data_with_pci_requirement if {
	shop := object.union(_app, {"pii": {"contains_pii": true, "categories": ["Financial"]}})
	pci := {
		"kind": "LegalRequirement", "id": "pci", "type": "contractual", "jurisdiction": "global",
		"applies_to": ["Asset/app"], "tags": ["pci-dss"],
	}
	fs := a8_26.findings with input as _input({"Asset": {"app": shop}, "LegalRequirement": {"gdpr": _gdpr, "pci": pci}})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_population_limits if {
	store := object.union(_app, {"id": "db", "asset_type": "data-store"})
	retired := object.union(_app, {"id": "old", "lifecycle": {"retired_on": "2026-01-01"}})
	no_pii := object.union(_app, {"id": "tool", "pii": {"contains_pii": false}})
	fs := a8_26.findings with input as _input({
		"Asset": {"db": store, "old": retired, "tool": no_pii},
		"LegalRequirement": {},
	})
	_outcomes("R2", fs) == {"not_exercised"}
}
