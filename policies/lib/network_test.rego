package annexa.lib.network_test

import data.annexa.lib.network
import rego.v1

_params := {"admin_ports": [22, 3389, 5432], "min_tls_version": 1.2}

test_topics_of_bundle_check_ids if {
	network.topics("time_sync_enabled", "mdm-posture") == {"time-sync"}
	network.topics("amazon_time_sync_in_use", "ntp") == {"time-sync"}
	network.topics("ntp_synced", "cspm") == {"time-sync"}
	aggregate := "ec2_securitygroup_no_admin_ports_open_to_internet"
	network.topics(aggregate, "cspm") == {"admin-ports"} with input as {"params": _params}
	network.topics("vpc_flow_logs_enabled", "cspm") == {"flow-logs"}
	network.topics("elbv2_listener_tls_1_2_or_higher", "cspm") == {"tls"}
	network.topics("wafv2_webacl_attached", "cspm") == {"waf"}
	network.topics("secure_dns_web_filter_active", "mdm-posture") == {"web-filter"}
	network.topics("web_filter_blocks:newly-registered-domains", "web-filter") == {"web-category"}
	network.topics("rds_instance_storage_encrypted", "cspm") == {"encryption-at-rest"}
	network.topics("rds_instance_transport_encrypted", "cspm") == set()
	network.topics("kms_cmk_rotation_enabled", "cspm") == {"key-rotation"}
	network.topics("account_separation_prod_nonprod", "cspm") == {"separation"}
	network.topics("vpc_peering_routing_tables_with_least_privilege", "cspm") == {"peering"}
	network.topics("route53_domains_privacy_protection_enabled", "cspm") == set()
	network.topics("local_admin_removed", "mdm-posture") == {"local-admin"}
	network.topics("cert_expires_on:2026-12-10", "certificates") == {"cert-expiry"}
	network.topics("acm_certificates_expiration_check", "cspm") == {"cert-expiry"}
	network.topics("sagemaker_endpoint_encryption", "cspm") == {"encryption-at-rest"}
}

test_per_port_admin_checks if {
	network.ports("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_mysql_3306") == {3306}
	network.ports("ec2_securitygroup_no_admin_ports_open_to_internet") == set()
	network.admin_check("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22") with input as {"params": _params}
	mongo := "ec2_securitygroup_allow_ingress_from_internet_to_port_mongodb_27017_27018"
	not network.admin_check(mongo) with input as {"params": _params}
	network.topics(mongo, "cspm") == set() with input as {"params": _params}
}

test_parsed_values if {
	network.tls_version("elbv2_listener_tls_1_2_or_higher") == 1.2
	network.tls_version("tls_min_version_1_3") == 1.3
	not network.tls_version("tls_enabled")
	network.category("web_filter_blocks:newly-registered-domains") == "newly-registered-domains"
	network.rotation_days("kms_cmk_rotation_enabled") == 365
	network.rotation_days("key_rotation_le_90") == 90
	network.rotation_days("key_rotation_180d") == 180
	network.expiry("cert_expires_on:2026-12-10") == "2026-12-10"
}

_ntp_run(id, on, results) := {"kind": "TestRun", "id": id, "test_type": "ntp", "performed_on": on, "results": results}

_ntp_input := {"as_of": "2026-03-31", "params": {"config_scan_days": 7}, "records": {"TestRun": {
	"t1": _ntp_run("t1", "2026-03-30", [
		{"check_id": "ntp_synced", "status": "pass", "resource": "host-ok"},
		{"check_id": "ntp_synced", "status": "fail", "resource": "host-bad"},
		{"check_id": "ntp_synced", "status": "pass", "resource": "host-bad"},
		{"check_id": "ntp_synced", "status": "manual", "resource": "host-unknown"},
	]),
	"t2": _ntp_run("t2", "2026-01-05", [{"check_id": "ntp_synced", "status": "pass", "resource": "host-old"}]),
}}}

test_passing_is_where_verdict_is_undefined if {
	network.passing("time-sync", 7) == {"host-ok"} with input as _ntp_input
	not network.verdict("time-sync", "host-ok", 7, "time sync") with input as _ntp_input
	every t in {"host-bad", "host-unknown", "host-old"} {
		network.verdict("time-sync", t, 7, "time sync") with input as _ntp_input
	}
	network.passing("time-sync", 100) == {"host-ok", "host-old"} with input as _ntp_input
}
