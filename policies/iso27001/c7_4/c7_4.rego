# METADATA
# title: Communication
# description: >-
#   The organisation has decided what it communicates about the management system, when, with whom and how, inside and
#   outside, and keeps its outward channels and published information current.
# scope: package
# custom:
#   control: iso27001:7.4
#   class: a
#   evidence: [Document, Disclosure, CommsChannel]
#   rules:
#     R1: >-
#       A current Document of iso27001:2022 with topic communication-plan exists (published, approved for its version,
#       not superseded), and every such plan sets the content_flags internal_communication, external_communication and
#       what_when_whom_how to true.
#     R2: >-
#       Every external communication item exists and is current: the Disclosure and CommsChannel refs the plans list
#       in subject_refs or links, every published Disclosure of iso27001:2022, and every CommsChannel of iso27001:2022
#       that is outbound or whose audience includes public, customers or users. A Disclosure was published or reviewed
#       within doc_review_days; a channel's latest test succeeded within channel_test_days, or it was reviewed within
#       that period.
#   decisions:
#     - >-
#       The three flag names are ours: the model states the content (what, when, with whom and how; internal and
#       external) but names no field, so the approver confirms it with these flags.
#     - >-
#       The review of the plan itself is left to 7.5 R2.
#     - >-
#       Plans need not list their items as records (the example plan lists none), so R2 also takes every external
#       Disclosure and CommsChannel of the standard; an item the plan lists must exist.
#     - >-
#       Channels have tests rather than reviews; a successful latest test or a review counts. Inbound channels for
#       personnel only are internal communication and are left out.
package annexa.iso27001.c7_4

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso27001:2022"

# --- R1: a current communication plan that says what, when, with whom and how.

findings contains f if {
	some f in result.check(
		"R1", support.plan_summary(_std),
		support.comms_plans(_std), support.plan_items("R1", _std),
	)
}

# --- R2: the external items exist and are current.

findings contains f if {
	some f in result.check(
		"R2", support.external_summary(_std),
		support.external_population(_std), support.external_items("R2", _std),
	)
}
