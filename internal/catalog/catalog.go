// Package catalog holds the control catalogs of ISO/IEC 27001:2022 and ISO/IEC 42001:2023
// (Annex A controls and management-system clauses 4 to 10) and the cross-mapping between the
// two standards, all read from embedded data.
package catalog

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Standard identifiers as they appear in canonical control ids.
const (
	ISO27001 = "iso27001"
	ISO42001 = "iso42001"
)

// Standards lists the standards annexa knows, in report order.
var Standards = []string{ISO27001, ISO42001}

// StandardTitle returns the full name of a standard, such as "ISO/IEC 27001:2022".
func StandardTitle(std string) string {
	switch std {
	case ISO27001:
		return "ISO/IEC 27001:2022"
	case ISO42001:
		return "ISO/IEC 42001:2023"
	}
	return std
}

// StandardVersion returns the value evidence records use for a standard, such as "iso27001:2022".
func StandardVersion(std string) string {
	switch std {
	case ISO27001:
		return "iso27001:2022"
	case ISO42001:
		return "iso42001:2023"
	}
	return std
}

// Control kinds.
const (
	KindAnnexA = "annex-a"
	KindClause = "clause"
	// KindCustom marks the organization's own controls, defined by custom policies.
	KindCustom = "custom"
)

// Control is one Annex A control or management-system clause of a standard.
type Control struct {
	// ID is the canonical id, such as "iso27001:A.5.15" or "iso42001:6.1.4".
	ID string `json:"id"`
	// Standard is "iso27001" or "iso42001".
	Standard string `json:"standard"`
	// Number is the id within the standard, such as "A.5.15" or "9.2".
	Number string `json:"number"`
	// Kind is "annex-a" or "clause".
	Kind string `json:"kind"`
	// Title is the control's short title.
	Title string `json:"title"`
	// Group is the theme (27001 Annex A), objective (42001 Annex A) or clause number.
	Group string `json:"group"`
	// GroupTitle names the group.
	GroupTitle string `json:"group_title"`
	// Summary is a short description in our own words, where the catalog has one.
	Summary string `json:"summary,omitempty"`
}

// Relation links a control of ISO/IEC 42001 to a control of ISO/IEC 27001.
type Relation struct {
	From     string `json:"from"`     // canonical 42001 id
	To       string `json:"to"`       // canonical 27001 id
	Relation string `json:"relation"` // strong | partial | weak | scf-transitive
	Source   string `json:"source"`
}

// Catalog is the set of all controls of both standards, in report order.
type Catalog struct {
	Controls  []Control
	Relations []Relation
	byID      map[string]int
}

// Load returns the embedded catalog, parsed once.
var Load = sync.OnceValues(load)

