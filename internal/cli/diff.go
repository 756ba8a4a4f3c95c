package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/report"
)

const diffLong = `Compare the compliance of two versions of the evidence, control by control: which controls
a change breaks (newly failing), which it fixes, other status changes, and the findings added
and removed, each with its evidence file:line.

BASE and HEAD are git refs (read from the object store, without a checkout) or JSON reports
written by 'annexa eval --format json'. Without HEAD, the work tree is compared with BASE.
Both sides are evaluated as of the same date: --as-of, else the date of HEAD (its commit date,
or the as-of of a HEAD report), else today.

The exit code is 1 when a control regressed (was pass, not_applicable or waived and now fails),
0 otherwise, whatever failures both sides share; 2 for invalid evidence or usage.

Examples:
  annexa diff origin/main                 # the work tree against the base branch
  annexa diff HEAD~1 HEAD --format markdown
  annexa diff before.json after.json`

type diffOptions struct {
	base, head string
	dir        string
	asOf       string
	standard   string
	format     string
	output     string
}

func newDiffCmd(a *app) *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff BASE [HEAD]",
		Short: "Show which controls a change breaks or fixes between two git refs or reports",
		Long:  diffLong,
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.base = args[0]
			if len(args) == 2 {
				opts.head = args[1]
			}
			if err := checkFormat("format", opts.format, "text", "json", "markdown"); err != nil {
				return err
			}
			return runDiff(cmd, a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.dir, "evidence", "evidence", "the evidence folder, relative to the repository")
	f.StringVar(&opts.asOf, "as-of", "", "evaluate both sides as of this date, YYYY-MM-DD")
	f.StringVar(&opts.standard, "standard", "", "only this standard: iso27001 or iso42001")
	f.StringVar(&opts.format, "format", "text", "output format: text, json or markdown")
	f.StringVarP(&opts.output, "output", "o", "", "write the diff to this file instead of standard output")
	return cmd
}

// diffSide is one side of a diff: a JSON report, a git ref, or the work tree.
type diffSide struct {
	label  string
	report *report.Report // set for a JSON report, and once evaluated
	ev     *evidence
}

func openSide(a *app, arg, dir string) (*diffSide, error) {
	if arg == "" {
		ev, err := a.loadEvidence(dir, "")
		if err != nil {
			return nil, err
		}
		return &diffSide{label: "work tree", ev: ev}, nil
	}
	if st, err := os.Stat(arg); err == nil && !st.IsDir() && strings.HasSuffix(arg, ".json") {
		f, err := os.Open(arg)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		rep, err := report.ReadJSON(f)
		if err != nil {
			return nil, usageError("%s: %v", arg, err)
		}
		return &diffSide{label: arg, report: rep}, nil
	}
	ev, err := a.loadEvidence(dir, arg)
	if err != nil {
		return nil, err
	}
	return &diffSide{label: arg, ev: ev}, nil
}

func runDiff(cmd *cobra.Command, a *app, opts *diffOptions) error {
	if _, err := parseAsOf(opts.asOf); err != nil {
		return err
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	controls, err := scope(eng, opts.standard, "")
	if err != nil {
		return err
	}
	base, err := openSide(a, opts.base, opts.dir)
	if err != nil {
		return err
	}
	head, err := openSide(a, opts.head, opts.dir)
	if err != nil {
		return err
	}
	for _, s := range []*diffSide{base, head} {
		if s.ev != nil && len(bundle.Errors(s.ev.diags)) > 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "annexa: the evidence at %s is invalid:\n", s.label)
		}
		if s.ev != nil {
			if err := s.ev.check(cmd.ErrOrStderr()); err != nil {
				return err
			}
		}
	}
	asOf := opts.asOf
	switch {
	case asOf != "":
	case head.report != nil:
		asOf = head.report.AsOf
	case head.ev != nil && head.ev.commit != nil:
		asOf = head.ev.commit.Time.UTC().Format("2006-01-02")
	case base.report != nil && opts.head == "":
		asOf = base.report.AsOf
	default:
		asOf, _ = parseAsOf("")
	}
	for _, s := range []*diffSide{base, head} {
		if s.report != nil {
			if s.report.AsOf != asOf {
				fmt.Fprintf(cmd.ErrOrStderr(), "annexa: warning: %s was evaluated as of %s, not %s\n", s.label, s.report.AsOf, asOf)
			}
			continue
		}
		if s.report, err = s.ev.evaluate(cmd.Context(), eng, asOf, controls); err != nil {
			return err
		}
	}
	d := report.Compare(base.report, head.report, base.label, head.label)
	d.AsOf = asOf
	out := cmd.OutOrStdout()
	err = writeOutput(out, opts.output, func(w io.Writer) error {
		switch opts.format {
		case "json":
			return report.WriteDiffJSON(w, d)
		case "markdown":
			return report.WriteDiffMarkdown(w, d)
		}
		return report.WriteDiffText(w, d, opts.output == "" && colorEnabled(out))
	})
	if err != nil {
		return err
	}
	if d.Regression() {
		return failed()
	}
	return nil
}
