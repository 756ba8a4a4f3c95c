// Package schema compiles the embedded CUE definitions once, validates each evidence record
// against the definition of its kind, and computes the effective parameters.
package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/load"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/schemas"
)

// Schema is the compiled set of evidence definitions.
type Schema struct {
	digest string
	ctx    *cue.Context
	root   cue.Value
	defs   map[string]cue.Value
	kinds  []string
	// fast holds the plain-Go checkers of the kinds (fast.go); opaque lists, per kind, the
	// places where a checker leaves the decision to CUE.
	fast   map[string]check
	opaque map[string][]string
}

// Load returns the embedded schema, compiled once per process.
var Load = sync.OnceValues(func() (*Schema, error) {
	ctx := cuecontext.New()
	insts := load.Instances([]string{"."}, &load.Config{
		FS:         schemas.FS,
		Dir:        "/",
		FromFSPath: func(p string) string { return "schemas/" + strings.TrimPrefix(p, "/") },
	})
	if len(insts) != 1 || insts[0].Err != nil {
		if len(insts) == 1 {
			return nil, fmt.Errorf("load schemas: %w", insts[0].Err)
		}
		return nil, fmt.Errorf("load schemas: %d instances", len(insts))
	}
	root := ctx.BuildInstance(insts[0])
	if err := root.Err(); err != nil {
		return nil, fmt.Errorf("build schemas: %s", cueerrors.Details(err, nil))
	}
	s := &Schema{ctx: ctx, root: root, defs: map[string]cue.Value{}, digest: digestFS()}
	it, err := root.Fields(cue.Definitions(true))
	if err != nil {
		return nil, err
	}
	for it.Next() {
		sel := it.Selector()
		if !sel.IsDefinition() {
			continue
		}
		kind, err := it.Value().LookupPath(cue.MakePath(cue.Str("kind").Required())).String()
		if err != nil || "#"+kind != sel.String() {
			continue
		}
		s.defs[kind] = it.Value()
		s.kinds = append(s.kinds, kind)
	}
	slices.Sort(s.kinds)
	s.compileFast()
	return s, nil
})

func (s *Schema) compileFast() {
	s.fast = map[string]check{}
	s.opaque = map[string][]string{}
	regexps := map[string]*regexp.Regexp{}
	for _, kind := range s.kinds {
		c, opaque := compileFast(s.defs[kind], regexps)
		s.fast[kind] = c
		s.opaque[kind] = opaque
	}
}

// Digest returns the sha256 of the schema files: of the sorted lines "sha256  path".
func (s *Schema) Digest() string { return s.digest }

func digestFS() string {
	entries, _ := fs.ReadDir(schemas.FS, ".")
	var lines []string
	for _, e := range entries {
		b, err := fs.ReadFile(schemas.FS, e.Name())
		if err != nil {
			continue
		}
		sum := sha256.Sum256(b)
		lines = append(lines, hex.EncodeToString(sum[:])+"  schemas/"+e.Name()+"\n")
	}
	slices.Sort(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "")))
	return hex.EncodeToString(sum[:])
}

// Kinds returns the names of the evidence kinds, sorted.
func (s *Schema) Kinds() []string { return s.kinds }

// Definition returns the CUE definition of a kind.
func (s *Schema) Definition(kind string) (cue.Value, bool) {
	v, ok := s.defs[kind]
	return v, ok
}

// Validate checks one record against the definition of its kind and returns its problems,
// each at the position of the offending field. Most valid records are accepted by the fast
// checker compiled from the definition; the others are validated by CUE.
func (s *Schema) Validate(r *bundle.Record) []bundle.Diagnostic {
	def, ok := s.defs[r.Kind]
	if !ok {
		return []bundle.Diagnostic{{Pos: r.Pos, Message: fmt.Sprintf("unknown kind %q", r.Kind)}}
	}
	if s.fastValid(r) {
		return nil
	}
	return s.validateCUE(r, def)
}

// fastValid reports whether the fast checker accepts the record.
func (s *Schema) fastValid(r *bundle.Record) bool {
	c := s.fast[r.Kind]
	return c != nil && r.Faithful() && c.ok(r.Value)
}

// validateCUE validates the record's syntax tree with CUE.
func (s *Schema) validateCUE(r *bundle.Record, def cue.Value) []bundle.Diagnostic {
	expr, err := r.Syntax()
	if err != nil {
		return []bundle.Diagnostic{{Pos: r.Pos, Message: fmt.Sprintf("%s record: %v", r.Kind, err)}}
	}
	v := s.ctx.BuildExpr(expr, cue.Filename(r.Pos.File))
	if err := def.Unify(v).Validate(cue.Concrete(true)); err != nil {
		return s.diagnostics(r, def, err)
	}
	return nil
}

func (s *Schema) diagnostics(r *bundle.Record, def cue.Value, err error) []bundle.Diagnostic {
	type item struct {
		path string
		msgs []string
		pos  bundle.Pos
	}
	var order []string
	byPath := map[string]*item{}
	for _, e := range cueerrors.Errors(err) {
		p := dataPath(e.Path())
		it, ok := byPath[p]
		if !ok {
			it = &item{path: p, pos: r.FieldPos(p)}
			for _, pos := range cueerrors.Positions(e) {
				if pos.Filename() == r.Pos.File && pos.IsValid() {
					it.pos = bundle.Pos{File: r.Pos.File, Line: pos.Line(), Col: pos.Column()}
					break
				}
			}
			byPath[p] = it
			order = append(order, p)
		}
		format, args := e.Msg()
		it.msgs = append(it.msgs, fmt.Sprintf(format, args...))
	}
	var out []bundle.Diagnostic
	for _, p := range order {
		it := byPath[p]
		out = append(out, bundle.Diagnostic{Pos: it.pos, Message: fmt.Sprintf("%s %s: %s", r.Kind, fieldName(p), s.explain(def, p, it.msgs, r))})
	}
	return out
}

