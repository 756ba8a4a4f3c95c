// Package cli is the annexa command tree: one file per command, each an options struct, a
// constructor and a run function over the packages below.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/engine"
)

// version is set at link time (-ldflags "-X .../internal/cli.version=v1.2.3").
var version = "0.1.0-dev"

// Exit codes.
const (
	ExitOK      = 0
	ExitFailed  = 1 // a control in scope fails, or a diff found a regression
	ExitInvalid = 2 // invalid evidence or wrong usage
)

// Streams are the process's standard streams, passed in so tests can capture them.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// exitError carries an exit code; a nil cause means the command already said all it had to.
type exitError struct {
	code  int
	cause error
}

func (e *exitError) Error() string {
	if e.cause == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.cause.Error()
}

func (e *exitError) Unwrap() error { return e.cause }

// failed reports that controls fail; the report has already been written.
func failed() error { return &exitError{code: ExitFailed} }

// invalid reports invalid evidence; the diagnostics have already been written.
func invalid() error { return &exitError{code: ExitInvalid} }

// usageError reports wrong usage with a message.
func usageError(format string, args ...any) error {
	return &exitError{code: ExitInvalid, cause: fmt.Errorf(format, args...)}
}

// Main runs annexa with the process's arguments and streams and returns the exit code.
func Main() int {
	return Run(context.Background(), os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
}

// Run runs annexa with the given arguments and streams and returns the exit code.
func Run(ctx context.Context, args []string, s Streams) int {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(lazyGC))
	}
	root, a := newApp(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	a.progress.done()
	if err == nil {
		return ExitOK
	}
	var pe *policyError
	if errors.As(err, &pe) {
		for _, l := range pe.lines {
			fmt.Fprintln(s.Err, l)
		}
		fmt.Fprintf(s.Err, "annexa: %d %s in the policies\n", len(pe.lines), map[bool]string{true: "problem", false: "problems"}[len(pe.lines) == 1])
		return ExitInvalid
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.cause != nil {
			fmt.Fprintf(s.Err, "annexa: %v\n", ee.cause)
		}
		return ee.code
	}
	fmt.Fprintf(s.Err, "annexa: %v\n", err)
	if strings.Contains(err.Error(), "unknown command") || strings.Contains(err.Error(), "flag") ||
		strings.Contains(err.Error(), "arg(s)") {
		fmt.Fprintln(s.Err, "Run 'annexa --help' for usage.")
	}
	return ExitInvalid
}

const rootLong = `annexa decides every Annex A control of ISO/IEC 27001:2022 and ISO/IEC 42001:2023, and the
management-system clauses of both, from evidence records kept in git.

Evidence is YAML or JSON records (Person, Account, Document, Finding, AISystem, ...) under one
folder; every record is validated against its schema, then the policies judge each control
as of one date and name the evidence file and line behind every result.

Exit codes: 0 no control in scope fails; 1 a control fails; 2 invalid evidence or usage.`

// app holds what every command shares: the folder of the organization's own policies.
type app struct {
	progress *progress
	policies string
	limits   bundle.Limits
	timeout  time.Duration
	// compiling is the policy engine, compiled once per run; compileTime is what it took.
	compiling   func() (*engine.Engine, error)
	compileTime time.Duration
}

// A run allocates most while it compiles the policies; with a lazier garbage collector a run
// over a small bundle takes about a fifth less CPU. Once a bundle of more than largeBundle
// records is read, the default comes back to keep the peak memory down. GOGC in the
// environment overrides both.
const (
	lazyGC      = 400
	largeBundle = 5000
)

// limitFlag is --limit name=value, repeatable.
type limitFlag struct{ l *bundle.Limits }

func (f limitFlag) String() string     { return "" }
func (f limitFlag) Set(s string) error { return f.l.Set(s) }
func (f limitFlag) Type() string       { return "name=value" }

// startEngine compiles the policies in the background, so that they compile while the evidence
// is read; engine waits for them.
func (a *app) startEngine() {
	if a.compiling == nil {
		a.compiling = sync.OnceValues(a.loadEngine)
		go a.compiling() //nolint:errcheck // engine() returns the result
	}
}

