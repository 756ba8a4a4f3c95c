# METADATA
# title: Operational planning and control
# description: >-
#   Operations are planned and kept under control: the required procedures are written and approved, outsourced work
#   runs under signed contracts with the protective clauses, and changes are approved before they go live or, in an
#   emergency, reviewed afterwards.
# scope: package
# custom:
#   control: iso42001:8.1
#   class: a
#   evidence: [Document, Supplier, ChangeRecord, ManagementSystem]
#   rules:
#     R1: >-
#       For every activity in required_procedures there is a current Document of iso42001:2023 of doc_type procedure
#       whose topic is that activity (the notion of clause 4.4 R2).
#     R2: >-
#       Every active Supplier of iso42001:2023 with data_access internal or more sensitive, or criticality medium or
#       higher, has a contract signed by the as-of date (on or before relationship.start_on when it started inside
#       lookback_days) whose clauses include every clause of required_clauses for its tier (the notion of 27001 A.5.20
#       R1).
#     R3: >-
#       Every ChangeRecord of iso42001:2023 that went live (deployed_on, else go_live_on) inside lookback_days has an
#       approving decision dated on or before that day. Without one it fails, unless it is an emergency change; an
#       emergency change fails when it has no retro_approval or review dated on or after that day once
#       emergency_retro_days have passed (at risk when that period ends within at_risk_days).
#   decisions:
#     - >-
#       A ChangeRecord holds references in systems, not isms/aims: it belongs to a standard when a record it touches
#       does (a reference that does not resolve counts for both).
#     - >-
#       'Planned' is read as approved no later than the day the change went live; separation of duties and tests are
#       A.8.32's business.
#     - >-
#       The schema cannot tell outsourced processes from other supplier services, so R2 applies A.5.20 R1 to every
#       supplier that needs a contract; the DPA and incident-notice terms stay with A.5.20.
#     - >-
#       The procedure list is the one required_procedures parameter for both standards; procedures count by systems
#       (absent means both).
package annexa.iso42001.c8_1

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso42001:2023"

# --- R1: required procedures exist.

findings contains f if {
	some f in result.check(
		"R1", support.procedure_summary(_std),
		support.procedure_population(_std), support.procedure_items("R1", _std),
	)
}

# --- R2: outsourced services run under contracts.

findings contains f if {
	some f in result.check(
		"R2", support.contract_summary(_std),
		support.contract_population(_std), support.contract_items("R2", _std),
	)
}

# --- R3: changes are planned, unplanned ones reviewed afterwards.

findings contains f if {
	some f in result.check(
		"R3", support.change_summary(_std),
		support.change_population(_std), support.change_items("R3", _std),
	)
}
