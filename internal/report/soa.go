package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/catalog"
)

// SoA is the Statement of Applicability of one standard: every Annex A control with its
// applicability and justification from the bundle's SoA entries, the implementation status the
// organization declares and the status annexa evaluated, the evidence with dates, and the risk
// treatments that rely on the control.
type SoA struct {
	Standard string     `json:"standard"`
	Title    string     `json:"title"`
	AsOf     string     `json:"as_of"`
	Version  string     `json:"soa_version,omitempty"`
	Bundle   Bundle     `json:"bundle"`
	Rows     []SoARow   `json:"controls"`
	Counts   SoACounts  `json:"counts"`
	Problems []SoAIssue `json:"problems"`
}

// SoACounts summarises a Statement of Applicability.
type SoACounts struct {
	Controls   int `json:"controls"`
	Applicable int `json:"applicable"`
	Excluded   int `json:"excluded"`
	NoEntry    int `json:"no_entry"`
}

// SoAIssue is a problem with the SoA itself: a control without an entry, or with several.
type SoAIssue struct {
	Control string `json:"control"`
	Message string `json:"message"`
}

// SoARow is one control of the SoA.
type SoARow struct {
	ID                    string        `json:"id"`
	Title                 string        `json:"title"`
	Group                 string        `json:"group"`
	Applicability         string        `json:"applicability"` // applicable | excluded | no entry
	Justification         string        `json:"justification"`
	Reasons               []string      `json:"reasons"`
	DeclaredStatus        string        `json:"declared_status"`
	EvaluatedStatus       string        `json:"evaluated_status"`
	Owner                 string        `json:"owner,omitempty"`
	Entry                 *Evidence     `json:"entry,omitempty"`
	Approved              string        `json:"approved_on,omitempty"`
	Evidence              []SoAEvidence `json:"evidence"`
	RiskTreatments        []string      `json:"risk_treatments"`
	FirstProblem          string        `json:"first_problem,omitempty"`
	ImplementationRecords []string      `json:"implementation_refs,omitempty"`
}

// SoAEvidence is one record behind a control's result, with its date.
type SoAEvidence struct {
	Evidence
	Date string `json:"date,omitempty"`
}

