# METADATA
# title: Context, leadership and planning of the management systems
# description: >-
#   The checks of clauses 4.1 to 6.3 (and 6.1.4 of ISO/IEC 42001), which both standards share.
#   Every function takes the standard (iso27001:2022 or iso42001:2023) and reads only the
#   records that belong to it: ManagementSystem, RiskAssessment and SoAEntry by their standard,
#   Risk by its domain (ai for ISO/IEC 42001; information-security, privacy and continuity for
#   ISO/IEC 27001) and by an explicit systems list, Objective by its category, ChangeRecord by
#   the ManagementSystem it names, and every other record by its systems list (isms, aims;
#   absent means both). Indexes are complete rules built with comprehensions.
# scope: package
package annexa.lib.planning

import data.annexa.lib.ai
import data.annexa.lib.assurance
import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.soa
import rego.v1

# ---- which records belong to a standard

standards := {"iso27001:2022", "iso42001:2023"}

# system_name maps a standard to the name its records use in the envelope's systems list.
system_name := {"iso27001:2022": "isms", "iso42001:2023": "aims"}

# short returns a standard without its edition: iso27001 for iso27001:2022.
short(std) := split(std, ":")[0]

# clause_id returns the canonical id of a clause of a standard: iso27001:5.1.
clause_id(std, clause) := concat(":", [short(std), clause])

# serves holds when a record's systems list names the standard's management system, or the
# record has no systems list (it then serves both).
serves(r, _) if not r.systems

serves(r, std) if system_name[std] in r.systems

_risk_domain := {
	"ai": "iso42001:2023", "information-security": "iso27001:2022",
	"privacy": "iso27001:2022", "continuity": "iso27001:2022",
}

# risk_in holds when a Risk belongs to a standard: by its domain, or because its own systems
# list names the standard's management system.
risk_in(r, std) if _risk_domain[r.domain] == std

risk_in(r, std) if system_name[std] in object.get(r, "systems", [])

_objective_std := {
	"security": "iso27001:2022", "ai-development": "iso42001:2023",
	"ai-use": "iso42001:2023", "aims": "iso42001:2023",
}

# objective_in holds when an Objective belongs to a standard by its category.
objective_in(o, std) if _objective_std[o.category] == std

_ms_standard := {records.ref(m): m.standard | some m in records.of("ManagementSystem")}

# change_in holds when a ChangeRecord names a ManagementSystem of the standard in its systems,
# or names no ManagementSystem at all (it then concerns both).
change_in(c, std) if {
	some x in c.systems
	_ms_standard[x] == std
}

change_in(c, _) if not _names_ms(c)

_names_ms(c) if {
	some x in c.systems
	startswith(x, "ManagementSystem/")
}

_risk_seen(r) if dates.visible(object.get(r, "recorded_on", object.get(r, "last_assessed_on", "")))

# risks maps a standard to the refs of its Risk records visible at as-of (recorded_on, else
# last_assessed_on, on or before as-of).
risks := {std: refs |
	some std in standards
	refs := {records.ref(r) | some r in records.of("Risk"); _risk_seen(r); risk_in(r, std)}
}

_entry_kind(r) := object.get(r, "kind_of_entry", "risk")

# risk_entries maps a standard to its Risk refs whose kind_of_entry is risk (or unset).
risk_entries := {std: {ref | some ref in risks[std]; _entry_kind(records.get(ref)) == "risk"} | some std in standards}

# ---- management systems

_ms_by_std := {std: {m | some m in records.of("ManagementSystem"); m.standard == std} | some std in standards}

# ms_records returns the ManagementSystem records of a standard.
ms_records(std) := _ms_by_std[std]

# ms_refs returns the refs of the ManagementSystem records of a standard.
ms_refs(std) := {records.ref(m) | some m in _ms_by_std[std]}

# top_management returns the people every ManagementSystem of the standard names as top management.
top_management(std) := {p | some m in _ms_by_std[std]; some p in object.get(m, "top_management", [])}

_no_ms(rule, std, fix) := {result.fail(rule, msg, []) |
	count(_ms_by_std[std]) == 0
	msg := sprintf("no ManagementSystem with standard %s is recorded: %s", [std, fix])
}

# ---- messages

_list(s) := concat(", ", sort(s)) if count(s) > 0

_list(s) := "none" if count(s) == 0

_short(s) := _list(s) if count(s) <= 5

_short(s) := sprintf("%s and %d more", [concat(", ", array.slice(sort(s), 0, 5)), count(s) - 5]) if count(s) > 5

_msg(what, args, fix) := concat(": ", [sprintf(what, args), fix])

_reviewed_text(d) := sprintf("on %s", [d]) if {
	is_string(d)
	dates.visible(d)
}

_reviewed_text(d) := sprintf("only on %s, after the as-of date", [d]) if {
	is_string(d)
	not dates.visible(d)
}

_reviewed_text(d) := "never" if not is_string(d)

# ==== 4.1 context: internal and external issues

_issues(m) := object.get(m, "issues", [])

_issue_at(m, i) := records.at(m, sprintf("issues.%d", [i]))

# --- 4.1 R1: at least one internal and one external issue.

issue_types_summary(std) := sprintf("the management system of %s records internal and external issues", [std])

issue_types_population(std) := ms_refs(std)

issue_types_items(rule, std) := _no_ms(rule, std, "record it with its internal and external issues") | {result.fail(
	rule, msg,
	[records.at(m, "issues")],
) |
	some m in _ms_by_std[std]
	some t in ["internal", "external"]
	count([x | some x in _issues(m); object.get(x, "type", "") == t]) == 0
	msg := _msg(
		"%s records no %s issue",
		[records.ref(m), t],
		sprintf("determine the %s issues that affect the management system and list them in issues", [t]),
	)
}

# --- 4.1 R2: every issue reviewed within doc_review_days.

issue_review_summary(std) := sprintf(
	"every issue of the management system of %s was reviewed within %d days (doc_review_days)",
	[std, input.params.doc_review_days],
)

issue_review_population(std) := {_issue_at(m, i) | some m in _ms_by_std[std]; some i, _ in _issues(m)}

_issue_fresh(x) if dates.within(x.reviewed_on, input.params.doc_review_days)

issue_review_items(rule, std) := {result.fail(rule, msg, [_issue_at(m, i)]) |
	some m in _ms_by_std[std]
	some i, x in _issues(m)
	not _issue_fresh(x)
	msg := _msg(
		"issue %v of %s was last reviewed %s, not within %d days of %s (doc_review_days)",
		[
			object.get(x, "id", i), records.ref(m), _reviewed_text(object.get(x, "reviewed_on", null)),
			input.params.doc_review_days, input.as_of,
		],
		"review it and record reviewed_on",
	)
}

# --- 4.1 R3: whether climate change is relevant is answered.

climate_summary(std) := sprintf("the management system of %s states whether climate change is a relevant issue", [std])

climate_population(std) := ms_refs(std)

climate_items(rule, std) := _no_ms(rule, std, "record it with its issues") | _no_climate(rule, std)

_no_climate(rule, std) := {result.fail(rule, msg, [records.at(m, "issues")]) |
	some m in _ms_by_std[std]
	count([x | some x in _issues(m); is_boolean(x.climate_relevant)]) == 0
	msg := _msg(
		"%s does not say whether climate change is a relevant issue (no issue sets climate_relevant)",
		[records.ref(m)],
		"decide it and record the answer in climate_relevant on an issue",
	)
}

# ==== 4.2 interested parties

_parties(m) := object.get(m, "interested_parties", [])

_party_at(m, i) := records.at(m, sprintf("interested_parties.%v", [i]))

_party_name(x, i) := object.get(x, "id", sprintf("#%d", [i]))

# --- 4.2 R1: interested parties recorded, each with requirements.

parties_summary(std) := sprintf(
	"the management system of %s records its interested parties, each with at least one requirement",
	[std],
)

parties_population(std) := ms_refs(std) | {_party_at(m, i) | some m in _ms_by_std[std]; some i, _ in _parties(m)}

parties_items(rule, std) := (_no_ms(rule, std, "record them") | _no_parties(rule, std)) | _no_requirements(rule, std)

_no_requirements(rule, std) := {result.fail(rule, msg, [_party_at(m, i)]) |
	some m in _ms_by_std[std]
	some i, x in _parties(m)
	count(object.get(x, "requirements", [])) == 0
	msg := _msg(
		"interested party %s of %s lists no requirement",
		[_party_name(x, i), records.ref(m)],
		"record what the party needs from the management system in requirements",
	)
}

_no_parties(rule, std) := {result.fail(rule, msg, [records.at(m, "interested_parties")]) |
	some m in _ms_by_std[std]
	count(_parties(m)) == 0
	msg := _msg(
		"%s lists no interested parties",
		[records.ref(m)],
		"determine the parties relevant to the management system and their requirements",
	)
}

# --- 4.2 R2: requirements addressed by records that exist.

addressed_summary(std) := sprintf(
	"every interested party of %s with requirements is addressed by records that exist in the bundle",
	[std],
)

addressed_population(std) := {_party_at(m, i) |
	some m in _ms_by_std[std]
	some i, x in _parties(m)
	count(object.get(x, "requirements", [])) > 0
}

addressed_items(rule, std) := _unaddressed(rule, std) | _dangling_addressed(rule, std)

_unaddressed(rule, std) := {result.fail(rule, msg, [_party_at(m, i)]) |
	some m in _ms_by_std[std]
	some i, x in _parties(m)
	count(object.get(x, "requirements", [])) > 0
	count(object.get(x, "addressed_by", [])) == 0
	msg := _msg(
		"interested party %s of %s has requirements but addressed_by names nothing that meets them",
		[_party_name(x, i), records.ref(m)],
		"link the records (legal requirements, documents, controls) that address them",
	)
}

