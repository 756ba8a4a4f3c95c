package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits bound the resources one evidence file may take, so that a hostile or broken file
// ends in a clear error rather than a hang or an out-of-memory kill. YAML aliases are bounded
// by the decoder itself (at most 50,000 expanded nodes per document).
type Limits struct {
	// FileBytes is the largest evidence file read (default 256 MiB).
	FileBytes int64
	// RecordsPerFile is the most records one file may hold (default 1,000,000).
	RecordsPerFile int
	// Depth is the deepest nesting of mappings and lists in a record (default 64).
	Depth int
	// StringBytes is the longest string value (default 1 MiB).
	StringBytes int
}

// DefaultLimits are the limits that apply unless overridden.
var DefaultLimits = Limits{FileBytes: 256 << 20, RecordsPerFile: 1_000_000, Depth: 64, StringBytes: 1 << 20}

func (l Limits) withDefaults() Limits {
	if l.FileBytes <= 0 {
		l.FileBytes = DefaultLimits.FileBytes
	}
	if l.RecordsPerFile <= 0 {
		l.RecordsPerFile = DefaultLimits.RecordsPerFile
	}
	if l.Depth <= 0 {
		l.Depth = DefaultLimits.Depth
	}
	if l.StringBytes <= 0 {
		l.StringBytes = DefaultLimits.StringBytes
	}
	return l
}

// Set sets one limit from "name=value", as --limit takes it: file-size=64MiB,
// records-per-file=10000, depth=32, string-size=64KiB.
func (l *Limits) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("limit %q: write name=value, such as file-size=64MiB", s)
	}
	n, err := parseSize(value)
	if err != nil || n <= 0 {
		return fmt.Errorf("limit %s: %q is not a positive number (sizes take KiB, MiB, GiB)", name, value)
	}
	switch name {
	case "file-size":
		l.FileBytes = n
	case "records-per-file":
		l.RecordsPerFile = int(n)
	case "depth":
		l.Depth = int(n)
	case "string-size":
		l.StringBytes = int(n)
	default:
		return fmt.Errorf("unknown limit %q: use file-size, records-per-file, depth or string-size", name)
	}
	return nil
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	for suffix, m := range map[string]int64{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30} {
		if rest, ok := strings.CutSuffix(s, suffix); ok {
			s, mult = rest, m
			break
		}
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
	return n * mult, err
}

// readLimited reads a file within the size limit and checks its encoding: UTF-8, without a
// byte-order mark (a UTF-8 one is dropped; UTF-16 is refused).
func readLimited(fsys fs.FS, p, name string, lim Limits) ([]byte, *Diagnostic, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, &Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Message: "cannot read: " + cleanErr(err)}, nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lim.FileBytes+1))
	if err != nil {
		return nil, &Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Message: "cannot read: " + cleanErr(err)}, nil
	}
	if int64(len(data)) > lim.FileBytes {
		return nil, &Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Message: fmt.Sprintf(
			"file is larger than the limit of %d bytes: split it, or raise --limit file-size", lim.FileBytes)}, nil
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Message: "file is UTF-16: save it as UTF-8"}, nil
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(data) {
		line, col := 1, 1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += size
		}
		return nil, &Diagnostic{Pos: Pos{File: name, Line: line, Col: col}, Message: "invalid UTF-8: save the file as UTF-8"}, nil
	}
	return data, nil, nil
}

func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// checkLink decides whether a symbolic link may be read: only when it points to a file inside
// the bundle.
func checkLink(fsys fs.FS, p, name string) (Diagnostic, bool) {
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		return Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Message: "cannot read symbolic link: " + cleanErr(err)}, false
	}
	resolved := path.Join(path.Dir(p), target)
	if path.IsAbs(target) || resolved == ".." || strings.HasPrefix(resolved, "../") {
		return Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Message: fmt.Sprintf(
			"symbolic link to %s leaves the bundle: evidence is read only from inside its folder", target)}, false
	}
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Message: fmt.Sprintf(
			"symbolic link to %s cannot be followed: %s", target, cleanErr(err))}, false
	}
	if !st.Mode().IsRegular() {
		return Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Warning: true,
			Message: fmt.Sprintf("skipped: symbolic link to %s, which is not a regular file", target)}, false
	}
	return Diagnostic{}, true
}

func kindOfFile(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// checkAttachments verifies every attachment a record pins by digest (evidence[].uri with a
// relative path): the path must stay inside the bundle, and the file's sha256 must match.
// A changed or missing file marks the record broken; a path that leaves the bundle or an
// attachment without sha256 is an error.
func (b *Bundle) checkAttachments(fsys fs.FS, prefix string, lim Limits) []Diagnostic {
	var diags []Diagnostic
	seen := map[string]File{}
	b.Broken = map[string][]string{}
	for _, r := range b.Records {
		list, _ := r.Value["evidence"].([]any)
		for i, item := range list {
			m, _ := item.(map[string]any)
			uri, _ := m["uri"].(string)
			if uri == "" || strings.Contains(uri, "://") || strings.HasPrefix(uri, "urn:") {
				continue // kept elsewhere: pinned by its digest, not read
			}
			at := fmt.Sprintf("evidence.%d.uri", i)
			clean := path.Clean(uri)
			if path.IsAbs(uri) || clean == ".." || strings.HasPrefix(clean, "../") {
				diags = append(diags, Diagnostic{Pos: r.FieldPos(at), Message: fmt.Sprintf(
					"%s %s: attachment path %s leaves the bundle: give a path inside the evidence folder", r.Kind, at, uri)})
				continue
			}
			want, _ := m["sha256"].(string)
			if want == "" {
				diags = append(diags, Diagnostic{Pos: r.FieldPos(at), Message: fmt.Sprintf(
					"%s %s: attachment %s has no sha256: add its digest (sha256sum %s)", r.Kind, at, uri, clean)})
				continue
			}
			f, ok := seen[clean]
			if !ok {
				data, diag, err := readLimited(fsys, clean, path.Join(prefix, clean), lim)
				f = File{Path: path.Join(prefix, clean)}
				if err == nil && diag == nil {
					sum := sha256.Sum256(data)
					f.SHA256, f.Size = hex.EncodeToString(sum[:]), int64(len(data))
				}
				seen[clean] = f
			}
			switch {
			case f.SHA256 == "":
				b.Broken[r.Ref()] = append(b.Broken[r.Ref()], fmt.Sprintf("attachment %s of %s is missing", f.Path, r.Ref()))
			case !strings.EqualFold(f.SHA256, want):
				b.Broken[r.Ref()] = append(b.Broken[r.Ref()], fmt.Sprintf(
					"attachment %s of %s changed: its sha256 is %s, the record pins %s", f.Path, r.Ref(), f.SHA256, want))
			}
		}
	}
	for _, f := range seen {
		if f.SHA256 != "" {
			b.Attachments = append(b.Attachments, f)
		}
	}
	slices.SortFunc(b.Attachments, func(a, c File) int { return strings.Compare(a.Path, c.Path) })
	return diags
}
