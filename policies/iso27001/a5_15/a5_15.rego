# METADATA
# title: Access control
# description: >-
#   Access is governed by a current access-control policy, every enabled account can be traced to
#   a person who answers for it (shared accounts only by approved, time-limited exception), and
#   the identity provider and cloud access settings are scanned often and show no failed
#   access-control check that is not excepted.
# scope: package
# custom:
#   control: iso27001:A.5.15
#   class: a
#   evidence: [Document, Account, Person, TestRun, Exception]
#   rules:
#     R1: >-
#       A current (published, approved for its version, not superseded) Document of doc_type
#       topic-policy or policy with topic access-control exists.
#     R2: >-
#       Every Account enabled at as-of is accountable: a human account has a holder who is an active
#       Person (or starts within preprovision_days, or left no longer ago than offboard_disable_days,
#       offboard_disable_days_privileged for privileged accounts, which is reported at risk); a
#       service or break-glass account has an active service_owner; an auditor account has an active
#       holder or service_owner; a shared account is listed in the applies_to of a valid Exception.
#     R3: >-
#       For each IdP or cloud-IAM scan series (TestRuns of test_type idp or cspm with the same scope)
#       run within lookback_days, the latest run is at most config_scan_days old, and none of its
#       results whose check_id is in access_control_checks has status fail or error unless a valid
#       Exception lists the result's resource (or the check_id when the result names no resource).
#       With no such run in lookback_days the rule fails.
#   decisions:
#     - R1 accepts doc_type policy as well as topic-policy, as in A.5.1 R2.
#     - R2 gives a leaver's human accounts the offboarding deadline of A.5.16 (at risk until then)
#       and pre-provisioned accounts the preprovision_days of A.5.16, so this control does not fail
#       what A.5.16 explicitly allows; service owners who left fail at once.
#     - R2 treats auditor accounts (not named by the model) as accountable through an active holder
#       or an active service_owner who sponsors them.
#     - A valid Exception is approved on or before as-of, not expired (as-of on or before expires_on),
#       approved by someone other than the requester who held a role in exception_approver_roles on
#       the approval date, and valid for at most exception_max_days. It covers an account only when
#       applies_to lists that account's reference (a control id alone is too broad).
#     - R3 groups scans by test_type and scope so that organisations with several identity providers
#       or cloud accounts have each one judged on its own latest run; a series with no run in
#       lookback_days is treated as discontinued. A check with status error fails, since it shows
#       nothing; checks the scanner did not run are not detected (blind spot).
package annexa.iso27001.a5_15

import data.annexa.lib.access
import data.annexa.lib.dates
import data.annexa.lib.docs
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

# --- R1: a current access-control policy.

_topic := "access-control"

_r1_population := object.get(docs.current_by_topic, _topic, set())

_r1_items_p contains result.fail("R1", msg, refs) if {
	count(_r1_population) == 0
	drafts := {records.ref(d) |
		some d in records.of("Document")
		d.doc_type in {"policy", "topic-policy"}
		object.get(d, "topic", "") == _topic
	}
	refs := _or_isms(drafts)
	msg := sprintf(
		"no current access-control policy at %s: %s",
		[input.as_of, "publish a Document with doc_type topic-policy and topic access-control and approve its version"],
	)
}

_or_isms(s) := s if count(s) > 0

_or_isms(s) := {ops.isms_ref} if count(s) == 0

findings contains f if {
	some f in result.check("R1", "a current access-control policy is in force", _r1_population, _r1_items)
}

# --- R2: every enabled account is accountable.

_active_accounts_p contains acc if {
	some acc in records.of("Account")
	access.active(acc)
}

_r2_population := {records.ref(acc) | some acc in _active_accounts}

_offboard_days(acc) := input.params.offboard_disable_days_privileged if acc.privileged == true

_offboard_days(acc) := input.params.offboard_disable_days if not acc.privileged == true

_offboard_by(acc, p) := dates.add_days(p.end_date, _offboard_days(acc))

# _person_problem says why a Person reference cannot answer for an account; undefined when it can.
_person_problem(ref) := sprintf("names %s, who has no Person record", [ref]) if {
	not records.exists(ref)
} else := sprintf("belongs to %s, who left on %s", [ref, p.end_date]) if {
	p := records.get(ref)
	dates.visible(p.end_date)
} else := sprintf("belongs to %s, who starts only on %s", [ref, p.start_date]) if {
	p := records.get(ref)
	dates.days_between(input.as_of, p.start_date) > input.params.preprovision_days
}

# _in_offboarding holds while a leaver's human account is still inside its offboarding deadline.
_in_offboarding(acc) if {
	p := _named[acc.holder]
	dates.visible(p.end_date)
	_offboard_by(acc, p) >= input.as_of
}

_human_problem(acc) := "has no holder" if {
	not acc.holder
} else := sprintf("belongs to %s, who left on %s; it had to be disabled by %s", [acc.holder, p.end_date, due]) if {
	p := _named[acc.holder]
	dates.visible(p.end_date)
	due := _offboard_by(acc, p)
	due < input.as_of
} else := _person_problems[acc.holder] if {
	not _in_offboarding(acc)
}

_owner_problem(acc) := "has no service_owner" if {
	not acc.service_owner
} else := _person_problems[acc.service_owner]

# _person_refs are the holders and service owners that enabled accounts name.
_person_refs := {ref | some acc in _active_accounts; some field in ["holder", "service_owner"]; ref := acc[field]}

