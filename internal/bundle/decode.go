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
	"sync"

	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"
	cuejson "cuelang.org/go/encoding/json"
	cueyaml "cuelang.org/go/encoding/yaml"
)

// IsRef reports whether a string has the shape of a reference, Kind/id.
func IsRef(s string) bool { return isRef(s) }

// isRef matches ^[A-Z][A-Za-z]+/[A-Za-z0-9][A-Za-z0-9._:-]*$ without the regexp engine, since
// every string of every record is tested (FuzzIsRef compares the two).
func isRef(s string) bool {
	if len(s) < 4 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	i := 1
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	if i < 2 || i+1 >= len(s) || s[i] != '/' {
		return false
	}
	i++
	if !isLetter(s[i]) && !isDigit(s[i]) {
		return false
	}
	for i++; i < len(s); i++ {
		switch c := s[i]; {
		case isLetter(c), isDigit(c), c == '.', c == '_', c == ':', c == '-':
		default:
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// source is an evidence file whose records were decoded. Its bytes are kept so that the
// syntax trees of its records can be decoded again when CUE must validate one of them.
type source struct {
	file    string
	data    []byte
	records []*Record

	once sync.Once // decode
	docs []ast.Expr
	err  error

	posOnce sync.Once // positions
}

// decode returns the documents of the file, decoding it once.
func (s *source) decode() ([]ast.Expr, error) {
	s.once.Do(func() {
		s.err = eachDocument(s.file, s.data, func(expr ast.Expr) bool {
			s.docs = append(s.docs, expr)
			return true
		})
	})
	return s.docs, s.err
}

// positions fills the field positions of every record of the file, once. It decodes the
// file again rather than keeping the syntax trees, which are several times larger.
func (s *source) positions() {
	s.posOnce.Do(func() {
		byDoc := map[int32][]*Record{}
		for _, r := range s.records {
			byDoc[r.doc] = append(byDoc[r.doc], r)
		}
		var doc, last int32
		for d := range byDoc {
			last = max(last, d)
		}
		_ = eachDocument(s.file, s.data, func(expr ast.Expr) bool {
			for _, r := range byDoc[doc] {
				st := expr
				if r.elem >= 0 {
					l, ok := expr.(*ast.ListLit)
					if !ok || int(r.elem) >= len(l.Elts) {
						continue
					}
					st = l.Elts[r.elem]
				}
				fields := make(map[string]lineCol, countNodes(st, 0))
				fillPositions(fields, st, "")
				r.fields = fields
			}
			doc++
			return doc <= last
		})
	})
}

// fillPositions records the position of every field and list element of a value, under the
// dotted paths that convert gives them.
func fillPositions(fields map[string]lineCol, n ast.Expr, at string) {
	switch x := n.(type) {
	case *ast.StructLit:
		for _, el := range x.Elts {
			f, ok := el.(*ast.Field)
			if !ok {
				continue
			}
			name, _, err := ast.LabelName(f.Label)
			if err != nil {
				continue
			}
			p := join(at, name)
			fields[p] = lineColOf(f)
			fillPositions(fields, f.Value, p)
		}
	case *ast.ListLit:
		for i, e := range x.Elts {
			p := at + "." + strconv.Itoa(i)
			fields[p] = lineColOf(e)
			fillPositions(fields, e, p)
		}
	}
}

// eachDocument decodes the documents of a YAML file (or the one value of a JSON file) and
// calls fn with each, until fn returns false. It returns the syntax error that ended the
// decoding, if any.
func eachDocument(file string, data []byte, fn func(ast.Expr) bool) error {
	if strings.EqualFold(path.Ext(file), ".json") {
		var expr ast.Expr
		err := guard(file, data, func() (err error) {
			expr, err = cuejson.Extract(file, data)
			return err
		})
		if err != nil {
			return err
		}
		fn(expr)
		return nil
	}
	dec := cueyaml.NewDecoder(file, bytes.NewReader(data))
	for {
		var expr ast.Expr
		err := guard(file, data, func() (err error) {
			expr, err = dec.Extract()
			return err
		})
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !fn(expr) {
			return nil
		}
	}
}

// guard runs a decoder call and turns a panic of the decoder, on input it does not expect,
// into an error.
func guard(file string, data []byte, decode func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s:1: cannot decode the file (%v)", file, p)
			for i, c := range data {
				if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
					err = fmt.Errorf("%s:1: a line ends with a lone carriage return (\\r): save the file with \\n or \\r\\n line endings", file)
					break
				}
			}
		}
	}()
	return decode()
}

