package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Diff compares two evaluations of the same controls at the same as-of date.
type Diff struct {
	AsOf string   `json:"as_of"`
	Base DiffSide `json:"base"`
	Head DiffSide `json:"head"`
	// Regressed controls were pass, not_applicable or waived and now fail (or error).
	Regressed []Change `json:"regressed"`
	// Fixed controls failed and now pass, are not applicable or waived.
	Fixed []Change `json:"fixed"`
	// Changed controls changed status otherwise (not_implemented to pass, pass to not_exercised ...).
	Changed []Change `json:"changed"`
	// Findings lists controls whose status stayed but whose failing findings changed.
	Findings []Change `json:"findings_changed"`
}

// DiffSide describes one side of a diff.
type DiffSide struct {
	Label   string         `json:"label"`
	Commit  string         `json:"commit,omitempty"`
	SHA256  string         `json:"bundle_sha256"`
	AsOf    string         `json:"as_of"`
	Summary map[string]int `json:"summary"`
}

// Change is the difference of one control.
type Change struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	From    string    `json:"from"`
	To      string    `json:"to"`
	Added   []Finding `json:"findings_added"`
	Removed []Finding `json:"findings_removed"`
}

// Regression reports whether the diff holds a control that got worse.
func (d *Diff) Regression() bool { return len(d.Regressed) > 0 }

func isGood(s string) bool { return s == StatusPass || s == StatusNotApplicable || s == StatusWaived }
func isBad(s string) bool  { return s == StatusFail || s == StatusError }

// Compare computes the control-level difference between base and head.
func Compare(base, head *Report, baseLabel, headLabel string) *Diff {
	d := &Diff{
		AsOf:      head.AsOf,
		Base:      side(base, baseLabel),
		Head:      side(head, headLabel),
		Regressed: []Change{}, Fixed: []Change{}, Changed: []Change{}, Findings: []Change{},
	}
	before := map[string]Control{}
	for _, c := range base.Controls {
		before[c.ID] = c
	}
	for _, h := range head.Controls {
		b, ok := before[h.ID]
		if !ok {
			b = Control{Status: StatusNotImplemented}
		}
		ch := Change{ID: h.ID, Title: h.Title, From: b.Status, To: h.Status}
		ch.Added, ch.Removed = findingDelta(b.Findings, h.Findings)
		switch {
		case isGood(b.Status) && isBad(h.Status):
			d.Regressed = append(d.Regressed, ch)
		case isBad(b.Status) && isGood(h.Status):
			d.Fixed = append(d.Fixed, ch)
		case b.Status != h.Status:
			d.Changed = append(d.Changed, ch)
		case len(ch.Added) > 0 || len(ch.Removed) > 0:
			d.Findings = append(d.Findings, ch)
		}
	}
	return d
}

func side(r *Report, label string) DiffSide {
	return DiffSide{Label: label, Commit: r.Bundle.Commit, SHA256: r.Bundle.SHA256, AsOf: r.AsOf, Summary: r.Summary}
}

// findingDelta returns the failing or at-risk findings only in head (added) and only in base
// (removed), compared by rule, outcome and message.
func findingDelta(base, head []Finding) (added, removed []Finding) {
	key := func(f Finding) string { return f.Rule + "\x00" + f.Outcome + "\x00" + f.Message }
	relevant := func(f Finding) bool {
		return f.Outcome == StatusFail || f.Outcome == StatusError || f.Outcome == "at_risk"
	}
	in := func(fs []Finding) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			if relevant(f) {
				m[key(f)] = true
			}
		}
		return m
	}
	b, h := in(base), in(head)
	added, removed = []Finding{}, []Finding{}
	for _, f := range head {
		if relevant(f) && !b[key(f)] {
			added = append(added, f)
		}
	}
	for _, f := range base {
		if relevant(f) && !h[key(f)] {
			removed = append(removed, f)
		}
	}
	return added, removed
}