_dangling_addressed(rule, std) := {result.fail(rule, msg, [_party_at(m, sprintf("%d.addressed_by.%d", [i, j]))]) |
	some m in _ms_by_std[std]
	some i, x in _parties(m)
	some j, ref in object.get(x, "addressed_by", [])
	not records.exists(ref)
	msg := _msg(
		"interested party %s of %s is addressed by %s, which is not in the bundle",
		[_party_name(x, i), records.ref(m), ref],
		"add that record or correct the reference",
	)
}

# --- 4.2 R3: interested parties reviewed within doc_review_days.

# _context_reviews returns the dates on which the parties of a ManagementSystem were reviewed:
# its reviews and approvals, and management reviews of the standard that covered
# interested-party-changes.
_context_reviews(m, std) := ({r.on | some r in object.get(m, "reviews", [])} | records.approved_on(m)) | {mr.held_on |
	some ref in object.get(assurance.reviews, std, set())
	mr := records.get(ref)
	"interested-party-changes" in object.get(mr, "inputs_covered", [])
}

_parties_reviewed_on(m, std) := dates.latest(_context_reviews(m, std))

_parties_fresh(m, std) if dates.within(_parties_reviewed_on(m, std), input.params.doc_review_days)

parties_review_summary(std) := sprintf(
	"the interested parties of %s were reviewed within %d days (doc_review_days)",
	[std, input.params.doc_review_days],
)

parties_review_population(std) := ms_refs(std)

parties_review_items(rule, std) := _no_ms(rule, std, "record it with its interested parties") | {result.fail(
	rule, msg,
	[records.at(m, "reviews")],
) |
	some m in _ms_by_std[std]
	not _parties_fresh(m, std)
	msg := _msg(
		"the interested parties of %s were last reviewed %s, not within %d days of %s (doc_review_days)",
		[
			records.ref(m), _reviewed_text(_last_or_null(_context_reviews(m, std))),
			input.params.doc_review_days, input.as_of,
		],
		"review them (a review entry on the record, or a management review covering interested-party-changes)",
	)
}

_last_or_null(ds) := dates.latest(ds) if count({d | some d in ds; dates.visible(d)}) > 0

_last_or_null(ds) := null if count({d | some d in ds; dates.visible(d)}) == 0

# ==== 4.3 scope

_scope_problem(m) := "names no scope_doc" if {
	not m.scope_doc
} else := sprintf("names scope document %s, which is not in the bundle", [m.scope_doc]) if {
	not records.exists(m.scope_doc)
} else := sprintf(
	"names scope document %s, which is not current (published, approved for version %s, not superseded)",
	[m.scope_doc, object.get(records.get(m.scope_doc), "version", "none")],
) if {
	not _current_doc(m.scope_doc)
} else := msg if {
	d := records.get(m.scope_doc)
	not docs.fresh(d, input.params.doc_review_days)
	msg := sprintf(
		"names scope document %s, last reviewed %s, more than %d days before %s",
		[
			m.scope_doc, _reviewed_text(_doc_reviewed_or_null(d)),
			docs.review_interval(d, input.params.doc_review_days), input.as_of,
		],
	)
}

_current_doc(ref) if docs.current(records.get(ref))

_doc_reviewed_or_null(d) := docs.last_reviewed(d)

_doc_reviewed_or_null(d) := null if not docs.last_reviewed(d)

# --- 4.3 R1: a current, approved and reviewed scope document.

scope_doc_summary(std) := sprintf(
	"the scope of %s is stated in a current, approved document reviewed within its interval (default doc_review_days)",
	[std],
)

scope_doc_population(std) := ms_refs(std) | {m.scope_doc | some m in _ms_by_std[std]; m.scope_doc}

scope_doc_items(rule, std) := _no_ms(rule, std, "record it with its scope document") | {result.fail(
	rule, msg,
	[records.at(m, "scope_doc")],
) |
	some m in _ms_by_std[std]
	problem := _scope_problem(m)
	msg := _msg("%s %s", [records.ref(m), problem], "publish the scope, have it approved and keep it reviewed")
}

# --- 4.3 R2: referenced sites, assets and AI systems lie inside the boundaries.

_boundary_field := {"Site": "sites", "Asset": "systems", "AISystem": "ai_systems"}

_kind(ref) := split(ref, "/")[0]

_bounds(m, field) := object.get(object.get(m, "boundaries", {}), field, [])

_inside(m, x) if x in _bounds(m, _boundary_field[_kind(x)])

_inside(m, x) if {
	_kind(x) == "Asset"
	records.get(x).location in _bounds(m, "sites")
}

_inside(m, x) if {
	_kind(x) == "Asset"
	records.get(x).ai.ai_system in _bounds(m, "ai_systems")
}

_inside_any(std, x) if {
	some m in _ms_by_std[std]
	_inside(m, x)
}

# scope_pairs maps a standard to [referenced, referrer] pairs: the sites, assets and AI systems
# named by its risks (affects), risk assessments (scope), SoA entries (implementation_refs)
# and objectives (ai_systems).
scope_pairs := {std: pairs |
	some std in standards
	pairs := {p |
		some p in (((_risk_pairs(std) | _assessment_pairs(std)) | _soa_pairs(std)) | _objective_pairs(std))
		_boundary_field[_kind(p[0])]
	}
}

_risk_pairs(std) := {[x, ref] | some ref in risks[std]; some x in object.get(records.get(ref), "affects", [])}

_assessment_pairs(std) := {[x, records.ref(a)] |
	some a in records.of("RiskAssessment")
	a.standard == std
	dates.visible(a.performed_on)
	some x in object.get(a, "scope", [])
}

_soa_pairs(std) := {[x, records.ref(e)] |
	some e in records.of("SoAEntry")
	e.standard == std
	some x in object.get(e, "implementation_refs", [])
}

_objective_pairs(std) := {[x, records.ref(o)] |
	some o in records.of("Objective")
	objective_in(o, std)
	some x in object.get(o, "ai_systems", [])
}

_boundary_entries(std) := {[m, field, i, x] |
	some m in _ms_by_std[std]
	some field in ["sites", "systems", "ai_systems"]
	some i, x in _bounds(m, field)
}

boundaries_summary(std) := sprintf(
	"every site, asset and AI system that the records of %s refer to lies inside its boundaries",
	[std],
)

boundaries_population(std) := {p[0] | some p in scope_pairs[std]} | {e[3] | some e in _boundary_entries(std)}

boundaries_items(rule, std) := _no_ms(rule, std, "record it with its boundaries") | _boundary_gaps(rule, std)

_boundary_gaps(rule, std) := _outside(rule, std) | _unknown_bounds(rule, std)

_outside(rule, std) := {result.fail(rule, msg, [x]) |
	count(_ms_by_std[std]) > 0
	some x in {p[0] | some p in scope_pairs[std]}
	not _inside_any(std, x)
	referrers := {p[1] | some p in scope_pairs[std]; p[0] == x}
	msg := _msg(
		"%s is referred to by %s but lies outside the boundaries of %s",
		[x, _short(referrers), _list(ms_refs(std))],
		sprintf("add it to boundaries.%s (or its site or AI system), or stop naming it", [_boundary_field[_kind(x)]]),
	)
}

_unknown_bounds(rule, std) := {result.fail(rule, msg, [records.at(m, sprintf("boundaries.%s.%d", [field, i]))]) |
	some [m, field, i, x] in _boundary_entries(std)
	not records.exists(x)
	msg := _msg(
		"the boundaries of %s name %s, which is not in the bundle",
		[records.ref(m), x],
		"add that record or correct the reference",
	)
}

# --- 4.3 R3 (42001): AI systems in scope listed and AI roles declared.

ai_scope_summary(std) := sprintf(
	"the boundaries of %s list every AI system in service and the organisation's AI roles are declared",
	[std],
)

ai_scope_population(std) := ms_refs(std) | ai.in_service_refs

ai_scope_items(rule, std) := _no_ms(rule, std, "record it with its AI systems and AI roles") | _ai_scope_gaps(rule, std)

_ai_scope_gaps(rule, std) := (_unlisted_ai(rule, std) | _no_ai_roles(rule, std)) | _no_ai_systems(rule, std)

_unlisted_ai(rule, std) := {result.fail(rule, msg, [sref]) |
	count(_ms_by_std[std]) > 0
	some sref in ai.in_service_refs
	not _ai_listed(std, sref)
	msg := _msg(
		"%s is in service (stage %s) but not listed in boundaries.ai_systems of %s",
		[sref, ai.stage(records.get(sref)), _list(ms_refs(std))],
		"list it, or record its retirement",
	)
}

_ai_listed(std, sref) if {
	some m in _ms_by_std[std]
	sref in _bounds(m, "ai_systems")
}

_no_ai_roles(rule, std) := {result.fail(rule, msg, [records.at(m, "ai_roles")]) |
	some m in _ms_by_std[std]
	count(object.get(m, "ai_roles", [])) == 0
	msg := _msg(
		"%s declares no AI roles",
		[records.ref(m)],
		"list the roles the organisation plays towards AI (provider, developer, user ...) in ai_roles",
	)
}

_no_ai_systems(rule, std) := {result.fail(rule, msg, [records.at(m, "boundaries")]) |
	some m in _ms_by_std[std]
	count(_bounds(m, "ai_systems")) == 0
	msg := _msg(
		"%s lists no AI system in boundaries.ai_systems",
		[records.ref(m)],
		"list the AI systems the AI management system covers",
	)
}

# ==== 4.4 management system established

# --- 4.4 R1: exactly one approved ManagementSystem record.

