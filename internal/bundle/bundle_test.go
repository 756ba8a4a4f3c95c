package bundle

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
	"time"
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
		"empty.yaml":    "",
		"comments.yaml": "# kind: Person\n# id: nobody\n",
		".hidden/x.yml": "kind: Nope\n",
	})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(b.Records) != 3 || len(b.Files) != 4 {
		t.Fatalf("%d records in %d files, want 3 in 4", len(b.Records), len(b.Files))
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

func TestStrict(t *testing.T) {
	b, diags := load(t, map[string]string{
		"r.yaml": "kind: Role\nid: old\nreviews:\n  - {by: Person/a, on: 2026-01-05}\n  - {by: Person/a, on: 2026-05-01}\n" +
			"  - {by: Person/a, on: 2026-06-01}\n---\nkind: Role\nid: new\n",
		"p.yaml": "kind: Person\nid: a\n",
	})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	// Lines 1-4 and p.yaml were committed on 2026-01-10, line 5 on 2026-05-02 (back-dated
	// review 2026-01-05 is fine: 5 days), line 6 on 2026-07-01, the second record on 2026-08-01.
	committed := map[int]string{1: "2026-01-10", 2: "2026-01-10", 3: "2026-01-10", 4: "2026-01-10",
		5: "2026-05-02", 6: "2026-07-01", 8: "2026-08-01", 9: "2026-08-01"}
	lineTime := func(file string, line int) (time.Time, bool) {
		if file == "ev/p.yaml" {
			return day("2026-01-10"), true
		}
		s, ok := committed[line]
		return day(s), ok
	}
	removed, late := b.Strict(lineTime, day("2026-06-15"), 14*24*time.Hour)
	if got := strings.Join(removed, " "); got != "Role/new Role/old#reviews.2" {
		t.Errorf("removed %q", got)
	}
	if _, ok := b.Get("Role/new"); ok {
		t.Error("Role/new, committed after the cutoff, is still indexed")
	}
	old, _ := b.Get("Role/old")
	if n := len(old.Value["reviews"].([]any)); n != 2 {
		t.Errorf("%d reviews kept, want 2", n)
	}
	if len(late) != 0 {
		t.Errorf("late %v", late)
	}
	// A review dated 2026-01-05 first committed on 2026-05-02 is late beyond 14 days.
	committed[4] = "2026-05-02"
	b, _ = load(t, map[string]string{"r.yaml": "kind: Role\nid: old\nreviews:\n  - {by: Person/a, on: 2026-01-05}\n"})
	_, late = b.Strict(lineTime, day("2026-06-15"), 14*24*time.Hour)
	if len(late) != 1 || late[0].Message() != "Role/old#reviews.0.on states 2026-01-05 but was first committed on 2026-05-02" {
		t.Errorf("late %v", late)
	}
}

func TestStrictRenumbersPositions(t *testing.T) {
	b, _ := load(t, map[string]string{
		"r.yaml": "kind: Role\nid: x\nitems:\n  - {a: 1}\n  - {a: 2}\n  - {a: 3}\n",
	})
	lineTime := func(_ string, line int) (time.Time, bool) {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), line != 5
	}
	b.Strict(lineTime, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), 0)
	r, _ := b.Get("Role/x")
	if got := r.FieldPos("items.1").Line; got != 6 {
		t.Errorf("items.1 (formerly items.2) at line %d, want 6", got)
	}
}
