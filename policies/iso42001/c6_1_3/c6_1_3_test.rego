package annexa.iso42001.c6_1_3_test

import data.annexa.iso42001.c6_1_3
import data.annexa.lib.planning_test as fx
import rego.v1

_soa_entry(id, patch) := fx.patched("SoAEntry", id, patch)

test_pass_all_rules if {
	fs := c6_1_3.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3", "R4", "R5"], fs)
}

_untreated(residual, acceptance) := fx.input_with({
	"Risk": object.union(fx.records.Risk, {"r-3": object.union(
		fx.records.Risk["r-3"],
		{"residual": residual, "treatments": [], "acceptance": acceptance},
	)}),
	"RiskTreatment": object.remove(fx.records.RiskTreatment, ["rt-r-3"]),
})

test_fail_r1_untreated_and_unaccepted if {
	inp := _untreated({"likelihood": 3, "impact": 4, "score": 12}, {"expires_on": "2026-06-30"})
	fs := c6_1_3.findings with input as inp
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Risk/r-3"],
		"message": concat("", [
			"Risk/r-3 has residual score 12, above the acceptance threshold 8 (content flag ",
			"acceptance_threshold_score_8), but neither a treatment option with a RiskTreatment nor a current ",
			"acceptance by its owner or top management: plan its treatment or have the risk owner accept it",
		]),
	}}
}

test_pass_r1_score_at_threshold if {
	inp := _untreated({"likelihood": 2, "impact": 4, "score": 8}, {"expires_on": "2026-06-30"})
	fs := c6_1_3.findings with input as inp
	fx.outcomes("R1", fs) == {"pass"}
}

test_pass_r1_accepted if {
	inp := _untreated({"likelihood": 3, "impact": 4, "score": 12}, {})
	fs := c6_1_3.findings with input as inp
	fx.outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_threshold_declared if {
	low := _untreated({"likelihood": 2, "impact": 2, "score": 4}, {"expires_on": "2026-06-30"})
	inp := object.union(low, {"records": {
		"Document": {"risk-method": {"content_flags": {"acceptance_threshold_score_8": false}}},
	}})
	fs := c6_1_3.findings with input as inp
	some f in fx.failures("R1", fs)
	contains(f.message, "(none declared by a current methodology, so every risk counts)")
}

test_fail_r2_relied_control_excluded if {
	fs := c6_1_3.findings with input as _soa_entry("iso42001-A.6.2.4", {"applicable": false})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["SoAEntry/iso42001-A.6.2.4"],
		"message": concat("", [
			"iso42001:A.6.2.4, relied on by Risk/r-3, is excluded by the SoA: ",
			"include the control in the SoA or change those treatments",
		]),
	}}
}

test_fail_r2_unknown_control if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-3", {"controls": ["iso42001:A.9.9"]})
	some f in fx.failures("R2", fs)
	f.refs == ["Risk/r-3"]
	f.message == concat("", [
		"iso42001:A.9.9, relied on by Risk/r-3, is not a control of Annex A: ",
		"correct the control id in the risk or treatment",
	])
}

test_pass_r2_clause_ids_ignored if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-3", {"controls": ["iso42001:A.6.2.4", "iso42001:9.2"]})
	fx.outcomes("R2", fs) == {"pass"}
}

test_fail_r3_entry_missing if {
	inp := fx.input_with({"SoAEntry": object.remove(fx.records.SoAEntry, ["iso42001-A.6.2.4"])})
	fs := c6_1_3.findings with input as inp
	some f in fx.failures("R3", fs)
	f.refs == ["ManagementSystem/aims"]
	f.message == concat("", [
		"the SoA of iso42001:2023 has no entry for 1 of the 38 Annex A controls (iso42001:A.6.2.4): ",
		"add an SoAEntry for each, with applicable, justification and implementation_status",
	])
}

test_fail_r3_duplicate_entry if {
	dup := object.union(fx.records.SoAEntry["iso42001-A.6.2.4"], {"id": "dup"})
	fs := c6_1_3.findings with input as fx.input_with({"SoAEntry": object.union(fx.records.SoAEntry, {"dup": dup})})
	some f in fx.failures("R3", fs)
	f.refs == ["SoAEntry/dup", "SoAEntry/iso42001-A.6.2.4"]
}

