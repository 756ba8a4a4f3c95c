package bundle

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// LineTime returns when a line of an evidence file was first committed; ok is false when
// that is unknown (the line is not committed).
type LineTime func(file string, line int) (t time.Time, ok bool)

// LateRecord is a dated entry written long after the date it states.
type LateRecord struct {
	Ref       string // Kind/id#field.path
	Stated    string // the date the entry states
	Committed string // the date its line was first committed
}

// Message describes the late entry.
func (l LateRecord) Message() string {
	return fmt.Sprintf("%s states %s but was first committed on %s", l.Ref, l.Stated, l.Committed)
}

// eventFields are the fields whose date says when something happened, as opposed to facts
// such as a start date; a late commit of these is what an auditor asks about.
var eventFields = map[string]bool{
	"on": true, "performed_on": true, "completed_on": true, "signed_on": true, "held_on": true,
	"attested_on": true, "approved_on": true, "resolved_on": true, "closed_on": true, "decided_on": true,
	"verified_on": true, "deployed_on": true, "done_on": true, "remediated_on": true, "checked_on": true,
	"evaluated_on": true, "disabled_on": true, "report_on": true, "sent_on": true,
}

// Strict removes what was committed after cutoff: whole records whose first line (kind) was
// committed later, and list entries (a review, an approval, an item) whose first line was.
// It returns the refs it removed and the dated entries committed more than tolerance after
// the date they state. Lines whose commit time is unknown count as not committed.
func (b *Bundle) Strict(lineTime LineTime, cutoff time.Time, tolerance time.Duration) (removed []string, late []LateRecord) {
	kept := b.Records[:0]
	for _, r := range b.Records {
		t, ok := lineTime(r.Pos.File, r.Pos.Line)
		if !ok || t.After(cutoff) {
			removed = append(removed, r.Ref())
			delete(b.Index, r.Ref())
			continue
		}
		r.positions()
		renames := map[string]map[int]int{}
		v, gone := r.prune(r.Value, "", lineTime, cutoff, renames)
		r.Value = v.(map[string]any)
		if len(renames) > 0 {
			r.lossy = true // Value no longer matches the syntax tree
		}
		r.renumber(renames)
		removed = append(removed, gone...)
		late = append(late, r.late(lineTime, tolerance)...)
		kept = append(kept, r)
	}
	b.Records = kept
	slices.Sort(removed)
	slices.SortFunc(late, func(a, b LateRecord) int { return strings.Compare(a.Ref, b.Ref) })
	return removed, late
}

// prune drops list elements first committed after cutoff, at any depth.
func (r *Record) prune(v any, at string, lineTime LineTime, cutoff time.Time, renames map[string]map[int]int) (any, []string) {
	var removed []string
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			p := join(at, k)
			nv, gone := r.prune(e, p, lineTime, cutoff, renames)
			out[k] = nv
			removed = append(removed, gone...)
		}
		return out, removed
	case []any:
		out := make([]any, 0, len(x))
		index := map[int]int{}
		for i, e := range x {
			p := join(at, strconv.Itoa(i))
			if _, isMap := e.(map[string]any); isMap {
				if lc, ok := r.fields[p]; ok {
					if t, ok := lineTime(r.Pos.File, int(lc.line)); !ok || t.After(cutoff) {
						removed = append(removed, r.Ref()+"#"+p)
						index[i] = -1
						continue
					}
				}
			}
			index[i] = len(out)
			nv, gone := r.prune(e, p, lineTime, cutoff, renames)
			out = append(out, nv)
			removed = append(removed, gone...)
		}
		if len(out) != len(x) {
			renames[at] = index
		}
		return out, removed
	}
	return v, nil
}

// renumber rewrites field positions after list entries were removed, so that positions
// follow the pruned value (items.3 becomes items.2 when items.1 was removed).
func (r *Record) renumber(renames map[string]map[int]int) {
	if len(renames) == 0 {
		return
	}
	fields := make(map[string]lineCol, len(r.fields))
next:
	for key, pos := range r.fields {
		segs := strings.Split(key, ".")
		orig := ""
		for i, seg := range segs {
			if m, ok := renames[orig]; ok {
				if n, err := strconv.Atoi(seg); err == nil {
					if m[n] < 0 {
						continue next
					}
					segs[i] = strconv.Itoa(m[n])
				}
			}
			orig = join(orig, seg)
		}
		fields[strings.Join(segs, ".")] = pos
	}
	r.fields = fields
}

// late finds event dates written more than tolerance before their line was committed.
func (r *Record) late(lineTime LineTime, tolerance time.Duration) []LateRecord {
	var out []LateRecord
	for p, lc := range r.fields {
		name := p[strings.LastIndexByte(p, '.')+1:]
		if !eventFields[name] {
			continue
		}
		s, ok := lookupString(r.Value, p)
		if !ok || len(s) < 10 {
			continue
		}
		stated, err := time.Parse("2006-01-02", s[:10])
		if err != nil {
			continue
		}
		t, ok := lineTime(r.Pos.File, int(lc.line))
		if !ok {
			continue
		}
		if t.Sub(stated) > tolerance+24*time.Hour {
			out = append(out, LateRecord{Ref: r.Ref() + "#" + p, Stated: s[:10], Committed: t.UTC().Format("2006-01-02")})
		}
	}
	return out
}

func join(at, k string) string {
	if at == "" {
		return k
	}
	return at + "." + k
}

func lookupString(v any, p string) (string, bool) {
	for _, seg := range strings.Split(p, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return "", false
			}
			v = x[i]
		default:
			return "", false
		}
	}
	s, ok := v.(string)
	return s, ok
}
