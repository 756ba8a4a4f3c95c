package report

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/engine"
)

// waiver is an Exception record with its scope resolved to canonical control ids.
type waiver struct {
	ref      string
	w        engine.Waiver
	controls map[string]bool            // whole controls waived
	rules    map[string]map[string]bool // control -> rules waived
	records  map[string]bool            // when set, only findings about these records
}

// resolveWaivers reads the scope of every Exception: controls (canonical or short ids),
// rule ids written rule:<control>/<rule>, and references to the excepted records.
func resolveWaivers(cat *catalog.Catalog, ws map[string]engine.Waiver) []waiver {
	var out []waiver
	for ref, w := range ws {
		wv := waiver{ref: ref, w: w, controls: map[string]bool{}, rules: map[string]map[string]bool{}, records: map[string]bool{}}
		for _, c := range w.Controls {
			if ctl, err := cat.Resolve(c); err == nil {
				wv.controls[ctl.ID] = true
			}
		}
		for _, a := range w.AppliesTo {
			switch {
			case strings.HasPrefix(a, "rule:"):
				ctlID, rule, ok := strings.Cut(strings.TrimPrefix(a, "rule:"), "/")
				if ctl, err := cat.Resolve(ctlID); err == nil && ok {
					if wv.rules[ctl.ID] == nil {
						wv.rules[ctl.ID] = map[string]bool{}
					}
					wv.rules[ctl.ID][rule] = true
				}
			case bundle.IsRef(a):
				wv.records[a] = true
			default:
				if ctl, err := cat.Resolve(a); err == nil {
					wv.controls[ctl.ID] = true
				} else {
					wv.controls[a] = true // the organization's own control, by its exact id
				}
			}
		}
		out = append(out, wv)
	}
	slices.SortFunc(out, func(a, b waiver) int { return strings.Compare(a.ref, b.ref) })
	return out
}

func (w waiver) names(control string) bool {
	return w.controls[control] || len(w.rules[control]) > 0
}

// covers reports whether the waiver covers one failing finding of a control.
func (w waiver) covers(control string, f Finding) bool {
	if !w.controls[control] && !w.rules[control][f.Rule] {
		return false
	}
	if len(w.records) == 0 {
		return true
	}
	if len(f.Evidence) == 0 {
		return false
	}
	for _, e := range f.Evidence {
		base, _, _ := strings.Cut(e.Ref, "#")
		if !w.records[base] {
			return false
		}
	}
	return true
}

// applyWaivers turns a failing control into waived when active waivers cover every failing
// finding, reports expired and invalid waivers as failures, and warns about waivers that
// cover nothing or expire soon.
func applyWaivers(in Input, c *Control, ws []waiver) {
	var relevant []waiver
	for _, w := range ws {
		if w.names(c.ID) {
			relevant = append(relevant, w)
		}
	}
	if len(relevant) == 0 || c.Status == StatusNotApplicable || c.Status == StatusNotImplemented {
		return
	}
	warnDays := intParam(in.Params, "exception_expiry_warning_days", 30)
	var failing []Finding
	for _, f := range c.Findings {
		if f.Outcome == StatusFail {
			failing = append(failing, f)
		}
	}
	covered := make([]bool, len(failing))
	var applied []Finding
	for _, w := range relevant {
		loc := Locate(in.Bundle, w.ref)
		switch w.w.State {
		case "active":
			n := 0
			for i, f := range failing {
				if w.covers(c.ID, f) {
					covered[i] = true
					n++
				}
			}
			switch {
			case len(failing) == 0:
				c.Warnings = append(c.Warnings, fmt.Sprintf("waiver %s covers no failing finding: let it lapse or withdraw it", w.ref))
			case n == 0:
				c.Warnings = append(c.Warnings, fmt.Sprintf("waiver %s names this control but covers none of its failing findings", w.ref))
			default:
				applied = append(applied, Finding{Rule: "waiver", Outcome: StatusPass, Message: w.w.Message, Evidence: []Evidence{loc}})
			}
			if days := daysBetween(in.AsOf, w.w.ExpiresOn); days >= 0 && days <= warnDays {
				c.Warnings = append(c.Warnings, fmt.Sprintf("expiring: waiver %s ends on %s", w.ref, w.w.ExpiresOn))
			}
		case "expired", "invalid":
			if len(failing) > 0 {
				c.Findings = append(c.Findings, Finding{Rule: "waiver", Outcome: StatusFail, Message: w.w.Message, Evidence: []Evidence{loc}})
			} else if w.w.State == "invalid" {
				c.Warnings = append(c.Warnings, w.w.Message)
			}
		}
	}
	all := len(failing) > 0
	for _, ok := range covered {
		all = all && ok
	}
	if all && c.Status == StatusFail && !hasOutcome(c.Findings, "waiver", StatusFail) {
		c.Status = StatusWaived
	} else if len(applied) > 0 && c.Status == StatusFail {
		c.Warnings = append(c.Warnings, "active waivers cover only some of the failing findings")
	}
	c.Findings = append(c.Findings, applied...)
}

func hasOutcome(fs []Finding, rule, outcome string) bool {
	for _, f := range fs {
		if f.Rule == rule && f.Outcome == outcome {
			return true
		}
	}
	return false
}

func intParam(params map[string]any, name string, def int) int {
	switch v := params[name].(type) {
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return int(n)
		}
	case int:
		return v
	case float64:
		return int(v)
	}
	return def
}

func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return -1
	}
	return int(tb.Sub(ta).Hours() / 24)
}
