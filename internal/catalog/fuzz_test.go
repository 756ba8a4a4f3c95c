package catalog

import (
	"strings"
	"testing"
)

// FuzzResolve checks the control-id parser: any input resolves to a catalog control or gives
// an error, and a resolved control's canonical id resolves to itself.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"iso27001:A.5.15", "A.6.2.4", "5.15", "9.2", "iso42001:6.1.4", "27001:8.8", "ISO/IEC 27001:a.5.1",
		"A.99", ":", "iso:", "iso27001:", "A.", "..", "iso27001:A.5.15:x"} {
		f.Add(s)
	}
	c := MustLoad()
	f.Fuzz(func(t *testing.T, s string) {
		ctl, err := c.Resolve(s)
		if err != nil {
			if ctl.ID != "" || err.Error() == "" {
				t.Fatalf("Resolve(%q) gave both a control and an error", s)
			}
			return
		}
		if _, ok := c.Get(ctl.ID); !ok {
			t.Fatalf("Resolve(%q) gave %q, which is not in the catalog", s, ctl.ID)
		}
		again, err := c.Resolve(ctl.ID)
		if err != nil || again.ID != ctl.ID {
			t.Fatalf("canonical id %q does not resolve to itself: %v %v", ctl.ID, again.ID, err)
		}
		if !strings.HasPrefix(ctl.ID, ctl.Standard+":") {
			t.Fatalf("id %q does not start with its standard", ctl.ID)
		}
	})
}
