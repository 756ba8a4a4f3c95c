package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"

	"github.com/gowebpki/jcs"
)

// Canonical returns the RFC 8785 (JCS) form of a value: sorted keys, no insignificant white
// space, numbers and strings in their one canonical spelling.
func Canonical(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jcs.Transform(b)
}

// DigestJSON returns the sha256 of the canonical JSON of a value.
func DigestJSON(v any) string {
	b, err := Canonical(v)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// WriteJSON writes the report as canonical JSON (RFC 8785) and a final newline, so the same
// report always gives the same bytes and a digest of the file is meaningful.
func WriteJSON(w io.Writer, r *Report) error {
	b, err := Canonical(r)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
