package bundle

import (
	"regexp"
	"strings"
	"testing"
)

// TestLazyPositions checks the positions computed on first use from the file's bytes, for
// records that are a document, an element of a list of records, and a JSON value.
func TestLazyPositions(t *testing.T) {
	b, diags := load(t, map[string]string{
		"a.yaml": "# people\nkind: Person\nid: alice\nroles:\n  - {role: Role/eng, from: 2024-01-01}\n  - role: Role/ops\n    from: 2025-01-01\n" +
			"---\n- {kind: Role, id: eng}\n- kind: Role\n  id: ops\n  items: [a, [b, c]]\n",
		"b.json": "{\"kind\": \"Role\", \"id\": \"x\",\n \"items\": [{\"a\": 1}, {\"a\": {\"b\": true}}]}",
	})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	for _, tc := range []struct{ ref, path, want string }{
		{"Person/alice", "", "ev/a.yaml:2:1"},
		{"Person/alice", "roles", "ev/a.yaml:4:1"},
		{"Person/alice", "roles.0", "ev/a.yaml:5:5"},
		{"Person/alice", "roles.0.from", "ev/a.yaml:5:22"},
		{"Person/alice", "roles.1.from", "ev/a.yaml:7:5"},
		{"Person/alice", "roles.1.nothing", "ev/a.yaml:6:5"},
		{"Role/eng", "id", "ev/a.yaml:9:16"},
		{"Role/ops", "items.1.1", "ev/a.yaml:12:18"},
		{"Role/x", "items.1.a.b", "ev/b.json:2:30"},
		{"Role/x", "nothing.at.all", "ev/b.json:1:3"},
	} {
		r, ok := b.Get(tc.ref)
		if !ok {
			t.Fatalf("%s not found", tc.ref)
		}
		if got := r.FieldPos(tc.path).String(); got != tc.want {
			t.Errorf("%s %s at %s, want %s", tc.ref, tc.path, got, tc.want)
		}
	}
	// The syntax tree decoded again is the record's own.
	for _, ref := range []string{"Person/alice", "Role/eng", "Role/ops", "Role/x"} {
		r, _ := b.Get(ref)
		expr, err := r.Syntax()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := expr.Pos().Line(), r.Pos.Line; got > want || want-got > 1 {
			t.Errorf("%s: syntax tree at line %d, record at line %d", ref, got, want)
		}
	}
}

// TestSyntaxAfterLaterSyntaxError: a syntax error in a later document does not keep the
// records before it from being validated.
func TestSyntaxAfterLaterSyntaxError(t *testing.T) {
	b, diags := load(t, map[string]string{"a.yaml": "kind: Role\nid: a\n---\nkind: Role\n id: bad\n"})
	if len(diags) != 1 || !strings.Contains(diags[0], "invalid syntax") {
		t.Fatalf("diagnostics: %v", diags)
	}
	r, _ := b.Get("Role/a")
	if _, err := r.Syntax(); err != nil {
		t.Fatal(err)
	}
}

func TestDuplicateKeys(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"kind: Role\nid: a\nx: {a: 1, b: 2, a: 3}\n", `ev/a.yaml:3:17: duplicate key "a": first written at line 3`},
		{"kind: Role\nid: a\nx: [{a: 1}, {a: 1, a: 2}]\n", `ev/a.yaml:3:20: duplicate key "a": first written at line 3`},
		// A key with a dot can give the path of another field.
		{"kind: Role\nid: a\nb.c: 1\nb: {c: 2}\n", `ev/a.yaml:4:5: duplicate key "c": first written at line 3`},
		{"kind: Role\nid: a\nb: {c: 2}\nb.c: 1\n", `ev/a.yaml:4:1: duplicate key "b.c": first written at line 3`},
		{"kind: Role\nid: a\nl: [x]\nl.0: y\n", `ev/a.yaml:4:1: duplicate key "l.0": first written at line 3`},
	} {
		_, diags := load(t, map[string]string{"a.yaml": tc.src})
		if strings.Join(diags, "\n") != tc.want {
			t.Errorf("%q:\ngot  %v\nwant %s", tc.src, diags, tc.want)
		}
	}
}

func TestFaithful(t *testing.T) {
	for _, tc := range []struct {
		value    string
		faithful bool
	}{
		{"1", true}, {"-1", true}, {"1.5", true}, {"1e3", true}, {"0x1F", true}, {"0o17", true}, {"text", true},
		{"2026-02-30", true}, {"yes", true}, {"~", true}, {"[1, {a: 2.5}]", true},
		{"1.", false}, {".5", false}, {"1_000.5", false}, {"!!float 1", false}, {"!!binary aGVsbG8=", false},
		{"99999999999999999999", true}, // refused as out of range: no record
	} {
		b, _ := load(t, map[string]string{"a.yaml": "kind: Role\nid: a\nx: " + tc.value + "\n"})
		r, ok := b.Get("Role/a")
		if !ok {
			continue
		}
		if r.Faithful() != tc.faithful {
			t.Errorf("x: %s: Faithful() = %v", tc.value, r.Faithful())
		}
	}
}

func TestLoneCarriageReturn(t *testing.T) {
	_, diags := decodeFile("f.yaml", []byte("\r\r0"), DefaultLimits)
	if len(diags) != 1 || diags[0].String() != `f.yaml:1:1: invalid syntax: a line ends with a lone carriage return (\r): save the file with \n or \r\n line endings` {
		t.Errorf("diagnostics: %v", diags)
	}
}

var refPattern = regexp.MustCompile(`^[A-Z][A-Za-z]+/[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// FuzzIsRef checks that the hand-written matcher agrees with the pattern of a reference.
func FuzzIsRef(f *testing.F) {
	for _, s := range []string{"Person/alice", "person/alice", "Person/", "P/x", "AB/x", "Person/a/b",
		"AISystem/x.y:z-1", "/x", "", "Ab/_x", "Ab/x_", "Ab/é", "Ab/x\n", "ABC/-", "A1/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isRef(s) != refPattern.MatchString(s) {
			t.Fatalf("isRef(%q) = %v, pattern says %v", s, isRef(s), refPattern.MatchString(s))
		}
	})
}
