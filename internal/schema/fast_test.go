package schema

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/gen"
)

// TestFastOpaque lists where the fast checker leaves the decision to CUE. A schema change
// that adds a construct the checker does not know shows up here: the records that use it
// are still validated correctly, by CUE, but slowly.
func TestFastOpaque(t *testing.T) {
	s := mustLoad(t)
	for _, kind := range s.Kinds() {
		if _, ok := s.fast[kind].(*structCheck); !ok {
			t.Errorf("%s: no fast checker: %v", kind, s.opaque[kind])
			continue
		}
		for _, where := range s.opaque[kind] {
			switch {
			case kind == "ManagementSystem" && strings.HasPrefix(where, "parameters."):
				// list parameters with a default: *["a", "b"] | [...string]
			case kind == "Role" && strings.HasPrefix(where, "required_competences[]:"):
				// #Competence is a disjunction of structs
			default:
				t.Errorf("%s: fast checker gives up at %s", kind, where)
			}
		}
	}
}

// TestFastAgreesWithCUE checks that the fast checker never accepts a record that CUE
// rejects: on the example bundle, a generated bundle, YAML typing traps and thousands of
// mutations of their records (wrong types, near-miss strings, impossible dates, unknown and
// missing fields). It also checks that the checker accepts the valid records it should, so
// that it stays fast.
func TestFastAgreesWithCUE(t *testing.T) {
	s := mustLoad(t)
	var samples []*bundle.Record
	perKind := map[string]int{}
	take := func(recs []*bundle.Record, max int) {
		for _, r := range recs {
			if perKind[r.Kind] < max {
				perKind[r.Kind]++
				samples = append(samples, r)
			}
		}
	}
	files, err := gen.Generate(gen.Options{Records: 1500, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	generated := loadRecords(t, s, fsys)
	var example []*bundle.Record
	if _, err := os.Stat("../../evidence"); err == nil {
		example = loadRecords(t, s, os.DirFS("../../evidence"))
	}
	// Every record of the corpus: the checker agrees with CUE, and accepts valid records
	// unless they use a construct it leaves to CUE.
	fastMisses := 0
	for _, r := range slices.Concat(generated, example) {
		cueOK := s.validateCUE(r, s.defs[r.Kind]) == nil
		fastOK := s.fastValid(r)
		if fastOK && !cueOK {
			t.Errorf("%s %s: fast checker accepts a record CUE rejects: %v", r.Pos, r.Ref(), s.validateCUE(r, s.defs[r.Kind]))
		}
		if cueOK && !fastOK && r.Kind != "ManagementSystem" && r.Kind != "Role" {
			fastMisses++
			if fastMisses < 5 {
				t.Errorf("%s %s: valid, but the fast checker leaves it to CUE", r.Pos, r.Ref())
			}
		}
	}
	samplesPerKind := 2
	mutationsPerRecord := 150
	if testing.Short() {
		samplesPerKind, mutationsPerRecord = 1, 40
	}
	if n, err := strconv.Atoi(os.Getenv("ANNEXA_FAST_MUTATIONS")); err == nil {
		mutationsPerRecord = n
	}
	take(example, samplesPerKind)
	take(generated, samplesPerKind)

	pool := mutationPool(s)
	rng := rand.New(rand.NewPCG(1, 2))
	var both, onlyCUE, neither int
	for _, base := range samples {
		var variants []any
		for i := range mutationsPerRecord {
			v := deepCopy(base.Value).(map[string]any)
			mutate(rng, s, base.Kind, v, pool)
			if id, ok := v["id"].(string); ok && id == base.ID {
				v["id"] = fmt.Sprintf("%s-m%d", base.ID, i)
			}
			variants = append(variants, v)
		}
		data, err := json.Marshal(variants)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range loadRecords(t, s, fstest.MapFS{"m.json": {Data: data}}) {
			def, ok := s.defs[r.Kind]
			if !ok {
				continue
			}
			cueOK := s.validateCUE(r, def) == nil
			fastOK := s.fastValid(r)
			switch {
			case fastOK && !cueOK:
				b, _ := json.Marshal(r.Value)
				t.Errorf("fast checker accepts a %s that CUE rejects (%v):\n%s", r.Kind, s.validateCUE(r, def), b)
			case fastOK:
				both++
			case cueOK:
				onlyCUE++
			default:
				neither++
			}
		}
	}
	t.Logf("mutations: %d valid (both), %d valid for CUE only, %d invalid", both, onlyCUE, neither)
	if both == 0 || neither == 0 {
		t.Errorf("the mutations should give both valid and invalid records")
	}
}

// TestFastYAMLTyping feeds YAML whose typing is a trap (numbers that are floats, octal, hex,
// bytes, yes/no, null) through both paths.
func TestFastYAMLTyping(t *testing.T) {
	s := mustLoad(t)
	values := []string{
		"30", "30.0", "3e1", "0x1E", "0o36", "036", "1_000", ".5", "30.", "-1", "-0", "+5",
		"!!float 30", "!!int 30", "!!str 30", "!!binary aGVsbG8=", "yes", "no", "on", "~", "null", "",
		"true", "True", "2026-02-28", "2026-02-30", "2026-02-28T10:00:00Z", "2026-02-28T10:00:00",
		"2026-02-28 10:00:00Z", "2026-02-28T10:00:00.5+01:00", "'2026-02-28'", "Person/alice",
		"\"Person/alice\"", "[Person/alice]", "{}", "[]", "1e400", "9223372036854775808",
	}
	fields := []string{"retention_days", "review_interval_days", "start_date", "remote_eligible",
		"hris_id", "manager", "owner", "title"}
	var src strings.Builder
	n := 0
	for _, f := range fields {
		for _, v := range values {
			start := "2024-01-01"
			if f == "start_date" {
				start = v
			}
			fmt.Fprintf(&src, "---\nkind: Person\nid: p%d\nemployment_type: employee\nstart_date: %s\n", n, start)
			if f != "start_date" {
				fmt.Fprintf(&src, "%s: %s\n", f, v)
			}
			n++
		}
	}
	for _, v := range values {
		fmt.Fprintf(&src, "---\nkind: Asset\nid: a%d\nasset_type: server\nowner: Person/x\nclassification: internal\n"+
			"criticality: low\nenvironment: prod\nbackup: {required: true, frequency_hours: %s, retention_days: %s}\n", n, v, v)
		n++
	}
	recs := loadRecords(t, s, fstest.MapFS{"y.yaml": {Data: []byte(src.String())}})
	if len(recs) < 100 {
		t.Fatalf("only %d records decoded", len(recs))
	}
	for _, r := range recs {
		cueOK := s.validateCUE(r, s.defs[r.Kind]) == nil
		if s.fastValid(r) && !cueOK {
			t.Errorf("%s: fast checker accepts a record CUE rejects: %v", r.Pos, r.Value)
		}
	}
}

func loadRecords(t *testing.T, s *Schema, fsys fs.FS) []*bundle.Record {
	t.Helper()
	b, _, err := bundle.Load(fsys, bundle.Options{Kinds: s.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	return b.Records
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = deepCopy(e)
		}
		return l
	}
	return v
}

// mutationPool holds scalar values that are valid somewhere in the schema (every enum value,
// references of every kind, dates, timestamps, bounds) and near misses of them.
func mutationPool(s *Schema) []any {
	pool := []any{
		"", "x", " ", "Person/alice", "Person/", "person/alice", "Person/-x", "Person/alice\n", "Role/boss",
		"Asset/a b", "Kind/id", "all", "manual", "integration/okta", "integration/", "iso27001:A.5.15",
		"iso27001:A.5.15-A.5.18", "iso42001:6.1.4", "iso9001:1", "iso27001:2022", "1.2.3", "1.2.3-rc.1", "1.2",
		"2026-02-28", "2026-02-30", "2026-2-28", "2026-02-28T10:00:00Z", "2026-02-28T10:00:00",
		"2026-02-28T10:00:00.123+01:00", "2026-02-28T25:00:00Z", "2026-02-28 ", "a-b", "A-B", "a_b",
		json.Number("0"), json.Number("1"), json.Number("-1"), json.Number("5"), json.Number("6"),
		json.Number("1.5"), json.Number("100"), json.Number("100.5"), json.Number("3650"), json.Number("3651"),
		json.Number("1e3"), json.Number("0.0"), json.Number("1.0"), true, false, nil,
	}
	seen := map[string]bool{}
	var walk func(c check)
	walk = func(c check) {
		switch x := c.(type) {
		case strEnum:
			for k := range x {
				if !seen[k] {
					seen[k] = true
					pool = append(pool, k, strings.ToUpper(k), k+"x")
				}
			}
		case *structCheck:
			for _, f := range x.fields {
				walk(f)
			}
			for _, p := range x.patterns {
				walk(p.value)
			}
		case listCheck:
			walk(x.elem)
		case allOf:
			for _, e := range x {
				walk(e)
			}
		case anyOf:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, kind := range s.Kinds() {
		walk(s.fast[kind])
		pool = append(pool, kind+"/x", kind+"/")
	}
	return pool
}

// mutate changes one or a few places of a record value.
func mutate(rng *rand.Rand, s *Schema, kind string, v map[string]any, pool []any) {
	type place struct {
		parent any
		key    string
		index  int
	}
	var places []place
	var walk func(x any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			for k, e := range x {
				places = append(places, place{parent: x, key: k})
				walk(e)
			}
		case []any:
			for i, e := range x {
				places = append(places, place{parent: x, index: i})
				walk(e)
			}
		}
	}
	walk(v)
	slices.SortFunc(places, func(a, b place) int { return strings.Compare(a.key, b.key) }) // deterministic order
	value := func() any {
		switch rng.IntN(12) {
		case 0:
			return []any{}
		case 1:
			return map[string]any{}
		case 2:
			return []any{pool[rng.IntN(len(pool))]}
		case 3:
			return map[string]any{"zz_unknown": "x"}
		}
		return pool[rng.IntN(len(pool))]
	}
	for range 1 + rng.IntN(2) {
		switch op := rng.IntN(10); {
		case op == 0 && len(places) > 0: // delete a field or an element
			p := places[rng.IntN(len(places))]
			if m, ok := p.parent.(map[string]any); ok {
				delete(m, p.key)
			} else if l, ok := p.parent.([]any); ok && p.index < len(l) {
				l[p.index] = value()
			}
		case op == 1: // add an unknown field somewhere
			if len(places) > 0 {
				p := places[rng.IntN(len(places))]
				if m, ok := p.parent.(map[string]any); ok {
					m["zz_unknown"] = value()
					continue
				}
			}
			v["zz_unknown"] = value()
		case op == 2: // set a declared top-level field
			if sc, ok := s.fast[kind].(*structCheck); ok {
				names := make([]string, 0, len(sc.fields))
				for n := range sc.fields {
					names = append(names, n)
				}
				slices.Sort(names)
				v[names[rng.IntN(len(names))]] = value()
			}
		default: // replace a value
			if len(places) == 0 {
				continue
			}
			p := places[rng.IntN(len(places))]
			switch parent := p.parent.(type) {
			case map[string]any:
				if _, still := parent[p.key]; still {
					parent[p.key] = value()
				}
			case []any:
				if p.index < len(parent) {
					parent[p.index] = value()
				}
			}
		}
	}
}

// TestFastRecursive: a recursive definition compiles in bounded time; the checker gives up
// past a depth and leaves those records to CUE.
func TestFastRecursive(t *testing.T) {
	v := cuecontext.New().CompileString(`#T: {kind!: "T", a?: #T, b?: #T, c?: [...#T]}`)
	c, opaque := compileFast(v.LookupPath(cue.ParsePath("#T")), map[string]*regexp.Regexp{})
	if len(opaque) == 0 {
		t.Errorf("a recursive definition should be partly left to CUE")
	}
	if !c.ok(map[string]any{"kind": "T"}) {
		t.Errorf("record rejected")
	}
	if c.ok(map[string]any{"kind": "T", "a": map[string]any{"kind": "U"}}) {
		t.Errorf("invalid record accepted")
	}
}