test_fail_r3_entry_without_justification if {
	fs := c6_1_3.findings with input as _soa_entry("iso42001-A.6.2.4", {"justification": " "})
	some f in fx.failures("R3", fs)
	f.message == "SoAEntry/iso42001-A.6.2.4 has no justification: complete the entry"
}

test_fail_r3_unknown_entry if {
	odd := object.union(fx.records.SoAEntry["iso42001-A.6.2.4"], {"id": "odd", "control_id": "A.99.1"})
	fs := c6_1_3.findings with input as fx.input_with({"SoAEntry": object.union(fx.records.SoAEntry, {"odd": odd})})
	some f in fx.failures("R3", fs)
	f.refs == ["SoAEntry/odd#control_id"]
}

test_fail_r4_entry_approval_too_old if {
	approvals := [{"by": "Person/lena", "on": "2025-11-29", "decision": "approved", "version": "2026.1"}]
	fs := c6_1_3.findings with input as _soa_entry("iso42001-A.6.2.4", {"approvals": approvals})
	fx.failures("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["SoAEntry/iso42001-A.6.2.4#approvals"],
		"message": concat("", [
			"1 of 38 SoA entries of iso42001:2023 (SoAEntry/iso42001-A.6.2.4) have no approval of their soa_version ",
			"on or after 2026-02-12 (the treatment plan changed on 2026-02-12 with RiskTreatment/rt-r-4): ",
			"have the Statement of Applicability approved again",
		]),
	}}
}

test_fail_r4_treatment_plan_changed_after_approval if {
	replans := [{"new_due_on": "2027-01-31", "approved_by": "Person/lena", "on": "2026-10-20"}]
	fs := c6_1_3.findings with input as fx.patched("RiskTreatment", "rt-r-3", {"replans": replans})
	some f in fx.failures("R4", fs)
	startswith(f.message, "38 of 38 SoA entries of iso42001:2023")
	contains(f.message, "on or after 2026-10-20 (the treatment plan changed on 2026-10-20 with RiskTreatment/rt-r-3)")
}

test_fail_r4_several_versions if {
	approvals := [{"by": "Person/lena", "on": "2026-10-19", "decision": "approved", "version": "2025.1"}]
	inp := _soa_entry("iso42001-A.6.2.4", {"soa_version": "2025.1", "approvals": approvals})
	fs := c6_1_3.findings with input as inp
	some f in fx.failures("R4", fs)
	startswith(f.message, "the SoA entries of iso42001:2023 belong to 2 versions (2025.1, 2026.1)")
}

test_fail_r5_accepted_by_someone_else if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-3", {"acceptance": {"accepted_by": "Person/miriam"}})
	fx.failures("R5", fs) == {{
		"rule": "R5", "outcome": "fail", "refs": ["Risk/r-3#acceptance"],
		"message": concat("", [
			"Risk/r-3 is accepted by Person/miriam, who is neither its owner (Person/emre) nor top ",
			"management: have the risk owner accept the treatment plan and the residual risk",
		]),
	}}
}

test_pass_r5_accepted_by_top_management if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-3", {"acceptance": {"accepted_by": "Person/lena"}})
	fx.outcomes("R5", fs) == {"pass"}
}

test_fail_r5_accepted_before_last_assessment if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-3", {"acceptance": {"on": "2026-02-01"}})
	some f in fx.failures("R5", fs)
	contains(f.message, "was accepted on 2026-02-01, before its last assessment on 2026-02-10")
}

test_fail_r5_no_acceptance if {
	fs := c6_1_3.findings with input as fx.stripped("Risk", "r-3", ["acceptance"])
	some f in fx.failures("R5", fs)
	f.message == "Risk/r-3 has no acceptance: have the risk owner accept the treatment plan and the residual risk"
}

test_pass_r5_acceptance_expiring_soon_is_at_risk if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-3", {"acceptance": {"expires_on": "2026-12-03"}})
	fx.outcomes("R5", fs) == {"pass", "at_risk"}
}

test_fail_r5_acceptance_expired if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-3", {"acceptance": {"expires_on": "2026-11-29"}})
	fx.outcomes("R5", fs) == {"fail"}
}
