package annexa.lib.support_test

import data.annexa.lib.support
import rego.v1

_isms := "iso27001:2022"

_aims := "iso42001:2023"

_records := {
	"ManagementSystem": {
		"isms": {"kind": "ManagementSystem", "id": "isms", "standard": _isms},
		"aims": {"kind": "ManagementSystem", "id": "aims", "standard": _aims},
	},
	"AISystem": {"bot": {"kind": "AISystem", "id": "bot", "systems": ["aims"]}},
	"Asset": {
		"app": {"kind": "Asset", "id": "app"},
		"ml": {"kind": "Asset", "id": "ml", "systems": ["aims"]},
	},
	"ChangeRecord": {
		"ai-only": {"kind": "ChangeRecord", "id": "ai-only", "systems": ["AISystem/bot", "Asset/ml"]},
		"mixed": {"kind": "ChangeRecord", "id": "mixed", "systems": ["AISystem/bot", "Asset/app"]},
		"policy": {"kind": "ChangeRecord", "id": "policy", "systems": ["ManagementSystem/isms"]},
		"unknown": {"kind": "ChangeRecord", "id": "unknown", "systems": ["Asset/gone", "AISystem/bot"]},
	},
	"Document": {
		"both": {"kind": "Document", "id": "both"},
		"empty": {"kind": "Document", "id": "empty", "systems": []},
		"isms": {"kind": "Document", "id": "isms", "systems": ["isms"]},
		"aims": {"kind": "Document", "id": "aims", "systems": ["aims"]},
	},
	"Nonconformity": {
		"by-standard": {"kind": "Nonconformity", "id": "by-standard", "standard": _aims, "systems": ["isms"]},
		"by-systems": {"kind": "Nonconformity", "id": "by-systems", "systems": ["isms"]},
		"untagged": {"kind": "Nonconformity", "id": "untagged"},
	},
	"Objective": {
		"sec": {"kind": "Objective", "id": "sec", "category": "security", "systems": ["aims"]},
		"dev": {"kind": "Objective", "id": "dev", "category": "ai-development"},
		"use": {"kind": "Objective", "id": "use", "category": "ai-use"},
		"ms": {"kind": "Objective", "id": "ms", "category": "aims"},
	},
	"RiskAssessment": {"ra": {"kind": "RiskAssessment", "id": "ra", "standard": _aims}},
	"ManagementReview": {"mr": {"kind": "ManagementReview", "id": "mr", "standards": [_isms, _aims]}},
	"InternalAudit": {"ia": {"kind": "InternalAudit", "id": "ia", "standards": [_isms]}},
}

_of(kind, std) := refs if {
	refs := support.of(kind, std) with input as {"as_of": "2026-11-30", "params": {}, "records": _records}
}

test_pass_management_system_by_standard if {
	_of("ManagementSystem", _isms) == {"ManagementSystem/isms"}
	_of("ManagementSystem", _aims) == {"ManagementSystem/aims"}
}

test_pass_change_records_by_what_they_touch if {
	_of("ChangeRecord", _isms) == {"ChangeRecord/mixed", "ChangeRecord/policy", "ChangeRecord/unknown"}
	_of("ChangeRecord", _aims) == {"ChangeRecord/ai-only", "ChangeRecord/mixed", "ChangeRecord/unknown"}
}

test_pass_systems_absent_or_empty_means_both if {
	_of("Document", _isms) == {"Document/both", "Document/empty", "Document/isms"}
	_of("Document", _aims) == {"Document/both", "Document/empty", "Document/aims"}
}

test_pass_nonconformity_standard_before_systems if {
	_of("Nonconformity", _isms) == {"Nonconformity/by-systems", "Nonconformity/untagged"}
	_of("Nonconformity", _aims) == {"Nonconformity/by-standard", "Nonconformity/untagged"}
}

test_pass_objective_by_category if {
	_of("Objective", _isms) == {"Objective/sec"}
	_of("Objective", _aims) == {"Objective/dev", "Objective/ms", "Objective/use"}
}

test_pass_assessments_reviews_and_audits_by_standard if {
	_of("RiskAssessment", _isms) == set()
	_of("RiskAssessment", _aims) == {"RiskAssessment/ra"}
	_of("ManagementReview", _isms) == {"ManagementReview/mr"}
	_of("ManagementReview", _aims) == {"ManagementReview/mr"}
	_of("InternalAudit", _aims) == set()
}

test_pass_anchor_without_management_system if {
	a := support.anchor(_isms) with input as {"as_of": "2026-11-30", "params": {}, "records": {}}
	a == {"ManagementSystem"}
}
