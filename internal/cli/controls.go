package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/catalog"
)

const controlsLong = `List the controls annexa knows: the Annex A controls and management-system clauses of
ISO/IEC 27001:2022 and ISO/IEC 42001:2023, with their groups and whether a policy decides
them yet.

Examples:
  annexa controls
  annexa controls --standard iso42001
  annexa controls --format json`

type controlsOptions struct {
	standard string
	format   string
	related  string
}

// controlEntry is one line of the catalog listing.
type controlEntry struct {
	catalog.Control
	Implemented bool   `json:"implemented"`
	Class       string `json:"class,omitempty"`
}

func newControlsCmd(a *app) *cobra.Command {
	opts := &controlsOptions{}
	cmd := &cobra.Command{
		Use:   "controls",
		Short: "List the controls of both standards",
		Long:  controlsLong,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat("format", opts.format, "text", "json"); err != nil {
				return err
			}
			return runControls(cmd.OutOrStdout(), a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.standard, "standard", "", "only this standard: iso27001 or iso42001")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&opts.related, "related", "", "list the controls of the other standard related to this one")
	return cmd
}

// relatedEntry is one row of controls --related.
type relatedEntry struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Relation string `json:"relation"`
	Source   string `json:"source"`
}

func runRelated(w io.Writer, opts *controlsOptions) error {
	cat := catalog.MustLoad()
	ctl, err := cat.Resolve(opts.related)
	if err != nil {
		return usageError("--related: %v", err)
	}
	var out []relatedEntry
	for _, r := range cat.Related(ctl.ID) {
		other := r.To
		if other == ctl.ID {
			other = r.From
		}
		oc, _ := cat.Get(other)
		out = append(out, relatedEntry{ID: other, Title: oc.Title, Relation: r.Relation, Source: r.Source})
	}
	if opts.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", ctl.ID, ctl.Title)
	if len(out) == 0 {
		b.WriteString("no related control in the other standard\n")
	}
	for _, e := range out {
		fmt.Fprintf(&b, "  %-18s %-55s %-14s %s\n", e.ID, e.Title, e.Relation, e.Source)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

func runControls(w io.Writer, a *app, opts *controlsOptions) error {
	if opts.related != "" {
		return runRelated(w, opts)
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	controls, err := scope(eng, opts.standard, "")
	if err != nil {
		return err
	}
	entries := make([]controlEntry, len(controls))
	for i, c := range controls {
		p, ok := eng.Policy(c.ID)
		entries[i] = controlEntry{Control: c, Implemented: ok, Class: p.Class}
	}
	if opts.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	var b strings.Builder
	std, group := "", ""
	implemented := 0
	for _, e := range entries {
		if e.Standard != std {
			std, group = e.Standard, ""
			fmt.Fprintf(&b, "%s\n", catalog.StandardTitle(std))
		}
		if e.Group != group {
			group = e.Group
			if e.Kind == catalog.KindClause {
				fmt.Fprintf(&b, "  Clause %s %s\n", e.Group, e.GroupTitle)
			} else {
				fmt.Fprintf(&b, "  %s %s\n", e.Group, e.GroupTitle)
			}
		}
		state := "not implemented"
		if e.Implemented {
			state = "class " + e.Class
			implemented++
		}
		fmt.Fprintf(&b, "    %-18s %-62s %s\n", e.ID, e.Title, state)
	}
	fmt.Fprintf(&b, "%d controls, %d decided by a policy\n", len(entries), implemented)
	_, err = io.WriteString(w, b.String())
	return err
}