ms_summary(std) := sprintf("exactly one approved ManagementSystem record exists for %s", [std])

ms_population(std) := ms_refs(std)

ms_items(rule, std) := (_no_ms(rule, std, "add the record") | _several_ms(rule, std)) | _unapproved_ms(rule, std)

_several_ms(rule, std) := {result.fail(rule, msg, refs) |
	refs := ms_refs(std)
	count(refs) > 1
	msg := _msg(
		"%d ManagementSystem records have standard %s (%s)",
		[count(refs), std, _list(refs)],
		"keep one record per management system and merge the others into it",
	)
}

_unapproved_ms(rule, std) := {result.fail(rule, msg, [records.at(m, "approvals")]) |
	some m in _ms_by_std[std]
	count(records.approved_on(m)) == 0
	msg := _msg(
		"%s has no approval on or before %s",
		[records.ref(m), input.as_of],
		"have top management approve the management system record",
	)
}

# --- 4.4 R2: a current, owned and reviewed procedure for every required process.

_procedures := {std: refs |
	some std in standards
	refs := {records.ref(d) |
		some d in records.of("Document")
		d.doc_type == "procedure"
		object.get(d, "topic", "") in {t | some t in input.params.required_procedures}
		serves(d, std)
		docs.current(d)
	}
}

_procedure_topics(std) := {records.get(ref).topic | some ref in _procedures[std]}

_procedure_days(d) := min({
	input.params.doc_review_days,
	object.get(d, "review_interval_days", input.params.doc_review_days),
})

_procedure_fresh(d) if dates.within(docs.last_reviewed(d), _procedure_days(d))

_owned(d) if people.active_ref(d.owner)

procedures_summary(std) := sprintf(
	"every process of required_procedures has a current procedure of %s with an active owner, reviewed in time",
	[std],
)

procedures_population(std) := _procedures[std]

procedures_items(rule, std) := (_missing_procedures(rule, std) | _unowned_procedures(rule, std)) | _stale_procedures(
	rule,
	std,
)

_param_refs(std, name) := refs if {
	refs := {records.at(m, concat(".", ["parameters", name])) | some m in _ms_by_std[std]; m.parameters[name]}
	count(refs) > 0
} else := ms_refs(std)

_missing_procedures(rule, std) := {result.fail(rule, msg, _param_refs(std, "required_procedures")) |
	some topic in input.params.required_procedures
	not topic in _procedure_topics(std)
	msg := _msg(
		"no current procedure of %s for %s, which required_procedures lists",
		[std, topic],
		sprintf("publish and approve a Document with doc_type procedure and topic %s", [topic]),
	)
}

_unowned_procedures(rule, std) := {result.fail(rule, msg, [records.at(d, "owner")]) |
	some ref in _procedures[std]
	d := records.get(ref)
	not _owned(d)
	msg := _msg(
		"%s has no active owner (owner: %s)",
		[ref, object.get(d, "owner", "none")],
		"assign a person who works here",
	)
}

_stale_procedures(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in _procedures[std]
	d := records.get(ref)
	not _procedure_fresh(d)
	msg := _msg(
		"%s was last reviewed %s, not within %d days of %s",
		[ref, _reviewed_text(_doc_reviewed_or_null(d)), _procedure_days(d), input.as_of],
		"review it and record the review",
	)
}

# ==== 5.1 and 5.2: the policy of the management system

_policy_topic := {"iso27001:2022": "information-security", "iso42001:2023": "ai-policy"}

_policy_types := {"iso27001:2022": {"policy"}, "iso42001:2023": {"policy", "topic-policy"}}

_policy_name := {"iso27001:2022": "information security policy", "iso42001:2023": "AI policy"}

_is_policy(d, std) if {
	d.doc_type in _policy_types[std]
	object.get(d, "topic", "") == _policy_topic[std]
}

# policies maps a standard to the refs of its current top-level policy: the information
# security policy (doc_type policy, topic information-security) or the AI policy (doc_type
# policy or topic-policy, topic ai-policy).
policies := {std: refs |
	some std in standards
	refs := {records.ref(d) | some d in records.of("Document"); _is_policy(d, std); docs.current(d)}
}

# --- 5.1 R1 and 5.2 R1: the current policy approved by top management.

policy_approval_summary(std) := sprintf(
	"the current %s is approved by a member of top management of %s",
	[_policy_name[std], std],
)

policy_approval_population(std) := policies[std] | ms_refs(std)

policy_approval_items(rule, std) := _no_ms(rule, std, "add it with its top_management") | _approval_gaps(rule, std)

_approval_gaps(rule, std) := _no_policy(rule, std) | _policy_not_by_top(rule, std)

_no_policy(rule, std) := {result.fail(rule, msg, refs) |
	count(policies[std]) == 0
	drafts := {records.ref(d) | some d in records.of("Document"); _is_policy(d, std); dates.visible(d.published_on)}
	refs := drafts | ms_refs(std)
	msg := _msg(
		"no current %s at %s (published ones not approved for their version or superseded: %s)",
		[_policy_name[std], input.as_of, _list(drafts)],
		sprintf("publish a Document with topic %s and have top management approve its version", [_policy_topic[std]]),
	)
}

_policy_by_top(d, std) if {
	some a in docs.version_approvals(d)
	a.by in top_management(std)
}

_policy_not_by_top(rule, std) := {result.fail(rule, msg, [records.at(d, "approvals")]) |
	count(_ms_by_std[std]) > 0
	some ref in policies[std]
	d := records.get(ref)
	not _policy_by_top(d, std)
	msg := _msg(
		"%s version %s is approved only by %s, none of them top management of %s (%s)",
		[ref, d.version, _list({a.by | some a in docs.version_approvals(d)}), std, _list(top_management(std))],
		"have a member of top management approve this version",
	)
}

# --- 5.2 R2: the policy reviewed within its interval and after a policy-change decision.

# policy_triggers maps a standard to [day, ref] of its latest management review that took a
# decision of type policy-change.
policy_triggers := {std: max(keys) |
	some std in standards
	keys := {[dates.day(mr.held_on), ref] |
		some ref in object.get(assurance.reviews, std, set())
		mr := records.get(ref)
		some dec in object.get(mr, "decisions", [])
		object.get(dec, "type", "") == "policy-change"
	}
	count(keys) > 0
}

policy_review_summary(std) := sprintf(
	"the current %s was reviewed within its interval (default %d days, policy_review_days) and after any policy change",
	[_policy_name[std], input.params.policy_review_days],
)

policy_review_population(std) := policies[std]

policy_review_items(rule, std) := _policy_stale(rule, std) | _policy_not_revisited(rule, std)

_policy_stale(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in policies[std]
	d := records.get(ref)
	not docs.fresh(d, input.params.policy_review_days)
	msg := _msg(
		"%s was last reviewed %s, more than %d days before %s (%s)",
		[
			ref, _reviewed_text(_doc_reviewed_or_null(d)), docs.review_interval(d, input.params.policy_review_days),
			input.as_of, _interval_name(d, "policy_review_days"),
		],
		"review it and record the review",
	)
}

_interval_name(d, _) := "review_interval_days" if d.review_interval_days

_interval_name(d, default_name) := default_name if not d.review_interval_days

_reviewed_since(d, day) if docs.last_reviewed(d) >= day

_policy_not_revisited(rule, std) := {result.fail(rule, msg, [ref]) |
	[day, trigger] := policy_triggers[std]
	some ref in policies[std]
	d := records.get(ref)
	not _reviewed_since(d, day)
	msg := _msg(
		"%s was last reviewed %s, before %s decided on %s that policies must change",
		[ref, _reviewed_text(_doc_reviewed_or_null(d)), trigger, day],
		"review the policy against that decision",
	)
}

# --- 5.2 R3: the policy acknowledged by its audience (and, for the AI policy, every AI role holder).

# major returns the major number of a version string (3.1.0, v3 or 3 give 3).
major(v) := trim_prefix(lower(split(trim_space(sprintf("%v", [v])), ".")[0]), "v")

_doc_graph := {records.ref(d): [s | s := d.supersedes] | some d in records.of("Document")}

# chain returns the refs of a document and of every earlier version it supersedes.
chain(d) := graph.reachable(_doc_graph, {records.ref(d)})

# _acks_by_doc maps a Document ref to [document_version, person] of each Acknowledgement of it
# signed by the as-of date.
_acks_by_doc := {doc: rows |
	some doc in {x[0] | some x in _ack_rows}
	rows := {x[1] | some x in _ack_rows; x[0] == doc}
}

_ack_rows := {[a.document, [a.document_version, a.person]] |
	some a in records.of("Acknowledgement")
	dates.visible(a.signed_on)
}

# _ack_majors maps each acknowledged version string to its major number.
_ack_majors := {v: major(v) | some v in {x[1][0] | some x in _ack_rows}}

# policy_acks maps each current policy of policies to the people who acknowledged its current
# major version, on it or on an earlier version along its supersedes chain.
policy_acks := {ref: signers |
	some std in standards
	some ref in policies[std]
	d := records.get(ref)
	versions := chain(d)
	m := major(d.version)
	signers := {row[1] | some v in versions; some row in object.get(_acks_by_doc, v, set()); _ack_majors[row[0]] == m}
}

# major_since returns the first publication date of a document's current major version.
major_since(d) := min({dates.day(c.published_on) |
	some cref in chain(d)
	c := records.get(cref)
	major(c.version) == major(d.version)
	dates.visible(c.published_on)
})

_everyone_words := {"all-personnel", "personnel", "all", "everyone"}

_everyone(d) if count(object.get(d, "audience", [])) == 0

_everyone(d) if {
	some x in d.audience
	x in _everyone_words
}

