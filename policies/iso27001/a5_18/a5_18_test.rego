package annexa.iso27001.a5_18_test

import data.annexa.iso27001.a5_18
import rego.v1

_params := {
	"access_review_days": {"privileged": 90, "standard": 180, "physical": 180},
	"lookback_days": 365, "access_revoke_after_review_days": 14, "at_risk_days": 7,
}

_asset(id, type, crit) := {
	"kind": "Asset", "id": id, "asset_type": type, "owner": "Person/erin", "classification": "internal",
	"criticality": crit, "environment": "prod",
}

_account(id, system, extra) := object.union(
	{
		"kind": "Account", "id": id, "system": system, "external_id": id, "account_type": "human",
		"holder": "Person/alice", "privileged": false, "created_on": "2022-01-01", "observed_on": "2026-11-29",
	},
	extra,
)

_accounts := {
	"aws-alice": _account("aws-alice", "Asset/aws-org", {
		"privileged": true, "created_on": "2026-02-01",
		"approval_ref": {"by": "Person/erin", "on": "2026-01-30", "ticket": "IT-1"},
	}),
	"aws-ci": object.remove(
		_account("aws-ci", "Asset/aws-org", {
			"account_type": "service", "service_owner": "Person/erin",
			"created_on": "2023-01-01",
		}),
		["holder"],
	),
	"aws-ivan": _account("aws-ivan", "Asset/aws-org", {
		"holder": "Person/ivan", "privileged": true, "created_on": "2023-01-01",
		"disabled_on": "2026-10-05",
	}),
	"slack-alice": _account("slack-alice", "Asset/slack", {}),
	"badge-alice": _account("badge-alice", "Asset/badge", {}),
}

_item(account, decision, on) := {
	"account": account, "decision": decision,
	"decided_by": "Person/erin", "decided_on": on,
}

# _single is a review of one system with one decision on one account, made on its completion day.
_single(id, system, type, on, account, decision) := _review(id, system, type, on, [_item(account, decision, on)])

_review(id, system, type, completed, items) := {
	"kind": "AccessReview", "id": id, "systems": [system], "review_type": type, "reviewer": "Person/erin",
	"started_on": completed, "completed_on": completed, "population_snapshot": {"count": count(items)},
	"items": items,
}

_ar_aws := object.union(
	_review("ar-aws", "Asset/aws-org", "standard", "2026-10-03", [
		_item("Account/aws-alice", "keep", "2026-10-02"),
		_item("Account/aws-ci", "keep", "2026-10-02"),
		object.union(_item("Account/aws-ivan", "revoke", "2026-10-02"), {"remediated_on": "2026-10-05"}),
	]),
	{"started_on": "2026-10-01"},
)

_records := {
	"Asset": {
		"aws-org": _asset("aws-org", "cloud-account", "high"),
		"slack": _asset("slack", "service", "medium"),
		"badge": _asset("badge", "facility-equipment", "medium"),
	},
	"Site": {"office": {"kind": "Site", "id": "office", "site_type": "office", "entry_system": "Asset/badge"}},
	"Account": _accounts,
	"AccessReview": {
		"ar-aws": _ar_aws,
		"ar-slack": _single("ar-slack", "Asset/slack", "standard", "2026-07-01", "Account/slack-alice", "keep"),
		"ar-badge": _single("ar-badge", "Asset/badge", "physical", "2026-08-01", "Account/badge-alice", "keep"),
	},
}

_input(extra) := {
	"as_of": "2026-11-30",
	"params": _params,
	"records": object.union(object.remove(_records, object.keys(extra)), extra),
}

_outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

_failed(rule, fs) := {r | some f in fs; f.rule == rule; f.outcome == "fail"; some r in f.refs}

_reviews(extra) := {"AccessReview": object.union(object.remove(_records.AccessReview, object.keys(extra)), extra)}

_accounts_with(extra) := {"Account": object.union(object.remove(_accounts, object.keys(extra)), extra)}

test_pass_all_rules if {
	fs := a5_18.findings with input as _input({})
	every rule in ["R1", "R2", "R3", "R4"] {
		_outcomes(rule, fs) == {"pass"}
	}
}

test_pass_r1_population_is_systems_with_enabled_accounts if {
	fs := a5_18.findings with input as _input({})
	some f in fs
	f.rule == "R1"
	f.refs == ["Asset/aws-org", "Asset/badge", "Asset/slack"]
}

# --- R1

test_fail_r1_privileged_system_review_too_old if {
	old := object.union(_ar_aws, {"completed_on": "2026-08-31"})
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": old}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/aws-org"]
	f.message == concat("", [
		"Asset/aws-org has enabled privileged accounts but no AccessReview of it was completed within ",
		"access_review_days.privileged 90 of 2026-11-30 (last: 2026-08-31): review its accounts",
	])
}

test_pass_r1_privileged_review_on_boundary if {
	edge := object.union(_ar_aws, {"completed_on": "2026-09-01"})
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": edge}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_standard_system_review_too_old if {
	old := _single("ar-slack", "Asset/slack", "standard", "2026-06-02", "Account/slack-alice", "keep")
	fs := a5_18.findings with input as _input(_reviews({"ar-slack": old}))
	_failed("R1", fs) == {"Asset/slack"}
}