// BuildSoA derives the Statement of Applicability of a standard from an evaluation.
func BuildSoA(r *Report, b *bundle.Bundle, std string) *SoA {
	s := &SoA{Standard: std, Title: catalog.StandardTitle(std), AsOf: r.AsOf, Bundle: r.Bundle,
		Rows: []SoARow{}, Problems: []SoAIssue{}}
	entries := map[string][]*bundle.Record{}
	for _, e := range b.ByKind("SoAEntry") {
		stdv, _ := e.Value["standard"].(string)
		num, _ := e.Value["control_id"].(string)
		short, _, _ := strings.Cut(stdv, ":")
		if short != std {
			continue
		}
		if !strings.HasPrefix(num, "A.") {
			num = "A." + num
		}
		entries[std+":"+num] = append(entries[std+":"+num], e)
	}
	treatments := map[string][]string{}
	for _, kind := range []string{"RiskTreatment", "Risk"} {
		for _, t := range b.ByKind(kind) {
			ctls, _ := t.Value["controls"].([]any)
			for _, c := range ctls {
				if id, ok := c.(string); ok {
					if !strings.Contains(id, ":A.") {
						id = strings.Replace(id, ":", ":A.", 1) // risks name Annex A controls
					}
					treatments[id] = append(treatments[id], t.Ref())
				}
			}
		}
	}
	versions := map[string]bool{}
	for _, c := range r.Controls {
		if c.Standard != std || c.Kind != catalog.KindAnnexA {
			continue
		}
		row := SoARow{ID: c.ID, Title: c.Title, Group: c.Group + " " + c.GroupTitle, EvaluatedStatus: c.Status,
			Applicability: "no entry", Reasons: []string{}, Evidence: []SoAEvidence{}, RiskTreatments: []string{}}
		es := entries[c.ID]
		switch len(es) {
		case 0:
			s.Problems = append(s.Problems, SoAIssue{c.ID, "no SoA entry: the control is evaluated as applicable"})
			s.Counts.NoEntry++
		default:
			if len(es) > 1 {
				var refs []string
				for _, e := range es {
					refs = append(refs, e.Ref())
				}
				s.Problems = append(s.Problems, SoAIssue{c.ID, "several SoA entries: " + strings.Join(refs, ", ")})
			}
			e := es[len(es)-1]
			row.Entry = &Evidence{Ref: e.Ref(), File: e.Pos.File, Line: e.Pos.Line}
			if app, _ := e.Value["applicable"].(bool); app {
				row.Applicability = "applicable"
				s.Counts.Applicable++
			} else {
				row.Applicability = "excluded"
				s.Counts.Excluded++
			}
			row.Justification, _ = e.Value["justification"].(string)
			row.DeclaredStatus, _ = e.Value["implementation_status"].(string)
			row.Owner, _ = e.Value["owner"].(string)
			for _, x := range asList(e.Value["reasons"]) {
				row.Reasons = append(row.Reasons, fmt.Sprint(x))
			}
			for _, x := range asList(e.Value["implementation_refs"]) {
				row.ImplementationRecords = append(row.ImplementationRecords, fmt.Sprint(x))
			}
			for _, x := range asList(e.Value["risk_refs"]) {
				row.RiskTreatments = append(row.RiskTreatments, fmt.Sprint(x))
			}
			row.Approved = lastApproval(e.Value)
			if v, ok := e.Value["soa_version"].(string); ok {
				versions[v] = true
			}
		}
		row.RiskTreatments = append(row.RiskTreatments, treatments[c.ID]...)
		slices.Sort(row.RiskTreatments)
		row.RiskTreatments = slices.Compact(row.RiskTreatments)
		seen := map[string]bool{}
		for _, f := range c.Findings {
			if row.FirstProblem == "" && (f.Outcome == StatusFail || f.Outcome == StatusError) {
				row.FirstProblem = f.Rule + " " + f.Message
			}
			for _, ev := range f.Evidence {
				base, _, _ := strings.Cut(ev.Ref, "#")
				if seen[base] || base == "" || strings.HasPrefix(base, "SoAEntry/") {
					continue
				}
				seen[base] = true
				rec, ok := b.Get(base)
				if !ok {
					continue
				}
				row.Evidence = append(row.Evidence, SoAEvidence{
					Evidence: Evidence{Ref: base, File: rec.Pos.File, Line: rec.Pos.Line}, Date: recordDate(rec.Value)})
			}
		}
		s.Counts.Controls++
		s.Rows = append(s.Rows, row)
	}
	vs := slices.Sorted(func(yield func(string) bool) {
		for v := range versions {
			if !yield(v) {
				return
			}
		}
	})
	s.Version = strings.Join(vs, ", ")
	return s
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func lastApproval(v map[string]any) string {
	last := ""
	for _, a := range asList(v["approvals"]) {
		m, _ := a.(map[string]any)
		if d, _ := m["decision"].(string); d != "approved" {
			continue
		}
		if on, _ := m["on"].(string); on > last {
			last = on
		}
	}
	return last
}

// dateFields name, in order of preference, the field that dates a record.
var dateFields = []string{"performed_on", "completed_on", "held_on", "attested_on", "signed_on", "report_on",
	"published_on", "approved_on", "deployed_on", "observed_on", "checked_on", "created_on", "first_seen_on",
	"raised_on", "reported_on", "last_assessed_on", "start_date"}

// recordDate returns the date that best says when a record's fact held: its event date, or
// its latest approval or review.
func recordDate(v map[string]any) string {
	for _, f := range dateFields {
		if s, ok := v[f].(string); ok && len(s) >= 10 {
			return s[:10]
		}
	}
	if a := lastApproval(v); a != "" {
		return a
	}
	last := ""
	for _, r := range asList(v["reviews"]) {
		m, _ := r.(map[string]any)
		if on, _ := m["on"].(string); on > last {
			last = on
		}
	}
	return last
}

// WriteSoAJSON writes the SoA as indented JSON.
func WriteSoAJSON(w io.Writer, s *SoA) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

// WriteSoACSV writes one row per control, for spreadsheets.
func WriteSoACSV(w io.Writer, s *SoA) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"control", "title", "group", "applicability", "justification", "reasons", "declared status",
		"evaluated status", "owner", "approved on", "evidence", "risk treatments", "first problem", "soa entry"})
	for _, r := range s.Rows {
		var ev []string
		for _, e := range r.Evidence {
			ev = append(ev, fmt.Sprintf("%s (%s, %s:%d)", e.Ref, e.Date, e.File, e.Line))
		}
		entry := ""
		if r.Entry != nil {
			entry = fmt.Sprintf("%s:%d", r.Entry.File, r.Entry.Line)
		}
		_ = cw.Write([]string{r.ID, r.Title, r.Group, r.Applicability, r.Justification, strings.Join(r.Reasons, "; "),
			r.DeclaredStatus, r.EvaluatedStatus, r.Owner, r.Approved, strings.Join(ev, "; "),
			strings.Join(r.RiskTreatments, "; "), r.FirstProblem, entry})
	}
	cw.Flush()
	return cw.Error()
}

