package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/annexa-dev/annexa/internal/catalog"
)

// htmlFS holds the template, stylesheet and script of the HTML report; all three are inlined
// into the one file the report is, so it opens offline and makes no request of any kind.
//
//go:embed html/*
var htmlFS embed.FS

// HTMLOptions add to an HTML report what the result itself does not hold.
type HTMLOptions struct {
	// Related returns the controls of the other standard that a control maps to; nil for none.
	Related func(id string) []RelatedControl
	// History lists earlier results, oldest first; when set, a trend chart of the count per
	// status is drawn over its points.
	History []HistoryPoint
}

// RelatedControl is a control of the other standard that a control maps to.
type RelatedControl struct {
	ID       string // canonical id, such as "iso42001:A.6.2.4"
	Title    string
	Relation string // strong, partial, weak or scf-transitive
}

// HistoryPoint is the summary of one earlier evaluation, a point of the trend chart.
type HistoryPoint struct {
	Label   string         // shown under the point, such as a tag or a short commit
	Commit  string         // the commit evaluated, if any
	AsOf    string         // the as-of date of that evaluation
	Summary map[string]int // count per status
}

// htmlAssets are the parsed template and the inlined stylesheet and script, with the
// Content-Security-Policy that allows exactly those two and nothing else.
type htmlAssets struct {
	tmpl *template.Template
	css  template.CSS
	js   template.JS
	csp  string
}

var loadHTMLAssets = sync.OnceValues(func() (*htmlAssets, error) {
	css, err := htmlFS.ReadFile("html/report.css")
	if err != nil {
		return nil, err
	}
	js, err := htmlFS.ReadFile("html/report.js")
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New("report.html.tmpl").ParseFS(htmlFS, "html/report.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse html report template: %w", err)
	}
	// default-src 'none' refuses every fetch (scripts, styles, fonts, images, frames,
	// connections); only the inline style and script below, identified by their digests, run.
	csp := fmt.Sprintf("default-src 'none'; style-src '%s'; script-src '%s'; img-src data:; base-uri 'none'; form-action 'none'",
		cspHash(css), cspHash(js))
	return &htmlAssets{tmpl: tmpl, css: template.CSS(css), js: template.JS(js), csp: csp}, nil
})