test_pass_r1_standard_review_on_boundary if {
	edge := _single("ar-slack", "Asset/slack", "standard", "2026-06-03", "Account/slack-alice", "keep")
	fs := a5_18.findings with input as _input(_reviews({"ar-slack": edge}))
	_outcomes("R1", fs) == {"pass"}
}

test_fail_r1_critical_system_uses_privileged_cadence if {
	critical := _asset("slack", "service", "critical")
	fs := a5_18.findings with input as _input({"Asset": object.union(_records.Asset, {"slack": critical})})
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/slack"]
	contains(f.message, "Asset/slack is critical but no AccessReview of it was completed within")
	contains(f.message, "access_review_days.privileged 90")
}

test_fail_r1_entry_system_uses_physical_cadence if {
	fs := a5_18.findings with input as object.union(
		_input({}),
		{"params": {"access_review_days": {"privileged": 90, "standard": 180, "physical": 100}}},
	)
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/badge"]
	contains(f.message, "is a site entry system but no AccessReview of it was completed within")
	contains(f.message, "access_review_days.physical 100")
}

test_fail_r1_system_never_reviewed if {
	acc := _account("gh-alice", "Asset/github", {})
	fs := a5_18.findings with input as _input(_accounts_with({"gh-alice": acc}))
	some f in fs
	f.rule == "R1"
	f.outcome == "fail"
	f.refs == ["Asset/github"]
	contains(f.message, "(last: never)")
}

test_pass_r1_systems_without_enabled_accounts_out_of_scope if {
	gone := _account("gh-alice", "Asset/github", {"disabled_on": "2026-01-01"})
	future := _account("gh-bob", "Asset/github", {"created_on": "2026-12-01"})
	fs := a5_18.findings with input as _input(_accounts_with({"gh-alice": gone, "gh-bob": future}))
	_outcomes("R1", fs) == {"pass"}
}

# --- R2

test_fail_r2_count_differs_from_snapshot if {
	bad := object.union(_ar_aws, {"population_snapshot": {"count": 4}})
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": bad}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["AccessReview/ar-aws#population_snapshot.count"]
	f.message == concat("", [
		"AccessReview/ar-aws has 3 items but its population_snapshot counts 4 accounts: decide on every ",
		"account of the snapshot",
	])
}

test_fail_r2_no_snapshot if {
	bad := object.remove(_ar_aws, ["population_snapshot"])
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": bad}))
	_failed("R2", fs) == {"AccessReview/ar-aws"}
}

test_fail_r2_account_left_out if {
	bob := _account("aws-bob", "Asset/aws-org", {"holder": "Person/bob", "created_on": "2026-10-01"})
	fs := a5_18.findings with input as _input(_accounts_with({"aws-bob": bob}))
	some f in fs
	f.rule == "R2"
	f.outcome == "fail"
	f.refs == ["AccessReview/ar-aws#items", "Account/aws-bob"]
	f.message == concat("", [
		"AccessReview/ar-aws (standard) leaves out 1 account(s) of its systems enabled on 2026-10-01: ",
		"Account/aws-bob; add decisions for them",
	])
}

