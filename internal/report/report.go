// Package report holds the result of an evaluation and renders it in each output format.
package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
)

// Statuses of a control, in the order reports list them.
const (
	StatusPass           = "pass"
	StatusFail           = "fail"
	StatusNotApplicable  = "not_applicable"
	StatusWaived         = "waived"
	StatusNotExercised   = "not_exercised"
	StatusError          = "error"
	StatusNotImplemented = "not_implemented"
)

// Statuses lists every status in report order.
var Statuses = []string{StatusPass, StatusFail, StatusNotApplicable, StatusWaived, StatusNotExercised, StatusError, StatusNotImplemented}

// MaxEvidence bounds the evidence listed on a passing finding; Population keeps the full count.
const MaxEvidence = 20

// Report is the canonical result of one evaluation; every output format is a view of it.
type Report struct {
	Tool      Tool                      `json:"tool"`
	AsOf      string                    `json:"as_of"`
	Bundle    Bundle                    `json:"bundle"`
	Standards []string                  `json:"standards"`
	Summary   map[string]int            `json:"summary"`
	ByStd     map[string]map[string]int `json:"summary_by_standard"`
	Controls  []Control                 `json:"controls"`
	Params    map[string]any            `json:"parameters"`
	// Root is where findings without evidence are shown: the management-system record.
	Root Evidence `json:"root"`
	// Provenance pins everything the result depends on.
	Provenance Provenance `json:"provenance"`
	// Strict is set in strict replay: what was left out as committed after the as-of date,
	// and what was recorded long after the date it states.
	Strict *Strict `json:"strict,omitempty"`
}

// Strict describes a strict replay.
type Strict struct {
	Excluded     []string `json:"excluded"`
	LateRecorded []string `json:"late_recorded"`
}

// AddStrict records a strict replay: the entries left out and the late-recorded ones, and
// adds a late_recorded warning to every control whose findings rely on a late record.
func (r *Report) AddStrict(excluded []string, late []bundle.LateRecord) {
	r.Strict = &Strict{Excluded: append([]string{}, excluded...), LateRecorded: []string{}}
	byRecord := map[string][]string{}
	for _, l := range late {
		r.Strict.LateRecorded = append(r.Strict.LateRecorded, l.Message())
		base, _, _ := strings.Cut(l.Ref, "#")
		byRecord[base] = append(byRecord[base], l.Message())
	}
	for i := range r.Controls {
		c := &r.Controls[i]
		seen := map[string]bool{}
		for _, f := range c.Findings {
			for _, e := range f.Evidence {
				base, _, _ := strings.Cut(e.Ref, "#")
				for _, m := range byRecord[base] {
					if !seen[m] {
						seen[m] = true
						c.Warnings = append(c.Warnings, "late_recorded: "+m)
					}
				}
			}
		}
	}
}

// Provenance lists digests of everything that produced a report: the evidence files, the
// policy set, the schemas and the effective parameters (with the tool version, as-of date
// and git commit recorded beside them), so a replay can say exactly what differs.
type Provenance struct {
	Evidence         []EvidenceFile `json:"evidence"`
	Attachments      []EvidenceFile `json:"attachments,omitempty"`
	PoliciesSHA256   string         `json:"policies_sha256"`
	SchemasSHA256    string         `json:"schemas_sha256"`
	ParametersSHA256 string         `json:"parameters_sha256"`
}

// EvidenceFile is one evidence file and its digest.
type EvidenceFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Tool names the program that produced the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Bundle describes the evidence that was evaluated.
type Bundle struct {
	Path    string `json:"path"`
	Files   int    `json:"files"`
	Records int    `json:"records"`
	SHA256  string `json:"sha256"`
	// Commit and Tree name the git commit the evidence was read from (with --ref), or the
	// HEAD commit when the work tree's evidence files are exactly those of HEAD.
	Commit string `json:"commit,omitempty"`
	Tree   string `json:"tree,omitempty"`
}

// Control is the result of one control.
type Control struct {
	ID         string    `json:"id"`
	Standard   string    `json:"standard"`
	Kind       string    `json:"kind"`
	Title      string    `json:"title"`
	Group      string    `json:"group"`
	GroupTitle string    `json:"group_title"`
	Status     string    `json:"status"`
	Basis      string    `json:"basis,omitempty"`
	Findings   []Finding `json:"findings"`
	Warnings   []string  `json:"warnings,omitempty"`
	// Related are the controls of the other standard the cross-mapping relates to this one.
	Related []string `json:"related,omitempty"`
}

