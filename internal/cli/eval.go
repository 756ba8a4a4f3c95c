package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
	"github.com/annexa-dev/annexa/internal/report"
)

const evalLong = `Evaluate every control in scope against the evidence under DIR (default: evidence) as of one
date, and report a status per control with the findings and the evidence file:line behind them.

The evidence is validated first; when any record is invalid, annexa lists every problem as
file:line:col and exits 2 without judging any control.

Examples:
  annexa eval
  annexa eval evidence --as-of 2026-03-31
  annexa eval --standard iso42001 --format json --output report.json
  annexa eval --format sarif --output annexa.sarif   # for code scanning
  annexa eval --format html --output report.html     # one page for an auditor, works offline
  annexa eval --control A.8.8
  annexa eval --ref v2026.3            # the evidence of a tag, as of its commit date`

type evalOptions struct {
	dir      string
	asOf     string
	standard string
	control  string
	format   string
	output   string
	verbose  bool
	ref      string
	strict   bool
	profile  bool
	timings  bool
	dump     string
}

func newEvalCmd(a *app) *cobra.Command {
	opts := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval [DIR]",
		Short: "Evaluate the controls of both standards against the evidence",
		Long:  evalLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = dirArg(args)
			if err := checkFormat("format", opts.format, reportFormats...); err != nil {
				return err
			}
			return runEval(cmd, a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.asOf, "as-of", "", "evaluate as of this date, YYYY-MM-DD (default today, UTC)")
	f.StringVar(&opts.standard, "standard", "", "only this standard: iso27001 or iso42001")
	f.StringVar(&opts.control, "control", "", "only this control, such as iso27001:A.8.8 or A.8.8")
	f.StringVar(&opts.format, "format", "text", "output format: text, json, sarif, junit, github (workflow annotations), markdown, oscal (assessment results) or html (a self-contained page for auditors)")
	f.StringVarP(&opts.output, "output", "o", "", "write the report to this file instead of standard output")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "list the findings of passing controls too")
	f.BoolVar(&opts.profile, "profile", false, "also time each control's policy on its own and list the slowest on standard error")
	f.BoolVar(&opts.timings, "timings", false, "print the time of each phase on standard error, as JSON")
	f.StringVar(&opts.dump, "dump-input", "", "also write the policy input (records, parameters, as-of) as JSON to this file")
	_ = f.MarkHidden("timings")
	_ = f.MarkHidden("dump-input")
	f.BoolVar(&opts.strict, "strict", false, "strict replay: leave out every record and dated entry first committed after the as-of date")
	f.StringVar(&opts.ref, "ref", "", "read the evidence at this git ref (tag, branch, commit) from the object store; as-of defaults to its commit date")
	return cmd
}

func dirArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return "evidence"
}

func runEval(cmd *cobra.Command, a *app, opts *evalOptions) error {
	if _, err := parseAsOf(opts.asOf); err != nil {
		return err
	}
	a.startEngine()
	ev, evErr := a.loadEvidence(opts.dir, opts.ref)
	eng, err := a.engine()
	if err != nil {
		return err
	}
	controls, err := scope(eng, opts.standard, opts.control)
	if err != nil {
		return err
	}
	if evErr != nil {
		return evErr
	}
	asOf, err := ev.asOfFor(opts.asOf)
	if err != nil {
		return err
	}
	if err := ev.check(cmd.ErrOrStderr()); err != nil {
		return err
	}
	if opts.strict {
		if err := ev.applyStrict(asOf); err != nil {
			return err
		}
	}
	if opts.dump != "" {
		if err := writeOutput(io.Discard, opts.dump, func(w io.Writer) error {
			return json.NewEncoder(w).Encode(ev.input(asOf))
		}); err != nil {
			return err
		}
	}
	t1 := time.Now()
	rep, err := ev.evaluate(cmd.Context(), eng, asOf, controls)
	if err != nil {
		return err
	}
	evaluated := time.Since(t1)
	if opts.profile {
		if err := profile(cmd, eng, ev, asOf, controls); err != nil {
			return err
		}
	}
	out := cmd.OutOrStdout()
	t2 := time.Now()
	err = writeOutput(out, opts.output, func(w io.Writer) error {
		return renderReport(w, eng, opts.format, rep, report.TextOptions{Color: opts.output == "" && colorEnabled(out), Verbose: opts.verbose})
	})
	if err != nil {
		return err
	}
	if opts.timings {
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		_ = json.NewEncoder(cmd.ErrOrStderr()).Encode(map[string]any{
			"records": len(ev.bundle.Records), "files": len(ev.bundle.Files),
			"compile_ms": ms(a.compileTime), "decode_ms": ms(ev.decodeTime), "validate_ms": ms(ev.validateTime),
			"evaluate_ms": ms(evaluated), "render_ms": ms(time.Since(t2)),
		})
	}
	if len(rep.Failing()) > 0 {
		return failed()
	}
	return nil
}

// profile times every control's policy on its own and prints the slowest.
func profile(cmd *cobra.Command, eng *engine.Engine, ev *evidence, asOf string, controls []catalog.Control) error {
	ids := make([]string, len(controls))
	for i, c := range controls {
		ids[i] = c.ID
	}
	times, err := eng.Profile(cmd.Context(), ev.input(asOf), ids)
	if err != nil {
		return err
	}
	w := cmd.ErrOrStderr()
	fmt.Fprintf(w, "time per policy, evaluated alone (%d records):\n", len(ev.bundle.Records))
	for i, t := range times {
		if i == 25 {
			fmt.Fprintf(w, "  ... %d more\n", len(times)-25)
			break
		}
		note := ""
		if t.Err != nil {
			note = "  error: " + t.Err.Error()
		}
		fmt.Fprintf(w, "  %10s  %s%s\n", t.Elapsed.Round(time.Millisecond), t.Control, note)
	}
	return nil
}
