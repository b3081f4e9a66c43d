//go:build tools

// Package tools pins the thanos command so `go mod tidy` keeps its
// dependencies and `go build github.com/thanos-io/thanos/cmd/thanos` works
// from this module.
package tools

import _ "github.com/thanos-io/thanos/cmd/thanos"
