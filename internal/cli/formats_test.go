package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// exampleDir is the example bundle; asOf the date its planted failures are designed for.
const (
	exampleDir = "../../evidence"
	asOf       = "2026-11-30"
)

type run struct {
	code           int
	stdout, stderr string
}

func annexa(t *testing.T, args ...string) run {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return run{code, out.String(), errb.String()}
}

var exampleReport = sync.OnceValue(func() []byte {
	var out bytes.Buffer
	Run(context.Background(), []string{"eval", exampleDir, "--as-of", asOf, "--format", "json"},
		Streams{In: strings.NewReader(""), Out: &out, Err: &bytes.Buffer{}})
	return out.Bytes()
})

func compileSchema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "schemas", file)
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
	return s
}

func validateJSON(t *testing.T, s *jsonschema.Schema, data string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := s.Validate(doc); err != nil {
		t.Fatalf("output does not validate:\n%v", err)
	}
}

// TestSARIFValidates checks the SARIF of the example bundle against the official schema.
func TestSARIFValidates(t *testing.T) {
	r := annexa(t, "eval", exampleDir, "--as-of", asOf, "--format", "sarif")
	if r.code != ExitFailed {
		t.Fatalf("exit %d, want 1 (the example bundle has failing controls): %s", r.code, r.stderr)
	}
	validateJSON(t, compileSchema(t, "sarif-schema-2.1.0.json"), r.stdout)

	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var rep struct {
		Summary  map[string]int `json:"summary"`
		Controls []struct{ ID string }
	}
	if err := json.Unmarshal(exampleReport(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(run.Tool.Driver.Rules) != len(rep.Controls) {
		t.Errorf("%d rules, want one per control (%d)", len(run.Tool.Driver.Rules), len(rep.Controls))
	}
	if len(run.Results) == 0 {
		t.Fatal("no results for a bundle with failing controls")
	}
	seen := map[string]bool{}
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule index %d", res.RuleID, res.RuleIndex)
		}
		loc := res.Locations[0].PhysicalLocation
		if !strings.HasPrefix(loc.ArtifactLocation.URI, "../../evidence/") || loc.Region.StartLine < 1 {
			t.Errorf("result %s located at %s:%d", res.RuleID, loc.ArtifactLocation.URI, loc.Region.StartLine)
		}
		fp := res.PartialFingerprints["annexaFinding/v1"]
		if fp == "" || seen[fp+res.RuleID] {
			t.Errorf("result %s: fingerprint %q missing or repeated", res.RuleID, fp)
		}
		seen[fp+res.RuleID] = true
	}
}

// TestOSCALValidates checks the OSCAL assessment results of the example bundle against the
// official OSCAL 1.1.3 schema, and that a second run gives the same bytes.
func TestOSCALValidates(t *testing.T) {
	r := annexa(t, "eval", exampleDir, "--as-of", asOf, "--format", "oscal")
	if r.code != ExitFailed {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	validateJSON(t, compileSchema(t, "oscal_complete_schema-1.1.3.json"), r.stdout)
	if again := annexa(t, "eval", exampleDir, "--as-of", asOf, "--format", "oscal").stdout; again != r.stdout {
		t.Error("OSCAL output differs between two runs")
	}
	if n := strings.Count(r.stdout, `"target-id"`); n != 183 {
		t.Errorf("%d findings, want one per control (183)", n)
	}
}

// TestJUnitCounts parses the JUnit report back and checks it against the JSON summary.
func TestJUnitCounts(t *testing.T) {
	r := annexa(t, "eval", exampleDir, "--as-of", asOf, "--format", "junit")
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
				Skipped *struct {
					Message string `xml:"message,attr"`
				} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("JUnit does not parse: %v", err)
	}
	var rep struct {
		Summary  map[string]int `json:"summary"`
		Controls []struct{ ID string }
	}
	if err := json.Unmarshal(exampleReport(), &rep); err != nil {
		t.Fatal(err)
	}
	cases, failures, skipped := 0, 0, 0
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			cases++
			if c.Failure != nil {
				failures++
				if c.Failure.Message == "" {
					t.Errorf("%s: failure without a message", c.Name)
				}
			}
			if c.Skipped != nil {
				skipped++
			}
		}
	}
	if cases != len(rep.Controls) || doc.Tests != cases {
		t.Errorf("%d test cases (tests=%d), want one per control: %d", cases, doc.Tests, len(rep.Controls))
	}
	if failures != rep.Summary["fail"] || doc.Failures != failures {
		t.Errorf("%d failures (attribute %d), want %d", failures, doc.Failures, rep.Summary["fail"])
	}
	wantSkipped := rep.Summary["not_applicable"] + rep.Summary["waived"] + rep.Summary["not_exercised"] + rep.Summary["not_implemented"]
	if skipped != wantSkipped || doc.Skipped != skipped {
		t.Errorf("%d skipped (attribute %d), want %d", skipped, doc.Skipped, wantSkipped)
	}
	if len(doc.Suites) < 10 || !strings.HasPrefix(doc.Suites[0].Name, "ISO/IEC 27001:2022 / ") {
		t.Errorf("suites %d, first %q: want one per standard and group", len(doc.Suites), doc.Suites[0].Name)
	}
}

