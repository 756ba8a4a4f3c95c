package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"
	cuejson "cuelang.org/go/encoding/json"
	cueyaml "cuelang.org/go/encoding/yaml"
)

// refPattern is the shape of a reference: Kind/id.
var refPattern = regexp.MustCompile(`^[A-Z][A-Za-z]+/[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// IsRef reports whether a string has the shape of a reference, Kind/id.
func IsRef(s string) bool { return refPattern.MatchString(s) }

// decodeFile splits one file into records. A YAML file holds one or more documents; a
// document (or a JSON file) is one record or a list of records.
func decodeFile(file string, data []byte, lim Limits) ([]*Record, []Diagnostic) {
	var (
		recs  []*Record
		diags []Diagnostic
	)
	add := func(expr ast.Expr) {
		r, d := splitDocument(file, expr, lim)
		recs = append(recs, r...)
		diags = append(diags, d...)
	}
	if strings.EqualFold(path.Ext(file), ".json") {
		expr, err := cuejson.Extract(file, data)
		if err != nil {
			return nil, syntaxDiagnostics(file, err)
		}
		add(expr)
		return recs, diags
	}
	dec := cueyaml.NewDecoder(file, bytes.NewReader(data))
	for {
		expr, err := dec.Extract()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			diags = append(diags, syntaxDiagnostics(file, err)...)
			break
		}
		add(expr)
		if len(recs) > lim.RecordsPerFile {
			return nil, []Diagnostic{{Pos: Pos{File: file, Line: 1, Col: 1}, Message: fmt.Sprintf(
				"file holds more than %d records: split it, or raise --limit records-per-file", lim.RecordsPerFile)}}
		}
	}
	return recs, diags
}

var errLine = regexp.MustCompile(`^(.*?):(\d+)(?::(\d+))?: (.*)$`)

// syntaxDiagnostics turns a decoder error into positioned diagnostics.
func syntaxDiagnostics(file string, err error) []Diagnostic {
	var out []Diagnostic
	for _, e := range cueerrors.Errors(err) {
		pos := Pos{File: file, Line: 1, Col: 1}
		msg := e.Error()
		if ps := cueerrors.Positions(e); len(ps) > 0 && ps[0].IsValid() {
			pos.Line, pos.Col = ps[0].Line(), ps[0].Column()
		}
		if m := errLine.FindStringSubmatch(msg); m != nil && m[1] == file {
			pos.Line, _ = strconv.Atoi(m[2])
			if m[3] != "" {
				pos.Col, _ = strconv.Atoi(m[3])
			}
			msg = m[4]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		if _, rest, ok := strings.Cut(msg, "invalid JSON for file "); ok {
			if _, detail, ok := strings.Cut(rest, ": "); ok {
				msg = detail
			}
		}
		out = append(out, Diagnostic{Pos: pos, Message: "invalid syntax: " + msg})
	}
	if len(out) == 0 {
		out = append(out, Diagnostic{Pos: Pos{File: file, Line: 1, Col: 1}, Message: "invalid syntax: " + err.Error()})
	}
	return out
}

func posOf(file string, n ast.Node) Pos {
	p := n.Pos()
	if !p.IsValid() {
		return Pos{File: file, Line: 1, Col: 1}
	}
	return Pos{File: file, Line: p.Line(), Col: p.Column()}
}

func splitDocument(file string, expr ast.Expr, lim Limits) ([]*Record, []Diagnostic) {
	switch x := expr.(type) {
	case *ast.StructLit:
		if len(x.Elts) == 0 {
			return nil, nil // an empty document
		}
		r, d := newRecord(file, x, lim)
		if r == nil {
			return nil, []Diagnostic{d}
		}
		return []*Record{r}, nil
	case *ast.ListLit:
		var recs []*Record
		var diags []Diagnostic
		if len(x.Elts) > lim.RecordsPerFile {
			return nil, []Diagnostic{{Pos: posOf(file, x), Message: fmt.Sprintf(
				"list holds more than %d records: split it, or raise --limit records-per-file", lim.RecordsPerFile)}}
		}
		for _, e := range x.Elts {
			st, ok := e.(*ast.StructLit)
			if !ok {
				diags = append(diags, Diagnostic{Pos: posOf(file, e), Message: "a list of records may hold only mappings with kind and id"})
				continue
			}
			r, d := newRecord(file, st, lim)
			if r == nil {
				diags = append(diags, d)
				continue
			}
			recs = append(recs, r)
		}
		return recs, diags
	case *ast.BasicLit:
		if x.Kind == token.NULL {
			return nil, nil // an empty YAML document
		}
	case *ast.BinaryExpr:
		// The YAML decoder gives an empty document or a file of comments as *null | _.
		if x.Op == token.OR {
			return nil, nil
		}
	}
	return nil, []Diagnostic{{Pos: posOf(file, expr), Message: "a document must be a record (a mapping with kind and id) or a list of records"}}
}

func newRecord(file string, st *ast.StructLit, lim Limits) (*Record, Diagnostic) {
	r := &Record{Pos: posOf(file, st), Expr: st, fields: make(map[string]Pos)}
	v, err := r.convert(file, st, "", 0, lim)
	if err != nil {
		pos := posOf(file, st)
		var pe *posError
		if errors.As(err, &pe) {
			pos = pe.pos
		}
		return nil, Diagnostic{Pos: pos, Message: err.Error()}
	}
	r.Value = v.(map[string]any)
	kind, ok := r.Value["kind"].(string)
	if !ok || kind == "" {
		return nil, Diagnostic{Pos: r.Pos, Message: "record has no kind: every record needs kind and id"}
	}
	id, ok := r.Value["id"].(string)
	if !ok || id == "" {
		if n, isNum := r.Value["id"].(json.Number); isNum {
			return nil, Diagnostic{Pos: r.FieldPos("id"), Message: fmt.Sprintf("id must be a string: quote it, id: \"%s\"", n)}
		}
		return nil, Diagnostic{Pos: r.Pos, Message: fmt.Sprintf("%s record has no id: every record needs kind and id", kind)}
	}
	r.Kind, r.ID = kind, id
	if i, ok := r.fields["kind"]; ok {
		r.Pos = i // a record starts where its kind is written
	}
	return r, Diagnostic{}
}

// convert turns the syntax tree of a decoded YAML/JSON value into plain Go values, recording
// field positions and reference-shaped strings along the way.
func (r *Record) convert(file string, n ast.Expr, at string, depth int, lim Limits) (any, error) {
	if depth > lim.Depth {
		return nil, &posError{posOf(file, n), fmt.Sprintf("%s: nested deeper than %d levels: flatten the record, or raise --limit depth", at, lim.Depth)}
	}
	switch x := n.(type) {
	case *ast.StructLit:
		m := make(map[string]any, len(x.Elts))
		for _, d := range x.Elts {
			f, ok := d.(*ast.Field)
			if !ok {
				continue
			}
			name, _, err := ast.LabelName(f.Label)
			if err != nil {
				return nil, fmt.Errorf("unsupported key: %v", err)
			}
			p := name
			if at != "" {
				p = at + "." + name
			}
			if first, dup := r.fields[p]; dup {
				return nil, &posError{posOf(file, f), fmt.Sprintf("duplicate key %q: first written at line %d", name, first.Line)}
			}
			r.fields[p] = posOf(file, f)
			v, err := r.convert(file, f.Value, p, depth+1, lim)
			if err != nil {
				return nil, err
			}
			m[name] = v
		}
		return m, nil
	case *ast.ListLit:
		l := make([]any, 0, len(x.Elts))
		for i, e := range x.Elts {
			p := at + "." + strconv.Itoa(i)
			r.fields[p] = posOf(file, e)
			v, err := r.convert(file, e, p, depth+1, lim)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case *ast.BasicLit:
		switch x.Kind {
		case token.STRING:
			if len(x.Value) > lim.StringBytes+2 {
				return nil, &posError{posOf(file, x), fmt.Sprintf("%s: string longer than %d bytes: keep large content in an attachment, or raise --limit string-size", at, lim.StringBytes)}
			}
			s, err := literal.Unquote(x.Value)
			if err != nil {
				return nil, fmt.Errorf("string: %v", err)
			}
			if refPattern.MatchString(s) {
				r.refs = append(r.refs, refUse{target: s, path: at, pos: posOf(file, x)})
			}
			return s, nil
		case token.INT, token.FLOAT:
			return number(file, x, "", at)
		case token.TRUE:
			return true, nil
		case token.FALSE:
			return false, nil
		case token.NULL:
			return nil, nil
		}
	case *ast.UnaryExpr:
		if lit, ok := x.X.(*ast.BasicLit); ok && x.Op == token.SUB && (lit.Kind == token.INT || lit.Kind == token.FLOAT) {
			return number(file, lit, "-", at)
		}
	}
	return nil, fmt.Errorf("unsupported value at %s", at)
}

// posError is a decoding problem at a position inside a record.
type posError struct {
	pos Pos
	msg string
}

func (e *posError) Error() string { return e.msg }

// number normalises a YAML/JSON number literal (0o777, 0x1F, 1_000, 1e3) to a JSON number.
// Integers beyond 64 bits and infinities are refused rather than rounded.
func number(file string, lit *ast.BasicLit, sign, at string) (json.Number, error) {
	// The YAML decoder writes integers it cannot hold as "number & <digits>".
	raw, huge := strings.CutPrefix(lit.Value, "number &")
	text := sign + strings.ReplaceAll(strings.TrimSpace(raw), "_", "")
	if lit.Kind == token.INT || huge {
		n, err := strconv.ParseInt(text, 0, 64)
		if err != nil {
			return "", &posError{posOf(file, lit), fmt.Sprintf("%s: number %s is out of range: quote it if it is an identifier", at, text)}
		}
		return json.Number(strconv.FormatInt(n, 10)), nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", &posError{posOf(file, lit), fmt.Sprintf("%s: number %s is out of range", at, text)}
	}
	if json.Valid([]byte(text)) {
		return json.Number(text), nil
	}
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
}
