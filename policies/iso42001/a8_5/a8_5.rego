# METADATA
# title: Information for interested parties
# description: >-
#   Every interested party that needs to be told about the organization's AI is pointed to a
#   published disclosure or a communication channel that serves it, those disclosures are kept
#   under review, and every duty to report about AI to an authority or other party is met by
#   its deadline.
# scope: package
# custom:
#   control: iso42001:A.8.5
#   class: a
#   evidence: [ManagementSystem, Disclosure, CommsChannel, LegalRequirement, Incident]
#   rules:
#     R1: >-
#       Every interested party of a ManagementSystem whose info_needs mention AI (the word AI or
#       artificial intelligence, in any case) lists in addressed_by at least one published,
#       not superseded Disclosure or an existing CommsChannel.
#     R2: >-
#       Every Disclosure listed by those parties was published, reviewed or approved within
#       doc_review_days (at risk within at_risk_days of that deadline).
#     R3: >-
#       Every LegalRequirement with an obligation of type ai-reporting names in addressed_by at
#       least one record that exists, and every Incident notification whose basis is that
#       requirement was sent by its deadline - the earlier of its due_on and detection (else the
#       report) plus the obligation's deadline_hours - or, unsent, is not yet overdue (at risk
#       within at_risk_days of the deadline).
#   decisions:
#     - Parties of both management systems count, since a party of the ISMS may also need to hear
#       about AI; the match is on the words of info_needs, the only signal the schema offers.
#     - A CommsChannel serves a party as it is (its tests are A.3.3, A.8.3 and 27001 A.5.5 matters).
#     - The schema records reports to authorities only as Incident notifications, so those are the
#       deadlines R3 can check; periodic regulatory reports without an incident have no dated record
#       and are shown through addressed_by (the auditor samples the reports themselves).
#     - The model says 365 d without a parameter; doc_review_days is used, as in A.8.2.
package annexa.iso42001.a8_5

import data.annexa.lib.ai3
import data.annexa.lib.dates
import data.annexa.lib.incidents
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: parties that need AI information are served.

_mentions_ai(text) if regex.match(`(?i)(\bai\b|artificial intelligence)`, text)

# _parties maps the field ref of an interested party that needs AI information to the party.
_parties := {records.at(ms, sprintf("interested_parties.%d", [i])): party |
	some ms in records.of("ManagementSystem")
	some i, party in object.get(ms, "interested_parties", [])
	some need in object.get(party, "info_needs", [])
	_mentions_ai(need)
}

_current_disclosures := {ref | some _, refs in ai3.disclosures; some ref in refs}

_serves(ref) if ref in _current_disclosures

_serves(ref) if {
	startswith(ref, "CommsChannel/")
	records.exists(ref)
}

_served(party) if {
	some ref in object.get(party, "addressed_by", [])
	_serves(ref)
}

