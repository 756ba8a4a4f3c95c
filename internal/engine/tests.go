package engine

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego test.
type TestResult struct {
	Package  string
	Name     string
	Location string
	Passed   bool
	Message  string // the failure or error, with captured print output
}

// TestReport is the outcome of running Rego tests.
type TestReport struct {
	Results []TestResult
	// Coverage maps a policy file to the share of its lines covered, in percent.
	Coverage map[string]float64
	// Lines maps a policy file to its covered and coverable line counts.
	Lines map[string][2]int
	// Total is the coverage of all policy files together, in percent.
	Total float64
}

// Failed counts the failed tests.
func (r *TestReport) Failed() int {
	n := 0
	for _, t := range r.Results {
		if !t.Passed {
			n++
		}
	}
	return n
}

// RunTests runs the Rego tests among mods (tests and the policies they exercise) in the
// sandbox; with coverage set it also measures line coverage (several times slower).
func RunTests(ctx context.Context, mods []Module, coverage bool) (*TestReport, error) {
	parsed, err := Parse(mods)
	if err != nil {
		return nil, policyErrors(err)
	}
	cov := cover.New()
	runner := tester.NewRunner().
		SetCompiler(NewCompiler()).
		SetModules(parsed).
		CapturePrintOutput(true).
		SetTimeout(60 * time.Second)
	if coverage {
		runner = runner.SetCoverageQueryTracer(cov)
	}
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		if pe := policyErrors(err); pe != err {
			return nil, pe
		}
		return nil, fmt.Errorf("run policy tests: %w", err)
	}
	rep := &TestReport{Coverage: map[string]float64{}, Lines: map[string][2]int{}}
	for r := range ch {
		tr := TestResult{Package: strings.TrimPrefix(r.Package, "data."), Name: r.Name, Passed: r.Pass()}
		if r.Location != nil {
			tr.Location = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		}
		switch {
		case r.Error != nil:
			tr.Message = r.Error.Error()
		case r.Fail:
			tr.Message = "test failed"
		case r.Skip:
			tr.Passed = true
		}
		if len(r.Output) > 0 {
			tr.Message = strings.TrimSpace(tr.Message + "\n" + string(r.Output))
		}
		rep.Results = append(rep.Results, tr)
	}
	slices.SortFunc(rep.Results, func(a, b TestResult) int {
		return strings.Compare(a.Package+"."+a.Name, b.Package+"."+b.Name)
	})
	var prod []string
	for _, m := range mods {
		if !m.IsTest() {
			prod = append(prod, m.Path)
		}
	}
	if !coverage {
		return rep, nil
	}
	report := cov.Report(parsed)
	for f, fr := range report.Files {
		if slices.Contains(prod, f) {
			rep.Coverage[f] = fr.Coverage
			rep.Lines[f] = [2]int{fr.CoveredLines, fr.CoveredLines + fr.NotCoveredLines}
		}
	}
	rep.Total = report.Coverage
	return rep, nil
}

// CoverageOf returns the line coverage, in percent, of a set of files taken together.
func (r *TestReport) CoverageOf(files []string) float64 {
	covered, total := 0, 0
	for _, f := range files {
		covered += r.Lines[f][0]
		total += r.Lines[f][1]
	}
	if total == 0 {
		return 100
	}
	return 100 * float64(covered) / float64(total)
}
