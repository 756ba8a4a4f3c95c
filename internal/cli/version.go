package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print annexa's version and the versions of its policy engines",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "annexa %s\n", Version())
			if deps := depVersions(); len(deps) > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "built with %s\n", strings.Join(deps, ", "))
			}
			return nil
		},
	}
}
