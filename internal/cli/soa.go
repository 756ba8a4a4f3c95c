package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/report"
)

const soaLong = `Write the Statement of Applicability of one standard: every Annex A control with its
applicability and the justification from the bundle's SoAEntry records, the implementation
status the organization declares beside the status annexa evaluates, the evidence behind it
with dates, and the risks and treatments that rely on it. A control without an SoA entry is
listed as such, never hidden.

Examples:
  annexa soa --standard iso27001
  annexa soa --standard iso42001 --format csv --output soa-42001.csv
  annexa soa --standard iso27001 --ref v2026.3 --format html --output soa.html`

type soaOptions struct {
	dir, ref, asOf, standard string
	format, output           string
}

func newSoACmd(a *app) *cobra.Command {
	opts := &soaOptions{}
	cmd := &cobra.Command{
		Use:   "soa [DIR]",
		Short: "Write the Statement of Applicability of a standard",
		Long:  soaLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = dirArg(args)
			if opts.standard == "" {
				return usageError("soa needs --standard iso27001 or --standard iso42001")
			}
			if err := checkFormat("format", opts.format, "markdown", "csv", "json", "html"); err != nil {
				return err
			}
			return runSoA(cmd, a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.standard, "standard", "", "the standard: iso27001 or iso42001")
	f.StringVar(&opts.format, "format", "markdown", "output format: markdown, csv, json or html")
	f.StringVarP(&opts.output, "output", "o", "", "write to this file instead of standard output")
	f.StringVar(&opts.asOf, "as-of", "", "evaluate as of this date, YYYY-MM-DD")
	f.StringVar(&opts.ref, "ref", "", "read the evidence at this git ref; as-of defaults to its commit date")
	return cmd
}

func runSoA(cmd *cobra.Command, a *app, opts *soaOptions) error {
	std, err := catalog.ParseStandard(opts.standard)
	if err != nil {
		return usageError("--standard: %v", err)
	}
	ev, _, rep, err := a.evaluateCmd(cmd, opts.dir, opts.ref, opts.asOf, std)
	if err != nil {
		return err
	}
	s := report.BuildSoA(rep, ev.bundle, std)
	return writeOutput(cmd.OutOrStdout(), opts.output, func(w io.Writer) error {
		switch opts.format {
		case "csv":
			return report.WriteSoACSV(w, s)
		case "json":
			return report.WriteSoAJSON(w, s)
		case "html":
			return report.WriteSoAHTML(w, s)
		}
		return report.WriteSoAMarkdown(w, s)
	})
}
