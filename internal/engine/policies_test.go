package engine

import (
	"context"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/schema"
)

// TestRegoTests runs every Rego test of the embedded policies.
func TestRegoTests(t *testing.T) {
	mods, err := BuiltinModules()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunTests(context.Background(), mods, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) == 0 {
		t.Fatal("no Rego tests ran")
	}
	for _, r := range rep.Results {
		if !r.Passed {
			t.Errorf("%s.%s (%s): %s", r.Package, r.Name, r.Location, r.Message)
		}
	}
	t.Logf("%d Rego tests", len(rep.Results))
}

// TestPolicyGates checks the conventions every control package must keep: the package
// matches its folder and control id, METADATA names a catalog control with its exact title, a
// description, a class and evidence kinds, a test file sits beside it with passing and
// failing cases, and the source is opa fmt clean.
func TestPolicyGates(t *testing.T) {
	mods, err := BuiltinModules()
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.MustLoad()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]Module{}
	for _, m := range mods {
		byPath[m.Path] = m
		formatted, err := format.SourceWithOpts(m.Path, []byte(m.Source), format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", m.Path, err)
		} else if string(formatted) != m.Source {
			t.Errorf("%s is not formatted: run opa fmt (make fmt)", m.Path)
		}
	}
	kinds := knownKinds(t)
	for _, p := range e.Policies() {
		ctl, ok := cat.Get(p.Control)
		if !ok {
			t.Errorf("%s: METADATA control %q is not in the catalog", p.File, p.Control)
			continue
		}
		if want := PackageFor(p.Control); p.Package != want {
			t.Errorf("%s: package %s, want %s", p.File, p.Package, want)
		}
		if want := "policies/" + strings.ReplaceAll(strings.TrimPrefix(PackageFor(p.Control), "annexa."), ".", "/") + "/"; !strings.HasPrefix(p.File, want) {
			t.Errorf("%s: want the policy in %s", p.File, want)
		}
		if p.Title != ctl.Title {
			t.Errorf("%s: METADATA title %q, catalog title %q", p.File, p.Title, ctl.Title)
		}
		if len(p.Description) < 40 {
			t.Errorf("%s: METADATA description is missing or too short", p.File)
		}
		if !slices.Contains([]string{"a", "b", "c"}, p.Class) {
			t.Errorf("%s: METADATA custom.class must be a, b or c, got %q", p.File, p.Class)
		}
		if len(p.Evidence) == 0 {
			t.Errorf("%s: METADATA custom.evidence lists no evidence kinds", p.File)
		}
		for _, k := range p.Evidence {
			if !kinds[k] {
				t.Errorf("%s: METADATA evidence names unknown kind %q", p.File, k)
			}
		}
		testFile := strings.TrimSuffix(p.File, ".rego") + "_test.rego"
		tm, ok := byPath[testFile]
		if !ok {
			t.Errorf("%s: no test file %s beside it", p.File, path.Base(testFile))
			continue
		}
		if !strings.Contains(tm.Source, "package "+p.Package+"_test\n") {
			t.Errorf("%s: want package %s_test", testFile, p.Package)
		}
		checkRuleTests(t, p, byPath[p.File].Source, tm.Source)
	}
}

var ruleName = regexp.MustCompile(`result\.(?:check|require)\(\s*"(R\d+)"`)

// checkRuleTests requires a test_pass_ and a test_fail_ case that name each rule of a control.
func checkRuleTests(t *testing.T, p Policy, src, tests string) {
	t.Helper()
	rules := map[string]bool{}
	for _, m := range ruleName.FindAllStringSubmatch(src, -1) {
		rules[m[1]] = true
	}
	if len(rules) == 0 {
		t.Errorf("%s: no rule decided through result.check or result.require", p.File)
	}
	var documented []string
	for _, r := range p.Rules {
		documented = append(documented, r.ID)
		if r.Text == "" {
			t.Errorf("%s: METADATA custom.rules.%s is empty", p.File, r.ID)
		}
	}
	for r := range rules {
		if !slices.Contains(documented, r) {
			t.Errorf("%s: rule %s is not described in METADATA custom.rules", p.File, r)
		}
	}
	for _, r := range documented {
		if !rules[r] {
			t.Errorf("%s: METADATA custom.rules.%s is decided by no result.check or result.require", p.File, r)
		}
	}
	lower := strings.ToLower(tests)
	if !strings.Contains(lower, "test_pass_") {
		t.Errorf("%s: no test_pass_ case", p.File)
	}
	for r := range rules {
		if !strings.Contains(lower, "test_fail_"+strings.ToLower(r)+"_") {
			t.Errorf("%s: rule %s has no failing test (test_fail_%s_...)", p.File, r, strings.ToLower(r))
		}
	}
}

func TestPackageFor(t *testing.T) {
	for in, want := range map[string]string{
		"iso27001:A.5.15":  "annexa.iso27001.a5_15",
		"iso42001:A.6.2.4": "annexa.iso42001.a6_2_4",
		"iso27001:9.2":     "annexa.iso27001.c9_2",
		"iso42001:6.1.4":   "annexa.iso42001.c6_1_4",
	} {
		if got := PackageFor(in); got != want {
			t.Errorf("PackageFor(%q) = %q, want %q", in, got, want)
		}
	}

}

func knownKinds(t *testing.T) map[string]bool {
	t.Helper()
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, k := range s.Kinds() {
		out[k] = true
	}
	return out
}
