package annexa.iso27001.a5_36_test

import data.annexa.iso27001.a5_36
import rego.v1

_params := {"compliance_check_days": 365, "lookback_days": 365}

_pol(id, version, published) := {
	"kind": "Document", "id": id, "doc_type": "topic-policy", "topic": "access-control", "version": version,
	"published_on": published,
	"approvals": [{"by": "Person/lena", "on": published, "decision": "approved", "version": version}],
}

_v1 := _pol("pol-ac-1", "1.0.0", "2024-01-10")

_v2 := object.union(_pol("pol-ac-2", "2.0.0", "2026-01-20"), {"supersedes": "Document/pol-ac-1"})

_check := {
	"kind": "Activity", "id": "pcc-2026", "activity_type": "policy-compliance-check",
	"subject_refs": ["Document/pol-ac-1"],
	"performed_by": "Person/miriam", "performed_on": "2025-12-15", "outcome": "ok",
}

_exc := {
	"kind": "Exception", "id": "exc-1", "applies_to": ["rule:8.8/R2", "Finding/cve-1"], "reason": "no fix yet",
	"requested_by": "Person/tobias", "approved_by": "Person/miriam", "approved_on": "2026-10-08",
	"expires_on": "2027-01-31",
}

_finding := {
	"kind": "Finding", "id": "cve-1", "source": "manual", "finding_type": "vulnerability", "asset": "Asset/app",
	"severity": "medium", "first_seen_on": "2026-10-01", "exception": "Exception/exc-1",
}

_records := {
	"Document": {"pol-ac-1": _v1, "pol-ac-2": _v2},
	"Activity": {"pcc-2026": _check},
	"Exception": {"exc-1": _exc},
	"Finding": {"cve-1": _finding},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_36.findings with input as _input({})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r1_check_too_old if {
	old := object.union(_check, {"performed_on": "2025-11-29"})
	fs := a5_36.findings with input as _input({"Activity": {"pcc-2026": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Document/pol-ac-2"]
	f.message == concat("", [
		"Document/pol-ac-2 has had no compliance check within 365 days (compliance_check_days; last: 2025-11-29): ",
		"check that it is followed and record it",
	])
}

test_pass_r1_check_on_window_edge if {
	edge := object.union(_check, {"performed_on": "2025-11-30"})
	fs := a5_36.findings with input as _input({"Activity": {"pcc-2026": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_never_checked if {
	fs := a5_36.findings with input as _input({"Activity": {}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "last: never")
}

test_pass_r1_new_policy_not_yet_due if {
	new := _pol("pol-new", "1.0.0", "2026-06-01")
	fs := a5_36.findings with input as _input({"Document": {"pol-ac-1": _v1, "pol-ac-2": _v2, "pol-new": new}})
	_outcomes("R1", fs) == {"pass"}
}

test_pass_r1_linked_test_run if {
	run := {
		"kind": "TestRun", "id": "idp-1", "test_type": "idp", "performed_on": "2026-11-29T02:00:00Z",
		"scope": ["Asset/okta"], "links": {"policies": ["Document/pol-ac-2"]},
		"results": [{"check_id": "mfa", "status": "pass"}],
	}
	fs := a5_36.findings with input as _input({"Activity": {}, "TestRun": {"idp-1": run}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r2_issues_without_follow_up if {
	issues := object.union(_check, {"outcome": "issues-found", "performed_on": "2026-08-20"})
	fs := a5_36.findings with input as _input({"Activity": {"pcc-2026": issues}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Activity/pcc-2026"]
}

test_pass_r2_issues_with_nonconformity if {
	issues := object.union(_check, {
		"outcome": "issues-found", "performed_on": "2026-08-20",
		"outputs": ["Nonconformity/nc-1"],
	})
	nc := {
		"kind": "Nonconformity", "id": "nc-1", "source": "monitoring", "grade": "minor", "requirement": "5.15",
		"raised_on": "2026-08-21", "owner": "Person/miriam",
	}
	fs := a5_36.findings with input as _input({"Activity": {"pcc-2026": issues}, "Nonconformity": {"nc-1": nc}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_failing_linked_test_run if {
	run := {
		"kind": "TestRun", "id": "idp-1", "test_type": "idp", "performed_on": "2026-11-29T02:00:00Z",
		"scope": ["Document/pol-ac-2"], "results": [{"check_id": "mfa", "status": "fail"}],
	}
	fs := a5_36.findings with input as _input({"TestRun": {"idp-1": run}})
	some f in fs
	f.rule == "R2"
	f.refs == ["TestRun/idp-1"]
}

test_pass_r2_excepted_test_run if {
	run := {
		"kind": "TestRun", "id": "idp-1", "test_type": "idp", "performed_on": "2026-11-29T02:00:00Z",
		"scope": ["Document/pol-ac-2"], "results": [{"check_id": "mfa", "status": "fail"}],
	}
	exc := object.union(_exc, {"id": "exc-2", "applies_to": ["TestRun/idp-1"]})
	fs := a5_36.findings with input as _input({"TestRun": {"idp-1": run}, "Exception": {"exc-1": _exc, "exc-2": exc}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_expired_exception_still_used if {
	expired := object.union(_exc, {"expires_on": "2026-11-29"})
	fs := a5_36.findings with input as _input({"Exception": {"exc-1": expired}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Exception/exc-1#expires_on"]
	f.message == concat("", [
		"Exception/exc-1 expired on 2026-11-29 but still covers open items (Finding/cve-1): resolve them, ",
		"or approve a new exception",
	])
}

test_pass_r3_expires_on_as_of if {
	edge := object.union(_exc, {"expires_on": "2026-11-30"})
	fs := a5_36.findings with input as _input({"Exception": {"exc-1": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_expired_exception_over_resolved_item if {
	expired := object.union(_exc, {"expires_on": "2026-11-29"})
	fixed := object.union(_finding, {"resolved_on": "2026-11-20"})
	fs := a5_36.findings with input as _input({"Exception": {"exc-1": expired}, "Finding": {"cve-1": fixed}})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_expired_exception_over_open_account if {
	expired := object.union(_exc, {"expires_on": "2026-06-30", "applies_to": ["Account/shared-admin"]})
	acc := {
		"kind": "Account", "id": "shared-admin", "system": "Asset/aws", "external_id": "admin", "account_type": "shared",
		"privileged": true, "created_on": "2025-01-01", "observed_on": "2026-11-29",
	}
	fs := a5_36.findings with input as _input({
		"Exception": {"exc-1": expired}, "Finding": {},
		"Account": {"shared-admin": acc},
	})
	some f in fs
	f.rule == "R3"
	contains(f.message, "(Account/shared-admin)")
}
