package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/scaffold"
	"github.com/annexa-dev/annexa/internal/schema"
)

const initLong = `Start an evidence bundle in DIR (default: evidence): the management-system record of each
standard, a person, a role and a scope document to build on, a Statement of Applicability entry
for every Annex A control, and a commented example of every evidence kind in examples/.

It also exports the JSON Schemas to .annexa/schemas and points every file at them with a
yaml-language-server modeline, so an editor with the YAML language server completes and checks
the fields as you type. annexa init never overwrites a file: it stops, and writes nothing, when
one exists.

Examples:
  annexa init
  annexa init compliance/evidence --standard iso27001`

type initOptions struct {
	dir      string
	standard string
	schemas  string
}

func newInitCmd() *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start an evidence bundle with the SoA and an example of every kind",
		Long:  initLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = dirArg(args)
			return runInit(cmd.OutOrStdout(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.standard, "standard", "", "only this standard: iso27001 or iso42001 (default both)")
	cmd.Flags().StringVar(&opts.schemas, "schemas", ".annexa/schemas", "where to export the JSON Schemas for editors")
	return cmd
}

func runInit(w io.Writer, opts *initOptions) error {
	stds := catalog.Standards
	if opts.standard != "" {
		s, err := catalog.ParseStandard(opts.standard)
		if err != nil {
			return usageError("--standard: %v", err)
		}
		stds = []string{s}
	}
	ref := ""
	if opts.schemas != "" {
		rel, err := filepath.Rel(opts.dir, filepath.Join(opts.schemas, "evidence.schema.json"))
		if err != nil {
			return usageError("--schemas: %v", err)
		}
		ref = filepath.ToSlash(rel)
	}
	files, err := scaffold.Files(scaffold.Options{Standards: stds, SchemaRef: ref})
	if err != nil {
		return err
	}
	if err := scaffold.Write(opts.dir, files); err != nil {
		var exists *scaffold.ExistsError
		if errors.As(err, &exists) {
			return usageError("%v", err)
		}
		return err
	}
	fmt.Fprintf(w, "wrote %d files to %s\n", len(files), opts.dir)
	if opts.schemas != "" {
		if _, err := os.Stat(filepath.Join(opts.schemas, "evidence.schema.json")); err == nil {
			fmt.Fprintf(w, "kept the schemas in %s\n", opts.schemas)
		} else if err := runSchema(io.Discard, &schemaOptions{output: opts.schemas}); err != nil {
			return err
		} else {
			fmt.Fprintf(w, "exported the JSON Schemas to %s\n", opts.schemas)
		}
	}
	sch, _ := schema.Load()
	fmt.Fprintf(w, "next: replace Person/owner with real people, review the SoA entries in %s/soa, and add records\n"+
		"(examples/ has one of each of the %d kinds); then run 'annexa validate %s' and 'annexa eval %s'\n",
		opts.dir, len(sch.Kinds()), opts.dir, opts.dir)
	return nil
}
