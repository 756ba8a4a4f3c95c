package annexa.iso27001.a7_6_test

import data.annexa.iso27001.a7_6
import rego.v1

_params := {"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/berlin"]},
}

_berlin := {
	"kind": "Site", "id": "berlin", "site_type": "office", "operated_by": "self", "entry_system": "Asset/badges",
	"zones": [
		{"name": "open-office", "level": "internal", "measures": ["badge"]},
		{"name": "server-room", "level": "secure", "measures": ["badge", "lock"], "rules": "Document/sa-rules"},
	],
}

_rules := {
	"kind": "Document", "id": "sa-rules", "doc_type": "procedure", "topic": "secure-area-rules", "version": "1.0.0",
	"published_on": "2025-03-01", "approvals": [{"by": "Person/hank", "on": "2025-02-27", "decision": "approved"}],
}

_badge := {
	"kind": "Account", "id": "badge-alice", "system": "Asset/badges", "account_type": "human", "holder": "Person/alice",
	"privileged": false, "created_on": "2024-01-01", "entitlements": ["open-office", "server-room"],
}

_ack := {
	"kind": "Acknowledgement", "id": "ack-alice-sa", "person": "Person/alice", "ack_type": "secure-area-rules",
	"document": "Document/sa-rules", "document_version": "1.0.0", "signed_on": "2025-03-05",
}

_hank := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2020-01-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-berlin", "controls": ["iso27001:A.7.6"], "scope": ["Site/berlin"],
	"statement": "Spot checks show the server room rules are followed.", "attested_by": "Person/hank",
	"role": "Role/isms-manager", "attested_on": "2026-02-20", "valid_until": "2027-02-19", "basis": "observation",
}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"berlin": _berlin},
	"Document": {"sa-rules": _rules},
	"Account": {"badge-alice": _badge},
	"Acknowledgement": {"ack-alice-sa": _ack},
	"Person": {"hank": _hank},
	"Attestation": {"att-berlin": _att},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a7_6.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_rules_not_approved if {
	draft := object.remove(_rules, ["approvals"])
	fs := a7_6.findings with input as _input({"Document": {"sa-rules": draft}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Site/berlin#zones.1.rules"]
	f.message == concat("", [
		"Site/berlin#zones.1: secure zone server-room has no current rules (rules: Document/sa-rules): ",
		"publish and approve the rules for working in it",
	])
}

test_pass_r1_superseded_rules_replaced_by_current_version if {
	v2 := object.union(_rules, {
		"id": "sa-rules-2", "version": "2.0.0", "published_on": "2026-03-01",
		"supersedes": "Document/sa-rules",
	})
	fs := a7_6.findings with input as _input({"Document": {"sa-rules": _rules, "sa-rules-2": v2}})
	_outcomes("R1", fs) == {"pass"}
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r1_topic_document_when_zone_names_none if {
	site := object.union(_berlin, {"zones": [{"name": "server-room", "level": "secure", "measures": ["lock"]}]})
	fs := a7_6.findings with input as _input({"Site": {"berlin": site}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_rules_at_all if {
	site := object.union(_berlin, {"zones": [{"name": "server-room", "level": "secure", "measures": ["lock"]}]})
	fs := a7_6.findings with input as _input({"Site": {"berlin": site}, "Document": {}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "(rules: none, and no current secure-area-rules document)")
}

test_fail_r2_badge_holder_did_not_acknowledge if {
	fs := a7_6.findings with input as _input({"Acknowledgement": {}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Account/badge-alice"]
	f.message == concat("", [
		"Account/badge-alice lets Person/alice into secure zone server-room (Site/berlin#zones.1), but they have not ",
		"acknowledged Document/sa-rules: have them accept the rules",
	])
}

test_fail_r2_badge_without_entitlements_opens_everything if {
	all := object.remove(_badge, ["entitlements"])
	fs := a7_6.findings with input as _input({"Account": {"badge-alice": all}, "Acknowledgement": {}})
	"fail" in _outcomes("R2", fs)
}

test_r2_ignores_badges_without_secure_access_and_disabled if {
	open := object.union(_badge, {"entitlements": ["open-office"]})
	off := object.union(_badge, {"id": "badge-old", "disabled_on": "2026-01-01"})
	fs := a7_6.findings with input as _input({"Account": {"badge-alice": open, "badge-old": off}, "Acknowledgement": {}})
	_outcomes("R2", fs) == {"not_exercised"}
}

test_fail_r3_attestation_by_unauthorised_role if {
	other := object.union(_hank, {"roles": [{"role": "Role/engineer", "from": "2020-01-01"}]})
	att := object.union(_att, {"role": "Role/engineer"})
	fs := a7_6.findings with input as _input({"Person": {"hank": other}, "Attestation": {"att-berlin": att}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/berlin"]
	contains(f.message, "is made as Role/engineer, not as Role/facilities-lead or Role/isms-manager")
}

test_fail_r3_attestation_dated_after_as_of if {
	future := object.union(_att, {"attested_on": "2026-12-01", "valid_until": "2027-11-30"})
	fs := a7_6.findings with input as _input({"Attestation": {"att-berlin": future}})
	some f in fs
	f.rule == "R3"
	contains(f.message, "is dated 2026-12-01, after the as-of date")
}
