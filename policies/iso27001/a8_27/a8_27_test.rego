package annexa.iso27001.a8_27_test

import data.annexa.iso27001.a8_27
import rego.v1

_params := {"doc_review_days": 365, "lookback_days": 365}

_principles := {
	"kind": "Document", "id": "principles", "doc_type": "standard", "topic": "secure-architecture",
	"version": "1.2.0", "published_on": "2026-02-02", "review_interval_days": 365,
	"approvals": [{"by": "Person/miriam", "on": "2026-01-30", "decision": "approved", "version": "1.2.0"}],
	"reviews": [{"by": "Person/jonas", "on": "2026-01-27", "outcome": "no-change"}],
}

_project := {
	"kind": "ChangeRecord", "id": "chg-sso", "change_class": "project", "systems": ["Asset/app"],
	"environment": "prod", "author": "Person/felix", "deployed_on": "2026-04-28T08:00:00Z",
	"go_live_on": "2026-04-28T08:00:00Z", "security_review": {"required": true},
	"links": {"reviews": ["Activity/ar-sso"]},
}

_review := {
	"kind": "Activity", "id": "ar-sso", "activity_type": "architecture-review", "subject_refs": ["Asset/app"],
	"performed_by": "Person/miriam", "performed_on": "2026-04-16", "outcome": "ok",
}

_release := {
	"kind": "ChangeRecord", "id": "chg-ai", "change_class": "ai-model", "systems": ["Asset/assistant"],
	"environment": "prod", "author": "Person/tobias", "deployed_on": "2026-04-21T07:30:00Z", "significant": true,
	"security_review": {"required": true, "threat_model": "Document/design-2"},
}

_design := {
	"kind": "Document", "id": "design-2", "doc_type": "design", "version": "2.0.0", "published_on": "2026-03-25",
	"approvals": [{"by": "Person/jonas", "on": "2026-03-25", "decision": "approved"}],
}

_routine := {
	"kind": "ChangeRecord", "id": "chg-fix", "change_class": "normal", "systems": ["Asset/app"],
	"environment": "prod", "author": "Person/felix", "deployed_on": "2026-06-04T08:00:00Z", "significant": false,
}

