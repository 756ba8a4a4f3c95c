package schema

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated evidence reference in schemas/reference")

// TestReferenceIsCurrent generates the reference page of every evidence kind from the CUE
// definitions (and the example of internal/scaffold/examples) and compares it with the
// committed pages; go test ./internal/schema -run Reference -update rewrites them.
func TestReferenceIsCurrent(t *testing.T) {
	s := mustLoad(t)
	dir := filepath.Join("..", "..", "schemas", "reference")
	pages := map[string][]byte{"README.md": referenceIndex(s)}
	for _, k := range s.Kinds() {
		example, err := os.ReadFile(filepath.Join("..", "scaffold", "examples", k+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		pages[k+".md"] = referencePage(s, k, example)
	}
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range pages {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("schemas/reference/%s is missing or stale: run go test ./internal/schema -run Reference -update", name)
		}
	}
}

func referenceIndex(s *Schema) []byte {
	var b strings.Builder
	b.WriteString("# Evidence kinds\n\n")
	b.WriteString("Generated from the CUE definitions in `schemas/`; do not edit by hand ")
	b.WriteString("(`go test ./internal/schema -run Reference -update`).\n\n")
	b.WriteString("Every record is one YAML document (or JSON object) with a `kind` and an `id`; records refer to ")
	b.WriteString("each other as `Kind/id`. Dates are `YYYY-MM-DD`, timestamps RFC 3339 with an offset.\n\n")
	b.WriteString("| kind | what it records |\n|---|---|\n")
	for _, k := range s.Kinds() {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s |\n", k, k, cellText(s.Doc(k)))
	}
	return []byte(b.String())
}

func referencePage(s *Schema, kind string, example []byte) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", kind, s.Doc(kind))
	b.WriteString("Generated from `schemas/`; do not edit by hand.\n\n")
	b.WriteString("| field | required | type | meaning |\n|---|---|---|---|\n")
	for _, f := range s.Fields(kind) {
		req := ""
		if f.Required {
			req = "yes"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Path, req, cellText(f.Type), cellText(f.Doc))
	}
	fmt.Fprintf(&b, "\n## Example\n\n```yaml\n%s```\n", example)
	return []byte(b.String())
}

func cellText(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
