package deletionrequestprocessor // import "github.com/optel/optel-otelcol/deletionrequestprocessor"

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processorhelper"
	"go.uber.org/zap"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const (
	// SpanName is the name of the span optel's client sends as a deletion request.
	SpanName          = "optel.deletion_request"
	installationIDKey = "optel.installation.id"
	serviceNameKey    = "service.name"
	requestedAtKey    = "optel.deletion.requested_at"
)

var (
	// The id optel's client creates: crypto.randomUUID(), a lower-case version-4 UUID.
	installationID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	serviceName    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$`)
	timestamp      = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?Z$`)
)

type deletionProcessor struct {
	ledger  *ledger
	limiter *rate.Limiter
	logger  *zap.Logger
	now     func() time.Time
}

func newProcessor(cfg *Config, logger *zap.Logger) *deletionProcessor {
	return &deletionProcessor{
		ledger:  newLedger(cfg.Path, cfg.MaxPending),
		limiter: rate.NewLimiter(rate.Limit(cfg.RatePerSecond), cfg.Burst),
		logger:  logger,
		now:     time.Now,
	}
}

// refused builds an error the OTLP receiver answers with the status of code (400, 429, 503).
func refused(code codes.Code, format string, args ...any) error {
	return status.Errorf(code, "deletion request refused: "+format, args...)
}

// processTraces passes on, for counting, only a newly written request; everything else is either
// refused (the sender gets the status) or dropped because it holds no deletion request.
func (p *deletionProcessor) processTraces(_ context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	deletions := 0
	for i := 0; i < td.ResourceSpans().Len(); i++ {
		for j := 0; j < td.ResourceSpans().At(i).ScopeSpans().Len(); j++ {
			spans := td.ResourceSpans().At(i).ScopeSpans().At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				if spans.At(k).Name() == SpanName {
					deletions++
				}
			}
		}
	}
	if deletions == 0 {
		return td, processorhelper.ErrSkipProcessingData
	}
	if deletions != 1 || td.SpanCount() != 1 {
		return td, refused(codes.InvalidArgument, "a request must carry exactly one deletion request and nothing else (got %d spans)", td.SpanCount())
	}
	rs := td.ResourceSpans().At(0)
	id, _ := rs.Resource().Attributes().Get(installationIDKey)
	if !installationID.MatchString(id.Str()) {
		return td, refused(codes.InvalidArgument, "%s must be the UUID optel's client creates", installationIDKey)
	}
	service, _ := rs.Resource().Attributes().Get(serviceNameKey)
	if !serviceName.MatchString(service.Str()) {
		return td, refused(codes.InvalidArgument, "%s must be 1-63 of A-Z a-z 0-9 _ . -", serviceNameKey)
	}
	record := Record{InstallationID: id.Str(), ServiceName: service.Str(), ReceivedAt: p.now().UTC().Format(time.RFC3339)}
	var span ptrace.Span
	for j := 0; j < rs.ScopeSpans().Len(); j++ {
		if rs.ScopeSpans().At(j).Spans().Len() > 0 {
			span = rs.ScopeSpans().At(j).Spans().At(0)
		}
	}
	if at, ok := span.Attributes().Get(requestedAtKey); ok && timestamp.MatchString(at.Str()) {
		record.RequestedAt = at.Str()
	}
	if !p.limiter.Allow() {
		return td, refused(codes.ResourceExhausted, "too many deletion requests, retry later")
	}
	written, err := p.ledger.append(record)
	if err == errFull {
		p.logger.Warn("deletion-request file is full: process it (move it aside) so new requests are accepted", zap.String("path", p.ledger.path))
		return td, refused(codes.Unavailable, "the backend cannot take deletion requests right now, retry later")
	}
	if err != nil {
		p.logger.Error("cannot write deletion request", zap.Error(err))
		return td, refused(codes.Unavailable, "cannot record it right now, retry later")
	}
	if !written {
		// Already pending: acknowledged, not written or counted twice.
		return td, processorhelper.ErrSkipProcessingData
	}
	return countable(record.ServiceName), nil
}

// countable is what the span-metrics connector counts: the service, never the id.
func countable(service string) ptrace.Traces {
	out := ptrace.NewTraces()
	rs := out.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(serviceNameKey, service)
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("optel")
	span := ss.Spans().AppendEmpty()
	span.SetName(SpanName)
	now := time.Now()
	span.SetStartTimestamp(pcommonTime(now))
	span.SetEndTimestamp(pcommonTime(now))
	return out
}

func (p *deletionProcessor) shutdown(context.Context) error {
	if err := p.ledger.close(); err != nil {
		return fmt.Errorf("closing %s: %w", p.ledger.path, err)
	}
	return nil
}

func pcommonTime(t time.Time) pcommon.Timestamp { return pcommon.NewTimestampFromTime(t) }
