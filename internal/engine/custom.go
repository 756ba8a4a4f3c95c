package engine

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// DefaultCustomDir is where annexa looks for the organization's own policies when no
// --policies folder is given.
const DefaultCustomDir = ".annexa/policies"

// CustomModules reads every .rego file under dir, tests included. Their paths are dir-relative
// slash paths joined to dir, so errors name the file as the user wrote it.
func CustomModules(dir string) ([]Module, error) {
	var mods []Module
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || filepath.Ext(p) != ".rego" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		mods = append(mods, Module{Path: filepath.ToSlash(p), Source: string(b)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read custom policies: %w", err)
	}
	slices.SortFunc(mods, func(a, b Module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

// checkNamespaces refuses custom modules that would replace built-in packages.
func checkNamespaces(mods []Module) error {
	var errs PolicyErrors
	for _, m := range mods {
		pm, err := ast.ParseModuleWithOpts(m.Path, m.Source, ast.ParserOptions{RegoVersion: ast.RegoV1, Capabilities: Capabilities()})
		if err != nil {
			if pe, ok := policyErrors(err).(PolicyErrors); ok {
				errs = append(errs, pe...)
				continue
			}
			return err
		}
		pkg := strings.TrimPrefix(pm.Package.Path.String(), "data.")
		if pkg == "annexa" || strings.HasPrefix(pkg, "annexa.") {
			loc := pm.Package.Location
			errs = append(errs, fmt.Sprintf("%s:%d:%d: package %s: the annexa namespace is reserved for the built-in policies; "+
				"name your package after your organization (package acme.mfa)", m.Path, loc.Row, loc.Col, pkg))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

var customEngines sync.Map // dir -> func() (*Engine, error)

// Load returns an engine over the built-in policies and, when dir is not empty, the
// organization's own policies under dir, compiled together in the same sandbox. Each folder is
// compiled once per process.
func Load(dir string) (*Engine, error) {
	if dir == "" {
		return New()
	}
	f, _ := customEngines.LoadOrStore(dir, sync.OnceValues(func() (*Engine, error) {
		custom, err := CustomModules(dir)
		if err != nil {
			return nil, err
		}
		if err := checkNamespaces(custom); err != nil {
			return nil, err
		}
		builtinMods, err := BuiltinModules()
		if err != nil {
			return nil, err
		}
		c, err := newCompiled(append(builtinMods, custom...))
		if err != nil {
			return nil, err
		}
		return &Engine{c: c}, nil
	}))
	e, err := f.(func() (*Engine, error))()
	if err != nil {
		return nil, err
	}
	cp := *e // callers set their own Timeout
	return &cp, nil
}

// Modules returns the policy modules of the engine, tests included.
func (e *Engine) Modules() []Module { return e.c.modules }

// Extensions returns the packages that add rules to existing controls.
func (e *Engine) Extensions() []Policy { return e.c.extensions }
