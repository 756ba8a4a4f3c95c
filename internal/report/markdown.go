package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/annexa-dev/annexa/internal/catalog"
)

// WriteMarkdown writes a pull-request comment: the counts per standard and status, the
// failing controls with their first finding and its file:line, and every finding folded.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	failing := r.Failing()
	if len(failing) == 0 {
		fmt.Fprintf(&b, "## annexa: no control fails\n\n")
	} else {
		fmt.Fprintf(&b, "## annexa: %d %s fail\n\n", len(failing), plural(len(failing), "control", "controls"))
	}
	fmt.Fprintf(&b, "As of **%s**, %d records in %d files under `%s`", r.AsOf, r.Bundle.Records, r.Bundle.Files, r.Bundle.Path)
	if r.Bundle.Commit != "" {
		fmt.Fprintf(&b, " at `%s`", r.Bundle.Commit[:min(12, len(r.Bundle.Commit))])
	}
	fmt.Fprintf(&b, " (sha256 `%s`).\n\n", r.Bundle.SHA256[:min(16, len(r.Bundle.SHA256))])
	b.WriteString("| Standard |")
	for _, s := range Statuses {
		fmt.Fprintf(&b, " %s |", strings.ReplaceAll(s, "_", " "))
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---:|", len(Statuses)))
	b.WriteString("\n")
	for _, std := range r.Standards {
		fmt.Fprintf(&b, "| %s |", catalog.StandardTitle(std))
		for _, s := range Statuses {
			fmt.Fprintf(&b, " %d |", r.ByStd[std][s])
		}
		b.WriteString("\n")
	}
	if len(failing) > 0 {
		b.WriteString("\n### Failing controls\n\n| Control | Title | First finding | Evidence |\n|---|---|---|---|\n")
		for _, c := range failing {
			f := firstProblem(c)
			fmt.Fprintf(&b, "| `%s` | %s | %s %s | %s |\n", c.ID, cell(c.Title), f.Rule, cell(f.Message), evidenceCell(f))
		}
		b.WriteString("\n<details><summary>Every finding of the failing controls</summary>\n\n")
		for _, c := range failing {
			fmt.Fprintf(&b, "#### `%s` %s\n\n", c.ID, c.Title)
			for _, f := range c.Findings {
				if f.Outcome != StatusFail && f.Outcome != StatusError {
					continue
				}
				fmt.Fprintf(&b, "- **%s** %s %s\n", f.Rule, f.Message, evidenceCell(f))
			}
			b.WriteString("\n")
		}
		b.WriteString("</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func firstProblem(c Control) Finding {
	for _, f := range c.Findings {
		if f.Outcome == StatusFail || f.Outcome == StatusError {
			return f
		}
	}
	return Finding{}
}

func evidenceCell(f Finding) string {
	var locs []string
	for _, e := range f.Evidence {
		if e.File != "" {
			locs = append(locs, fmt.Sprintf("`%s:%d`", e.File, e.Line))
		}
		if len(locs) == 3 {
			break
		}
	}
	if n := len(f.Evidence) - len(locs); n > 0 && len(locs) > 0 {
		locs = append(locs, fmt.Sprintf("+%d more", n))
	}
	return strings.Join(locs, ", ")
}

func cell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
