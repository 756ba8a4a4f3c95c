package schema

import (
	"encoding/json"
	"fmt"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"

	"github.com/annexa-dev/annexa/internal/bundle"
)

// Params returns the effective parameters: the defaults of #Parameters, overridden by the
// parameters of every ManagementSystem record. Overrides of a map (vuln_sla_days) keep the
// defaults of the keys they do not name. Two records that set one parameter to different
// values are an error at the second record.
func (s *Schema) Params(systems []*bundle.Record) (map[string]any, []bundle.Diagnostic) {
	def := s.root.LookupPath(cue.ParsePath("#Parameters"))
	if !def.Exists() {
		return map[string]any{}, nil
	}
	eff := def
	var diags []bundle.Diagnostic
	for _, r := range systems {
		expr := fieldExpr(r, "parameters")
		if expr == nil {
			continue
		}
		override := s.ctx.BuildExpr(expr, cue.Filename(r.Pos.File))
		if def.Unify(override).Validate() != nil {
			continue // invalid on its own: the record's validation reports it
		}
		next := eff.Unify(override)
		if err := next.Validate(); err != nil {
			diags = append(diags, bundle.Diagnostic{Pos: r.FieldPos("parameters"),
				Message: fmt.Sprintf("ManagementSystem parameters: conflicts with another management system's parameters: %s",
					firstMessage(err))})
			continue
		}
		eff = next
	}
	var out map[string]any
	if d, ok := eff.Default(); ok {
		eff = d
	}
	if err := eff.Decode(&out); err != nil {
		return map[string]any{}, append(diags, bundle.Diagnostic{Pos: bundle.Pos{File: "schemas/parameters.cue", Line: 1, Col: 1},
			Message: "parameter defaults: " + err.Error()})
	}
	return normalise(out).(map[string]any), diags
}

// normalise turns decoded CUE numbers into json.Number so the policy input has one number type.
func normalise(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalise(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
		return x
	case float64:
		return json.Number(fmt.Sprint(x))
	case int, int64:
		return json.Number(fmt.Sprint(x))
	}
	return v
}

// fieldExpr returns the syntax tree of a top-level field of a record.
func fieldExpr(r *bundle.Record, name string) ast.Expr {
	expr, err := r.Syntax()
	if err != nil {
		return nil
	}
	st, ok := expr.(*ast.StructLit)
	if !ok {
		return nil
	}
	for _, d := range st.Elts {
		if f, ok := d.(*ast.Field); ok {
			if n, _, _ := ast.LabelName(f.Label); n == name {
				return f.Value
			}
		}
	}
	return nil
}

func firstMessage(err error) string {
	for _, e := range cueerrors.Errors(err) {
		format, args := e.Msg()
		return fmt.Sprintf("%s: %s", dataPath(e.Path()), fmt.Sprintf(format, args...))
	}
	return err.Error()
}
