package schema

import (
	"bytes"
	"encoding/json"
	"fmt"

	"cuelang.org/go/encoding/jsonschema"
)

// SchemaBaseURL names the exported JSON Schemas; the files are written beside each other, so
// a modeline can point at them by relative path.
const SchemaBaseURL = "https://annexa.dev/schemas/"

// JSONSchema returns the JSON Schema (draft 2020-12) of one evidence kind, for editors with
// a YAML language server: field descriptions, enums, required fields and closedness come from
// the CUE definition.
func (s *Schema) JSONSchema(kind string) ([]byte, error) {
	def, ok := s.defs[kind]
	if !ok {
		return nil, fmt.Errorf("unknown kind %q", kind)
	}
	expr, err := jsonschema.Generate(def, nil)
	if err != nil {
		return nil, fmt.Errorf("generate JSON Schema for %s: %w", kind, err)
	}
	raw, err := s.ctx.BuildExpr(expr).MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("generate JSON Schema for %s: %w", kind, err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	doc["$id"] = SchemaBaseURL + kind + ".json"
	doc["title"] = kind
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
