// Package deletionrequestprocessor keeps optel's deletion requests: the requests end users make
// (`optel delete`, a full opt-out) to have everything recorded under their installation id erased.
//
// The Collector's endpoint is on the open internet, so the file an operator acts on must hold only
// well-formed requests, and filing them must not be a way to fill a disk. This processor:
//   - refuses with 400 any request that carries a deletion request and is not exactly one
//     well-formed one (a lower-case random UUID from optel's client, a valid service name);
//   - refuses with 429 when more arrive than the configured rate (the client retries later);
//   - appends each new id once (a retried request is acknowledged, not written again) to a file
//     it creates 0600, fsynced before it answers;
//   - refuses with 503 when the file already holds max_pending requests, so nothing accepted is
//     ever rotated away: an operator processes the file by moving it aside, and the processor
//     starts a new one;
//   - passes each newly written request on (service name only) so it can be counted.
package deletionrequestprocessor // import "github.com/optel/optel-otelcol/deletionrequestprocessor"

import (
	"errors"
	"fmt"
)

// Config of the processor.
type Config struct {
	// Path of the file the requests are appended to, one JSON object per line.
	Path string `mapstructure:"path"`
	// MaxPending is how many requests the file may hold before new ones are refused (503).
	MaxPending int `mapstructure:"max_pending"`
	// RatePerSecond and Burst bound how fast new requests are accepted (429 beyond).
	RatePerSecond float64 `mapstructure:"rate_per_second"`
	Burst         int     `mapstructure:"burst"`
}

// Validate is called by the Collector before anything starts.
func (c *Config) Validate() error {
	var errs []error
	if c.Path == "" {
		errs = append(errs, errors.New("path must be set"))
	}
	if c.MaxPending < 1 {
		errs = append(errs, fmt.Errorf("max_pending must be at least 1 (got %d)", c.MaxPending))
	}
	if c.RatePerSecond <= 0 {
		errs = append(errs, fmt.Errorf("rate_per_second must be positive (got %g)", c.RatePerSecond))
	}
	if c.Burst < 1 {
		errs = append(errs, fmt.Errorf("burst must be at least 1 (got %d)", c.Burst))
	}
	return errors.Join(errs...)
}