test_pass_r2_accounts_created_after_start_not_expected if {
	bob := _account("aws-bob", "Asset/aws-org", {"holder": "Person/bob", "created_on": "2026-10-02"})
	fs := a5_18.findings with input as _input(_accounts_with({"aws-bob": bob}))
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_privileged_review_expects_privileged_accounts_only if {
	priv := object.union(_ar_aws, {
		"review_type": "privileged", "population_snapshot": {"count": 2},
		"items": [_ar_aws.items[0], _ar_aws.items[2]],
	})
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": priv}))
	_outcomes("R2", fs) == {"pass"}
}

test_fail_r2_privileged_review_misses_admin if {
	priv := object.union(_ar_aws, {
		"review_type": "privileged", "population_snapshot": {"count": 2},
		"items": [_ar_aws.items[1], _ar_aws.items[2]],
	})
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": priv}))
	_failed("R2", fs) == {"AccessReview/ar-aws#items", "Account/aws-alice"}
}

test_pass_r2_service_account_review if {
	svc := object.union(_ar_aws, {
		"id": "ar-svc", "review_type": "service-accounts", "population_snapshot": {"count": 1},
		"items": [_ar_aws.items[1]],
	})
	fs := a5_18.findings with input as _input(_reviews({"ar-svc": svc}))
	_outcomes("R2", fs) == {"pass"}
}

test_pass_r2_reviews_before_lookback_ignored if {
	old := object.union(_ar_aws, {"id": "ar-old", "completed_on": "2025-11-29", "population_snapshot": {"count": 9}})
	fs := a5_18.findings with input as _input(_reviews({"ar-old": old}))
	_outcomes("R2", fs) == {"pass"}
}

# --- R3

_revoke_done_on(on) := object.union(_ar_aws, {"items": [
	_ar_aws.items[0], _ar_aws.items[1],
	object.union(_item("Account/aws-ivan", "revoke", "2026-10-02"), {"remediated_on": on}),
]})

test_fail_r3_revoked_late if {
	ivan := object.remove(_accounts["aws-ivan"], ["disabled_on"])
	fs := a5_18.findings with input as _input(object.union(
		_reviews({"ar-aws": _revoke_done_on("2026-10-17")}),
		_accounts_with({"aws-ivan": ivan}),
	))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["AccessReview/ar-aws#items.2.remediated_on"]
	f.message == concat("", [
		"AccessReview/ar-aws decided on 2026-10-02 to revoke Account/aws-ivan, which was done on 2026-10-17, ",
		"after the deadline 2026-10-16 (access_revoke_after_review_days 14)",
	])
}

test_pass_r3_revoked_on_deadline if {
	ivan := object.remove(_accounts["aws-ivan"], ["disabled_on"])
	fs := a5_18.findings with input as _input(object.union(
		_reviews({"ar-aws": _revoke_done_on("2026-10-16")}),
		_accounts_with({"aws-ivan": ivan}),
	))
	_outcomes("R3", fs) == {"pass"}
}

test_pass_r3_account_disabled_counts if {
	no_remediation := object.union(_ar_aws, {"items": [
		_ar_aws.items[0], _ar_aws.items[1],
		_item("Account/aws-ivan", "revoke", "2026-10-02"),
	]})
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": no_remediation}))
	_outcomes("R3", fs) == {"pass"}
}

_open_review(decided) := _single("ar-slack", "Asset/slack", "standard", decided, "Account/slack-alice", "modify")

test_fail_r3_open_change_overdue if {
	fs := a5_18.findings with input as _input(_reviews({"ar-slack": _open_review("2026-11-10")}))
	some f in fs
	f.rule == "R3"
	f.outcome == "fail"
	f.refs == ["AccessReview/ar-slack#items.0.decision"]
	f.message == concat("", [
		"AccessReview/ar-slack decided on 2026-11-10 to modify Account/slack-alice, which is not done and ",
		"overdue since 2026-11-24: carry it out and record remediated_on",
	])
}

test_r3_open_change_at_risk if {
	fs := a5_18.findings with input as _input(_reviews({"ar-slack": _open_review("2026-11-20")}))
	_outcomes("R3", fs) == {"pass", "at_risk"}
}

test_fail_r3_remediation_after_as_of_is_not_done if {
	ivan := object.remove(_accounts["aws-ivan"], ["disabled_on"])
	fs := a5_18.findings with input as _input(object.union(
		_reviews({"ar-aws": _revoke_done_on("2026-12-01")}),
		_accounts_with({"aws-ivan": ivan}),
	))
	_failed("R3", fs) == {"AccessReview/ar-aws#items.2.decision"}
}

test_r3_not_exercised_without_changes if {
	keep_only := object.union(_ar_aws, {
		"population_snapshot": {"count": 2},
		"items": [_ar_aws.items[0], _ar_aws.items[1]],
	})
	fs := a5_18.findings with input as _input(_reviews({"ar-aws": keep_only}))
	_outcomes("R3", fs) == {"not_exercised"}
}

# --- R4

test_fail_r4_no_approval if {
	acc := object.remove(_accounts["aws-alice"], ["approval_ref"])
	fs := a5_18.findings with input as _input(_accounts_with({"aws-alice": acc}))
	some f in fs
	f.rule == "R4"
	f.outcome == "fail"
	f.refs == ["Account/aws-alice"]
	f.message == concat("", [
		"Account/aws-alice (Asset/aws-org) was created on 2026-02-01 without an approval_ref dated on or ",
		"before 2026-11-30: record who approved the access",
	])
}

test_fail_r4_self_approved if {
	acc := object.union(_accounts["aws-alice"], {"approval_ref": {"by": "Person/alice", "on": "2026-01-30"}})
	fs := a5_18.findings with input as _input(_accounts_with({"aws-alice": acc}))
	_failed("R4", fs) == {"Account/aws-alice#approval_ref.by"}
}

test_fail_r4_approval_after_as_of if {
	acc := object.union(_accounts["aws-alice"], {"approval_ref": {"by": "Person/erin", "on": "2026-12-01"}})
	fs := a5_18.findings with input as _input(_accounts_with({"aws-alice": acc}))
	_failed("R4", fs) == {"Account/aws-alice"}
}

test_pass_r4_service_account_without_holder if {
	svc := object.remove(
		_account("svc-new", "Asset/aws-org", {
			"account_type": "service", "service_owner": "Person/erin", "created_on": "2026-09-01",
			"approval_ref": {"by": "Person/erin", "on": "2026-08-30"},
		}),
		["holder"],
	)
	fs := a5_18.findings with input as _input(_accounts_with({"svc-new": svc}))
	_outcomes("R4", fs) == {"pass"}
}

test_r4_old_accounts_out_of_lookback if {
	acc := object.union(object.remove(_accounts["aws-alice"], ["approval_ref"]), {"created_on": "2025-11-29"})
	fs := a5_18.findings with input as _input(_accounts_with({"aws-alice": acc}))
	_outcomes("R4", fs) == {"not_exercised"}
}
