package writestampprocessor

import (
	"context"
	"testing"

	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/processor/processortest"
)

func request(values []float64, ns []int64, feature string) pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.Resource().Attributes().PutStr("service.name", "app")
	m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("activations")
	sum := m.SetEmptySum()
	sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	for i, v := range values {
		dp := sum.DataPoints().AppendEmpty()
		dp.Attributes().PutStr("feature", feature)
		dp.SetDoubleValue(v)
		dp.SetTimestamp(pcommon.Timestamp(ns[i]))
	}
	other := sum.DataPoints().AppendEmpty()
	other.Attributes().PutStr("feature", "other")
	other.SetDoubleValue(1)
	other.SetTimestamp(pcommon.Timestamp(ns[0]))
	return md
}

func points(md pmetric.Metrics) map[string][][2]float64 {
	out := map[string][][2]float64{}
	dps := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0).Sum().DataPoints()
	for i := 0; i < dps.Len(); i++ {
		f, _ := dps.At(i).Attributes().Get("feature")
		out[f.Str()] = append(out[f.Str()], [2]float64{dps.At(i).DoubleValue(), float64(dps.At(i).Timestamp()) / 1e6})
	}
	return out
}

func TestKeepsTheLatestTotalPerStreamWithIncreasingMilliseconds(t *testing.T) {
	sink := new(consumertest.MetricsSink)
	f := NewFactory()
	p, err := f.CreateMetrics(context.Background(), processortest.NewNopSettings(Type), f.CreateDefaultConfig(), sink)
	if err != nil {
		t.Fatal(err)
	}
	const ms = int64(1_000_000)
	// Three totals of one stream within one millisecond: only the last (60) may be written.
	if err := p.ConsumeMetrics(context.Background(), request([]float64{20, 40, 60}, []int64{5*ms + 1, 5*ms + 2, 5*ms + 3}, "export")); err != nil {
		t.Fatal(err)
	}
	// The next request lands in the same millisecond: it moves one millisecond on.
	if err := p.ConsumeMetrics(context.Background(), request([]float64{80}, []int64{5*ms + 9}, "export")); err != nil {
		t.Fatal(err)
	}
	first, second := points(sink.AllMetrics()[0]), points(sink.AllMetrics()[1])
	if got := first["export"]; len(got) != 1 || got[0] != [2]float64{60, 5} {
		t.Fatalf("first request: want one point 60 at 5 ms, got %v", got)
	}
	if got := second["export"]; len(got) != 1 || got[0] != [2]float64{80, 6} {
		t.Fatalf("second request: want 80 at 6 ms, got %v", got)
	}
	// Another stream is kept, with its own clock.
	if got := first["other"]; len(got) != 1 || got[0][1] != 5 {
		t.Fatalf("other stream: got %v", got)
	}
	if got := second["other"]; len(got) != 1 || got[0][1] != 6 {
		t.Fatalf("other stream, second request: got %v", got)
	}
}

func TestAttributeOrderDoesNotMakeANewStream(t *testing.T) {
	sink := new(consumertest.MetricsSink)
	f := NewFactory()
	p, _ := f.CreateMetrics(context.Background(), processortest.NewNopSettings(Type), f.CreateDefaultConfig(), sink)
	md := pmetric.NewMetrics()
	dps := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty().SetEmptySum().DataPoints()
	a := dps.AppendEmpty()
	a.Attributes().PutStr("feature", "x")
	a.Attributes().PutStr("outcome", "ok")
	a.SetTimestamp(pcommon.Timestamp(1_000_000))
	b := dps.AppendEmpty()
	b.Attributes().PutStr("outcome", "ok")
	b.Attributes().PutStr("feature", "x")
	b.SetTimestamp(pcommon.Timestamp(2_000_000))
	if err := p.ConsumeMetrics(context.Background(), md); err != nil {
		t.Fatal(err)
	}
	got := sink.AllMetrics()[0].ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0).Sum().DataPoints()
	if got.Len() != 1 || got.At(0).Timestamp() != pcommon.Timestamp(2_000_000) {
		t.Fatalf("want the later point only, got %d points", got.Len())
	}
}