_employment := {
	"employee": "employee", "employees": "employee", "contractor": "contractor", "contractors": "contractor",
	"intern": "intern", "interns": "intern", "temp": "temp", "temps": "temp",
}

_group(x) := {records.ref(p) | some p in records.of("Person"); people.holds_on(p, x, input.as_of)} if {
	startswith(x, "Role/")
} else := {x} & people.active_refs if {
	startswith(x, "Person/")
} else := {r |
	some r in people.active_refs
	records.get(r).employment_type == object.get(_employment, x, "")
}

# audience returns the active Person refs a document addresses.
audience(d) := people.active_refs if _everyone(d)

audience(d) := {p | some x in d.audience; some p in _group(x)} if not _everyone(d)

_grace_over(d) if dates.age(major_since(d)) > input.params.ack_grace_days

_new_starter(pref) if dates.age(records.get(pref).start_date) <= input.params.ack_grace_days

_ack_missing(d, aud, acked) := {p | some p in aud; not p in acked; not _new_starter(p)} if _grace_over(d)

_ack_missing(d, _, _) := set() if not _grace_over(d)

_needs_ack(d) if not d.requires_acknowledgement == false

ack_summary(std) := concat("", [
	sprintf(
		"at least %v%% of the audience of the current %s acknowledged its current major version",
		[input.params.ack_coverage_pct, _policy_name[std]],
	),
	_ack_summary_ai[std],
])

_ack_summary_ai := {"iso27001:2022": "", "iso42001:2023": ", and so did every holder of an AI role"}

ack_population(std) := {ref | some ref in policies[std]; _needs_ack(records.get(ref))} | _ai_holder_population(std)

ack_items(rule, std) := _coverage_items(rule, std) | _ai_holder_items(rule, std)

_coverage_items(rule, std) := {result.fail(rule, msg, {ref} | missing) |
	some ref in policies[std]
	d := records.get(ref)
	_needs_ack(d)
	aud := audience(d)
	acked := aud & policy_acks[ref]
	missing := _ack_missing(d, aud, acked)
	counted := count(acked) + count(missing)
	counted > 0
	count(acked) * 100 < input.params.ack_coverage_pct * counted
	msg := _msg(
		"%s: %d of %d active people in its audience acknowledged major version %s, below ack_coverage_pct %v",
		[ref, count(acked), counted, major(d.version), input.params.ack_coverage_pct],
		sprintf("have %s acknowledge it", [_short(missing)]),
	)
}

_assignment_current(a) if {
	a.from <= input.as_of
	not _assignment_ended(a)
}

_assignment_ended(a) if a.to <= input.as_of

# ai_role_since maps each active holder of an AI role (data.annexa.lib.ai.ai_roles) to the
# earliest start of the AI role assignments they hold at as-of.
ai_role_since := {records.ref(p): min(froms) |
	some p in records.of("Person")
	people.active(p)
	froms := {a.from | some a in object.get(p, "roles", []); a.role in ai.ai_roles; _assignment_current(a)}
	count(froms) > 0
}

_ai_holder_population(std) := {p | some p, _ in ai_role_since} if std == "iso42001:2023"

_ai_holder_population(std) := set() if std != "iso42001:2023"

_ack_due(pref, d) := dates.add_days(max({ai_role_since[pref], major_since(d)}), input.params.ack_grace_days)

_ai_holder_items(rule, std) := {x |
	std == "iso42001:2023"
	some ref in policies[std]
	d := records.get(ref)
	some pref, _ in ai_role_since
	not pref in policy_acks[ref]
	due := _ack_due(pref, d)
	some x in _ai_holder_finding(rule, pref, ref, d, due)
}

_ai_holder_finding(rule, pref, ref, d, due) := {result.fail(rule, msg, [pref])} if {
	due < input.as_of
	msg := _msg(
		"%s holds an AI role but has not acknowledged %s, major version %s (due %s, ack_grace_days = %d)",
		[pref, ref, major(d.version), due, input.params.ack_grace_days],
		"have them acknowledge it",
	)
}

_ai_holder_finding(rule, pref, ref, d, due) := {result.at_risk(rule, msg, [pref])} if {
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s has until %s to acknowledge %s, major version %s", [pref, due, ref, major(d.version)])
}

# --- 5.2 R4: the policy available to the interested parties that need it.

_policy_needles := {
	"iso27001:2022": ["security policy", "security-policy"],
	"iso42001:2023": ["ai policy", "ai-policy"],
}

_needs_policy(party, std) if {
	some text in array.concat(object.get(party, "requirements", []), object.get(party, "info_needs", []))
	some needle in _policy_needles[std]
	contains(lower(text), needle)
}

_needs_policy(party, std) if {
	some ref in object.get(party, "addressed_by", [])
	d := records.get(ref)
	_is_policy(d, std)
}

# policy_parties maps a standard to the interested parties (as field refs) that need its
# policy: their requirements or info_needs mention it, or their addressed_by names a version of it.
policy_parties := {std: {at: party |
	some m in _ms_by_std[std]
	some i, party in _parties(m)
	_needs_policy(party, std)
	at := _party_at(m, i)
} |
	some std in standards
}

publication_summary(std) := sprintf(
	"every interested party of %s that needs the %s is pointed at a current version that has a location",
	[std, _policy_name[std]],
)

publication_population(std) := {at | some at, _ in policy_parties[std]}

publication_items(rule, std) := _policy_unlinked(rule, std) | _policy_unpublished(rule, std)

_policy_linked(party, std) if {
	some ref in object.get(party, "addressed_by", [])
	ref in policies[std]
}

_policy_unlinked(rule, std) := {result.fail(rule, msg, [at]) |
	some at, party in policy_parties[std]
	not _policy_linked(party, std)
	msg := _msg(
		"interested party %s needs the %s, but its addressed_by names no current version of it (current: %s)",
		[object.get(party, "id", at), _policy_name[std], _list(policies[std])],
		"link the current policy",
	)
}

_policy_unpublished(rule, std) := {result.fail(rule, msg, [ref]) |
	some at, party in policy_parties[std]
	some ref in object.get(party, "addressed_by", [])
	ref in policies[std]
	trim_space(object.get(records.get(ref), "location", "")) == ""
	msg := _msg(
		"%s is owed to interested party %s but has no location",
		[ref, object.get(party, "id", at)],
		"publish it and record where in location",
	)
}

# --- 5.2 R5 (42001): the AI policy confirms every element of ai_policy_required_flags.

policy_flags_summary(std) := sprintf(
	"the current %s confirms every element of ai_policy_required_flags (%s)",
	[_policy_name[std], concat(", ", input.params.ai_policy_required_flags)],
)

policy_flags_population(std) := policies[std]

_flag_set(d, f) if d.content_flags[f] == true

policy_flags_items(rule, std) := {result.fail(rule, msg, [records.at(d, "content_flags")]) |
	some ref in policies[std]
	d := records.get(ref)
	missing := [f | some f in input.params.ai_policy_required_flags; not _flag_set(d, f)]
	count(missing) > 0
	msg := _msg(
		"%s (version %s) does not confirm %s (ai_policy_required_flags)",
		[ref, d.version, concat(", ", missing)],
		"add those elements and set their content_flags",
	)
}

# ==== 5.1 leadership

# --- 5.1 R2: a recent management review attended by top management, deciding on resources or improvement.

_leadership_types := {"resources", "improvement"}

leadership_review_summary(std) := sprintf(
	concat("", [
		"the latest management review of %s was held within %d days (management_review_days), ",
		"attended by top management, ",
		"and decided on resources or improvement",
	]),
	[std, input.params.management_review_days],
)

leadership_review_population(std) := assurance.latest_population(std)

leadership_review_items(rule, std) := ((_no_review(rule, std) | _review_old(rule, std)) | _review_without_top(
	rule,
	std,
)) | _review_without_decision(rule, std)

_no_review(rule, std) := {result.fail(rule, msg, ms_refs(std)) |
	not assurance.latest_review[std]
	msg := _msg(
		"no management review of %s is recorded",
		[std],
		sprintf(
			"hold one with top management at least every %d days (management_review_days)",
			[input.params.management_review_days],
		),
	)
}

_review_old(rule, std) := {result.fail(rule, msg, [records.at(mr, "held_on")]) |
	ref := assurance.latest_review[std]
	mr := records.get(ref)
	dates.age(mr.held_on) > input.params.management_review_days
	msg := _msg(
		"the latest management review of %s, %s, was held on %s, %d days before %s (management_review_days = %d)",
		[std, ref, dates.day(mr.held_on), dates.age(mr.held_on), input.as_of, input.params.management_review_days],
		"hold the next one with top management",
	)
}

_review_without_top(rule, std) := {result.fail(rule, msg, [records.at(mr, "attendees")]) |
	ref := assurance.latest_review[std]
	mr := records.get(ref)
	count(top_management(std) & {p | some p in object.get(mr, "attendees", [])}) == 0
	msg := _msg(
		"%s (held %s) was attended by no member of top management of %s (%s)",
		[ref, dates.day(mr.held_on), std, _list(top_management(std))],
		"top management must lead the review",
	)
}

_review_without_decision(rule, std) := {result.fail(rule, msg, [records.at(mr, "decisions")]) |
	ref := assurance.latest_review[std]
	mr := records.get(ref)
	count({d | some d in object.get(mr, "decisions", []); object.get(d, "type", "") in _leadership_types}) == 0
	msg := _msg(
		"%s (held %s) records no decision of type resources or improvement",
		[ref, dates.day(mr.held_on)],
		"record what top management decided on resources and improvement",
	)
}

# --- 5.1 R3: a current attestation of leadership by a member of top management.

