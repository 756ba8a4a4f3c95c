package annexa.iso27001.a7_13_test

import data.annexa.iso27001.a7_13
import rego.v1

_params := {"lookback_days": 365}

_printer := {
	"kind": "Asset", "id": "printer", "asset_type": "facility-equipment", "owner": "Person/miriam",
	"maintenance": {"required": true, "interval_days": 180, "provider": "Supplier/printfix"},
}

_printfix := {"kind": "Supplier", "id": "printfix", "relationship": {"start_on": "2024-01-01"}}

_job := {
	"kind": "Activity", "id": "mnt-1", "activity_type": "maintenance", "subject_refs": ["Asset/printer"],
	"performed_by": "Person/aylin", "performed_on": "2026-09-01", "outcome": "ok",
	"metrics": {"sent_off_site": 1, "wiped": 1},
}

_aylin := {
	"kind": "Person", "id": "aylin", "start_date": "2022-04-01",
	"roles": [{"role": "Role/engineer", "from": "2022-04-01"}],
}

_records := {
	"Asset": {"printer": _printer},
	"Supplier": {"printfix": _printfix},
	"Activity": {"mnt-1": _job},
	"Person": {"aylin": _aylin},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

test_pass_all_rules if {
	fs := a7_13.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_service_overdue if {
	old := object.union(_job, {"performed_on": "2026-06-02"})
	fs := a7_13.findings with input as _input({"Activity": {"mnt-1": old}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/printer"]
	f.message == concat("", [
		"Asset/printer was last serviced on 2026-06-02, more than its interval of 180 days ago: ",
		"service it and record a maintenance Activity",
	])
}

test_pass_r1_service_on_interval_boundary if {
	edge := object.union(_job, {"performed_on": "2026-06-03"})
	fs := a7_13.findings with input as _input({"Activity": {"mnt-1": edge}})
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_no_interval if {
	vague := object.union(object.remove(_printer, ["maintenance"]), {"maintenance": {"required": true}})
	fs := a7_13.findings with input as _input({"Asset": {"printer": vague}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/printer#maintenance"]
	f.message == "Asset/printer needs maintenance but states no interval_days: record the servicing interval"
}

test_fail_r1_never_serviced if {
	fs := a7_13.findings with input as _input({"Activity": {}})
	some f in fs
	f.rule == "R1"
	contains(f.message, "last serviced on never")
}

test_fail_r2_unauthorised_performer if {
	diy := object.remove(_printer, ["maintenance"])
	required := object.union(diy, {"maintenance": {"required": true, "interval_days": 180}})
	fs := a7_13.findings with input as _input({"Asset": {"printer": required}})
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Activity/mnt-1#performed_by"]
	f.message == concat("", [
		"Activity/mnt-1: Person/aylin serviced Asset/printer on 2026-09-01 without a contracted maintenance supplier ",
		"(provider: none) and is not its owner, custodian or a holder of Role/facilities-lead or Role/it-admin: ",
		"record who was entitled to do it",
	])
}

test_fail_r2_supplier_contract_ended if {
	ended := object.union(_printfix, {"relationship": {"end_on": "2026-08-01"}})
	fs := a7_13.findings with input as _input({"Supplier": {"printfix": ended}})
	"fail" in _outcomes("R2", fs)
}

test_pass_r2_it_admin_without_supplier if {
	diy := object.union(
		object.remove(_printer, ["maintenance"]),
		{"maintenance": {"required": true, "interval_days": 180}},
	)
	admin := object.union(_aylin, {"roles": [{"role": "Role/it-admin", "from": "2023-01-02"}]})
	fs := a7_13.findings with input as _input({"Asset": {"printer": diy}, "Person": {"aylin": admin}})
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_owner_services_own_asset if {
	diy := object.union(
		object.remove(_printer, ["maintenance"]),
		{"maintenance": {"required": true, "interval_days": 180}},
	)
	job := object.union(_job, {"performed_by": "Person/miriam"})
	fs := a7_13.findings with input as _input({"Asset": {"printer": diy}, "Activity": {"mnt-1": job}})
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r3_sent_off_site_without_wipe if {
	bare := object.union(object.remove(_job, ["metrics"]), {"metrics": {"sent_off_site": 1}})
	fs := a7_13.findings with input as _input({"Activity": {"mnt-1": bare}})
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Activity/mnt-1#metrics"]
	contains(f.message, "sent Asset/printer off-site on 2026-09-01 without a recorded wipe or escort")
}

test_pass_r3_escorted if {
	escorted := object.union(object.remove(_job, ["metrics"]), {"metrics": {"sent_off_site": 1, "escorted": 1}})
	fs := a7_13.findings with input as _input({"Activity": {"mnt-1": escorted}})
	_outcomes("R3", fs) == {"pass"}
}

test_r3_on_site_repairs_not_exercised if {
	onsite := object.remove(_job, ["metrics"])
	fs := a7_13.findings with input as _input({"Activity": {"mnt-1": onsite}})
	_outcomes("R3", fs) == {"not_exercised"}
}
