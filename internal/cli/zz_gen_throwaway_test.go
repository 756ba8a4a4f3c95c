package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenThrowaway(t *testing.T) {
	root := New(Streams{})
	root.AddCommand(newGenCmd())
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		r := New(Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
		r.AddCommand(newGenCmd())
		r.SetArgs(args)
		err := r.ExecuteContext(context.Background())
		code := 0
		if err != nil {
			code = 2
			if ee, ok := err.(*exitError); ok {
				code = ee.code
			}
			errb.WriteString(err.Error())
		}
		return code, out.String() + errb.String()
	}
	dir := filepath.Join(t.TempDir(), "b")
	code, out := run("gen", "--records", "3000", "--base", "../../evidence", dir)
	t.Logf("%d %s", code, out)
	code, out = run("gen", "--records", "3000", dir)
	t.Logf("non-empty: %d %s", code, out)
	code, out = run("gen", dir)
	t.Logf("no records: %d %s", code, out)
	empty := filepath.Join(t.TempDir(), "e")
	os.Mkdir(empty, 0o755)
	code, out = run("gen", "--records", "500", "--single-file", empty)
	t.Logf("empty: %d %s", code, out)
	var help bytes.Buffer
	r := New(Streams{Out: &help, Err: &help})
	r.AddCommand(newGenCmd())
	r.SetArgs([]string{"--help"})
	r.Execute()
	t.Logf("help lists gen: %v", strings.Contains(help.String(), "\n  gen "))
	if d := os.Getenv("GEN_KEEP"); d != "" {
		args := []string{"gen", "--records", os.Getenv("GEN_N"), d}
		if os.Getenv("GEN_BASE") != "" {
			args = append(args, "--base", "../../evidence")
		}
		code, out = run(args...)
		t.Logf("%d %s", code, out)
	}
}
