package engine

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// Outcomes of a finding.
const (
	OutcomePass         = "pass"
	OutcomeFail         = "fail"
	OutcomeAtRisk       = "at_risk"
	OutcomeNotExercised = "not_exercised"
)

// Finding is one rule outcome of a control, as the policy wrote it.
type Finding struct {
	Rule    string   `json:"rule"`
	Outcome string   `json:"outcome"`
	Message string   `json:"message"`
	Refs    []string `json:"refs"`
}

// Input is what the policies read: the as-of date, the effective parameters and the records
// grouped by kind and keyed by id.
type Input struct {
	AsOf    string                               `json:"as_of"`
	Params  map[string]any                       `json:"params"`
	Records map[string]map[string]map[string]any `json:"records"`
}

// Outcome is the raw result of evaluating the policies: the findings of every control that
// has a policy, and the Statement of Applicability gate of excluded controls.
type Outcome struct {
	Findings map[string][]Finding
	Gate     map[string]Finding
	Waivers  map[string]Waiver
	Errors   map[string]string
}

// Waiver is the state of one Exception record at the as-of date.
type Waiver struct {
	State      string   `json:"state"` // active, expired, pending or invalid
	Message    string   `json:"message"`
	ApprovedOn string   `json:"approved_on"`
	ExpiresOn  string   `json:"expires_on"`
	Controls   []string `json:"controls"`
	AppliesTo  []string `json:"applies_to"`
	Reason     string   `json:"reason"`
}

// DefaultTimeout bounds the evaluation of one query (a share of the controls, or one control
// when a share fails).
const DefaultTimeout = 2 * time.Minute

// Engine evaluates a compiled policy set.
type Engine struct {
	c *compiled
	// Timeout bounds each evaluation; zero means DefaultTimeout.
	Timeout time.Duration
}

type groupQuery struct {
	controls []Policy
	pq       rego.PreparedEvalQuery
}

// New returns an engine over the embedded policies, compiled once per process.
func New() (*Engine, error) {
	c, err := builtin()
	if err != nil {
		return nil, err
	}
	return &Engine{c: c}, nil // a new Engine per call: callers set their own Timeout
}

// Digest returns the sha256 of the policy set the engine evaluates.
func (e *Engine) Digest() string { return e.c.digest }

// Policies returns the policy packages, one per implemented control, sorted by control id.
func (e *Engine) Policies() []Policy { return e.c.policies }

// Policy returns the policy of a control.
func (e *Engine) Policy(control string) (Policy, bool) {
	i, ok := slices.BinarySearchFunc(e.c.policies, control, func(p Policy, id string) int {
		return strings.Compare(p.Control, id)
	})
	if !ok {
		return Policy{}, false
	}
	return e.c.policies[i], true
}

// prepare builds one query per worker, each gathering the findings of a share of the controls
// from the shard that holds them, so that shared index rules are computed once per worker.
func (e *Engine) prepare(ctx context.Context, controls []Policy) ([]groupQuery, error) {
	byShard := make([][]Policy, len(e.c.shards))
	for _, p := range controls {
		i := e.c.shardFor(p.Package)
		byShard[i] = append(byShard[i], p)
	}
	perShard := max(1, runtime.GOMAXPROCS(0)/len(e.c.shards))
	var out []groupQuery
	for shard, ps := range byShard {
		groups := make([][]Policy, min(perShard, len(ps)))
		for i, p := range ps {
			groups[i%len(groups)] = append(groups[i%len(groups)], p)
		}
		for _, g := range groups {
			var b strings.Builder
			b.WriteString("x := {")
			for i, p := range g {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%q: data.%s.findings", p.key(), p.Package)
			}
			b.WriteString("}")
			pq, err := rego.New(
				rego.Query(b.String()),
				rego.Compiler(e.c.shards[shard]),
				rego.StrictBuiltinErrors(true),
			).PrepareForEval(ctx)
			if err != nil {
				return nil, fmt.Errorf("prepare policies: %w", err)
			}
			out = append(out, groupQuery{controls: g, pq: pq})
		}
	}
	pq, err := rego.New(rego.Query(`x := {"gate": data.annexa.lib.soa.gate, "waivers": data.annexa.lib.waivers.status}`),
		rego.Compiler(e.c.shards[0])).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare applicability gate: %w", err)
	}
	out = append(out, groupQuery{pq: pq})
	return out, nil
}

