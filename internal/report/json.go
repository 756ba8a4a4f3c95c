package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as indented JSON with sorted keys and a final newline. The same
// report always gives the same bytes.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
