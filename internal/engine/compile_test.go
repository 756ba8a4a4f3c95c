package engine

import (
	"context"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/schema"
)

func builtinParsed(t *testing.T) map[string]*ast.Module {
	t.Helper()
	mods, err := BuiltinModules()
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := Parse(production(mods))
	if err != nil {
		t.Fatal(err)
	}
	return parsed
}

// compiledSource prints every compiled module, sorted by path.
func compiledSource(c *ast.Compiler) string {
	var b strings.Builder
	for _, p := range slices.Sorted(maps.Keys(c.Modules)) {
		b.WriteString(c.Modules[p].String())
	}
	return b.String()
}

// TestTrustedStagesChangeNothing checks that the stages a run of the built-in policies skips
// leave every compiled module exactly as the fully checked compile does: a policy that starts
// to use print, with, template strings or rego.metadata makes this fail.
func TestTrustedStagesChangeNothing(t *testing.T) {
	parsed := builtinParsed(t)
	full, err := compileParsed(parsed, false)
	if err != nil {
		t.Fatal(err)
	}
	trusted, err := compileParsed(parsed, true)
	if err != nil {
		t.Fatal(err)
	}
	if compiledSource(full) != compiledSource(trusted) {
		t.Fatal("skipping the trusted stages changes the compiled built-in policies: remove the stage the policies now need from noopStages")
	}
	a, _, _ := policiesOf([]*ast.Compiler{full})
	b, _, _ := policiesOf([]*ast.Compiler{trusted})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("skipping the trusted stages changes the policies' METADATA")
	}
}

// TestControlsUseOnlyTheLibrary checks what the shards rely on: a control package refers to
// the library and to itself, never to another control's package.
func TestControlsUseOnlyTheLibrary(t *testing.T) {
	for path, m := range builtinParsed(t) {
		if strings.HasPrefix(path, libPrefix) {
			continue
		}
		own := m.Package.Path.String()
		check := func(r ast.Ref, loc *ast.Location) {
			s := r.String()
			if !strings.HasPrefix(s, "data.annexa.") || strings.HasPrefix(s, "data.annexa.lib.") ||
				s == own || strings.HasPrefix(s, own+".") || strings.HasPrefix(s, own+"[") {
				return
			}
			t.Errorf("%s:%d: %s refers to %s: a control package may use only the library (%s)", path, loc.Row, own, s, libPrefix)
		}
		for _, imp := range m.Imports {
			if r, ok := imp.Path.Value.(ast.Ref); ok {
				check(r, imp.Location)
			}
		}
		ast.WalkRefs(m, func(r ast.Ref) bool {
			if r.HasPrefix(ast.DefaultRootRef) {
				check(r.ConstantPrefix(), r[0].Location)
			}
			return false
		})
	}
}

// TestShardsDecideAsOneCompile evaluates the example bundle with the built-in policies
// compiled as several shards and as one, and wants the same findings for every control.
func TestShardsDecideAsOneCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the example bundle twice")
	}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := bundle.Load(os.DirFS("../../evidence"), bundle.Options{Kinds: sch.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	params, _ := sch.Params(b.ByKind("ManagementSystem"))
	in := Input{AsOf: "2026-11-30", Params: params, Records: map[string]map[string]map[string]any{}}
	for _, r := range b.Records {
		if in.Records[r.Kind] == nil {
			in.Records[r.Kind] = map[string]map[string]any{}
		}
		in.Records[r.Kind][r.ID] = r.Value
	}
	mods, err := BuiltinModules()
	if err != nil {
		t.Fatal(err)
	}
	prod := production(mods)
	parsed, err := Parse(prod)
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[string]int{}
	for _, m := range prod {
		sizes[m.Path] = len(m.Source)
	}
	var outs []*Outcome
	for _, n := range []int{1, 3} {
		shards, shardOf, err := compileShards(parsed, sizes, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(shards) != n {
			t.Fatalf("%d shards, want %d", len(shards), n)
		}
		ps, ext, err := policiesOf(shards)
		if err != nil {
			t.Fatal(err)
		}
		e := &Engine{c: &compiled{shards: shards, shardOf: shardOf, policies: ps, extensions: ext}}
		out, err := e.Evaluate(context.Background(), in, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Errors) > 0 || len(out.Findings) != len(ps) {
			t.Fatalf("%d shards: %d controls decided of %d, errors %v", n, len(out.Findings), len(ps), out.Errors)
		}
		outs = append(outs, out)
	}
	for id, want := range outs[0].Findings {
		if got := outs[1].Findings[id]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: three shards found %v, one compile %v", id, got, want)
		}
	}
	if !reflect.DeepEqual(outs[0].Gate, outs[1].Gate) || !reflect.DeepEqual(outs[0].Waivers, outs[1].Waivers) {
		t.Error("the applicability gate or the waivers differ between shards and one compile")
	}
}
