package annexa.iso27001.a8_22_test

import data.annexa.iso27001.a8_22
import rego.v1

_params := {"config_scan_days": 7, "exception_approver_roles": ["isms-manager"], "exception_max_days": 365}

_org := {
	"kind": "Asset", "id": "aws-org", "asset_type": "cloud-account", "environment": "prod",
	"external_ids": {"cloud_arn": "arn:aws:organizations::111:organization/o-1"},
}

_app := {
	"kind": "Asset", "id": "app", "asset_type": "application", "environment": "prod",
	"external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:111:service/prod/app"},
}

_staging := {
	"kind": "Asset", "id": "app-staging", "asset_type": "application", "environment": "staging",
	"external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:222:service/staging/app"},
}

_scan := {
	"kind": "TestRun", "id": "cspm-1", "test_type": "cspm", "performed_on": "2026-11-29T04:00:00Z",
	"scope": ["Asset/aws-org"],
	"results": [
		{"check_id": "account_separation_prod_nonprod", "resource": "Asset/aws-org", "status": "pass"},
		{"check_id": "vpc_peering_routing_tables_with_least_privilege", "resource": "Asset/aws-org", "status": "pass"},
	],
}

_office := {
	"kind": "Site", "id": "office", "site_type": "coworking", "operated_by": "Supplier/spaces",
	"guest_network_separated": true,
}

_region := {"kind": "Site", "id": "region", "site_type": "cloud-region", "operated_by": "Supplier/aws"}

_ms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/office", "Site/region"]},
}

_miriam := {
	"kind": "Person", "id": "miriam", "start_date": "2022-01-01",
	"roles": [{"role": "Role/isms-manager", "from": "2022-01-01"}],
}

_records := {
	"ManagementSystem": {"isms": _ms},
	"Asset": {"aws-org": _org, "app": _app, "app-staging": _staging},
	"TestRun": {"cspm-1": _scan},
	"Site": {"office": _office, "region": _region},
	"Person": {"miriam": _miriam},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_with_results(results) := {"TestRun": {"cspm-1": object.union(_scan, {"results": results})}}

test_pass_all_rules if {
	fs := a8_22.findings with input as _input({})
	every rule in ["R1", "R2", "R3"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_fail_r1_staging_in_production_account if {
	mixed := object.union(_staging, {"external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:111:service/staging/app"}})
	fs := a8_22.findings with input as _input({"Asset": {"aws-org": _org, "app": _app, "app-staging": mixed}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/app-staging#external_ids"]
	f.message == concat("", [
		"Asset/app-staging (staging) sits in account 111 together with production Asset/app, Asset/aws-org: ",
		"move it to a non-production account or network",
	])
}

test_fail_r1_shared_vpc if {
	a := object.union(_app, {"external_ids": {"vpc_id": "vpc-1"}})
	b := object.union(_staging, {"external_ids": {"vpc_id": "vpc-1"}})
	fs := a8_22.findings with input as _input({"Asset": {"aws-org": _org, "app": a, "app-staging": b}})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	contains(f.message, "sits in vpc vpc-1 together with production Asset/app")
}

test_pass_r1_corp_assets_ignored if {
	corp := object.union(_staging, {
		"id": "wiki", "environment": "corp",
		"external_ids": {"cloud_arn": "arn:aws:ecs:eu-central-1:111:service/wiki"},
	})
	inp := _input({"Asset": {"aws-org": _org, "app": _app, "app-staging": _staging, "wiki": corp}})
	fs := a8_22.findings with input as inp
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_separation_check_failing if {
	fs := a8_22.findings with input as _input(_with_results([
		{"check_id": "account_separation_prod_nonprod", "resource": "Asset/aws-org", "status": "fail"},
		_scan.results[1],
	]))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/aws-org"]
}

test_fail_r2_unapproved_peering if {
	peer := {"check_id": "vpc_peering_connection_prod_staging", "resource": "pcx-1", "status": "fail"}
	fs := a8_22.findings with input as _input(_with_results(array.concat(_scan.results, [peer])))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["TestRun/cspm-1#results.2"]
}

test_pass_r2_peering_approved_by_exception if {
	peer := {"check_id": "vpc_peering_connection_prod_staging", "resource": "pcx-1", "status": "fail"}
	exc := {
		"kind": "Exception", "id": "exc-1", "applies_to": ["iso27001:A.8.22", "pcx-1"], "reason": "data migration",
		"requested_by": "Person/tobias", "approved_by": "Person/miriam", "approved_on": "2026-11-01",
		"expires_on": "2026-12-31",
	}
	fs := a8_22.findings with input as _input(object.union(
		_with_results(array.concat(_scan.results, [peer])),
		{"Exception": {"exc-1": exc}},
	))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_no_peering_check if {
	fs := a8_22.findings with input as _input(_with_results([_scan.results[0]]))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["Asset/aws-org"]
	contains(f.message, "has no peering or route check in the last 7 days (config_scan_days; last: never)")
}

test_fail_r3_guest_network_not_stated if {
	inp := _input({"Site": {"office": object.remove(_office, ["guest_network_separated"]), "region": _region}})
	fs := a8_22.findings with input as inp
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["Site/office#guest_network_separated"]
}

test_pass_r3_out_of_scope_office_ignored if {
	other := object.union(_office, {"id": "old", "guest_network_separated": false})
	fs := a8_22.findings with input as _input({"Site": {"office": _office, "region": _region, "old": other}})
	_outcomes("R3", fs) == {"pass"}
}
