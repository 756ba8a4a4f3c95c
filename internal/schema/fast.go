package schema

import (
	"encoding/json"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"
)

// The fast checker decides in plain Go whether a record is valid, without the CUE evaluator,
// which costs hundreds of microseconds per record. It is compiled from the syntax CUE exports
// for each definition and is one-sided: it answers "valid" only when it understood every
// constraint on the fields the record holds and the record meets them all. A record it does
// not accept (an invalid one, or one that reaches a construct it does not know, such as a
// disjunction of structs) is validated by CUE, which also writes the messages. The checker
// can therefore only make validation faster, never more lenient; TestFastAgreesWithCUE
// compares the two on valid and mutated records.

// check reports whether a decoded value (string, json.Number, bool, nil, []any or
// map[string]any) certainly satisfies a constraint. false means invalid or not known.
type check interface {
	ok(v any) bool
}

// opaque is a construct the checker does not know: every value goes to CUE.
type opaque struct{ why string }

func (opaque) ok(any) bool { return false }

type top struct{}

func (top) ok(any) bool { return true }

// kindCheck accepts the values of one or more kinds.
type kindCheck struct {
	str, integer, float, boolean, null bool
}

func (k kindCheck) ok(v any) bool {
	switch x := v.(type) {
	case string:
		return k.str
	case json.Number:
		if isInt(x) {
			return k.integer
		}
		return k.float
	case bool:
		return k.boolean
	case nil:
		return k.null
	}
	return false
}

// isInt reports whether CUE reads a number as an int rather than a float: the decoder writes
// numbers in decimal, and a record whose numbers changed kind on the way is not checked here
// (bundle.Record.Faithful).
func isInt(n json.Number) bool { return !strings.ContainsAny(string(n), ".eE") }

// strEnum accepts one of a set of strings.
type strEnum map[string]bool

func (e strEnum) ok(v any) bool {
	s, isStr := v.(string)
	return isStr && e[s]
}

type boolEq bool

func (b boolEq) ok(v any) bool {
	x, isBool := v.(bool)
	return isBool && x == bool(b)
}

// numEq accepts a number equal to a literal of the same kind (int or float).
type numEq struct {
	integer bool
	val     *big.Rat
}

func (n numEq) ok(v any) bool {
	x, isNum := v.(json.Number)
	if !isNum || isInt(x) != n.integer {
		return false
	}
	r, good := new(big.Rat).SetString(string(x))
	return good && r.Cmp(n.val) == 0
}

type regexCheck struct {
	re     *regexp.Regexp
	negate bool
}

func (r regexCheck) ok(v any) bool {
	s, isStr := v.(string)
	return isStr && r.re.MatchString(s) != r.negate
}

// bound is >=, >, <= or < against a number.
type bound struct {
	op  token.Token
	val *big.Rat
}

func (b bound) ok(v any) bool {
	x, isNum := v.(json.Number)
	if !isNum {
		return false
	}
	r, good := new(big.Rat).SetString(string(x))
	if !good {
		return false
	}
	c := r.Cmp(b.val)
	switch b.op {
	case token.GEQ:
		return c >= 0
	case token.GTR:
		return c > 0
	case token.LEQ:
		return c <= 0
	case token.LSS:
		return c < 0
	}
	return false
}

// timeFormat is CUE's time.Format(layout): the string parses with the layout, in UTC.
type timeFormat string

func (l timeFormat) ok(v any) bool {
	s, isStr := v.(string)
	if !isStr {
		return false
	}
	_, err := time.ParseInLocation(string(l), s, time.UTC)
	return err == nil
}

// runeCount is strings.MinRunes or strings.MaxRunes.
type runeCount struct {
	min bool
	n   int
}

func (c runeCount) ok(v any) bool {
	s, isStr := v.(string)
	if !isStr {
		return false
	}
	if c.min {
		return utf8.RuneCountInString(s) >= c.n
	}
	return utf8.RuneCountInString(s) <= c.n
}

// itemCount is list.MinItems or list.MaxItems.
type itemCount struct {
	min bool
	n   int
}

func (c itemCount) ok(v any) bool {
	l, isList := v.([]any)
	if !isList {
		return false
	}
	if c.min {
		return len(l) >= c.n
	}
	return len(l) <= c.n
}

// listCheck is an open list [...elem].
type listCheck struct{ elem check }

func (c listCheck) ok(v any) bool {
	l, isList := v.([]any)
	if !isList {
		return false
	}
	for _, e := range l {
		if !c.elem.ok(e) {
			return false
		}
	}
	return true
}

