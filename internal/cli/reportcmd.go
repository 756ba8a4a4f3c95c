package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/report"
)

const reportLong = `Write the report for people who would rather look than read: one self-contained HTML file
(no network request; styles, scripts and charts inline) with a summary per standard, a chart
of statuses per group, a control table to filter and search, every control's findings with
their evidence file:line and related controls of the other standard, and the provenance of
the run. With --history (or --history-since), the page adds a trend chart over those refs.

Examples:
  annexa report --output report.html
  annexa report --ref v2026.3 --history-since v2026.1 --output report.html`

type reportOptions struct {
	dir, ref, asOf, standard, format, output, since string
	history                                         []string
}

func newReportCmd(a *app) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [DIR]",
		Short: "Write a self-contained HTML report for auditors and managers",
		Long:  reportLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = dirArg(args)
			if err := checkFormat("format", opts.format, "html"); err != nil {
				return err
			}
			_, _, rep, err := a.evaluateCmd(cmd, opts.dir, opts.ref, opts.asOf, opts.standard)
			if err != nil {
				return err
			}
			var points []report.HistoryPoint
			if len(opts.history) > 0 || opts.since != "" {
				if points, err = a.history(cmd, opts.dir, opts.history, opts.since, opts.standard); err != nil {
					return err
				}
			}
			return writeOutput(cmd.OutOrStdout(), opts.output, func(w io.Writer) error {
				return report.WriteHTML(w, rep, report.HTMLOptions{Related: relatedControls, History: points})
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "html", "output format: html")
	f.StringVarP(&opts.output, "output", "o", "", "write to this file instead of standard output")
	f.StringVar(&opts.asOf, "as-of", "", "evaluate as of this date, YYYY-MM-DD")
	f.StringVar(&opts.ref, "ref", "", "read the evidence at this git ref; as-of defaults to its commit date")
	f.StringVar(&opts.standard, "standard", "", "only this standard: iso27001 or iso42001")
	f.StringSliceVar(&opts.history, "history", nil, "add a trend chart over these refs")
	f.StringVar(&opts.since, "history-since", "", "add a trend chart over the tags from this one on")
	return cmd
}