func cspHash(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// WriteHTML writes the report as one self-contained HTML page for an auditor: the provenance
// of the run, a chart of statuses per group for each standard, and a table of every control
// that can be filtered and searched, with each control's findings, evidence file:line,
// warnings and related controls of the other standard. Stylesheet and script are inline and
// the charts are inline SVG, so the page makes no network request; the same report and
// options always give the same bytes.
func WriteHTML(w io.Writer, r *Report, opts HTMLOptions) error {
	a, err := loadHTMLAssets()
	if err != nil {
		return err
	}
	v := newHTMLView(r, opts)
	v.CSS, v.JS, v.CSP = a.css, a.js, a.csp
	var b bytes.Buffer
	if err := a.tmpl.Execute(&b, v); err != nil {
		return fmt.Errorf("render html report: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// htmlStatus is how the page shows a status (or a finding's outcome): a word, a symbol, and
// a class that gives it a colour, so the colour is never the only signal.
type htmlStatus struct {
	ID    string
	Label string
	Icon  string
}

var htmlStatuses = map[string]htmlStatus{
	StatusPass:           {StatusPass, "Pass", "✓"},
	StatusFail:           {StatusFail, "Fail", "✗"},
	StatusNotApplicable:  {StatusNotApplicable, "Not applicable", "–"},
	StatusWaived:         {StatusWaived, "Waived", "≈"},
	StatusNotExercised:   {StatusNotExercised, "Not exercised", "○"},
	StatusError:          {StatusError, "Error", "!"},
	StatusNotImplemented: {StatusNotImplemented, "Not implemented", "…"},
	"at_risk":            {"at_risk", "At risk", "!"},
}

func statusOfHTML(s string) htmlStatus {
	if st, ok := htmlStatuses[s]; ok {
		return st
	}
	return htmlStatus{ID: s, Label: strings.ReplaceAll(s, "_", " "), Icon: "?"}
}

type htmlView struct {
	CSS template.CSS
	JS  template.JS
	CSP string

	R          *Report
	Title      string
	Standards  string // titles of the standards in the report, joined
	Failing    int
	Total      int
	Overall    []htmlCount
	Stds       []htmlStd
	Statuses   []htmlStatus // every status, for the legend and the status filter
	GroupOpts  []htmlGroupOpts
	Rows       []htmlRow
	Params     []htmlParam
	Trend      *htmlTrend
	HasRelated bool
}

type htmlCount struct {
	St htmlStatus
	N  int
}

type htmlStd struct {
	ID, Title string
	Total     int
	Counts    []htmlCount
	Groups    []htmlGroup
}

type htmlGroup struct {
	Key   string // standard:group, the value of the group filter
	ID    string // A.5, 9
	Name  string // "A.5" or "Clause 9"
	Title string
	Total int
	Segs  []htmlSeg
	Aria  string
}

type htmlSeg struct {
	X, W string // percentages of the widest bar
	St   htmlStatus
	N    int
}

type htmlGroupOpts struct {
	Standard, Title string
	Groups          []htmlGroup
}

type htmlRow struct {
	Control
	Anchor   string
	DetailID string
	Number   string
	StdShort string
	// GroupText names the group in full: "A.5 Organizational controls", "Clause 9 Performance evaluation".
	GroupText string
	St        htmlStatus
	First     Finding
	Findings  []htmlFinding
	Related   []htmlRelated
}

type htmlFinding struct {
	Finding
	St    htmlStatus
	Refs  []htmlRef
	Total int // the population when it exceeds the refs listed
}

type htmlRef struct {
	Ref, Loc string
}

type htmlRelated struct {
	ID, Title string
	Relations []htmlRelation // a mapping can relate two controls in more than one way
	Anchor    string         // the row of the related control, when it is in this report
	Label     string         // "ISO/IEC 42001 A.6.2.4"
}

type htmlRelation struct {
	Name, Meaning string
}

// relationMeanings explain the strengths of the cross-mapping to a reader.
var relationMeanings = map[string]string{
	"strong":         "the controls ask for much the same thing",
	"partial":        "the controls overlap in part",
	"weak":           "the controls touch on a common subject",
	"scf-transitive": "related through a control of the Secure Controls Framework that both map to",
}

type htmlParam struct {
	Key, Value string
}

func newHTMLView(r *Report, opts HTMLOptions) *htmlView {
	v := &htmlView{R: r, Total: len(r.Controls), Failing: len(r.Failing())}
	var titles []string
	for _, s := range r.Standards {
		titles = append(titles, catalog.StandardTitle(s))
	}
	v.Standards = strings.Join(titles, " and ")
	v.Title = "annexa report, as of " + r.AsOf
	for _, s := range Statuses {
		v.Statuses = append(v.Statuses, statusOfHTML(s))
		if r.Summary[s] > 0 || s == StatusPass || s == StatusFail {
			v.Overall = append(v.Overall, htmlCount{statusOfHTML(s), r.Summary[s]})
		}
	}
	inReport := map[string]string{}
	for _, c := range r.Controls {
		inReport[c.ID] = htmlAnchor(c.ID)
	}
	for _, std := range r.Standards {
		hs := htmlStd{ID: std, Title: catalog.StandardTitle(std)}
		for _, s := range PresentStatuses(r.ByStd[std]) {
			hs.Counts = append(hs.Counts, htmlCount{statusOfHTML(s), r.ByStd[std][s]})
			hs.Total += r.ByStd[std][s]
		}
		hs.Groups = htmlGroups(r.Controls, std)
		v.Stds = append(v.Stds, hs)
		v.GroupOpts = append(v.GroupOpts, htmlGroupOpts{Standard: std, Title: hs.Title, Groups: hs.Groups})
	}
	for _, c := range r.Controls {
		row := htmlRow{
			Control:   c,
			Anchor:    htmlAnchor(c.ID),
			DetailID:  "d-" + strings.TrimPrefix(htmlAnchor(c.ID), "c-"),
			Number:    strings.TrimPrefix(c.ID, c.Standard+":"),
			StdShort:  strings.TrimPrefix(c.Standard, "iso"),
			GroupText: groupLabel(c),
			St:        statusOfHTML(c.Status),
		}
		row.First = firstProblem(c)
		if row.First.Rule == "" && len(c.Findings) > 0 {
			row.First = c.Findings[0]
		}
		for _, f := range c.Findings {
			hf := htmlFinding{Finding: f, St: statusOfHTML(f.Outcome)}
			for _, e := range f.Evidence {
				ref := htmlRef{Ref: e.Ref}
				if e.File != "" {
					ref.Loc = fmt.Sprintf("%s:%d", e.File, e.Line)
				}
				hf.Refs = append(hf.Refs, ref)
			}
			if f.Population > len(f.Evidence) {
				hf.Total = f.Population
			}
			row.Findings = append(row.Findings, hf)
		}
		if opts.Related != nil {
			row.Related = htmlRelatedOf(opts.Related(c.ID), inReport)
			v.HasRelated = v.HasRelated || len(row.Related) > 0
		}
		v.Rows = append(v.Rows, row)
	}
	keys := make([]string, 0, len(r.Params))
	for k := range r.Params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b, err := Canonical(r.Params[k])
		val := string(b)
		if err != nil {
			val = fmt.Sprint(r.Params[k])
		}
		v.Params = append(v.Params, htmlParam{k, val})
	}
	if len(opts.History) > 0 {
		v.Trend = newHTMLTrend(opts.History)
	}
	return v
}

// htmlRelatedOf lists each related control once, in the order given, with every relation
// the mapping states between the two.
func htmlRelatedOf(rcs []RelatedControl, inReport map[string]string) []htmlRelated {
	var out []htmlRelated
	at := map[string]int{}
	for _, rc := range rcs {
		rel := htmlRelation{Name: rc.Relation, Meaning: relationMeanings[rc.Relation]}
		if i, ok := at[rc.ID]; ok {
			if !slices.Contains(out[i].Relations, rel) {
				out[i].Relations = append(out[i].Relations, rel)
			}
			continue
		}
		std, num, _ := strings.Cut(rc.ID, ":")
		at[rc.ID] = len(out)
		out = append(out, htmlRelated{ID: rc.ID, Title: rc.Title, Relations: []htmlRelation{rel},
			Anchor: inReport[rc.ID], Label: stdShortTitle(std) + " " + num})
	}
	return out
}

// stdShortTitle is the name of a standard without its year, such as "ISO/IEC 42001".
func stdShortTitle(std string) string {
	t := catalog.StandardTitle(std)
	if i := strings.LastIndex(t, ":"); i > 0 {
		return t[:i]
	}
	return t
}

// htmlAnchor is the element id of a control's row: "iso27001:A.5.1" gives "c-iso27001-A.5.1".
func htmlAnchor(id string) string {
	return "c-" + strings.NewReplacer(":", "-", " ", "-").Replace(id)
}

// htmlGroups counts the statuses of each group of a standard, in report order, and lays out
// one stacked bar per group, scaled to the largest group.
func htmlGroups(controls []Control, std string) []htmlGroup {
	var order []string
	byGroup := map[string]*htmlGroup{}
	counts := map[string]map[string]int{}
	for _, c := range controls {
		if c.Standard != std {
			continue
		}
		g, ok := byGroup[c.Group]
		if !ok {
			name := c.Group
			if c.Kind == catalog.KindClause {
				name = "Clause " + c.Group
			}
			g = &htmlGroup{Key: std + ":" + c.Group, ID: c.Group, Name: name, Title: c.GroupTitle}
			byGroup[c.Group] = g
			counts[c.Group] = map[string]int{}
			order = append(order, c.Group)
		}
		g.Total++
		counts[c.Group][c.Status]++
	}
	widest := 0
	for _, id := range order {
		widest = max(widest, byGroup[id].Total)
	}
	var out []htmlGroup
	for _, id := range order {
		g := byGroup[id]
		x := 0
		var aria []string
		for _, s := range Statuses {
			n := counts[id][s]
			if n == 0 {
				continue
			}
			g.Segs = append(g.Segs, htmlSeg{X: pct(x, widest), W: pct(n, widest), St: statusOfHTML(s), N: n})
			aria = append(aria, fmt.Sprintf("%d %s", n, strings.ToLower(statusOfHTML(s).Label)))
			x += n
		}
		g.Aria = fmt.Sprintf("%s %s: %d %s, %s", g.Name, g.Title, g.Total, plural(g.Total, "control", "controls"),
			strings.Join(aria, ", "))
		out = append(out, *g)
	}
	return out
}

func pct(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return strconv.FormatFloat(100*float64(n)/float64(of), 'f', 3, 64) + "%"
}

// htmlTrend is the line chart of the count per status over the history points.
type htmlTrend struct {
	W, H     int
	Left     int
	Right    int
	Top      int
	Bottom   int
	Lines    []htmlLine
	XTicks   []htmlTick
	YTicks   []htmlTick
	Points   []HistoryPoint
	Statuses []htmlStatus
	Table    [][]int // per point, the count of each of Statuses
	Aria     string
}

type htmlLine struct {
	St     htmlStatus
	Points string
	Dots   []htmlTick
}

type htmlTick struct {
	X, Y  string
	Label string
	Title string
}

func newHTMLTrend(points []HistoryPoint) *htmlTrend {
	t := &htmlTrend{W: 960, H: 300, Left: 52, Right: 936, Top: 16, Bottom: 252, Points: points}
	top := 0
	var present []string
	for _, s := range Statuses {
		for _, p := range points {
			if p.Summary[s] > 0 {
				present = append(present, s)
				break
			}
		}
	}
	for _, p := range points {
		row := make([]int, 0, len(present))
		for _, s := range present {
			row = append(row, p.Summary[s])
			top = max(top, p.Summary[s])
		}
		t.Table = append(t.Table, row)
	}
	step := niceStep(top)
	yMax := step * int(math.Ceil(float64(max(top, 1))/float64(step)))
	xOf := func(i int) float64 {
		if len(points) == 1 {
			return float64(t.Left+t.Right) / 2
		}
		return float64(t.Left) + float64(i)*float64(t.Right-t.Left)/float64(len(points)-1)
	}
	yOf := func(n int) float64 {
		return float64(t.Bottom) - float64(n)*float64(t.Bottom-t.Top)/float64(yMax)
	}
	for y := 0; y <= yMax; y += step {
		t.YTicks = append(t.YTicks, htmlTick{Y: coord(yOf(y)), Label: strconv.Itoa(y)})
	}
	// Label every stride-th point, so that labels of about 110 units never overlap.
	stride := 1
	if len(points) > 1 {
		gap := float64(t.Right-t.Left) / float64(len(points)-1)
		stride = int(math.Ceil(110 / gap))
	}
	for i, p := range points {
		if (len(points)-1-i)%stride != 0 { // counted from the latest, which is always labelled
			continue
		}
		label := p.Label
		if r := []rune(label); len(r) > 14 {
			label = string(r[:13]) + "…"
		}
		title := p.Label
		if p.AsOf != "" {
			title += ", as of " + p.AsOf
		}
		if p.Commit != "" {
			title += ", commit " + p.Commit
		}
		t.XTicks = append(t.XTicks, htmlTick{X: coord(xOf(i)), Label: label, Title: title})
	}
	var aria []string
	for _, s := range present {
		st := statusOfHTML(s)
		t.Statuses = append(t.Statuses, st)
		line := htmlLine{St: st}
		var pts []string
		for i, p := range points {
			x, y := coord(xOf(i)), coord(yOf(p.Summary[s]))
			pts = append(pts, x+","+y)
			line.Dots = append(line.Dots, htmlTick{X: x, Y: y, Title: fmt.Sprintf("%s: %d %s", p.Label, p.Summary[s], strings.ToLower(st.Label))})
		}
		line.Points = strings.Join(pts, " ")
		t.Lines = append(t.Lines, line)
		first, last := points[0].Summary[s], points[len(points)-1].Summary[s]
		aria = append(aria, fmt.Sprintf("%s from %d to %d", strings.ToLower(st.Label), first, last))
	}
	t.Aria = fmt.Sprintf("Count of controls per status over %d %s: %s", len(points), plural(len(points), "evaluation", "evaluations"), strings.Join(aria, "; "))
	return t
}

// niceStep is a tick step of 1, 2 or 5 times a power of ten giving at most five ticks.
func niceStep(top int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top <= 5*m*p {
				return m * p
			}
		}
	}
}

func coord(f float64) string {
	return strconv.FormatFloat(f, 'f', 1, 64)
}