// Finding is one rule outcome with the evidence that decided it.
type Finding struct {
	Rule       string     `json:"rule"`
	Outcome    string     `json:"outcome"`
	Message    string     `json:"message"`
	Evidence   []Evidence `json:"evidence"`
	Population int        `json:"population,omitempty"`
	// Refs are all the records the policy named, also beyond MaxEvidence; not in the JSON.
	Refs []string `json:"-"`
}

// Evidence locates one record (or one field of it) in the bundle.
type Evidence struct {
	Ref  string `json:"ref"`
	File string `json:"file"`
	Line int    `json:"line"`
}

// Input gathers what Build needs.
type Input struct {
	Catalog   *catalog.Catalog
	Controls  []catalog.Control // the controls in scope, in report order
	Policies  func(id string) (engine.Policy, bool)
	Outcome   *engine.Outcome
	Bundle    *bundle.Bundle
	BundleDir string
	AsOf      string
	Params    map[string]any
	Version   string
	// PolicyDigest and SchemaDigest identify the policy set and the schemas used.
	PolicyDigest string
	SchemaDigest string
}

// Build derives the status of every control in scope from the policies' findings.
func Build(in Input) *Report {
	r := &Report{
		Tool: Tool{Name: "annexa", Version: in.Version},
		AsOf: in.AsOf,
		Bundle: Bundle{Path: in.BundleDir, Files: len(in.Bundle.Files), Records: len(in.Bundle.Records),
			SHA256: in.Bundle.Digest()},
		Summary: map[string]int{},
		ByStd:   map[string]map[string]int{},
		Params:  in.Params,
	}
	for _, s := range Statuses {
		r.Summary[s] = 0
	}
	r.Provenance = Provenance{
		Evidence:         []EvidenceFile{},
		PoliciesSHA256:   in.PolicyDigest,
		SchemasSHA256:    in.SchemaDigest,
		ParametersSHA256: DigestJSON(in.Params),
	}
	for _, f := range in.Bundle.Files {
		r.Provenance.Evidence = append(r.Provenance.Evidence, EvidenceFile{Path: f.Path, SHA256: f.SHA256})
	}
	for _, f := range in.Bundle.Attachments {
		r.Provenance.Attachments = append(r.Provenance.Attachments, EvidenceFile{Path: f.Path, SHA256: f.SHA256})
	}
	if ms := in.Bundle.ByKind("ManagementSystem"); len(ms) > 0 {
		r.Root = Evidence{Ref: ms[0].Ref(), File: ms[0].Pos.File, Line: ms[0].Pos.Line}
	} else if len(in.Bundle.Records) > 0 {
		first := in.Bundle.Records[0]
		r.Root = Evidence{Ref: first.Ref(), File: first.Pos.File, Line: first.Pos.Line}
	}
	waivers := resolveWaivers(in.Catalog, in.Outcome.Waivers)
	for _, ctl := range in.Controls {
		if !slices.Contains(r.Standards, ctl.Standard) {
			r.Standards = append(r.Standards, ctl.Standard)
			r.ByStd[ctl.Standard] = map[string]int{}
			for _, s := range Statuses {
				r.ByStd[ctl.Standard][s] = 0
			}
		}
		c := buildControl(in, ctl)
		applyWaivers(in, &c, waivers)
		r.Summary[c.Status]++
		r.ByStd[ctl.Standard][c.Status]++
		r.Controls = append(r.Controls, c)
	}
	return r
}

