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

_retired(a) if dates.visible(a.lifecycle.retired_on)

# assets_by_external_id maps each external id value (hostname, cloud ARN, repo ...) to the
# refs of the assets that declare it.
_assets_by_external_id_p[v] contains records.ref(a) if {
	some a in records.of("Asset")
	some v in object.get(a, "external_ids", {})
}

# assets_named returns the Asset refs a tool's resource string names: the string itself when
# it is an Asset reference, and every asset that declares it as an external id.
assets_named(resource) := {r | some r in [resource]; startswith(r, "Asset/")} | _by_external_id(resource)

_by_external_id(resource) := object.get(assets_by_external_id, resource, set())

# isms_ref is the reference of the information security management system record; when there
# is none (or the bundle is partial) it is the bare kind, so a failure still names something.
isms_ref := min(refs) if {
	refs := {records.ref(ms) | some ms in records.of("ManagementSystem"); ms.standard == "iso27001:2022"}
	count(refs) > 0
} else := "ManagementSystem"

# due_soon holds when a deadline (a date) lies ahead of the as-of date by at most at_risk_days.
due_soon(due) if {
	due >= input.as_of
	dates.days_between(input.as_of, due) <= input.params.at_risk_days
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
assets_by_external_id := _assets_by_external_id_p
