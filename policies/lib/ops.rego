# METADATA
# title: Operations helpers
# description: >-
#   Helpers shared by the operational controls: whether an asset is still in service, which
#   assets a tool's resource name points at (a reference or one of the asset's external ids),
#   the record to name when something that must exist is missing, and the at-risk window
#   before a deadline.
# scope: package
package annexa.lib.ops

import data.annexa.lib.dates
import data.annexa.lib.records
import rego.v1

# active_asset holds when an asset has not been retired by the as-of date.
active_asset(a) if not _retired(a)

_retired(a) if substring(a.lifecycle.retired_on, 0, 10) <= input.as_of

# assets_by_external_id maps each external id value (hostname, cloud ARN, repo ...) to the
# refs of the assets that declare it.
assets_by_external_id := {v: refs |
	some v in {p[0] | some p in _external_ids}
	refs := {p[1] | some p in _external_ids; p[0] == v}
}

# _external_ids are the [external id, Asset ref] pairs of every asset.
_external_ids := [[v, concat("/", [a.kind, a.id])] |
	some a in object.get(input.records, "Asset", {})
	some v in object.get(a, "external_ids", {})
]

# assets_named returns the Asset refs a tool's resource string names: the string itself when
# it is an Asset reference, and every asset that declares it as an external id.
assets_named(resource) := object.get(assets_by_external_id, resource, set()) | {resource} if {
	startswith(resource, "Asset/")
} else := object.get(assets_by_external_id, resource, set())

# isms_ref is the reference of the information security management system record; when there
# is none (or the bundle is partial) it is the bare kind, so a failure still names something.
isms_ref := min(refs) if {
	refs := {records.ref(ms) | some ms in records.of("ManagementSystem"); ms.standard == "iso27001:2022"}
	count(refs) > 0
} else := "ManagementSystem"

# due_soon holds when a deadline (a date) lies ahead of the as-of date by at most at_risk_days.
due_soon(due) if {
	due >= input.as_of
	substring(due, 0, 10) <= _soon
}

# _soon is the last day at_risk_days after the as-of date.
_soon := dates.add_days(input.as_of, input.params.at_risk_days)
