package annexa.lib.soa_test

import data.annexa.lib.soa
import rego.v1

_entry := {
	"kind": "SoAEntry", "id": "iso27001-7.12", "standard": "iso27001:2022", "control_id": "7.12",
	"applicable": false, "justification": "No own cabling: co-working space.",
	"approvals": [{"by": "Person/carol", "on": "2026-02-14", "decision": "approved"}],
}

_in(records) := {"as_of": "2026-11-30", "params": {}, "records": records}

test_pass_justified_approved_exclusion if {
	g := soa.gate with input as _in({"SoAEntry": {"e": _entry}})
	g["iso27001:A.7.12"].outcome == "pass"
	g["iso27001:A.7.12"].refs == ["SoAEntry/iso27001-7.12"]
}

test_control_id_of_42001_entry if {
	soa.control_id({"standard": "iso42001:2023", "control_id": "A.6.2.4"}) == "iso42001:A.6.2.4"
}

test_fail_exclusion_relied_on if {
	risk := {"kind": "Risk", "id": "r-1", "controls": ["iso27001:A.7.12"]}
	g := soa.gate with input as _in({"SoAEntry": {"e": _entry}, "Risk": {"r-1": risk}})
	g["iso27001:A.7.12"].outcome == "fail"
	contains(g["iso27001:A.7.12"].message, "Risk/r-1 rely on it")
}

test_fail_exclusion_unjustified if {
	e := object.union(_entry, {"justification": " "})
	g := soa.gate with input as _in({"SoAEntry": {"e": e}})
	g["iso27001:A.7.12"].message == "iso27001:A.7.12 is excluded by SoAEntry/iso27001-7.12 without a justification"
}

test_fail_exclusion_unapproved if {
	e := object.union(_entry, {"approvals": [{"by": "Person/carol", "on": "2026-12-14", "decision": "approved"}]})
	g := soa.gate with input as _in({"SoAEntry": {"e": e}})
	g["iso27001:A.7.12"].message == "iso27001:A.7.12 is excluded by SoAEntry/iso27001-7.12, which is not approved"
}

test_applicable_entries_do_not_gate if {
	e := object.union(_entry, {"applicable": true})
	g := soa.gate with input as _in({"SoAEntry": {"e": e}})
	count(g) == 0
}

test_fail_exclusion_relied_on_short_id if {
	t := {"kind": "RiskTreatment", "id": "rt-1", "controls": ["iso27001:7.12"]}
	g := soa.gate with input as _in({"SoAEntry": {"e": _entry}, "RiskTreatment": {"rt-1": t}})
	g["iso27001:A.7.12"].outcome == "fail"
}
