package cli

import (
	"context"

	"encoding/json"
	"fmt"
	"github.com/spf13/cobra"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
	"github.com/annexa-dev/annexa/internal/gitsrc"
	"github.com/annexa-dev/annexa/internal/report"
	"github.com/annexa-dev/annexa/internal/schema"
)

// evidence is a loaded, validated bundle with its effective parameters.
type evidence struct {
	dir    string
	bundle *bundle.Bundle
	params map[string]any
	diags  []bundle.Diagnostic
	// commit is set when the evidence was read from a git ref.
	commit *gitsrc.Commit
	ref    string
	// schemaDigest identifies the schemas the evidence was validated with.
	schemaDigest string
	// rel is the evidence folder's path inside the repository, when commit is set.
	rel      string
	progress *progress
	// decodeTime and validateTime measure the phases of loading.
	decodeTime, validateTime time.Duration
	// removed and late are set by strict mode.
	strict  bool
	removed []string
	late    []bundle.LateRecord
}

// openSource returns the files of the bundle: the folder in the work tree, or the same
// folder at a git ref, read from the object store.
func openSource(dir, ref string) (fs.FS, *gitsrc.Commit, string, error) {
	if ref == "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, nil, "", usageError("evidence folder %s: %v", dir, unwrapPathError(err))
		}
		if !st.IsDir() {
			return nil, nil, "", usageError("evidence folder %s is not a folder", dir)
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, nil, "", usageError("evidence folder %s: %v", dir, unwrapPathError(err))
		}
		// A Root's file system refuses every path, symbolic links included, that leaves dir.
		return root.FS(), nil, "", nil
	}
	repo, err := gitsrc.Open(".")
	if err != nil {
		return nil, nil, "", usageError("--ref %s: %v", ref, err)
	}
	rel, err := repo.Rel(dir)
	if err != nil {
		return nil, nil, "", usageError("--ref %s: %v", ref, err)
	}
	c, err := repo.Resolve(ref)
	if err != nil {
		return nil, nil, "", usageError("--ref: %v", err)
	}
	fsys, err := c.FS(rel)
	if err != nil {
		return nil, nil, "", usageError("--ref %s: evidence folder %v", ref, err)
	}
	return fsys, c, rel, nil
}

// loadEvidence reads the bundle under dir (at a git ref when ref is set), validates every
// record against its schema and computes the effective parameters. Problems with the
// evidence come back as diagnostics.
func (a *app) loadEvidence(dir, ref string) (*evidence, error) {
	a.progress.set("reading the evidence in %s", dir)
	fsys, commit, rel, err := openSource(dir, ref)
	if err != nil {
		return nil, err
	}
	sch, err := schema.Load()
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	b, diags, err := bundle.Load(fsys, bundle.Options{Kinds: sch.Kinds(), Prefix: filepath.ToSlash(filepath.Clean(dir)),
		Limits: a.limits})
	if err != nil {
		return nil, err
	}
	decodeTime := time.Since(t0)
	if len(b.Records) > largeBundle && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	t1 := time.Now()
	a.progress.set("validating %d records in %d files", len(b.Records), len(b.Files))
	diags = append(diags, validateAll(sch, b.Records)...)
	validateTime := time.Since(t1)
	params, pdiags := sch.Params(b.ByKind("ManagementSystem"))
	diags = append(diags, pdiags...)
	bundle.SortDiagnostics(diags)
	if commit == nil {
		commit, rel = cleanHead(dir, b)
	}
	return &evidence{dir: filepath.ToSlash(filepath.Clean(dir)), bundle: b, params: params, diags: diags,
		commit: commit, ref: ref, rel: rel, schemaDigest: sch.Digest(), progress: a.progress,
		decodeTime: decodeTime, validateTime: validateTime}, nil
}

// cleanHead returns the HEAD commit when the evidence folder is in a git work tree and its
// evidence files are exactly those of HEAD, so a work-tree report can name its commit.
func cleanHead(dir string, b *bundle.Bundle) (*gitsrc.Commit, string) {
	repo, err := gitsrc.Open(dir)
	if err != nil {
		return nil, ""
	}
	rel, err := repo.Rel(dir)
	if err != nil {
		return nil, ""
	}
	head, err := repo.Resolve("HEAD")
	if err != nil {
		return nil, ""
	}
	blobs, err := head.Blobs(rel)
	if err != nil {
		return nil, ""
	}
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	n := 0
	for p := range blobs {
		if bundle.IsEvidenceFile(p) && !hidden(p) {
			n++
		}
	}
	if n != len(b.Files) {
		return nil, ""
	}
	for _, f := range b.Files {
		if blobs[strings.TrimPrefix(f.Path, prefix)] != f.GitBlob {
			return nil, ""
		}
	}
	return head, rel
}

