# METADATA
# title: Secure disposal or re-use of equipment
# description: >-
#   Equipment that holds data is destroyed or wiped by an approved method when it is retired,
#   with who did it and a certificate or wipe log pinned by digest; and a device handed back is
#   wiped before it goes to its next user.
# scope: package
# custom:
#   control: iso27001:A.7.14
#   class: a
#   evidence: [Asset, Supplier, Person]
#   rules:
#     R1: >-
#       Every storage-bearing Asset (endpoint, server, removable-media, network or
#       facility-equipment, not cloud-hosted) whose lifecycle.retired_on lies in the lookback window
#       (lookback_days) has a lifecycle.disposal with a method in approved_disposal_methods, a date
#       no later than as-of, a performer (by or vendor), and a certificate_sha256 or an evidence entry
#       of the Asset carrying a sha256 (the wipe log).
#     R2: >-
#       Every such Asset handed back in the lookback window (lifecycle.returned_on), not retired and
#       now assigned to an active Person, has a lifecycle.disposal wipe with a method in
#       approved_disposal_methods dated on or after returned_on and no later than as-of.
#   decisions:
#     - Cloud-hosted assets (a region and no location) have no hardware of ours to dispose of; their
#       data deletion is A.8.10.
#     - A retired asset without any disposal record fails at once; there is no parameter for a
#       disposal backlog.
#     - The wipe before re-use is recorded as lifecycle.disposal. The date of the new assignment is not
#       recorded, so R2 checks that the wipe followed the return; a re-assigned device is recognised
#       by a return date and an active current assignee.
package annexa.iso27001.a7_14

import data.annexa.lib.dates
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import rego.v1

_storage_types := {"endpoint", "server", "removable-media", "network", "facility-equipment"}

_cloud_hosted(a) if {
	a.region
	not a.location
}

_storage(a) if {
	a.asset_type in _storage_types
	not _cloud_hosted(a)
}

_disposal(a) := object.get(object.get(a, "lifecycle", {}), "disposal", {})

_approved_method(a) if _disposal(a).method in input.params.approved_disposal_methods

# --- R1: retired equipment disposed of securely.

_r1_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	_storage(a)
	dates.within(a.lifecycle.retired_on, input.params.lookback_days)
}

_dated(a) if dates.visible(_disposal(a).on)

_performed(a) if _disposal(a).by

_performed(a) if _disposal(a).vendor

_logged(a) if object.get(_disposal(a), "certificate_sha256", "") != ""

_logged(a) if {
	some e in a.evidence
	object.get(e, "sha256", "") != ""
}

_gaps(a) := {g |
	some check, g in {
		"method": sprintf(
			"a method in approved_disposal_methods (%s; recorded: %s)",
			[concat(", ", input.params.approved_disposal_methods), object.get(_disposal(a), "method", "none")],
		),
		"date": "a disposal date on or before the as-of date",
		"performer": "who did it (by or vendor)",
		"log": "a certificate_sha256 or a hashed wipe log in evidence",
	}
	not _meets(a, check)
}

_meets(a, "method") if _approved_method(a)

_meets(a, "date") if _dated(a)

_meets(a, "performer") if _performed(a)

_meets(a, "log") if _logged(a)

_r1_items_p contains result.fail("R1", msg, [records.at(a, "lifecycle.disposal")]) if {
	some ref in _r1_population
	a := records.get(ref)
	gaps := _gaps(a)
	count(gaps) > 0
	msg := sprintf(
		"%s (%s) was retired on %s, but its disposal record lacks %s: complete the disposal record",
		[ref, a.asset_type, a.lifecycle.retired_on, concat("; ", sort(gaps))],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every retired storage-bearing asset was disposed of by an approved method, with performer and certificate",
		_r1_population, _r1_items,
	)
}

# --- R2: returned devices wiped before re-use.

_retired(a) if dates.visible(a.lifecycle.retired_on)

_r2_population_p contains records.ref(a) if {
	some a in records.of("Asset")
	_storage(a)
	dates.within(a.lifecycle.returned_on, input.params.lookback_days)
	not _retired(a)
	people.active_ref(a.assigned_to)
}

_wiped_after_return(a) if {
	_approved_method(a)
	_dated(a)
	_disposal(a).on >= a.lifecycle.returned_on
}

_r2_items_p contains result.fail("R2", msg, [records.at(a, "lifecycle.disposal")]) if {
	some ref in _r2_population
	a := records.get(ref)
	not _wiped_after_return(a)
	msg := sprintf(
		"%s was handed back on %s and is now assigned to %s, but no wipe by an approved method (%s) is recorded since: %s",
		[
			ref, a.lifecycle.returned_on, a.assigned_to, concat(", ", input.params.approved_disposal_methods),
			"wipe it before re-use and record the wipe",
		],
	)
}

findings contains f if {
	some f in result.check(
		"R2", "every device handed back was wiped by an approved method before its next assignment",
		_r2_population, _r2_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_r1_population := _r1_population_p

_r1_items := _r1_items_p

_r2_population := _r2_population_p

_r2_items := _r2_items_p
