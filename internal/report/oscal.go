package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/google/uuid"

	"github.com/annexa-dev/annexa/internal/catalog"
)

// oscalNS namespaces the properties annexa adds to OSCAL documents.
const oscalNS = "https://annexa.dev/ns/oscal"

// uuidSpace is the namespace of the content-derived (version 5) UUIDs of OSCAL output.
var uuidSpace = uuid.MustParse("6f0f3c8e-3d6b-4a51-9a53-7a4e0c2b9d11")

type oscalDoc struct {
	AR oscalAR `json:"assessment-results"`
}

type oscalAR struct {
	UUID     string        `json:"uuid"`
	Metadata oscalMetadata `json:"metadata"`
	ImportAP oscalHref     `json:"import-ap"`
	Results  []oscalResult `json:"results"`
}

type oscalMetadata struct {
	Title        string      `json:"title"`
	LastModified string      `json:"last-modified"`
	Version      string      `json:"version"`
	OSCALVersion string      `json:"oscal-version"`
	Props        []oscalProp `json:"props,omitempty"`
}

type oscalHref struct {
	Href string `json:"href"`
}

type oscalProp struct {
	Name  string `json:"name"`
	NS    string `json:"ns,omitempty"`
	Value string `json:"value"`
}

type oscalResult struct {
	UUID             string             `json:"uuid"`
	Title            string             `json:"title"`
	Description      string             `json:"description"`
	Start            string             `json:"start"`
	End              string             `json:"end"`
	Props            []oscalProp        `json:"props,omitempty"`
	ReviewedControls oscalReviewed      `json:"reviewed-controls"`
	Observations     []oscalObservation `json:"observations,omitempty"`
	Findings         []oscalFinding     `json:"findings,omitempty"`
}

type oscalReviewed struct {
	ControlSelections []oscalSelection `json:"control-selections"`
}

type oscalSelection struct {
	IncludeControls []oscalControlID `json:"include-controls"`
}

type oscalControlID struct {
	ControlID string `json:"control-id"`
}

type oscalObservation struct {
	UUID             string          `json:"uuid"`
	Title            string          `json:"title"`
	Description      string          `json:"description"`
	Props            []oscalProp     `json:"props,omitempty"`
	Methods          []string        `json:"methods"`
	Collected        string          `json:"collected"`
	RelevantEvidence []oscalEvidence `json:"relevant-evidence,omitempty"`
}

type oscalEvidence struct {
	Href        string `json:"href"`
	Description string `json:"description"`
}

type oscalFinding struct {
	UUID                string         `json:"uuid"`
	Title               string         `json:"title"`
	Description         string         `json:"description"`
	Props               []oscalProp    `json:"props,omitempty"`
	Target              oscalTarget    `json:"target"`
	RelatedObservations []oscalRelated `json:"related-observations,omitempty"`
}

type oscalTarget struct {
	Type     string      `json:"type"`
	TargetID string      `json:"target-id"`
	Status   oscalStatus `json:"status"`
}

type oscalStatus struct {
	State  string `json:"state"`
	Reason string `json:"reason,omitempty"`
}

type oscalRelated struct {
	ObservationUUID string `json:"observation-uuid"`
}

// OSCALControlID turns a canonical control id into an OSCAL token (iso27001:A.5.15 -> iso27001-a.5.15).
func OSCALControlID(id string) string {
	return strings.ToLower(strings.ReplaceAll(id, ":", "-"))
}

func contentUUID(parts ...string) string {
	return uuid.NewSHA1(uuidSpace, []byte(strings.Join(parts, "\x00"))).String()
}

