package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/annexa-dev/annexa/internal/gen"
)

// progressRun evaluates a generated bundle of a few thousand records (a run of more than a
// second) with standard error on a terminal, and returns what the terminal showed.
func progressRun(t *testing.T, ci bool) string {
	t.Helper()
	if testing.Short() {
		t.Skip("evaluates a generated bundle")
	}
	t.Setenv("CI", "")
	if !ci {
		os.Unsetenv("CI")
	}
	files, err := gen.Generate(gen.Options{Records: 4000, Seed: 1, Base: os.DirFS(exampleDir)})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	shown := make(chan string)
	go func() {
		b, _ := io.ReadAll(ptm) // ends when the terminal side is closed
		shown <- string(b)
	}()
	var out bytes.Buffer
	code := Run(context.Background(), []string{"eval", dir, "--as-of", asOf, "--format", "json"},
		Streams{In: strings.NewReader(""), Out: &out, Err: tty})
	tty.Close()
	got := <-shown
	if code != ExitOK && code != ExitFailed {
		t.Fatalf("exit %d: %s", code, got)
	}
	if !strings.HasPrefix(out.String(), "{") {
		t.Errorf("the report on standard output is not JSON: %.80q", out.String())
	}
	return got
}

// TestProgressOnTerminal checks that a run of more than a second shows what it is doing on a
// terminal, one line rewritten in place, and clears it at the end.
func TestProgressOnTerminal(t *testing.T) {
	got := progressRun(t, false)
	if !strings.Contains(got, "\r\x1b[Kannexa: ") || !strings.Contains(got, " records") {
		t.Fatalf("no progress line on the terminal: %q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("the progress line is not cleared at the end: %q", got[max(0, len(got)-80):])
	}
}

// TestNoProgressInCI checks that CI logs get no progress line, even on a terminal.
func TestNoProgressInCI(t *testing.T) {
	if got := progressRun(t, true); got != "" {
		t.Errorf("progress written in CI: %q", got)
	}
}
