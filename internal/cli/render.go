package cli

import (
	"io"

	"github.com/annexa-dev/annexa/internal/engine"
	"github.com/annexa-dev/annexa/internal/report"
)

// reportFormats are the values of eval's --format.
var reportFormats = []string{"text", "json", "sarif", "junit", "github", "markdown", "oscal"}

// renderReport writes a report in one format.
func renderReport(w io.Writer, format string, rep *report.Report, text report.TextOptions) error {
	switch format {
	case "json":
		return report.WriteJSON(w, rep)
	case "sarif":
		eng, err := engine.New()
		if err != nil {
			return err
		}
		return report.WriteSARIF(w, rep, eng.Policy)
	case "junit":
		return report.WriteJUnit(w, rep)
	case "github":
		return report.WriteGitHub(w, rep)
	case "markdown":
		return report.WriteMarkdown(w, rep)
	case "oscal":
		return report.WriteOSCAL(w, rep)
	}
	return report.WriteText(w, rep, text)
}
