package schema

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/internal/bundle"
)

func mustLoad(t *testing.T) *Schema {
	t.Helper()
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestKinds checks that the schema defines the 35 evidence kinds of the model.
func TestKinds(t *testing.T) {
	s := mustLoad(t)
	want := strings.Fields(`AIImpactAssessment AISystem AccessReview Account Acknowledgement Activity Asset Attestation
		ChangeRecord CommsChannel Dataset Disclosure Document Exception Exercise Finding Incident InternalAudit
		LegalRequirement LoggingSource ManagementReview ManagementSystem ModelRecord Nonconformity Objective Person
		Risk RiskAssessment RiskTreatment Role Site SoAEntry Supplier TestRun TrainingRecord`)
	if got := strings.Join(s.Kinds(), " "); got != strings.Join(want, " ") {
		t.Errorf("kinds:\n%s\nwant:\n%s", got, strings.Join(want, " "))
	}
}

func validate(t *testing.T, src string) []string {
	t.Helper()
	s := mustLoad(t)
	b, diags, err := bundle.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}}, bundle.Options{Kinds: s.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range b.Records {
		diags = append(diags, s.Validate(r)...)
	}
	var out []string
	for _, d := range diags {
		if !strings.Contains(d.Message, "which does not exist") {
			out = append(out, d.String())
		}
	}
	return out
}

// TestClosedListElements checks that a list of structures that must not be empty still refuses
// unknown fields in its elements (CUE leaves [...{...}] & list.MinItems(1) open).
func TestClosedListElements(t *testing.T) {
	src, err := os.ReadFile("../../evidence/ai/ai_systems/ticket-triage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ old, new, want string }{
		{"  - {stage: inception, from: 2023-08-01}", "  - {stage: inception, from: 2023-08-01, colour: red}",
			"r.yaml:9:42: AISystem lifecycle.0.colour: unknown field: check the spelling against the fields of AISystem"},
	} {
		mutated := strings.Replace(string(src), tc.old, tc.new, 1)
		if mutated == string(src) {
			t.Fatalf("%q is not in the example record", tc.old)
		}
		if got := strings.Join(validate(t, mutated), "\n"); got != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
		}
	}
	if got := validate(t, string(src)); len(got) > 0 {
		t.Errorf("the example record is invalid: %v", got)
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{
			name: "valid",
			src:  "kind: Person\nid: alice\nemployment_type: employee\nstart_date: 2024-01-01\n",
		},
		{
			name: "wrong type",
			src:  "kind: Person\nid: alice\nemployment_type: employee\nstart_date: 2024-01-01\nremote_eligible: maybe\n",
			want: []string{`r.yaml:5:18: Person remote_eligible: must be true or false (got "maybe")`},
		},
		{
			name: "yaml typing trap",
			src:  "kind: Person\nid: alice\nemployment_type: employee\nstart_date: 2024-01-01\nremote_eligible: no\nhris_id: 0777\n",
			want: []string{
				`r.yaml:5:18: Person remote_eligible: must be true or false (got "no"): YAML 1.2 reads no as text, write true or false`,
				`r.yaml:6:10: Person hris_id: must be a string (got 511): quote the value to keep it as text`,
			},
		},
		{
			name: "impossible date",
			src:  "kind: Person\nid: alice\nemployment_type: employee\nstart_date: 2026-02-30\n",
			want: []string{`r.yaml:4:13: Person start_date: "2026-02-30" is not a date: write a real calendar date as YYYY-MM-DD`},
		},
		{
			name: "enum",
			src:  "kind: Person\nid: alice\nemployment_type: freelancer\nstart_date: 2024-01-01\n",
			want: []string{`r.yaml:3:1: Person employment_type: must be one of "employee", "contractor", "intern", "temp" (got "freelancer")`},
		},
		{
			name: "unknown field",
			src:  "kind: Person\nid: alice\nemployment_type: employee\nstart_date: 2024-01-01\nfavourite_colour: blue\n",
			want: []string{"r.yaml:5:1: Person favourite_colour: unknown field: check the spelling against the fields of Person"},
		},
		{
			name: "missing required",
			src:  "kind: Person\nid: alice\nemployment_type: employee\n",
			want: []string{"r.yaml:1:1: Person start_date: missing required field"},
		},
		{
			name: "wrong reference kind",
			src:  "kind: Person\nid: alice\nemployment_type: employee\nstart_date: 2024-01-01\nmanager: Role/boss\n",
			want: []string{`r.yaml:5:10: Person manager: invalid value "Role/boss" (out of bound =~"^Person/[A-Za-z0-9][A-Za-z0-9._:-]*$")`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := validate(t, tc.src)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestParams(t *testing.T) {
	s := mustLoad(t)
	src := "kind: ManagementSystem\nid: isms\nstandard: iso27001:2022\nparameters: {vuln_sla_days: {critical: 7}, lookback_days: 180}\n"
	b, _, err := bundle.Load(fstest.MapFS{"ms.yaml": {Data: []byte(src)}}, bundle.Options{Kinds: s.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	p, diags := s.Params(b.Records)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	sla := p["vuln_sla_days"].(map[string]any)
	if sla["critical"] != json.Number("7") || sla["high"] != json.Number("30") {
		t.Errorf("vuln_sla_days = %v: an override keeps the other defaults", sla)
	}
	if p["lookback_days"] != json.Number("180") || p["policy_review_days"] != json.Number("365") {
		t.Errorf("lookback_days %v policy_review_days %v", p["lookback_days"], p["policy_review_days"])
	}
}
