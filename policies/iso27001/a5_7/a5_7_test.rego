package annexa.iso27001.a5_7_test

import data.annexa.iso27001.a5_7
import rego.v1

_params := {"lookback_days": 365, "ti_review_days": 31, "at_risk_days": 7}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_erin := {"kind": "Person", "id": "erin", "employment_type": "employee", "start_date": "2022-01-01"}

_feed := {
	"kind": "CommsChannel", "id": "feed-cert", "direction": "inbound", "channel_type": "threat-intel-feed",
	"owner": "Person/erin", "tests": [{"on": "2026-01-10", "by": "Person/erin", "result": "ok"}],
}

_months := [
	"2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
	"2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
]

_review(m) := {
	"kind": "Activity", "id": concat("", ["ti-", m]), "activity_type": "threat-intel-review",
	"subject_refs": ["CommsChannel/feed-cert"], "performed_by": "Person/erin",
	"performed_on": concat("", [m, "-28"]), "outcome": "ok",
}

_reviews := {concat("", ["ti-", m]): _review(m) | some m in _months}

_risk := {"kind": "Risk", "id": "r-1", "domain": "information-security", "description": "x", "affects": ["Asset/app"]}

_with_issue := object.union(_reviews, {"ti-2026-03": {"outcome": "issues-found", "outputs": ["Risk/r-1"]}})

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"erin": _erin},
	"CommsChannel": {"feed-cert": _feed},
	"Activity": _with_issue,
	"Risk": {"r-1": _risk},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_7.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_source if {
	fs := a5_7.findings with input as _input({"CommsChannel": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no threat-intelligence source is active on 2026-11-30 (threat-intel-feed channels: none): ",
		"record a source with an active owner and a working feed",
	])
}

test_fail_r1_feed_broken if {
	broken := object.union(_feed, {"tests": [{"on": "2026-10-10", "by": "Person/erin", "result": "failed"}]})
	fs := a5_7.findings with input as _input({"CommsChannel": {"feed-cert": broken}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["CommsChannel/feed-cert", "ManagementSystem/isms"]
}

test_fail_r1_owner_left if {
	gone := object.union(_erin, {"end_date": "2026-11-01"})
	fs := a5_7.findings with input as _input({"Person": {"erin": gone}})
	_outcomes("R1", fs) == {"fail"}
}

test_fail_r2_missed_month if {
	fs := a5_7.findings with input as _input({"Activity": object.remove(_with_issue, ["ti-2026-06"])})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Activity/ti-2026-05", "Activity/ti-2026-07"]
	f.message == concat("", [
		"no threat-intelligence review between 2026-05-28 and 2026-07-28 (61 days, more than ti_review_days 31): ",
		"review the sources at least that often",
	])
}

test_fail_r2_never_reviewed if {
	fs := a5_7.findings with input as _input({"Activity": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	contains(f.message, "between 2025-11-30 and 2026-11-30 (365 days")
}

test_fail_r2_gap_at_window_start if {
	# No review before the window and none in its first two months.
	late := object.remove(_with_issue, ["ti-2025-11", "ti-2025-12"])
	fs := a5_7.findings with input as _input({"Activity": late})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Activity/ti-2026-01"]
}

test_fail_r2_overdue_at_as_of if {
	fs := a5_7.findings with input as object.union(_input({}), {"as_of": "2026-12-30"})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Activity/ti-2026-11"]
}

test_pass_r2_gap_exactly_ti_review_days if {
	# 2026-10-28 to the as-of date 2026-11-28 is 31 days, the limit itself.
	inp := object.union(_input({"Activity": object.remove(_with_issue, ["ti-2026-11"])}), {"as_of": "2026-11-28"})
	fs := a5_7.findings with input as inp
	_outcomes("R2", fs) == {"pass", "at_risk"}
}

test_r2_at_risk_when_next_review_due_soon if {
	early := object.union(_with_issue, {"ti-2026-11": {"performed_on": "2026-11-01"}})
	fs := a5_7.findings with input as _input({"Activity": early})
	_outcomes("R2", fs) == {"pass", "at_risk"}
	some f in fs
	f.outcome == "at_risk"
	f.message == "the next threat-intelligence review is due by 2026-12-02"
	f.refs == ["Activity/ti-2026-11"]
}

test_fail_r3_issues_without_output if {
	silent := object.union(_reviews, {"ti-2026-03": {"outcome": "issues-found"}})
	fs := a5_7.findings with input as _input({"Activity": silent})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Activity/ti-2026-03#outputs"]
	f.message == concat("", [
		"Activity/ti-2026-03 on 2026-03-28 found issues but lists no Risk, Finding, ChangeRecord or Incident ",
		"that exists (outputs: none): record the follow-up",
	])
}

test_fail_r3_output_missing_or_wrong_kind if {
	odd := object.union(_reviews, {"ti-2026-03": {
		"outcome": "issues-found",
		"outputs": ["Risk/r-9", "Nonconformity/nc-1"],
	}})
	fs := a5_7.findings with input as _input({"Activity": odd})
	"fail" in _outcomes("R3", fs)
}

test_r3_not_exercised_without_issues if {
	fs := a5_7.findings with input as _input({"Activity": _reviews})
	_outcomes("R3", fs) == {"not_exercised"}
}
