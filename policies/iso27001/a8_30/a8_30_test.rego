package annexa.iso27001.a8_30_test

import data.annexa.iso27001.a8_30
import rego.v1

_params := {
	"lookback_days": 365, "config_scan_days": 7,
	"required_pipeline_gates": ["peer-review", "unit-tests", "sast", "sca", "secrets-scan"],
}

_devco := {
	"kind": "Supplier", "id": "devco", "supplier_type": "outsourced-development", "criticality": "high",
	"data_access": "confidential", "relationship": {"start_on": "2025-01-01"},
	"contract": {
		"signed_on": "2024-12-15",
		"clauses": ["confidentiality", "secure-development", "audit-right", "intellectual-property"],
	},
}

_change := {
	"kind": "ChangeRecord", "id": "chg-sup", "change_class": "normal", "systems": ["Asset/app"],
	"environment": "prod", "author": "Person/sam", "outsourced_supplier": "Supplier/devco",
	"deployed_on": "2026-09-10T08:00:00Z", "pr": "https://github.com/acme/app/pull/12",
	"approvals": [{"by": "Person/tobias", "on": "2026-09-09", "decision": "approved"}],
}

_tobias := {"kind": "Person", "id": "tobias", "employment_type": "employee", "start_date": "2021-06-01"}

_sam := {"kind": "Person", "id": "sam", "employment_type": "contractor", "start_date": "2025-01-01"}

_repo := {
	"kind": "Asset", "id": "repo-app", "asset_type": "repository", "environment": "prod",
	"external_ids": {"repo": "github.com/acme/app"},
}

_app := {"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod"}

_gates(status_of) := {
	"kind": "TestRun", "id": "vcs-1", "test_type": "vcs-settings", "performed_on": "2026-11-29T04:45:00Z",
	"scope": ["Asset/repo-app"],
	"results": [{
		"check_id": sprintf("gate:%s", [g]), "resource": "Asset/repo-app",
		"status": object.get(status_of, g, "pass"),
	} |
		some g in ["peer-review", "unit-tests", "sast", "sca", "secrets-scan"]
	],
}

