// Package gitsrc reads the evidence of a commit straight from a repository's object store,
// without a checkout and without touching the work tree.
package gitsrc

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Repo is a git repository found from a folder inside its work tree.
type Repo struct {
	repo *git.Repository
	root string // absolute path of the work tree
}

// Open finds the repository that contains dir.
func Open(dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return nil, fmt.Errorf("open git repository at %s: %w", dir, err)
	}
	wt, err := r.Worktree()
	if err != nil {
		return nil, fmt.Errorf("open git repository at %s: %w", dir, err)
	}
	return &Repo{repo: r, root: wt.Filesystem.Root()}, nil
}

// Rel returns the slash path of dir relative to the top of the work tree.
func (r *Repo) Rel(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	root := r.root
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("%s is outside the repository at %s", dir, r.root)
	}
	return filepath.ToSlash(rel), nil
}

// Commit is one resolved commit.
type Commit struct {
	// Hash is the full commit id.
	Hash string
	// Tree is the id of the commit's root tree.
	Tree string
	// Time is the committer time.
	Time time.Time
	c    *object.Commit
	repo *git.Repository
}

// Resolve resolves a revision (a branch, tag, commit id, HEAD~1 ...) to its commit.
func (r *Repo) Resolve(rev string) (*Commit, error) {
	h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", rev, err)
	}
	c, err := r.repo.CommitObject(*h)
	if err != nil {
		// An annotated tag resolves to its target commit.
		tag, terr := r.repo.TagObject(*h)
		if terr != nil {
			return nil, fmt.Errorf("resolve %s: %w", rev, err)
		}
		if c, err = tag.Commit(); err != nil {
			return nil, fmt.Errorf("resolve %s: %w", rev, err)
		}
	}
	return &Commit{Hash: c.Hash.String(), Tree: c.TreeHash.String(), Time: c.Committer.When, c: c, repo: r.repo}, nil
}

// ErrNotFound reports a folder that does not exist in a commit.
var ErrNotFound = errors.New("no such folder in the commit")

// FS returns the files under dir (a slash path from the top of the repository, "" or "." for
// all) at the commit, as a read-only file system. Symbolic links and submodules are left out.
func (c *Commit) FS(dir string) (fs.FS, error) {
	tree, err := c.c.Tree()
	if err != nil {
		return nil, err
	}
	dir = path.Clean(dir)
	if dir != "." && dir != "" {
		sub, err := tree.Tree(dir)
		if err != nil {
			return nil, fmt.Errorf("%s at %s: %w", dir, short(c.Hash), ErrNotFound)
		}
		tree = sub
	}
	out := fstest.MapFS{}
	walker := object.NewTreeWalker(tree, true, nil)
	defer walker.Close()
	for {
		name, entry, err := walker.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if entry.Mode != filemode.Regular && entry.Mode != filemode.Executable {
			continue
		}
		blob, err := c.repo.BlobObject(entry.Hash)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		rd, err := blob.Reader()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rd)
		rd.Close()
		if err != nil {
			return nil, err
		}
		out[name] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: c.Time}
	}
	return out, nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// Blobs returns the blob id of every regular file under dir (a slash path from the top of
// the repository) at the commit, keyed by path relative to dir, without reading any content.
func (c *Commit) Blobs(dir string) (map[string]string, error) {
	tree, err := c.c.Tree()
	if err != nil {
		return nil, err
	}
	dir = path.Clean(dir)
	if dir != "." && dir != "" {
		if tree, err = tree.Tree(dir); err != nil {
			return nil, fmt.Errorf("%s at %s: %w", dir, short(c.Hash), ErrNotFound)
		}
	}
	out := map[string]string{}
	walker := object.NewTreeWalker(tree, true, nil)
	defer walker.Close()
	for {
		name, entry, err := walker.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if entry.Mode == filemode.Regular || entry.Mode == filemode.Executable {
			out[name] = entry.Hash.String()
		}
	}
}

// LineTimes returns, for each line of a file (a slash path from the top of the repository)
// at the commit, the committer time of the commit that introduced that line's content.
func (c *Commit) LineTimes(file string) ([]time.Time, error) {
	res, err := git.Blame(c.c, file)
	if err != nil {
		return nil, fmt.Errorf("blame %s: %w", file, err)
	}
	times := make([]time.Time, len(res.Lines))
	cache := map[plumbing.Hash]time.Time{}
	for i, l := range res.Lines {
		t, ok := cache[l.Hash]
		if !ok {
			co, err := c.repo.CommitObject(l.Hash)
			if err != nil {
				return nil, fmt.Errorf("blame %s: %w", file, err)
			}
			t = co.Committer.When
			cache[l.Hash] = t
		}
		times[i] = t
	}
	return times, nil
}

// Tag is a tag and the commit it names.
type Tag struct {
	Name   string
	Commit *Commit
}

// Tags returns the repository's tags, oldest commit first (ties by name).
func (r *Repo) Tags() ([]Tag, error) {
	iter, err := r.repo.Tags()
	if err != nil {
		return nil, err
	}
	var out []Tag
	err = iter.ForEach(func(ref *plumbing.Reference) error {
		name := ref.Name().Short()
		c, err := r.Resolve(name)
		if err != nil {
			return nil // a tag of something that is not a commit
		}
		out = append(out, Tag{Name: name, Commit: c})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b Tag) int {
		if c := a.Commit.Time.Compare(b.Commit.Time); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out, nil
}
