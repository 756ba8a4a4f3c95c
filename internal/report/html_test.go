package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlSample is a report over both standards with every status, warnings, a finding whose
// message holds markup, and a passing finding with more evidence than it lists.
func htmlSample() *Report {
	ev := []Evidence{{Ref: "Finding/cve-1", File: "evidence/findings/cve-1.yaml", Line: 3}}
	many := []Evidence{
		{Ref: "Person/alice", File: "evidence/people/alice.yaml", Line: 1},
		{Ref: "Person/bob", File: "evidence/people/bob.yaml", Line: 1},
	}
	ctl := func(id, kind, title, group, groupTitle, status string, fs ...Finding) Control {
		std, _, _ := strings.Cut(id, ":")
		if fs == nil {
			fs = []Finding{}
		}
		return Control{ID: id, Standard: std, Kind: kind, Title: title, Group: group, GroupTitle: groupTitle,
			Status: status, Basis: "records", Findings: fs}
	}
	r := &Report{
		Tool: Tool{Name: "annexa", Version: "test"}, AsOf: "2026-11-30",
		Bundle: Bundle{Path: "evidence", Files: 4, Records: 7, SHA256: strings.Repeat("a", 64),
			Commit: strings.Repeat("c", 40), Tree: strings.Repeat("d", 40)},
		Standards: []string{"iso27001", "iso42001"},
		Root:      Evidence{Ref: "ManagementSystem/isms", File: "evidence/ms.yaml", Line: 1},
		Params:    map[string]any{"lookback_days": 365, "review_days": 90},
		Provenance: Provenance{
			Evidence:       []EvidenceFile{{Path: "evidence/ms.yaml", SHA256: strings.Repeat("1", 64)}},
			PoliciesSHA256: strings.Repeat("2", 64), SchemasSHA256: strings.Repeat("3", 64), ParametersSHA256: strings.Repeat("4", 64),
		},
		Controls: []Control{
			ctl("iso27001:9.2", "clause", "Internal audit", "9", "Performance evaluation", StatusPass,
				Finding{Rule: "R1", Outcome: "pass", Message: "audited", Evidence: many, Population: 12}),
			ctl("iso27001:A.5.1", "annex-a", "Policies for information security", "A.5", "Organizational controls", StatusFail,
				Finding{Rule: "R1", Outcome: "fail", Message: "no current information security policy", Evidence: []Evidence{}}),
			ctl("iso27001:A.5.10", "annex-a", "Acceptable use of information", "A.5", "Organizational controls", StatusWaived,
				Finding{Rule: "R1", Outcome: "fail", Message: "no acceptable-use policy", Evidence: []Evidence{}}),
			ctl("iso27001:A.7.12", "annex-a", "Cabling security", "A.7", "Physical controls", StatusNotApplicable,
				Finding{Rule: "SoA", Outcome: "pass", Message: "excluded: no own cabling", Evidence: []Evidence{}}),
			ctl("iso27001:A.8.8", "annex-a", "Management of technical vulnerabilities", "A.8", "Technological controls", StatusFail,
				Finding{Rule: "R1", Outcome: "pass", Message: "scanned", Evidence: ev, Population: 1},
				Finding{Rule: "R2", Outcome: "fail", Message: "Finding/cve-1 is overdue: <script>alert(1)</script> & \"now\"", Evidence: ev}),
			ctl("iso27001:A.8.9", "annex-a", "Configuration management", "A.8", "Technological controls", StatusNotImplemented,
				Finding{Rule: "-", Outcome: "not_implemented", Message: "no policy", Evidence: []Evidence{}}),
			ctl("iso42001:6.1.4", "clause", "AI system impact assessment", "6", "Planning", StatusNotExercised,
				Finding{Rule: "R1", Outcome: "not_exercised", Message: "no AI system in scope", Evidence: []Evidence{}}),
			ctl("iso42001:A.6.2.4", "annex-a", "AI system verification and validation", "A.6", "AI system life cycle", StatusError,
				Finding{Rule: "-", Outcome: "error", Message: "policy failed: division by zero", Evidence: []Evidence{}}),
			ctl("iso42001:A.6.2.6", "annex-a", "AI system operation and monitoring", "A.6", "AI system life cycle", StatusPass,
				Finding{Rule: "R1", Outcome: "at_risk", Message: "review due in 5 days", Evidence: ev}),
		},
	}
	r.Strict = &Strict{Excluded: []string{"evidence/people/carol.yaml"}, LateRecorded: []string{"Person/bob: dated 2026-01-05, first committed 2026-11-20"}}
	r.Controls[4].Warnings = []string{"at_risk: Finding/cve-1 is due in 3 days"}
	r.Controls[8].Warnings = []string{"at_risk: review due in 5 days"}
	r.Summary, r.ByStd = map[string]int{}, map[string]map[string]int{}
	for _, s := range r.Standards {
		r.ByStd[s] = map[string]int{}
	}
	for _, c := range r.Controls {
		r.Summary[c.Status]++
		r.ByStd[c.Standard][c.Status]++
	}
	return r
}