func buildControl(in Input, ctl catalog.Control) Control {
	c := Control{
		ID: ctl.ID, Standard: ctl.Standard, Kind: ctl.Kind, Title: ctl.Title,
		Group: ctl.Group, GroupTitle: ctl.GroupTitle, Findings: []Finding{},
	}
	if in.Catalog != nil {
		for _, r := range in.Catalog.Related(ctl.ID) {
			other := r.To
			if other == ctl.ID {
				other = r.From
			}
			if !slices.Contains(c.Related, other) {
				c.Related = append(c.Related, other)
			}
		}
	}
	pol, implemented := in.Policies(ctl.ID)
	if gate, ok := in.Outcome.Gate[ctl.ID]; ok {
		f := toFinding(in.Bundle, gate)
		if gate.Outcome == engine.OutcomePass {
			c.Status = StatusNotApplicable
			c.Findings = append(c.Findings, f)
			return c
		}
		c.Findings = append(c.Findings, f)
	}
	if !implemented && len(in.Outcome.Findings[ctl.ID]) > 0 {
		// Only the organization's own rules (custom.extends) decide this control.
		for _, f := range in.Outcome.Findings[ctl.ID] {
			c.Findings = append(c.Findings, toFinding(in.Bundle, f))
		}
		c.Status = statusOf(c.Findings)
		c.Warnings = append(c.Warnings, "only the organization's own rules decide this control: annexa has no built-in policy for it yet")
		return c
	}
	if !implemented {
		if c.Status == "" && len(c.Findings) == 0 {
			c.Status = StatusNotImplemented
			c.Findings = append(c.Findings, Finding{Rule: "-", Outcome: StatusNotImplemented,
				Message: "no policy decides this control yet; nothing was computed", Evidence: []Evidence{}})
			return c
		}
		c.Status = StatusFail
		return c
	}
	c.Basis = pol.Basis()
	if msg, failed := in.Outcome.Errors[ctl.ID]; failed {
		c.Status = StatusError
		c.Findings = append(c.Findings, Finding{Rule: "-", Outcome: StatusError, Message: msg, Evidence: []Evidence{}})
		return c
	}
	fs := in.Outcome.Findings[ctl.ID]
	for _, f := range fs {
		rf := toFinding(in.Bundle, f)
		distrust(in.Bundle, &rf, f.Refs)
		c.Findings = append(c.Findings, rf)
		if f.Outcome == engine.OutcomeAtRisk {
			c.Warnings = append(c.Warnings, "at_risk: "+f.Message)
		}
	}
	c.Status = statusOf(c.Findings)
	return c
}

// distrust fails a finding that relies on a record whose attachment changed or is missing:
// evidence that no longer matches its pinned digest cannot make a rule pass.
func distrust(b *bundle.Bundle, f *Finding, refs []string) {
	if len(b.Broken) == 0 || (f.Outcome != engine.OutcomePass && f.Outcome != engine.OutcomeAtRisk) {
		return
	}
	var why []string
	seen := map[string]bool{}
	for _, ref := range refs {
		base, _, _ := strings.Cut(ref, "#")
		if seen[base] {
			continue
		}
		seen[base] = true
		why = append(why, b.Broken[base]...)
	}
	if len(why) == 0 {
		return
	}
	f.Outcome = engine.OutcomeFail
	f.Message = fmt.Sprintf("%s, but %s: restore the file or update its sha256 after review", f.Message, strings.Join(why, "; "))
}

func statusOf(fs []Finding) string {
	if len(fs) == 0 {
		return StatusError // a policy that says nothing has not decided anything
	}
	exercised := false
	for _, f := range fs {
		switch f.Outcome {
		case engine.OutcomeFail:
			return StatusFail
		case engine.OutcomePass, engine.OutcomeAtRisk:
			exercised = true
		}
	}
	if !exercised {
		return StatusNotExercised
	}
	return StatusPass
}

func toFinding(b *bundle.Bundle, f engine.Finding) Finding {
	out := Finding{Rule: f.Rule, Outcome: f.Outcome, Message: f.Message, Evidence: []Evidence{}, Refs: f.Refs}
	refs := f.Refs
	if f.Outcome == engine.OutcomePass && len(refs) > MaxEvidence {
		out.Population = len(refs)
		refs = refs[:MaxEvidence]
	} else if f.Outcome == engine.OutcomePass {
		out.Population = len(refs)
	}
	for _, ref := range refs {
		out.Evidence = append(out.Evidence, Locate(b, ref))
	}
	return out
}

// Locate resolves a finding reference (Kind/id, or Kind/id#field.path) to its file and line.
func Locate(b *bundle.Bundle, ref string) Evidence {
	base, field, _ := strings.Cut(ref, "#")
	rec, ok := b.Get(base)
	if !ok {
		return Evidence{Ref: ref}
	}
	pos := rec.Pos
	if field != "" {
		pos = rec.FieldPos(field)
	}
	return Evidence{Ref: ref, File: pos.File, Line: pos.Line}
}

// Failing returns the failing controls of a report.
func (r *Report) Failing() []Control {
	var out []Control
	for _, c := range r.Controls {
		if c.Status == StatusFail || c.Status == StatusError {
			out = append(out, c)
		}
	}
	return out
}

// PresentStatuses returns the statuses with a non-zero count, in report order.
func PresentStatuses(counts map[string]int) []string {
	var out []string
	for _, s := range Statuses {
		if counts[s] > 0 {
			out = append(out, s)
		}
	}
	return out
}
