# METADATA
# title: Outsourced development
# description: >-
#   Software built by suppliers is bound by contract to secure development, audit rights and
#   clear ownership of the code; every change a supplier makes is approved by one of our own
#   employees, and the supplier's code goes through the same pipeline gates as ours.
# scope: package
# custom:
#   control: iso27001:A.8.30
#   class: a
#   evidence: [Supplier, ChangeRecord, Person, Asset, TestRun]
#   rules:
#     R1: >-
#       Every active Supplier of supplier_type outsourced-development, and every Supplier named as
#       outsourced_supplier of a change in R2's population, has contract.clauses that include
#       secure-development, audit-right and an intellectual-property clause
#       (intellectual-property, ip-rights or ip-ownership).
#     R2: >-
#       Every ChangeRecord with an outsourced_supplier deployed within lookback_days (deployed_on,
#       else go_live_on; management-system changes excepted) carries an approving decision, dated on
#       or before the deployment day, by a Person other than the author whose employment_type is
#       employee and who was active on the day of the approval.
#     R3: >-
#       The code of those changes passes the pipeline gates of A.8.25 R2: every repository they went
#       to - a repository Asset among the change's systems, or the repository whose external id
#       matches the host and path of the change's pr URL - shows every gate of
#       required_pipeline_gates passing in its latest vcs-settings or pipeline-gates TestRun within
#       config_scan_days; a change whose repository cannot be told fails.
#   decisions:
#     - >-
#       The model has no "supplier account"; a change authored by a supplier is one whose
#       outsourced_supplier is set, whoever is recorded as its author.
#     - >-
#       Clause names follow the lower-case hyphenated style of Supplier.contract.clauses; the model
#       names no spelling for the IP clause, so intellectual-property, ip-rights and ip-ownership
#       are accepted.
#     - >-
#       An internal employee is a Person of employment_type employee; contractors, interns and temps
#       are not internal for this rule, and neither is the author.
#     - >-
#       R3 checks the repositories' gates as they stand at the as-of date (the same evidence as
#       A.8.25 R2, lib/sdlc convention gate:NAME), not as they stood when each change was merged:
#       gate exports are snapshots and the model keeps no gate history per change. Failing to
#       name the repository of a supplier change is a failure, since its gates cannot be checked.
#     - >-
#       The pr URL is read as scheme://host/path/pull/N (also pulls, merge_requests and the GitLab
#       /-/ form); host/path or path must equal an external id of a repository Asset.
package annexa.iso27001.a8_30

import data.annexa.lib.dates
import data.annexa.lib.ops
import data.annexa.lib.people
import data.annexa.lib.records
import data.annexa.lib.result
import data.annexa.lib.sdlc
import data.annexa.lib.suppliers
import rego.v1

# --- Supplier changes in the lookback.

_changes_p contains c if {
	some c in records.of("ChangeRecord")
	c.change_class != "management-system"
	is_string(c.outsourced_supplier)
	dates.within(sdlc.deployed_day(c), input.params.lookback_days)
}

# --- R1: contract clauses.

_clause_names := {
	"secure-development": {"secure-development"},
	"audit-right": {"audit-right"},
	"intellectual-property": {"intellectual-property", "ip-rights", "ip-ownership"},
}

_r1_population := {records.ref(s) |
	some s in records.of("Supplier")
	s.supplier_type == "outsourced-development"
	suppliers.active(s)
} | {c.outsourced_supplier | some c in _changes}

_missing(s) := {name |
	some name, spellings in _clause_names
	count(spellings & suppliers.clauses(s)) == 0
}

_clauses_at(s) := records.at(s, "contract.clauses") if is_array(s.contract.clauses)

_clauses_at(s) := records.ref(s) if not is_array(object.get(s, ["contract", "clauses"], null))

_r1_items_p contains result.fail("R1", msg, [ref]) if {
	some ref in _r1_population
	not records.get(ref)
	msg := sprintf("%s develops our code (outsourced_supplier) but is not in the bundle: record the supplier", [ref])
}

