package annexa.lib.physical_test

import data.annexa.lib.physical
import rego.v1

_params := {
	"attestation_max_days": 365, "attestation_sod": false, "supplier_cert_grace_days": 90,
	"ack_grace_days": 30,
}

_isms := {
	"kind": "ManagementSystem", "id": "isms", "standard": "iso27001:2022",
	"boundaries": {"sites": ["Site/office", "Site/aws", "Site/cowork", "Site/ghost"]},
}

_office := {
	"kind": "Site", "id": "office", "site_type": "office", "operated_by": "self",
	"zones": [
		{"name": "open", "level": "internal", "measures": ["badge"]},
		{"name": "cupboard", "level": "secure", "measures": ["lock", "alarm"]},
	],
}

_aws_site := {"kind": "Site", "id": "aws", "site_type": "cloud-region", "operated_by": "Supplier/aws"}

_cowork := {"kind": "Site", "id": "cowork", "site_type": "coworking", "operated_by": "Supplier/spaces"}

_unlisted := {"kind": "Site", "id": "old", "site_type": "office", "operated_by": "self"}

_aws := {"kind": "Supplier", "id": "aws", "certifications": [{
	"scheme": "iso27001", "scope_covers_service": true, "valid_from": "2025-01-01", "valid_to": "2027-01-01",
}]}

_spaces := {"kind": "Supplier", "id": "spaces", "relationship": {"start_on": "2024-01-01", "end_on": "2026-12-31"}}

_records := {
	"ManagementSystem": {"isms": _isms},
	"Site": {"office": _office, "aws": _aws_site, "cowork": _cowork, "old": _unlisted},
	"Supplier": {"aws": _aws, "spaces": _spaces},
}

_in(records) := {"as_of": "2026-11-30", "params": _params, "records": records}

test_pass_sites_from_boundaries if {
	got := physical.sites with input as _in(_records)
	got == {"Site/office", "Site/aws", "Site/cowork", "Site/ghost"}
}

test_pass_sites_fallback_to_all_records_without_boundaries if {
	isms := object.remove(_isms, ["boundaries"])
	recs := object.union(object.remove(_records, ["ManagementSystem"]), {"ManagementSystem": {"isms": isms}})
	got := physical.sites with input as _in(recs)
	got == {"Site/office", "Site/aws", "Site/cowork", "Site/old"}
}

test_pass_explicitly_empty_boundaries_mean_no_sites if {
	recs := object.union(_records, {"ManagementSystem": {"isms": object.union(_isms, {"boundaries": {"sites": []}})}})
	got := physical.sites with input as _in(recs)
	got == set()
}

test_pass_operators_and_inheritance if {
	physical.self_operated == {"Site/office", "Site/ghost"} with input as _in(_records)
	physical.hosted == {"Site/aws", "Site/cowork"} with input as _in(_records)
	physical.inherited == {"Site/aws"} with input as _in(_records)
	physical.local == {"Site/office", "Site/cowork", "Site/ghost"} with input as _in(_records)
	physical.secure_zones == {"Site/office": {1}} with input as _in(_records)
	physical.measures("Site/office") == {"badge", "lock", "alarm"} with input as _in(_records)
}

test_pass_active_supplier if {
	physical.active_supplier("Supplier/spaces", "2026-11-30") with input as _in(_records)
	not physical.active_supplier("Supplier/spaces", "2026-12-31") with input as _in(_records)
	not physical.active_supplier("Supplier/nope", "2026-11-30") with input as _in(_records)
}

test_fail_gap_message_for_uncertified_operator if {
	msg := physical.gap("iso27001:A.7.3", "Site/cowork") with input as _in(_records)
	msg == concat("", [
		"Site/cowork is run by Supplier/spaces, which has no certification covering the service valid at 2026-11-30 ",
		"or within supplier_cert_grace_days (90) after it ended, and no attestation of iso27001:A.7.3 covers the site ",
		"(no Attestation names iso27001:A.7.3): obtain the operator's current certificate or attest the site locally",
	])
}

test_pass_acknowledged_through_chain if {
	v1 := {"kind": "Document", "id": "rules-1", "version": "1.0.0"}
	v2 := {"kind": "Document", "id": "rules-2", "version": "2.0.0", "supersedes": "Document/rules-1"}
	ack := {
		"kind": "Acknowledgement", "id": "a", "person": "Person/p", "document": "Document/rules-1",
		"document_version": "1.0.0", "signed_on": "2026-01-01",
	}
	recs := {"Document": {"rules-1": v1, "rules-2": v2}, "Acknowledgement": {"a": ack}}
	physical.acknowledged("Person/p", "Document/rules-2") with input as _in(recs)
	physical.acknowledged("Person/p", "Document/rules-1") with input as _in(recs)
	not physical.acknowledged("Person/q", "Document/rules-2") with input as _in(recs)
	physical.acknowledgers("Document/rules-2") == {"Person/p"} with input as _in(recs)
	physical.acknowledgers("Document/rules-1") == {"Person/p"} with input as _in(recs)
}

test_pass_acknowledgers_only_visible_and_earlier_versions if {
	v1 := {"kind": "Document", "id": "rules-1", "version": "1.0.0"}
	v2 := {"kind": "Document", "id": "rules-2", "version": "2.0.0", "supersedes": "Document/rules-1"}
	a := {
		"kind": "Acknowledgement", "id": "a", "person": "Person/p", "document": "Document/rules-2",
		"document_version": "2.0.0", "signed_on": "2026-01-01",
	}
	late := {
		"kind": "Acknowledgement", "id": "late", "person": "Person/q", "document": "Document/rules-1",
		"document_version": "1.0.0", "signed_on": "2026-12-01",
	}
	recs := {"Document": {"rules-1": v1, "rules-2": v2}, "Acknowledgement": {"a": a, "late": late}}
	physical.acknowledgers("Document/rules-2") == {"Person/p"} with input as _in(recs)
	physical.acknowledgers("Document/rules-1") == set() with input as _in(recs)
	physical.acknowledgers("Document/none") == set() with input as _in(recs)
}

test_pass_newcomer_within_ack_grace_days if {
	recs := {"Person": {
		"new": {"kind": "Person", "id": "new", "start_date": "2026-10-31"},
		"old": {"kind": "Person", "id": "old", "start_date": "2026-10-30"},
	}}
	physical.newcomer("Person/new") with input as _in(recs)
	not physical.newcomer("Person/old") with input as _in(recs)
	not physical.newcomer("Person/none") with input as _in(recs)
}