// decodeFile splits one file into records. A YAML file holds one or more documents; a
// document (or a JSON file) is one record or a list of records.
func decodeFile(file string, data []byte, lim Limits) (outRecs []*Record, outDiags []Diagnostic) {
	// The decoders come from libraries; whatever they do with a hostile file, the file gets a
	// diagnostic and the run goes on.
	defer func() {
		if p := recover(); p != nil {
			outRecs, outDiags = nil, []Diagnostic{{Pos: Pos{File: file, Line: 1, Col: 1},
				Message: fmt.Sprintf("invalid syntax: the decoder cannot read this file (%v)", p)}}
		}
	}()
	var (
		recs    []*Record
		diags   []Diagnostic
		doc     int32
		tooMany bool
	)
	src := &source{file: file, data: data}
	d := &decoder{file: file, lim: lim, src: src, strs: map[string]string{}, seen: map[string]lineCol{}}
	err := eachDocument(file, data, func(expr ast.Expr) bool {
		r, ds := d.splitDocument(expr, doc)
		recs = append(recs, r...)
		diags = append(diags, ds...)
		doc++
		if len(recs) > lim.RecordsPerFile {
			tooMany = true
			return false
		}
		return true
	})
	if tooMany {
		return nil, []Diagnostic{{Pos: Pos{File: file, Line: 1, Col: 1}, Message: fmt.Sprintf(
			"file holds more than %d records: split it, or raise --limit records-per-file", lim.RecordsPerFile)}}
	}
	if err != nil {
		if strings.EqualFold(path.Ext(file), ".json") {
			return nil, syntaxDiagnostics(file, err)
		}
		diags = append(diags, syntaxDiagnostics(file, err)...)
	}
	src.records = recs
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
	lc := lineColOf(n)
	return Pos{File: file, Line: int(lc.line), Col: int(lc.col)}
}

func lineColOf(n ast.Node) lineCol {
	p := n.Pos()
	if !p.IsValid() {
		return lineCol{1, 1}
	}
	pp := p.Position() // once: Line and Column would each look the line up
	return lineCol{int32(pp.Line), int32(pp.Column)}
}

// decoder turns the syntax trees of one file into records.
type decoder struct {
	file string
	lim  Limits
	src  *source
	// strs interns the field names and short strings of the file: records repeat them
	// (check_id, status, pass, Person/alice) and each copy would otherwise stay in memory.
	strs map[string]string
	// stack is the path to the value being converted.
	stack []seg
	// dotted is set when the record has a key with a dot in it; checked converts it again,
	// with seen holding the position of every path, to find a key whose path collides with
	// another one (positions are otherwise computed lazily, see source.positions).
	dotted, checked bool
	seen            map[string]lineCol
}

func (d *decoder) intern(s string) string {
	if len(s) > 48 {
		return s
	}
	if t, ok := d.strs[s]; ok {
		return t
	}
	s = strings.Clone(s)
	d.strs[s] = s
	return s
}

