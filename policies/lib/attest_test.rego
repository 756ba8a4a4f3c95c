package annexa.lib.attest_test

import data.annexa.lib.attest
import rego.v1

_params := {"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90}

_person := {
	"kind": "Person", "id": "hank", "start_date": "2020-01-01",
	"roles": [{"role": "Role/facilities-lead", "from": "2020-01-01"}],
}

_att := {
	"kind": "Attestation", "id": "att-1", "controls": ["iso27001:A.7.1"], "scope": ["Site/office"],
	"attested_by": "Person/hank", "role": "Role/facilities-lead",
	"attested_on": "2026-02-20", "valid_until": "2027-02-19",
}

_in(att, person) := {
	"as_of": "2026-11-30", "params": _params,
	"records": {"Attestation": {"att-1": att}, "Person": {"hank": person}},
}

test_pass_current_attestation if {
	got := attest.current("iso27001:A.7.1", {"Role/facilities-lead"}, "Site/office") with input as _in(_att, _person)
	got == {"Attestation/att-1"}
}

test_fail_expired if {
	old := object.union(_att, {"attested_on": "2025-01-10", "valid_until": "2026-01-09"})
	got := attest.current("iso27001:A.7.1", set(), "") with input as _in(old, _person)
	count(got) == 0
	msg := attest.why_not("iso27001:A.7.1", set(), "") with input as _in(old, _person)
	msg == "Attestation/att-1 expired on 2026-01-09"
}

test_fail_too_long if {
	long := object.union(_att, {"valid_until": "2028-02-19"})
	msg := attest.why_not("iso27001:A.7.1", set(), "") with input as _in(long, _person)
	msg == "Attestation/att-1 is valid for 729 days, more than attestation_max_days (365)"
}

test_fail_role_not_held if {
	nobody := object.union(_person, {"roles": []})
	msg := attest.why_not("iso27001:A.7.1", set(), "") with input as _in(_att, nobody)
	msg == "Attestation/att-1: Person/hank did not hold Role/facilities-lead on 2026-02-20"
}

test_fail_wrong_role if {
	msg := attest.why_not("iso27001:A.7.1", {"Role/ceo"}, "") with input as _in(_att, _person)
	msg == "Attestation/att-1 is made as Role/facilities-lead, not as Role/ceo"
}

test_fail_unhandled_exception if {
	gap := object.union(_att, {"exceptions": [{"text": "rear door closer slow"}]})
	got := attest.current("iso27001:A.7.1", set(), "") with input as _in(gap, _person)
	count(got) == 0
}

test_fail_none if {
	msg := attest.why_not("iso27001:A.7.2", set(), "") with input as _in(_att, _person)
	msg == "no Attestation names iso27001:A.7.2"
}

test_pass_inherited_site if {
	site := {"kind": "Site", "id": "aws", "operated_by": "Supplier/aws"}
	aws := {"kind": "Supplier", "id": "aws", "certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2026-10-01",
	}]}
	attest.inherited(site) with input as {"as_of": "2026-11-30", "params": _params, "records": {"Supplier": {"aws": aws}}}
}

test_fail_inherited_certificate_lapsed if {
	site := {"kind": "Site", "id": "aws", "operated_by": "Supplier/aws"}
	aws := {"kind": "Supplier", "id": "aws", "certifications": [{
		"scheme": "iso27001", "scope_covers_service": true,
		"valid_from": "2025-01-01", "valid_to": "2026-06-01",
	}]}
	not attest.inherited(site) with input as {"as_of": "2026-11-30", "params": _params, "records": {"Supplier": {"aws": aws}}}
}
