# METADATA
# title: Suppliers
# description: >-
#   Shared facts of the supplier controls: which suppliers are active at the as-of date, how
#   criticality and data access are ordered, which contract-clause tier a supplier falls in and
#   which required clauses its contract lacks, which suppliers count as ICT suppliers, and the
#   latest certification per scheme that covers the service we use (with the grace period of
#   supplier_cert_grace_days after it ends).
# scope: package
package annexa.lib.suppliers

import data.annexa.lib.dates
import data.annexa.lib.records
import rego.v1

# criticality_rank orders supplier (and asset) criticality.
criticality_rank := {"low": 0, "medium": 1, "high": 2, "critical": 3}

# data_access_rank orders the most sensitive data a supplier can reach; pii ranks with restricted.
data_access_rank := {"none": 0, "internal": 1, "confidential": 2, "restricted": 3, "pii": 3}

# ict_types are the supplier types that deliver information and communication technology.
ict_types := {"saas", "iaas", "paas", "outsourced-development", "ai-model-provider", "network-service"}

# active_on holds when a supplier relationship runs on date d (start inclusive, end exclusive).
active_on(s, d) if {
	s.relationship.start_on <= d
	not _ended_by(s, d)
}

_ended_by(s, d) if s.relationship.end_on <= d

# active holds when a supplier relationship runs at the as-of date.
active(s) if active_on(s, input.as_of)

# active_refs is the set of references of the active suppliers.
_active_refs_p contains records.ref(s) if {
	some s in records.of("Supplier")
	active(s)
}

# at_least holds when a supplier's criticality is level or higher; an unknown value never is.
at_least(s, level) if criticality_rank[s.criticality] >= criticality_rank[level]

# access_at_least holds when a supplier's data access is level or more sensitive.
access_at_least(s, level) if data_access_rank[s.data_access] >= data_access_rank[level]

# ict holds when a supplier delivers ICT: one of ict_types, or any cloud service.
ict(s) if s.supplier_type in ict_types

ict(s) if s.is_cloud_service == true

# tier is the key of required_clauses that applies: high for high and critical suppliers,
# medium and low for those levels; an unknown criticality takes the strictest tier.
tier(s) := "medium" if {
	object.get(s, "criticality", "") == "medium"
} else := "low" if {
	object.get(s, "criticality", "") == "low"
} else := "high"

# required_clauses is the set of clauses required_clauses lists for the supplier's tier.
required_clauses(s) := {c | some c in object.get(input.params.required_clauses, tier(s), [])}

# clauses is the set of clauses the supplier's contract contains.
clauses(s) := {c | some c in object.get(s, ["contract", "clauses"], [])}

# missing_clauses is the set of required clauses the contract lacks.
missing_clauses(s) := required_clauses(s) - clauses(s)

# _covering lists [index, certification] for the certifications that cover our service and
# had begun by the as-of date.
_covering(s) := [[i, c] |
	some i, c in object.get(s, "certifications", [])
	c.scope_covers_service == true
	dates.visible(c.valid_from)
]

# latest_certs maps each scheme to the index of the supplier's covering certification of that
# scheme that runs longest (the highest index on a tie).
latest_certs(s) := {scheme: i |
	some pair in _covering(s)
	scheme := pair[1].scheme
	last := max({p[1].valid_to | some p in _covering(s); p[1].scheme == scheme})
	i := max({p[0] | some p in _covering(s); p[1].scheme == scheme; p[1].valid_to == last})
}

# cert_grace_end is the last day a certification still counts: valid_to + supplier_cert_grace_days.
cert_grace_end(c) := dates.add_days(c.valid_to, input.params.supplier_cert_grace_days)

# cert_current holds when a certification has begun and has not ended more than
# supplier_cert_grace_days before the as-of date.
cert_current(c) if {
	dates.visible(c.valid_from)
	input.as_of <= cert_grace_end(c)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
active_refs := _active_refs_p