func (d *decoder) splitDocument(expr ast.Expr, doc int32) ([]*Record, []Diagnostic) {
	file, lim := d.file, d.lim
	switch x := expr.(type) {
	case *ast.StructLit:
		if len(x.Elts) == 0 {
			return nil, nil // an empty document
		}
		r, diag := d.newRecord(x, doc, -1)
		if r == nil {
			return nil, []Diagnostic{diag}
		}
		return []*Record{r}, nil
	case *ast.ListLit:
		var recs []*Record
		var diags []Diagnostic
		if len(x.Elts) > lim.RecordsPerFile {
			return nil, []Diagnostic{{Pos: posOf(file, x), Message: fmt.Sprintf(
				"list holds more than %d records: split it, or raise --limit records-per-file", lim.RecordsPerFile)}}
		}
		for i, e := range x.Elts {
			st, ok := e.(*ast.StructLit)
			if !ok {
				diags = append(diags, Diagnostic{Pos: posOf(file, e), Message: "a list of records may hold only mappings with kind and id"})
				continue
			}
			r, diag := d.newRecord(st, doc, int32(i))
			if r == nil {
				diags = append(diags, diag)
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

func (d *decoder) newRecord(st *ast.StructLit, doc, elem int32) (*Record, Diagnostic) {
	file := d.file
	r := &Record{Pos: posOf(file, st), src: d.src, doc: doc, elem: elem}
	v, err := d.convertRecord(r, st)
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
			pos := r.Pos
			if lc, ok := topField(st, "id"); ok {
				pos = r.pos(lc)
			}
			return nil, Diagnostic{Pos: pos, Message: fmt.Sprintf("id must be a string: quote it, id: \"%s\"", n)}
		}
		return nil, Diagnostic{Pos: r.Pos, Message: fmt.Sprintf("%s record has no id: every record needs kind and id", kind)}
	}
	r.Kind, r.ID = kind, id
	if lc, ok := topField(st, "kind"); ok {
		r.Pos = r.pos(lc) // a record starts where its kind is written
	}
	return r, Diagnostic{}
}

// countNodes counts the fields and list elements of a value, to size the position map once;
// it stops counting past a bound so that a hostile file costs no more than its decoding.
func countNodes(n ast.Expr, depth int) int {
	if depth > 64 {
		return 0
	}
	c := 0
	switch x := n.(type) {
	case *ast.StructLit:
		for _, d := range x.Elts {
			if f, ok := d.(*ast.Field); ok {
				c += 1 + countNodes(f.Value, depth+1)
			}
		}
	case *ast.ListLit:
		for _, e := range x.Elts {
			c += 1 + countNodes(e, depth+1)
		}
	}
	return c
}

// seg is one step of the path to the value being converted: a field name, or a list index
// when name is empty.
type seg struct {
	name  string
	index int
}

// path returns the dotted path of the value being converted (items.2.decision).
func (d *decoder) path() string {
	var b strings.Builder
	for i, sg := range d.stack {
		if i > 0 {
			b.WriteByte('.')
		}
		if sg.name != "" || sg.index < 0 {
			b.WriteString(sg.name)
		} else {
			b.WriteString(strconv.Itoa(sg.index))
		}
	}
	return b.String()
}

// convertRecord converts a record's syntax tree. A duplicate key is found by the map of its
// struct; only a key with a dot in it (a.b: 1 beside a: {b: 2}) can collide with the path of
// another struct, and a record with one is converted again in the mode that tracks every path.
func (d *decoder) convertRecord(r *Record, st *ast.StructLit) (any, error) {
	d.stack, d.dotted, d.checked = d.stack[:0], false, false
	v, err := d.convert(r, st, 0)
	if !d.dotted {
		return v, err
	}
	r.refs, r.lossy = nil, false
	d.stack, d.checked = d.stack[:0], true
	clear(d.seen)
	return d.convert(r, st, 0)
}

// convert turns the syntax tree of a decoded YAML/JSON value into plain Go values, noting
// reference-shaped strings along the way.
func (d *decoder) convert(r *Record, n ast.Expr, depth int) (any, error) {
	file, lim := d.file, d.lim
	if depth > lim.Depth {
		return nil, &posError{posOf(file, n), fmt.Sprintf("%s: nested deeper than %d levels: flatten the record, or raise --limit depth", d.path(), lim.Depth)}
	}
	switch x := n.(type) {
	case *ast.StructLit:
		m := make(map[string]any, len(x.Elts))
		for _, el := range x.Elts {
			f, ok := el.(*ast.Field)
			if !ok {
				if _, isComment := el.(*ast.CommentGroup); !isComment {
					r.lossy = true
				}
				continue
			}
			name, _, err := ast.LabelName(f.Label)
			if err != nil {
				return nil, fmt.Errorf("unsupported key: %v", err)
			}
			name = d.intern(name)
			if strings.IndexByte(name, '.') >= 0 {
				d.dotted = true
			}
			d.stack = append(d.stack, seg{name: name, index: -1})
			if d.checked {
				p := d.path()
				if first, dup := d.seen[p]; dup {
					return nil, &posError{posOf(file, f), fmt.Sprintf("duplicate key %q: first written at line %d", name, first.line)}
				}
				d.seen[p] = lineColOf(f)
			} else if _, dup := m[name]; dup {
				return nil, &posError{posOf(file, f), fmt.Sprintf("duplicate key %q: first written at line %d", name, firstLine(x, name))}
			}
			v, err := d.convert(r, f.Value, depth+1)
			if err != nil {
				return nil, err
			}
			d.stack = d.stack[:len(d.stack)-1]
			m[name] = v
		}
		return m, nil
	case *ast.ListLit:
		l := make([]any, 0, len(x.Elts))
		for i, e := range x.Elts {
			d.stack = append(d.stack, seg{index: i})
			if d.checked {
				d.seen[d.path()] = lineColOf(e)
			}
			v, err := d.convert(r, e, depth+1)
			if err != nil {
				return nil, err
			}
			d.stack = d.stack[:len(d.stack)-1]
			l = append(l, v)
		}
		return l, nil
	case *ast.BasicLit:
		switch x.Kind {
		case token.STRING:
			if strings.HasPrefix(strings.TrimLeft(x.Value, "#"), "'") {
				r.lossy = true // bytes (!!binary), which Value holds as a string
			}
			if len(x.Value) > lim.StringBytes+2 {
				return nil, &posError{posOf(file, x), fmt.Sprintf("%s: string longer than %d bytes: keep large content in an attachment, or raise --limit string-size", d.path(), lim.StringBytes)}
			}
			s, err := unquote(x.Value)
			if err != nil {
				return nil, fmt.Errorf("string: %v", err)
			}
			s = d.intern(s)
			if isRef(s) {
				r.refs = append(r.refs, refUse{target: s, path: d.path(), pos: posOf(file, x)})
			}
			return s, nil
		case token.INT, token.FLOAT:
			n, err := number(file, x, "", d.path)
			r.checkNumber(x.Value, n)
			return n, err
		case token.TRUE:
			return true, nil
		case token.FALSE:
			return false, nil
		case token.NULL:
			return nil, nil
		}
	case *ast.UnaryExpr:
		if lit, ok := x.X.(*ast.BasicLit); ok && x.Op == token.SUB && (lit.Kind == token.INT || lit.Kind == token.FLOAT) {
			n, err := number(file, lit, "-", d.path)
			r.checkNumber(lit.Value, n)
			return n, err
		}
	}
	return nil, fmt.Errorf("unsupported value at %s", d.path())
}

// firstLine returns the line of the first field of a struct with the given name.
func firstLine(st *ast.StructLit, name string) int32 {
	for _, el := range st.Elts {
		if f, ok := el.(*ast.Field); ok {
			if n, _, err := ast.LabelName(f.Label); err == nil && n == name {
				return lineColOf(f).line
			}
		}
	}
	return 0
}

// topField returns the position of a field of a record's top-level struct.
func topField(st *ast.StructLit, name string) (lineCol, bool) {
	for _, el := range st.Elts {
		if f, ok := el.(*ast.Field); ok {
			if n, _, err := ast.LabelName(f.Label); err == nil && n == name {
				return lineColOf(f), true
			}
		}
	}
	return lineCol{}, false
}

// unquote is literal.Unquote with a shortcut for the common case, a double-quoted string
// without escapes.
func unquote(lit string) (string, error) {
	if len(lit) >= 2 && lit[0] == '"' && lit[len(lit)-1] == '"' && !strings.HasPrefix(lit, `"""`) &&
		strings.IndexByte(lit, '\\') < 0 {
		return lit[1 : len(lit)-1], nil
	}
	return literal.Unquote(lit)
}

// checkNumber marks the record lossy when the JSON number written for a literal is not the
// literal itself: CUE reads a literal as a float when it has a fraction or an exponent, and an
// integer is converted exactly, but a float that is not valid JSON (1_000.5, .5, 1.) is
// rounded through a float64 and may change its value or look like an int.
func (r *Record) checkNumber(lit string, n json.Number) {
	if n == "" {
		return
	}
	var info literal.NumInfo
	if strings.HasPrefix(lit, "number &") || literal.ParseNum(lit, &info) != nil {
		r.lossy = true
		return
	}
	if info.IsInt() {
		if strings.ContainsAny(string(n), ".eE") {
			r.lossy = true
		}
		return
	}
	if strings.TrimPrefix(string(n), "-") != lit {
		r.lossy = true
	}
}

// posError is a decoding problem at a position inside a record.
type posError struct {
	pos Pos
	msg string
}

func (e *posError) Error() string { return e.msg }

// number normalises a YAML/JSON number literal (0o777, 0x1F, 1_000, 1e3) to a JSON number.
// Integers beyond 64 bits and infinities are refused rather than rounded.
func number(file string, lit *ast.BasicLit, sign string, path func() string) (json.Number, error) {
	// The YAML decoder writes integers it cannot hold as "number & <digits>".
	raw, huge := strings.CutPrefix(lit.Value, "number &")
	text := sign + strings.ReplaceAll(strings.TrimSpace(raw), "_", "")
	if lit.Kind == token.INT || huge {
		n, err := strconv.ParseInt(text, 0, 64)
		if err != nil {
			return "", &posError{posOf(file, lit), fmt.Sprintf("%s: number %s is out of range: quote it if it is an identifier", path(), text)}
		}
		return json.Number(strconv.FormatInt(n, 10)), nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", &posError{posOf(file, lit), fmt.Sprintf("%s: number %s is out of range", path(), text)}
	}
	if json.Valid([]byte(text)) {
		return json.Number(text), nil
	}
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
}