type allOf []check

func (a allOf) ok(v any) bool {
	for _, c := range a {
		if !c.ok(v) {
			return false
		}
	}
	return true
}

// anyOf is a disjunction of scalar constraints: a concrete scalar satisfies it when it
// satisfies one of them (the checker never builds it with struct or list disjuncts).
type anyOf []check

func (a anyOf) ok(v any) bool {
	for _, c := range a {
		if c.ok(v) {
			return true
		}
	}
	return false
}

// structCheck is a closed struct (or an open one, with ...).
type structCheck struct {
	fields    map[string]check
	mandatory []string // fields that must be present: required, or regular ones
	patterns  []pattern
	open      bool
}

type pattern struct {
	label labelMatch
	value check
}

// labelMatch is the label of a pattern constraint: [string], [=~"re"] or ["a" | "b"].
type labelMatch struct {
	any   bool
	re    *regexp.Regexp
	names map[string]bool
}

func (l labelMatch) match(name string) bool {
	switch {
	case l.any:
		return true
	case l.re != nil:
		return l.re.MatchString(name)
	}
	return l.names[name]
}

func (c *structCheck) ok(v any) bool {
	m, isMap := v.(map[string]any)
	if !isMap {
		return false
	}
	for k, e := range m {
		f, declared := c.fields[k]
		if declared && !f.ok(e) {
			return false
		}
		matched := declared
		for _, p := range c.patterns {
			if p.label.match(k) {
				if !p.value.ok(e) {
					return false
				}
				matched = true
			}
		}
		if !matched && !c.open {
			return false
		}
	}
	for _, name := range c.mandatory {
		if _, present := m[name]; !present {
			return false
		}
	}
	return true
}

// fastCompiler turns the syntax of one exported definition into checks.
type fastCompiler struct {
	imports map[string]string   // local name -> import path
	lets    map[string]ast.Expr // let name -> value
	regexps map[string]*regexp.Regexp
	opaque  []string // where the checker gives up, for tests
	depth   int
	nodes   int // compiled so far: a recursive definition must not blow up
	// scope holds the field names of the enclosing structs: an identifier that a field
	// could shadow (a field named string or time) is not read as the predeclared one.
	scope []map[string]bool
}

// compileFast compiles the fast checker of a definition. The returned paths name the places
// where it gives up (records that hold them are validated by CUE).
func compileFast(def cue.Value, regexps map[string]*regexp.Regexp) (check, []string) {
	c := &fastCompiler{imports: map[string]string{}, lets: map[string]ast.Expr{}, regexps: regexps}
	n := def.Syntax(cue.Optional(true), cue.Definitions(true), cue.Docs(false), cue.Attributes(false))
	// The export wraps the definition as `_#def` with `_#def: {...}`, in a file when it
	// needs imports or lets for the definitions it references.
	var decls []ast.Decl
	switch x := n.(type) {
	case *ast.File:
		decls = x.Decls
	case *ast.StructLit:
		decls = x.Elts
	default:
		return c.giveUp("", "syntax"), c.opaque
	}
	var embeds []ast.Expr
	fields := map[string]ast.Expr{}
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.ImportDecl:
			for _, spec := range d.Specs {
				p, err := literal.Unquote(spec.Path.Value)
				if err != nil {
					return c.giveUp("", "import"), c.opaque
				}
				name := p[strings.LastIndexByte(p, '/')+1:]
				if spec.Name != nil {
					name = spec.Name.Name
				}
				c.imports[name] = p
			}
		case *ast.LetClause:
			c.lets[d.Ident.Name] = d.Expr
		case *ast.EmbedDecl:
			embeds = append(embeds, d.Expr)
		case *ast.Field:
			name, _, err := ast.LabelName(d.Label)
			if err != nil {
				return c.giveUp("", "label"), c.opaque
			}
			fields[name] = d.Value
		case *ast.CommentGroup, *ast.Attribute, *ast.Package:
		default:
			return c.giveUp("", "declaration"), c.opaque
		}
	}
	root := ast.Expr(nil)
	if len(embeds) == 1 {
		if id, ok := embeds[0].(*ast.Ident); ok {
			root = fields[id.Name]
		}
	}
	if root == nil {
		return c.giveUp("", "syntax"), c.opaque
	}
	return c.expr(root, ""), c.opaque
}

func (c *fastCompiler) giveUp(at, why string) check {
	c.opaque = append(c.opaque, strings.TrimPrefix(at+": "+why, ": "))
	return opaque{why}
}

