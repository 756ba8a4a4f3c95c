// Package schemas embeds the CUE definitions of every evidence kind.
package schemas

import "embed"

// FS holds the CUE files of package schemas.
//
//go:embed *.cue
var FS embed.FS
