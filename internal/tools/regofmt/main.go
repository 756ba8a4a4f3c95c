// Command regofmt formats Rego files in place the way opa fmt does (Rego v1), so that
// `make fmt` needs no OPA binary. With -l it only lists the files it would change.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

func main() {
	list := flag.Bool("l", false, "list files whose formatting differs, change nothing")
	flag.Parse()
	failed := false
	for _, root := range flag.Args() {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out, err := format.SourceWithOpts(p, src, format.Opts{RegoVersion: ast.RegoV1})
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				failed = true
				return nil
			}
			if bytes.Equal(out, src) {
				return nil
			}
			fmt.Println(p)
			if *list {
				failed = true
				return nil
			}
			return os.WriteFile(p, out, 0o644)
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}
