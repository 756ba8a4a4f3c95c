package schema

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONSchemaEveryKind(t *testing.T) {
	s := mustLoad(t)
	for _, kind := range s.Kinds() {
		b, err := s.JSONSchema(kind)
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Errorf("%s: not JSON: %v", kind, err)
			continue
		}
		if !strings.Contains(string(b), `"required"`) || !strings.Contains(string(b), `"description"`) {
			t.Errorf("%s: schema lacks required fields or descriptions", kind)
		}
	}
	b, _ := s.JSONSchema("Person")
	for _, want := range []string{`"employment_type"`, `"employee"`, `"additionalProperties": false`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Person schema lacks %s:\n%s", want, b)
		}
	}
}