func (c *fastCompiler) shadowed(name string) bool {
	for _, s := range c.scope {
		if s[name] {
			return true
		}
	}
	return false
}

// resolve follows parentheses and references to the lets of the export (NAME.#x).
func (c *fastCompiler) resolve(e ast.Expr) (ast.Expr, bool) {
	for range 100 {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			id, ok := x.X.(*ast.Ident)
			if !ok || c.shadowed(id.Name) {
				return e, true
			}
			let, ok := c.lets[id.Name]
			if !ok {
				return e, true
			}
			st, ok := let.(*ast.StructLit)
			if !ok {
				return nil, false
			}
			sel, _, err := ast.LabelName(x.Sel)
			if err != nil || !strings.HasPrefix(sel, "#") {
				return nil, false // only definitions are sure to be closed
			}
			var found ast.Expr
			for _, d := range st.Elts {
				if f, ok := d.(*ast.Field); ok {
					if n, _, err := ast.LabelName(f.Label); err == nil && n == sel {
						if found != nil {
							return nil, false
						}
						found = f.Value
					}
				}
			}
			if found == nil {
				return nil, false
			}
			e = found
		default:
			return e, true
		}
	}
	return nil, false
}

func (c *fastCompiler) expr(e ast.Expr, at string) check {
	c.depth++
	c.nodes++
	defer func() { c.depth-- }()
	if c.depth > 64 || c.nodes > 100_000 {
		return c.giveUp(at, "too deep or too large")
	}
	e, ok := c.resolve(e)
	if !ok {
		return c.giveUp(at, "reference")
	}
	switch x := e.(type) {
	case *ast.Ident:
		if c.shadowed(x.Name) {
			return c.giveUp(at, "shadowed identifier "+x.Name)
		}
		switch x.Name {
		case "_":
			return top{}
		case "string":
			return kindCheck{str: true}
		case "bool":
			return kindCheck{boolean: true}
		case "int":
			return kindCheck{integer: true}
		case "float":
			return kindCheck{float: true}
		case "number":
			return kindCheck{integer: true, float: true}
		case "null":
			return kindCheck{null: true}
		case "uint":
			return allOf{kindCheck{integer: true}, bound{op: token.GEQ, val: new(big.Rat)}}
		}
		return c.giveUp(at, "identifier "+x.Name)
	case *ast.BasicLit:
		return c.literal(x, "", at)
	case *ast.UnaryExpr:
		return c.unary(x, at)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.AND:
			return allOf{c.expr(x.X, at), c.expr(x.Y, at)}
		case token.OR:
			var arms []ast.Expr
			c.disjuncts(x, &arms)
			var out anyOf
			for _, a := range arms {
				r, ok := c.resolve(a)
				if !ok {
					return c.giveUp(at, "reference")
				}
				switch r.(type) {
				case *ast.StructLit, *ast.ListLit:
					// A disjunction of structs or lists is resolved by CUE, which also
					// rejects ambiguous values; the checker leaves it alone.
					return c.giveUp(at, "disjunction of structs or lists")
				}
				out = append(out, c.expr(a, at))
			}
			return enumOf(out)
		}
		return c.giveUp(at, "operator "+x.Op.String())
	case *ast.CallExpr:
		return c.call(x, at)
	case *ast.ListLit:
		if len(x.Elts) == 1 {
			if el, ok := x.Elts[0].(*ast.Ellipsis); ok {
				if el.Type == nil {
					return listCheck{top{}}
				}
				return listCheck{c.expr(el.Type, at+"[]")}
			}
		}
		return c.giveUp(at, "closed list")
	case *ast.StructLit:
		return c.structLit(x, at)
	}
	return c.giveUp(at, "expression")
}