_records := {
	"ManagementSystem": {"isms": {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022"}},
	"Document": {"principles": _principles, "design-2": _design},
	"ChangeRecord": {"chg-sso": _project, "chg-ai": _release, "chg-fix": _routine},
	"Activity": {"ar-sso": _review},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

test_pass_all_rules if {
	fs := a8_27.findings with input as _input({})
	every rule in ["R1", "R2"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_no_principles if {
	fs := a8_27.findings with input as _input({"Document": {"design-2": _design}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["ManagementSystem/isms"],
		"message": concat("", [
			"no current approved Document with topic secure-architecture or secure-engineering exists: ",
			"publish the principles",
		]),
	}}
}

test_fail_r1_not_reviewed if {
	old := object.union(_principles, {
		"published_on": "2024-02-02",
		"approvals": [{"by": "Person/miriam", "on": "2024-01-30", "decision": "approved", "version": "1.2.0"}],
		"reviews": [{"by": "Person/jonas", "on": "2025-11-29", "outcome": "no-change"}],
	})
	fs := a8_27.findings with input as _input({"Document": {"principles": old, "design-2": _design}})
	some f in _fails("R1", fs)
	f.refs == ["Document/principles#reviews"]
	f.message == concat("", [
		"the secure architecture principles Document/principles were not reviewed within their review interval ",
		"(default doc_review_days 365; last review: 2025-11-29): review them",
	])
}

test_pass_r1_own_review_interval if {
	biennial := object.union(_principles, {
		"published_on": "2024-02-02", "review_interval_days": 730,
		"approvals": [{"by": "Person/miriam", "on": "2024-01-30", "decision": "approved", "version": "1.2.0"}],
		"reviews": [{"by": "Person/jonas", "on": "2025-06-01", "outcome": "no-change"}],
	})
	fs := a8_27.findings with input as _input({"Document": {"principles": biennial, "design-2": _design}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_superseded_by_unapproved_draft if {
	draft := {
		"kind": "Document", "id": "principles-2", "doc_type": "standard", "topic": "secure-architecture",
		"version": "2.0.0", "published_on": "2026-10-01", "supersedes": "Document/principles",
	}
	fs := a8_27.findings with input as _input({"Document": {
		"principles": _principles, "principles-2": draft,
		"design-2": _design,
	}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_secure_engineering_topic if {
	other := object.union(_principles, {"topic": "secure-engineering", "doc_type": "policy"})
	fs := a8_27.findings with input as _input({"Document": {"principles": other, "design-2": _design}})
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_project_without_review if {
	bare := object.remove(_project, ["links"])
	fs := a8_27.findings with input as _input({"ChangeRecord": {"chg-sso": bare, "chg-ai": _release}})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ChangeRecord/chg-sso"],
		"message": concat("", [
			"ChangeRecord/chg-sso (project) went live on 2026-04-28 without a threat model or architecture review ",
			"dated on or before that day: threat-model changes and review their architecture before go-live",
		]),
	}}
}

test_fail_r2_review_after_go_live if {
	late := object.union(_review, {"performed_on": "2026-04-29"})
	fs := a8_27.findings with input as _input({"Activity": {"ar-sso": late}})
	some f in _fails("R2", fs)
	contains(f.message, "before that day (the earliest is dated 2026-04-29)")
}

test_pass_r2_review_on_go_live_day if {
	same := object.union(_review, {"performed_on": "2026-04-28"})
	fs := a8_27.findings with input as _input({"Activity": {"ar-sso": same}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_review_naming_the_change if {
	bare := object.remove(_project, ["links"])
	named := object.union(_review, {"subject_refs": ["Asset/app", "ChangeRecord/chg-sso"]})
	fs := a8_27.findings with input as _input({
		"ChangeRecord": {"chg-sso": bare, "chg-ai": _release},
		"Activity": {"ar-sso": named},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_linked_activity_of_other_type if {
	other := object.union(_review, {"activity_type": "log-review"})
	fs := a8_27.findings with input as _input({"Activity": {"ar-sso": other}})
	{f.refs | some f in _fails("R2", fs)} == {["ChangeRecord/chg-sso"]}
}

test_fail_r2_threat_model_published_after_go_live if {
	late := object.union(_design, {"published_on": "2026-05-02"})
	fs := a8_27.findings with input as _input({"Document": {"principles": _principles, "design-2": late}})
	some f in _fails("R2", fs)
	f.refs == ["ChangeRecord/chg-ai#security_review.threat_model"]
	contains(f.message, "ChangeRecord/chg-ai (significant change) went live on 2026-04-21")
}

test_fail_r2_threat_model_not_recorded if {
	fs := a8_27.findings with input as _input({"Document": {"principles": _principles}})
	{f.refs | some f in _fails("R2", fs)} == {["ChangeRecord/chg-ai#security_review.threat_model"]}
}

test_pass_r2_review_of_the_threat_model if {
	late := object.union(_design, {"published_on": "2026-05-02"})
	review := {
		"kind": "Activity", "id": "ar-ai", "activity_type": "architecture-review",
		"subject_refs": ["Document/design-2"], "performed_by": "Person/jonas", "performed_on": "2026-03-24", "outcome": "ok",
	}
	fs := a8_27.findings with input as _input({
		"Document": {"principles": _principles, "design-2": late},
		"Activity": {"ar-sso": _review, "ar-ai": review},
	})
	_outcomes("R2", fs) == {"pass"}
}

test_r2_population_limits if {
	base := object.remove(_release, ["security_review"])
	staging := object.union(base, {"id": "chg-stg", "environment": "staging"})
	old := object.union(base, {"id": "chg-old", "deployed_on": "2025-11-29T08:00:00Z"})
	ms := object.union(base, {"id": "chg-ms", "change_class": "management-system"})
	fs := a8_27.findings with input as _input({"ChangeRecord": {
		"chg-fix": _routine, "chg-stg": staging,
		"chg-old": old, "chg-ms": ms,
	}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r2_go_live_on_lookback_boundary if {
	edge := object.remove(object.union(_release, {"deployed_on": "2025-11-30T07:30:00Z"}), ["security_review"])
	fs := a8_27.findings with input as _input({"ChangeRecord": {"chg-ai": edge}})
	_outcomes("R2", fs) == {"fail"}
}
