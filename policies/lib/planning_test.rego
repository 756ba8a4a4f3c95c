package annexa.lib.planning_test

import data.annexa.lib.assurance
import data.annexa.lib.planning
import rego.v1

# A small organisation whose ISMS and AIMS pass every rule of clauses 4.1 to 6.3 on 2026-11-30.
# The clause tests (policies/iso27001/c*/ and policies/iso42001/c*/) break one thing at a time.

as_of := "2026-11-30"

params := {
	"lookback_days": 365, "at_risk_days": 7, "doc_review_days": 365, "policy_review_days": 365,
	"ack_coverage_pct": 100, "ack_grace_days": 30, "required_procedures": ["backup"],
	"required_roles_aims": ["aims-owner", "ai-impact-approver"],
	"ai_policy_required_flags": ["fit_to_purpose", "objectives_framework"],
	"attestation_max_days": 365, "attestation_sod": false, "management_review_days": 365,
	"risk_assessment_days": 365, "soa_review_days": 365, "objective_measure_days": 90,
}

_approved(on, version) := [{
	"by": "Person/lena", "role": "Role/ceo", "on": on, "decision": "approved",
	"version": version,
}]

_person(id, roles) := {
	"kind": "Person", "id": id, "employment_type": "employee", "start_date": "2021-01-01",
	"roles": [{"role": r, "from": "2021-01-01"} | some r in roles],
}

_ms(id, std, extra) := object.union(
	{
		"kind": "ManagementSystem", "id": id, "standard": std, "scope_doc": sprintf("Document/%s-scope", [id]),
		"boundaries": {"sites": ["Site/office"], "systems": ["Asset/app"], "ai_systems": ["AISystem/bot"]},
		"issues": [
			{"id": "int-1", "type": "internal", "summary": "Small team", "reviewed_on": "2026-10-15"},
			{
				"id": "ext-1", "type": "external", "summary": "Climate", "climate_relevant": true,
				"reviewed_on": "2026-10-15",
			},
		],
		"top_management": ["Person/lena"],
		"approvals": _approved("2026-01-19", "1"),
		"reviews": [{"by": "Person/miriam", "on": "2026-10-15", "outcome": "updated"}],
	},
	extra,
)

_doc(id, doc_type, topic, extra) := object.union(
	{
		"kind": "Document", "id": id, "doc_type": doc_type, "topic": topic, "version": "1.0.0",
		"published_on": "2026-01-20", "location": sprintf("https://handbook.example/%s", [id]),
		"review_interval_days": 365, "owner": "Person/miriam",
		"approvals": _approved("2026-01-19", "1.0.0"),
		"reviews": [{"by": "Person/miriam", "on": "2026-01-15", "outcome": "updated"}],
	},
	extra,
)

_ack(person, doc) := {
	"kind": "Acknowledgement", "id": sprintf("%s-%s", [person, doc]), "person": sprintf("Person/%s", [person]),
	"ack_type": "policy", "document": sprintf("Document/%s", [doc]), "document_version": "1.0.0",
	"signed_on": "2026-01-25",
}

_risk(id, domain, entry, owner, extra) := object.union(
	{
		"kind": "Risk", "id": id, "domain": domain, "kind_of_entry": entry, "description": id,
		"owner": sprintf("Person/%s", [owner]),
		"inherent": {"likelihood": 4, "impact": 4, "score": 16}, "residual": {"likelihood": 2, "impact": 4, "score": 8},
		"treatment_option": "modify", "treatments": [sprintf("RiskTreatment/rt-%s", [id])],
		"acceptance": {"accepted_by": sprintf("Person/%s", [owner]), "on": "2026-02-12", "expires_on": "2027-02-12"},
		"last_assessed_on": "2026-02-10",
	},
	extra,
)

_treatment(risk, owner) := {
	"kind": "RiskTreatment", "id": sprintf("rt-%s", [risk]), "risk": sprintf("Risk/%s", [risk]),
	"action": "do it", "owner": sprintf("Person/%s", [owner]), "due_on": "2026-03-31", "recorded_on": "2026-02-12",
}

# _soa has one applicable entry per Annex A control of both standards, approved on 2026-10-19.
_soa := {id: e |
	some std, controls in assurance.annex_a
	some c in controls
	local := split(c, ":")[1]
	id := concat("-", [planning.short(std), local])
	e := {
		"kind": "SoAEntry", "id": id, "standard": std, "control_id": local, "applicable": true,
		"justification": "needed", "implementation_status": "implemented", "owner": "Person/miriam",
		"soa_version": "2026.1", "approvals": _approved("2026-10-19", "2026.1"),
	}
}

_objective(id, category, owner) := {
	"kind": "Objective", "id": id, "category": category,
	"metric": {"name": "pct", "unit": "percent", "direction": "up", "target": 100},
	"owner": sprintf("Person/%s", [owner]), "due_on": "2026-12-31", "measurement_interval_days": 90,
	"measurements": [{"on": "2026-09-30", "value": 100, "met": true}], "communicated_via": "Document/comms",
}

