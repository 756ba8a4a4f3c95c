package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
)

// PolicyLookup returns the policy that decides a control, for renderers that describe rules.
type PolicyLookup func(control string) (engine.Policy, bool)

const informationURI = "https://github.com/annexa-dev/annexa"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool              `json:"tool"`
	AutomationDetails map[string]string      `json:"automationDetails"`
	Invocations       []sarifInvocation      `json:"invocations"`
	Results           []sarifResult          `json:"results"`
	Properties        map[string]any         `json:"properties"`
	OriginalURIBaseID map[string]sarifURIRef `json:"originalUriBaseIds,omitempty"`
}

type sarifURIRef struct {
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifMessage      `json:"shortDescription"`
	FullDescription      sarifMessage      `json:"fullDescription"`
	Help                 sarifMultiMessage `json:"help"`
	DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	Properties           map[string]any    `json:"properties"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifMultiMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

// WriteSARIF writes SARIF 2.1.0: one rule per control in scope, one result per failing
// finding, located at the evidence file and line, or at the root record of the bundle when
// the evidence is missing. Fingerprints hash the control, the rule and the records named, so
// code scanning follows a finding from commit to commit while its message changes.
func WriteSARIF(w io.Writer, r *Report, policies PolicyLookup) error {
	run := sarifRun{
		Tool:              sarifTool{Driver: sarifDriver{Name: "annexa", Version: r.Tool.Version, InformationURI: informationURI}},
		AutomationDetails: map[string]string{"id": "annexa/" + strings.Join(r.Standards, "+") + "/"},
		Invocations:       []sarifInvocation{{ExecutionSuccessful: true}},
		Results:           []sarifResult{},
		Properties:        map[string]any{"as_of": r.AsOf, "bundle_sha256": r.Bundle.SHA256},
		OriginalURIBaseID: map[string]sarifURIRef{"%SRCROOT%": {Description: &sarifMessage{Text: "the repository root"}}},
	}
	root := rootEvidence(r)
	for i, c := range r.Controls {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(c, policies))
		if c.Status != StatusFail && c.Status != StatusError {
			continue
		}
		for _, f := range c.Findings {
			if f.Outcome != StatusFail && f.Outcome != StatusError {
				continue
			}
			res := sarifResult{
				RuleID: c.ID, RuleIndex: i, Level: "error",
				Message:             sarifMessage{Text: fmt.Sprintf("%s %s: %s", c.ID, f.Rule, f.Message)},
				PartialFingerprints: map[string]string{"annexaFinding/v1": fingerprint(c.ID, f)},
				Properties:          map[string]any{"rule": f.Rule, "status": c.Status},
			}
			for _, e := range f.Evidence {
				if e.File == "" {
					continue
				}
				res.Locations = append(res.Locations, location(e.File, e.Line))
			}
			if len(res.Locations) == 0 {
				res.Locations = []sarifLocation{location(root.File, root.Line)}
			}
			run.Results = append(run.Results, res)
		}
	}
	return writeIndented(w, sarifLog{
		Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run},
	})
}

func location(file string, line int) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: file, URIBaseID: "%SRCROOT%"}}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line}
	}
	return loc
}

// rootEvidence is where a finding without evidence is shown: the first ManagementSystem
// record, else the first evidence file.
func rootEvidence(r *Report) Evidence {
	if r.Root.File != "" {
		return r.Root
	}
	return Evidence{File: r.Bundle.Path, Line: 0}
}

func fingerprint(control string, f Finding) string {
	refs := make([]string, 0, len(f.Evidence))
	for _, e := range f.Evidence {
		base, _, _ := strings.Cut(e.Ref, "#")
		refs = append(refs, base)
	}
	slices.Sort(refs)
	sum := sha256.Sum256([]byte(control + "\x00" + f.Rule + "\x00" + strings.Join(slices.Compact(refs), "\x00")))
	return hex.EncodeToString(sum[:16])
}

func sarifRuleFor(c Control, policies PolicyLookup) sarifRule {
	rule := sarifRule{
		ID:                   c.ID,
		Name:                 ruleName(c.Title),
		ShortDescription:     sarifMessage{Text: c.Title},
		DefaultConfiguration: map[string]string{"level": "error"},
		Properties: map[string]any{
			"tags":     []string{c.Standard, c.Group, "compliance"},
			"standard": catalog.StandardTitle(c.Standard),
			"group":    c.Group + " " + c.GroupTitle,
		},
	}
	p, ok := policies(c.ID)
	if !ok {
		rule.FullDescription = sarifMessage{Text: c.Title + ": no policy decides this control yet."}
		rule.Help = sarifMultiMessage{Text: "annexa does not decide this control yet.", Markdown: "annexa does not decide this control yet."}
		return rule
	}
	rule.FullDescription = sarifMessage{Text: p.Description}
	var text, md strings.Builder
	fmt.Fprintf(&text, "%s\nEvidence kinds: %s.\nRules:\n", p.Description, strings.Join(p.Evidence, ", "))
	fmt.Fprintf(&md, "%s\n\n**Evidence kinds:** %s\n\n**Rules** (all must hold):\n\n", p.Description, strings.Join(p.Evidence, ", "))
	for _, r := range p.Rules {
		fmt.Fprintf(&text, "%s %s\n", r.ID, r.Text)
		fmt.Fprintf(&md, "- **%s** %s\n", r.ID, r.Text)
	}
	fmt.Fprintf(&text, "Run 'annexa explain %s' to see the current result.", c.ID)
	fmt.Fprintf(&md, "\nRun `annexa explain %s` to see the current result.", c.ID)
	rule.Help = sarifMultiMessage{Text: text.String(), Markdown: md.String()}
	rule.Properties["class"] = p.Class
	return rule
}

// ruleName turns a title into a PascalCase identifier, as SARIF rule names are.
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
