package schema

import (
	"fmt"
	"strings"

	"cuelang.org/go/cue"
)

// Field documents one field of an evidence kind.
type Field struct {
	Path     string // dotted, with [] for list elements: items[].decision
	Required bool
	Type     string
	Doc      string
}

// Fields lists the fields of a kind, nested ones included, in schema order.
func (s *Schema) Fields(kind string) []Field {
	def, ok := s.defs[kind]
	if !ok {
		return nil
	}
	var out []Field
	walkFields(def, "", 0, &out)
	return out
}

// Doc returns the comment of a kind's definition.
func (s *Schema) Doc(kind string) string {
	def, ok := s.defs[kind]
	if !ok {
		return ""
	}
	return docOf(def)
}

// docOf returns a value's comment; where unification joined several (a field declared in
// the envelope and again in the kind), the most specific, which comes first.
func docOf(v cue.Value) string {
	docs := v.Doc()
	if len(docs) == 0 {
		return ""
	}
	return strings.Join(strings.Fields(docs[0].Text()), " ")
}

func walkFields(v cue.Value, prefix string, depth int, out *[]Field) {
	if depth > 4 {
		return
	}
	it, err := v.Fields(cue.Optional(true))
	if err != nil {
		return
	}
	for it.Next() {
		sel := it.Selector()
		name := strings.TrimRight(sel.String(), "?!")
		fv := it.Value()
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		f := Field{Path: path, Required: sel.ConstraintType() == cue.RequiredConstraint, Type: typeOf(fv), Doc: docOf(fv)}
		*out = append(*out, f)
		if l, _, ok := listPart(fv); ok {
			elem := l.LookupPath(cue.MakePath(cue.AnyIndex))
			if elem.Exists() && elem.IncompleteKind() == cue.StructKind {
				walkFields(elem, path+"[]", depth+1, out)
			}
		} else if fv.IncompleteKind() == cue.StructKind {
			walkFields(fv, path, depth+1, out)
		}
	}
}

// typeOf describes the values a field accepts: an enumeration, a reference, a date, a list.
func typeOf(v cue.Value) string {
	if l, nonEmpty, ok := listPart(v); ok {
		what := "list"
		if elem := l.LookupPath(cue.MakePath(cue.AnyIndex)); elem.Exists() {
			what = "list of " + typeOf(elem)
		}
		if nonEmpty {
			what += ", at least one"
		}
		return what
	}
	if v.IncompleteKind() == cue.StructKind {
		return "mapping"
	}
	if vals := literals(v); len(vals) > 0 {
		return "one of " + strings.Join(vals, ", ")
	}
	if vals := literals(v.Eval()); len(vals) > 0 {
		return "one of " + strings.Join(vals, ", ")
	}
	src := fmt.Sprint(v)
	switch {
	case strings.Contains(src, `time.Format("2006-01-02")`) && strings.Contains(src, "RFC3339"):
		return "date or timestamp"
	case strings.Contains(src, `time.Format("2006-01-02")`):
		return "date (YYYY-MM-DD)"
	case strings.Contains(src, "RFC3339") || strings.Contains(src, `2006-01-02T15:04:05Z07:00`):
		return "timestamp (RFC 3339)"
	}
	if ref := refKinds(src); ref != "" {
		return ref
	}
	switch v.IncompleteKind() {
	case cue.BoolKind:
		return "true or false"
	case cue.IntKind:
		return "whole number"
	case cue.NumberKind, cue.FloatKind:
		return "number"
	case cue.StringKind:
		return "text"
	}
	return "value"
}

// listPart returns the list a field holds. A list with a validator, such as
// [...#PersonRef] & list.MinItems(1), is an error in CUE until it holds data: its list is the
// operand of the conjunction, and nonEmpty says the validator asks for at least one element.
func listPart(v cue.Value) (list cue.Value, nonEmpty, ok bool) {
	if v.IncompleteKind() == cue.ListKind {
		return v, false, true
	}
	op, args := v.Expr()
	if op != cue.AndOp {
		return v, false, false
	}
	for _, a := range args {
		if a.IncompleteKind() == cue.ListKind && a.LookupPath(cue.MakePath(cue.AnyIndex)).Exists() {
			list, ok = a, true
		} else if strings.Contains(fmt.Sprint(a), "MinItems(1)") {
			nonEmpty = true
		}
	}
	return list, nonEmpty, ok
}

func literals(v cue.Value) []string {
	op, args := v.Expr()
	if op != cue.OrOp {
		return nil
	}
	var out []string
	for _, a := range args {
		if a.Kind() != cue.StringKind {
			return nil
		}
		s, _ := a.String()
		out = append(out, "`"+s+"`")
	}
	return out
}

// refKinds names the kinds a reference field accepts, from its pattern.
func refKinds(src string) string {
	var kinds []string
	for _, part := range strings.Split(src, "=~") {
		part = strings.TrimSpace(part)
		if k, ok := strings.CutPrefix(part, `"^`); ok {
			if i := strings.Index(k, "/"); i > 0 && !strings.ContainsAny(k[:i], "[(") {
				kinds = append(kinds, k[:i])
			}
		}
	}
	if len(kinds) == 0 {
		if strings.Contains(src, `[A-Z][A-Za-z]+/`) {
			return "reference Kind/id"
		}
		return ""
	}
	return "reference to " + strings.Join(kinds, " or ")
}
