package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

const validateLong = `Check the evidence under DIR (default: evidence) without judging any control: every file
parses, every record has a known kind and a unique id, matches the schema of its kind, and
every reference Kind/id names a record that exists. Each problem is one line,
file:line:col: message; the exit code is 2 when there is any.

Examples:
  annexa validate
  annexa validate path/to/evidence`

func newValidateCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check evidence files against their schemas and references",
		Long:  validateLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.engine(); err != nil {
				return err // custom policies that do not compile are reported with the evidence problems' exit code
			}
			ev, err := a.loadEvidence(dirArg(args), "")
			if err != nil {
				return err
			}
			if err := ev.check(cmd.ErrOrStderr()); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d records in %d files are valid\n",
				ev.dir, len(ev.bundle.Records), len(ev.bundle.Files))
			return nil
		},
	}
}