_r1_items_p contains result.fail("R1", msg, [at]) if {
	some at, party in _parties
	not _served(party)
	msg := sprintf(
		"interested party %s (%s) needs information about AI but addressed_by lists no published Disclosure or %s",
		[party.id, party.name, "CommsChannel: link the disclosure or channel that informs it"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every interested party that needs information about AI is linked to a disclosure or channel",
		{at | some at, _ in _parties}, _r1_items,
	)
}

# --- R2: those disclosures are kept under review.

_r2_population := {ref |
	some _, party in _parties
	some ref in object.get(party, "addressed_by", [])
	ref in _current_disclosures
}

_due(d) := dates.add_days(ai3.last_touched(d), input.params.doc_review_days)

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _r2_population
	d := records.get(ref)
	_due(d) < input.as_of
	msg := sprintf(
		"%s, which informs interested parties about AI, was last published or reviewed on %s, more than %s: review it",
		[ref, ai3.last_touched(d), sprintf("doc_review_days=%d ago", [input.params.doc_review_days])],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [ref]) if {
	some ref in _r2_population
	due := _due(records.get(ref))
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
	msg := sprintf("%s is due for review on %s", [ref, due])
}

findings contains f if {
	some f in result.check(
		"R2", sprintf("every disclosure for interested parties was reviewed within %d days", [input.params.doc_review_days]),
		_r2_population, _r2_items,
	)
}

# --- R3: AI reporting duties are met by their deadlines.

_duties := {records.ref(l): hours |
	some l in records.of("LegalRequirement")
	obligations := [o | some o in object.get(l, "obligations", []); o.type == "ai-reporting"]
	count(obligations) > 0
	hours := {o.deadline_hours | some o in obligations; is_number(o.deadline_hours)}
}

_r3_items_p contains result.fail("R3", msg, [lref]) if {
	some lref, _ in _duties
	l := records.get(lref)
	count({r | some r in object.get(l, "addressed_by", []); records.exists(r)}) == 0
	msg := sprintf(
		"%s sets an AI reporting duty but addressed_by names nothing that meets it: link the report or procedure",
		[lref],
	)
}

# _notices maps a requirement ref to [incident ref, index] of the notifications based on it.
_notices := {k: vs |
	some k in {x[0] | some x in _notices_rows}
	vs := {x[1] | some x in _notices_rows; x[0] == k}
}

_notices_rows := {[n.basis, [records.ref(i), k]] |
	some i in records.of("Incident")
	incidents.visible(i)
	some k, n in object.get(i, "notifications", [])
	n.basis
}

_deadline(i, n, hours) := min(({incidents.plus_hours(incidents.start(i), h) | some h in hours} | _written(n)))

_written(n) := {incidents.end_ns(n.due_on)} if n.due_on

_written(n) := set() if not n.due_on

_sent(n) if dates.visible(n.sent_on)

_r3_items_p contains result.fail("R3", msg, [records.at(i, sprintf("notifications.%d.sent_on", [k]))]) if {
	some lref, hours in _duties
	some [iref, k] in _notices[lref]
	i := records.get(iref)
	n := i.notifications[k]
	_sent(n)
	due := _deadline(i, n, hours)
	dates.ns(n.sent_on) > due
	msg := sprintf(
		"%s reported to %s on %s, after the deadline %s of the AI reporting duty of %s: report in time",
		[iref, n.to, n.sent_on, incidents.stamp(due), lref],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.at(i, sprintf("notifications.%d", [k]))]) if {
	some lref, hours in _duties
	some [iref, k] in _notices[lref]
	i := records.get(iref)
	n := i.notifications[k]
	not _sent(n)
	due := _deadline(i, n, hours)
	incidents.overdue(due)
	msg := sprintf(
		"%s has not reported to %s although the deadline %s of the AI reporting duty of %s has passed: report it",
		[iref, n.to, incidents.stamp(due), lref],
	)
}

_r3_items_p contains result.at_risk("R3", msg, [records.at(i, sprintf("notifications.%d", [k]))]) if {
	some lref, hours in _duties
	some [iref, k] in _notices[lref]
	i := records.get(iref)
	n := i.notifications[k]
	not _sent(n)
	due := _deadline(i, n, hours)
	incidents.due_soon(due)
	msg := sprintf("%s must report to %s by %s (AI reporting duty of %s)", [iref, n.to, incidents.stamp(due), lref])
}

_r3_items_p contains result.fail("R3", msg, [records.at(i, sprintf("notifications.%d", [k]))]) if {
	some lref, hours in _duties
	some [iref, k] in _notices[lref]
	i := records.get(iref)
	n := i.notifications[k]
	not _sent(n)
	not _deadline(i, n, hours)
	msg := sprintf(
		"%s owes %s a report under %s with no deadline (no due_on, no deadline_hours) and none was sent: %s",
		[iref, n.to, lref, "set the deadline and report"],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every AI reporting duty is addressed and every report it required was made by its deadline",
		{lref | some lref, _ in _duties}, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_r2_items := _r2_items_p

_r3_items := _r3_items_p
