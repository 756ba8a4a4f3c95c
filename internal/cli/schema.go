package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/schema"
)

const schemaLong = `Export the evidence schemas as JSON Schema (draft 2020-12), so that editors with a YAML
language server complete and check evidence files as you type.

With --output DIR, annexa writes one <Kind>.json per evidence kind and evidence.schema.json,
which accepts a record of any kind and picks the schema by its kind field. Without --output it
prints evidence.schema.json, or the schema of --kind.

Point an evidence file at the schema with a modeline on its first line:

  # yaml-language-server: $schema=../../.annexa/schemas/evidence.schema.json

or map a folder in your editor settings (VS Code, redhat.vscode-yaml):

  "yaml.schemas": {".annexa/schemas/evidence.schema.json": "evidence/**/*.yaml"}

Examples:
  annexa schema --output .annexa/schemas
  annexa schema --kind Person`

type schemaOptions struct {
	output string
	kind   string
}

func newSchemaCmd() *cobra.Command {
	opts := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Export JSON Schema for every evidence kind, for editor completion",
		Long:  schemaLong,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSchema(cmd.OutOrStdout(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write the schemas into this folder")
	cmd.Flags().StringVar(&opts.kind, "kind", "", "print the schema of one kind")
	return cmd
}

// combined returns a JSON Schema that accepts a record of any kind, choosing the kind's
// schema by the value of its kind field.
func combined(kinds []string) ([]byte, error) {
	var branches []any
	for _, k := range kinds {
		branches = append(branches, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"kind": map[string]any{"const": k}}, "required": []string{"kind"}},
			"then": map[string]any{"$ref": k + ".json"},
		})
	}
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         schema.SchemaBaseURL + "evidence.schema.json",
		"title":       "annexa evidence record",
		"description": "One evidence record; its kind field selects the schema of that kind.",
		"type":        "object",
		"required":    []string{"kind", "id"},
		"properties":  map[string]any{"kind": map[string]any{"enum": kinds, "description": "the evidence kind"}},
		"allOf":       branches,
	}
	return json.MarshalIndent(doc, "", "  ")
}

func runSchema(w io.Writer, opts *schemaOptions) error {
	sch, err := schema.Load()
	if err != nil {
		return err
	}
	if opts.kind != "" {
		b, err := sch.JSONSchema(opts.kind)
		if err != nil {
			return usageError("--kind: %v: see 'annexa schema --output DIR' for every kind", err)
		}
		_, err = w.Write(b)
		return err
	}
	all, err := combined(sch.Kinds())
	if err != nil {
		return err
	}
	if opts.output == "" {
		_, err = fmt.Fprintf(w, "%s\n", all)
		return err
	}
	if err := os.MkdirAll(opts.output, 0o755); err != nil {
		return fmt.Errorf("write schemas: %w", err)
	}
	for _, k := range sch.Kinds() {
		b, err := sch.JSONSchema(k)
		if err != nil {
			return err
		}
		if err := writeOutput(w, filepath.Join(opts.output, k+".json"), func(f io.Writer) error {
			_, err := f.Write(b)
			return err
		}); err != nil {
			return err
		}
	}
	if err := writeOutput(w, filepath.Join(opts.output, "evidence.schema.json"), func(f io.Writer) error {
		_, err := fmt.Fprintf(f, "%s\n", all)
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %d schemas and evidence.schema.json to %s\n", len(sch.Kinds()), opts.output)
	return nil
}
