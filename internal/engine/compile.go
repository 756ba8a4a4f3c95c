// Package engine compiles the embedded Rego policies once, in a sandbox without network,
// clock or randomness, and evaluates every control for one as-of date.
package engine

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/policies"
)

// refused lists builtins no policy may call: they reach the network, the runtime or the clock,
// or give a different answer on every run.
var refused = map[string]bool{
	"http.send":          true,
	"opa.runtime":        true,
	"net.lookup_ip_addr": true,
	"time.now_ns":        true,
	"rand.intn":          true,
	"uuid.rfc4122":       true,
}

// Capabilities returns the sandbox: Rego v1 builtins less every networked, runtime-reading or
// nondeterministic one.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion(ast.CapabilitiesRegoVersion(ast.RegoV1))
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if refused[b.Name] || b.Nondeterministic || strings.HasPrefix(b.Name, "net.") {
			continue
		}
		kept = append(kept, b)
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// Module is one Rego source file.
type Module struct {
	Path   string // slash path, such as policies/iso27001/a8_8/a8_8.rego
	Source string
}

// IsTest reports whether a module holds Rego tests.
func (m Module) IsTest() bool { return strings.HasSuffix(m.Path, "_test.rego") }

// BuiltinModules returns the embedded policy files, tests included, sorted by path.
func BuiltinModules() ([]Module, error) {
	var mods []Module
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".rego" {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		mods = append(mods, Module{Path: "policies/" + p, Source: string(b)})
		return nil
	})
	slices.SortFunc(mods, func(a, b Module) int { return strings.Compare(a.Path, b.Path) })
	return mods, err
}

// Parse parses modules as Rego v1 with annotations, under the sandbox capabilities, on every
// processor.
func Parse(mods []Module) (map[string]*ast.Module, error) {
	caps := Capabilities()
	parsed := make([]*ast.Module, len(mods))
	errs := make([]error, len(mods))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(mods)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(mods); i = int(next.Add(1) - 1) {
				parsed[i], errs[i] = ast.ParseModuleWithOpts(mods[i].Path, mods[i].Source, ast.ParserOptions{
					ProcessAnnotation: true,
					RegoVersion:       ast.RegoV1,
					Capabilities:      caps,
				})
			}
		})
	}
	wg.Wait()
	out := make(map[string]*ast.Module, len(mods))
	var all ast.Errors
	for i, m := range mods {
		if err := errs[i]; err != nil {
			es, ok := err.(ast.Errors)
			if !ok {
				return nil, err
			}
			all = append(all, es...)
			continue
		}
		out[m.Path] = parsed[i]
	}
	if len(all) > 0 {
		return nil, all
	}
	return out, nil
}

// NewCompiler returns a fresh compiler configured for the sandbox: strict, Rego v1.
func NewCompiler() *ast.Compiler {
	return ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithStrict(true).
		WithEnablePrintStatements(true).
		WithDefaultRegoVersion(ast.RegoV1)
}

// checkStages only check policies and change nothing that evaluation relies on. The built-in
// policies pass them in the test suite (TestRegoTests, TestPolicyGates compile them strictly),
// so a run without custom policies skips them; custom policies always get every check.
var checkStages = []ast.StageID{
	ast.StageCheckUnusedImports, ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls, ast.StageCheckRuleConflicts, ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads, ast.StageCheckRecursion, ast.StageCheckTypes, ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins, ast.StageBuildRequiredCapabilities,
}

// noopStages rewrite constructs that the built-in policies do not use (print calls, template
// strings, rego.metadata calls, with, test tracing) or redo what the parser already did
// (METADATA blocks). TestTrustedStagesChangeNothing checks that skipping them leaves the
// compiled built-in policies unchanged.
var noopStages = []ast.StageID{
	ast.StageRewritePrintCalls, ast.StageRewriteTemplateStrings, ast.StageRewriteRegoMetadataCalls,
	ast.StageRewriteWithValues, ast.StageRewriteTestRulesForTracing, ast.StageParseMetadataBlocks,
}

// libPrefix holds the helpers every control package may use; a control package uses nothing
// else (TestControlsUseOnlyTheLibrary), so the built-in set compiles in independent shards.
const libPrefix = "policies/lib/"

// compile parses and compiles the modules that are not tests, with every check.
func compile(mods []Module) (*ast.Compiler, error) {
	parsed, err := Parse(production(mods))
	if err != nil {
		return nil, policyErrors(err)
	}
	return compileParsed(parsed, false)
}

func production(mods []Module) []Module {
	var prod []Module
	for _, m := range mods {
		if !m.IsTest() {
			prod = append(prod, m)
		}
	}
	return prod
}