// WriteSoAMarkdown writes the SoA as a Markdown document.
func WriteSoAMarkdown(w io.Writer, s *SoA) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Statement of Applicability: %s\n\n", s.Title)
	fmt.Fprintf(&b, "As of **%s**; SoA version %s; %d controls: %d applicable, %d excluded, %d without an entry.\n\n",
		s.AsOf, orDash(s.Version), s.Counts.Controls, s.Counts.Applicable, s.Counts.Excluded, s.Counts.NoEntry)
	b.WriteString("| Control | Title | Applicable | Justification | Declared | Evaluated | Evidence | Risk treatments |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, r := range s.Rows {
		var ev []string
		for i, e := range r.Evidence {
			if i == 4 {
				ev = append(ev, fmt.Sprintf("+%d more", len(r.Evidence)-4))
				break
			}
			ev = append(ev, fmt.Sprintf("`%s` (%s)", e.Ref, orDash(e.Date)))
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s | %s |\n", r.ID, cell(r.Title), r.Applicability,
			cell(r.Justification), orDash(r.DeclaredStatus), strings.ReplaceAll(r.EvaluatedStatus, "_", " "),
			strings.Join(ev, ", "), strings.Join(r.RiskTreatments, ", "))
	}
	if len(s.Problems) > 0 {
		b.WriteString("\n## Problems with the SoA\n\n")
		for _, p := range s.Problems {
			fmt.Fprintf(&b, "- `%s`: %s\n", p.Control, p.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

var soaHTML = template.Must(template.New("soa").Funcs(template.FuncMap{
	"status": func(s string) string { return strings.ReplaceAll(s, "_", " ") },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Statement of Applicability: {{.Title}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1f24}
h1{font-size:1.4rem;margin:0 0 .3rem}p.meta{color:#555;margin:0 0 1rem}
.wrap{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f7;position:sticky;top:0}td.id{white-space:nowrap;font-family:ui-monospace,monospace}
.b{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:12px;border:1px solid #999}
.pass{background:#e6f4ea;border-color:#2e7d32}.fail,.error{background:#fdecea;border-color:#c62828}
.not_applicable,.not_implemented{background:#f1f1f1}.waived,.not_exercised{background:#fff4e5;border-color:#ef6c00}
small{color:#555}@media print{body{margin:0}th{position:static}}
</style></head><body>
<h1>Statement of Applicability: {{.Title}}</h1>
<p class="meta">As of {{.AsOf}} &middot; SoA version {{if .Version}}{{.Version}}{{else}}-{{end}} &middot; {{.Counts.Controls}} controls:
{{.Counts.Applicable}} applicable, {{.Counts.Excluded}} excluded, {{.Counts.NoEntry}} without an entry &middot; bundle sha256 {{.Bundle.SHA256}}</p>
<div class="wrap"><table><thead><tr><th>Control</th><th>Title</th><th>Applicable</th><th>Justification</th>
<th>Declared</th><th>Evaluated</th><th>Evidence</th><th>Risk treatments</th></tr></thead><tbody>
{{range .Rows}}<tr><td class="id">{{.ID}}</td><td>{{.Title}}</td><td>{{.Applicability}}</td><td>{{.Justification}}</td>
<td>{{.DeclaredStatus}}</td><td><span class="b {{.EvaluatedStatus}}">{{status .EvaluatedStatus}}</span>{{if .FirstProblem}}<br><small>{{.FirstProblem}}</small>{{end}}</td>
<td>{{range .Evidence}}<div>{{.Ref}} <small>{{.Date}} &middot; {{.File}}:{{.Line}}</small></div>{{end}}</td>
<td>{{range .RiskTreatments}}<div>{{.}}</div>{{end}}</td></tr>
{{end}}</tbody></table></div>
{{if .Problems}}<h2>Problems with the SoA</h2><ul>{{range .Problems}}<li>{{.Control}}: {{.Message}}</li>{{end}}</ul>{{end}}
</body></html>
`))

// WriteSoAHTML writes the SoA as one self-contained HTML page.
func WriteSoAHTML(w io.Writer, s *SoA) error { return soaHTML.Execute(w, s) }
