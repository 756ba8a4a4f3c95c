# METADATA
# title: Organisational controls
# description: >-
#   Helpers shared by the organisational controls of ISO/IEC 27001 Annex A 5: who is top
#   management of the ISMS, current documents by topic, acknowledgement coverage of a document
#   by its audience (the same logic as 5.1 R4), verification of contact channels, approved
#   exceptions, and attestations named by either spelling of a control id.
# scope: package
package annexa.lib.org

import data.annexa.lib.attest
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- management system

# isms is the set of ManagementSystem records of ISO/IEC 27001.
_isms_p contains ms if {
	some ms in records.of("ManagementSystem")
	ms.standard == "iso27001:2022"
}

# top_management is the set of Person refs listed as top management of the ISMS (every
# ManagementSystem of iso27001:2022 counts).
top_management := {p | some ms in isms; some p in object.get(ms, "top_management", [])}

# --- messages

# listing joins refs for a message; an empty set reads "none".
listing(s) := concat(", ", sort(s)) if count(s) > 0

listing(s) := "none" if count(s) == 0

# short lists at most five refs and says how many more there are.
short(s) := listing(s) if count(s) <= 5

short(s) := sprintf("%s and %d more", [concat(", ", array.slice(sort(s), 0, 5)), count(s) - 5]) if count(s) > 5

# --- documents

# current_by_topic maps a topic to the refs of the current Documents on it, of any doc_type.
# Indexes in this package are comprehensions, not partial object rules: OPA builds the full extent
# of a partial object rule in time that grows much faster than the number of records.
current_by_topic := {topic: refs |
	some topic in {d.topic | some d in records.of("Document")}
	refs := {records.ref(d) | some d in records.of("Document"); d.topic == topic; docs.current(d)}
}

# current_docs returns the refs of the current Documents on a topic.
current_docs(topic) := object.get(current_by_topic, topic, set())

# schemes is the set of refs of the current classification schemes: current Documents on the
# topic classification with a non-empty levels list.
schemes := {ref |
	some ref in current_docs("classification")
	count(object.get(records.get(ref), "levels", [])) > 0
}

# scheme_levels is the set of levels, in lower case, of the current classification schemes.
scheme_levels := {lower(l) | some ref in schemes; some l in records.get(ref).levels}

# --- acknowledgement coverage (the logic of 5.1 R4)

# major is the major number of a version string (3.1.0, v3 or 3 give 3).
major(v) := trim_prefix(lower(split(trim_space(v), ".")[0]), "v")

# _chain_graph links every Document to the one it supersedes (if any), so a chain is walked with
# graph.reachable. Every document must be a key: graph.reachable drops nodes that are not.
_chain_graph := {records.ref(d): [s | s := d.supersedes] | some d in records.of("Document")}

# chain is the set of refs of a document and of every earlier version it supersedes.
chain(d) := graph.reachable(_chain_graph, {records.ref(d)})

# _acked maps [Document ref, major version] to the people who signed that major version by
# as-of. The major number is worked out once per distinct version string.
# The signers are grouped first by [document, version string] (a comprehension index on two plain
# fields, no per-record key to build), then the few version groups are merged by major number.
_acked := {key: signers |
	some key in {[pair[0], _majors[pair[1]]] | some pair in _ack_pairs}
	signers := {p | some pair, ps in _acked_by_version; pair[0] == key[0]; _majors[pair[1]] == key[1]; some p in ps}
	count(signers) > 0
}

_ack_pairs := {[a.document, a.document_version] | some a in records.of("Acknowledgement")}

_acked_by_version := {[doc, v]: signers |
	some [doc, v] in _ack_pairs
	signers := {a.person | some a in records.of("Acknowledgement"); a.document == doc; a.document_version == v; a.signed_on < _after_as_of}
}

_majors := {v: major(v) | some v in {a.document_version | some a in records.of("Acknowledgement")}}

# _after_as_of is the day after the as-of date: a date or timestamp d is visible (its day is on
# or before as-of) exactly when d < _after_as_of.
_after_as_of := dates.add_days(input.as_of, 1)

# acked_people is the set of Person refs that acknowledged the document's current major
# version, on the document or on an earlier version in its supersedes chain.
acked_people(d) := {p |
	m := major(d.version)
	some c in chain(d)
	some p in _acked_of(c, m)
}

_acked_of(c, m) := ps if {
	ps := _acked[[c, m]]
} else := set()

