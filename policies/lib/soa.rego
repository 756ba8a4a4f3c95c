# METADATA
# title: Statement of Applicability gate
# description: >-
#   An Annex A control is evaluated unless the Statement of Applicability excludes it. An
#   exclusion yields not_applicable when it is justified, approved and no risk or risk
#   treatment relies on the control; otherwise the exclusion itself fails.
# scope: package
package annexa.lib.soa

import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# control_id turns an SoA entry into a canonical control id (iso27001:A.5.15).
control_id(e) := concat(":", [split(e.standard, ":")[0], _number(e.control_id)])

_number(n) := n if startswith(n, "A.")

_number(n) := concat("", ["A.", n]) if not startswith(n, "A.")

# entries maps a canonical control id to the refs of its SoA entries.
_entries_p[control_id(e)] contains records.ref(e) if {
	some e in records.of("SoAEntry")
}

# annex_a returns the canonical id of an Annex A control named by a risk or treatment, which
# may leave out the "A." (iso27001:8.8 is read as iso27001:A.8.8).
annex_a(id) := id if contains(id, ":A.")

annex_a(id) := concat(":A.", split(id, ":")) if {
	not contains(id, ":A.")
	count(split(id, ":")) == 2
}

# relied_on maps a control id to the risks and treatments that name it.
_relied_on_p[annex_a(c)] contains records.ref(r) if {
	some kind in ["Risk", "RiskTreatment"]
	some r in records.of(kind)
	some c in object.get(r, "controls", [])
}

_excluding_p[c] contains e if {
	some e in records.of("SoAEntry")
	e.applicable == false
	c := control_id(e)
}

# gate maps each excluded control to one finding: outcome pass means not applicable.
_gate_p[c] := _decide(c, e) if {
	some c, es in _excluding
	e := _one(es)
}

# When a control has several SoA entries the last by id decides; the 6.1.3 clause reports duplicates.
_one(es) := e if {
	ids := [x.id | some x in es]
	some e in es
	e.id == max(ids)
}

_decide(c, e) := result.fail("SoA", msg, [records.ref(e)]) if {
	relied := object.get(relied_on, c, set())
	count(relied) > 0
	msg := sprintf(
		"%s is excluded by %s, but %s rely on it: include it or change those treatments",
		[c, records.ref(e), concat(", ", sort(relied))],
	)
} else := result.fail("SoA", msg, [records.ref(e)]) if {
	trim_space(object.get(e, "justification", "")) == ""
	msg := sprintf("%s is excluded by %s without a justification", [c, records.ref(e)])
} else := result.fail("SoA", msg, [records.ref(e)]) if {
	count(records.approved_on(e)) == 0
	msg := sprintf("%s is excluded by %s, which is not approved", [c, records.ref(e)])
} else := result.pass("SoA", msg, [records.ref(e)]) if {
	msg := sprintf("excluded by %s: %s", [records.ref(e), e.justification])
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
entries := _entries_p

relied_on := _relied_on_p

_excluding := _excluding_p

gate := _gate_p