_records := {
	"Supplier": {"devco": _devco},
	"ChangeRecord": {"chg-sup": _change},
	"Person": {"tobias": _tobias, "sam": _sam},
	"Asset": {"repo-app": _repo, "app": _app},
	"TestRun": {"vcs-1": _gates({})},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_fails(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

_with_clauses(clauses) := object.union(object.remove(_devco, ["contract"]), {"contract": {"clauses": clauses}})

_with_approvals(approvals) := object.union(object.remove(_change, ["approvals"]), {"approvals": approvals})

test_pass_all_rules if {
	fs := a8_30.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

# --- R1

test_fail_r1_clauses_missing if {
	devco := _with_clauses(["confidentiality", "secure-development"])
	fs := a8_30.findings with input as _input({"Supplier": {"devco": devco}})
	_fails("R1", fs) == {{
		"rule": "R1", "outcome": "fail", "refs": ["Supplier/devco#contract.clauses"],
		"message": concat("", [
			"Supplier/devco develops software for us, but its contract lacks the clauses ",
			"audit-right, intellectual-property: add them to the contract",
		]),
	}}
}

test_pass_r1_ip_clause_spelling if {
	devco := _with_clauses(["secure-development", "audit-right", "ip-rights"])
	fs := a8_30.findings with input as _input({"Supplier": {"devco": devco}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_contract if {
	fs := a8_30.findings with input as _input({"Supplier": {"devco": object.remove(_devco, ["contract"])}})
	some f in _fails("R1", fs)
	f.refs == ["Supplier/devco"]
	contains(f.message, "lacks the clauses audit-right, intellectual-property, secure-development")
}

test_fail_r1_supplier_not_recorded if {
	fs := a8_30.findings with input as _input({"Supplier": {}})
	some f in _fails("R1", fs)
	f.message == "Supplier/devco develops our code (outsourced_supplier) but is not in the bundle: record the supplier"
}

test_fail_r1_active_supplier_without_changes if {
	fs := a8_30.findings with input as _input({"Supplier": {"devco": _with_clauses([])}, "ChangeRecord": {}})
	_outcomes("R1", fs) == {"fail"}
}

test_r1_ended_supplier_without_changes_ignored if {
	ended := object.union(_with_clauses([]), {"relationship": {"start_on": "2020-01-01", "end_on": "2026-11-30"}})
	fs := a8_30.findings with input as _input({"Supplier": {"devco": ended}, "ChangeRecord": {}})
	_outcomes("R1", fs) == {"not_exercised"}
}

# --- R2

test_fail_r2_approved_by_contractor_only if {
	by_sam := [{"by": "Person/pat", "on": "2026-09-09", "decision": "approved"}]
	pat := object.union(_sam, {"id": "pat"})
	fs := a8_30.findings with input as _input({
		"ChangeRecord": {"chg-sup": _with_approvals(by_sam)},
		"Person": {"tobias": _tobias, "sam": _sam, "pat": pat},
	})
	_fails("R2", fs) == {{
		"rule": "R2", "outcome": "fail", "refs": ["ChangeRecord/chg-sup#approvals"],
		"message": concat("", [
			"ChangeRecord/chg-sup was made by Supplier/devco and deployed on 2026-09-10 without an approval on or ",
			"before that day by one of our employees other than the author: have an internal employee review and ",
			"approve supplier changes",
		]),
	}}
}

test_fail_r2_approved_by_author if {
	author := object.union(_change, {"author": "Person/tobias"})
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": author}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_approved_after_deployment if {
	late := _with_approvals([{"by": "Person/tobias", "on": "2026-09-11", "decision": "approved"}])
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": late}})
	_outcomes("R2", fs) == {"fail"}
}

test_pass_r2_approved_on_deployment_day if {
	same := _with_approvals([{"by": "Person/tobias", "on": "2026-09-10", "decision": "approved"}])
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": same}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_rejection_is_no_approval if {
	rejected := _with_approvals([{"by": "Person/tobias", "on": "2026-09-09", "decision": "rejected"}])
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": rejected}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_approver_left_that_day if {
	# end_date is exclusive: on it the person is no longer one of our employees.
	left := object.union(_tobias, {"end_date": "2026-09-09"})
	fs := a8_30.findings with input as _input({"Person": {"tobias": left, "sam": _sam}})
	_outcomes("R2", fs) == {"fail"}
}

test_fail_r2_no_approvals_field if {
	bare := object.remove(_change, ["approvals"])
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": bare}})
	{f.refs | some f in _fails("R2", fs)} == {["ChangeRecord/chg-sup"]}
}

test_r2_not_exercised_without_supplier_changes if {
	ours := object.remove(_change, ["outsourced_supplier"])
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": ours}})
	_outcomes("R2", fs) == {"not_exercised"}
	_outcomes("R3", fs) == {"not_exercised"}
}

test_r2_old_supplier_change_outside_lookback if {
	old := object.union(_change, {"deployed_on": "2025-11-29T08:00:00Z", "approvals": []})
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": old}})
	_outcomes("R2", fs) == {"not_exercised"}
}

# --- R3

test_fail_r3_gate_not_enforced if {
	fs := a8_30.findings with input as _input({"TestRun": {"vcs-1": _gates({"peer-review": "fail"})}})
	_fails("R3", fs) == {{
		"rule": "R3", "outcome": "fail", "refs": ["TestRun/vcs-1#results.0"],
		"message": concat("", [
			"Asset/repo-app does not enforce the required pipeline gates peer-review (fail) in TestRun/vcs-1 of ",
			"2026-11-29, and it receives supplier code: enforce the same pipeline gates for it",
		]),
	}}
}

test_fail_r3_repository_unknown if {
	no_pr := object.remove(_change, ["pr"])
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": no_pr}})
	some f in _fails("R3", fs)
	f.refs == ["ChangeRecord/chg-sup"]
	contains(f.message, "no repository Asset is named in its systems or matches its pr URL")
}

test_pass_r3_repository_in_systems if {
	direct := object.union(object.remove(_change, ["pr"]), {"systems": ["Asset/app", "Asset/repo-app"]})
	fs := a8_30.findings with input as _input({"ChangeRecord": {"chg-sup": direct}})
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_pr_path_without_host if {
	repo := object.union(object.remove(_repo, ["external_ids"]), {"external_ids": {"repo": "acme/app"}})
	gitlab := object.union(_change, {"pr": "https://gitlab.example.com/acme/app/-/merge_requests/7"})
	fs := a8_30.findings with input as _input({
		"Asset": {"repo-app": repo, "app": _app},
		"ChangeRecord": {"chg-sup": gitlab},
	})
	_outcomes("R3", fs) == {"pass"}
}

test_fail_r3_gate_export_stale if {
	old := object.union(_gates({}), {"performed_on": "2026-11-20T04:45:00Z"})
	fs := a8_30.findings with input as _input({"TestRun": {"vcs-1": old}})
	some f in _fails("R3", fs)
	contains(f.message, "no gate results in the last 7 days (config_scan_days; last: 2026-11-20)")
}