func fieldName(p string) string {
	if p == "" {
		return "record"
	}
	return p
}

// dataPath drops the definition names from a CUE error path: [#Person roles 0 role] -> roles.0.role.
func dataPath(sels []string) string {
	var parts []string
	for _, s := range sels {
		if strings.HasPrefix(s, "#") {
			continue
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ".")
}

// explain turns CUE's messages about one field into one sentence that says how to fix it.
func (s *Schema) explain(def cue.Value, p string, msgs []string, r *bundle.Record) string {
	joined := strings.Join(msgs, "; ")
	switch {
	case strings.Contains(joined, "field not allowed"):
		return "unknown field: check the spelling against the fields of " + r.Kind
	case strings.Contains(joined, "field is required but not present"):
		return "missing required field"
	}
	if allowed := enumValues(def, p); len(allowed) > 0 {
		return fmt.Sprintf("must be one of %s%s", strings.Join(allowed, ", "), got(r, p))
	}
	if strings.Contains(joined, "mismatched types") {
		if want := typeName(def, p); want != "" {
			return fmt.Sprintf("must be %s%s%s", want, got(r, p), yamlHint(r, p, want))
		}
	}
	if strings.Contains(joined, `time.Format("2006-01-02T15:04:05Z07:00")`) || strings.Contains(joined, "time.RFC3339") {
		return fmt.Sprintf("%s is neither a date (YYYY-MM-DD) nor a timestamp with its UTC offset (2026-03-01T10:00:00Z)",
			quote(lookup(r.Value, p)))
	}
	if strings.Contains(joined, `time.Format("2006-01-02")`) {
		return fmt.Sprintf("%s is not a date: write a real calendar date as YYYY-MM-DD", quote(lookup(r.Value, p)))
	}
	// Prefer the message about the value's bound or format over the conflict with a default.
	best := ""
	for _, m := range msgs {
		switch {
		case strings.Contains(m, "empty disjunction"):
			continue
		case strings.Contains(m, "out of bound") || strings.Contains(m, "invalid value"):
			return strings.ReplaceAll(m, "does not satisfy", "does not match")
		case best == "":
			best = m
		}
	}
	if best != "" {
		return strings.ReplaceAll(best, "does not satisfy", "does not match")
	}
	return joined
}

func got(r *bundle.Record, p string) string {
	v := lookup(r.Value, p)
	if v == nil {
		return ""
	}
	return fmt.Sprintf(" (got %v)", quote(v))
}

func quote(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func lookup(v any, p string) any {
	if p == "" {
		return v
	}
	for _, seg := range strings.Split(p, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	switch v.(type) {
	case map[string]any, []any:
		return nil
	}
	return v
}

// schemaAt returns the schema of a dotted data path inside a definition.
func schemaAt(def cue.Value, p string) (cue.Value, bool) {
	v := def
	if p == "" {
		return v, true
	}
	for _, seg := range strings.Split(p, ".") {
		if _, err := strconv.Atoi(seg); err == nil {
			v = v.LookupPath(cue.MakePath(cue.AnyIndex))
		} else {
			next := v.LookupPath(cue.MakePath(cue.Str(seg)))
			for _, sel := range []cue.Selector{cue.Str(seg).Required(), cue.Str(seg).Optional()} {
				if next.Exists() {
					break
				}
				next = v.LookupPath(cue.MakePath(sel))
			}
			v = next
		}
		if !v.Exists() {
			return v, false
		}
	}
	return v, true
}

// typeName names the kind of value a schema accepts: "a bool", "a list", "a number".
func typeName(def cue.Value, p string) string {
	v, ok := schemaAt(def, p)
	if !ok {
		return ""
	}
	switch v.IncompleteKind() {
	case cue.BoolKind:
		return "true or false"
	case cue.IntKind:
		return "a whole number"
	case cue.NumberKind, cue.FloatKind:
		return "a number"
	case cue.StringKind:
		return "a string"
	case cue.ListKind:
		return "a list"
	case cue.StructKind:
		return "a mapping"
	}
	return ""
}

// enumValues returns the literal values a field accepts when it is an enumeration.
func enumValues(def cue.Value, p string) []string {
	v, ok := schemaAt(def, p)
	if !ok {
		return nil
	}
	op, args := v.Expr()
	if op != cue.OrOp {
		return nil
	}
	var out []string
	for _, a := range args {
		if !a.IsConcrete() {
			return nil
		}
		switch a.Kind() {
		case cue.StringKind:
			str, _ := a.String()
			out = append(out, strconv.Quote(str))
		case cue.IntKind, cue.BoolKind, cue.FloatKind, cue.NumberKind:
			out = append(out, fmt.Sprint(a))
		default:
			return nil
		}
	}
	return out
}

// yamlHint explains YAML's typing traps: a value that YAML 1.2 reads as a string or number
// where the schema wants something else.
func yamlHint(r *bundle.Record, p, want string) string {
	s, isString := lookup(r.Value, p).(string)
	switch {
	case want == "true or false" && isString:
		switch strings.ToLower(s) {
		case "yes", "no", "on", "off", "y", "n":
			return ": YAML 1.2 reads " + s + " as text, write true or false"
		}
	case want == "a string" && !isString:
		return ": quote the value to keep it as text"
	}
	return ""
}