# leadership_attested returns the refs of the valid attestations of clause 5.1 of a standard
# made by a member of its top management.
leadership_attested(std) := {ref |
	some ref in attest.current(clause_id(std, "5.1"), set(), "")
	records.get(ref).attested_by in top_management(std)
}

leadership_attested_ok(std) if count(leadership_attested(std)) > 0

leadership_attestation_summary(std) := sprintf(
	"a current Attestation of %s by top management (%s) confirms its commitment and the resources: %s",
	[clause_id(std, "5.1"), _list(top_management(std)), _list(leadership_attested(std))],
)

_not_by_top(std) := {ref |
	some ref in attest.current(clause_id(std, "5.1"), set(), "")
	not records.get(ref).attested_by in top_management(std)
}

leadership_attestation_problem(std) := msg if {
	others := _not_by_top(std)
	count(others) > 0
	msg := _msg(
		"the current attestations of %s (%s) are not made by top management of %s (%s)",
		[clause_id(std, "5.1"), _list(others), std, _list(top_management(std))],
		"have a member of top management attest commitment and resourcing",
	)
} else := _msg(
	"no current Attestation of %s by top management: %s",
	[clause_id(std, "5.1"), attest.why_not(clause_id(std, "5.1"), set(), "")],
	"have a member of top management attest commitment and resourcing",
)

leadership_attestation_refs(std) := refs if {
	refs := object.get(attest.for_control, clause_id(std, "5.1"), set())
	count(refs) > 0
} else := ms_refs(std)

# ==== 5.3 roles

# --- 5.3 R1: the management system's owner role has active holders.

owner_role_summary(std) := sprintf(
	"%s, which runs the management system of %s, has active holders",
	[assurance.owner_role[std], std],
)

owner_role_population(std) := {assurance.owner_role[std]}

owner_role_items(rule, std) := {result.fail(rule, msg, refs) |
	role := assurance.owner_role[std]
	problem := _owner_problem(role)
	refs := _role_anchor(role, std)
	msg := _msg("%s", [problem], sprintf("define the role and assign it to someone who works here (%s)", [std]))
}

_owner_problem(role) := sprintf("no Role record %s exists", [role]) if {
	not records.exists(role)
} else := msg if {
	want := max({1, object.get(records.get(role), "min_holders", 1)})
	people.holder_count(role) < want
	msg := sprintf(
		"%s has %d active holders at %s, fewer than %d (min_holders, at least one)",
		[role, people.holder_count(role), input.as_of, want],
	)
}

_role_anchor(role, _) := [role] if records.exists(role)

_role_anchor(role, std) := ms_refs(std) if not records.exists(role)

# --- 5.3 R2: a role reports performance to top management, and a holder attended the last review.

_reports(text) if {
	t := lower(text)
	contains(t, "report")
	some w in ["top management", "management review"]
	contains(t, w)
}

# reporting_roles maps a standard to the refs of its roles whose responsibilities include
# reporting to top management (a responsibility that mentions report and top management or
# the management review).
reporting_roles := {std: {records.ref(r) |
	some r in records.of("Role")
	serves(r, std)
	some x in object.get(r, "responsibilities", [])
	is_string(x)
	_reports(x)
} |
	some std in standards
}

reporting_summary(std) := sprintf(
	"a role of %s reports performance to top management (%s) and a holder of it attended the latest management review",
	[std, _list(reporting_roles[std])],
)

reporting_population(std) := reporting_roles[std] | assurance.latest_population(std)

reporting_items(rule, std) := (_no_reporting_role(rule, std) | _no_review(rule, std)) | _reporter_absent(rule, std)

_no_reporting_role(rule, std) := {result.fail(rule, msg, ms_refs(std)) |
	count(reporting_roles[std]) == 0
	msg := _msg(
		"no Role of %s has a responsibility to report performance to top management",
		[std],
		"add that responsibility to the role that runs the management system",
	)
}

_reporters_at(std, mr) := {records.ref(p) |
	some role in reporting_roles[std]
	some p in records.of("Person")
	people.holds_on(p, role, dates.day(mr.held_on))
}

_reporter_absent(rule, std) := {result.fail(rule, msg, [records.at(mr, "attendees")]) |
	count(reporting_roles[std]) > 0
	ref := assurance.latest_review[std]
	mr := records.get(ref)
	holders := _reporters_at(std, mr)
	count(holders & {p | some p in object.get(mr, "attendees", [])}) == 0
	msg := _msg(
		"no holder of %s on %s (%s) attended %s",
		[_list(reporting_roles[std]), dates.day(mr.held_on), _list(holders), ref],
		"the person who reports on the management system must present its performance at the review",
	)
}

# ==== 6.1.1 risks and opportunities

_assessments := {std: {a |
	some a in records.of("RiskAssessment")
	a.standard == std
	dates.visible(a.performed_on)
} |
	some std in standards
}

# latest_periodic maps a standard to its periodic RiskAssessment performed last (by date, then id).
latest_periodic := {std: max(keys)[1] |
	some std in standards
	keys := {[dates.day(a.performed_on), records.ref(a)] | some a in _assessments[std]; a.trigger == "periodic"}
	count(keys) > 0
}

# --- 6.1.1 R1: the latest periodic risk assessment covers risks and opportunities.

opportunities_summary(std) := sprintf(
	"the latest periodic risk assessment of %s assessed both risks and opportunities",
	[std],
)

opportunities_population(std) := {latest_periodic[std]} if latest_periodic[std]

opportunities_population(std) := set() if not latest_periodic[std]

opportunities_items(rule, std) := (_no_periodic(rule, std) | _no_risk_entries(rule, std)) | _no_opportunities(rule, std)

_no_periodic(rule, std) := {result.fail(rule, msg, ms_refs(std)) |
	not latest_periodic[std]
	msg := _msg(
		"no periodic RiskAssessment of %s is recorded at %s",
		[std, input.as_of],
		"assess the risks and opportunities of the whole management system",
	)
}

_assessed_kinds(a) := {_entry_kind(records.get(r)) | some r in object.get(a, "risks_assessed", []); records.exists(r)}

_explicit_none(a) if {
	a.links.opportunities == []
}

_no_risk_entries(rule, std) := {result.fail(rule, msg, [records.at(a, "risks_assessed")]) |
	ref := latest_periodic[std]
	a := records.get(ref)
	not "risk" in _assessed_kinds(a)
	msg := _msg("%s (performed %s) assessed no risk", [ref, dates.day(a.performed_on)], "list them in risks_assessed")
}

_no_opportunities(rule, std) := {result.fail(rule, msg, [records.at(a, "risks_assessed")]) |
	ref := latest_periodic[std]
	a := records.get(ref)
	not "opportunity" in _assessed_kinds(a)
	not _explicit_none(a)
	msg := _msg(
		"%s (performed %s) assessed no opportunity and does not state that there is none",
		[ref, dates.day(a.performed_on)],
		"assess opportunities (Risk with kind_of_entry opportunity) or record links.opportunities: []",
	)
}

# --- 6.1.1 R2: every risk or opportunity needing action has an owned, dated treatment.

_action_options := {"modify", "avoid", "share"}

# treatments_by_risk maps a Risk ref to the refs of the RiskTreatments that name it.
treatments_by_risk := {risk: ts |
	some risk in {t.risk | some t in input.records.RiskTreatment}
	ts := {records.ref(t) | some t in input.records.RiskTreatment; t.risk == risk}
}

# treatments_of returns the refs of a risk's treatments: those naming it and those it lists.
treatments_of(ref) := object.get(treatments_by_risk, ref, set()) | {t |
	some t in object.get(records.get(ref), "treatments", [])
	startswith(t, "RiskTreatment/")
	records.exists(t)
}

actions_summary(std) := sprintf(
	"every risk and opportunity of %s that needs action (modify, avoid, share) has an owned, dated RiskTreatment",
	[std],
)

actions_population(std) := {ref |
	some ref in risks[std]
	object.get(records.get(ref), "treatment_option", "") in _action_options
}

actions_items(rule, std) := (_untreated(rule, std) | _dangling_treatments(rule, std)) | _treatment_gaps(rule, std)

_untreated(rule, std) := {result.fail(rule, msg, [records.at(r, "treatments")]) |
	some ref in actions_population(std)
	r := records.get(ref)
	count(treatments_of(ref)) == 0
	msg := _msg(
		"%s (treatment_option %s) has no RiskTreatment",
		[ref, r.treatment_option],
		"plan the treatment as a RiskTreatment with an owner and a due date",
	)
}

_dangling_treatments(rule, std) := {result.fail(rule, msg, [records.at(r, sprintf("treatments.%d", [i]))]) |
	some ref in actions_population(std)
	r := records.get(ref)
	some i, t in object.get(r, "treatments", [])
	not records.exists(t)
	msg := _msg("%s lists treatment %s, which is not in the bundle", [ref, t], "add it or correct the reference")
}

_person_ref(x) if {
	is_string(x)
	startswith(x, "Person/")
	records.exists(x)
}

_treatment_gaps_of(t) := {"no owner that is a Person record" |
	not _person_ref(object.get(t, "owner", ""))
} | {"no due date" | not t.due_on}

_treatment_gaps(rule, std) := {result.fail(rule, msg, [tref]) |
	some ref in actions_population(std)
	some tref in treatments_of(ref)
	t := records.get(tref)
	gaps := _treatment_gaps_of(t)
	count(gaps) > 0
	msg := _msg("%s (treating %s) has %s", [tref, ref, concat(" and ", sort(gaps))], "name its owner and due_on")
}

# ==== 6.1.2 risk assessment

