// Package bundle finds and decodes evidence files into records that keep their source
// positions, indexes them by Kind/id, and checks duplicate ids and references.
package bundle

import (
	"cmp"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"cuelang.org/go/cue/ast"
)

// Pos is a position in an evidence file. Line and Col start at 1.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
}

// String formats the position as file:line:col.
func (p Pos) String() string {
	if p.Col > 0 {
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Diagnostic is one problem with the evidence, at a position.
type Diagnostic struct {
	Pos     Pos
	Message string
	// Warning marks a problem that does not make the evidence invalid (a skipped special file).
	Warning bool
}

// String formats the diagnostic as "file:line:col: message".
func (d Diagnostic) String() string {
	if d.Warning {
		return d.Pos.String() + ": warning: " + d.Message
	}
	return d.Pos.String() + ": " + d.Message
}

// Errors returns the diagnostics that are not warnings.
func Errors(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if !d.Warning {
			out = append(out, d)
		}
	}
	return out
}

// Record is one evidence record.
type Record struct {
	Kind string
	ID   string
	Pos  Pos
	// Value is the decoded record: map[string]any with string, json.Number, bool, nil,
	// []any and map[string]any values.
	Value map[string]any
	// fields maps dotted field paths (items.2.decision) to positions in the record's file.
	// It is filled on first use, from the file's bytes (source.positions): most records
	// never need a position, and the map would take a third of the bundle's memory.
	fields map[string]lineCol
	refs   []refUse
	// src is the record's file; doc and elem say where the record is in it (elem is -1
	// when the document is the record, not a list of records).
	src       *source
	doc, elem int32
	// lossy is set when Value does not say exactly what the syntax tree says: bytes read as
	// a string, a float literal rounded to a float64 or written like an int.
	lossy bool
}

// Faithful reports whether Value holds exactly what the record's CUE syntax tree holds:
// the same strings, the same numbers with the same kind (int or float), nothing dropped.
// A checker may then judge Value in place of the syntax tree.
func (r *Record) Faithful() bool { return !r.lossy }

// Ref returns the record's reference, Kind/id.
func (r *Record) Ref() string { return r.Kind + "/" + r.ID }

// lineCol is a position inside the record's file.
type lineCol struct{ line, col int32 }

func (r *Record) pos(lc lineCol) Pos {
	return Pos{File: r.Pos.File, Line: int(lc.line), Col: int(lc.col)}
}

// FieldPos returns the position of a dotted field path, or of the nearest enclosing field
// that has one, or of the record.
func (r *Record) FieldPos(p string) Pos {
	fields := r.positions()
	for p != "" {
		if lc, ok := fields[p]; ok {
			return r.pos(lc)
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return r.Pos
}

// positions returns the record's field positions, computing those of its file first.
func (r *Record) positions() map[string]lineCol {
	if r.src != nil {
		r.src.positions()
	}
	return r.fields
}

// Syntax returns the record's CUE syntax tree, with the positions of its file, for
// validation by CUE. The trees are not kept after decoding, which would take several times
// the memory of the values: the first call for a record decodes its file again (once per
// file) from the bytes kept for that purpose.
func (r *Record) Syntax() (ast.Expr, error) {
	if r.src == nil {
		return nil, fmt.Errorf("%s: the record has no source", r.Ref())
	}
	docs, err := r.src.decode()
	if int(r.doc) >= len(docs) {
		// A syntax error in a later document does not matter; one before this record would
		// have kept it from being decoded in the first place.
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: document %d not found when decoding %s again", r.Ref(), r.doc, r.src.file)
	}
	doc := docs[r.doc]
	if r.elem < 0 {
		return doc, nil
	}
	if l, ok := doc.(*ast.ListLit); ok && int(r.elem) < len(l.Elts) {
		return l.Elts[r.elem], nil
	}
	return nil, fmt.Errorf("%s: list element %d not found when decoding %s again", r.Ref(), r.elem, r.src.file)
}

type refUse struct {
	target string
	path   string
	pos    Pos
}

// File is one evidence file of the bundle.
type File struct {
	Path    string `json:"path"`
	SHA256  string `json:"sha256"`
	Size    int64  `json:"size"`
	Records int    `json:"records"`
	// GitBlob is the id git gives the file's content, to compare the work tree with a commit.
	GitBlob string `json:"-"`
}

// Bundle is the decoded evidence of one folder or git tree.
type Bundle struct {
	// Files are the evidence files, sorted by path.
	Files []File
	// Attachments are the files outside YAML that records pin by digest (evidence[].uri).
	Attachments []File
	// Broken maps a record to the problems of its attachments (a changed or missing file);
	// findings that rely on the record fail.
	Broken map[string][]string
	// Records are sorted by file and position.
	Records []*Record
	// Index maps Kind/id to its record.
	Index map[string]*Record
}

// Get returns the record a reference names.
func (b *Bundle) Get(ref string) (*Record, bool) {
	r, ok := b.Index[ref]
	return r, ok
}

// Digest returns the sha256 of the bundle: of the sorted list of "sha256  path" lines.
func (b *Bundle) Digest() string {
	h := sha256.New()
	for _, f := range b.Files {
		fmt.Fprintf(h, "%s  %s\n", f.SHA256, f.Path)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ByKind returns the records of one kind.
func (b *Bundle) ByKind(kind string) []*Record {
	var out []*Record
	for _, r := range b.Records {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

// Options tune loading.
type Options struct {
	// Kinds is the set of known evidence kinds; a record of another kind is an error.
	Kinds []string
	// Workers bounds parallel decoding; 0 means GOMAXPROCS.
	Workers int
	// Prefix is joined before every file path in records, diagnostics and the file list, so
	// that positions read as the user named the folder (evidence/people/bob.yaml).
	Prefix string
	// Limits bound what one file may hold; zero fields take the defaults.
	Limits Limits
}

// AttachmentsDir names the folders whose files are attachments (exports, reports) that records
// pin by digest, never records themselves.
const AttachmentsDir = "attachments"

// IsEvidenceFile reports whether a file name is read as evidence.
func IsEvidenceFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// Load reads every evidence file under the root of fsys, decodes its records and checks
// kinds, duplicate ids and references. It returns every problem found, not only the first;
// the bundle holds whatever could be read.
func Load(fsys fs.FS, opts Options) (*Bundle, []Diagnostic, error) {
	lim := opts.Limits.withDefaults()
	var paths []string
	var diags []Diagnostic
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := path.Join(opts.Prefix, p)
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == AttachmentsDir) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !IsEvidenceFile(d.Name()) {
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular():
			paths = append(paths, p)
		case t&fs.ModeSymlink != 0:
			if diag, ok := checkLink(fsys, p, name); !ok {
				diags = append(diags, diag)
				return nil
			}
			paths = append(paths, p)
		default:
			diags = append(diags, Diagnostic{Pos: Pos{File: name, Line: 1, Col: 1}, Warning: true,
				Message: fmt.Sprintf("skipped: not a regular file (%s)", kindOfFile(t))})
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("list evidence files: %w", err)
	}
	slices.Sort(paths)

	type result struct {
		file    File
		records []*Record
		diags   []Diagnostic
		err     error
	}
	results := make([]result, len(paths))
	workers := cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				p := path.Join(opts.Prefix, paths[i])
				data, diag, err := readLimited(fsys, paths[i], p, lim)
				if err != nil {
					results[i].err = err
					continue
				}
				if diag != nil {
					results[i] = result{file: File{Path: p}, diags: []Diagnostic{*diag}}
					continue
				}
				sum := sha256.Sum256(data)
				recs, diags := decodeFile(p, data, lim)
				results[i] = result{
					file: File{Path: p, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), Records: len(recs),
						GitBlob: gitBlob(data)},
					records: recs, diags: diags,
				}
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()

	b := &Bundle{Index: make(map[string]*Record)}
	for _, r := range results {
		if r.err != nil {
			return nil, nil, r.err
		}
		b.Files = append(b.Files, r.file)
		b.Records = append(b.Records, r.records...)
		diags = append(diags, r.diags...)
	}
	diags = append(diags, b.index(opts.Kinds)...)
	diags = append(diags, b.checkAttachments(fsys, opts.Prefix, lim)...)
	SortDiagnostics(diags)
	return b, diags, nil
}

// index checks kinds and duplicates, fills the index, then checks references.
func (b *Bundle) index(kinds []string) []Diagnostic {
	var diags []Diagnostic
	known := make(map[string]bool, len(kinds))
	for _, k := range kinds {
		known[k] = true
	}
	kept := b.Records[:0]
	for _, r := range b.Records {
		if len(known) > 0 && !known[r.Kind] {
			diags = append(diags, Diagnostic{Pos: r.FieldPos("kind"), Message: fmt.Sprintf("unknown kind %q: known kinds are %s",
				r.Kind, strings.Join(kinds, ", "))})
			continue
		}
		if first, dup := b.Index[r.Ref()]; dup {
			diags = append(diags, Diagnostic{Pos: r.FieldPos("id"), Message: fmt.Sprintf("duplicate id %s: already defined at %s",
				r.Ref(), first.Pos)})
			continue
		}
		b.Index[r.Ref()] = r
		kept = append(kept, r)
	}
	b.Records = kept
	for _, r := range b.Records {
		for _, u := range r.refs {
			kind, _, _ := strings.Cut(u.target, "/")
			if len(known) > 0 && !known[kind] {
				continue // not a reference: a string that only looks like one
			}
			if _, ok := b.Index[u.target]; !ok {
				diags = append(diags, Diagnostic{Pos: u.pos, Message: fmt.Sprintf("%s: reference to %s, which does not exist", u.path, u.target)})
			}
		}
		r.refs = nil
	}
	return diags
}

// gitBlob returns git's object id of a file's content.
func gitBlob(data []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// SortDiagnostics orders diagnostics by file, line, column and message.
func SortDiagnostics(d []Diagnostic) {
	slices.SortFunc(d, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Message, b.Message))
	})
}
