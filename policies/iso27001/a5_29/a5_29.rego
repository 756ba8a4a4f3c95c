# METADATA
# title: Information security during disruption
# description: >-
#   Security does not switch off when business is disrupted: the business continuity plan
#   covers how security is kept up during a disruption, and continuity exercises check and
#   record whether security held, with a nonconformity raised whenever it did not.
# scope: package
# custom:
#   control: iso27001:A.5.29
#   class: a
#   evidence: [Document, Exercise, Nonconformity, ManagementSystem]
#   rules:
#     R1: >-
#       At least one current business continuity plan exists (Document of doc_type plan, topic bcp,
#       published, approved for its version and not superseded), and every current one has
#       content_flags.security_continuity true.
#     R2: >-
#       At least one Exercise of type bcp-tabletop or dr-failover was performed within
#       bcp_exercise_days, and every such exercise in that window records
#       security_controls_maintained; where it is false the exercise links a Nonconformity (in its
#       actions, or a Nonconformity whose source_ref names the exercise).
#   decisions:
#     - The plan is the Document of doc_type plan with topic bcp; the bcp topic policy is checked by 5.1.
#     - A missing security_controls_maintained fails: the exercise must say whether security held.
package annexa.iso27001.a5_29

import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current BC plan that covers security during disruption.

_plans := docs.current_of("plan", "bcp")

_r1_items_p contains result.fail("R1", msg, [ops.isms_ref]) if {
	count(_plans) == 0
	msg := concat("", [
		"no current business continuity plan (Document, doc_type plan, topic bcp, published and approved ",
		"for its version): write, approve and publish one",
	])
}

_r1_items_p contains result.fail("R1", msg, [records.at(d, "content_flags.security_continuity")]) if {
	some ref in _plans
	d := records.get(ref)
	not d.content_flags.security_continuity == true
	msg := sprintf(
		"%s does not confirm that it covers security during disruption (content_flags.security_continuity): %s",
		[ref, "add that section and set the flag when approving"],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "a current business continuity plan covers security during disruption",
		_plans, _r1_items,
	)
}

# --- R2: continuity exercises record whether security held.

_exercises_p contains records.ref(e) if {
	some e in records.of("Exercise")
	e.exercise_type in {"bcp-tabletop", "dr-failover"}
	dates.within(e.performed_on, input.params.bcp_exercise_days)
}

_nc_sources_p contains n.source_ref if {
	some n in records.of("Nonconformity")
	n.source_ref
}

_links_nc(e) if {
	some a in object.get(e, "actions", [])
	startswith(a, "Nonconformity/")
	records.exists(a)
}

_links_nc(e) if records.ref(e) in _nc_sources

_last_exercise := d if {
	d := dates.latest({e.performed_on |
		some e in records.of("Exercise")
		e.exercise_type in {"bcp-tabletop", "dr-failover"}
	})
} else := "never"

_r2_items_p contains result.fail("R2", msg, [ops.isms_ref]) if {
	count(_exercises) == 0
	msg := sprintf(
		"no business continuity tabletop or failover exercise within %d days of %s (bcp_exercise_days; last: %s): hold one",
		[input.params.bcp_exercise_days, input.as_of, _last_exercise],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(e, "security_controls_maintained")]) if {
	some ref in _exercises
	e := records.get(ref)
	not is_boolean(object.get(e, "security_controls_maintained", null))
	msg := sprintf(
		"%s does not record whether security controls were maintained: record security_controls_maintained",
		[ref],
	)
}

_r2_items_p contains result.fail("R2", msg, [records.at(e, "actions")]) if {
	some ref in _exercises
	e := records.get(ref)
	e.security_controls_maintained == false
	not _links_nc(e)
	msg := sprintf(
		"%s on %s found that security controls were not maintained but links no Nonconformity: raise one and link it",
		[ref, e.performed_on],
	)
}

findings contains f if {
	some f in result.check(
		"R2", sprintf(
			"continuity exercises within %d days recorded that security held, or raised a nonconformity",
			[input.params.bcp_exercise_days],
		),
		_exercises, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_exercises := _exercises_p

_nc_sources := _nc_sources_p

_r2_items := _r2_items_p
