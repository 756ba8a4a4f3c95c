# METADATA
# title: Record access
# description: >-
#   Records arrive as input.records[Kind][id]; these helpers look them up by reference
#   (Kind/id) and group them, so that joins are object lookups, never nested scans.
# scope: package
package annexa.lib.records

import rego.v1

# of returns the records of one kind as an object keyed by id.
of(kind) := object.get(input.records, kind, {})

# ref returns Kind/id of a record.
ref(r) := concat("/", [r.kind, r.id])

# at returns a reference to one field of a record, so a finding points at its line.
at(r, path) := concat("#", [ref(r), path])

# get returns the record a reference names; undefined when it does not exist.
get(reference) := input.records[parts[0]][parts[1]] if {
	parts := split(reference, "/")
	count(parts) == 2
}

# exists holds when a reference resolves.
exists(reference) if get(reference)

# management_system returns the ManagementSystem record of a standard (iso27001:2022 or
# iso42001:2023); with several, the one with the smallest id (clause 4.4 reports duplicates).
management_system(standard) := of("ManagementSystem")[min(ids)] if {
	ids := {id | some id, ms in of("ManagementSystem"); ms.standard == standard}
	count(ids) > 0
}

# top_management is the set of Person refs listed as top management of a standard's system.
top_management(standard) := {p | some p in management_system(standard).top_management}

# approved_on returns the dates of approving decisions on a record that are visible at as-of.
approved_on(r) := {a.on | some a in object.get(r, "approvals", []); a.decision == "approved"; a.on <= input.as_of}

# approvals_by returns the visible approving decisions of a record.
approvals(r) := [a | some a in object.get(r, "approvals", []); a.decision == "approved"; a.on <= input.as_of]
