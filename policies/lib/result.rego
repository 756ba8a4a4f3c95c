# METADATA
# title: Result constructors
# description: >-
#   The one place that builds findings. A control emits findings through check, which turns a
#   rule's population and its failing items into either the failures, one pass finding that
#   names the population, or a not-exercised finding when the population is empty.
# scope: package
package annexa.lib.result

import rego.v1

# pass is a finding that a rule holds; refs name the records that show it.
pass(rule, message, refs) := {"rule": rule, "outcome": "pass", "message": message, "refs": _list(refs)}

# fail is a finding that a rule does not hold; the message says what to fix.
fail(rule, message, refs) := {"rule": rule, "outcome": "fail", "message": message, "refs": _list(refs)}

# at_risk is a passing finding with a deadline close ahead.
at_risk(rule, message, refs) := {"rule": rule, "outcome": "at_risk", "message": message, "refs": _list(refs)}

# not_exercised says that a rule's population is empty at the as-of date.
not_exercised(rule, message) := {"rule": rule, "outcome": "not_exercised", "message": message, "refs": []}

# check decides one rule: items are the rule's fail and at_risk findings; population is the
# set of refs the rule examined. With a failure it yields the items; otherwise a pass finding
# (or not_exercised for an empty population) together with any at_risk items.
check(_, _, _, items) := items if {
	_failing(items)
}

check(rule, message, population, items) := items | {pass(rule, message, population)} if {
	not _failing(items)
	count(population) > 0
}

check(rule, message, population, items) := items | {not_exercised(rule, sprintf("nothing to check: %s", [message]))} if {
	not _failing(items)
	count(population) == 0
}

# require decides a rule that holds or fails as a whole: ok is a boolean, refs name the evidence.
require(rule, ok, pass_message, _, refs) := {pass(rule, pass_message, refs)} if ok

require(rule, ok, _, fail_message, refs) := {fail(rule, fail_message, refs)} if not ok

_failing(items) if {
	some i in items
	i.outcome == "fail"
}

_list(refs) := refs if is_array(refs)

_list(refs) := sort(refs) if is_set(refs)

_list(refs) := [refs] if is_string(refs)
