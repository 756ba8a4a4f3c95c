package annexa.iso27001.c4_4_test

import data.annexa.iso27001.c4_4
import data.annexa.lib.planning_test as fx
import rego.v1

test_pass_all_rules if {
	fs := c4_4.findings with input as fx.base
	fx.all_pass(["R1", "R2"], fs)
}

test_fail_r1_no_management_system if {
	fs := c4_4.findings with input as fx.dropped("ManagementSystem", "isms")
	fx.failures("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": [],
		"message": "no ManagementSystem with standard iso27001:2022 is recorded: add the record",
	}}
}

test_fail_r1_two_records if {
	second := object.union(fx.records.ManagementSystem.isms, {"id": "isms-2"})
	inp := fx.input_with({"ManagementSystem": object.union(fx.records.ManagementSystem, {"isms-2": second})})
	fs := c4_4.findings with input as inp
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/isms", "ManagementSystem/isms-2"]
	startswith(f.message, "2 ManagementSystem records have standard iso27001:2022")
}

test_fail_r1_not_approved if {
	fs := c4_4.findings with input as fx.patched("ManagementSystem", "isms", {"approvals": []})
	some f in fx.failures("R1", fs)
	f.refs == ["ManagementSystem/isms#approvals"]
}

test_fail_r2_procedure_missing if {
	fs := c4_4.findings with input as fx.dropped("Document", "proc-backup")
	fx.failures("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ManagementSystem/isms"],
		"message": concat("", [
			"no current procedure of iso27001:2022 for backup, which required_procedures lists: publish and approve a ",
			"Document with doc_type procedure and topic backup",
		]),
	}}
}

test_fail_r2_procedure_of_the_other_system if {
	fs := c4_4.findings with input as fx.patched("Document", "proc-backup", {"systems": ["aims"]})
	fx.outcomes("R2", fs) == {"fail"}
}

test_fail_r2_owner_left if {
	fs := c4_4.findings with input as fx.patched("Person", "miriam", {"end_date": "2026-06-30"})
	some f in fx.failures("R2", fs)
	f.refs == ["Document/proc-backup#owner"]
}

test_fail_r2_procedure_not_reviewed if {
	fs := c4_4.findings with input as fx.patched("Document", "proc-backup", {"review_interval_days": 300})
	some f in fx.failures("R2", fs)
	f.message == concat("", [
		"Document/proc-backup was last reviewed on 2026-01-19, not within 300 days of 2026-11-30: ",
		"review it and record the review",
	])
}

test_pass_r2_parameter_named_in_failure if {
	ms := object.union(fx.records.ManagementSystem.isms, {"parameters": {"required_procedures": ["backup", "change"]}})
	inp := fx.with_params(
		fx.input_with({"ManagementSystem": object.union(fx.records.ManagementSystem, {"isms": ms})}),
		{"required_procedures": ["backup", "change"]},
	)
	fs := c4_4.findings with input as inp
	some f in fx.failures("R2", fs)
	f.refs == ["ManagementSystem/isms#parameters.required_procedures"]
}
