package catalog

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCounts(t *testing.T) {
	c := MustLoad()
	count := func(std, kind string) int {
		n := 0
		for _, ctl := range c.Filter(std) {
			if ctl.Kind == kind {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		std, kind string
		want      int
	}{
		{ISO27001, KindAnnexA, 93},
		{ISO42001, KindAnnexA, 38},
		{ISO27001, KindClause, 25},
		{ISO42001, KindClause, 27},
	} {
		if got := count(tc.std, tc.kind); got != tc.want {
			t.Errorf("%s %s: %d controls, want %d", tc.std, tc.kind, got, tc.want)
		}
	}
	if len(c.Relations) < 100 {
		t.Errorf("only %d cross-mapping rows", len(c.Relations))
	}
}

// TestTitlesMatchReference compares ids and titles with the reference catalogs beside the
// checkout, when they are there.
func TestTitlesMatchReference(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "reference", "catalogs")
	c := MustLoad()
	for file, prefix := range map[string]string{
		"iso27001-2022-annexA.tsv": "iso27001:A.",
		"iso42001-2023-annexA.tsv": "iso42001:",
	} {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			t.Skipf("reference catalogs not present: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Scan() // header
		n := 0
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "\t")
			id := prefix + cols[0]
			ctl, ok := c.Get(id)
			if !ok {
				t.Errorf("%s missing", id)
				continue
			}
			if ctl.Title != cols[1] {
				t.Errorf("%s title %q, reference %q", id, ctl.Title, cols[1])
			}
			n++
		}
		f.Close()
		if n == 0 {
			t.Errorf("%s: no rows read", file)
		}
	}
}

func TestReportOrder(t *testing.T) {
	c := MustLoad()
	ids := []string{}
	for _, ctl := range c.Filter(ISO27001) {
		ids = append(ids, ctl.Number)
	}
	want := []string{"4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3"}
	for i, w := range want {
		if ids[i] != w {
			t.Fatalf("order starts %v, want %v", ids[:len(want)], want)
		}
	}
	a59, a510 := indexOf(ids, "A.5.9"), indexOf(ids, "A.5.10")
	if a59 < 0 || a510 < 0 || a59 > a510 {
		t.Errorf("A.5.9 must come before A.5.10: %d %d", a59, a510)
	}
	if last := ids[len(ids)-1]; last != "A.8.34" {
		t.Errorf("last 27001 control %s, want A.8.34", last)
	}
}

func indexOf(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return -1
}

func TestResolve(t *testing.T) {
	c := MustLoad()
	for _, tc := range []struct{ in, want, err string }{
		{in: "iso27001:A.5.15", want: "iso27001:A.5.15"},
		{in: "ISO27001:a.5.15", want: "iso27001:A.5.15"},
		{in: "A.5.15", want: "iso27001:A.5.15"},
		{in: "5.15", want: "iso27001:A.5.15"},
		{in: "27001:8.8", want: "iso27001:A.8.8"},
		{in: "iso27001:5.1", want: "iso27001:5.1"},
		{in: "iso27001:A.5.1", want: "iso27001:A.5.1"},
		{in: "A.6.2.4", want: "iso42001:A.6.2.4"},
		{in: "iso42001:6.1.4", want: "iso42001:6.1.4"},
		{in: "6.1.4", want: "iso42001:6.1.4"},
		{in: "A.5.2", err: "ambiguous"},
		{in: "9.2", err: "ambiguous"},
		{in: "A.99.1", err: "unknown control"},
		{in: "iso9001:4.1", err: "unknown standard"},
	} {
		got, err := c.Resolve(tc.in)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Resolve(%q) = %v, %v; want error containing %q", tc.in, got.ID, err, tc.err)
			}
		case err != nil:
			t.Errorf("Resolve(%q): %v", tc.in, err)
		case got.ID != tc.want:
			t.Errorf("Resolve(%q) = %s, want %s", tc.in, got.ID, tc.want)
		}
	}
}

func TestRelationsReferToKnownControls(t *testing.T) {
	c := MustLoad()
	rel := c.Related("iso42001:A.6.2.8")
	found := false
	for _, r := range rel {
		if r.To == "iso27001:A.8.15" {
			found = true
		}
	}
	if !found {
		t.Errorf("iso42001:A.6.2.8 should relate to iso27001:A.8.15 (logging): %v", rel)
	}
}
