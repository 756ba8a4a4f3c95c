package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/annexa-dev/annexa/internal/catalog"
)

// TextOptions tune the text renderer.
type TextOptions struct {
	// Color adds ANSI colours; only on a terminal and without NO_COLOR.
	Color bool
	// Verbose lists the findings of passing controls too.
	Verbose bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
	ansiBold   = "\x1b[1m"
)

type painter struct{ on bool }

func (p painter) paint(code, s string) string {
	if !p.on {
		return s
	}
	return code + s + ansiReset
}

var marks = map[string]string{
	StatusPass:           "PASS",
	StatusFail:           "FAIL",
	StatusNotApplicable:  "N/A ",
	StatusWaived:         "WAIV",
	StatusNotExercised:   "NEXR",
	StatusError:          "ERR ",
	StatusNotImplemented: "TODO",
}

var colours = map[string]string{
	StatusPass: ansiGreen, StatusFail: ansiRed, StatusError: ansiRed,
	StatusWaived: ansiYellow, StatusNotExercised: ansiYellow,
	StatusNotApplicable: ansiDim, StatusNotImplemented: ansiDim,
}

// WriteText writes the report for a person: grouped by standard and group, failures with
// their findings and evidence locations, and a summary line.
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	p := painter{opts.Color}
	var b strings.Builder
	fmt.Fprintf(&b, "annexa %s: %d records in %d files under %s, as of %s\n",
		r.Tool.Version, r.Bundle.Records, r.Bundle.Files, r.Bundle.Path, r.AsOf)
	std, group := "", ""
	for _, c := range r.Controls {
		if c.Standard != std {
			std, group = c.Standard, ""
			fmt.Fprintf(&b, "\n%s\n", p.paint(ansiBold, catalog.StandardTitle(std)))
		}
		if c.Group != group {
			group = c.Group
			fmt.Fprintf(&b, "  %s\n", groupLabel(c))
		}
		num := strings.TrimPrefix(c.ID, c.Standard+":")
		fmt.Fprintf(&b, "    %s %-8s %s", p.paint(colours[c.Status], marks[c.Status]), num, c.Title)
		if c.Basis == "attested" {
			b.WriteString(p.paint(ansiDim, " (attested)"))
		}
		b.WriteString("\n")
		for _, f := range c.Findings {
			if !showFinding(c, f, opts) {
				continue
			}
			fmt.Fprintf(&b, "        %s %s%s\n", f.Rule, f.Message, p.paint(ansiDim, where(f)))
		}
		for _, wmsg := range c.Warnings {
			fmt.Fprintf(&b, "        %s %s\n", p.paint(ansiYellow, "warning"), wmsg)
		}
	}
	b.WriteString("\n")
	for _, s := range r.Standards {
		fmt.Fprintf(&b, "%s: %s\n", catalog.StandardTitle(s), counts(r.ByStd[s]))
	}
	fmt.Fprintf(&b, "%s %s\n", p.paint(ansiBold, "Summary:"), counts(r.Summary))
	_, err := io.WriteString(w, b.String())
	return err
}

func groupLabel(c Control) string {
	if c.Kind == catalog.KindClause {
		return fmt.Sprintf("Clause %s %s", c.Group, c.GroupTitle)
	}
	return fmt.Sprintf("%s %s", c.Group, c.GroupTitle)
}

func showFinding(c Control, f Finding, opts TextOptions) bool {
	switch c.Status {
	case StatusFail, StatusError:
		return f.Outcome == StatusFail || f.Outcome == StatusError
	case StatusNotApplicable, StatusNotExercised:
		return true
	}
	return opts.Verbose && c.Status != StatusNotImplemented
}

func where(f Finding) string {
	var locs []string
	for _, e := range f.Evidence {
		if e.File != "" {
			locs = append(locs, fmt.Sprintf("%s:%d", e.File, e.Line))
		}
		if len(locs) == 3 {
			break
		}
	}
	if len(locs) == 0 {
		return ""
	}
	more := ""
	if n := len(f.Evidence) - len(locs); n > 0 {
		more = fmt.Sprintf(" +%d more", n)
	}
	return " (" + strings.Join(locs, ", ") + more + ")"
}

func counts(m map[string]int) string {
	var parts []string
	for _, s := range PresentStatuses(m) {
		parts = append(parts, fmt.Sprintf("%d %s", m[s], strings.ReplaceAll(s, "_", " ")))
	}
	if len(parts) == 0 {
		return "no controls"
	}
	return strings.Join(parts, ", ")
}