// WriteOSCAL writes OSCAL 1.1.3 assessment results: one result for the evaluation, one
// finding per control with its status (satisfied only for pass), and one observation per rule
// outcome with links to the evidence files and lines. UUIDs are derived from content, so the
// same report always gives the same document.
func WriteOSCAL(w io.Writer, r *Report) error {
	stamp := r.AsOf + "T00:00:00Z"
	seed := r.Bundle.SHA256 + r.AsOf + r.Tool.Version + r.Provenance.PoliciesSHA256
	res := oscalResult{
		UUID:        contentUUID(seed, "result"),
		Title:       "annexa evaluation as of " + r.AsOf,
		Description: fmt.Sprintf("Automated evaluation of %d evidence records in %d files under %s against %s.", r.Bundle.Records, r.Bundle.Files, r.Bundle.Path, standardsTitle(r.Standards)),
		Start:       stamp,
		End:         stamp,
		Props: props(
			"bundle-sha256", r.Bundle.SHA256,
			"policies-sha256", r.Provenance.PoliciesSHA256,
			"schemas-sha256", r.Provenance.SchemasSHA256,
			"git-commit", r.Bundle.Commit,
		),
	}
	sel := oscalSelection{}
	for _, c := range r.Controls {
		sel.IncludeControls = append(sel.IncludeControls, oscalControlID{ControlID: OSCALControlID(c.ID)})
		fnd := oscalFinding{
			UUID:        contentUUID(seed, "finding", c.ID),
			Title:       c.ID + " " + c.Title,
			Description: fmt.Sprintf("%s is %s as of %s.", c.ID, strings.ReplaceAll(c.Status, "_", " "), r.AsOf),
			Props:       []oscalProp{{Name: "annexa-status", NS: oscalNS, Value: c.Status}},
			Target:      oscalTarget{Type: "objective-id", TargetID: OSCALControlID(c.ID), Status: oscalStatus{State: "not-satisfied"}},
		}
		if c.Status == StatusPass {
			fnd.Target.Status.State = "satisfied"
		} else {
			fnd.Target.Status.Reason = strings.ReplaceAll(c.Status, "_", "-")
		}
		method := "TEST"
		if c.Basis == "attested" {
			method = "EXAMINE"
		}
		for i, f := range c.Findings {
			obs := oscalObservation{
				UUID:        contentUUID(seed, "observation", c.ID, fmt.Sprint(i), f.Rule, f.Message),
				Title:       fmt.Sprintf("%s %s: %s", c.ID, f.Rule, f.Outcome),
				Description: nonEmpty(f.Message),
				Props:       []oscalProp{{Name: "rule", NS: oscalNS, Value: f.Rule}, {Name: "outcome", NS: oscalNS, Value: f.Outcome}},
				Methods:     []string{method},
				Collected:   stamp,
			}
			for _, e := range f.Evidence {
				if e.File == "" {
					continue
				}
				obs.RelevantEvidence = append(obs.RelevantEvidence, oscalEvidence{
					Href: fmt.Sprintf("%s#L%d", e.File, e.Line), Description: e.Ref,
				})
			}
			res.Observations = append(res.Observations, obs)
			fnd.RelatedObservations = append(fnd.RelatedObservations, oscalRelated{ObservationUUID: obs.UUID})
		}
		res.Findings = append(res.Findings, fnd)
	}
	res.ReviewedControls.ControlSelections = []oscalSelection{sel}
	doc := oscalDoc{AR: oscalAR{
		UUID: contentUUID(seed, "assessment-results"),
		Metadata: oscalMetadata{
			Title:        "annexa assessment results as of " + r.AsOf,
			LastModified: stamp,
			Version:      r.AsOf,
			OSCALVersion: "1.1.3",
			Props:        []oscalProp{{Name: "tool-version", NS: oscalNS, Value: r.Tool.Version}},
		},
		ImportAP: oscalHref{Href: "#annexa-assessment-plan"},
		Results:  []oscalResult{res},
	}}
	return writeIndented(w, doc)
}

// props builds annexa properties from name, value pairs, leaving out empty values (OSCAL
// forbids them).
func props(kv ...string) []oscalProp {
	var out []oscalProp
	for i := 0; i+1 < len(kv); i += 2 {
		if strings.TrimSpace(kv[i+1]) != "" {
			out = append(out, oscalProp{Name: kv[i], NS: oscalNS, Value: kv[i+1]})
		}
	}
	return out
}

func standardsTitle(stds []string) string {
	var out []string
	for _, s := range stds {
		out = append(out, catalog.StandardTitle(s))
	}
	return strings.Join(out, " and ")
}

func nonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(no message)"
	}
	return s
}
