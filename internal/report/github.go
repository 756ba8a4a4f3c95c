package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteGitHub writes GitHub Actions workflow commands: an ::error annotation per failing
// finding at its evidence file and line (or at the bundle's root record), a ::warning per
// at-risk finding, and a closing notice with the counts.
func WriteGitHub(w io.Writer, r *Report) error {
	var b strings.Builder
	root := rootEvidence(r)
	for _, c := range r.Controls {
		for _, f := range c.Findings {
			level := ""
			switch {
			case (c.Status == StatusFail || c.Status == StatusError) && (f.Outcome == StatusFail || f.Outcome == StatusError):
				level = "error"
			case f.Outcome == "at_risk":
				level = "warning"
			default:
				continue
			}
			file, line := root.File, root.Line
			for _, e := range f.Evidence {
				if e.File != "" {
					file, line = e.File, e.Line
					break
				}
			}
			props := "file=" + escapeProperty(file)
			if line > 0 {
				props += fmt.Sprintf(",line=%d", line)
			}
			props += ",title=" + escapeProperty(c.ID+" "+f.Rule+" "+c.Title)
			fmt.Fprintf(&b, "::%s %s::%s\n", level, props, escapeData(f.Message))
		}
	}
	fmt.Fprintf(&b, "::notice title=annexa::%s\n", escapeData("as of "+r.AsOf+": "+counts(r.Summary)))
	_, err := io.WriteString(w, b.String())
	return err
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