func htmlSampleOptions() HTMLOptions {
	related := map[string][]RelatedControl{
		"iso27001:A.8.8":   {{ID: "iso42001:A.6.2.4", Title: "AI system verification and validation", Relation: "partial"}},
		"iso42001:A.6.2.4": {{ID: "iso27001:A.8.8", Title: "Management of technical vulnerabilities", Relation: "partial"}, {ID: "iso27001:A.8.29", Title: "Security testing in development and acceptance", Relation: "weak"}},
	}
	return HTMLOptions{
		Related: func(id string) []RelatedControl { return related[id] },
		History: []HistoryPoint{
			{Label: "v2026.1", Commit: strings.Repeat("1", 40), AsOf: "2026-03-31", Summary: map[string]int{"pass": 2, "fail": 4, "not_implemented": 3}},
			{Label: "v2026.2", Commit: strings.Repeat("2", 40), AsOf: "2026-06-30", Summary: map[string]int{"pass": 3, "fail": 3, "not_implemented": 3}},
			{Label: "HEAD", AsOf: "2026-11-30", Summary: map[string]int{"pass": 2, "fail": 2, "waived": 1, "not_applicable": 1, "not_exercised": 1, "error": 1, "not_implemented": 1}},
		},
	}
}

func renderHTML(t *testing.T, r *Report, opts HTMLOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, r, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("parse html: %v", err)
	}
	return doc
}

// walk calls fn for every element under n, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return strings.Contains(" "+v+" ", " "+class+" ")
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func findAll(doc *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(doc, func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
	})
	return out
}

func byID(doc *html.Node, id string) *html.Node {
	for _, n := range findAll(doc, func(n *html.Node) bool { v, _ := attr(n, "id"); return v == id }) {
		return n
	}
	return nil
}

var cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]*)`)

// TestHTMLSelfContained checks that the page loads nothing: no stylesheet, script, image,
// frame or font from anywhere, and a Content-Security-Policy that refuses every fetch.
func TestHTMLSelfContained(t *testing.T) {
	page := renderHTML(t, htmlSample(), htmlSampleOptions())
	doc := parseHTML(t, page)
	local := func(v string) bool { return v == "" || strings.HasPrefix(v, "#") || strings.HasPrefix(v, "data:") }
	var scripts, styles []string
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "iframe", "frame", "object", "embed", "base", "audio", "video", "source", "track", "portal":
			t.Errorf("<%s> element: the report must load nothing", n.Data)
		case "link":
			href, _ := attr(n, "href")
			if !strings.HasPrefix(href, "data:") {
				t.Errorf("<link href=%q>: the report must inline its resources", href)
			}
		case "script":
			if src, ok := attr(n, "src"); ok {
				t.Errorf("<script src=%q>: the script must be inline", src)
			}
			scripts = append(scripts, textOf(n))
		case "style":
			styles = append(styles, textOf(n))
		}
		for _, a := range n.Attr {
			switch strings.ToLower(a.Key) {
			case "src", "href", "xlink:href", "action", "formaction", "poster", "srcset", "background", "data", "ping", "manifest":
				if !local(a.Val) {
					t.Errorf("<%s %s=%q>: only in-page anchors and data: are allowed", n.Data, a.Key, a.Val)
				}
			case "style":
				styles = append(styles, a.Val)
			}
			if strings.Contains(strings.ToLower(a.Val), "http") && (a.Key == "src" || a.Key == "href") {
				t.Errorf("<%s %s=%q> points to the network", n.Data, a.Key, a.Val)
			}
		}
	})
	for _, css := range styles {
		if strings.Contains(strings.ToLower(css), "@import") {
			t.Error("stylesheet uses @import")
		}
		for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
			if !local(m[1]) {
				t.Errorf("stylesheet loads url(%s)", m[1])
			}
		}
	}
	for _, js := range scripts {
		for _, bad := range []string{"fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "import(", "http:", "https:"} {
			if strings.Contains(js, bad) {
				t.Errorf("script contains %q", bad)
			}
		}
	}
	if len(scripts) != 1 || len(styles) != 1 {
		t.Fatalf("want one inline script and one stylesheet, got %d and %d", len(scripts), len(styles))
	}
	// The policy refuses every fetch and allows exactly the inline script and stylesheet.
	var csp string
	walk(doc, func(n *html.Node) {
		if v, _ := attr(n, "http-equiv"); n.Data == "meta" && strings.EqualFold(v, "Content-Security-Policy") {
			csp, _ = attr(n, "content")
		}
	})
	if !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q does not refuse every fetch", csp)
	}
	for _, inline := range []string{scripts[0], styles[0]} {
		sum := sha256.Sum256([]byte(inline))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, h) {
			t.Errorf("Content-Security-Policy %q lacks %s: the browser would refuse an inline block", csp, h)
		}
	}
}

// TestHTMLRows checks one row per control, in report order, with the data attributes the
// filters read, each followed by its detail row.
func TestHTMLRows(t *testing.T) {
	r := htmlSample()
	doc := parseHTML(t, renderHTML(t, r, htmlSampleOptions()))
	rows := findAll(doc, func(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "control") })
	if len(rows) != len(r.Controls) {
		t.Fatalf("%d control rows, want %d", len(rows), len(r.Controls))
	}
	for i, row := range rows {
		c := r.Controls[i]
		for key, want := range map[string]string{"data-id": c.ID, "data-standard": c.Standard, "data-group": c.Group, "data-status": c.Status} {
			if got, _ := attr(row, key); got != want {
				t.Errorf("row %d: %s=%q, want %q", i, key, got, want)
			}
		}
		detailID, _ := attr(row, "data-detail")
		detail := byID(doc, detailID)
		if detail == nil || !hasClass(detail, "detail") {
			t.Errorf("%s: no detail row %q", c.ID, detailID)
		}
	}
	seen := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if id, ok := attr(n, "id"); ok {
			if seen[id] {
				t.Errorf("duplicate id %q", id)
			}
			seen[id] = true
		}
	})
	if len(findAll(doc, func(n *html.Node) bool { return n.Data == "script" })) != 1 {
		t.Error("a finding's message became markup: it must be escaped")
	}
	if !strings.Contains(textOf(doc), "<script>alert(1)</script> & \"now\"") {
		t.Error("a finding's message is not shown as written")
	}
}

// TestHTMLDetails checks what the detail of a control shows: every finding with its rule and
// outcome, evidence as file:line, warnings, and links to the related controls.
func TestHTMLDetails(t *testing.T) {
	doc := parseHTML(t, renderHTML(t, htmlSample(), htmlSampleOptions()))
	detail := byID(doc, "d-iso27001-A.8.8")
	if detail == nil {
		t.Fatal("no detail for iso27001:A.8.8")
	}
	text := strings.Join(strings.Fields(textOf(detail)), " ")
	for _, want := range []string{"rule R1", "rule R2", "Pass", "Fail", "scanned", "evidence/findings/cve-1.yaml:3", "Finding/cve-1",
		"at_risk: Finding/cve-1 is due in 3 days", "ISO/IEC 42001 A.6.2.4", "AI system verification and validation", "partial"} {
		if !strings.Contains(text, want) {
			t.Errorf("detail of iso27001:A.8.8 lacks %q:\n%s", want, text)
		}
	}
	for _, a := range findAll(doc, func(n *html.Node) bool { return n.Data == "a" }) {
		href, _ := attr(a, "href")
		if strings.HasPrefix(href, "#") && byID(doc, href[1:]) == nil {
			t.Errorf("link %q goes nowhere", href)
		}
	}
	prov := strings.Join(strings.Fields(textOf(byID(doc, "provenance"))), " ")
	for _, want := range []string{"Strict replay", "evidence/people/carol.yaml", "Person/bob: dated 2026-01-05", strings.Repeat("c", 40),
		strings.Repeat("2", 64), strings.Repeat("3", 64), strings.Repeat("4", 64), "annexa test", "7 records in 4 files"} {
		if !strings.Contains(prov, want) {
			t.Errorf("provenance lacks %q", want)
		}
	}
	pass := strings.Join(strings.Fields(textOf(byID(doc, "d-iso27001-9.2"))), " ")
	if !strings.Contains(pass, "2 of 12 records listed") {
		t.Errorf("a passing finding does not say how much of its population it lists:\n%s", pass)
	}
	// A related control outside the report is named but not linked.
	other := strings.Join(strings.Fields(textOf(byID(doc, "d-iso42001-A.6.2.4"))), " ")
	if !strings.Contains(other, "ISO/IEC 27001 A.8.29") {
		t.Errorf("related control outside the report is missing:\n%s", other)
	}
}

// TestHTMLFilters checks the filter controls: labelled selects for standard, group and status,
// a search field and the count of shown controls.
func TestHTMLFilters(t *testing.T) {
	r := htmlSample()
	doc := parseHTML(t, renderHTML(t, r, HTMLOptions{}))
	labels := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if f, ok := attr(n, "for"); ok && n.Data == "label" {
			labels[f] = true
		}
	})
	options := func(sel *html.Node) []string {
		var out []string
		walk(sel, func(n *html.Node) {
			if n.Data == "option" {
				v, _ := attr(n, "value")
				out = append(out, v)
			}
		})
		return out
	}
	for _, tc := range []struct {
		id, element string
		options     []string
	}{
		{"filter-standard", "select", []string{"", "iso27001", "iso42001"}},
		{"filter-group", "select", []string{"", "iso27001:9", "iso27001:A.5", "iso27001:A.7", "iso27001:A.8", "iso42001:6", "iso42001:A.6"}},
		{"filter-status", "select", append([]string{""}, Statuses...)},
		{"search", "input", nil},
	} {
		t.Run(tc.id, func(t *testing.T) {
			n := byID(doc, tc.id)
			if n == nil || n.Data != tc.element {
				t.Fatalf("no <%s id=%q>", tc.element, tc.id)
			}
			if !labels[tc.id] {
				t.Errorf("#%s has no <label for>", tc.id)
			}
			if tc.options != nil {
				if got := options(n); fmt.Sprint(got) != fmt.Sprint(tc.options) {
					t.Errorf("options %q, want %q", got, tc.options)
				}
			}
		})
	}
	count := byID(doc, "shown-count")
	if count == nil || textOf(count) != fmt.Sprint(len(r.Controls)) {
		t.Errorf("#shown-count does not show %d", len(r.Controls))
	}
}

// TestHTMLCharts checks one bar segment per group and status present, and that the trend
// chart is drawn only with a history.
func TestHTMLCharts(t *testing.T) {
	r := htmlSample()
	segments := map[string]bool{}
	for _, c := range r.Controls {
		segments[c.Standard+" "+c.Group+" "+c.Status] = true
	}
	for _, tc := range []struct {
		name  string
		opts  HTMLOptions
		lines int
	}{
		{"without history", HTMLOptions{}, 0},
		{"with history", htmlSampleOptions(), len(Statuses)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseHTML(t, renderHTML(t, r, tc.opts))
			charts := findAll(doc, func(n *html.Node) bool { return n.Data == "svg" && hasClass(n, "chart") })
			rects := 0
			for _, c := range charts {
				rects += len(findAll(c, func(n *html.Node) bool { return n.Data == "rect" }))
			}
			if rects != len(segments) {
				t.Errorf("%d bar segments, want %d", rects, len(segments))
			}
			trends := findAll(doc, func(n *html.Node) bool { return n.Data == "svg" && hasClass(n, "trend") })
			if tc.lines == 0 {
				if len(trends) != 0 {
					t.Error("trend chart drawn without a history")
				}
				return
			}
			if len(trends) != 1 {
				t.Fatalf("%d trend charts, want 1", len(trends))
			}
			if n := len(findAll(trends[0], func(n *html.Node) bool { return n.Data == "polyline" })); n != tc.lines {
				t.Errorf("%d trend lines, want %d", n, tc.lines)
			}
			if n := len(findAll(trends[0], func(n *html.Node) bool { return n.Data == "circle" })); n != tc.lines*len(tc.opts.History) {
				t.Errorf("%d trend points, want %d", n, tc.lines*len(tc.opts.History))
			}
		})
	}
}

// TestHTMLDeterministic checks that the same report gives the same bytes.
func TestHTMLDeterministic(t *testing.T) {
	first := renderHTML(t, htmlSample(), htmlSampleOptions())
	for range 3 {
		if again := renderHTML(t, htmlSample(), htmlSampleOptions()); !bytes.Equal(first, again) {
			t.Fatal("two renders of the same report differ")
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, tc := range []struct{ top, want int }{{0, 1}, {4, 1}, {5, 1}, {6, 2}, {10, 2}, {11, 5}, {25, 5}, {26, 10}, {183, 50}, {1000, 200}} {
		if got := niceStep(tc.top); got != tc.want {
			t.Errorf("niceStep(%d) = %d, want %d", tc.top, got, tc.want)
		}
	}
}