# methodologies maps a standard to the refs of its current risk methodologies (topic
# risk-methodology, any doc_type).
methodologies := {std: {records.ref(d) |
	some d in records.of("Document")
	object.get(d, "topic", "") == "risk-methodology"
	serves(d, std)
	docs.current(d)
} |
	some std in standards
}

_method_flags := ["scoring_scales", "acceptance_criteria"]

# formula_known holds when a current methodology of the standard confirms the score formula
# likelihood times impact (content flag score_formula_likelihood_times_impact).
formula_known(std) if {
	some ref in methodologies[std]
	_flag_set(records.get(ref), "score_formula_likelihood_times_impact")
}

# acceptance_threshold maps a standard to the lowest residual score its current methodologies
# declare acceptable (content flag acceptance_threshold_score_<n> set to true).
acceptance_threshold := {std: min(ns) |
	some std in standards
	ns := {to_number(n) |
		some ref in methodologies[std]
		some k, v in object.get(records.get(ref), "content_flags", {})
		v == true
		startswith(k, "acceptance_threshold_score_")
		n := trim_prefix(k, "acceptance_threshold_score_")
		regex.match(`^[0-9]+$`, n)
	}
	count(ns) > 0
}

# --- 6.1.2 R1: a current, reviewed methodology with scoring scales and acceptance criteria.

methodology_summary(std) := sprintf(
	"the risk methodology of %s (%s) is current, reviewed, and states scoring scales and acceptance criteria",
	[std, _list(methodologies[std])],
)

methodology_population(std) := methodologies[std] | ms_refs(std)

methodology_items(rule, std) := _no_methodology(rule, std) | _methodology_gaps(rule, std)

_no_methodology(rule, std) := {result.fail(rule, msg, ms_refs(std)) |
	count(methodologies[std]) == 0
	msg := _msg(
		"no current risk methodology of %s at %s (topic risk-methodology, published, approved, not superseded)",
		[std, input.as_of],
		"publish the method with its scales and acceptance criteria and have it approved",
	)
}

_methodology_problems(d) := {msg |
	missing := [f | some f in _method_flags; not _flag_set(d, f)]
	count(missing) > 0
	msg := sprintf("does not confirm %s", [concat(", ", missing)])
} | _stale_doc(d)

_stale_doc(d) := {msg |
	not docs.fresh(d, input.params.doc_review_days)
	msg := sprintf(
		"was last reviewed %s, more than %d days before %s",
		[_reviewed_text(_doc_reviewed_or_null(d)), docs.review_interval(d, input.params.doc_review_days), input.as_of],
	)
}

_methodology_gaps(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in methodologies[std]
	d := records.get(ref)
	problems := _methodology_problems(d)
	count(problems) > 0
	msg := _msg("%s %s", [ref, concat(" and ", sort(problems))], "complete and review the methodology")
}

# --- 6.1.2 R2: a risk assessment of the whole scope within risk_assessment_days.

_recent_assessments(std) := {a |
	some a in _assessments[std]
	dates.within(a.performed_on, input.params.risk_assessment_days)
}

_boundary_refs(std) := {x | some e in _boundary_entries(std); x := e[3]}

_assessed_scope(std) := {x | some a in _recent_assessments(std); some x in object.get(a, "scope", [])}

_whole_scope(std) if count(_assessed_scope(std) & ms_refs(std)) > 0

_whole_scope(std) if {
	count(_boundary_refs(std)) > 0
	count(_boundary_refs(std) - _assessed_scope(std)) == 0
}

_last_assessment(std) := sprintf("last: %s on %s", [k[1], k[0]]) if {
	k := max({[dates.day(a.performed_on), records.ref(a)] | some a in _assessments[std]})
} else := "none recorded"

assessment_summary(std) := sprintf(
	"the risk assessments of %s performed within %d days (risk_assessment_days) cover the whole management system",
	[std, input.params.risk_assessment_days],
)

assessment_population(std) := {records.ref(a) | some a in _recent_assessments(std)}

assessment_items(rule, std) := {result.fail(rule, msg, refs) |
	not _whole_scope(std)
	refs := ms_refs(std)
	missing := _boundary_refs(std) - _assessed_scope(std)
	msg := _msg(
		"no risk assessment of %s within %d days of %s (risk_assessment_days) covers the whole scope (%s; missing: %s)",
		[std, input.params.risk_assessment_days, input.as_of, _last_assessment(std), _short(missing)],
		"assess the risks of the whole management system (scope naming the ManagementSystem or all its boundaries)",
	)
}

# --- 6.1.2 R3: every risk owned, rated and scored per the methodology.

_rating_gaps(r, field) := {sprintf("no %s rating", [field])} if not is_object(r[field])

_rating_gaps(r, field) := {sprintf("no %s %s", [field, k]) |
	some k in ["likelihood", "impact", "score"]
	not _number_at(r[field], k)
} if is_object(r[field])

_number_at(x, k) if is_number(x[k])

_risk_gaps(r, std) := ((_owner_gap(r) | _rating_gaps(r, "inherent")) | _residual_gaps(r)) | _formula_gaps(r, std)

_owner_gap(r) := {sprintf("owner %s is not an active Person", [object.get(r, "owner", "none")]) | not _owner_active(r)}

_residual_gaps(r) := _rating_gaps(r, "residual") if r.residual

_residual_gaps(r) := set() if not r.residual

_owner_active(r) if people.active_ref(r.owner)

_formula_gaps(r, std) := {msg |
	formula_known(std)
	some field in ["inherent", "residual"]
	x := r[field]
	_number_at(x, "likelihood")
	_number_at(x, "impact")
	_number_at(x, "score")
	x.score != x.likelihood * x.impact
	msg := sprintf(
		"%s score %v is not likelihood × impact (%v × %v = %v)",
		[field, x.score, x.likelihood, x.impact, x.likelihood * x.impact],
	)
}

rating_summary(std) := sprintf(
	"every risk of %s has an active owner, likelihood, impact and score%s",
	[std, _formula_text(std)],
)

_formula_text(std) := ", and every score is likelihood × impact as the methodology states" if formula_known(std)

_formula_text(std) := "" if not formula_known(std)

rating_population(std) := risks[std]

rating_items(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in risks[std]
	r := records.get(ref)
	gaps := _risk_gaps(r, std)
	count(gaps) > 0
	msg := _msg("%s: %s", [ref, concat("; ", sort(gaps))], "complete the register entry as the methodology asks")
}

# --- 6.1.2 R4 (42001) and 6.1.4 R3: AI risks take the impact assessments into account.

aiia_link_summary(std) := sprintf(
	"every AI risk of %s on an AI system with impact assessments names one of them in sources",
	[std],
)

_ai_pairs(std) := {[ref, s] |
	some ref in risks[std]
	r := records.get(ref)
	r.domain == "ai"
	some s in object.get(r, "affects", [])
	startswith(s, "AISystem/")
	count(object.get(ai.aiias, s, set())) > 0
}

aiia_link_population(std) := {p[0] | some p in _ai_pairs(std)}

aiia_link_items(rule, std) := {result.fail(rule, msg, [records.at(r, "sources")]) |
	some [ref, s] in _ai_pairs(std)
	r := records.get(ref)
	linked := ai.aiias[s]
	count(linked & {x | some x in object.get(r, "sources", [])}) == 0
	msg := _msg(
		"%s affects %s, whose impact assessments (%s) it does not name in sources",
		[ref, s, _list(linked)],
		"consider the impact assessment in the risk and link it in sources",
	)
}

# ==== 6.1.3 risk treatment and Statement of Applicability

_rating_of(r) := r.residual if is_object(r.residual)

_rating_of(r) := object.get(r, "inherent", {}) if not is_object(r.residual)

# residual_score returns the residual score of a risk (its inherent one when no residual rating
# is given), from score or from likelihood × impact; undefined when neither is given.
residual_score(r) := x.score if {
	x := _rating_of(r)
	is_number(x.score)
} else := x.likelihood * x.impact if {
	x := _rating_of(r)
	is_number(x.likelihood)
	is_number(x.impact)
}

_above(r, _) if not residual_score(r)

_above(_, std) if not acceptance_threshold[std]

_above(r, std) if residual_score(r) > acceptance_threshold[std]

_accepted(r, std) if {
	x := r.acceptance
	x.accepted_by in ({object.get(r, "owner", "")} | top_management(std))
	dates.visible(x.on)
	not _acceptance_expired(x)
}

_acceptance_expired(x) if x.expires_on < input.as_of

_treated(ref, r) if {
	r.treatment_option
	count(treatments_of(ref)) > 0
}

_threshold_text(std) := sprintf("%v (content flag acceptance_threshold_score_%v)", [t, t]) if {
	t := acceptance_threshold[std]
} else := "(none declared by a current methodology, so every risk counts)"

_score_text(r) := sprintf("%v", [residual_score(r)]) if residual_score(r)

_score_text(r) := "unknown" if not residual_score(r)

# --- 6.1.3 R1: risks above the acceptance threshold are treated or accepted.

treatment_summary(std) := sprintf(
	"every risk of %s with a residual score above the acceptance threshold %s is treated or accepted",
	[std, _threshold_text(std)],
)

treatment_population(std) := risk_entries[std]

treatment_items(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in risk_entries[std]
	r := records.get(ref)
	_above(r, std)
	not _treated(ref, r)
	not _accepted(r, std)
	msg := _msg(
		concat("", [
			"%s has residual score %s, above the acceptance threshold %s, but neither a treatment option with a ",
			"RiskTreatment nor a current acceptance by its owner or top management",
		]),
		[ref, _score_text(r), _threshold_text(std)],
		"plan its treatment or have the risk owner accept it",
	)
}

# --- 6.1.3 R2: controls that risks and treatments rely on are applicable in the SoA.

_prefix(std) := concat("", [short(std), ":"])

