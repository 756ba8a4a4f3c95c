package annexa.iso27001.a5_6_test

import data.annexa.iso27001.a5_6
import rego.v1

_params := {"min_sig_contacts": 1, "contact_verify_days": 365}

_ms := {"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022", "top_management": ["Person/lena"]}

_erin := {"kind": "Person", "id": "erin", "employment_type": "employee", "start_date": "2022-01-01"}

_isc := {
	"kind": "CommsChannel", "id": "sig-isc", "direction": "outbound", "channel_type": "special-interest-group",
	"owner": "Person/erin", "tests": [{"on": "2026-04-01", "by": "Person/erin", "result": "ok"}],
}

_meetup := {
	"kind": "Activity", "id": "sig-2026-05", "activity_type": "sig-participation",
	"subject_refs": ["CommsChannel/sig-isc"],
	"performed_by": "Person/erin", "performed_on": "2026-05-12", "outcome": "ok",
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Person": {"erin": _erin},
	"CommsChannel": {"sig-isc": _isc},
	"Activity": {"sig-2026-05": _meetup},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a5_6.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_no_contacts if {
	fs := a5_6.findings with input as _input({"CommsChannel": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"0 outbound special-interest-group channel(s) have an active owner (none), fewer than min_sig_contacts (1): ",
		"record the groups you keep in touch with and name an active owner for each",
	])
}

test_fail_r1_owner_left if {
	gone := object.union(_erin, {"end_date": "2026-09-30"})
	fs := a5_6.findings with input as _input({"Person": {"erin": gone}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["CommsChannel/sig-isc", "ManagementSystem/isms"]
}

test_fail_r1_below_declared_minimum if {
	fs := a5_6.findings with input as object.union(_input({}), {"params": {"min_sig_contacts": 2}})
	_outcomes("R1", fs) == {"fail"}
}

test_pass_r1_zero_required if {
	fs := a5_6.findings with input as object.union(_input({"CommsChannel": {}}), {"params": {"min_sig_contacts": 0}})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r2_not_checked_in_time if {
	old := object.union(_isc, {"tests": [{"on": "2025-11-29", "by": "Person/erin", "result": "ok"}]})
	fs := a5_6.findings with input as _input({"CommsChannel": {"sig-isc": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["CommsChannel/sig-isc#tests"]
	f.message == concat("", [
		"CommsChannel/sig-isc has no successful check within 365 days (contact_verify_days) of 2026-11-30 ",
		"(latest test: 2025-11-29 ok): check the contact and record the result",
	])
}

test_fail_r2_inbound_channels_ignored_outbound_untested if {
	untested := object.remove(_isc, ["tests"])
	fs := a5_6.findings with input as _input({"CommsChannel": {"sig-isc": untested}})
	some f in fs
	f.rule == "R2"
	contains(f.message, "(latest test: never)")
}

test_fail_r3_no_participation_in_year if {
	old := object.union(_meetup, {"performed_on": "2025-11-29"})
	fs := a5_6.findings with input as _input({"Activity": {"sig-2026-05": old}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"no participation in a special interest group (Activity sig-participation) within 365 days ",
		"(contact_verify_days) of 2026-11-30 (last: 2025-11-29): take part and record it",
	])
}

test_pass_r3_participation_on_boundary if {
	edge := object.union(_meetup, {"performed_on": "2025-11-30"})
	fs := a5_6.findings with input as _input({"Activity": {"sig-2026-05": edge}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_not_exercised_without_groups if {
	fs := a5_6.findings with input as _input({"CommsChannel": {}, "Activity": {}})
	_outcomes("R3", fs) == {"not_exercised"}
}