_r1_items_p contains result.fail("R1", msg, [_clauses_at(s)]) if {
	some ref in _r1_population
	s := records.get(ref)
	missing := _missing(s)
	count(missing) > 0
	msg := sprintf(
		"%s develops software for us, but its contract lacks the clauses %s: add them to the contract",
		[ref, concat(", ", sort(missing))],
	)
}

findings contains f if {
	some f in result.check(
		"R1", "every outsourced development supplier is bound to secure development, audit rights and IP ownership",
		_r1_population, _r1_items,
	)
}

# --- R2: supplier changes approved by an internal employee.

_r2_population := {records.ref(c) | some c in _changes}

_internal_approval(c) if {
	day := sdlc.deployed_day(c)
	some a in records.approvals(c)
	a.by != c.author
	a.on <= day
	p := records.get(a.by)
	p.employment_type == "employee"
	people.active_on(p, a.on)
}

_r2_items_p contains result.fail("R2", msg, [_approvals_at(c)]) if {
	some c in _changes
	not _internal_approval(c)
	msg := sprintf(
		concat("", [
			"%s was made by %s and deployed on %s without an approval on or before that day by one of our ",
			"employees other than the author: have an internal employee review and approve supplier changes",
		]),
		[records.ref(c), c.outsourced_supplier, sdlc.deployed_day(c)],
	)
}

_approvals_at(c) := records.at(c, "approvals") if is_array(c.approvals)

_approvals_at(c) := records.ref(c) if not is_array(object.get(c, "approvals", null))

findings contains f if {
	some f in result.check(
		"R2", "every change made by a development supplier was approved by an internal employee before deployment",
		_r2_population, _r2_items,
	)
}

# --- R3: supplier code through the same pipeline gates.

_pr_path(c) := m[0][1] if {
	m := regex.find_all_string_submatch_n(
		`^(?:[A-Za-z][A-Za-z0-9+.-]*://)?([^?#]+?)/(?:-/)?(?:pull|pulls|merge_requests)/[0-9]+`,
		c.pr, 1,
	)
	count(m) > 0
}

_pr_keys(c) := {p, substring(p, indexof(p, "/") + 1, -1)} if p := _pr_path(c)

_is_repository(ref) if records.get(ref).asset_type == "repository"

# _repositories returns the repository Assets a change went to.
_repositories(c) := {s | some s in c.systems; _is_repository(s)} | {a |
	some key in _pr_keys(c)
	some a in _declaring(key)
	_is_repository(a)
}

# _declaring returns the refs of the assets that declare key as an external id (ops.assets_named
# without the key itself, so that only the assets looked up get a ref).
_declaring(key) := ops.assets_named(key) if not startswith(key, "Asset/")

_declaring(key) := object.get(ops.assets_by_external_id, key, set()) if startswith(key, "Asset/")

_unplaced_p contains records.ref(c) if {
	some c in _changes
	count(_repositories(c)) == 0
}

_repos_p contains repo if {
	some c in _changes
	some repo in _repositories(c)
}

_r3_population := _repos | _unplaced

_r3_items_p contains result.fail("R3", msg, [ref]) if {
	some ref in _unplaced
	msg := sprintf(
		concat("", [
			"%s was made by a supplier, but no repository Asset is named in its systems or matches its pr URL ",
			"(external_ids): record the repository, so that its pipeline gates can be checked",
		]),
		[ref],
	)
}

_r3_items_p contains result.fail("R3", msg, sdlc.gate_refs(repo)) if {
	some repo in _repos
	problem := sdlc.gate_problem(repo)
	msg := sprintf("%s, and it receives supplier code: enforce the same pipeline gates for it", [problem])
}

findings contains f if {
	some f in result.check(
		"R3",
		sprintf("every repository receiving supplier code enforces the required pipeline gates (%s)", [sdlc.gates_text]),
		_r3_population, _r3_items,
	)
}

# Complete views of the partial rules above: a keyed lookup into a partial rule is
# evaluated afresh every time, a lookup into a complete rule reads a cached value.
_changes := _changes_p

_r1_items := _r1_items_p

_r2_items := _r2_items_p

_unplaced := _unplaced_p

_repos := _repos_p

_r3_items := _r3_items_p
