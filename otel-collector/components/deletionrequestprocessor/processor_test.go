package deletionrequestprocessor

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const validID = "3f2c1e9a-7b4d-4c2e-9a1b-0d5e6f7a8b9c"

type request struct {
	id, service, spanName string
	spans                 int
	requestedAt           string
}

func traces(r request) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", r.service)
	rs.Resource().Attributes().PutStr("optel.installation.id", r.id)
	rs.Resource().Attributes().PutStr("host.name", "should-not-be-kept")
	ss := rs.ScopeSpans().AppendEmpty()
	n := r.spans
	if n == 0 {
		n = 1
	}
	for i := 0; i < n; i++ {
		span := ss.Spans().AppendEmpty()
		span.SetName(r.spanName)
		span.Attributes().PutStr("optel.deletion.requested_at", r.requestedAt)
		span.Attributes().PutStr("note", "alice@example.org")
	}
	return td
}

func valid() request {
	return request{id: validID, service: "shop", spanName: SpanName, requestedAt: "2026-12-01T10:00:00.000Z"}
}

func start(t *testing.T, cfg *Config) (func(request) error, *consumertest.TracesSink) {
	t.Helper()
	sink := new(consumertest.TracesSink)
	p, err := createTraces(context.Background(), processortest.NewNopSettings(Type), cfg, sink)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Shutdown(context.Background()) })
	return func(r request) error { return p.ConsumeTraces(context.Background(), traces(r)) }, sink
}

func config(t *testing.T) *Config {
	cfg := createDefaultConfig().(*Config)
	cfg.Path = filepath.Join(t.TempDir(), "requests", "deletion-requests.jsonl")
	return cfg
}

func lines(t *testing.T, path string) []Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []Record
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if l == "" {
			continue
		}
		var r Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		out = append(out, r)
	}
	return out
}

func code(err error) codes.Code {
	if err == nil {
		return codes.OK
	}
	s, _ := status.FromError(err)
	return s.Code()
}

func TestWritesAWellFormedRequestOnceWithOnlyItsFields(t *testing.T) {
	cfg := config(t)
	send, sink := start(t, cfg)
	if err := send(valid()); err != nil {
		t.Fatal(err)
	}
	// A retry of the same request is acknowledged, not written or counted again.
	if err := send(valid()); err != nil {
		t.Fatal(err)
	}
	got := lines(t, cfg.Path)
	if len(got) != 1 || got[0].InstallationID != validID || got[0].ServiceName != "shop" || got[0].RequestedAt != "2026-12-01T10:00:00.000Z" || got[0].ReceivedAt == "" {
		t.Fatalf("file holds %+v", got)
	}
	raw, _ := os.ReadFile(cfg.Path)
	if strings.Contains(string(raw), "alice") || strings.Contains(string(raw), "host") {
		t.Fatalf("file keeps more than the request: %s", raw)
	}
	st, _ := os.Stat(cfg.Path)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v, want 0600", st.Mode().Perm())
	}
	if sink.SpanCount() != 1 {
		t.Fatalf("passed on %d spans for counting, want 1", sink.SpanCount())
	}
	attrs := sink.AllTraces()[0].ResourceSpans().At(0).Resource().Attributes()
	if _, ok := attrs.Get("optel.installation.id"); ok || attrs.Len() != 1 {
		t.Fatalf("the counted span carries %v", attrs.AsRaw())
	}
}

func TestRefusesMalformedRequestsWithBadRequest(t *testing.T) {
	for name, mutate := range map[string]func(*request){
		"wildcard id":      func(r *request) { r.id = "*" },
		"empty id":         func(r *request) { r.id = "" },
		"shell in id":      func(r *request) { r.id = "$(rm -rf /)" },
		"long id":          func(r *request) { r.id = strings.Repeat("a", 10_000) },
		"upper-case uuid":  func(r *request) { r.id = strings.ToUpper(validID) },
		"uuid and newline": func(r *request) { r.id = validID + "\n{}" },
		"bad service":      func(r *request) { r.service = "svc alice@example.org" },
		"two requests":     func(r *request) { r.spans = 2 },
		"not a uuid v4":    func(r *request) { r.id = "3f2c1e9a-7b4d-1c2e-9a1b-0d5e6f7a8b9c" },
	} {
		t.Run(name, func(t *testing.T) {
			cfg := config(t)
			send, sink := start(t, cfg)
			r := valid()
			mutate(&r)
			if c := code(send(r)); c != codes.InvalidArgument {
				t.Fatalf("status %v, want InvalidArgument", c)
			}
			if _, err := os.Stat(cfg.Path); err == nil && len(lines(t, cfg.Path)) != 0 {
				t.Fatal("a malformed request was written")
			}
			if sink.SpanCount() != 0 {
				t.Fatal("a malformed request was passed on")
			}
		})
	}
}