// disjuncts flattens a | b | c.
func (c *fastCompiler) disjuncts(e ast.Expr, out *[]ast.Expr) {
	if p, ok := e.(*ast.ParenExpr); ok {
		e = p.X
	}
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.OR {
		c.disjuncts(b.X, out)
		c.disjuncts(b.Y, out)
		return
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.MUL {
		// A default marks one disjunct; it does not change which values are accepted.
		c.disjuncts(u.X, out)
		return
	}
	*out = append(*out, e)
}

// enumOf turns a disjunction of string literals into one set lookup.
func enumOf(arms anyOf) check {
	set := strEnum{}
	for _, a := range arms {
		e, ok := a.(strEnum)
		if !ok {
			return arms
		}
		for k := range e {
			set[k] = true
		}
	}
	return set
}

func (c *fastCompiler) literal(x *ast.BasicLit, sign, at string) check {
	switch x.Kind {
	case token.STRING:
		if sign != "" || strings.HasPrefix(strings.TrimLeft(x.Value, "#"), "'") {
			return c.giveUp(at, "bytes")
		}
		s, err := literal.Unquote(x.Value)
		if err != nil {
			return c.giveUp(at, "string literal")
		}
		return strEnum{s: true}
	case token.INT, token.FLOAT:
		var info literal.NumInfo
		if err := literal.ParseNum(sign+x.Value, &info); err != nil {
			return c.giveUp(at, "number literal")
		}
		r, ok := new(big.Rat).SetString(info.String())
		if !ok {
			return c.giveUp(at, "number literal")
		}
		return numEq{integer: info.IsInt(), val: r}
	case token.TRUE, token.FALSE:
		if sign != "" {
			return c.giveUp(at, "literal")
		}
		return boolEq(x.Kind == token.TRUE)
	case token.NULL:
		if sign != "" {
			return c.giveUp(at, "literal")
		}
		return kindCheck{null: true}
	}
	return c.giveUp(at, "literal")
}

// number reads a numeric literal, possibly negated.
func (c *fastCompiler) number(e ast.Expr) (*big.Rat, bool) {
	sign := ""
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.SUB {
		sign, e = "-", u.X
	}
	lit, ok := e.(*ast.BasicLit)
	if !ok || (lit.Kind != token.INT && lit.Kind != token.FLOAT) {
		return nil, false
	}
	var info literal.NumInfo
	if err := literal.ParseNum(sign+lit.Value, &info); err != nil {
		return nil, false
	}
	return new(big.Rat).SetString(info.String())
}

func (c *fastCompiler) unary(x *ast.UnaryExpr, at string) check {
	switch x.Op {
	case token.MUL:
		return c.expr(x.X, at)
	case token.SUB:
		if lit, ok := x.X.(*ast.BasicLit); ok {
			return c.literal(lit, "-", at)
		}
	case token.MAT, token.NMAT:
		lit, ok := x.X.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			break
		}
		re, ok := c.regexp(lit)
		if !ok {
			break
		}
		return regexCheck{re: re, negate: x.Op == token.NMAT}
	case token.GEQ, token.GTR, token.LEQ, token.LSS:
		if v, ok := c.number(x.X); ok {
			return bound{op: x.Op, val: v}
		}
	}
	return c.giveUp(at, "operator "+x.Op.String())
}

func (c *fastCompiler) regexp(lit *ast.BasicLit) (*regexp.Regexp, bool) {
	s, err := literal.Unquote(lit.Value)
	if err != nil {
		return nil, false
	}
	if re, ok := c.regexps[s]; ok {
		return re, re != nil
	}
	re, err := regexp.Compile(s)
	if err != nil {
		re = nil
	}
	c.regexps[s] = re
	return re, re != nil
}

func (c *fastCompiler) call(x *ast.CallExpr, at string) check {
	sel, ok := x.Fun.(*ast.SelectorExpr)
	if !ok {
		return c.giveUp(at, "call")
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || c.shadowed(pkg.Name) {
		return c.giveUp(at, "call")
	}
	fn, _, err := ast.LabelName(sel.Sel)
	if err != nil {
		return c.giveUp(at, "call")
	}
	name := c.imports[pkg.Name] + "." + fn
	intArg := func() (int, bool) {
		if len(x.Args) != 1 {
			return 0, false
		}
		lit, ok := x.Args[0].(*ast.BasicLit)
		if !ok || lit.Kind != token.INT {
			return 0, false
		}
		n, err := strconv.Atoi(lit.Value)
		return n, err == nil && n >= 0
	}
	switch name {
	case "time.Format":
		if len(x.Args) != 1 {
			break
		}
		if layout, ok := c.timeLayout(x.Args[0]); ok {
			return timeFormat(layout)
		}
	case "list.MinItems", "list.MaxItems":
		if n, ok := intArg(); ok {
			return itemCount{min: fn == "MinItems", n: n}
		}
	case "strings.MinRunes", "strings.MaxRunes":
		if n, ok := intArg(); ok {
			return runeCount{min: fn == "MinRunes", n: n}
		}
	}
	return c.giveUp(at, "call "+name)
}

// timeLayouts are the layout constants of CUE's time package that the schemas use.
var timeLayouts = map[string]string{
	"RFC3339":     "2006-01-02T15:04:05Z07:00",
	"RFC3339Nano": "2006-01-02T15:04:05.999999999Z07:00",
	"DateOnly":    "2006-01-02",
}

func (c *fastCompiler) timeLayout(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := literal.Unquote(x.Value)
		return s, err == nil
	case *ast.SelectorExpr:
		pkg, ok := x.X.(*ast.Ident)
		if !ok || c.shadowed(pkg.Name) || c.imports[pkg.Name] != "time" {
			return "", false
		}
		name, _, err := ast.LabelName(x.Sel)
		if err != nil {
			return "", false
		}
		l, ok := timeLayouts[name]
		return l, ok
	}
	return "", false
}

