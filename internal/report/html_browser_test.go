package report

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests open the HTML report in headless Chromium and use it as a reader would:
// they need Debian's chromium, and skip without it, except in CI, which installs it.

// findChromium returns the path of a Chromium or Chrome binary, or skips the test (fails it
// in CI, where a missing browser would silently turn the tests off).
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const msg = "chromium not installed: install Debian's chromium to run the browser tests (apt-get install -y chromium)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// page is one report open in a headless browser, with every problem the page reported.
type page struct {
	ctx context.Context
	mu  sync.Mutex
	// problems are console errors, uncaught exceptions, error log entries (such as a
	// Content-Security-Policy violation) and requests for anything but the file itself.
	problems []string
}

func (p *page) add(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, s)
}

// Problems returns what the page reported so far.
func (p *page) Problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.problems...)
}

// openReport writes the page to a temporary file and opens it from a file:// URL in a fresh
// headless browser with a viewport of width x height.
func openReport(t *testing.T, html []byte, width, height int64) *page {
	t.Helper()
	exe := findChromium(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "annexa-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	// The whole browser lives at most this long (a test takes a few seconds), so a hung page
	// cannot hang the test run.
	ctx, cancelTimeout := context.WithTimeout(context.Background(), 45*time.Second)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(int(width), int(height)),
	)
	p := &page{}
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithListener(func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.add("console." + string(ev.Type) + ": " + strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			p.add("exception: " + msg)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				p.add("log " + string(ev.Entry.Source) + ": " + ev.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			if u := ev.Request.URL; u != fileURL && !strings.HasPrefix(u, "data:") {
				p.add("request: " + u)
			}
		}
	}))
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
		// Chromium's helpers can still write into the profile for a moment after it exits.
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	p.ctx = browserCtx
	if err := chromedp.Do(browserCtx,
		chromedp.EmulateViewport(width, height),
		chromedp.Navigate(fileURL),
		chromedp.WaitReady(chromedp.CSS("#shown-count")),
	); err != nil {
		t.Fatalf("open the report in chromium: %v", err)
	}
	return p
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, p *page, expr string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// visibleRows returns the ids of the control rows the reader can see.
func visibleRows(t *testing.T, p *page) []string {
	t.Helper()
	return eval[[]string](t, p, `Array.from(document.querySelectorAll('tr.control'))
		.filter(r => r.offsetParent !== null && getComputedStyle(r).display !== 'none')
		.map(r => r.dataset.id)`)
}

func noProblems(t *testing.T, p *page) {
	t.Helper()
	for _, s := range p.Problems() {
		t.Error(s)
	}
}

// TestHTMLBrowserLoads checks that the page loads without an error, requests nothing, runs
// its script and draws its charts.
func TestHTMLBrowserLoads(t *testing.T) {
	r := htmlSample()
	p := openReport(t, renderHTML(t, r, htmlSampleOptions()), 1280, 900)
	if n := eval[int](t, p, `document.querySelectorAll('svg.chart rect').length`); n == 0 {
		t.Error("no bar is drawn in svg.chart")
	}
	if w := eval[float64](t, p, `Math.max(...Array.from(document.querySelectorAll('svg.chart rect')).map(r => r.getBBox().width))`); w <= 0 {
		t.Error("the bars of svg.chart have no width")
	}
	if n := eval[int](t, p, `document.querySelectorAll('svg.trend polyline').length`); n == 0 {
		t.Error("no line is drawn in svg.trend")
	}
	if !eval[bool](t, p, `document.documentElement.classList.contains('js')`) {
		t.Error("the script did not run (refused by the Content-Security-Policy?)")
	}
	if got := eval[string](t, p, `document.getElementById('shown-count').textContent`); got != "9" {
		t.Errorf("#shown-count = %q, want 9", got)
	}
	// A related control's link shows and opens that control.
	eval[bool](t, p, `(() => { document.querySelector('a[data-goto="c-iso42001-A.6.2.4"]').click(); return true })()`)
	if !eval[bool](t, p, `!document.getElementById('d-iso42001-A.6.2.4').classList.contains('collapsed')`) {
		t.Error("following a related control does not open it")
	}
	noProblems(t, p)
}

