package scaffold

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/schema"
)

func load(t *testing.T, files []File) (*bundle.Bundle, []string) {
	t.Helper()
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	b, diags, err := bundle.Load(fsys, bundle.Options{Kinds: sch.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range b.Records {
		diags = append(diags, sch.Validate(r)...)
	}
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return b, out
}

// TestStarterBundleValidates checks that what init writes is valid evidence.
func TestStarterBundleValidates(t *testing.T) {
	files, err := Files(Options{Standards: []string{"iso27001", "iso42001"}, SchemaRef: ".annexa/schemas/evidence.schema.json"})
	if err != nil {
		t.Fatal(err)
	}
	b, diags := load(t, files)
	if len(diags) > 0 {
		t.Fatalf("the starter bundle is invalid:\n%s", strings.Join(diags, "\n"))
	}
	if n := len(b.ByKind("SoAEntry")); n != 93+38 {
		t.Errorf("%d SoA entries, want 131", n)
	}
	if n := len(b.ByKind("ManagementSystem")); n != 2 {
		t.Errorf("%d management systems, want 2", n)
	}
}

// TestExamplesValidate uncomments every example and validates it against its kind's schema;
// references to records outside the example are expected.
func TestExamplesValidate(t *testing.T) {
	files, err := Files(Options{Standards: []string{"iso27001"}})
	if err != nil {
		t.Fatal(err)
	}
	var ex []File
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "examples/") {
			continue
		}
		var lines []string
		for _, l := range strings.Split(string(f.Data), "\n") {
			l = strings.TrimPrefix(strings.TrimPrefix(l, "# "), "#")
			if strings.HasPrefix(l, "An example") || strings.HasPrefix(l, "Copy it") || strings.HasPrefix(l, "replace the") {
				continue
			}
			lines = append(lines, l)
		}
		ex = append(ex, File{Path: f.Path, Data: []byte(strings.Join(lines, "\n"))})
	}
	if len(ex) != 35 {
		t.Fatalf("%d examples, want one per kind (35)", len(ex))
	}
	b, diags := load(t, ex)
	for _, d := range diags {
		if !strings.Contains(d, "which does not exist") {
			t.Error(d)
		}
	}
	if len(b.Records) != 35 {
		t.Errorf("%d example records decoded, want 35", len(b.Records))
	}
}
