// Package scaffold writes a starter evidence bundle: the management-system records, a
// Statement of Applicability entry for every control, and a commented example of every kind.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/internal/catalog"
)

//go:embed examples/*.yaml
var examples embed.FS

// File is one file of the starter bundle.
type File struct {
	Path string // relative to the bundle folder
	Data []byte
}

// Options choose what the starter bundle holds.
type Options struct {
	// Standards are the standards to set up (iso27001, iso42001).
	Standards []string
	// SchemaRef is the path, relative to the bundle folder, of evidence.schema.json; each
	// file gets a yaml-language-server modeline pointing at it when set.
	SchemaRef string
}

// Files returns the starter bundle.
func Files(opts Options) ([]File, error) {
	cat, err := catalog.Load()
	if err != nil {
		return nil, err
	}
	var out []File
	add := func(path, body string) {
		out = append(out, File{Path: path, Data: []byte(modeline(opts.SchemaRef, path) + body)})
	}
	add("people/owner.yaml", owner)
	add("roles/isms-manager.yaml", ismsManager)
	add("documents/scope.yaml", scopeDoc)
	for _, std := range opts.Standards {
		switch std {
		case catalog.ISO27001:
			add("management_systems/isms.yaml", isms)
		case catalog.ISO42001:
			add("management_systems/aims.yaml", aims)
			add("roles/aims-owner.yaml", aimsOwner)
		default:
			return nil, fmt.Errorf("unknown standard %q", std)
		}
		add("soa/"+std+".yaml", soa(cat, std))
	}
	entries, err := fs.ReadDir(examples, "examples")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		b, err := examples.ReadFile("examples/" + e.Name())
		if err != nil {
			return nil, err
		}
		kind := strings.TrimSuffix(e.Name(), ".yaml")
		out = append(out, File{Path: "examples/" + e.Name(), Data: commented(kind, b)})
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// Write writes the starter bundle into dir. It refuses, and writes nothing, when any of its
// files exists already.
func Write(dir string, files []File) error {
	var existing []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.Path)); err == nil {
			existing = append(existing, filepath.ToSlash(filepath.Join(dir, f.Path)))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(existing) > 0 {
		return &ExistsError{Files: existing}
	}
	for _, f := range files {
		p := filepath.Join(dir, f.Path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := writeNew(p, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// ExistsError lists files init would have overwritten.
type ExistsError struct{ Files []string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already exists (and %d more): annexa init never overwrites; choose an empty folder",
		e.Files[0], len(e.Files)-1)
}

func writeNew(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func modeline(schemaRef, path string) string {
	if schemaRef == "" {
		return ""
	}
	up := strings.Repeat("../", strings.Count(path, "/"))
	return "# yaml-language-server: $schema=" + up + schemaRef + "\n"
}

// commented turns an example record into a template: every line commented out, so the file
// holds no record until someone fills it in.
func commented(kind string, b []byte) []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, "# An example %s record. It is commented out, so it is not evidence yet.\n", kind)
	fmt.Fprintf(&out, "# Copy it into a file of its own (one record per document), uncomment it, and\n")
	fmt.Fprintf(&out, "# replace the values; 'annexa schema --kind %s' lists every field.\n#\n", kind)
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if line == "" {
			out.WriteString("#\n")
			continue
		}
		out.WriteString("# " + line + "\n")
	}
	return out.Bytes()
}

// soa returns one applicable SoAEntry per Annex A control of a standard, to be reviewed.
func soa(cat *catalog.Catalog, std string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# The Statement of Applicability of %s: one entry per Annex A control.\n", catalog.StandardTitle(std))
	b.WriteString("# Every control starts applicable and planned. Review each entry: give the reason it applies\n")
	b.WriteString("# (or, with applicable: false, why it does not), its status, and approve the version.\n")
	first := true
	for _, c := range cat.Filter(std) {
		if c.Kind != catalog.KindAnnexA {
			continue
		}
		if !first {
			b.WriteString("---\n")
		}
		first = false
		num := c.Number
		if std == catalog.ISO27001 {
			num = strings.TrimPrefix(num, "A.")
		}
		fmt.Fprintf(&b, "kind: SoAEntry\nid: %s-%s\nstandard: %s\ncontrol_id: %q\n", std, strings.ToLower(num),
			catalog.StandardVersion(std), num)
		fmt.Fprintf(&b, "title: %q\napplicable: true\n", c.Title)
		b.WriteString("justification: \"To be reviewed: say which risk, law, contract or good practice makes this control apply.\"\n")
		b.WriteString("implementation_status: planned\nowner: Person/owner\nsoa_version: \"0.1\"\n")
	}
	return b.String()
}

const owner = `# The person accountable for the management system. Rename the file and the id to a real
# person (ids are lower-case, such as alice) and update the references to Person/owner.
kind: Person
id: owner
employment_type: employee
start_date: 2026-01-01
roles:
  - {role: Role/isms-manager, from: 2026-01-01}
`

const ismsManager = `kind: Role
id: isms-manager
category: isms
responsibilities:
  - Run the information security management system and report on it to top management
min_holders: 1
privileged: false
`

const aimsOwner = `kind: Role
id: aims-owner
category: aims
responsibilities:
  - Run the AI management system and report on it to top management
min_holders: 1
privileged: false
`

const scopeDoc = `# The scope of the management system(s): what is inside, what is not, and why.
kind: Document
id: scope
doc_type: policy
topic: scope
version: 0.1.0
published_on: 2026-01-01
owner: Person/owner
review_interval_days: 365
`

const isms = `# The information security management system. Parameters override the defaults of every
# threshold (see 'annexa schema --kind ManagementSystem'); for example:
#   parameters: {offboard_disable_days: 2, vuln_sla_days: {critical: 7}}
kind: ManagementSystem
id: isms
standard: iso27001:2022
scope_doc: Document/scope
boundaries: {units: [everything]}
top_management: [Person/owner]
parameters: {}
`

const aims = `# The AI management system.
kind: ManagementSystem
id: aims
standard: iso42001:2023
scope_doc: Document/scope
boundaries: {units: [everything]}
ai_roles: [provider]
top_management: [Person/owner]
parameters: {}
`
