# METADATA
# title: AI risk treatment
# description: >-
#   Risks above the organisation's acceptance threshold are treated or accepted; every control that a treatment
#   relies on is applicable in a complete Statement of Applicability (one justified entry per Annex A control); the
#   SoA is approved at least yearly and after the treatment plan changes; and risk owners accepted the residual
#   risks.
# scope: package
# custom:
#   control: iso42001:6.1.3
#   class: a
#   evidence: [Risk, RiskTreatment, SoAEntry, Document, ManagementSystem, Person]
#   rules:
#     R1: >-
#       Every Risk of iso42001:2023 of kind risk whose residual score (residual.score, else residual likelihood ×
#       impact, else the inherent rating) is above the acceptance threshold has a treatment_option and at least one
#       RiskTreatment, or an acceptance by its owner or top management that is dated by as-of and not expired.
#     R2: >-
#       Every Annex A control of iso42001:2023 named in the controls of a Risk or RiskTreatment (of any domain) has
#       an SoA entry with applicable true and none with applicable false.
#     R3: >-
#       The SoA of iso42001:2023 has exactly one SoAEntry for each of the 38 Annex A controls, no entry for anything
#       else, each entry has a boolean applicable, a non-empty justification and an implementation_status, and no
#       excluded control is named by a Risk or RiskTreatment.
#     R4: >-
#       All SoA entries of iso42001:2023 carry one soa_version, and each has an approving decision for that version
#       dated on or after the later of as-of minus soa_review_days and the last change of the treatment plan (the
#       recorded_on of a RiskTreatment of the standard, or the date of a replan).
#     R5: >-
#       Every Risk of iso42001:2023 of kind risk has an acceptance by its owner or by top management, dated by
#       as-of, on or after its last_assessed_on and not expired (at risk within at_risk_days of expires_on).
#   decisions:
#     - >-
#       Records count for the standard when they belong to it: ManagementSystem, RiskAssessment and SoAEntry by
#       their standard; Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#       ISO/IEC 27001) or an explicit systems list; Objective by its category (security for ISO/IEC 27001;
#       ai-development, ai-use and aims for ISO/IEC 42001); other records by their systems list (isms, aims; absent
#       means both). The shared logic is data.annexa.lib.planning.
#     - >-
#       The acceptance threshold is read from a current risk methodology as the content flag
#       acceptance_threshold_score_<n> (the example bundle's form); the model has no parameter for it. Without it
#       every risk counts as above the threshold.
#     - >-
#       R1 and R5 apply to entries of kind risk; opportunities are not residual risks.
#     - >-
#       R5 accepts an acceptance by top management as well as by the risk owner, since top management may accept for
#       the owner (the example's r-018 is accepted by the CEO); the acceptance must not predate the risk's last
#       assessment. The schema has no approval of the treatment plan by the risk owner, so the residual-risk
#       acceptance stands for both.
#     - >-
#       R2 reads controls of the standard's own prefix from every Risk and RiskTreatment, whatever their domain,
#       because an AI risk may rely on a security control; clause ids are ignored.
#     - >-
#       R4 reads the last treatment plan change from RiskTreatment.recorded_on and replans[].on; a treatment belongs
#       to the standard of its risk. SoA entries are approved one by one in the schema, so each entry must carry the
#       approval.
#     - >-
#       The full Annex A list comes from data.annexa.lib.assurance.annex_a.
package annexa.iso42001.c6_1_3

import data.annexa.lib.planning
import data.annexa.lib.result
import rego.v1

_std := "iso42001:2023"

# --- R1: risks above the threshold treated or accepted.

findings contains f if {
	some f in result.check(
		"R1", planning.treatment_summary(_std),
		planning.treatment_population(_std), planning.treatment_items("R1", _std),
	)
}

# --- R2: relied-on controls applicable in the SoA.

findings contains f if {
	some f in result.check(
		"R2", planning.relied_summary(_std),
		planning.relied_population(_std), planning.relied_items("R2", _std),
	)
}

# --- R3: one complete SoA entry per Annex A control.

findings contains f if {
	some f in result.check(
		"R3", planning.soa_summary(_std),
		planning.soa_population(_std), planning.soa_items("R3", _std),
	)
}

# --- R4: the SoA approved in time and after treatment plan changes.

findings contains f if {
	some f in result.check(
		"R4", planning.soa_approval_summary(_std),
		planning.soa_approval_population(_std), planning.soa_approval_items("R4", _std),
	)
}

# --- R5: residual risks accepted by their owners.

findings contains f if {
	some f in result.check(
		"R5", planning.acceptance_summary(_std),
		planning.acceptance_population(_std), planning.acceptance_items("R5", _std),
	)
}