// applyStrict drops every record and dated entry first committed after the as-of date and
// notes entries recorded long after the date they state (backdate_tolerance_days).
func (ev *evidence) applyStrict(asOf string) error {
	if ev.commit == nil {
		return usageError("--strict reads commit times from git: use --ref, or commit the evidence first")
	}
	day, err := time.Parse("2006-01-02", asOf)
	if err != nil {
		return err
	}
	cutoff := day.Add(24*time.Hour - time.Nanosecond)
	tolerance := 14
	if n, ok := ev.params["backdate_tolerance_days"].(json.Number); ok {
		if v, err := n.Int64(); err == nil {
			tolerance = int(v)
		}
	}
	prefix := ev.dir + "/"
	cache := map[string][]time.Time{}
	var blameErr error
	lineTime := func(file string, line int) (time.Time, bool) {
		times, ok := cache[file]
		if !ok {
			times, err = ev.commit.LineTimes(path.Join(ev.rel, strings.TrimPrefix(file, prefix)))
			if err != nil && blameErr == nil {
				blameErr = err
			}
			cache[file] = times
		}
		if line < 1 || line > len(times) {
			return time.Time{}, false
		}
		return times[line-1], true
	}
	ev.strict = true
	ev.removed, ev.late = ev.bundle.Strict(lineTime, cutoff, time.Duration(tolerance)*24*time.Hour)
	return blameErr
}

// hidden reports whether a path has a component starting with a dot; the loader skips those.
func hidden(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// validateAll validates records in parallel, one record at a time.
func validateAll(sch *schema.Schema, recs []*bundle.Record) []bundle.Diagnostic {
	workers := runtime.GOMAXPROCS(0)
	per := make([][]bundle.Diagnostic, len(recs))
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				per[i] = sch.Validate(recs[i])
			}
		})
	}
	for i := range recs {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []bundle.Diagnostic
	for _, d := range per {
		out = append(out, d...)
	}
	return out
}

// check prints the evidence's warnings and problems, one line each, and reports invalid
// evidence (exit code 2) when there is any problem that is not a warning.
func (ev *evidence) check(w io.Writer) error {
	for _, d := range ev.diags {
		fmt.Fprintln(w, d.String())
	}
	n := len(bundle.Errors(ev.diags))
	if n == 0 {
		return nil
	}
	noun := "problems"
	if n == 1 {
		noun = "problem"
	}
	fmt.Fprintf(w, "annexa: %d %s in the evidence: fix them and run again\n", n, noun)
	return invalid()
}

// input builds the policy input.
func (ev *evidence) input(asOf string) engine.Input {
	recs := map[string]map[string]map[string]any{}
	for _, r := range ev.bundle.Records {
		byID := recs[r.Kind]
		if byID == nil {
			byID = map[string]map[string]any{}
			recs[r.Kind] = byID
		}
		byID[r.ID] = r.Value
	}
	return engine.Input{AsOf: asOf, Params: ev.params, Records: recs}
}

// customControls returns the organization's own controls: custom policies whose control id
// is not in the catalog, as controls of their own "standard" (the prefix of the id).
func customControls(cat *catalog.Catalog, eng *engine.Engine) []catalog.Control {
	var out []catalog.Control
	for _, p := range eng.Policies() {
		if _, known := cat.Get(p.Control); known || !p.Custom {
			continue
		}
		prefix, _, _ := strings.Cut(p.Control, ":")
		group := p.Group
		if group == "" {
			group = "custom"
		}
		out = append(out, catalog.Control{ID: p.Control, Standard: prefix, Number: strings.TrimPrefix(p.Control, prefix+":"),
			Kind: catalog.KindCustom, Title: p.Title, Group: group, GroupTitle: "Organization's own controls"})
	}
	return out
}