// TestHTMLBrowserFilters checks the status filter and the search as a reader uses them.
func TestHTMLBrowserFilters(t *testing.T) {
	r := htmlSample()
	p := openReport(t, renderHTML(t, r, htmlSampleOptions()), 1280, 900)
	var all, fails []string
	for _, c := range r.Controls {
		all = append(all, c.ID)
		if c.Status == StatusFail {
			fails = append(fails, c.ID)
		}
	}
	if got := visibleRows(t, p); strings.Join(got, " ") != strings.Join(all, " ") {
		t.Fatalf("visible at load: %q, want every control", got)
	}

	eval[bool](t, p, `(() => { const s = document.getElementById('filter-status'); s.value = 'fail';
		s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	if got := visibleRows(t, p); strings.Join(got, " ") != strings.Join(fails, " ") {
		t.Errorf("status fail shows %q, want %q", got, fails)
	}
	if got := eval[string](t, p, `document.getElementById('shown-count').textContent`); got != "2" {
		t.Errorf("#shown-count = %q with status fail, want 2", got)
	}
	eval[bool](t, p, `(() => { const s = document.getElementById('filter-status'); s.value = '';
		s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)

	// Choosing a standard narrows the groups to its own; a group narrows the rows to it.
	eval[bool](t, p, `(() => { const s = document.getElementById('filter-standard'); s.value = 'iso42001';
		s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	if got := visibleRows(t, p); strings.Join(got, " ") != "iso42001:6.1.4 iso42001:A.6.2.4 iso42001:A.6.2.6" {
		t.Errorf("standard iso42001 shows %q", got)
	}
	if n := eval[int](t, p, `Array.from(document.querySelectorAll('#filter-group option')).filter(o => o.value.startsWith('iso27001:') && !o.disabled && !o.parentNode.disabled).length`); n != 0 {
		t.Errorf("%d groups of iso27001 can still be chosen with standard iso42001", n)
	}
	eval[bool](t, p, `(() => { const s = document.getElementById('filter-group'); s.value = 'iso42001:A.6';
		s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	if got := visibleRows(t, p); strings.Join(got, " ") != "iso42001:A.6.2.4 iso42001:A.6.2.6" {
		t.Errorf("group iso42001:A.6 shows %q", got)
	}
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.ID("clear-filters"))); err != nil {
		t.Fatal(err)
	}

	// Typing a control id leaves that control alone, though A.5.1 is a prefix of A.5.10.
	if err := chromedp.Do(p.ctx, chromedp.SendKeys(chromedp.ID("search"), "iso27001:A.5.1")); err != nil {
		t.Fatal(err)
	}
	if got := visibleRows(t, p); len(got) != 1 || got[0] != "iso27001:A.5.1" {
		t.Errorf("search iso27001:A.5.1 shows %q", got)
	}
	// Emptying the search field shows every control again.
	eval[bool](t, p, `(() => { const s = document.getElementById('search'); s.value = '';
		s.dispatchEvent(new Event('input', {bubbles: true})); return true })()`)
	if got := visibleRows(t, p); len(got) != len(all) {
		t.Errorf("emptying the search shows %d rows, want %d", len(got), len(all))
	}
	if err := chromedp.Do(p.ctx, chromedp.SendKeys(chromedp.ID("search"), "cve-1")); err != nil {
		t.Fatal(err)
	}
	if got := visibleRows(t, p); strings.Join(got, " ") != "iso27001:A.8.8 iso42001:A.6.2.6" {
		t.Errorf("search cve-1 shows %q, want the two controls whose evidence names it", got)
	}

	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.ID("clear-filters"))); err != nil {
		t.Fatal(err)
	}
	if got := visibleRows(t, p); len(got) != len(all) {
		t.Errorf("clearing the filters shows %d rows, want %d", len(got), len(all))
	}
	if got := eval[string](t, p, `document.getElementById('search').value`); got != "" {
		t.Errorf("clearing the filters leaves the search %q", got)
	}

	// A row's button unfolds its findings.
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#c-iso27001-A\.8\.8 button.toggle`))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, p, `document.getElementById('d-iso27001-A.8.8').offsetParent !== null`) {
		t.Error("the button of iso27001:A.8.8 does not show its findings")
	}
	noProblems(t, p)
}

// TestHTMLBrowserNarrow checks that a phone-sized screen needs no horizontal scrolling.
func TestHTMLBrowserNarrow(t *testing.T) {
	p := openReport(t, renderHTML(t, htmlSample(), htmlSampleOptions()), 375, 800)
	if w := eval[int](t, p, `document.documentElement.scrollWidth`); w > 376 {
		t.Errorf("the page is %dpx wide on a 375px screen", w)
	}
	// Open every control: the findings must fit too.
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.ID("expand-all"))); err != nil {
		t.Fatal(err)
	}
	if w := eval[int](t, p, `document.documentElement.scrollWidth`); w > 376 {
		t.Errorf("with every control open, the page is %dpx wide on a 375px screen", w)
	}
	if n := len(visibleRows(t, p)); n != len(htmlSample().Controls) {
		t.Errorf("%d rows visible on a narrow screen, want all", n)
	}
	noProblems(t, p)
}

// TestHTMLBrowserPrint checks the printed page: every control's details unfolded and no
// form controls.
func TestHTMLBrowserPrint(t *testing.T) {
	r := htmlSample()
	p := openReport(t, renderHTML(t, r, htmlSampleOptions()), 794, 1123)
	err := chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	if n := eval[int](t, p, `Array.from(document.querySelectorAll('tr.detail')).filter(d => d.offsetParent !== null).length`); n != len(r.Controls) {
		t.Errorf("%d of %d controls show their details in print", n, len(r.Controls))
	}
	if n := eval[int](t, p, `Array.from(document.querySelectorAll('select, input, button:not(.toggle)')).filter(e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden').length`); n != 0 {
		t.Errorf("%d form controls are printed", n)
	}
	noProblems(t, p)
}