// compileParsed compiles parsed modules; trusted skips the pure checks and the stages that
// change nothing in the built-in policies.
func compileParsed(parsed map[string]*ast.Module, trusted bool) (*ast.Compiler, error) {
	c := NewCompiler()
	if trusted {
		c = c.WithStrict(false).WithSkipStages(slices.Concat(checkStages, noopStages)...)
	}
	c.Compile(parsed)
	if c.Failed() {
		return nil, policyErrors(c.Errors)
	}
	return c, nil
}

// compileShards compiles the built-in policies as n shards in parallel: each holds the library
// and a share of the control packages, balanced by size. Compiling is single-threaded in OPA;
// the library compiled n times costs less than the processors it brings in.
func compileShards(parsed map[string]*ast.Module, sizes map[string]int, n int) ([]*ast.Compiler, map[string]int, error) {
	var lib, own []string
	for path := range parsed {
		if strings.HasPrefix(path, libPrefix) {
			lib = append(lib, path)
		} else {
			own = append(own, path)
		}
	}
	n = max(1, min(n, len(own)))
	slices.SortFunc(own, func(a, b string) int { return cmp.Or(cmp.Compare(sizes[b], sizes[a]), strings.Compare(a, b)) })
	sets := make([]map[string]*ast.Module, n)
	load := make([]int, n)
	for i := range sets {
		sets[i] = make(map[string]*ast.Module, len(lib)+len(own)/n+1)
		for _, p := range lib {
			sets[i][p] = parsed[p]
		}
	}
	shardOf := make(map[string]int, len(own))
	for _, p := range own {
		i := slices.Index(load, slices.Min(load))
		sets[i][p] = parsed[p]
		load[i] += sizes[p]
		shardOf[parsed[p].Package.Path.String()] = i
	}
	shards := make([]*ast.Compiler, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range sets {
		wg.Go(func() { shards[i], errs[i] = compileParsed(sets[i], true) })
	}
	wg.Wait()
	var lines PolicyErrors
	for _, err := range errs {
		var pe PolicyErrors
		if errors.As(err, &pe) {
			lines = append(lines, pe...)
		} else if err != nil {
			return nil, nil, err
		}
	}
	if len(lines) > 0 {
		slices.Sort(lines)
		return nil, nil, slices.Compact(lines)
	}
	return shards, shardOf, nil
}

// PolicyErrors are problems in policy sources, each at file:line:col.
type PolicyErrors []string

func (e PolicyErrors) Error() string { return strings.Join(e, "\n") }

// policyErrors formats OPA's errors as one "file:line:col: message" line each.
func policyErrors(err error) error {
	es, ok := err.(ast.Errors)
	if !ok {
		return err
	}
	var out PolicyErrors
	for _, e := range es {
		loc := ""
		if e.Location != nil {
			loc = fmt.Sprintf("%s:%d:%d: ", e.Location.File, e.Location.Row, e.Location.Col)
		}
		out = append(out, fmt.Sprintf("%s%s: %s", loc, e.Code, e.Message))
	}
	slices.Sort(out)
	return out
}

// Policy describes the policy package that decides one control, from its METADATA.
type Policy struct {
	Control     string   `json:"control"`
	Package     string   `json:"package"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Class       string   `json:"class"`
	Evidence    []string `json:"evidence"`
	Rules       []Rule   `json:"rules"`
	Decisions   []string `json:"decisions,omitempty"`
	File        string   `json:"file"`
	// Custom is set for the organization's own policies.
	Custom bool `json:"custom,omitempty"`
	// Extends names the control whose rules this package adds to, for extension packages.
	Extends string `json:"extends,omitempty"`
	// Group groups a custom control in reports.
	Group string `json:"group,omitempty"`
}

// Rule is one rule of a control, in plain words.
type Rule struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// compareRuleIDs orders R2 before R10.
func compareRuleIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// Basis returns "attested" for controls that rest on a person's attestation (class b or c)
// and "records" for the others.
func (p Policy) Basis() string {
	if p.Class == "b" || p.Class == "c" {
		return "attested"
	}
	return "records"
}

func policiesOf(cs []*ast.Compiler) ([]Policy, []Policy, error) {
	var out, ext []Policy
	seen := map[string]string{}
	var refs []*ast.AnnotationsRef
	for _, c := range cs {
		refs = append(refs, c.GetAnnotationSet().Flatten()...)
	}
	for _, ar := range refs {
		a := ar.Annotations
		if a.Scope != "package" {
			continue
		}
		id, _ := a.Custom["control"].(string)
		extends, _ := a.Custom["extends"].(string)
		if id == "" && extends == "" {
			continue
		}
		pkg := strings.TrimPrefix(ar.Path.String(), "data.")
		p := Policy{
			Control: id, Package: pkg, Title: a.Title, Description: strings.TrimSpace(a.Description),
			File: ar.Location.File, Custom: !strings.HasPrefix(pkg, "annexa."),
		}
		p.Class, _ = a.Custom["class"].(string)
		p.Group, _ = a.Custom["group"].(string)
		p.Evidence = strings_(a.Custom["evidence"])
		p.Decisions = strings_(a.Custom["decisions"])
		if rules, ok := a.Custom["rules"].(map[string]any); ok {
			for id, text := range rules {
				s, _ := text.(string)
				p.Rules = append(p.Rules, Rule{ID: id, Text: strings.TrimSpace(s)})
			}
			slices.SortFunc(p.Rules, func(a, b Rule) int { return compareRuleIDs(a.ID, b.ID) })
		}
		if extends != "" {
			p.Control, p.Extends = extends, extends
			ext = append(ext, p)
			continue
		}
		if prev, dup := seen[id]; dup {
			return nil, nil, fmt.Errorf("%s: control %s is already decided by package %s: use custom.extends to add rules to it",
				ar.Location.File, id, prev)
		}
		seen[id] = pkg
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Policy) int { return strings.Compare(a.Control, b.Control) })
	slices.SortFunc(ext, func(a, b Policy) int { return strings.Compare(a.Package, b.Package) })
	return out, ext, nil
}

func strings_(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// builtin is the compiled embedded policy set, built once per process.
var builtin = sync.OnceValues(func() (*compiled, error) {
	mods, err := BuiltinModules()
	if err != nil {
		return nil, err
	}
	return newCompiledWith(mods, true)
})

type compiled struct {
	// shards compile the policy set in parts: the built-in set as several shards that each
	// hold the library and some control packages, a set with custom policies as one.
	shards     []*ast.Compiler
	shardOf    map[string]int // package path (data.annexa...) -> shard
	policies   []Policy
	extensions []Policy
	modules    []Module
	digest     string
}

// shardFor returns the shard that holds a package.
func (c *compiled) shardFor(pkg string) int { return c.shardOf["data."+pkg] }

func newCompiled(mods []Module) (*compiled, error) { return newCompiledWith(mods, false) }

// newCompiledWith compiles a policy set: trusted (the built-in policies, tested) in parallel
// shards without the pure checks, otherwise as one set with every check.
func newCompiledWith(mods []Module, trusted bool) (*compiled, error) {
	prod := production(mods)
	parsed, err := Parse(prod)
	if err != nil {
		return nil, policyErrors(err)
	}
	var shards []*ast.Compiler
	var shardOf map[string]int
	if trusted {
		sizes := make(map[string]int, len(prod))
		for _, m := range prod {
			sizes[m.Path] = len(m.Source)
		}
		shards, shardOf, err = compileShards(parsed, sizes, min(runtime.GOMAXPROCS(0), maxShards))
	} else {
		var c *ast.Compiler
		c, err = compileParsed(parsed, false)
		shards = []*ast.Compiler{c}
	}
	if err != nil {
		return nil, err
	}
	ps, ext, err := policiesOf(shards)
	if err != nil {
		return nil, err
	}
	return &compiled{shards: shards, shardOf: shardOf, policies: ps, extensions: ext, modules: mods, digest: Digest(mods)}, nil
}

// maxShards bounds the shards of the built-in set: each compiles the library again.
const maxShards = 8

// Digest returns the sha256 of a policy set: of the sorted lines "sha256  path" of every
// module that is not a test.
func Digest(mods []Module) string {
	var lines []string
	for _, m := range mods {
		if m.IsTest() {
			continue
		}
		sum := sha256.Sum256([]byte(m.Source))
		lines = append(lines, hex.EncodeToString(sum[:])+"  "+m.Path+"\n")
	}
	slices.Sort(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "")))
	return hex.EncodeToString(sum[:])
}

// PackageFor returns the Rego package that decides a control: iso27001:A.5.15 is decided by
// annexa.iso27001.a5_15 and the clause iso42001:6.1.4 by annexa.iso42001.c6_1_4.
func PackageFor(control string) string {
	std, num, _ := strings.Cut(control, ":")
	prefix := "c"
	if rest, ok := strings.CutPrefix(num, "A."); ok {
		prefix, num = "a", rest
	}
	return "annexa." + std + "." + prefix + strings.ReplaceAll(num, ".", "_")
}

// Compile compiles a set of modules as the built-in policies are compiled, for benchmarks.
func Compile(mods []Module) (*Engine, error) {
	c, err := newCompiledWith(mods, true)
	if err != nil {
		return nil, err
	}
	return &Engine{c: c}, nil
}