_named_ids := {std: {x |
	some kind in ["Risk", "RiskTreatment"]
	some r in records.of(kind)
	some x in object.get(r, "controls", [])
	is_string(x)
	startswith(x, _prefix(std))
} |
	some std in standards
}

_is_clause(std, x) if trim_prefix(x, _prefix(std)) in assurance.clauses[std]

# named_controls maps a standard to the Annex A controls (canonical ids) that its risks and
# treatments (of any domain) name; clause ids are left out.
named_controls := {std: {soa.annex_a(x) | some x in _named_ids[std]; not _is_clause(std, x)} | some std in standards}

# _relied returns the refs of the risks and treatments whose controls name control c (a
# canonical Annex A id); it is evaluated only for the few controls that fail.
_relied(c) := {records.ref(r) |
	some kind in ["Risk", "RiskTreatment"]
	some r in records.of(kind)
	some x in object.get(r, "controls", [])
	is_string(x)
	soa.annex_a(x) == c
}

# soa_by_control maps a canonical control id to the refs of its SoA entries.
soa_by_control := {c: refs |
	some c in {soa.control_id(e) | some e in records.of("SoAEntry")}
	refs := {records.ref(e) | some e in input.records.SoAEntry; soa.control_id(e) == c}
}

_soa_values(c) := {records.get(ref).applicable | some ref in object.get(soa_by_control, c, set())}

_applicable(c) if {
	true in _soa_values(c)
	not false in _soa_values(c)
}

relied_summary(std) := sprintf(
	"every Annex A control of %s that a risk or treatment relies on has an applicable SoA entry",
	[std],
)

relied_population(std) := named_controls[std]

relied_items(rule, std) := {result.fail(rule, msg, refs) |
	some c in named_controls[std]
	not _applicable(c)
	relied := _relied(c)
	refs := object.get(soa_by_control, c, relied)
	msg := _msg("%s, relied on by %s, %s", [c, _short(relied), _soa_state(c, std)], _relied_fix(c, std))
}

_soa_state(c, std) := "is not a control of Annex A" if {
	not c in assurance.annex_a[std]
} else := "has no SoA entry" if {
	not soa_by_control[c]
} else := "is excluded by the SoA"

_relied_fix(c, std) := "correct the control id in the risk or treatment" if not c in assurance.annex_a[std]

_relied_fix(c, std) := "include the control in the SoA or change those treatments" if c in assurance.annex_a[std]

# --- 6.1.3 R3: one complete SoA entry per Annex A control.

_soa_entries := {std: {e | some e in records.of("SoAEntry"); e.standard == std} | some std in standards}

soa_summary(std) := sprintf(
	"the SoA of %s has one complete entry for each of its %d Annex A controls and no exclusion is relied on",
	[std, count(assurance.annex_a[std])],
)

soa_population(std) := {records.ref(e) | some e in _soa_entries[std]}

soa_items(rule, std) := (((_soa_missing(rule, std) | _soa_duplicates(rule, std)) | _soa_unknown(
	rule,
	std,
)) | _soa_incomplete(rule, std)) | _soa_relied_exclusions(rule, std)

_soa_missing(rule, std) := {result.fail(rule, msg, ms_refs(std)) |
	missing := {c | some c in assurance.annex_a[std]; not soa_by_control[c]}
	count(missing) > 0
	names := assurance.sorted(missing)
	msg := _msg(
		"the SoA of %s has no entry for %d of the %d Annex A controls (%s)",
		[std, count(missing), count(assurance.annex_a[std]), _first(names, 10)],
		"add an SoAEntry for each, with applicable, justification and implementation_status",
	)
}

_first(xs, n) := concat(", ", xs) if count(xs) <= n

_first(xs, n) := sprintf("%s and %d more", [concat(", ", array.slice(xs, 0, n)), count(xs) - n]) if count(xs) > n

_soa_duplicates(rule, std) := {result.fail(rule, msg, refs) |
	some c in assurance.annex_a[std]
	refs := soa_by_control[c]
	count(refs) > 1
	msg := _msg("%s has %d SoA entries (%s)", [c, count(refs), _list(refs)], "keep exactly one entry per control")
}

_soa_unknown(rule, std) := {result.fail(rule, msg, [records.at(e, "control_id")]) |
	some e in _soa_entries[std]
	not soa.control_id(e) in assurance.annex_a[std]
	msg := _msg(
		"%s names control %s, which is not an Annex A control of %s",
		[records.ref(e), e.control_id, std],
		"correct control_id or remove the entry",
	)
}

_entry_gaps(e) := ({"applicable is not true or false" | not is_boolean(e.applicable)} | {"no justification" |
	trim_space(object.get(e, "justification", "")) == ""
}) | {"no implementation_status" | not e.implementation_status}

_soa_incomplete(rule, std) := {result.fail(rule, msg, [records.ref(e)]) |
	some e in _soa_entries[std]
	gaps := _entry_gaps(e)
	count(gaps) > 0
	msg := _msg("%s has %s", [records.ref(e), concat(" and ", sort(gaps))], "complete the entry")
}

_soa_relied_exclusions(rule, std) := {result.fail(rule, msg, [records.at(e, "applicable")]) |
	some e in _soa_entries[std]
	e.applicable == false
	c := soa.control_id(e)
	relied := _relied(c)
	count(relied) > 0
	msg := _msg(
		"%s excludes %s, but %s rely on it",
		[records.ref(e), c, _short(relied)],
		"include the control or change those treatments",
	)
}

# --- 6.1.3 R4: the SoA approved within soa_review_days and after the last treatment plan change.

_treatment_in(t, std) if risk_in(records.get(t.risk), std)

_treatment_in(t, std) if {
	not records.exists(t.risk)
	serves(t, std)
}

# plan_changes maps a standard to [day, ref] pairs of the visible changes of its treatment
# plan: the recorded_on of each of its RiskTreatments and the date of each replan.
plan_changes := {std: changes |
	some std in standards
	changes := {[dates.day(d), records.ref(t)] |
		some t in records.of("RiskTreatment")
		_treatment_in(t, std)
		some d in array.concat([x | x := t.recorded_on], [p.on | some p in object.get(t, "replans", [])])
		dates.visible(d)
	}
}

_last_change(std) := max(plan_changes[std]) if count(plan_changes[std]) > 0

_entry_approvals(e) := {a.on | some a in records.approvals(e); object.get(a, "version", e.soa_version) == e.soa_version}

_entry_approved_on(e) := max(_entry_approvals(e)) if count(_entry_approvals(e)) > 0

_soa_cutoff(std) := max({dates.add_days(input.as_of, 0 - input.params.soa_review_days), _last_change(std)[0]}) if {
	_last_change(std)
} else := dates.add_days(input.as_of, 0 - input.params.soa_review_days)

_cutoff_reason(std) := sprintf(
	"the treatment plan changed on %s with %s",
	[_last_change(std)[0], _last_change(std)[1]],
) if {
	_last_change(std)[0] == _soa_cutoff(std)
} else := sprintf("soa_review_days = %d", [input.params.soa_review_days])

_stale_entry(e, _) if not _entry_approved_on(e)

_stale_entry(e, std) if _entry_approved_on(e) < _soa_cutoff(std)

soa_approval_summary(std) := sprintf(
	"the SoA of %s (version %s) was approved within %d days (soa_review_days) and after the last treatment plan change",
	[std, _list({e.soa_version | some e in _soa_entries[std]}), input.params.soa_review_days],
)

soa_approval_population(std) := soa_population(std)

soa_approval_items(rule, std) := _soa_versions(rule, std) | _soa_stale(rule, std)

_soa_versions(rule, std) := {result.fail(rule, msg, ms_refs(std)) |
	versions := {e.soa_version | some e in _soa_entries[std]}
	count(versions) > 1
	msg := _msg(
		"the SoA entries of %s belong to %d versions (%s)",
		[std, count(versions), _list(versions)],
		"bring every entry to one soa_version and approve it",
	)
}

_soa_stale(rule, std) := {result.fail(rule, msg, refs) |
	stale := {records.ref(e) | some e in _soa_entries[std]; _stale_entry(e, std)}
	count(stale) > 0
	refs := {records.at(records.get(ref), "approvals") | some ref in stale}
	msg := _msg(
		"%d of %d SoA entries of %s (%s) have no approval of their soa_version on or after %s (%s)",
		[count(stale), count(_soa_entries[std]), std, _short(stale), _soa_cutoff(std), _cutoff_reason(std)],
		"have the Statement of Applicability approved again",
	)
}

# --- 6.1.3 R5: risk owners accepted the residual risks after their last assessment.

acceptance_summary(std) := sprintf(
	"every risk of %s has a current acceptance by its owner (or top management) made after its last assessment",
	[std],
)

acceptance_population(std) := risk_entries[std]

_acceptance_problem(r, _) := "has no acceptance" if {
	not r.acceptance
} else := sprintf(
	"is accepted by %s, who is neither its owner (%s) nor top management",
	[x.accepted_by, object.get(r, "owner", "none")],
) if {
	x := r.acceptance
	not x.accepted_by in ({object.get(r, "owner", "")} | _top_of(r))
} else := sprintf("is accepted on %s, after %s", [x.on, input.as_of]) if {
	x := r.acceptance
	not dates.visible(x.on)
} else := sprintf("has an acceptance that expired on %s", [x.expires_on]) if {
	x := r.acceptance
	_acceptance_expired(x)
} else := sprintf("was accepted on %s, before its last assessment on %s", [x.on, r.last_assessed_on]) if {
	x := r.acceptance
	dates.day(x.on) < dates.day(r.last_assessed_on)
}