// engine returns the policy engine: the built-in policies and the organization's own, from
// --policies or, when it exists, the default folder.
func (a *app) engine() (*engine.Engine, error) {
	if a.compiling == nil {
		a.compiling = sync.OnceValues(a.loadEngine)
	}
	return a.compiling()
}

func (a *app) loadEngine() (*engine.Engine, error) {
	start := time.Now()
	defer func() { a.compileTime = time.Since(start) }()
	dir := a.policies
	if dir == "" {
		if st, err := os.Stat(engine.DefaultCustomDir); err == nil && st.IsDir() {
			dir = engine.DefaultCustomDir
		}
	} else if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, usageError("--policies %s: no such folder", dir)
	}
	eng, err := engine.Load(dir)
	var pe engine.PolicyErrors
	if errors.As(err, &pe) {
		return nil, &policyError{lines: pe}
	}
	if eng != nil {
		eng.Timeout = a.timeout
	}
	return eng, err
}

// policyDir returns the custom policy folder in use, for the report's provenance.
func (a *app) policyDir() string {
	if a.policies != "" {
		return filepath.ToSlash(filepath.Clean(a.policies))
	}
	if st, err := os.Stat(engine.DefaultCustomDir); err == nil && st.IsDir() {
		return engine.DefaultCustomDir
	}
	return ""
}

// policyError reports problems in policy sources, one file:line:col line each.
type policyError struct{ lines []string }

func (e *policyError) Error() string { return strings.Join(e.lines, "\n") }

// New builds the command tree.
func New(s Streams) *cobra.Command {
	root, _ := newApp(s)
	return root
}

func newApp(s Streams) (*cobra.Command, *app) {
	a := &app{}
	root := &cobra.Command{
		Use:           "annexa",
		Short:         "Evaluate ISO/IEC 27001 and ISO/IEC 42001 controls from evidence in git",
		Long:          rootLong,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       Version(),
	}
	root.PersistentPreRun = func(*cobra.Command, []string) { a.progress = newProgress(s.Err) }
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetVersionTemplate("annexa {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError("%v", err)
	})
	root.PersistentFlags().StringVar(&a.policies, "policies", "",
		"the organization's own Rego policies (default "+engine.DefaultCustomDir+" when it exists)")
	root.PersistentFlags().DurationVar(&a.timeout, "timeout", engine.DefaultTimeout,
		"stop evaluating a control that takes longer than this; it gets status error")
	root.PersistentFlags().Var(limitFlag{&a.limits}, "limit",
		"raise or lower a resource limit on evidence files: file-size=256MiB, records-per-file=1000000, depth=64, string-size=1MiB")
	root.AddCommand(
		newEvalCmd(a),
		newValidateCmd(a),
		newControlsCmd(a),
		newExplainCmd(a),
		newDiffCmd(a),
		newAttestCmd(a),
		newVerifyCmd(a),
		newTestCmd(a),
		newSchemaCmd(),
		newInitCmd(),
		newSoACmd(a),
		newReportCmd(a),
		newHistoryCmd(a),
		newKeygenCmd(),
		newGenCmd(),
		newVersionCmd(),
	)
	return root, a
}

// Version returns annexa's version.
func Version() string { return version }

func depVersions() []string {
	var out []string
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	out = append(out, bi.GoVersion)
	for _, d := range bi.Deps {
		switch d.Path {
		case "github.com/open-policy-agent/opa", "cuelang.org/go":
			out = append(out, d.Path+" "+d.Version)
		}
	}
	return out
}

// colorEnabled reports whether w is a terminal that wants colour.
func colorEnabled(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(w)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// checkFormat validates an enum flag and lists its values.
func checkFormat(flag, got string, allowed ...string) error {
	for _, a := range allowed {
		if got == a {
			return nil
		}
	}
	return usageError("invalid --%s %q: use one of %s", flag, got, strings.Join(allowed, ", "))
}
