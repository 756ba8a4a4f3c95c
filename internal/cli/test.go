package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/engine"
)

const testLong = `Run the Rego tests of the built-in policies and of the organization's own policies under DIR
(default: --policies, or .annexa/policies when it exists), in the same sandbox the evaluation
uses, and print the line coverage of every policy file.

--min-coverage gates the organization's own policy files when there are any (the built-in
ones otherwise): annexa exits 1 when a test fails or the coverage is below the minimum.

Examples:
  annexa test
  annexa test .annexa/policies --min-coverage 90`

type testOptions struct {
	dir         string
	minCoverage float64
	verbose     bool
}

func newTestCmd(a *app) *cobra.Command {
	opts := &testOptions{}
	cmd := &cobra.Command{
		Use:   "test [DIR]",
		Short: "Run the Rego tests of the built-in and custom policies, with coverage",
		Long:  testLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				a.policies = args[0]
			}
			if opts.minCoverage < 0 || opts.minCoverage > 100 {
				return usageError("--min-coverage must be between 0 and 100")
			}
			return runTest(cmd, a, opts)
		},
	}
	cmd.Flags().Float64Var(&opts.minCoverage, "min-coverage", 0, "fail when the coverage (percent) is below this")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "list every test, not only the failing ones")
	return cmd
}

func runTest(cmd *cobra.Command, a *app, opts *testOptions) error {
	eng, err := a.engine()
	if err != nil {
		return err
	}
	mods := eng.Modules()
	custom := map[string]bool{}
	hasCustom := false
	var builtinMods, customMods []engine.Module
	for _, m := range mods {
		isCustom := !strings.HasPrefix(m.Path, "policies/")
		hasCustom = hasCustom || isCustom
		if isCustom && !m.IsTest() {
			custom[m.Path] = true
		}
		if !m.IsTest() || !isCustom {
			builtinMods = append(builtinMods, m)
		}
		if !m.IsTest() || isCustom {
			customMods = append(customMods, m)
		}
	}
	// The built-in tests run without coverage when custom policies exist (their coverage is
	// what --min-coverage gates); the custom tests run with it.
	rep, err := engine.RunTests(cmd.Context(), builtinMods, !hasCustom)
	if err == nil && hasCustom {
		var crep *engine.TestReport
		crep, err = engine.RunTests(cmd.Context(), customMods, true)
		if err == nil {
			rep.Results = append(rep.Results, crep.Results...)
			rep.Coverage, rep.Lines = map[string]float64{}, map[string][2]int{}
			for f := range custom {
				rep.Coverage[f], rep.Lines[f] = crep.Coverage[f], crep.Lines[f]
			}
		}
	}
	if err != nil {
		var pe engine.PolicyErrors
		if ok := asPolicyErrors(err, &pe); ok {
			return &policyError{lines: pe}
		}
		return err
	}
	w := cmd.OutOrStdout()
	var b strings.Builder
	for _, r := range rep.Results {
		switch {
		case !r.Passed:
			fmt.Fprintf(&b, "FAIL %s.%s (%s)\n", r.Package, r.Name, r.Location)
			if r.Message != "" {
				fmt.Fprintf(&b, "     %s\n", strings.ReplaceAll(r.Message, "\n", "\n     "))
			}
		case opts.verbose:
			fmt.Fprintf(&b, "PASS %s.%s\n", r.Package, r.Name)
		}
	}
	files := slices.Sorted(func(yield func(string) bool) {
		for f := range rep.Coverage {
			if !yield(f) {
				return
			}
		}
	})
	b.WriteString("\ncoverage per file:\n")
	var gated []string
	for _, f := range files {
		fmt.Fprintf(&b, "  %6.1f%%  %s\n", rep.Coverage[f], f)
		if !hasCustom || custom[f] {
			gated = append(gated, f)
		}
	}
	gatedCov := rep.CoverageOf(gated)
	scopeName := "built-in policies"
	if hasCustom {
		scopeName = "custom policies"
	}
	nfailed := rep.Failed()
	fmt.Fprintf(&b, "\n%d passed, %d failed\n", len(rep.Results)-nfailed, nfailed)
	fmt.Fprintf(&b, "coverage of the %s: %.1f%%", scopeName, gatedCov)
	if opts.minCoverage > 0 {
		fmt.Fprintf(&b, " (minimum %.1f%%)", opts.minCoverage)
	}
	b.WriteString("\n")
	if _, err := fmt.Fprint(w, b.String()); err != nil {
		return err
	}
	low := gatedCov < opts.minCoverage
	if low {
		fmt.Fprintf(cmd.ErrOrStderr(), "annexa: coverage %.1f%% is below --min-coverage %.1f%%\n", gatedCov, opts.minCoverage)
	}
	if nfailed > 0 || low {
		return failed()
	}
	return nil
}

func asPolicyErrors(err error, out *engine.PolicyErrors) bool {
	pe, ok := err.(engine.PolicyErrors)
	if ok {
		*out = pe
	}
	return ok
}
