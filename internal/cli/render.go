package cli

import (
	"io"

	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
	"github.com/annexa-dev/annexa/internal/report"
)

// reportFormats are the values of eval's --format.
var reportFormats = []string{"text", "json", "sarif", "junit", "github", "markdown", "oscal", "html"}

// renderReport writes a report in one format.
func renderReport(w io.Writer, eng *engine.Engine, format string, rep *report.Report, text report.TextOptions) error {
	switch format {
	case "json":
		return report.WriteJSON(w, rep)
	case "sarif":
		return report.WriteSARIF(w, rep, eng.Policy)
	case "junit":
		return report.WriteJUnit(w, rep)
	case "github":
		return report.WriteGitHub(w, rep)
	case "markdown":
		return report.WriteMarkdown(w, rep)
	case "oscal":
		return report.WriteOSCAL(w, rep)
	case "html":
		return report.WriteHTML(w, rep, report.HTMLOptions{Related: relatedControls})
	}
	return report.WriteText(w, rep, text)
}

// relatedControls lists the controls of the other standard that the catalog's cross-mapping
// relates to a control, for the HTML report.
func relatedControls(id string) []report.RelatedControl {
	cat := catalog.MustLoad()
	var out []report.RelatedControl
	for _, rel := range cat.Related(id) {
		other := rel.To
		if other == id {
			other = rel.From
		}
		rc := report.RelatedControl{ID: other, Relation: rel.Relation}
		if ctl, ok := cat.Get(other); ok {
			rc.Title = ctl.Title
		}
		out = append(out, rc)
	}
	return out
}
