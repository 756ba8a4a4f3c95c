package annexa.lib.ai3_test

import data.annexa.lib.ai3
import rego.v1

_params := {"lookback_days": 365, "posture_max_age_days": 7}

_model(id, version, day, retired) := object.union(
	{
		"kind": "ModelRecord", "id": id, "ai_system": "AISystem/s", "model_version": version,
		"deployment": {"deployed_on": day, "environment": "prod"},
	},
	retired,
)

_in(records) := {"as_of": "2026-11-30", "params": _params, "records": records}

_models := {
	"m1": _model("m1", "1.4.0", "2025-01-10", {"retired_on": "2025-09-22"}),
	"m2": _model("m2", "2.0.0", "2025-09-22T06:30:00Z", {"retired_on": "2026-06-16"}),
	"m3": _model("m3", "2.1.0", "2026-06-16T06:30:00Z", {}),
	"m4": _model("m4", "3.0.0", "2026-12-01", {}),
}

test_pass_current_major_and_since if {
	ai3.current_model("AISystem/s").id == "m3" with input as _in({"ModelRecord": _models})
	ai3.current_major("AISystem/s") == "2" with input as _in({"ModelRecord": _models})
	ai3.major_since("AISystem/s") == "2025-09-22" with input as _in({"ModelRecord": _models})
}

test_fail_no_live_model_no_version if {
	retired := {"m1": _models.m1}
	not ai3.current_major("AISystem/s") with input as _in({"ModelRecord": retired})
}

test_pass_covers_major if {
	d := {"kind": "Disclosure", "system_version_covered": "v2"}
	ai3.covers_major(d, "AISystem/s") with input as _in({"ModelRecord": _models})
	doc := {"kind": "Document", "version": "1.0.0", "published_on": "2025-09-22"}
	ai3.covers_major(doc, "AISystem/s") with input as _in({"ModelRecord": _models})
	old := {"kind": "Document", "version": "1.0.0", "published_on": "2025-09-21"}
	not ai3.covers_major(old, "AISystem/s") with input as _in({"ModelRecord": _models})
}

test_pass_superseded_disclosure_is_not_current if {
	d1 := {"kind": "Disclosure", "id": "d1", "ai_systems": ["AISystem/s"], "published_on": "2025-01-01"}
	d2 := {
		"kind": "Disclosure", "id": "d2", "ai_systems": ["AISystem/s"], "published_on": "2026-01-01",
		"supersedes": "Disclosure/d1",
	}
	got := ai3.disclosures["AISystem/s"] with input as _in({"Disclosure": {"d1": d1, "d2": d2}})
	got == {"Disclosure/d2"}
}

test_pass_enabled_logs_by_observation if {
	fresh := {"kind": "LoggingSource", "id": "a", "system": "AISystem/s", "observed_on": "2026-11-23"}
	stale := {"kind": "LoggingSource", "id": "b", "system": "AISystem/s", "observed_on": "2026-11-22"}
	got := ai3.enabled_logs("AISystem/s") with input as _in({"LoggingSource": {"a": fresh, "b": stale}})
	got == {"LoggingSource/a"}
}