// TestJSONIsByteIdentical evaluates the example bundle twice.
func TestJSONIsByteIdentical(t *testing.T) {
	a := exampleReport()
	b := annexa(t, "eval", exampleDir, "--as-of", asOf, "--format", "json").stdout
	if len(a) == 0 || string(a) != b {
		t.Fatal("two evaluations of the same bundle and as-of date differ")
	}
}

// TestSoA checks the Statement of Applicability of the example bundle: every Annex A control
// once, exclusions with their justification, evaluated statuses equal to the evaluation's.
func TestSoA(t *testing.T) {
	var rep struct {
		Controls []struct {
			ID     string `json:"id"`
			Kind   string `json:"kind"`
			Status string `json:"status"`
		} `json:"controls"`
	}
	if err := json.Unmarshal(exampleReport(), &rep); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, c := range rep.Controls {
		status[c.ID] = c.Status
	}
	for std, want := range map[string]int{"iso27001": 93, "iso42001": 38} {
		r := annexa(t, "soa", exampleDir, "--as-of", asOf, "--standard", std, "--format", "json")
		if r.code != 0 {
			t.Fatalf("soa %s: exit %d: %s", std, r.code, r.stderr)
		}
		var soa struct {
			Rows []struct {
				ID              string `json:"id"`
				Applicability   string `json:"applicability"`
				Justification   string `json:"justification"`
				EvaluatedStatus string `json:"evaluated_status"`
			} `json:"controls"`
			Counts struct{ Controls, Excluded int }
		}
		if err := json.Unmarshal([]byte(r.stdout), &soa); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, row := range soa.Rows {
			if seen[row.ID] {
				t.Errorf("%s listed twice", row.ID)
			}
			seen[row.ID] = true
			if row.Applicability == "excluded" && strings.TrimSpace(row.Justification) == "" {
				t.Errorf("%s is excluded without a justification", row.ID)
			}
			if row.EvaluatedStatus != status[row.ID] {
				t.Errorf("%s: SoA says %s, the evaluation %s", row.ID, row.EvaluatedStatus, status[row.ID])
			}
		}
		if len(soa.Rows) != want || soa.Counts.Controls != want {
			t.Errorf("%s: %d rows, want %d", std, len(soa.Rows), want)
		}
	}
}

// TestSoAListsMissingEntries checks that a control without an SoA entry is listed as such.
func TestSoAListsMissingEntries(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("kind: Person\nid: a\nemployment_type: employee\nstart_date: 2024-01-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := annexa(t, "soa", dir, "--as-of", asOf, "--standard", "iso42001")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if n := strings.Count(r.stdout, "| no entry |"); n != 38 {
		t.Errorf("%d rows say no entry, want 38:\n%s", n, r.stdout)
	}
	if !strings.Contains(r.stdout, "- `iso42001:A.2.2`: no SoA entry: the control is evaluated as applicable") {
		t.Errorf("missing entries are not listed as problems:\n%s", r.stdout)
	}
}

// TestEveryControlDecided checks the example bundle's evaluation: no control of either
// standard is left not_implemented, and every result carries a finding that points at an
// evidence file and line.
func TestEveryControlDecided(t *testing.T) {
	var rep struct {
		Controls []struct {
			ID       string `json:"id"`
			Status   string `json:"status"`
			Findings []struct {
				Evidence []struct {
					File string `json:"file"`
					Line int    `json:"line"`
				} `json:"evidence"`
			} `json:"findings"`
		} `json:"controls"`
	}
	if err := json.Unmarshal(exampleReport(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Controls) != 183 {
		t.Fatalf("%d controls, want 183 (131 Annex A controls and 52 clauses)", len(rep.Controls))
	}
	for _, c := range rep.Controls {
		if c.Status == "not_implemented" || c.Status == "error" {
			t.Errorf("%s is %s", c.ID, c.Status)
		}
		located := false
		for _, f := range c.Findings {
			for _, e := range f.Evidence {
				located = located || (e.File != "" && e.Line > 0)
			}
		}
		if !located {
			t.Errorf("%s: no finding points at an evidence file and line", c.ID)
		}
	}
}
