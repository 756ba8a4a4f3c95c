package engine_test

import (
	"context"
	"fmt"

	"github.com/annexa-dev/annexa/internal/engine"
)

// Evaluate one control against records given inline: an open critical vulnerability found
// 41 days before the as-of date misses its 15-day deadline.
func ExampleEngine_Evaluate() {
	eng, err := engine.New()
	if err != nil {
		panic(err)
	}
	in := engine.Input{
		AsOf: "2026-11-30",
		Params: map[string]any{
			"vuln_scan_days": 30, "pentest_days": 365, "lookback_days": 365, "at_risk_days": 7,
			"vuln_sla_days": map[string]any{"critical": 15, "high": 30, "medium": 90, "low": 180},
		},
		Records: map[string]map[string]map[string]any{
			"Finding": {"cve-1": {
				"kind": "Finding", "id": "cve-1", "asset": "Asset/app", "severity": "critical",
				"source": "pentest", "finding_type": "vulnerability", "first_seen_on": "2026-10-20",
			}},
		},
	}
	out, err := eng.Evaluate(context.Background(), in, []string{"iso27001:A.8.8"})
	if err != nil {
		panic(err)
	}
	for _, f := range out.Findings["iso27001:A.8.8"] {
		fmt.Println(f.Rule, f.Outcome, f.Message)
	}
	// Output:
	// R1 not_exercised nothing to check: every production or internet-facing asset was scanned within 30 days
	// R2 fail Finding/cve-1 (critical, Asset/app) is open and overdue since 2026-11-04: fix it or record an approved exception
	// R3 not_exercised nothing to check: every internet-facing application was penetration tested within 365 days
	// R4 not_exercised nothing to check: every fixed finding was verified by a later test run
}
