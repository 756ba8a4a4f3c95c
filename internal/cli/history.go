package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/gitsrc"
	"github.com/annexa-dev/annexa/internal/report"
)

const historyLong = `Show how compliance moved from release to release: evaluate the evidence of each tag (or of
the refs given) straight from the object store, each as of its own commit date, and report
the count per status over time.

Without --refs, every tag is evaluated, oldest first; --since TAG starts at that tag.

Examples:
  annexa history
  annexa history --since v2026.1 --format json
  annexa history --refs v2026.1,v2026.2,HEAD`

type historyOptions struct {
	dir, since, standard, format, output string
	refs                                 []string
}

func newHistoryCmd(a *app) *cobra.Command {
	opts := &historyOptions{}
	cmd := &cobra.Command{
		Use:   "history [DIR]",
		Short: "Count the statuses of every tagged release over time",
		Long:  historyLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = dirArg(args)
			if err := checkFormat("format", opts.format, "text", "json"); err != nil {
				return err
			}
			points, err := a.history(cmd, opts.dir, opts.refs, opts.since, opts.standard)
			if err != nil {
				return err
			}
			return writeOutput(cmd.OutOrStdout(), opts.output, func(w io.Writer) error {
				if opts.format == "json" {
					enc := json.NewEncoder(w)
					enc.SetIndent("", "  ")
					return enc.Encode(points)
				}
				return writeHistoryText(w, points)
			})
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.refs, "refs", nil, "the refs to evaluate, in order (default: every tag)")
	f.StringVar(&opts.since, "since", "", "start at this tag")
	f.StringVar(&opts.standard, "standard", "", "only this standard: iso27001 or iso42001")
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	f.StringVarP(&opts.output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// history evaluates each ref at its own commit date.
func (a *app) history(cmd *cobra.Command, dir string, refs []string, since, standard string) ([]report.HistoryPoint, error) {
	if len(refs) == 0 {
		repo, err := gitsrc.Open(".")
		if err != nil {
			return nil, usageError("history: %v", err)
		}
		tags, err := repo.Tags()
		if err != nil {
			return nil, err
		}
		started := since == ""
		for _, t := range tags {
			if t.Name == since {
				started = true
			}
			if started {
				refs = append(refs, t.Name)
			}
		}
		if since != "" && !started {
			return nil, usageError("--since %s: no such tag", since)
		}
		if len(refs) == 0 {
			return nil, usageError("history: the repository has no tags: pass --refs")
		}
	}
	eng, err := a.engine()
	if err != nil {
		return nil, err
	}
	controls, err := scope(eng, standard, "")
	if err != nil {
		return nil, err
	}
	var points []report.HistoryPoint
	for _, ref := range refs {
		ev, err := a.loadEvidence(dir, ref)
		if err != nil {
			return nil, err
		}
		if errs := len(filterErrors(ev)); errs > 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "annexa: %s: the evidence is invalid (%d problems): skipped\n", ref, errs)
			continue
		}
		asOf, err := ev.asOfFor("")
		if err != nil {
			return nil, err
		}
		rep, err := ev.evaluate(cmd.Context(), eng, asOf, controls)
		if err != nil {
			return nil, err
		}
		points = append(points, report.HistoryPoint{Label: ref, Commit: rep.Bundle.Commit, AsOf: asOf, Summary: rep.Summary})
	}
	return points, nil
}

func writeHistoryText(w io.Writer, points []report.HistoryPoint) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %-10s %-12s", "ref", "as of", "commit")
	for _, s := range report.Statuses {
		fmt.Fprintf(&b, " %6s", shortStatus(s))
	}
	b.WriteString("\n")
	for _, p := range points {
		commit := p.Commit
		if len(commit) > 12 {
			commit = commit[:12]
		}
		fmt.Fprintf(&b, "%-16s %-10s %-12s", p.Label, p.AsOf, commit)
		for _, s := range report.Statuses {
			fmt.Fprintf(&b, " %6d", p.Summary[s])
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func shortStatus(s string) string {
	return map[string]string{"pass": "pass", "fail": "fail", "not_applicable": "n/a", "waived": "waived",
		"not_exercised": "n/e", "error": "error", "not_implemented": "todo"}[s]
}
