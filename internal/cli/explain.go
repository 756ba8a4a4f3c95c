package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
	"github.com/annexa-dev/annexa/internal/report"
)

const explainLong = `Explain one control: what it asks, which evidence kinds and rules decide it, the controls of
the other standard it relates to, and its current result against the evidence under DIR
(default: evidence), with every finding and the file:line behind it.

Examples:
  annexa explain iso27001:A.8.8
  annexa explain A.5.15 evidence --as-of 2026-03-31`

type explainOptions struct {
	control string
	dir     string
	asOf    string
}

func newExplainCmd(a *app) *cobra.Command {
	opts := &explainOptions{}
	cmd := &cobra.Command{
		Use:   "explain CONTROL [DIR]",
		Short: "Explain what a control needs and how the evidence meets it",
		Long:  explainLong,
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.control = args[0]
			opts.dir = dirArg(args[1:])
			return runExplain(cmd, a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.asOf, "as-of", "", "evaluate as of this date, YYYY-MM-DD (default today, UTC)")
	return cmd
}

func runExplain(cmd *cobra.Command, a *app, opts *explainOptions) error {
	cat := catalog.MustLoad()
	eng, err := a.engine()
	if err != nil {
		return err
	}
	var ctl catalog.Control
	if found, err := scope(eng, "", opts.control); err == nil {
		ctl = found[0]
	} else if ctl, err = cat.Resolve(opts.control); err != nil {
		return usageError("%v", err)
	}
	asOf, err := parseAsOf(opts.asOf)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", ctl.ID, ctl.Title)
	fmt.Fprintf(&b, "%s, %s %s\n", catalog.StandardTitle(ctl.Standard), groupName(ctl), ctl.GroupTitle)
	pol, implemented := eng.Policy(ctl.ID)
	if !implemented {
		if ctl.Summary != "" {
			fmt.Fprintf(&b, "\n%s\n", ctl.Summary)
		}
		fmt.Fprintf(&b, "\nNo policy decides this control yet: its status is not_implemented.\n")
	} else {
		fmt.Fprintf(&b, "\n%s\n", wrap(pol.Description, 96))
		fmt.Fprintf(&b, "\nClass %s (%s); evidence kinds: %s\n", pol.Class, classText(pol.Class), strings.Join(pol.Evidence, ", "))
		fmt.Fprintf(&b, "Rules (all must hold):\n")
		for _, r := range pol.Rules {
			fmt.Fprintf(&b, "  %s  %s\n", r.ID, wrapIndent(r.Text, 90, "      "))
		}
		if len(pol.Decisions) > 0 {
			fmt.Fprintf(&b, "Decisions where the model was open:\n")
			for _, d := range pol.Decisions {
				fmt.Fprintf(&b, "  - %s\n", wrapIndent(d, 92, "    "))
			}
		}
		fmt.Fprintf(&b, "Policy: %s (package %s)\n", pol.File, pol.Package)
	}
	if rel := cat.Related(ctl.ID); len(rel) > 0 {
		fmt.Fprintf(&b, "Related controls in the other standard:\n")
		for _, r := range relatedOther(cat, ctl.ID, rel) {
			fmt.Fprintf(&b, "  %s\n", r)
		}
	}
	if _, err := fmt.Fprint(w, b.String()); err != nil {
		return err
	}
	ev, err := a.loadEvidence(opts.dir, "")
	if err != nil {
		return err
	}
	if err := ev.check(cmd.ErrOrStderr()); err != nil {
		return err
	}
	scopeCtls := []catalog.Control{ctl}
	for _, id := range relatedIDs(cat, ctl.ID) {
		if rc, ok := cat.Get(id); ok {
			scopeCtls = append(scopeCtls, rc)
		}
	}
	rep, err := ev.evaluate(cmd.Context(), eng, asOf, scopeCtls)
	if err != nil {
		return err
	}
	var c report.Control
	for _, x := range rep.Controls {
		if x.ID == ctl.ID {
			c = x
		}
	}
	b.Reset()
	fmt.Fprintf(&b, "\nResult as of %s against %s: %s\n", asOf, ev.dir, strings.ToUpper(c.Status))
	for _, f := range c.Findings {
		fmt.Fprintf(&b, "  %-4s %-13s %s\n", f.Rule, f.Outcome, f.Message)
		for i, e := range f.Evidence {
			if i == 5 && len(f.Evidence) > 6 {
				fmt.Fprintf(&b, "       ... and %d more\n", len(f.Evidence)-5)
				break
			}
			loc := "(not in the bundle)"
			if e.File != "" {
				loc = fmt.Sprintf("%s:%d", e.File, e.Line)
			}
			fmt.Fprintf(&b, "       %s  %s\n", e.Ref, loc)
		}
		if f.Population > len(f.Evidence) {
			fmt.Fprintf(&b, "       (%d records examined)\n", f.Population)
		}
	}
	for _, wmsg := range c.Warnings {
		fmt.Fprintf(&b, "  warning: %s\n", wmsg)
	}
	writeShared(&b, eng, c, rep.Controls)
	if _, err := fmt.Fprint(w, b.String()); err != nil {
		return err
	}
	if c.Status == report.StatusFail || c.Status == report.StatusError {
		return failed()
	}
	return nil
}

// relatedIDs returns the other standard's controls related to a control, once each.
func relatedIDs(cat *catalog.Catalog, id string) []string {
	var out []string
	for _, r := range cat.Related(id) {
		other := r.To
		if other == id {
			other = r.From
		}
		if !slices.Contains(out, other) {
			out = append(out, other)
		}
	}
	slices.SortFunc(out, catalogOrder(cat))
	return out
}

func catalogOrder(cat *catalog.Catalog) func(a, b string) int {
	pos := map[string]int{}
	for i, c := range cat.Controls {
		pos[c.ID] = i
	}
	return func(a, b string) int { return pos[a] - pos[b] }
}

// baseRefs returns the records (not fields) a control's findings name.
func baseRefs(c report.Control) map[string]bool {
	out := map[string]bool{}
	for _, f := range c.Findings {
		for _, r := range f.Refs {
			base, _, _ := strings.Cut(r, "#")
			out[base] = true
		}
	}
	return out
}

// writeShared says, for each related control of the other standard, which of the same
// records serve it too and what it still needs beyond them.
func writeShared(b *strings.Builder, eng *engine.Engine, c report.Control, all []report.Control) {
	mine := baseRefs(c)
	first := true
	for _, rc := range all {
		if rc.ID == c.ID {
			continue
		}
		if first {
			fmt.Fprintf(b, "\nThe same evidence and the related controls of the other standard:\n")
			first = false
		}
		theirs := baseRefs(rc)
		var shared []string
		for r := range theirs {
			if mine[r] {
				shared = append(shared, r)
			}
		}
		slices.Sort(shared)
		fmt.Fprintf(b, "  %s  %s: %s\n", rc.ID, rc.Title, strings.ToUpper(rc.Status))
		switch {
		case len(shared) == 0:
			fmt.Fprintf(b, "    shares no record with %s\n", c.ID)
		default:
			fmt.Fprintf(b, "    also decided by %d of the same records: %s\n", len(shared), abbreviate(shared, 6))
		}
		var missing []string
		for _, f := range rc.Findings {
			if f.Outcome == report.StatusFail || f.Outcome == report.StatusError {
				missing = append(missing, f.Rule+" "+f.Message)
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(b, "    still needs:\n")
			for _, m := range missing {
				fmt.Fprintf(b, "      %s\n", m)
			}
			continue
		}
		if p, ok := eng.Policy(rc.ID); ok {
			kinds := map[string]bool{}
			for r := range shared {
				k, _, _ := strings.Cut(shared[r], "/")
				kinds[k] = true
			}
			var more []string
			for _, k := range p.Evidence {
				if !kinds[k] {
					more = append(more, k)
				}
			}
			if len(more) > 0 {
				fmt.Fprintf(b, "    beyond them it reads %s records\n", strings.Join(more, ", "))
			}
		}
	}

}

func abbreviate(refs []string, n int) string {
	if len(refs) <= n {
		return strings.Join(refs, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(refs[:n], ", "), len(refs)-n)
}

func groupName(c catalog.Control) string {
	if c.Kind == catalog.KindClause {
		return "clause " + c.Group
	}
	return c.Group
}

func classText(class string) string {
	switch class {
	case "a":
		return "decided from records alone"
	case "b":
		return "records plus a current attestation"
	case "c":
		return "a current attestation"
	}
	return "unknown"
}

func relatedOther(cat *catalog.Catalog, id string, rels []catalog.Relation) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rels {
		other := r.To
		if other == id {
			other = r.From
		}
		key := other + r.Relation
		if seen[key] {
			continue
		}
		seen[key] = true
		c, _ := cat.Get(other)
		out = append(out, fmt.Sprintf("%-18s %-55s %s", other, c.Title, r.Relation))
	}
	return out
}

func wrap(s string, width int) string { return wrapIndent(s, width, "") }

// wrapIndent folds text at width, indenting continuation lines.
func wrapIndent(s string, width int, indent string) string {
	words := strings.Fields(s)
	var b strings.Builder
	n := 0
	for i, w := range words {
		if i > 0 && n+1+len(w) > width {
			b.WriteString("\n" + indent)
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
