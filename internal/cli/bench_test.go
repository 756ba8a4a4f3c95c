package cli

import (
	"context"
	"io"
	"os"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
	"github.com/annexa-dev/annexa/internal/gen"
	"github.com/annexa-dev/annexa/internal/report"
	"github.com/annexa-dev/annexa/internal/schema"
)

// benchRecords is the bundle size of the phase benchmarks: ANNEXA_BENCH_RECORDS, default 2000.
func benchRecords() int {
	if n, err := strconv.Atoi(os.Getenv("ANNEXA_BENCH_RECORDS")); err == nil && n > 0 {
		return n
	}
	return 2000
}

func benchFS(b *testing.B) fstest.MapFS {
	b.Helper()
	files, err := gen.Generate(gen.Options{Records: benchRecords(), Seed: 1, Base: os.DirFS(exampleDir)})
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func benchLoad(b *testing.B, fsys fstest.MapFS) (*schema.Schema, *bundle.Bundle) {
	b.Helper()
	sch, err := schema.Load()
	if err != nil {
		b.Fatal(err)
	}
	bd, diags, err := bundle.Load(fsys, bundle.Options{Kinds: sch.Kinds()})
	if err != nil || len(bundle.Errors(diags)) > 0 {
		b.Fatalf("load: %v %v", err, diags)
	}
	return sch, bd
}

// BenchmarkDecode measures reading and decoding the files into records, with kinds, ids and
// references checked (the resolve step).
func BenchmarkDecode(b *testing.B) {
	fsys := benchFS(b)
	sch, _ := schema.Load()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := bundle.Load(fsys, bundle.Options{Kinds: sch.Kinds()}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchRecords()), "records")
}

// BenchmarkValidate measures the schema validation of every record, in parallel.
func BenchmarkValidate(b *testing.B) {
	sch, bd := benchLoad(b, benchFS(b))
	b.ResetTimer()
	for b.Loop() {
		if d := validateAll(sch, bd.Records); len(d) > 0 {
			b.Fatal(d[0])
		}
	}
}

// BenchmarkEvaluate measures the evaluation of every control of both standards.
func BenchmarkEvaluate(b *testing.B) {
	sch, bd := benchLoad(b, benchFS(b))
	params, _ := sch.Params(bd.ByKind("ManagementSystem"))
	ev := &evidence{bundle: bd, params: params}
	eng, err := engine.New()
	if err != nil {
		b.Fatal(err)
	}
	in := ev.input(asOf)
	b.ResetTimer()
	for b.Loop() {
		if _, err := eng.Evaluate(context.Background(), in, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender measures building the report and writing it as canonical JSON and text.
func BenchmarkRender(b *testing.B) {
	sch, bd := benchLoad(b, benchFS(b))
	params, _ := sch.Params(bd.ByKind("ManagementSystem"))
	eng, err := engine.New()
	if err != nil {
		b.Fatal(err)
	}
	ev := &evidence{bundle: bd, params: params, dir: "bench"}
	out, err := eng.Evaluate(context.Background(), ev.input(asOf), nil)
	if err != nil {
		b.Fatal(err)
	}
	cat := catalog.MustLoad()
	b.ResetTimer()
	for b.Loop() {
		rep := report.Build(report.Input{Catalog: cat, Controls: cat.Controls, Policies: eng.Policy, Outcome: out,
			Bundle: bd, BundleDir: "bench", AsOf: asOf, Params: params, Version: "bench"})
		if err := report.WriteJSON(io.Discard, rep); err != nil {
			b.Fatal(err)
		}
		if err := report.WriteText(io.Discard, rep, report.TextOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile measures compiling the embedded policies (once per process).
func BenchmarkCompile(b *testing.B) {
	mods, err := engine.BuiltinModules()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := engine.Compile(mods); err != nil {
			b.Fatal(err)
		}
	}
}
