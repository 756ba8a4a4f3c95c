package gen

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/schema"
)

func mapFS(files []File) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// load loads the files through the real loader and validates every record against its
// schema, returning the bundle and every diagnostic, warnings included.
func load(t testing.TB, files []File) (*bundle.Bundle, []bundle.Diagnostic) {
	t.Helper()
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, diags, err := bundle.Load(mapFS(files), bundle.Options{Kinds: sch.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range b.Records {
		diags = append(diags, sch.Validate(r)...)
	}
	return b, diags
}

func generate(t testing.TB, opts Options) []File {
	t.Helper()
	files, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func requireValid(t *testing.T, files []File, want int) *bundle.Bundle {
	t.Helper()
	b, diags := load(t, files)
	for i, d := range diags {
		if i == 20 {
			t.Errorf("... and %d more", len(diags)-20)
			break
		}
		t.Error(d.String())
	}
	if n := len(b.Records); n < want*95/100 || n > want*105/100 {
		t.Errorf("%d records, want %d ± 5%%", n, want)
	}
	return b
}

func kindCounts(b *bundle.Bundle) map[string]int {
	m := map[string]int{}
	for _, r := range b.Records {
		m[r.Kind]++
	}
	return m
}

func TestGenerateValid(t *testing.T) {
	if testing.Short() {
		t.Skip("validates thousands of records")
	}
	const n = 3000
	t.Run("without base", func(t *testing.T) {
		b := requireValid(t, generate(t, Options{Records: n, Seed: 1}), n)
		counts := kindCounts(b)
		for _, kind := range []string{"ManagementSystem", "Role", "Document", "Person", "Account", "Asset", "TrainingRecord",
			"Acknowledgement", "Finding", "ChangeRecord", "AccessReview", "TestRun", "Risk", "RiskTreatment", "Supplier",
			"Incident", "Exercise", "Activity", "LoggingSource", "Dataset", "ModelRecord", "AISystem", "Site"} {
			if counts[kind] == 0 {
				t.Errorf("no %s records", kind)
			}
		}
		if counts["ManagementSystem"] != 2 {
			t.Errorf("%d management systems, want 2", counts["ManagementSystem"])
		}
	})
	t.Run("with base", func(t *testing.T) {
		base := os.DirFS("../../evidence")
		files := generate(t, Options{Records: n, Seed: 1, Base: base})
		b := requireValid(t, files, n)
		// The base files are copied unchanged.
		for _, p := range []string{"management_systems/isms.yaml", "roles/engineer.yaml", "people/ivan.yaml"} {
			want, err := os.ReadFile("../../evidence/" + p)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(files, func(f File) bool { return f.Path == p })
			if i < 0 || !bytes.Equal(files[i].Data, want) {
				t.Errorf("%s is not copied unchanged", p)
			}
		}
		// Generated records build on the base organisation.
		uses := 0
		for _, r := range b.Records {
			if r.Kind == "Person" && strings.Contains(r.Pos.File, "/") && r.Value["manager"] == "Person/jonas" {
				uses++
			}
		}
		if uses == 0 {
			t.Error("no generated person reports to the base CTO")
		}
		if c := kindCounts(b)["ManagementSystem"]; c != 2 {
			t.Errorf("%d management systems, want the base's 2", c)
		}
	})
	t.Run("single file", func(t *testing.T) {
		files := generate(t, Options{Records: 1500, Seed: 2, SingleFile: true, Base: os.DirFS("../../evidence")})
		var generated []string
		for _, f := range files {
			if _, err := os.Stat("../../evidence/" + f.Path); err != nil {
				generated = append(generated, f.Path)
			}
		}
		if len(generated) != 1 || generated[0] != SingleFilePath {
			t.Errorf("generated files %v, want only %s", generated, SingleFilePath)
		}
		requireValid(t, files, 1500)
	})
}

func TestDeterministic(t *testing.T) {
	for _, base := range []bool{false, true} {
		opts := Options{Records: 5000, Seed: 42}
		if base {
			opts.Base = os.DirFS("../../evidence")
		}
		a, b := generate(t, opts), generate(t, opts)
		if !sameFiles(a, b) {
			t.Errorf("base %v: the same seed gave different output", base)
		}
		opts.Seed = 43
		if c := generate(t, opts); sameFiles(a, c) {
			t.Errorf("base %v: different seeds gave the same output", base)
		}
	}
}

func sameFiles(a, b []File) bool {
	return slices.EqualFunc(a, b, func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) })
}

// countRecords counts the documents that start a record; the generator writes kind first.
func countRecords(files []File) int {
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".yaml") {
			n += bytes.Count(f.Data, []byte("\nkind: "))
			if bytes.HasPrefix(f.Data, []byte("kind: ")) {
				n++
			}
		}
	}
	return n
}

func TestRecordCount(t *testing.T) {
	for _, n := range []int{1000, 3000, 10_000, 50_000} {
		for _, base := range []bool{false, true} {
			opts := Options{Records: n, Seed: 7}
			if base && n < 3000 {
				continue // the base alone holds 873 records
			}
			if base {
				opts.Base = os.DirFS("../../evidence")
			}
			got := countRecords(generate(t, opts))
			if got < n*95/100 || got > n*105/100 {
				t.Errorf("Records %d (base %v): %d records, want within 5%%", n, base, got)
			}
		}
	}
}

