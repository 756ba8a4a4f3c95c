// Command annexa evaluates ISO/IEC 27001:2022 and ISO/IEC 42001:2023 controls from evidence
// records kept in git.
package main

import (
	"os"

	"github.com/annexa-dev/annexa/internal/cli"
)

func main() { os.Exit(cli.Main()) }
