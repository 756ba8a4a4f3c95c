package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/gen"
)

const genLong = `Generate a synthetic evidence bundle of about N records into DIR, for benchmarks: the
evidence of a large fictional company (people, accounts, laptops and servers, training,
acknowledgements, findings, changes, access reviews, scans, risks, suppliers ...), valid
against the schemas, with every reference resolving and a few percent of realistic gaps.

The output is deterministic: the same --records, --seed and --base give the same bytes.
With --base the files of an existing bundle are copied unchanged and the generated records
build on its people, roles, documents and systems; N then counts the base records too.
With --single-file every generated record goes into one file, generated/all.yaml.

DIR must be new or empty; annexa gen never overwrites.

Examples:
  annexa gen --records 100000 /tmp/bench-100k
  annexa gen --records 1000000 --base evidence --seed 7 /tmp/bench-1m`

type genOptions struct {
	records int
	seed    int64
	single  bool
	base    string
	dir     string
}

func newGenCmd() *cobra.Command {
	opts := &genOptions{}
	cmd := &cobra.Command{
		Use:    "gen --records N [--seed S] [--single-file] [--base DIR] DIR",
		Short:  "Generate a synthetic evidence bundle for benchmarks",
		Long:   genLong,
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = args[0]
			return runGen(cmd.OutOrStdout(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.records, "records", 0, "about how many records to generate, the base records included (required)")
	cmd.Flags().Int64Var(&opts.seed, "seed", 1, "seed of the generator: the same seed gives the same bundle")
	cmd.Flags().BoolVar(&opts.single, "single-file", false, "write every generated record into one file, generated/all.yaml")
	cmd.Flags().StringVar(&opts.base, "base", "", "an evidence bundle to copy and build on")
	return cmd
}

func runGen(w io.Writer, opts *genOptions) error {
	if opts.records <= 0 {
		return usageError("--records: give the number of records to generate, such as --records 100000")
	}
	if err := checkEmptyDir(opts.dir); err != nil {
		return err
	}
	var base fs.FS
	if opts.base != "" {
		if st, err := os.Stat(opts.base); err != nil || !st.IsDir() {
			return usageError("--base %s: no such folder", opts.base)
		}
		base = os.DirFS(opts.base)
	}
	start := time.Now()
	files, err := gen.Generate(gen.Options{Records: opts.records, Seed: opts.seed, SingleFile: opts.single, Base: base})
	if err != nil {
		return err
	}
	var size int64
	for _, f := range files {
		size += int64(len(f.Data))
	}
	if err := writeGenerated(opts.dir, files); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %d files (%.1f MB) to %s in %v\n", len(files), float64(size)/1e6, opts.dir,
		time.Since(start).Round(time.Millisecond))
	return nil
}

// checkEmptyDir refuses a DIR that exists and holds anything, or is not a folder.
func checkEmptyDir(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return usageError("%s exists and is not a folder: annexa gen writes into a new or empty folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return usageError("%s is not empty: annexa gen never overwrites; choose a new or empty folder", dir)
	}
	return nil
}

// writeGenerated writes the files into a temporary folder beside dir and moves it into
// place, so that an interrupted run leaves no half-written bundle in dir.
func writeGenerated(dir string, files []gen.File) error {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".annexa-gen-*")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	made := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	// An empty dir is replaced; a dir that gained files meanwhile makes Remove fail.
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return usageError("%s is not empty: annexa gen never overwrites; choose a new or empty folder", dir)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	ok = true
	return nil
}
