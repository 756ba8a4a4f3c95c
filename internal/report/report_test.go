package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/annexa-dev/annexa/internal/engine"
)

// sample is a small report with every status and a finding without evidence.
func sample() *Report {
	ev := []Evidence{{Ref: "Finding/cve-1", File: "evidence/findings/cve-1.yaml", Line: 3}}
	return &Report{
		Tool: Tool{Name: "annexa", Version: "test"}, AsOf: "2026-11-30",
		Bundle:    Bundle{Path: "evidence", Files: 2, Records: 3, SHA256: strings.Repeat("a", 64)},
		Standards: []string{"iso27001"},
		Summary:   map[string]int{"pass": 1, "fail": 2, "not_applicable": 1, "not_implemented": 1},
		ByStd:     map[string]map[string]int{"iso27001": {"pass": 1, "fail": 2, "not_applicable": 1, "not_implemented": 1}},
		Root:      Evidence{Ref: "ManagementSystem/isms", File: "evidence/ms.yaml", Line: 1},
		Controls: []Control{
			{ID: "iso27001:9.2", Standard: "iso27001", Kind: "clause", Title: "Internal audit", Group: "9", GroupTitle: "Performance evaluation",
				Status: StatusPass, Findings: []Finding{{Rule: "R1", Outcome: "pass", Message: "audited", Evidence: ev, Population: 1}}},
			{ID: "iso27001:A.5.1", Standard: "iso27001", Kind: "annex-a", Title: "Policies for information security", Group: "A.5",
				GroupTitle: "Organizational controls", Status: StatusFail,
				Findings: []Finding{{Rule: "R1", Outcome: "fail", Message: "no current information security policy", Evidence: []Evidence{}}}},
			{ID: "iso27001:A.7.12", Standard: "iso27001", Kind: "annex-a", Title: "Cabling security", Group: "A.7",
				GroupTitle: "Physical controls", Status: StatusNotApplicable,
				Findings: []Finding{{Rule: "SoA", Outcome: "pass", Message: "excluded: no own cabling", Evidence: []Evidence{}}}},
			{ID: "iso27001:A.8.8", Standard: "iso27001", Kind: "annex-a", Title: "Management of technical vulnerabilities", Group: "A.8",
				GroupTitle: "Technological controls", Status: StatusFail, Basis: "records",
				Findings: []Finding{{Rule: "R2", Outcome: "fail", Message: "Finding/cve-1 is overdue: fix it, 100% \"now\"\nplease", Evidence: ev}}},
			{ID: "iso27001:A.8.9", Standard: "iso27001", Kind: "annex-a", Title: "Configuration management", Group: "A.8",
				GroupTitle: "Technological controls", Status: StatusNotImplemented,
				Findings: []Finding{{Rule: "-", Outcome: "not_implemented", Message: "no policy", Evidence: []Evidence{}}}},
		},
		Params: map[string]any{"lookback_days": 365},
	}
}

func noPolicies(string) (engine.Policy, bool) { return engine.Policy{}, false }

func validateAgainst(t *testing.T, schemaFile string, data []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "schemas", schemaFile)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(path, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Fatalf("%s does not validate: %v", schemaFile, err)
	}
}

func TestOSCALSample(t *testing.T) {
	var b bytes.Buffer
	if err := WriteOSCAL(&b, sample()); err != nil {
		t.Fatal(err)
	}
	validateAgainst(t, "oscal_complete_schema-1.1.3.json", b.Bytes())
	out := b.String()
	if strings.Count(out, `"target-id"`) != 5 || !strings.Contains(out, `"state": "satisfied"`) ||
		!strings.Contains(out, `"reason": "not-implemented"`) || !strings.Contains(out, `"href": "evidence/findings/cve-1.yaml#L3"`) {
		t.Errorf("unexpected OSCAL:\n%s", out)
	}
}

func TestSARIFSample(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSARIF(&b, sample(), noPolicies); err != nil {
		t.Fatal(err)
	}
	validateAgainst(t, "sarif-schema-2.1.0.json", b.Bytes())
	out := b.String()
	// The finding without evidence is placed at the management-system record.
	if !strings.Contains(out, `"uri": "evidence/ms.yaml"`) || strings.Count(out, `"ruleId"`) != 2 {
		t.Errorf("unexpected SARIF:\n%s", out)
	}
}

func TestGitHubAnnotations(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGitHub(&b, sample()); err != nil {
		t.Fatal(err)
	}
	want := "::error file=evidence/ms.yaml,line=1,title=iso27001%3AA.5.1 R1 Policies for information security::no current information security policy\n" +
		"::error file=evidence/findings/cve-1.yaml,line=3,title=iso27001%3AA.8.8 R2 Management of technical vulnerabilities::Finding/cve-1 is overdue: fix it, 100%25 \"now\"%0Aplease\n" +
		"::notice title=annexa::as of 2026-11-30: 1 pass, 2 fail, 1 not applicable, 1 not implemented\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, sample()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## annexa: 2 controls fail",
		"| ISO/IEC 27001:2022 | 1 | 2 | 1 | 0 | 0 | 0 | 1 |",
		"| `iso27001:A.8.8` | Management of technical vulnerabilities | R2 Finding/cve-1 is overdue: fix it, 100% \"now\" please | `evidence/findings/cve-1.yaml:3` |",
		"<details><summary>",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, b.String())
		}
	}
}

func TestCompare(t *testing.T) {
	base, head := sample(), sample()
	head.Controls[0].Status = StatusFail // 9.2 regresses
	head.Controls[0].Findings = []Finding{{Rule: "R1", Outcome: "fail", Message: "no audit", Evidence: []Evidence{}}}
	head.Controls[1].Status = StatusPass // A.5.1 is fixed
	head.Controls[1].Findings = []Finding{{Rule: "R1", Outcome: "pass", Message: "ok", Evidence: []Evidence{}}}
	head.Controls[3].Findings = append(head.Controls[3].Findings, Finding{Rule: "R1", Outcome: "fail", Message: "unscanned"})
	d := Compare(base, head, "a", "b")
	if len(d.Regressed) != 1 || d.Regressed[0].ID != "iso27001:9.2" || len(d.Regressed[0].Added) != 1 {
		t.Errorf("regressed %+v", d.Regressed)
	}
	if len(d.Fixed) != 1 || d.Fixed[0].ID != "iso27001:A.5.1" || len(d.Fixed[0].Removed) != 1 {
		t.Errorf("fixed %+v", d.Fixed)
	}
	if len(d.Findings) != 1 || d.Findings[0].ID != "iso27001:A.8.8" {
		t.Errorf("findings changed %+v", d.Findings)
	}
	if !d.Regression() {
		t.Error("a regression was not reported")
	}
	if Compare(base, base, "a", "a").Regression() {
		t.Error("a report compared with itself regressed")
	}
}

func TestCanonicalJSON(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteJSON(&a, sample()); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() || strings.Contains(a.String(), "\n  ") {
		t.Errorf("canonical JSON is not stable and compact:\n%s", a.String())
	}
	back, err := ReadJSON(&a)
	if err != nil {
		t.Fatal(err)
	}
	if DigestJSON(back) != DigestJSON(sample()) {
		t.Error("a report read back has another digest")
	}
}
