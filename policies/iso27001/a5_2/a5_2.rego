# METADATA
# title: Information security roles and responsibilities
# description: >-
#   The security roles the organisation needs are defined, approved, kept under review and held
#   by enough people who still work here, and every applicable control and every asset in use
#   has an accountable owner who is a current member of the workforce.
# scope: package
# custom:
#   control: iso27001:A.5.2
#   class: a
#   evidence: [Role, Person, SoAEntry, Asset, ManagementSystem]
#   rules:
#     R1: >-
#       Every role id in required_roles_isms names a Role record held by at least min_holders (and
#       at least one) active people at the as-of date; an id written with a trailing ? is required
#       only when its Role record exists.
#     R2: >-
#       Every Role of the ISMS lists at least one non-blank responsibility and carries an approving
#       decision dated on or before as-of.
#     R3: >-
#       Every applicable SoAEntry of iso27001:2022 and every Asset not retired by as-of has an owner
#       that names an active Person.
#     R4: >-
#       Every Role of the ISMS was reviewed or approved within doc_review_days of the as-of date.
#   decisions:
#     - A required role needs max(min_holders, 1) active holders, because the parameter says the
#       role must be filled even when its record allows zero holders.
#     - Holders are read from Person.roles (assignment dates and the person's own dates), as the
#       people library does; Role records are not asked for a list of holders.
#     - Roles of the ISMS are those whose systems list includes isms or is absent; AIMS-only roles are
#       left to ISO/IEC 42001 A.3.2.
#     - R3 reads SoA entries of iso27001:2022 only; 42001 entries belong to that standard's controls.
#       An asset is in use until its lifecycle.retired_on (the shared ops library's definition).
#     - R4 counts a review entry of any outcome or an approving decision as a review of the definition.
#     - When a required role has no Role record, the failure points at required_roles_isms in the
#       ManagementSystem if it is declared there, else at the ManagementSystem record.
package annexa.iso27001.a5_2

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_standard := "iso27001:2022"

_serves_isms(x) if not x.systems

_serves_isms(x) if "isms" in x.systems

_list(s) := concat(", ", sort(s)) if count(s) > 0

_list(s) := "none" if count(s) == 0

# _param_refs points at a parameter declared in the ISMS record, else at the record itself.
_param_refs(name) := refs if {
	refs := {records.at(ms, concat(".", ["parameters", name])) |
		some ms in records.of("ManagementSystem")
		ms.standard == _standard
		ms.parameters[name]
	}
	count(refs) > 0
} else := {ops.isms_ref}

# --- R1: required roles are defined and held by enough active people.

_mandatory_p contains people.role_ref(id) if {
	some id in input.params.required_roles_isms
	not endswith(id, "?")
}

_optional_defined_p contains ref if {
	some id in input.params.required_roles_isms
	endswith(id, "?")
	ref := people.role_ref(trim_suffix(id, "?"))
	records.exists(ref)
}

_r1_population := _mandatory | _optional_defined

_needed(role) := max({object.get(role, "min_holders", 1), 1})

_holders(ref) := object.get(people.holders, ref, set())

_r1_items_p contains result.fail("R1", msg, _param_refs("required_roles_isms")) if {
	some ref in _r1_population
	not records.exists(ref)
	msg := sprintf(
		"%s is listed in required_roles_isms but no Role record defines it: add the role and assign its holders",
		[ref],
	)
}

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	role := records.get(ref)
	count(_holders(ref)) < _needed(role)
	msg := sprintf(
		"%s has %d active holder(s) (%s) on %s but needs at least %d (min_holders %d): assign the role in Person.roles",
		[
			ref, count(_holders(ref)), _list(_holders(ref)), input.as_of, _needed(role),
			object.get(role, "min_holders", 1),
		],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every role in required_roles_isms is held by enough active people",
		_r1_population, _r1_items,
	)
}

# --- R2: roles state their responsibilities and are approved.

_roles_p contains records.ref(r) if {
	some r in records.of("Role")
	_serves_isms(r)
}

_has_responsibilities(r) if {
	some text in r.responsibilities
	trim_space(text) != ""
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _roles
	r := records.get(ref)
	not _has_responsibilities(r)
	msg := sprintf("%s lists no responsibilities: write down what its holders must do", [ref])
}

_r2_items_p contains result.fail("R2", msg, [ref]) if {
	some ref in _roles
	r := records.get(ref)
	count(records.approvals(r)) == 0
	msg := sprintf(
		"%s has no approving decision dated on or before %s: have the role definition approved",
		[ref, input.as_of],
	)
}

findings contains f if {
	some f in result.check("R2", "every role states its responsibilities and is approved", _roles, _r2_items)
}

# --- R3: applicable controls and assets in use have an active owner.

_r3_population_p contains records.ref(e) if {
	some e in records.of("SoAEntry")
	e.standard == _standard
	e.applicable == true
}

_r3_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	ops.active_asset(a)
}

_owner_active(x) if people.active_ref(x.owner)

# _owner_problem says why a record's owner is not an active person.
_owner_problem(x) := "has no owner" if {
	not x.owner
} else := sprintf("has owner %s, who has no Person record", [x.owner]) if {
	not records.exists(x.owner)
} else := sprintf("has owner %s, who left on %s", [x.owner, p.end_date]) if {
	p := records.get(x.owner)
	dates.visible(p.end_date)
} else := sprintf("has owner %s, who starts only on %s", [x.owner, object.get(records.get(x.owner), "start_date", "?")])

_r3_items_p contains result.fail("R3", msg, [records.at(x, "owner")]) if {
	some ref in _r3_population
	x := records.get(ref)
	not _owner_active(x)
	msg := sprintf("%s %s: assign an owner who works here now", [ref, _owner_problem(x)])
}

findings contains f if {
	some f in result.check(
		"R3", "every applicable control and every asset in use has an active owner",
		_r3_population, _r3_items,
	)
}

# --- R4: role definitions reviewed within doc_review_days.

_last_reviewed(r) := dates.latest({v.on | some v in object.get(r, "reviews", [])} | records.approved_on(r))

_reviewed_recently(r) if dates.within(_last_reviewed(r), input.params.doc_review_days)

_last_text(r) := _last_reviewed(r)

_last_text(r) := "never" if not _last_reviewed(r)

_r4_items_p contains result.fail("R4", msg, [ref]) if {
	some ref in _roles
	r := records.get(ref)
	not _reviewed_recently(r)
	msg := sprintf(
		"%s has no review within doc_review_days %d of %s (last: %s): review the role definition",
		[ref, input.params.doc_review_days, input.as_of, _last_text(r)],
	)
}

findings contains f if {
	some f in result.check(
		"R4", sprintf("every role definition was reviewed within %d days", [input.params.doc_review_days]),
		_roles, _r4_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_mandatory := _mandatory_p

_optional_defined := _optional_defined_p

_r1_items := _r1_items_p

_roles := _roles_p

_r2_items := _r2_items_p

_r3_population := _r3_population_p

_r3_items := _r3_items_p

_r4_items := _r4_items_p
