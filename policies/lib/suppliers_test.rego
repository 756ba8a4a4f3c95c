package annexa.lib.suppliers_test

import data.annexa.lib.suppliers
import rego.v1

_params := {
	"supplier_cert_grace_days": 90,
	"required_clauses": {"medium": ["confidentiality"], "high": ["confidentiality", "audit-right"]},
}

_in := {"as_of": "2026-11-30", "params": _params, "records": {}}

_s := {
	"kind": "Supplier", "id": "aws", "supplier_type": "iaas", "criticality": "critical", "data_access": "pii",
	"relationship": {"start_on": "2021-03-08"},
	"contract": {"clauses": ["confidentiality"]},
	"certifications": [
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2022-01-01", "valid_to": "2024-12-31"},
		{"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2025-01-01", "valid_to": "2027-12-31"},
		{"scheme": "soc2-type2", "scope_covers_service": false, "valid_from": "2025-01-01", "valid_to": "2025-12-31"},
		{"scheme": "iso42001", "scope_covers_service": true, "valid_from": "2027-01-01", "valid_to": "2029-12-31"},
	],
}

test_pass_active_until_end_date if {
	suppliers.active(_s) with input as _in
	ended := object.union(_s, {"relationship": {"end_on": "2026-11-30"}})
	not suppliers.active(ended) with input as _in
}

test_pass_tiers_and_missing_clauses if {
	suppliers.tier(_s) == "high"
	suppliers.tier(object.union(_s, {"criticality": "medium"})) == "medium"
	suppliers.tier(object.remove(_s, ["criticality"])) == "high"
	suppliers.missing_clauses(_s) == {"audit-right"} with input as _in
}

test_pass_latest_covering_certificate_per_scheme if {
	suppliers.latest_certs(_s) == {"iso27001": 1} with input as _in
}

test_fail_certificate_beyond_grace if {
	c := {"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2022-01-01", "valid_to": "2026-08-31"}
	not suppliers.cert_current(c) with input as _in
	suppliers.cert_current(object.union(c, {"valid_to": "2026-09-01"})) with input as _in
}

test_pass_data_access_order if {
	suppliers.access_at_least({"data_access": "pii"}, "confidential")
	not suppliers.access_at_least({"data_access": "none"}, "internal")
}
