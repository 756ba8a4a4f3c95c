# METADATA
# title: Information security event reporting
# description: >-
#   Personnel have a working, published way to report security events, are taught in the
#   awareness course how to report, and the events they report are recorded with when and
#   through which channel they came in.
# scope: package
# custom:
#   control: iso27001:A.6.8
#   class: a
#   evidence: [CommsChannel, Document, TrainingRecord, Incident]
#   rules:
#     R1: >-
#       At least one inbound CommsChannel of channel_type security-event-reporting exists; each
#       such channel lists personnel in its audience and at least one entry in published_in, and
#       its latest test is dated within channel_test_days with result ok.
#     R2: >-
#       At least one current awareness course exists (a Document of doc_type training-material with
#       topic security-awareness, or one named by an awareness TrainingRecord), and every current
#       one sets content_flags event-reporting (or event_reporting) to true.
#     R3: >-
#       Every Incident reported by a Person (reported_by set) with reported_on in the lookback
#       window (lookback_days) names in reported_via an inbound CommsChannel that exists.
#   decisions:
#     - R1 judges every security-event-reporting channel, so a stale second channel fails even when
#       another one works; a channel whose latest test failed fails until a later test succeeds.
#     - R2 accepts the flag spelled with a hyphen (as in the model) or an underscore.
#     - R3 reads reported_on as required by the schema; the population is events of any category
#       that a person reported, since any of them reached the organisation through personnel.
package annexa.iso27001.a6_8

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a published, tested reporting channel.

_channels_p contains records.ref(c) if {
	some c in records.of("CommsChannel")
	c.direction == "inbound"
	c.channel_type == "security-event-reporting"
}

_r1_population := _channels | {ops.isms_ref | count(_channels) == 0}

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_channels) == 0
	msg := concat("", [
		"no inbound CommsChannel of channel_type security-event-reporting exists: ",
		"set up a channel for personnel to report security events and record it",
	])
}

_published(c) if {
	"personnel" in object.get(c, "audience", [])
	count(object.get(c, "published_in", [])) > 0
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "published_in")]) if {
	some ref in _channels
	c := records.get(ref)
	not _published(c)
	msg := sprintf(
		"%s is not published to personnel (audience must list personnel and published_in a document): publish it",
		[ref],
	)
}

_last_test(c) := dates.latest({t.on | some t in object.get(c, "tests", [])})

_last_result(c) := {t.result | some t in c.tests; t.on == _last_test(c)}

_tested(c) if dates.within(_last_test(c), input.params.channel_test_days)

_last_text(c) := _last_test(c)

_last_text(c) := "never" if not _last_test(c)

_r1_items_p contains result.fail("R1", msg, [records.at(c, "tests")]) if {
	some ref in _channels
	c := records.get(ref)
	not _tested(c)
	msg := sprintf(
		"%s was last tested on %s, more than %d days (channel_test_days) before %s: test the channel",
		[ref, _last_text(c), input.params.channel_test_days, input.as_of],
	)
}

_r1_items_p contains result.fail("R1", msg, [records.at(c, "tests")]) if {
	some ref in _channels
	c := records.get(ref)
	_tested(c)
	"failed" in _last_result(c)
	msg := sprintf("%s failed its latest test on %s: repair the channel and test it again", [ref, _last_test(c)])
}

findings contains f if {
	some f in result.check(
		"R1", sprintf(
			"a security event reporting channel is published to personnel and was tested within %d days",
			[input.params.channel_test_days],
		),
		_r1_population, _r1_items,
	)
}

# --- R2: the awareness course teaches how to report events.

_awareness_course(d) if object.get(d, "topic", "") == "security-awareness"

_awareness_course(d) if records.ref(d) in _named_by_training

_named_by_training_p contains t.course if {
	some t in records.of("TrainingRecord")
	t.course_type == "awareness"
}

_courses_p contains records.ref(d) if {
	some d in records.of("Document")
	d.doc_type == "training-material"
	_awareness_course(d)
	docs.current(d)
}

_covers_reporting(d) if d.content_flags["event-reporting"] == true

_covers_reporting(d) if d.content_flags.event_reporting == true

_r2_population := _courses | {ops.isms_ref | count(_courses) == 0}

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_courses) == 0
	msg := sprintf(
		"no current awareness course at %s: publish and approve the training material (doc_type training-material)",
		[input.as_of],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(d, "content_flags")]) if {
	some ref in _courses
	d := records.get(ref)
	not _covers_reporting(d)
	msg := sprintf(
		"%s does not cover how to report security events (content_flags event-reporting): add that topic",
		[ref],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every current awareness course covers how to report security events",
		_r2_population, _r2_items,
	)
}

# --- R3: events reported by personnel record when and how.

_r3_population_p contains records.ref(i) if {
	some i in records.of("Incident")
	i.reported_by
	dates.within(i.reported_on, input.params.lookback_days)
}

_inbound(ref) if records.get(ref).direction == "inbound"

_r3_items_p contains result.fail("R3", msg, [records.at(i, "reported_via")]) if {
	some ref in _r3_population
	i := records.get(ref)
	not _inbound(object.get(i, "reported_via", ""))
	msg := sprintf(
		"%s, reported by %s on %s, names no existing inbound channel in reported_via (%s): record the channel used",
		[ref, i.reported_by, i.reported_on, object.get(i, "reported_via", "none")],
	)
}

findings contains f if {
	some f in result.check(
		"R3", "every event reported by personnel records when and through which channel it came in",
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_channels := _channels_p

_r1_items := _r1_items_p

_named_by_training := _named_by_training_p

_courses := _courses_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p