# _named maps each of _person_refs that resolves to its record (records.get, once per reference).
_named := {ref: r | some ref in _person_refs; r := records.get(ref)}

# _person_problems maps each of _person_refs to its _person_problem, worked out once per person.
_person_problems := {ref: msg | some ref in _person_refs; msg := _person_problem(ref)}

_auditor_problem(acc) := "has neither an active holder nor an active service_owner" if {
	not _accountable_auditor(acc)
}

_accountable_auditor(acc) if people.active_ref(acc.holder)

_accountable_auditor(acc) if people.active_ref(acc.service_owner)

_problem(acc) := _human_problem(acc) if acc.account_type == "human"

_problem(acc) := _owner_problem(acc) if acc.account_type in {"service", "break-glass"}

_problem(acc) := _auditor_problem(acc) if acc.account_type == "auditor"

_problem(acc) := sprintf(
	"is shared and no valid Exception lists it (approved by a holder of %s other than the requester, %s)",
	[concat(" or ", input.params.exception_approver_roles), "unexpired, valid at most exception_max_days"],
) if {
	acc.account_type == "shared"
	not _excepted(records.ref(acc))
}

_field(acc) := "holder" if acc.account_type in {"human", "auditor"}

_field(acc) := "service_owner" if acc.account_type in {"service", "break-glass"}

_field(acc) := "account_type" if acc.account_type == "shared"

_r2_items_p contains result.fail("R2", msg, [records.at(acc, _field(acc))]) if {
	some acc in _active_accounts
	problem := _problem(acc)
	msg := sprintf(
		"%s (%s account in %s) %s: give it an accountable person or disable it",
		[records.ref(acc), acc.account_type, acc.system, problem],
	)
}

_r2_items_p contains result.at_risk("R2", msg, [records.at(acc, "holder")]) if {
	some acc in _active_accounts
	acc.account_type == "human"
	_in_offboarding(acc)
	p := records.get(acc.holder)
	msg := sprintf(
		"%s (%s) belongs to %s, who left on %s: disable it by %s",
		[records.ref(acc), acc.system, acc.holder, p.end_date, _offboard_by(acc, p)],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every enabled account has an accountable active person or a valid exception",
		_r2_population, _r2_items,
	)
}

# --- Exceptions.

_approver_roles := {people.role_ref(id) | some id in input.params.exception_approver_roles}

_valid_exception(e) if {
	dates.visible(e.approved_on)
	input.as_of <= e.expires_on
	e.approved_by != e.requested_by
	dates.days_between(e.approved_on, e.expires_on) <= input.params.exception_max_days
	approver := records.get(e.approved_by)
	some role in _approver_roles
	people.holds_on(approver, role, e.approved_on)
}

# _excepted_items are the items (references, resources, check ids) listed by a valid exception.
_excepted_items := {item | some e in records.of("Exception"); _valid_exception(e); some item in e.applies_to}

_excepted(item) if item in _excepted_items

# --- R3: IdP and cloud IAM settings scanned and passing.

_iam_types := {"idp", "cspm"}

_series(t) := concat(" of ", [t.test_type, concat(", ", sort(t.scope))])

_iam_runs := {t |
	some t in records.of("TestRun")
	t.test_type in _iam_types
	dates.visible(t.performed_on)
}

# _series_latest maps each scan series to the time of its latest run.
_series_latest := {k: max({dates.ns(t.performed_on) | some t in _iam_runs; _series(t) == k}) |
	some k in {_series(t) | some t in _iam_runs}
}

_latest_runs_p contains t if {
	some t in _iam_runs
	dates.ns(t.performed_on) == _series_latest[_series(t)]
	dates.within(t.performed_on, input.params.lookback_days)
}

_r3_population := {records.ref(t) | some t in _latest_runs}

_r3_items_p contains result.fail("R3", msg, [ops.isms_ref]) if {
	count(_latest_runs) == 0
	msg := sprintf(
		"no idp or cspm TestRun in the %d days before %s (lookback_days): %s",
		[input.params.lookback_days, input.as_of, "scan identity provider and cloud access settings regularly"],
	)
}

_r3_items_p contains result.fail("R3", msg, [records.ref(t)]) if {
	some t in _latest_runs
	dates.age(t.performed_on) > input.params.config_scan_days
	msg := sprintf(
		"the latest %s scan, %s, ran on %s, more than config_scan_days %d before %s: run it again",
		[_series(t), records.ref(t), dates.day(t.performed_on), input.params.config_scan_days, input.as_of],
	)
}

_failed := {"fail", "error"}

_excepted_result(r) if _excepted(r.resource)

_excepted_result(r) if {
	not r.resource
	_excepted(r.check_id)
}

_r3_items_p contains result.fail("R3", msg, [records.at(t, sprintf("results.%d", [i]))]) if {
	some t in _latest_runs
	some i, r in object.get(t, "results", [])
	r.check_id in input.params.access_control_checks
	r.status in _failed
	not _excepted_result(r)
	msg := sprintf(
		"%s reports %s as %s on %s: fix it or record an approved Exception that lists the resource",
		[records.ref(t), r.check_id, r.status, object.get(r, "resource", "(no resource)")],
	)
}

findings contains f if {
	some f in result.check(
		"R3", sprintf(
			"the latest identity and cloud access scans are at most %d days old and pass every access-control check",
			[input.params.config_scan_days],
		),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_items := _r1_items_p

_active_accounts := _active_accounts_p

_r2_items := _r2_items_p

_latest_runs := _latest_runs_p

_r3_items := _r3_items_p
