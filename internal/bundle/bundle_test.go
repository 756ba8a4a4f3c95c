package bundle

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
)

var kinds = []string{"Account", "Person", "Role"}

func load(t *testing.T, files map[string]string) (*Bundle, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	b, diags, err := Load(fsys, Options{Kinds: kinds, Prefix: "ev"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return b, out
}

func TestDecodeRecordsWithPositions(t *testing.T) {
	b, diags := load(t, map[string]string{
		"people/a.yaml": "kind: Person\nid: alice\nstart_date: 2024-01-01\nroles:\n  - {role: Role/eng, from: 2024-01-01}\n" +
			"---\n# a comment\nkind: Person\nid: bob\nstart_date: 2024-02-01\n",
		"roles.json":    `[{"kind": "Role", "id": "eng", "min_holders": 2}]`,
		"notes.txt":     "not evidence",
		".hidden/x.yml": "kind: Nope\n",
	})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(b.Records) != 3 || len(b.Files) != 2 {
		t.Fatalf("%d records in %d files, want 3 in 2", len(b.Records), len(b.Files))
	}
	bob, ok := b.Get("Person/bob")
	if !ok {
		t.Fatal("Person/bob not indexed")
	}
	if got := bob.Pos.String(); got != "ev/people/a.yaml:8:1" {
		t.Errorf("bob at %s, want ev/people/a.yaml:8:1", got)
	}
	alice, _ := b.Get("Person/alice")
	if got := alice.FieldPos("roles.0.role").String(); got != "ev/people/a.yaml:5:6" {
		t.Errorf("alice roles.0.role at %s", got)
	}
	if got := alice.FieldPos("roles.0.nothing").String(); got != "ev/people/a.yaml:5:5" {
		t.Errorf("fallback to the enclosing element: %s", got)
	}
	eng, _ := b.Get("Role/eng")
	if eng.Value["min_holders"] != json.Number("2") {
		t.Errorf("numbers decode as json.Number: %#v", eng.Value["min_holders"])
	}
	if len(b.Digest()) != 64 {
		t.Errorf("digest %q", b.Digest())
	}
}

func TestAllProblemsInOneRun(t *testing.T) {
	_, diags := load(t, map[string]string{
		"a.yaml":   "kind: Person\nid: alice\nmanager: Person/nobody\n",
		"b.yaml":   "kind: Person\nid: alice\n",
		"c.yaml":   "kind: Laptop\nid: x\n",
		"d.yaml":   "kind: Person\nid: [oops\n",
		"e.json":   `{"kind": "Role", "id": 7}`,
		"f.yaml":   "id: lonely\n",
		"g.yaml":   "- just\n- strings\n",
		"h.yaml":   "kind: Role\nid: r\ntext: \"Person/alice and Laptop/x are not references to check\"\nlinks: {x: [Widget/y]}\n",
		"ok/z.yml": "kind: Role\nid: ok\n",
		"i.yaml":   "kind: Role\nid: twice\nmin_holders: 1\nmin_holders: 2\n",
		"j.json":   "{\"kind\": \"Role\",\n \"id\": }",
	})
	want := []string{
		"ev/a.yaml:3:10: manager: reference to Person/nobody, which does not exist",
		"ev/b.yaml:2:1: duplicate id Person/alice: already defined at ev/a.yaml:1:1",
		`ev/c.yaml:1:1: unknown kind "Laptop": known kinds are Account, Person, Role`,
		"ev/d.yaml:1:1: invalid syntax: did not find expected ',' or ']'",
		`ev/e.json:1:19: id must be a string: quote it, id: "7"`,
		"ev/f.yaml:1:1: record has no kind: every record needs kind and id",
		"ev/g.yaml:1:3: a list of records may hold only mappings with kind and id",
		"ev/g.yaml:2:3: a list of records may hold only mappings with kind and id",
		`ev/i.yaml:4:1: duplicate key "min_holders": first written at line 3`,
		"ev/j.json:2:8: invalid syntax: invalid character '}' looking for beginning of value",
	}
	if strings.Join(diags, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

func TestIsRef(t *testing.T) {
	for s, want := range map[string]bool{
		"Person/alice": true, "AISystem/support-bot": true, "Finding/cve-2025-1234": true,
		"person/alice": false, "https://x/y": false, "Person/": false, "Person/a/b": false,
	} {
		if IsRef(s) != want {
			t.Errorf("IsRef(%q) = %v", s, !want)
		}
	}
}