// scope selects the controls of a standard ("" for all) and, optionally, one control: the
// catalog's and the organization's own.
func scope(eng *engine.Engine, standard, control string) ([]catalog.Control, error) {
	cat := catalog.MustLoad()
	custom := customControls(cat, eng)
	std := ""
	if standard != "" {
		s, err := catalog.ParseStandard(standard)
		if err != nil {
			for _, c := range custom {
				if strings.EqualFold(c.Standard, standard) {
					s, err = c.Standard, nil
				}
			}
		}
		if err != nil {
			return nil, usageError("--standard: %v", err)
		}
		std = s
	}
	if control != "" {
		for _, c := range custom {
			if strings.EqualFold(c.ID, control) {
				return []catalog.Control{c}, nil
			}
		}
		c, err := cat.Resolve(control)
		if err != nil {
			return nil, usageError("--control: %v", err)
		}
		if std != "" && c.Standard != std {
			return nil, usageError("--control %s is not a control of %s", c.ID, catalog.StandardTitle(std))
		}
		return []catalog.Control{c}, nil
	}
	out := cat.Filter(std)
	for _, c := range custom {
		if std == "" || c.Standard == std {
			out = append(out, c)
		}
	}
	return out, nil
}

// evaluate runs the policies of the controls in scope and builds the report.
func (ev *evidence) evaluate(ctx context.Context, eng *engine.Engine, asOf string, controls []catalog.Control) (*report.Report, error) {
	ev.progress.set("evaluating %d controls over %d records as of %s", len(controls), len(ev.bundle.Records), asOf)
	ids := make([]string, len(controls))
	for i, c := range controls {
		ids[i] = c.ID
	}
	out, err := eng.Evaluate(ctx, ev.input(asOf), ids)
	if err != nil {
		return nil, err
	}
	rep := report.Build(report.Input{
		Catalog: catalog.MustLoad(), Controls: controls, Policies: eng.Policy, Outcome: out,
		Bundle: ev.bundle, BundleDir: ev.dir, AsOf: asOf, Params: ev.params, Version: Version(),
		PolicyDigest: eng.Digest(), SchemaDigest: ev.schemaDigest,
	})
	if ev.commit != nil {
		rep.Bundle.Commit, rep.Bundle.Tree = ev.commit.Hash, ev.commit.Tree
	}
	if ev.strict {
		rep.AddStrict(ev.removed, ev.late)
	}
	return rep, nil
}

// asOfFor returns the evaluation date: --as-of when given, else the commit date of the ref
// the evidence was read from, else today's date in UTC.
func (ev *evidence) asOfFor(flag string) (string, error) {
	if flag == "" && ev.commit != nil && ev.ref != "" {
		return ev.commit.Time.UTC().Format("2006-01-02"), nil
	}
	return parseAsOf(flag)
}

// parseAsOf checks --as-of, defaulting to today's date in UTC.
func parseAsOf(s string) (string, error) {
	if s == "" {
		return time.Now().UTC().Format("2006-01-02"), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return "", usageError("invalid --as-of %q: use a date such as 2026-03-31", s)
	}
	return t.Format("2006-01-02"), nil
}

// writeOutput writes to --output atomically (a temporary file renamed into place), or to w.
func writeOutput(w io.Writer, file string, render func(io.Writer) error) error {
	if file == "" || file == "-" {
		return render(w)
	}
	dir := filepath.Dir(file)
	tmp, err := os.CreateTemp(dir, ".annexa-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	defer os.Remove(tmp.Name())
	if err := render(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", file, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

// evaluateCmd loads, checks and evaluates the evidence for commands that need one report.
func (a *app) evaluateCmd(cmd *cobra.Command, dir, ref, asOfFlag, standard string) (*evidence, *engine.Engine, *report.Report, error) {
	if _, err := parseAsOf(asOfFlag); err != nil {
		return nil, nil, nil, err
	}
	a.startEngine()
	ev, evErr := a.loadEvidence(dir, ref)
	eng, err := a.engine()
	if err != nil {
		return nil, nil, nil, err
	}
	controls, err := scope(eng, standard, "")
	if err != nil {
		return nil, nil, nil, err
	}
	if evErr != nil {
		return nil, nil, nil, evErr
	}
	if err := ev.check(cmd.ErrOrStderr()); err != nil {
		return nil, nil, nil, err
	}
	asOf, err := ev.asOfFor(asOfFlag)
	if err != nil {
		return nil, nil, nil, err
	}
	rep, err := ev.evaluate(cmd.Context(), eng, asOf, controls)
	return ev, eng, rep, err
}

func filterErrors(ev *evidence) []bundle.Diagnostic { return bundle.Errors(ev.diags) }