func TestMix(t *testing.T) {
	files := generate(t, Options{Records: 100_000, Seed: 1})
	counts := map[string]int{}
	total := 0
	for _, f := range files {
		for _, line := range bytes.Split(f.Data, []byte("\n")) {
			if k, ok := bytes.CutPrefix(line, []byte("kind: ")); ok {
				counts[string(k)]++
				total++
			}
		}
	}
	share := func(kind string) float64 { return float64(counts[kind]) / float64(total) }
	for _, c := range []struct {
		kind     string
		min, max float64
	}{
		{"Person", 0.03, 0.05}, {"Account", 0.22, 0.36}, {"Asset", 0.09, 0.15}, {"TrainingRecord", 0.11, 0.19},
		{"Acknowledgement", 0.11, 0.19}, {"Finding", 0.05, 0.11}, {"ChangeRecord", 0.04, 0.08}, {"AccessReview", 0.004, 0.02},
	} {
		if s := share(c.kind); s < c.min || s > c.max {
			t.Errorf("%s is %.1f%% of the records, want %.0f-%.0f%%", c.kind, s*100, c.min*100, c.max*100)
		}
	}
	if len(files) < 300 || len(files) > 8000 {
		t.Errorf("%d files", len(files))
	}
	if testing.Verbose() {
		kinds := make([]string, 0, len(counts))
		for k := range counts {
			kinds = append(kinds, k)
		}
		slices.SortFunc(kinds, func(a, b string) int { return counts[b] - counts[a] })
		for _, k := range kinds {
			t.Logf("%-20s %7d  %5.2f%%", k, counts[k], share(k)*100)
		}
		t.Logf("%d records in %d files", total, len(files))
	}
}

func TestRejectsNonPositive(t *testing.T) {
	if _, err := Generate(Options{Records: 0}); err == nil {
		t.Error("Records 0: no error")
	}
}

// TestLargeBundle generates, loads and validates a bundle of $ANNEXA_GEN_RECORDS records
// and reports the time each step takes; it is skipped unless the variable is set.
func TestLargeBundle(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ANNEXA_GEN_RECORDS"))
	if n <= 0 {
		t.Skip("set ANNEXA_GEN_RECORDS to run")
	}
	var base Options
	if os.Getenv("ANNEXA_GEN_BASE") != "" {
		base.Base = os.DirFS("../../evidence")
	}
	start := time.Now()
	files := generate(t, Options{Records: n, Seed: 1, Base: base.Base})
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	t.Logf("generate: %d files, %.1f MB in %v", len(files), float64(size)/1e6, time.Since(start))
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	b, diags, err := bundle.Load(mapFS(files), bundle.Options{Kinds: sch.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load: %d records in %v", len(b.Records), time.Since(start))
	start = time.Now()
	for _, r := range b.Records {
		diags = append(diags, sch.Validate(r)...)
	}
	t.Logf("validate: %v", time.Since(start))
	for i, d := range diags {
		if i == 20 {
			t.Errorf("... and %d more", len(diags)-20)
			break
		}
		t.Error(d.String())
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(Options{Records: 100_000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

var refRE = regexp.MustCompile(`\b([A-Z][A-Za-z]+)/([A-Za-z0-9][A-Za-z0-9._:-]*)`)

// TestIDsAndReferencesAtScale checks, without the (slow) full loader, that a large bundle has
// no duplicate Kind/id and that every reference-shaped string of a known kind resolves.
func TestIDsAndReferencesAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 100k records twice")
	}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, k := range sch.Kinds() {
		known[k] = true
	}
	for _, base := range []bool{false, true} {
		opts := Options{Records: 100_000, Seed: 3}
		if base {
			opts.Base = os.DirFS("../../evidence")
		}
		files := generate(t, opts)
		ids := map[string]string{}
		for _, f := range files {
			if !strings.HasSuffix(f.Path, ".yaml") {
				continue
			}
			lines := strings.Split(string(f.Data), "\n")
			for i := 0; i+1 < len(lines); i++ {
				kind, ok := strings.CutPrefix(lines[i], "kind: ")
				id, ok2 := strings.CutPrefix(lines[i+1], "id: ")
				if !ok || !ok2 {
					continue
				}
				ref := kind + "/" + strings.Trim(id, `"`)
				if prev, dup := ids[ref]; dup {
					t.Errorf("base %v: duplicate %s in %s and %s", base, ref, prev, f.Path)
				}
				ids[ref] = f.Path
			}
		}
		missing := 0
		for _, f := range files {
			if !strings.HasSuffix(f.Path, ".yaml") {
				continue
			}
			for _, m := range refRE.FindAllStringSubmatch(string(f.Data), -1) {
				if !known[m[1]] {
					continue
				}
				ref := strings.TrimRight(m[0], ".:_-") // a reference ending a sentence
				if _, ok := ids[ref]; !ok {
					if missing++; missing <= 10 {
						t.Errorf("base %v: %s references %s, which does not exist", base, f.Path, ref)
					}
				}
			}
		}
	}
}
