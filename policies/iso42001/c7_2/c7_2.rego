# METADATA
# title: Competence
# description: >-
#   The people in the roles of the management system keep the skills those roles call for: every holder has passed the
#   courses the role requires within their renewal period, and any gap is being closed through a tracked corrective
#   action with a due date.
# scope: package
# custom:
#   control: iso42001:7.2
#   class: a
#   evidence: [Role, Person, TrainingRecord, Document, Nonconformity]
#   rules:
#     R1: >-
#       Every active holder of a Role of iso42001:2023 (systems includes aims or is absent) with required_competences
#       has, for each course competence, a passed TrainingRecord of that course or of a later version that supersedes
#       it, completed within the competence's renew_days (training_refresh_days when unset). A holder who took the
#       role less than training_new_hire_days ago is not yet failed (at risk when that period ends within
#       at_risk_days), and a renewal due within at_risk_days is at risk. A certification competence fails, since no
#       evidence kind records certifications.
#     R2: >-
#       Every competence gap of R1 (a holder past the grace period without the competence) is tracked by an open
#       Nonconformity of iso42001:2023 raised against requirement 7.2 that names the holder in links or source_ref and
#       has a corrective action with a due_on on or after the as-of date and no done_on.
#   decisions:
#     - >-
#       The roles of the management system are the Role records that belong to the standard by systems; their holders
#       come from Person.roles.
#     - >-
#       The model's 'dated action (training scheduled)' has no kind: a TrainingRecord records a completion, not a
#       booking. R2 reads the model's dated action instead, a corrective action of an open Nonconformity against
#       clause 7.2, tied to the person through links or source_ref. A Nonconformity whose actions are all done or
#       overdue no longer tracks a gap that still exists.
#     - >-
#       New holders get training_new_hire_days from the start of their current assignment, as in 27001 A.6.3 R2; the
#       model states no grace for roles.
#     - >-
#       Certifications fail with a message saying how to record them as a course, as in A.6.3.
#     - >-
#       R2 is not exercised when there is no gap.
package annexa.iso42001.c7_2

import data.annexa.lib.result
import data.annexa.lib.support
import rego.v1

_std := "iso42001:2023"

# --- R1: role holders have current evidence of each required competence.

findings contains f if {
	some f in result.check(
		"R1", support.competence_summary(_std),
		support.competence_population(_std), support.competence_items("R1", _std),
	)
}

# --- R2: competence gaps are tracked by a dated action.

findings contains f if {
	some f in result.check(
		"R2", support.gap_summary(_std),
		support.gap_population(_std), support.gap_items("R2", _std),
	)
}
