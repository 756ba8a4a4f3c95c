# METADATA
# title: Waivers
# description: >-
#   Exception records waive failing controls for a limited time. An exception counts when it
#   was approved by someone other than its requester who held one of the
#   exception_approver_roles on the approval date, its life does not exceed
#   exception_max_days, and the as-of date lies between approval and expiry. The engine then
#   turns the failing controls it covers into waived.
# scope: package
package annexa.lib.waivers

import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import rego.v1

# status maps every Exception ref to its state at the as-of date: active, expired, pending
# (approved after as-of) or invalid, with a message and its scope.
_status_p[records.ref(e)] := {
	"state": state,
	"message": msg,
	"approved_on": e.approved_on,
	"expires_on": e.expires_on,
	"controls": object.get(e, "controls", []),
	"applies_to": e.applies_to,
	"reason": e.reason,
} if {
	some e in records.of("Exception")
	[state, msg] := _state(e)
}

_state(e) := ["invalid", msg] if {
	e.approved_by == e.requested_by
	msg := sprintf("%s was approved by its own requester %s", [records.ref(e), e.requested_by])
} else := ["invalid", msg] if {
	not _approver_holds_role(e)
	msg := sprintf(
		"%s was approved by %s, who held none of the exception_approver_roles (%s) on %s",
		[records.ref(e), e.approved_by, concat(", ", input.params.exception_approver_roles), e.approved_on],
	)
} else := ["invalid", msg] if {
	days := dates.days_between(e.approved_on, e.expires_on)
	days > input.params.exception_max_days
	msg := sprintf(
		"%s runs %d days, more than exception_max_days (%d): shorten it",
		[records.ref(e), days, input.params.exception_max_days],
	)
} else := ["pending", msg] if {
	not dates.visible(e.approved_on)
	msg := sprintf("%s is approved only on %s", [records.ref(e), e.approved_on])
} else := ["expired", msg] if {
	e.expires_on < input.as_of
	msg := sprintf("%s: waiver expired on %s: renew it or fix what it covered", [records.ref(e), e.expires_on])
} else := ["active", msg] if {
	msg := sprintf("waived by %s until %s: %s", [records.ref(e), e.expires_on, e.reason])
}

_approver_holds_role(e) if {
	approver := records.get(e.approved_by)
	some role in input.params.exception_approver_roles
	people.holds_on(approver, people.role_ref(role), e.approved_on)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
status := _status_p
