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
assets_by_external_id := {v: {_ref(id) | some id in ids} | some v, ids in _ids_by_external_id}

# _ids_by_external_id maps each external id value to the ids of the Asset records that declare
# it (a comprehension index; refs are written only for the values looked up).
_ids_by_external_id := {v: ids |
	some v in {v | some a in _assets; some v in object.get(a, "external_ids", {})}
	ids := {id | some id, a in _assets; some x in object.get(a, "external_ids", {}); x == v}
}

_assets := object.get(input.records, "Asset", {})

_ref(id) := concat("/", [a.kind, a.id]) if a := _assets[id]

# assets_named returns the Asset refs a tool's resource string names: the string itself when
# it is an Asset reference, and every asset that declares it as an external id.
assets_named(resource) := _by_external_id(resource) | {resource} if {
	startswith(resource, "Asset/")
} else := _by_external_id(resource)

_by_external_id(resource) := {_ref(id) | some id in object.get(_ids_by_external_id, resource, set())}

# assets_named_by returns the Asset refs that any of a collection of resources names (the union
# of assets_named over it, in one call).
assets_named_by(resources) := {r | some r in resources; startswith(r, "Asset/")} | {_ref(id) |
	some r in resources
	some id in object.get(_ids_by_external_id, r, set())
}

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