// WriteDiffJSON writes the diff as indented JSON.
func WriteDiffJSON(w io.Writer, d *Diff) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteDiffText writes the diff for a person.
func WriteDiffText(w io.Writer, d *Diff, color bool) error {
	p := painter{color}
	var b strings.Builder
	fmt.Fprintf(&b, "annexa diff as of %s: %s -> %s\n", d.AsOf, d.Base.Label, d.Head.Label)
	section := func(title, colour string, cs []Change) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s (%d)\n", p.paint(colour, title), len(cs))
		for _, c := range cs {
			fmt.Fprintf(&b, "  %-18s %-55s %s -> %s\n", c.ID, c.Title, c.From, c.To)
			for _, f := range c.Added {
				fmt.Fprintf(&b, "      + %s %s%s\n", f.Rule, f.Message, where(f))
			}
			for _, f := range c.Removed {
				fmt.Fprintf(&b, "      - %s %s%s\n", f.Rule, f.Message, where(f))
			}
		}
	}
	section("Newly failing", ansiRed, d.Regressed)
	section("Fixed", ansiGreen, d.Fixed)
	section("Other status changes", ansiYellow, d.Changed)
	section("Findings changed", ansiYellow, d.Findings)
	if len(d.Regressed)+len(d.Fixed)+len(d.Changed)+len(d.Findings) == 0 {
		b.WriteString("\nNo control changed.\n")
	}
	fmt.Fprintf(&b, "\n%d regressed, %d fixed, %d other status changes, %d with changed findings\n",
		len(d.Regressed), len(d.Fixed), len(d.Changed), len(d.Findings))
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDiffMarkdown writes the diff as a pull-request comment.
func WriteDiffMarkdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	switch {
	case d.Regression():
		fmt.Fprintf(&b, "## annexa: %d %s newly failing\n\n", len(d.Regressed), plural(len(d.Regressed), "control", "controls"))
	case len(d.Fixed) > 0:
		fmt.Fprintf(&b, "## annexa: no regression, %d fixed\n\n", len(d.Fixed))
	default:
		b.WriteString("## annexa: no regression\n\n")
	}
	fmt.Fprintf(&b, "Evaluated as of **%s**: `%s` → `%s`.\n\n", d.AsOf, d.Base.Label, d.Head.Label)
	fmt.Fprintf(&b, "| | %s |\n|---|%s\n", strings.Join(Statuses, " | "), strings.Repeat("---:|", len(Statuses)))
	for _, s := range []DiffSide{d.Base, d.Head} {
		fmt.Fprintf(&b, "| `%s` |", s.Label)
		for _, st := range Statuses {
			fmt.Fprintf(&b, " %d |", s.Summary[st])
		}
		b.WriteString("\n")
	}
	table := func(title string, cs []Change) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n### %s\n\n| Control | Title | Status | Cause | Evidence |\n|---|---|---|---|---|\n", title)
		for _, c := range cs {
			f := Finding{}
			if len(c.Added) > 0 {
				f = c.Added[0]
			} else if len(c.Removed) > 0 {
				f = c.Removed[0]
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s → %s | %s %s | %s |\n", c.ID, cell(c.Title), c.From, c.To,
				f.Rule, cell(f.Message), evidenceCell(f))
		}
	}
	table("Newly failing", d.Regressed)
	table("Fixed", d.Fixed)
	table("Other status changes", d.Changed)
	if len(d.Findings) > 0 {
		b.WriteString("\n<details><summary>Controls whose findings changed</summary>\n\n")
		for _, c := range d.Findings {
			fmt.Fprintf(&b, "- `%s` %s: %d added, %d removed\n", c.ID, c.Title, len(c.Added), len(c.Removed))
		}
		b.WriteString("\n</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ReadJSON reads a report written by WriteJSON.
func ReadJSON(r io.Reader) (*Report, error) {
	var rep Report
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(&rep); err != nil {
		return nil, err
	}
	if rep.Tool.Name != "annexa" || rep.AsOf == "" {
		return nil, fmt.Errorf("not an annexa JSON report")
	}
	return &rep, nil
}