# major_since is the first publication date of the document's current major version.
major_since(d) := min({c.published_on |
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

_by_employment := {t: refs |
	some t in {"employee", "contractor", "intern", "temp"}
	refs := {r | some r in people.active_refs; records.get(r).employment_type == t}
}

_group(x) := {records.ref(p) | some p in records.of("Person"); people.holds_on(p, x, input.as_of)} if {
	startswith(x, "Role/")
} else := {x} & people.active_refs if {
	startswith(x, "Person/")
} else := object.get(_by_employment, object.get(_employment, x, ""), set())

# audience is the set of active Person refs a document addresses.
audience(d) := people.active_refs if _everyone(d)

audience(d) := {p | some x in d.audience; some p in _group(x)} if not _everyone(d)

_grace_over(d) if dates.age(major_since(d)) > input.params.ack_grace_days

_new_starter(pref) if dates.age(records.get(pref).start_date) <= input.params.ack_grace_days

# in_grace holds when a person need not have acknowledged the document yet: they started, or
# its major version was published, at most ack_grace_days ago.
in_grace(pref, _) if _new_starter(pref)

in_grace(_, d) if not _grace_over(d)

# ack_missing is the set of people in the document's audience who have not acknowledged its
# current major version and are out of grace (none while the major version is in grace).
ack_missing(d) := {p | some p in audience(d); not p in acked; not _new_starter(p)} if {
	_grace_over(d)
	acked := acked_people(d)
}

ack_missing(d) := set() if not _grace_over(d)

# ack_items returns, for a set of Document refs, a failure of rule for each document whose
# audience acknowledged its current major version below ack_coverage_pct percent.
ack_items(rule, refs) := {result.fail(rule, msg, {ref} | missing) |
	some ref in refs
	d := records.get(ref)
	acked := audience(d) & acked_people(d)
	missing := ack_missing(d)
	counted := count(acked) + count(missing)
	counted > 0
	count(acked) * 100 < input.params.ack_coverage_pct * counted
	msg := sprintf(
		"%s: %d of %d active people in its audience acknowledged major version %s, below ack_coverage_pct %v: %s",
		[
			ref, count(acked), counted, major(d.version), input.params.ack_coverage_pct,
			sprintf("have %s acknowledge it", [short(missing)]),
		],
	)
}

# --- contact channels

# last_test_day is the day of the latest visible test of a channel; undefined when none.
last_test_day(c) := dates.latest({t.on | some t in object.get(c, "tests", [])})

# latest_test_ok holds when a test on the latest test day succeeded.
latest_test_ok(c) if {
	d := last_test_day(c)
	some t in c.tests
	dates.day(t.on) == d
	t.result == "ok"
}

# channel_verified holds when the latest test of a channel succeeded and lies within days.
channel_verified(c, days) if {
	latest_test_ok(c)
	dates.within(last_test_day(c), days)
}

# latest_test describes the latest test of a channel for a message.
latest_test(c) := sprintf("%s ok", [last_test_day(c)]) if latest_test_ok(c)

latest_test(c) := sprintf("%s failed", [last_test_day(c)]) if {
	last_test_day(c)
	not latest_test_ok(c)
}

latest_test(c) := "never" if not last_test_day(c)

# --- exceptions

# valid_exception holds when an Exception is in force at as-of: approved by as-of, not expired,
# approved by someone other than its requester who held one of exception_approver_roles on the
# approval date, and valid for at most exception_max_days.
valid_exception(e) if {
	dates.visible(e.approved_on)
	input.as_of <= e.expires_on
	e.approved_by != e.requested_by
	dates.days_between(e.approved_on, e.expires_on) <= input.params.exception_max_days
	_approver_holds_role(e)
}

_approver_holds_role(e) if {
	p := records.get(e.approved_by)
	some id in input.params.exception_approver_roles
	people.holds_on(p, people.role_ref(id), e.approved_on)
}

_valid_exceptions_p contains e if {
	some e in records.of("Exception")
	valid_exception(e)
}

# _exceptions_by_key maps each entry of applies_to to the refs of the exceptions in force.
_exceptions_by_key := {k: refs |
	some k in {x | some e in _valid_exceptions; some x in e.applies_to}
	refs := {records.ref(e) | some e in _valid_exceptions; k in e.applies_to}
}

# exceptions_for returns the refs of the exceptions in force whose applies_to names one of keys.
exceptions_for(keys) := {e | some k in keys; some e in object.get(_exceptions_by_key, k, set())}

# excepted holds when an exception in force names one of keys.
excepted(keys) if count(exceptions_for(keys)) > 0

# --- attestations

# _ids are both spellings of an ISO/IEC 27001 Annex A control id (iso27001:A.5.13, iso27001:5.13).
_ids(number) := [concat("", ["iso27001:A.", number]), concat("", ["iso27001:", number])]

# attested returns the refs of the valid attestations of an Annex A control (given by its
# number, such as 5.13) made in one of roles (empty: any role), under either spelling of its id.
attested(number, roles) := {ref | some id in _ids(number); some ref in attest.current(id, roles, "")}

# why_not_attested explains why a control has no valid attestation in one of roles.
why_not_attested(number, roles) := attest.why_not(_ids(number)[0], roles, "") if {
	attest.for_control[_ids(number)[0]]
} else := attest.why_not(_ids(number)[1], roles, "") if {
	attest.for_control[_ids(number)[1]]
} else := attest.why_not(_ids(number)[0], roles, "")

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
isms := _isms_p

_valid_exceptions := _valid_exceptions_p
