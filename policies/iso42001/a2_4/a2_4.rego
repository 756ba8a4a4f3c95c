# METADATA
# title: Review of the AI policy
# description: >-
#   The AI policy is looked at again on a fixed cycle, and also soon after each event that may
#   make it unsuitable: a new high-tier AI system, a serious AI incident, a new AI-related legal
#   requirement, or a management review deciding that policies must change.
# scope: package
# custom:
#   control: iso42001:A.2.4
#   class: a
#   evidence: [Document, ManagementReview, Incident, LegalRequirement, AISystem, ManagementSystem]
#   rules:
#     R1: >-
#       Every current AI policy (doc_type policy or topic-policy, topic ai-policy, published,
#       approved for its version, not superseded) was reviewed or approved within
#       ai_policy_review_days, or within its own review_interval_days when that is shorter (at
#       risk within at_risk_days of the deadline).
#     R2: >-
#       Every trigger inside lookback_days is followed, within trigger_review_days, by a review or
#       an approval of an AI policy document (any version): an AISystem whose lifecycle began in
#       the window with a risk_tier of high or above; an Incident of category ai-incident and
#       severity sev1 or sev2 reported in the window that is an incident (triaged as one, or not
#       yet triaged); a LegalRequirement tagged ai recorded (recorded_on) in the window; a decision
#       of type policy-change of a ManagementReview of the AI management system (standards lists
#       iso42001:2023) held in the window. A trigger whose deadline lies ahead is not a failure
#       (at risk within at_risk_days of it).
#   decisions:
#     - A review is a reviews entry or an approving decision on any Document of topic ai-policy
#       (policy or topic-policy), so a new version approved after the trigger counts; a review dated
#       on the trigger day counts.
#     - Without a current AI policy R1 fails once, naming the AIMS ManagementSystem record.
#     - risk_tier is an organization scale; a tier counts as high or above when it, or its part after
#       the last colon, is high, high-risk, very-high, critical, unacceptable or prohibited.
#     - A new AI system is dated by the earliest from of its lifecycle, the day it entered the
#       inventory.
#     - A LegalRequirement is dated by recorded_on; one without recorded_on cannot be told new and is
#       not a trigger (the model defaults recorded_on to the first commit, which the engine does not
#       fill in).
#     - Policy-change decisions of a review of the security management system alone are not triggers;
#       an integrated review (both standards) counts, since the model gives no way to tell which
#       policy a decision concerns.
package annexa.iso42001.a2_4

import data.annexa.lib.ai2
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.incidents
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: the AI policy was reviewed within the review period.

_policies := ai2.ai_policies

_interval(d) := min({input.params.ai_policy_review_days, docs.review_interval(d, input.params.ai_policy_review_days)})

_own(d) := " or its shorter review_interval_days" if _interval(d) < input.params.ai_policy_review_days

_own(d) := "" if _interval(d) == input.params.ai_policy_review_days

_due(d) := dates.add_days(docs.last_reviewed(d), _interval(d))

_r1_items_p contains result.fail("R1", msg, [ai2.aims_ref]) if {
	count(_policies) == 0
	msg := sprintf(
		"no current AI policy at %s (published, approved, not superseded, topic ai-policy): publish one",
		[input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _policies
	d := records.get(ref)
	_due(d) < input.as_of
	msg := sprintf(
		"%s (version %s) was last reviewed on %s, more than %d days ago (ai_policy_review_days%s): review it",
		[ref, d.version, docs.last_reviewed(d), _interval(d), _own(d)],
	)
}

_r1_items_p contains result.at_risk("R1", msg, [ref]) if {
	some ref in _policies
	d := records.get(ref)
	due := _due(d)
	ops.due_soon(due)
	msg := sprintf("%s is due for review on %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R1",
		sprintf("the current AI policy was reviewed within %d days", [input.params.ai_policy_review_days]),
		_policies | {ai2.aims_ref | count(_policies) == 0}, _r1_items,
	)
}

# --- R2: a review soon after each trigger.

_lookback := input.params.lookback_days

_high_tiers := {"high", "high-risk", "very-high", "critical", "unacceptable", "prohibited"}

_high_tier(tier) if tier in _high_tiers

_high_tier(tier) if {
	parts := split(tier, ":")
	parts[count(parts) - 1] in _high_tiers
}

# _triggers maps the ref of each trigger to its day and a description.
_triggers := {x[0]: x[1] | some x in _triggers_rows}

_triggers_rows := (({[records.ref(s), {"on": first, "what": sprintf("new AI system with risk_tier %s", [s.risk_tier])}] |
	some s in records.of("AISystem")
	_high_tier(s.risk_tier)
	first := min({dates.day(e.from) | some e in s.lifecycle})
	dates.within(first, _lookback)
} | {[records.ref(i), {"on": dates.day(i.reported_on), "what": sprintf("%s AI incident", [i.severity])}] |
	some i in records.of("Incident")
	i.category == "ai-incident"
	i.severity in {"sev1", "sev2"}
	incidents.is_incident(i)
	dates.within(i.reported_on, _lookback)
}) | {[records.ref(l), {"on": dates.day(l.recorded_on), "what": "new legal requirement tagged ai"}] |
	some l in records.of("LegalRequirement")
	"ai" in object.get(l, "tags", [])
	dates.within(l.recorded_on, _lookback)
}) | {[at, {"on": dates.day(mr.held_on), "what": "policy-change decision"}] |
	some mr in records.of("ManagementReview")
	"iso42001:2023" in mr.standards
	dates.within(mr.held_on, _lookback)
	some i, dec in object.get(mr, "decisions", [])
	object.get(dec, "type", "") == "policy-change"
	at := records.at(mr, sprintf("decisions.%d", [i]))
}

# _reviewed_on are the days on which any version of the AI policy was reviewed or approved.
_reviewed_on_p contains dates.day(r.on) if {
	some ref in ai2.ai_policy_refs
	some r in object.get(records.get(ref), "reviews", [])
	dates.visible(r.on)
}

_reviewed_on_p contains a.on if {
	some ref in ai2.ai_policy_refs
	some a in records.approvals(records.get(ref))
}

_trigger_due(t) := dates.add_days(t.on, input.params.trigger_review_days)

_answered(t) if {
	some r in _reviewed_on
	r >= t.on
	r <= _trigger_due(t)
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref, t in _triggers
	not _answered(t)
	_trigger_due(t) < input.as_of
	msg := sprintf(
		"%s (%s, %s) was not followed by a review of the AI policy by %s (trigger_review_days=%d): review the policy",
		[ref, t.what, t.on, _trigger_due(t), input.params.trigger_review_days],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some ref, t in _triggers
	not _answered(t)
	due := _trigger_due(t)
	ops.due_soon(due)
	msg := sprintf("the AI policy must be reviewed by %s after %s (%s, %s)", [due, ref, t.what, t.on])
}

findings contains f if {
	some f in result.check(
		"R2",
		sprintf(
			"every trigger in the last %d days was followed by a review of the AI policy within %d days",
			[_lookback, input.params.trigger_review_days],
		),
		{ref | some ref, _ in _triggers}, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_reviewed_on := _reviewed_on_p

_r2_items := _r2_items_p
