package engine

import (
	"context"
	"strings"
	"testing"
)

// TestSandboxRefusesBuiltins checks that a policy calling a networked, clock-reading or random
// builtin does not compile.
func TestSandboxRefusesBuiltins(t *testing.T) {
	for _, call := range []string{
		`http.send({"method": "get", "url": "http://127.0.0.1"})`,
		`time.now_ns()`,
		`rand.intn("x", 10)`,
		`uuid.rfc4122("x")`,
		`opa.runtime()`,
		`net.lookup_ip_addr("localhost")`,
	} {
		src := "package annexa.custom.x\n\nx := " + call + "\n"
		_, err := compile([]Module{{Path: "custom/x.rego", Source: src}})
		if err == nil || !strings.Contains(err.Error(), "undefined function") {
			t.Errorf("%s compiled; want undefined function, got %v", call, err)
		}
		if err != nil && !strings.Contains(err.Error(), "custom/x.rego:3") {
			t.Errorf("%s: error %q does not name file:line", call, err)
		}
	}
}

// TestFailingPolicyIsIsolated checks that a policy that errors gives only its own control an
// error and the others are still decided.
func TestFailingPolicyIsIsolated(t *testing.T) {
	mods, err := BuiltinModules()
	if err != nil {
		t.Fatal(err)
	}
	bad := `# METADATA
# title: Broken
# description: A policy whose evaluation fails, to show that failures are isolated per control.
# scope: package
# custom:
#   control: iso27001:A.5.6
#   class: a
#   evidence: [Person]
package annexa.iso27001.a5_6_broken

findings contains {"rule": "R1", "outcome": "pass", "message": "x", "refs": []} if {
	1 / input.params.zero > 0
}
`
	var kept []Module
	for _, m := range mods {
		if !strings.Contains(m.Path, "/a5_6/") {
			kept = append(kept, m)
		}
	}
	c, err := newCompiled(append(kept, Module{Path: "policies/x/broken.rego", Source: bad}))
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{c: c}
	out, err := e.Evaluate(context.Background(), Input{AsOf: "2026-11-30", Params: map[string]any{"zero": 0}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if msg := out.Errors["iso27001:A.5.6"]; !strings.Contains(msg, "divide by zero") {
		t.Errorf("A.5.6 error %q, want divide by zero", msg)
	}
	if len(out.Errors) != 1 {
		t.Errorf("errors %v: only A.5.6 should fail", out.Errors)
	}
	if len(out.Findings) != len(c.policies)-1 {
		t.Errorf("%d controls decided, want %d", len(out.Findings), len(c.policies)-1)
	}
}