func load() (*Catalog, error) {
	c := &Catalog{byID: map[string]int{}}
	if err := c.loadClauses(); err != nil {
		return nil, err
	}
	if err := c.loadAnnex27001(); err != nil {
		return nil, err
	}
	if err := c.loadAnnex42001(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(c.Controls, compareControls)
	for i, ctl := range c.Controls {
		if _, dup := c.byID[ctl.ID]; dup {
			return nil, fmt.Errorf("catalog: duplicate control %s", ctl.ID)
		}
		c.byID[ctl.ID] = i
	}
	if err := c.loadRelations(); err != nil {
		return nil, err
	}
	return c, nil
}

// MustLoad returns the embedded catalog and panics if it is malformed; the data is embedded and
// tested, so a failure is a build defect.
func MustLoad() *Catalog {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

func readTSV(name string) ([][]string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	first := true
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if first {
			first = false
			continue
		}
		if line == "" {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows, sc.Err()
}

func (c *Catalog) loadClauses() error {
	rows, err := readTSV("clauses.tsv")
	if err != nil {
		return err
	}
	for _, r := range rows {
		if len(r) < 5 {
			return fmt.Errorf("catalog: clauses.tsv: short row %q", r)
		}
		stds := []string{r[0]}
		if r[0] == "both" {
			stds = Standards
		}
		for _, std := range stds {
			c.Controls = append(c.Controls, Control{
				ID: std + ":" + r[1], Standard: std, Number: r[1], Kind: KindClause,
				Title: r[2], Group: r[3], GroupTitle: r[4],
			})
		}
	}
	return nil
}

func (c *Catalog) loadAnnex27001() error {
	rows, err := readTSV("iso27001-2022-annexA.tsv")
	if err != nil {
		return err
	}
	for _, r := range rows {
		if len(r) < 3 {
			return fmt.Errorf("catalog: iso27001 annex A: short row %q", r)
		}
		num := "A." + r[0]
		c.Controls = append(c.Controls, Control{
			ID: ISO27001 + ":" + num, Standard: ISO27001, Number: num, Kind: KindAnnexA,
			Title: r[1], Group: "A." + strings.SplitN(r[0], ".", 2)[0], GroupTitle: r[2] + " controls",
		})
	}
	return nil
}

func (c *Catalog) loadAnnex42001() error {
	rows, err := readTSV("iso42001-2023-annexA.tsv")
	if err != nil {
		return err
	}
	for _, r := range rows {
		if len(r) < 5 {
			return fmt.Errorf("catalog: iso42001 annex A: short row %q", r)
		}
		c.Controls = append(c.Controls, Control{
			ID: ISO42001 + ":" + r[0], Standard: ISO42001, Number: r[0], Kind: KindAnnexA,
			Title: r[1], Group: r[2], GroupTitle: r[3], Summary: r[4],
		})
	}
	return nil
}

func (c *Catalog) loadRelations() error {
	rows, err := readTSV("crossmap-42001-27001.tsv")
	if err != nil {
		return err
	}
	for _, r := range rows {
		if len(r) < 4 {
			return fmt.Errorf("catalog: crossmap: short row %q", r)
		}
		rel := Relation{From: ISO42001 + ":" + r[0], To: ISO27001 + ":A." + r[1], Relation: r[2], Source: r[3]}
		if _, ok := c.byID[rel.From]; !ok {
			return fmt.Errorf("catalog: crossmap names unknown control %s", rel.From)
		}
		if _, ok := c.byID[rel.To]; !ok {
			return fmt.Errorf("catalog: crossmap names unknown control %s", rel.To)
		}
		c.Relations = append(c.Relations, rel)
	}
	return nil
}

// Get returns the control with a canonical id.
func (c *Catalog) Get(id string) (Control, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Control{}, false
	}
	return c.Controls[i], true
}

// Filter returns the controls of one standard ("" for both), in report order.
func (c *Catalog) Filter(standard string) []Control {
	var out []Control
	for _, ctl := range c.Controls {
		if standard == "" || ctl.Standard == standard {
			out = append(out, ctl)
		}
	}
	return out
}

// Related returns the relations that involve a control, in catalog order of the other side.
func (c *Catalog) Related(id string) []Relation {
	var out []Relation
	for _, r := range c.Relations {
		if r.From == id || r.To == id {
			out = append(out, r)
		}
	}
	return out
}

// ParseStandard accepts "iso27001", "27001", "iso27001:2022", "ISO/IEC 27001" and the like.
func ParseStandard(s string) (string, error) {
	n := strings.ToLower(strings.NewReplacer(" ", "", "/", "", "-", "", "_", "").Replace(s))
	n = strings.TrimPrefix(n, "isoiec")
	n = strings.TrimPrefix(n, "iso")
	switch {
	case strings.HasPrefix(n, "27001"):
		return ISO27001, nil
	case strings.HasPrefix(n, "42001"):
		return ISO42001, nil
	}
	return "", fmt.Errorf("unknown standard %q: use iso27001 or iso42001", s)
}

// Resolve finds a control from a user's spelling: any case, with or without the standard
// prefix and the "A." of Annex A, as long as it names exactly one control.
func (c *Catalog) Resolve(q string) (Control, error) {
	s := strings.TrimSpace(q)
	std := ""
	if i := strings.LastIndex(s, ":"); i >= 0 {
		p, err := ParseStandard(s[:i])
		if err != nil {
			return Control{}, fmt.Errorf("unknown control %q: %w", q, err)
		}
		std, s = p, s[i+1:]
	}
	num := strings.ToUpper(s)
	var exact, cands []Control
	for _, ctl := range c.Controls {
		if std != "" && ctl.Standard != std {
			continue
		}
		switch n := strings.ToUpper(ctl.Number); n {
		case num:
			exact = append(exact, ctl)
			cands = append(cands, ctl)
		case "A." + num:
			cands = append(cands, ctl)
		}
	}
	if len(exact) == 1 {
		return exact[0], nil
	}
	switch len(cands) {
	case 0:
		return Control{}, fmt.Errorf("unknown control %q: see 'annexa controls' for the list", q)
	case 1:
		return cands[0], nil
	}
	ids := make([]string, len(cands))
	for i, ctl := range cands {
		ids[i] = ctl.ID
	}
	return Control{}, fmt.Errorf("control %q is ambiguous: it could be %s", q, strings.Join(ids, ", "))
}

// compareControls orders controls by standard, then clauses before Annex A, then numerically.
func compareControls(a, b Control) int {
	if a.Standard != b.Standard {
		return strings.Compare(a.Standard, b.Standard)
	}
	if a.Kind != b.Kind {
		if a.Kind == KindClause {
			return -1
		}
		return 1
	}
	return CompareNumbers(a.Number, b.Number)
}

// CompareNumbers compares dotted control numbers numerically ("A.5.9" < "A.5.10").
func CompareNumbers(a, b string) int {
	pa := strings.Split(strings.TrimPrefix(a, "A."), ".")
	pb := strings.Split(strings.TrimPrefix(b, "A."), ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, errx := strconv.Atoi(pa[i])
		y, erry := strconv.Atoi(pb[i])
		if errx != nil || erry != nil {
			if c := strings.Compare(pa[i], pb[i]); c != 0 {
				return c
			}
			continue
		}
		if x != y {
			return x - y
		}
	}
	return len(pa) - len(pb)
}
