# METADATA
# title: People and roles
# description: >-
#   Who is active and who holds which role at the as-of date (or at another date), from
#   Person records; holders are indexed once per query.
# scope: package
package annexa.lib.people

import data.annexa.lib.records
import rego.v1

# active_on holds when a person works for the organization on date d (start inclusive, end exclusive).
active_on(p, d) if {
	p.start_date <= d
	not _ended_by(p, d)
}

_ended_by(p, d) if p.end_date <= d

# active holds when a person is active at the as-of date.
active(p) if active_on(p, input.as_of)

# active_ref holds when a Person reference names an active person.
active_ref(reference) if active(records.get(reference))

# active_refs is the set of references of active people.
_active_refs_p contains records.ref(p) if {
	some p in records.of("Person")
	active(p)
}

# holds_on holds when a person holds a role (Role ref) on date d.
holds_on(p, role, d) if {
	active_on(p, d)
	some a in object.get(p, "roles", [])
	a.role == role
	a.from <= d
	not _assignment_ended(a, d)
}

_assignment_ended(a, d) if a.to <= d

# holders maps a Role ref to the refs of the active people holding it at as-of.
holders := {k: vs |
	some k in {x[0] | some x in _holders_rows}
	vs := {x[1] | some x in _holders_rows; x[0] == k}
}

_holders_rows := {[role, records.ref(p)] |
	some p in records.of("Person")
	active(p)
	some a in object.get(p, "roles", [])
	role := a.role
	holds_on(p, role, input.as_of)
}

# holder_count returns how many active people hold a role.
holder_count(role) := count(object.get(holders, role, set()))

# role_ref turns a role id (isms-manager) into its reference (Role/isms-manager).
role_ref(id) := concat("/", ["Role", id])

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
active_refs := _active_refs_p