type fieldDecl struct {
	values     []ast.Expr
	mandatory  bool
	constraint token.Token
}

// structLit compiles a struct: its fields, those of the structs it embeds (an embedded
// definition adds its fields to the same closed struct), and its pattern constraints.
func (c *fastCompiler) structLit(st *ast.StructLit, at string) check {
	decls := map[string]*fieldDecl{}
	var order []string
	var pats []struct {
		label, value ast.Expr
	}
	open := false
	var collect func(st *ast.StructLit, depth int) bool
	collect = func(st *ast.StructLit, depth int) bool {
		if depth > 16 {
			return false
		}
		for _, d := range st.Elts {
			switch d := d.(type) {
			case *ast.Field:
				if d.Alias != nil {
					return false
				}
				if l, ok := d.Label.(*ast.ListLit); ok {
					if len(l.Elts) != 1 || d.Constraint != token.ILLEGAL {
						return false
					}
					pats = append(pats, struct{ label, value ast.Expr }{l.Elts[0], d.Value})
					continue
				}
				name, isIdent, err := ast.LabelName(d.Label)
				if err != nil {
					return false
				}
				if isIdent && (strings.HasPrefix(name, "#") || strings.HasPrefix(name, "_")) {
					continue // a definition or hidden field: not data
				}
				f := decls[name]
				if f == nil {
					f = &fieldDecl{}
					decls[name] = f
					order = append(order, name)
				}
				f.values = append(f.values, d.Value)
				if d.Constraint != token.OPTION {
					f.mandatory = true
				}
			case *ast.EmbedDecl:
				e, ok := c.resolve(d.Expr)
				if !ok {
					return false
				}
				inner, ok := e.(*ast.StructLit)
				if !ok || !collect(inner, depth+1) {
					return false
				}
			case *ast.Ellipsis:
				if d.Type != nil {
					return false
				}
				open = true
			case *ast.CommentGroup, *ast.Attribute:
			default:
				return false
			}
		}
		return true
	}
	if !collect(st, 0) {
		return c.giveUp(at, "struct")
	}
	names := map[string]bool{}
	for n := range decls {
		names[n] = true
	}
	c.scope = append(c.scope, names)
	defer func() { c.scope = c.scope[:len(c.scope)-1] }()

	out := &structCheck{fields: map[string]check{}, open: open}
	for _, name := range order {
		f := decls[name]
		p := name
		if at != "" {
			p = at + "." + name
		}
		var parts allOf
		for _, v := range f.values {
			parts = append(parts, c.expr(v, p))
		}
		if len(parts) == 1 {
			out.fields[name] = parts[0]
		} else {
			out.fields[name] = parts
		}
		if f.mandatory {
			out.mandatory = append(out.mandatory, name)
		}
	}
	for _, pt := range pats {
		lm, ok := c.labelMatch(pt.label)
		if !ok {
			return c.giveUp(at, "pattern constraint")
		}
		out.patterns = append(out.patterns, pattern{label: lm, value: c.expr(pt.value, at+".*")})
	}
	return out
}

func (c *fastCompiler) labelMatch(e ast.Expr) (labelMatch, bool) {
	e, ok := c.resolve(e)
	if !ok {
		return labelMatch{}, false
	}
	switch x := e.(type) {
	case *ast.Ident:
		if !c.shadowed(x.Name) && (x.Name == "string" || x.Name == "_") {
			return labelMatch{any: true}, true
		}
	case *ast.UnaryExpr:
		if lit, ok := x.X.(*ast.BasicLit); ok && x.Op == token.MAT && lit.Kind == token.STRING {
			if re, ok := c.regexp(lit); ok {
				return labelMatch{re: re}, true
			}
		}
	case *ast.BasicLit, *ast.BinaryExpr:
		before := len(c.opaque)
		chk := c.expr(x, "label")
		if set, ok := chk.(strEnum); ok {
			return labelMatch{names: set}, true
		}
		c.opaque = c.opaque[:before]
	}
	return labelMatch{}, false
}