# _top_of returns top management of every standard the risk belongs to.
_top_of(r) := {p | some std in standards; risk_in(r, std); some p in top_management(std)}

acceptance_items(rule, std) := {f |
	some ref in risk_entries[std]
	r := records.get(ref)
	some f in _acceptance_findings(rule, ref, r, std)
}

_acceptance_findings(rule, ref, r, std) := {result.fail(rule, msg, [records.at(r, "acceptance")])} if {
	problem := _acceptance_problem(r, std)
	msg := _msg("%s %s", [ref, problem], "have the risk owner accept the treatment plan and the residual risk")
}

_acceptance_findings(rule, ref, r, std) := {result.at_risk(rule, msg, [records.at(r, "acceptance.expires_on")])} if {
	not _acceptance_problem(r, std)
	x := r.acceptance
	dates.days_between(input.as_of, x.expires_on) <= input.params.at_risk_days
	msg := sprintf("the acceptance of %s expires on %s", [ref, x.expires_on])
}

# ==== 6.1.4 AI system impact assessment process (42001)

_aiia_topic := "ai-impact-assessment"

_aiia_flags := ["structured_triggers", "assessment_method", "roles_defined", "results_to_risk_treatment"]

_aiia_procedures(std) := {ref | some ref in docs.current_of("procedure", _aiia_topic); serves(records.get(ref), std)}

_aiia_procedure_problems(d) := {msg |
	missing := [f | some f in _aiia_flags; not _flag_set(d, f)]
	count(missing) > 0
	msg := sprintf("does not confirm %s", [concat(", ", missing)])
} | _stale_doc(d)

_good_aiia_procedures(std) := {ref |
	some ref in _aiia_procedures(std)
	count(_aiia_procedure_problems(records.get(ref))) == 0
}

# --- 6.1.4 R1: a current procedure for AI system impact assessment.

aiia_procedure_ok(std) if count(_good_aiia_procedures(std)) > 0

aiia_procedure_refs(std) := _aiia_procedures(std) if count(_aiia_procedures(std)) > 0

aiia_procedure_refs(std) := ms_refs(std) if count(_aiia_procedures(std)) == 0

aiia_procedure_summary(std) := sprintf(
	"the impact-assessment procedure %s is current, reviewed and covers triggers, method, roles and risk hand-off",
	[_list(_good_aiia_procedures(std))],
)

aiia_procedure_problem(std) := _msg(
	"no current impact-assessment procedure of %s at %s (procedure, topic %s, published, approved, not superseded)",
	[std, input.as_of, _aiia_topic],
	"publish one and have it approved",
) if {
	count(_aiia_procedures(std)) == 0
} else := concat("; ", sort([x |
	some ref in _aiia_procedures(std)
	x := _msg(
		"%s %s",
		[ref, concat(" and ", sort(_aiia_procedure_problems(records.get(ref))))],
		"complete it, review it and have it approved",
	)
]))

# --- 6.1.4 R2: every AI system from design on has an approved impact assessment.

aiia_summary(_) := sprintf(
	"every AI system in service from stage design on has an impact assessment approved by a holder of %s",
	[ai.impact_approver],
)

aiia_population(_) := {records.ref(s) | some s in records.of("AISystem"); ai.reached(s, "design")}

aiia_items(rule, std) := {result.fail(rule, msg, [sref]) |
	some sref in aiia_population(std)
	not ai.approved_aiias[sref]
	msg := _msg(
		"%s is at stage %s but has no impact assessment approved by a holder of %s at %s (assessments: %s)",
		[sref, ai.stage(records.get(sref)), ai.impact_approver, input.as_of, _list(object.get(ai.aiias, sref, set()))],
		"assess it and have the assessment approved",
	)
}

# ==== 6.2 objectives

_objectives := {std: {records.ref(o) |
	some o in records.of("Objective")
	objective_in(o, std)
	dates.visible(object.get(o, "recorded_on", ""))
	not _objective_past(o)
} |
	some std in standards
}

_objective_past(o) if o.due_on < input.as_of

# --- 6.2 R1: active objectives, each with metric, target, owner and due date.

objectives_summary(std) := sprintf(
	"%s has active objectives (%s), each with a metric, a target, an active owner and a due date",
	[std, _short(_objectives[std])],
)

objectives_population(std) := _objectives[std] | ms_refs(std)

objectives_items(rule, std) := _no_objectives(rule, std) | _objective_gaps(rule, std)

_no_objectives(rule, std) := {result.fail(rule, msg, ms_refs(std)) |
	count(_objectives[std]) == 0
	msg := _msg(
		"%s has no active Objective at %s (one of category %s whose due_on has not passed)",
		[std, input.as_of, _list({c | some c, s in _objective_std; s == std})],
		"set measurable objectives for the management system",
	)
}

_objective_gaps_of(o) := (({"no metric name" | not o.metric.name} | {"no numeric target" |
	not is_number(o.metric.target)
}) | {"no due date" | not o.due_on}) | _owner_gap(o)

_objective_gaps(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in _objectives[std]
	o := records.get(ref)
	gaps := _objective_gaps_of(o)
	count(gaps) > 0
	msg := _msg("%s has %s", [ref, concat(", ", sort(gaps))], "complete the objective")
}

# --- 6.2 R2: each objective measured within its interval.

_measure_days(o) := object.get(o, "measurement_interval_days", input.params.objective_measure_days)

_interval_text(o) := "measurement_interval_days" if o.measurement_interval_days

_interval_text(o) := "objective_measure_days" if not o.measurement_interval_days

_measure_days_of(o) := {m.on | some m in object.get(o, "measurements", [])}

_last_measured(o) := dates.latest(_measure_days_of(o))

# _measure_start is the date the measurement clock runs from: the last measurement, or when
# there is none, recorded_on.
_measure_start(o) := _last_measured(o)

_measure_start(o) := dates.day(o.recorded_on) if {
	not _last_measured(o)
	o.recorded_on
}

measurement_summary(std) := sprintf(
	"every active objective of %s was measured within its interval (default %d days, objective_measure_days)",
	[std, input.params.objective_measure_days],
)

measurement_population(std) := _objectives[std]

measurement_items(rule, std) := {f |
	some ref in _objectives[std]
	o := records.get(ref)
	some f in _measurement_findings(rule, ref, o)
}

_measurement_findings(rule, ref, o) := {result.fail(rule, msg, [records.at(o, "measurements")])} if {
	not _measure_start(o)
	msg := _msg(
		"%s has no measurement and no recorded_on date to count %d days (%s) from",
		[ref, _measure_days(o), _interval_text(o)],
		"measure it and record the measurement",
	)
}

_measurement_findings(rule, ref, o) := {result.fail(rule, msg, [records.at(o, "measurements")])} if {
	start := _measure_start(o)
	due := dates.add_days(start, _measure_days(o))
	due < input.as_of
	msg := _msg(
		"%s was last measured %s; the next measurement was due on %s (%s = %d)",
		[ref, _reviewed_text(_last_or_null(_measure_days_of(o))), due, _interval_text(o), _measure_days(o)],
		"measure it and record the measurement",
	)
}

_measurement_findings(rule, ref, o) := {result.at_risk(rule, msg, [records.at(o, "measurements")])} if {
	start := _measure_start(o)
	due := dates.add_days(start, _measure_days(o))
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s is due for its next measurement on %s", [ref, due])
}

# --- 6.2 R3: each objective communicated through a published document.

communication_summary(std) := sprintf("every active objective of %s is communicated in a published Document", [std])

communication_population(std) := _objectives[std]

_communicated(o) if {
	startswith(o.communicated_via, "Document/")
	dates.visible(records.get(o.communicated_via).published_on)
}

communication_items(rule, std) := {result.fail(rule, msg, [records.at(o, "communicated_via")]) |
	some ref in _objectives[std]
	o := records.get(ref)
	not _communicated(o)
	msg := _msg(
		"%s is communicated via %s, which is not a Document published by %s",
		[ref, object.get(o, "communicated_via", "nothing"), input.as_of],
		"communicate the objective and set communicated_via to the document that carries it",
	)
}

# ==== 6.3 planning of changes

_effective(c) := dates.day(c.deployed_on)

_effective(c) := dates.day(c.go_live_on) if not c.deployed_on

# ms_changes maps a standard to the refs of its management-system ChangeRecords that took
# effect (deployed_on, else go_live_on) within lookback_days.
ms_changes := {std: {records.ref(c) |
	some c in records.of("ChangeRecord")
	c.change_class == "management-system"
	change_in(c, std)
	dates.within(_effective(c), input.params.lookback_days)
} |
	some std in standards
}

_description(c) := lower(object.get(c, "description", ""))

_change_gaps(c) := (_purpose_gap(c) | _responsibility_gap(c)) | _approval_gap(c)

_purpose_gap(c) := {"no description stating its purpose" | not contains(_description(c), "purpose")}

_responsibility_gap(c) := {"no description naming the responsibilities" | not contains(_description(c), "responsib")}

_approval_gap(c) := {sprintf("no approval on or before its effective date %s", [_effective(c)]) |
	count({a | some a in records.approvals(c); dates.day(a.on) <= _effective(c)}) == 0
}

changes_summary(std) := sprintf(
	concat("", [
		"every change to the management system of %s in the last %d days (lookback_days) stated its purpose and ",
		"responsibilities and was approved before it took effect",
	]),
	[std, input.params.lookback_days],
)

changes_population(std) := ms_changes[std]

changes_items(rule, std) := {result.fail(rule, msg, [ref]) |
	some ref in ms_changes[std]
	c := records.get(ref)
	gaps := _change_gaps(c)
	count(gaps) > 0
	msg := _msg("%s has %s", [ref, concat(" and ", sort(gaps))], "plan such changes before making them")
}
