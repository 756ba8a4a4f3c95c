package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/internal/report"
)

// copyDir copies the example bundle so a test can change one record.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func evalJSON(t *testing.T, dir string) *report.Report {
	t.Helper()
	r := annexa(t, "eval", dir, "--as-of", asOf, "--format", "json")
	if r.code > 1 {
		t.Fatalf("eval %s: exit %d: %s", dir, r.code, r.stderr)
	}
	rep, err := report.ReadJSON(bytes.NewReader([]byte(r.stdout)))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestBreakingOneRecord changes one record of the example bundle at a time, as real audits
// find gaps, and checks that exactly the controls that depend on it turn to fail, with a
// message that names the record.
func TestBreakingOneRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the example bundle several times")
	}
	base := evalJSON(t, exampleDir)
	for _, tc := range []struct {
		name, file, old, new string
		want                 []string // controls newly failing
		names                string   // a record the failing finding must name
	}{
		{
			name: "MFA disabled on an account",
			file: "accounts/okta.yaml", old: "mfa: {enabled: true, method: webauthn}", new: "mfa: {enabled: false}",
			want: mutationWant["mfa"], names: "Account/okta-",
		},
		{
			name: "approval removed from the access-control policy",
			file: "documents/pol-access-control.yaml", old: "decision: approved", new: "decision: rejected",
			want: mutationWant["approval"], names: "pol-access-control",
		},
		{
			name: "the latest Okta access review aged past its window",
			file: "access_reviews/ar-2026q3-okta.yaml", old: "completed_on: 2026-09-18", new: "completed_on: 2025-09-18",
			want: mutationWant["review"], names: "Asset/okta",
		},
		{
			name: "internal audit dated too long ago",
			file: "internal_audits/ia-2026.yaml", old: "performed_on: 2026-09-22", new: "performed_on: 2025-09-22",
			want: mutationWant["audit"], names: "InternalAudit/ia-2026",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDir(t, exampleDir)
			p := filepath.Join(dir, tc.file)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.old) {
				t.Fatalf("%s does not contain %q", tc.file, tc.old)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(b), tc.old, tc.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			d := report.Compare(base, evalJSON(t, dir), "before", "after")
			var got []string
			named := false
			for _, c := range d.Regressed {
				got = append(got, c.ID)
				for _, f := range c.Added {
					named = named || strings.Contains(f.Message, tc.names) || slices.ContainsFunc(f.Evidence,
						func(e report.Evidence) bool { return strings.Contains(e.Ref, tc.names) })
				}
			}
			for _, c := range d.Changed {
				if c.To == report.StatusFail {
					got = append(got, c.ID)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("newly failing %v, want %v", got, tc.want)
			}
			if !named {
				t.Errorf("no new failing finding names %s", tc.names)
			}
		})
	}
}

// mutationWant are the controls each change of TestBreakingOneRecord turns to fail.
var mutationWant = map[string][]string{
	"mfa":      {"iso27001:A.6.7", "iso27001:A.8.5"},
	"approval": {"iso27001:7.5", "iso27001:A.5.1", "iso42001:7.5"},
	"review":   {"iso27001:A.5.18", "iso27001:A.8.2"},
	"audit":    {"iso27001:9.2", "iso27001:A.5.35", "iso42001:9.2"},
}
