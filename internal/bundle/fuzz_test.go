package bundle

import (
	"strings"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the evidence decoder as YAML and as JSON: it must
// return records or diagnostics, never panic, and every diagnostic must carry a position.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		"kind: Person\nid: alice\nstart_date: 2024-01-01\n",
		"kind: Person\nid: a\n---\nkind: Role\nid: r\nitems: [{a: 1}, {b: [1, 2]}]\n",
		"- {kind: Role, id: a}\n- {kind: Role, id: b}\n",
		"a: &a [1,2]\nb: *a\n",
		"kind: Person\nid: [oops\n",
		"kind: Person\nid: 0777\nn: -1e3\nm: 0x1F\nbig: 99999999999999999999\n",
		"kind: Person\nid: x\nx: 1\nx: 2\n",
		"\xef\xbb\xbfkind: Person\r\nid: bom\r\n",
		"kind: Person\nid: x\nevidence: [{uri: ../x, sha256: abc}]\n",
		`{"kind": "Role", "id": "r", "n": [1, {"a": null}]}`,
		"",
		"# only a comment\n",
	} {
		f.Add([]byte(seed), false)
		f.Add([]byte(seed), true)
	}
	lim := Limits{Depth: 16, StringBytes: 4096, RecordsPerFile: 100}.withDefaults()
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "f.yaml"
		if asJSON {
			name = "f.json"
		}
		recs, diags := decodeFile(name, data, lim)
		for _, d := range diags {
			if d.Pos.File != name || d.Pos.Line < 1 || d.Message == "" {
				t.Fatalf("diagnostic without a position or message: %+v", d)
			}
		}
		for _, r := range recs {
			if r.Kind == "" || r.ID == "" || r.Value == nil {
				t.Fatalf("record without kind, id or value: %+v", r)
			}
		}
	})
}

// FuzzRef checks the reference parser: a string is a reference exactly when it splits into a
// capitalised kind and an id without a further slash.
func FuzzRef(f *testing.F) {
	for _, s := range []string{"Person/alice", "person/alice", "Person/", "Person/a/b", "AISystem/x.y:z-1", "/x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !IsRef(s) {
			return
		}
		kind, id, ok := strings.Cut(s, "/")
		if !ok || kind == "" || id == "" || strings.Contains(id, "/") || kind[0] < 'A' || kind[0] > 'Z' {
			t.Fatalf("IsRef(%q) accepted a malformed reference", s)
		}
	})
}