records := {
	"ManagementSystem": {
		"isms": _ms("isms", "iso27001:2022", {"interested_parties": [{
			"id": "ip-customers", "name": "Customers", "requirements": ["Information security policy on request"],
			"addressed_by": ["Document/pol-is"],
		}]}),
		"aims": _ms("aims", "iso42001:2023", {
			"ai_roles": ["provider"],
			"interested_parties": [{
				"id": "ip-users", "name": "Users", "requirements": ["Know the AI policy"],
				"addressed_by": ["Document/pol-ai"],
			}],
		}),
	},
	"Person": {
		"lena": _person("lena", ["Role/ceo", "Role/ai-impact-approver"]),
		"miriam": _person("miriam", ["Role/isms-manager"]),
		"emre": _person("emre", ["Role/aims-owner"]),
	},
	"Role": {
		"ceo": {
			"kind": "Role", "id": "ceo", "responsibilities": ["Lead the company"], "min_holders": 1,
			"privileged": false,
		},
		"isms-manager": {
			"kind": "Role", "id": "isms-manager", "systems": ["isms"], "min_holders": 1, "privileged": false,
			"responsibilities": ["Run the ISMS", "Report ISMS performance to top management"],
		},
		"aims-owner": {
			"kind": "Role", "id": "aims-owner", "systems": ["aims"], "min_holders": 1, "privileged": false,
			"responsibilities": ["Run the AIMS", "Report AIMS performance at the management review"],
		},
	},
	"Document": {
		"isms-scope": _doc("isms-scope", "specification", "isms-scope", {"systems": ["isms"]}),
		"aims-scope": _doc("aims-scope", "specification", "aims-scope", {"systems": ["aims"]}),
		"pol-is": _doc("pol-is", "policy", "information-security", {
			"audience": ["all-personnel"], "requires_acknowledgement": true,
		}),
		"pol-ai": _doc("pol-ai", "policy", "ai-policy", {
			"systems": ["aims"], "audience": ["all-personnel"], "requires_acknowledgement": true,
			"content_flags": {"fit_to_purpose": true, "objectives_framework": true},
		}),
		"risk-method": _doc("risk-method", "methodology", "risk-methodology", {"content_flags": {
			"scoring_scales": true, "acceptance_criteria": true,
			"score_formula_likelihood_times_impact": true, "acceptance_threshold_score_8": true,
		}}),
		"proc-backup": _doc("proc-backup", "procedure", "backup", {}),
		"proc-aiia": _doc("proc-aiia", "procedure", "ai-impact-assessment", {
			"systems": ["aims"],
			"content_flags": {
				"structured_triggers": true, "assessment_method": true, "roles_defined": true,
				"results_to_risk_treatment": true,
			},
		}),
		"comms": _doc("comms", "communication", "communication-plan", {}),
	},
	"Acknowledgement": {a.id: a |
		some p in ["lena", "miriam", "emre"]
		some d in ["pol-is", "pol-ai"]
		a := _ack(p, d)
	},
	"ManagementReview": {"mr-1": {
		"kind": "ManagementReview", "id": "mr-1", "standards": ["iso27001:2022", "iso42001:2023"],
		"held_on": "2026-10-15", "attendees": ["Person/lena", "Person/miriam", "Person/emre"],
		"inputs_covered": ["interested-party-changes"],
		"decisions": [{"text": "Hire an engineer", "type": "resources"}],
	}},
	"Attestation": {"att-lead": {
		"kind": "Attestation", "id": "att-lead", "controls": ["iso27001:5.1", "iso42001:5.1"],
		"scope": ["ManagementSystem/isms", "ManagementSystem/aims"], "attested_by": "Person/lena",
		"role": "Role/ceo", "attested_on": "2026-10-15", "valid_until": "2027-10-14",
	}},
	"Site": {"office": {"kind": "Site", "id": "office", "site_type": "office", "operated_by": "self"}},
	"Asset": {
		"app": {"kind": "Asset", "id": "app", "asset_type": "application", "owner": "Person/miriam"},
		"laptop": {
			"kind": "Asset", "id": "laptop", "asset_type": "endpoint", "owner": "Person/miriam",
			"location": "Site/office",
		},
	},
	"AISystem": {"bot": {
		"kind": "AISystem", "id": "bot", "owner": "Person/emre",
		"lifecycle": [{"stage": "operation", "from": "2025-01-01"}],
	}},
	"AIImpactAssessment": {"aiia-1": {
		"kind": "AIImpactAssessment", "id": "aiia-1", "ai_system": "AISystem/bot", "performed_on": "2026-03-01",
		"approvals": [{"by": "Person/lena", "on": "2026-03-02", "decision": "approved"}],
	}},
	"Risk": {
		"r-1": _risk("r-1", "information-security", "risk", "miriam", {
			"affects": ["Asset/app", "Asset/laptop"], "controls": ["iso27001:A.5.15"],
		}),
		"r-2": _risk("r-2", "privacy", "opportunity", "miriam", {"affects": ["Site/office"]}),
		"r-3": _risk("r-3", "ai", "risk", "emre", {
			"affects": ["AISystem/bot"], "controls": ["iso42001:A.6.2.4", "iso27001:A.8.28"],
			"sources": ["AIImpactAssessment/aiia-1"],
		}),
		"r-4": _risk("r-4", "ai", "opportunity", "emre", {
			"affects": ["AISystem/bot"],
			"sources": ["AIImpactAssessment/aiia-1"],
		}),
	},
	"RiskTreatment": {
		"rt-r-1": _treatment("r-1", "miriam"), "rt-r-2": _treatment("r-2", "miriam"),
		"rt-r-3": _treatment("r-3", "emre"), "rt-r-4": _treatment("r-4", "emre"),
	},
	"RiskAssessment": {
		"ra-isms": {
			"kind": "RiskAssessment", "id": "ra-isms", "standard": "iso27001:2022", "trigger": "periodic",
			"method": "Document/risk-method", "scope": ["ManagementSystem/isms"], "performed_on": "2026-02-10",
			"risks_assessed": ["Risk/r-1", "Risk/r-2"],
		},
		"ra-aims": {
			"kind": "RiskAssessment", "id": "ra-aims", "standard": "iso42001:2023", "trigger": "periodic",
			"method": "Document/risk-method", "scope": ["ManagementSystem/aims"], "performed_on": "2026-02-11",
			"risks_assessed": ["Risk/r-3", "Risk/r-4"],
		},
	},
	"SoAEntry": _soa,
	"Objective": {
		"obj-sec": _objective("obj-sec", "security", "miriam"),
		"obj-ai": _objective("obj-ai", "ai-use", "emre"),
	},
	"ChangeRecord": {"chg-ms": {
		"kind": "ChangeRecord", "id": "chg-ms", "change_class": "management-system",
		"systems": ["ManagementSystem/isms", "ManagementSystem/aims"], "author": "Person/miriam",
		"description": "Purpose: integrate the AIMS. Responsibilities: ISMS manager, AIMS owner.",
		"approvals": [{"by": "Person/lena", "on": "2026-01-19", "decision": "approved"}],
		"deployed_on": "2026-01-20T08:00:00Z",
	}},
}