// Evaluate runs the policies of the given controls (all when empty) against one input.
func (e *Engine) Evaluate(ctx context.Context, in Input, controls []string) (*Outcome, error) {
	sel := append(append([]Policy{}, e.c.policies...), e.c.extensions...)
	if len(controls) > 0 {
		sel = nil
		for _, id := range controls {
			if p, ok := e.Policy(id); ok {
				sel = append(sel, p)
			}
			for _, x := range e.c.extensions {
				if x.Extends == id {
					sel = append(sel, x)
				}
			}
		}
	}
	queries, err := e.prepare(ctx, sel)
	if err != nil {
		return nil, err
	}
	raw, asOf, err := in.value()
	if err != nil {
		return nil, err
	}

	out := &Outcome{Findings: map[string][]Finding{}, Gate: map[string]Finding{}, Waivers: map[string]Waiver{},
		Errors: map[string]string{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, q := range queries {
		wg.Go(func() {
			x, err := e.run(ctx, q.pq, raw, asOf)
			if err != nil && len(q.controls) > 1 {
				// Find which control failed: evaluate the group's controls one by one.
				for _, p := range q.controls {
					single, err := e.prepare(ctx, []Policy{p})
					if err != nil {
						mu.Lock()
						out.Errors[p.Control] = err.Error()
						mu.Unlock()
						continue
					}
					x, err := e.run(ctx, single[0].pq, raw, asOf)
					mu.Lock()
					if err != nil {
						out.Errors[p.Control] = err.Error()
					} else if derr := out.addFindings(x, e.c.extensions); derr != nil {
						out.Errors[p.Control] = derr.Error()
					}
					mu.Unlock()
				}
				return
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil && q.controls == nil:
				out.Errors[""] = "applicability gate: " + err.Error()
			case err != nil:
				out.Errors[q.controls[0].Control] = err.Error()
			case q.controls == nil:
				var both struct {
					Gate    map[string]Finding `json:"gate"`
					Waivers map[string]Waiver  `json:"waivers"`
				}
				if err := json.Unmarshal(x, &both); err != nil {
					out.Errors[""] = fmt.Sprintf("decode applicability gate: %v", err)
				}
				out.Gate, out.Waivers = both.Gate, both.Waivers
			default:
				if err := out.addFindings(x, e.c.extensions); err != nil {
					out.Errors[""] = err.Error()
				}
			}
		})
	}
	wg.Wait()
	if msg, ok := out.Errors[""]; ok {
		return nil, fmt.Errorf("evaluate policies: %s", msg)
	}
	return out, nil
}

// run evaluates one prepared query and returns its binding x as JSON.
func (e *Engine) run(ctx context.Context, pq rego.PreparedEvalQuery, raw ast.Value, asOf time.Time) ([]byte, error) {
	timeout := cmp.Or(e.Timeout, DefaultTimeout)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(raw), rego.EvalTime(asOf), rego.EvalNDBuiltinCache(builtins.NDBCache{}))
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("evaluation did not finish within %s (--timeout): the policy is too slow or never ends", timeout)
		}
		return nil, err
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("policy query gave %d results, want 1", len(rs))
	}
	return json.Marshal(rs[0].Bindings["x"])
}

// key names a policy's findings in a query: the control id, or ext:<package> for packages
// that add rules to a control.
func (p Policy) key() string {
	if p.Extends != "" {
		return "ext:" + p.Package
	}
	return p.Control
}

// addFindings stores the findings of a query; those of extension packages join their
// control's, with the package's last name before each rule (mfa_everywhere:R1).
func (o *Outcome) addFindings(x []byte, extensions []Policy) error {
	var got map[string][]Finding
	if err := json.Unmarshal(x, &got); err != nil {
		return fmt.Errorf("decode findings: %w", err)
	}
	keys := slices.Sorted(maps.Keys(got))
	for _, key := range keys {
		fs := got[key]
		if pkg, ok := strings.CutPrefix(key, "ext:"); ok {
			for _, x := range extensions {
				if x.Package != pkg {
					continue
				}
				short := pkg[strings.LastIndexByte(pkg, '.')+1:]
				for i := range fs {
					fs[i].Rule = short + ":" + fs[i].Rule
				}
				key = x.Extends
			}
		}
		fs = append(o.Findings[key], fs...)
		sortFindings(fs)
		o.Findings[key] = fs
	}
	return nil
}

func sortFindings(fs []Finding) {
	for i := range fs {
		slices.Sort(fs[i].Refs)
	}
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(outcomeRank(a.Outcome), outcomeRank(b.Outcome)),
			cmp.Compare(a.Message, b.Message), slices.Compare(a.Refs, b.Refs))
	})
}

func outcomeRank(o string) int {
	switch o {
	case OutcomeFail:
		return 0
	case OutcomeAtRisk:
		return 1
	case OutcomePass:
		return 2
	}
	return 3
}

// value returns the input as an OPA value, converted once so that every query shares it, and
// the as-of date as the evaluation time.
func (in Input) value() (ast.Value, time.Time, error) {
	asOf, err := time.Parse("2006-01-02", in.AsOf)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("as-of date %q: %w", in.AsOf, err)
	}
	raw, err := toValue(in)
	return raw, asOf, err
}

// toValue converts the input to an OPA value.
func toValue(in Input) (ast.Value, error) {
	recs := make(map[string]any, len(in.Records))
	for k, byID := range in.Records {
		m := make(map[string]any, len(byID))
		for id, r := range byID {
			m[id] = r
		}
		recs[k] = m
	}
	v, err := ast.InterfaceToValue(map[string]any{"as_of": in.AsOf, "params": in.Params, "records": recs})
	if err != nil {
		return nil, fmt.Errorf("convert policy input: %w", err)
	}
	return v, nil
}

// ControlTime is how long one control's policy took to evaluate on its own.
type ControlTime struct {
	Control string
	Elapsed time.Duration
	Err     error
}

// Profile evaluates every policy (those of controls, when given) on its own and measures it,
// slowest first, so that a slow policy can be found. Shared helpers are computed again for
// each control, so the times add up to more than one evaluation of all of them.
func (e *Engine) Profile(ctx context.Context, in Input, controls []string) ([]ControlTime, error) {
	raw, asOf, err := in.value()
	if err != nil {
		return nil, err
	}
	var out []ControlTime
	for _, p := range append(append([]Policy{}, e.c.policies...), e.c.extensions...) {
		if len(controls) > 0 && !slices.Contains(controls, p.Control) {
			continue
		}
		q, err := e.prepare(ctx, []Policy{p})
		if err != nil {
			return nil, err
		}
		start := time.Now()
		_, err = e.run(ctx, q[0].pq, raw, asOf)
		out = append(out, ControlTime{Control: p.key(), Elapsed: time.Since(start), Err: err})
	}
	slices.SortStableFunc(out, func(a, b ControlTime) int { return cmp.Compare(b.Elapsed, a.Elapsed) })
	return out, nil
}
