// Package policies embeds the Rego policies: one package per control, shared helpers in lib.
package policies

import "embed"

// FS holds every .rego file of the policy tree, tests included.
//
//go:embed lib iso27001 iso42001
var FS embed.FS
