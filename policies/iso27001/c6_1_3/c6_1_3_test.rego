package annexa.iso27001.c6_1_3_test

import data.annexa.iso27001.c6_1_3
import data.annexa.lib.planning_test as fx
import rego.v1

_soa_entry(id, patch) := fx.patched("SoAEntry", id, patch)

test_pass_all_rules if {
	fs := c6_1_3.findings with input as fx.base
	fx.all_pass(["R1", "R2", "R3", "R4", "R5"], fs)
}

_untreated(residual, acceptance) := fx.input_with({
	"Risk": object.union(fx.records.Risk, {"r-1": object.union(
		fx.records.Risk["r-1"],
		{"residual": residual, "treatments": [], "acceptance": acceptance},
	)}),
	"RiskTreatment": object.remove(fx.records.RiskTreatment, ["rt-r-1"]),
})

test_fail_r1_untreated_and_unaccepted if {
	inp := _untreated({"likelihood": 3, "impact": 4, "score": 12}, {"expires_on": "2026-06-30"})
	fs := c6_1_3.findings with input as inp
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Risk/r-1"],
		"message": concat("", [
			"Risk/r-1 has residual score 12, above the acceptance threshold 8 (content flag ",
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
	fs := c6_1_3.findings with input as _soa_entry("iso27001-A.5.15", {"applicable": false})
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["SoAEntry/iso27001-A.5.15"],
		"message": concat("", [
			"iso27001:A.5.15, relied on by Risk/r-1, is excluded by the SoA: ",
			"include the control in the SoA or change those treatments",
		]),
	}}
}

test_fail_r2_unknown_control if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-1", {"controls": ["iso27001:A.9.9"]})
	some f in fx.failures("R2", fs)
	f.refs == ["Risk/r-1"]
	f.message == concat("", [
		"iso27001:A.9.9, relied on by Risk/r-1, is not a control of Annex A: ",
		"correct the control id in the risk or treatment",
	])
}

test_pass_r2_clause_ids_ignored if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-1", {"controls": ["iso27001:A.5.15", "iso27001:9.2"]})
	fx.outcomes("R2", fs) == {"pass"}
}

test_fail_r3_entry_missing if {
	inp := fx.input_with({"SoAEntry": object.remove(fx.records.SoAEntry, ["iso27001-A.5.15"])})
	fs := c6_1_3.findings with input as inp
	some f in fx.failures("R3", fs)
	f.refs == ["ManagementSystem/isms"]
	f.message == concat("", [
		"the SoA of iso27001:2022 has no entry for 1 of the 93 Annex A controls (iso27001:A.5.15): ",
		"add an SoAEntry for each, with applicable, justification and implementation_status",
	])
}

test_fail_r3_duplicate_entry if {
	dup := object.union(fx.records.SoAEntry["iso27001-A.5.15"], {"id": "dup"})
	fs := c6_1_3.findings with input as fx.input_with({"SoAEntry": object.union(fx.records.SoAEntry, {"dup": dup})})
	some f in fx.failures("R3", fs)
	f.refs == ["SoAEntry/dup", "SoAEntry/iso27001-A.5.15"]
}

test_fail_r3_entry_without_justification if {
	fs := c6_1_3.findings with input as _soa_entry("iso27001-A.5.15", {"justification": " "})
	some f in fx.failures("R3", fs)
	f.message == "SoAEntry/iso27001-A.5.15 has no justification: complete the entry"
}

test_fail_r3_unknown_entry if {
	odd := object.union(fx.records.SoAEntry["iso27001-A.5.15"], {"id": "odd", "control_id": "A.99.1"})
	fs := c6_1_3.findings with input as fx.input_with({"SoAEntry": object.union(fx.records.SoAEntry, {"odd": odd})})
	some f in fx.failures("R3", fs)
	f.refs == ["SoAEntry/odd#control_id"]
}

test_fail_r4_entry_approval_too_old if {
	approvals := [{"by": "Person/lena", "on": "2025-11-29", "decision": "approved", "version": "2026.1"}]
	fs := c6_1_3.findings with input as _soa_entry("iso27001-A.5.15", {"approvals": approvals})
	fx.failures("R4", fs) == {{
		"rule": "R4", "outcome": "fail", "refs": ["SoAEntry/iso27001-A.5.15#approvals"],
		"message": concat("", [
			"1 of 93 SoA entries of iso27001:2022 (SoAEntry/iso27001-A.5.15) have no approval of their soa_version ",
			"on or after 2026-02-12 (the treatment plan changed on 2026-02-12 with RiskTreatment/rt-r-2): ",
			"have the Statement of Applicability approved again",
		]),
	}}
}

test_fail_r4_treatment_plan_changed_after_approval if {
	replans := [{"new_due_on": "2027-01-31", "approved_by": "Person/lena", "on": "2026-10-20"}]
	fs := c6_1_3.findings with input as fx.patched("RiskTreatment", "rt-r-1", {"replans": replans})
	some f in fx.failures("R4", fs)
	startswith(f.message, "93 of 93 SoA entries of iso27001:2022")
	contains(f.message, "on or after 2026-10-20 (the treatment plan changed on 2026-10-20 with RiskTreatment/rt-r-1)")
}

test_fail_r4_several_versions if {
	approvals := [{"by": "Person/lena", "on": "2026-10-19", "decision": "approved", "version": "2025.1"}]
	fs := c6_1_3.findings with input as _soa_entry("iso27001-A.5.15", {"soa_version": "2025.1", "approvals": approvals})
	some f in fx.failures("R4", fs)
	startswith(f.message, "the SoA entries of iso27001:2022 belong to 2 versions (2025.1, 2026.1)")
}

test_fail_r5_accepted_by_someone_else if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-1", {"acceptance": {"accepted_by": "Person/emre"}})
	fx.failures("R5", fs) == {{
		"rule": "R5", "outcome": "fail", "refs": ["Risk/r-1#acceptance"],
		"message": concat("", [
			"Risk/r-1 is accepted by Person/emre, who is neither its owner (Person/miriam) nor top ",
			"management: have the risk owner accept the treatment plan and the residual risk",
		]),
	}}
}

test_pass_r5_accepted_by_top_management if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-1", {"acceptance": {"accepted_by": "Person/lena"}})
	fx.outcomes("R5", fs) == {"pass"}
}

test_fail_r5_accepted_before_last_assessment if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-1", {"acceptance": {"on": "2026-02-01"}})
	some f in fx.failures("R5", fs)
	contains(f.message, "was accepted on 2026-02-01, before its last assessment on 2026-02-10")
}

test_fail_r5_no_acceptance if {
	fs := c6_1_3.findings with input as fx.stripped("Risk", "r-1", ["acceptance"])
	some f in fx.failures("R5", fs)
	f.message == "Risk/r-1 has no acceptance: have the risk owner accept the treatment plan and the residual risk"
}

test_pass_r5_acceptance_expiring_soon_is_at_risk if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-1", {"acceptance": {"expires_on": "2026-12-03"}})
	fx.outcomes("R5", fs) == {"pass", "at_risk"}
}

test_fail_r5_acceptance_expired if {
	fs := c6_1_3.findings with input as fx.patched("Risk", "r-1", {"acceptance": {"expires_on": "2026-11-29"}})
	fx.outcomes("R5", fs) == {"fail"}
}
