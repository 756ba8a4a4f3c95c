# METADATA
# title: Attestations and inherited controls
# description: >-
#   Class b and c controls rest on an Attestation: a dated statement by the holder of a named
#   role, valid for a limited time. An attestation counts when the attester held that role on
#   the day they attested, it is current at the as-of date, its validity does not exceed
#   attestation_max_days, and every exception it lists is tied to a Nonconformity or Exception.
#   Controls operated by a certified supplier are inherited instead.
# scope: package
package annexa.lib.attest

import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import rego.v1

# for_control maps a control id to the refs of the attestations that name it.
_for_control_p[c] contains records.ref(a) if {
	some a in records.of("Attestation")
	some c in a.controls
}

# problem returns why an attestation cannot be relied on; undefined when it can.
problem(a) := sprintf("%s is dated %s, after the as-of date", [records.ref(a), a.attested_on]) if {
	not dates.visible(a.attested_on)
} else := sprintf("%s expired on %s", [records.ref(a), a.valid_until]) if {
	a.valid_until < input.as_of
} else := msg if {
	days := dates.days_between(a.attested_on, a.valid_until)
	days > input.params.attestation_max_days
	msg := sprintf(
		"%s is valid for %d days, more than attestation_max_days (%d)",
		[records.ref(a), days, input.params.attestation_max_days],
	)
} else := msg if {
	not _holds_role(a)
	msg := sprintf("%s: %s did not hold %s on %s", [records.ref(a), a.attested_by, a.role, a.attested_on])
} else := msg if {
	some e in object.get(a, "exceptions", [])
	not e.ref
	msg := sprintf("%s lists the gap %q without a Nonconformity or Exception that handles it", [records.ref(a), e.text])
} else := msg if {
	input.params.attestation_sod == true
	a.attested_by in _scope_owners(a)
	msg := sprintf("%s: %s attests an area they own (attestation_sod is set)", [records.ref(a), a.attested_by])
}

_holds_role(a) if people.holds_on(records.get(a.attested_by), a.role, a.attested_on)

_scope_owners(a) := {o |
	some s in a.scope
	o := records.get(s).owner
}

# valid holds when an attestation can be relied on at the as-of date.
valid(a) if not problem(a)

# current returns the refs of the valid attestations of a control made in one of roles
# (Role refs; an empty set accepts any role) that cover scope (a ref; "" for any scope).
current(control, roles, scope) := {ref |
	some ref in object.get(for_control, control, set())
	a := records.get(ref)
	valid(a)
	_role_ok(a, roles)
	_scope_ok(a, scope)
}

_role_ok(_, roles) if count(roles) == 0

_role_ok(a, roles) if a.role in roles

_scope_ok(_, "") := true

_scope_ok(a, scope) if scope in a.scope

# why_not explains why a control has no current attestation for a scope: the problems of the
# attestations that exist, or that none exists.
why_not(control, roles, scope) := concat("; ", sort(reasons)) if {
	reasons := {r |
		some ref in object.get(for_control, control, set())
		a := records.get(ref)
		_scope_ok(a, scope)
		r := _reason(a, roles)
	}
	count(reasons) > 0
} else := sprintf("no Attestation names %s", [control])

_reason(a, _) := problem(a)

_reason(a, roles) := sprintf("%s is made as %s, not as %s", [records.ref(a), a.role, concat(" or ", sort(roles))]) if {
	valid(a)
	not _role_ok(a, roles)
}

# certified holds when a supplier has a certification covering the service we use, valid at
# the as-of date or within supplier_cert_grace_days after it ended.
certified(supplier_ref) if {
	s := records.get(supplier_ref)
	some c in object.get(s, "certifications", [])
	c.scope_covers_service == true
	dates.visible(c.valid_from)
	input.as_of <= dates.add_days(c.valid_to, input.params.supplier_cert_grace_days)
}

# inherited holds when a site is operated by a certified supplier.
inherited(site) if {
	site.operated_by != "self"
	certified(site.operated_by)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
for_control := _for_control_p