# input_with replaces whole kinds of the base records.
input_with(extra) := {
	"as_of": as_of, "params": params,
	"records": object.union(object.remove(records, object.keys(extra)), extra),
}

# base is the passing input.
base := input_with({})

# patched merges patch into one record (nested objects merge, lists are replaced).
patched(kind, id, patch) := input_with({kind: object.union(
	records[kind],
	{id: object.union(records[kind][id], patch)},
)})

# stripped removes fields from one record.
stripped(kind, id, fields) := input_with({kind: object.union(
	object.remove(records[kind], [id]),
	{id: object.remove(records[kind][id], fields)},
)})

# replaced replaces one record.
replaced(kind, id, rec) := input_with({kind: object.union(object.remove(records[kind], [id]), {id: rec})})

# dropped removes one record.
dropped(kind, id) := input_with({kind: object.remove(records[kind], [id])})

# with_params overrides parameters of an input.
with_params(inp, p) := object.union(inp, {"params": p})

# at moves the as-of date of an input.
at(inp, day) := object.union(inp, {"as_of": day})

# outcomes returns the outcomes of a rule's findings.
outcomes(rule, fs) := {f.outcome | some f in fs; f.rule == rule}

# failures returns a rule's failing findings.
failures(rule, fs) := {f | some f in fs; f.rule == rule; f.outcome == "fail"}

# all_pass holds when every listed rule passes.
all_pass(rules, fs) if {
	every rule in rules {
		outcomes(rule, fs) == {"pass"}
	}
}

# --- the library's own checks

test_pass_risk_membership if {
	ids := planning.risks with input as base
	ids["iso27001:2022"] == {"Risk/r-1", "Risk/r-2"}
	ids["iso42001:2023"] == {"Risk/r-3", "Risk/r-4"}
}

test_pass_risk_systems_add_a_standard if {
	ids := planning.risks with input as patched("Risk", "r-2", {"systems": ["isms", "aims"]})
	"Risk/r-2" in ids["iso42001:2023"]
	"Risk/r-2" in ids["iso27001:2022"]
}

test_pass_serves_absent_systems_means_both if {
	planning.serves({"kind": "Document"}, "iso42001:2023")
	planning.serves({"kind": "Document", "systems": ["aims"]}, "iso42001:2023")
	not planning.serves({"kind": "Document", "systems": ["isms"]}, "iso42001:2023")
}

test_pass_change_without_ms_concerns_both if {
	planning.change_in({"systems": ["Asset/app"]}, "iso27001:2022") with input as base
	planning.change_in({"systems": ["ManagementSystem/aims"]}, "iso42001:2023") with input as base
	not planning.change_in({"systems": ["ManagementSystem/aims"]}, "iso27001:2022") with input as base
}

test_pass_acceptance_threshold_from_methodology if {
	t := planning.acceptance_threshold with input as base
	t == {"iso27001:2022": 8, "iso42001:2023": 8}
}