func TestIgnoresRequestsWithoutADeletionRequest(t *testing.T) {
	cfg := config(t)
	send, sink := start(t, cfg)
	r := valid()
	r.spanName = "GET /orders"
	if err := send(r); err != nil {
		t.Fatal(err)
	}
	if sink.SpanCount() != 0 {
		t.Fatal("ordinary spans were passed on")
	}
}

// sendEach sends one well-formed request per id: all but the last must be accepted, the last
// answered with last.
func sendEach(t *testing.T, send func(request) error, ids []string, last codes.Code) {
	t.Helper()
	for i, id := range ids {
		r := valid()
		r.id = id
		want := codes.OK
		if i == len(ids)-1 {
			want = last
		}
		if c := code(send(r)); c != want {
			t.Fatalf("request %d: status %v, want %v", i, c, want)
		}
	}
}

func TestRateLimitAnswersTooManyRequests(t *testing.T) {
	cfg := config(t)
	cfg.RatePerSecond, cfg.Burst = 0.001, 3
	send, _ := start(t, cfg)
	ids := []string{validID, "3f2c1e9a-7b4d-4c2e-9a1b-0d5e6f7a8b9d", "3f2c1e9a-7b4d-4c2e-9a1b-0d5e6f7a8b9e", "3f2c1e9a-7b4d-4c2e-9a1b-0d5e6f7a8b9f"}
	sendEach(t, send, ids, codes.ResourceExhausted)
}

func TestAFullFileRefusesNewRequestsAndNeverDropsPendingOnes(t *testing.T) {
	cfg := config(t)
	cfg.MaxPending = 2
	send, _ := start(t, cfg)
	ids := []string{validID, "3f2c1e9a-7b4d-4c2e-9a1b-0d5e6f7a8b9d", "3f2c1e9a-7b4d-4c2e-9a1b-0d5e6f7a8b9e"}
	sendEach(t, send, ids, codes.Unavailable)
	if got := lines(t, cfg.Path); len(got) != 2 {
		t.Fatalf("file holds %d requests, want the 2 accepted", len(got))
	}
	// The operator processes the file by moving it aside: new requests are accepted again.
	if err := os.Rename(cfg.Path, cfg.Path+".processing"); err != nil {
		t.Fatal(err)
	}
	r := valid()
	r.id = ids[2]
	if err := send(r); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, cfg.Path); len(got) != 1 || got[0].InstallationID != ids[2] {
		t.Fatalf("new file holds %+v", got)
	}
	if got := lines(t, cfg.Path+".processing"); len(got) != 2 {
		t.Fatalf("moved file holds %d, want 2", len(got))
	}
}

func TestPendingRequestsSurviveARestart(t *testing.T) {
	cfg := config(t)
	send, _ := start(t, cfg)
	if err := send(valid()); err != nil {
		t.Fatal(err)
	}
	send2, sink := start(t, cfg)
	if err := send2(valid()); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, cfg.Path); len(got) != 1 {
		t.Fatalf("after a restart a retried request was written again: %d lines", len(got))
	}
	if sink.SpanCount() != 0 {
		t.Fatal("a retried request was counted again")
	}
}

func TestAnUnwritableFileAnswersRetryLater(t *testing.T) {
	cfg := config(t)
	if err := os.MkdirAll(cfg.Path, 0o700); err != nil { // a directory where the file should be
		t.Fatal(err)
	}
	send, _ := start(t, cfg)
	if c := code(send(valid())); c != codes.Unavailable {
		t.Fatalf("status %v, want Unavailable", c)
	}
}

func TestConfigValidation(t *testing.T) {
	if err := (&Config{}).Validate(); err == nil || !strings.Contains(err.Error(), "path") || !strings.Contains(err.Error(), "max_pending") {
		t.Fatalf("empty config: %v", err)
	}
	cfg := config(t)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
}
