package annexa.lib.waivers_test

import data.annexa.lib.waivers
import rego.v1

_params := {"exception_approver_roles": ["isms-manager"], "exception_max_days": 365}

_erin := {"kind": "Person", "id": "erin", "start_date": "2020-01-01", "roles": [{"role": "Role/isms-manager", "from": "2020-01-01"}]}

_exc := {
	"kind": "Exception", "id": "x", "applies_to": ["iso27001:A.8.8"], "reason": "patch pending",
	"requested_by": "Person/ivan", "approved_by": "Person/erin", "approved_on": "2026-11-01", "expires_on": "2026-12-15",
}

_state(exc, as_of) := s if {
	s := waivers.status["Exception/x"] with input as {
		"as_of": as_of, "params": _params,
		"records": {"Exception": {"x": exc}, "Person": {"erin": _erin}},
	}
}

test_pass_active if {
	s := _state(_exc, "2026-11-30")
	s.state == "active"
	s.message == "waived by Exception/x until 2026-12-15: patch pending"
}

test_fail_expired if {
	s := _state(_exc, "2026-12-16")
	s.state == "expired"
	s.message == "Exception/x: waiver expired on 2026-12-15: renew it or fix what it covered"
}

test_expiry_day_still_active if {
	_state(_exc, "2026-12-15").state == "active"
}

test_pending_before_approval if {
	_state(_exc, "2026-10-30").state == "pending"
}

test_fail_self_approved if {
	s := _state(object.union(_exc, {"requested_by": "Person/erin"}), "2026-11-30")
	s.state == "invalid"
	contains(s.message, "approved by its own requester")
}

test_fail_approver_without_role if {
	s := _state(object.union(_exc, {"approved_by": "Person/nobody"}), "2026-11-30")
	s.state == "invalid"
	contains(s.message, "held none of the exception_approver_roles (isms-manager)")
}

test_fail_too_long if {
	s := _state(object.union(_exc, {"expires_on": "2027-12-15"}), "2026-11-30")
	s.state == "invalid"
	s.message == "Exception/x runs 409 days, more than exception_max_days (365): shorten it"
}
