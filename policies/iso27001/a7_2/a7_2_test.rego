package annexa.iso27001.a7_2_test

import data.annexa.iso27001.a7_2
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"lookback_days": 365, "offboard_disable_days": 3, "at_risk_days": 7,
	"access_review_days": {"privileged": 90, "standard": 180, "physical": 180},
}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/berlin"]},
}

_berlin := {
	"kind": "Site", "id": "berlin", "site_type": "office", "operated_by": "self", "entry_system": "Asset/badges",
	"zones": [
		{"name": "open-office", "level": "internal", "measures": ["badge", "visitor-log"]},
		{"name": "server-room", "level": "secure", "measures": ["badge", "lock"]},
	],
}

_hank := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/facilities-lead", "from": "2020-01-01"}],
}

_bob := {"kind": "Person", "id": "bob", "start_date": "2022-01-01", "end_date": "2026-10-31"}

_badge := {
	"kind": "Account", "id": "badge-bob", "system": "Asset/badges", "account_type": "human", "holder": "Person/bob",
	"privileged": false, "created_on": "2022-01-01", "disabled_on": "2026-11-02",
}

_review := {
	"kind": "AccessReview", "id": "ar-phys", "systems": ["Asset/badges"], "review_type": "physical",
	"reviewer": "Person/hank", "completed_on": "2026-09-15", "items": [],
}

_att := {
	"kind": "Attestation", "id": "att-visitors", "controls": ["iso27001:A.7.2"], "scope": ["Site/berlin"],
	"statement": "Visitors sign in at reception and are escorted.", "attested_by": "Person/hank",
	"role": "Role/facilities-lead", "attested_on": "2026-02-20", "valid_until": "2027-02-19", "basis": "observation",
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"berlin": _berlin},
	"Person": {"hank": _hank, "bob": _bob},
	"Account": {"badge-bob": _badge},
	"AccessReview": {"ar-phys": _review},
	"Attestation": {"att-visitors": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a7_2.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_disabled_on_limit if {
	edge := object.union(_badge, {"disabled_on": "2026-11-03"})
	fs := a7_2.findings with input as _input({"Account": {"badge-bob": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_disabled_late if {
	late := object.union(_badge, {"disabled_on": "2026-11-04"})
	fs := a7_2.findings with input as _input({"Account": {"badge-bob": late}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Account/badge-bob#disabled_on"]
	f.message == concat("", [
		"Account/badge-bob (Asset/badges) of Person/bob was disabled on 2026-11-04, after the limit 2026-11-03 ",
		"(left 2026-10-31, offboard_disable_days 3)",
	])
}

test_fail_r1_still_enabled if {
	open := object.remove(_badge, ["disabled_on"])
	fs := a7_2.findings with input as _input({"Account": {"badge-bob": open}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Account/badge-bob"]
	contains(f.message, "is still enabled on 2026-11-30")
}

test_r1_recent_leaver_at_risk if {
	recent := object.union(_bob, {"end_date": "2026-11-29"})
	open := object.remove(_badge, ["disabled_on"])
	fs := a7_2.findings with input as _input({"Person": {"hank": _hank, "bob": recent}, "Account": {"badge-bob": open}})
	_outcomes("R1", fs) == {"pass", "at_risk"}
}

test_r1_ignores_other_systems if {
	gh := object.union(object.remove(_badge, ["disabled_on"]), {"system": "Asset/github"})
	fs := a7_2.findings with input as _input({"Account": {"badge-bob": gh}})
	_outcomes("R1", fs) == {"not_exercised"}
}

test_fail_r2_review_too_old if {
	old := object.union(_review, {"completed_on": "2026-06-02"})
	fs := a7_2.findings with input as _input({"AccessReview": {"ar-phys": old}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Site/berlin#entry_system"]
	f.message == concat("", [
		"Site/berlin: access to Asset/badges was last reviewed on 2026-06-02, more than 180 days ",
		"(access_review_days.physical) ago: review who may enter the secure zones",
	])
}

test_pass_r2_review_on_window_boundary if {
	edge := object.union(_review, {"completed_on": "2026-06-03"})
	fs := a7_2.findings with input as _input({"AccessReview": {"ar-phys": edge}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_wrong_review_type if {
	std := object.union(_review, {"review_type": "standard"})
	fs := a7_2.findings with input as _input({"AccessReview": {"ar-phys": std}})
	"fail" in _outcomes("R2", fs)
}

test_fail_r2_no_entry_system if {
	keys := object.remove(_berlin, ["entry_system"])
	fs := a7_2.findings with input as _input({"Site": {"berlin": keys}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	contains(f.message, "names no entry_system")
}

test_r2_not_exercised_without_secure_zones if {
	open := object.union(_berlin, {"zones": [{"name": "open-office", "level": "internal", "measures": ["badge"]}]})
	fs := a7_2.findings with input as _input({"Site": {"berlin": open}, "AccessReview": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_no_attestation if {
	fs := a7_2.findings with input as _input({"Attestation": {}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	contains(f.message, "no Attestation names iso27001:A.7.2")
}

test_fail_r3_attester_lost_role if {
	former := object.union(_hank, {"roles": [{"role": "Role/facilities-lead", "from": "2020-01-01", "to": "2026-01-01"}]})
	fs := a7_2.findings with input as _input({"Person": {"hank": former, "bob": _bob}})
	some f in fs
	f.rule == "R3"
	contains(f.message, "did not hold Role/facilities-lead on 2026-02-20")
}
