// Package writestampprocessor makes accumulated totals safe to remote-write: per request it keeps
// only the latest point of each stream, and it gives every stream strictly increasing millisecond
// timestamps.
//
// Why: a gateway's delta_to_cumulative turns the deltas of one stream that arrive in one request
// (the edge batches many installations' exports together) into several running totals stamped
// within the same millisecond. Remote write carries milliseconds, and a store keeps the first of
// two samples with one timestamp: the later, larger totals were lost, and with them the last
// increments of a stream. Keeping the latest total only, one millisecond after the stream's previous
// one, writes every increment exactly once. State is one timestamp per stream, bounded by
// max_streams (past it the map starts over: at worst one sample lands on a used millisecond).
package writestampprocessor // import "github.com/optel/optel-otelcol/writestampprocessor"

import (
	"context"
	"encoding/binary"
	"hash/fnv"
	"sort"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"
)

// Type is the component type in the Collector's configuration.
var Type = component.MustNewType("optel_write_stamp")

// Config bounds the processor's state.
type Config struct {
	MaxStreams int `mapstructure:"max_streams"`
}

// NewFactory creates the processor's factory.
func NewFactory() processor.Factory {
	return processor.NewFactory(Type, func() component.Config { return &Config{MaxStreams: 1_000_000} },
		processor.WithMetrics(createMetrics, component.StabilityLevelAlpha))
}

func createMetrics(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Metrics) (processor.Metrics, error) {
	p := &stamper{max: cfg.(*Config).MaxStreams, last: map[uint64]int64{}}
	return processorhelper.NewMetrics(ctx, set, cfg, next, p.process,
		processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: true}))
}

type stamper struct {
	mu   sync.Mutex
	max  int
	last map[uint64]int64 // stream -> last millisecond written
}

// hashMap writes a map's pairs in key order (insertion order differs between senders).
func hashMap(h interface{ Write([]byte) (int, error) }, m pcommon.Map) {
	type pair struct{ k, v string }
	pairs := make([]pair, 0, m.Len())
	m.Range(func(k string, v pcommon.Value) bool {
		pairs = append(pairs, pair{k, v.AsString()})
		return true
	})
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].k < pairs[j].k })
	for _, p := range pairs {
		_, _ = h.Write([]byte(p.k))
		_, _ = h.Write([]byte{0})
		_, _ = h.Write([]byte(p.v))
		_, _ = h.Write([]byte{1})
	}
}

// stream identifies a point's series: resource, scope, metric name and point attributes.
func stream(prefix uint64, attrs pcommon.Map) uint64 {
	h := fnv.New64a()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], prefix)
	_, _ = h.Write(b[:])
	hashMap(h, attrs)
	return h.Sum64()
}

type point interface {
	Attributes() pcommon.Map
	Timestamp() pcommon.Timestamp
	SetTimestamp(pcommon.Timestamp)
}

func (p *stamper) process(_ context.Context, md pmetric.Metrics) (pmetric.Metrics, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.last) > p.max {
		p.last = map[uint64]int64{}
	}
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		rm := rms.At(i)
		rh := fnv.New64a()
		hashMap(rh, rm.Resource().Attributes())
		sms := rm.ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			sm := sms.At(j)
			sh := fnv.New64a()
			var b [8]byte
			binary.LittleEndian.PutUint64(b[:], rh.Sum64())
			_, _ = sh.Write(b[:])
			_, _ = sh.Write([]byte(sm.Scope().Name() + "\x00" + sm.Scope().Version() + "\x00"))
			ms := sm.Metrics()
			for k := 0; k < ms.Len(); k++ {
				m := ms.At(k)
				mh := fnv.New64a()
				binary.LittleEndian.PutUint64(b[:], sh.Sum64())
				_, _ = mh.Write(b[:])
				_, _ = mh.Write([]byte(m.Name()))
				prefix := mh.Sum64()
				switch m.Type() {
				case pmetric.MetricTypeSum:
					keepLatest(p, prefix, m.Sum().DataPoints())
				case pmetric.MetricTypeHistogram:
					keepLatest(p, prefix, m.Histogram().DataPoints())
				case pmetric.MetricTypeGauge:
					keepLatest(p, prefix, m.Gauge().DataPoints())
				case pmetric.MetricTypeExponentialHistogram:
					keepLatest(p, prefix, m.ExponentialHistogram().DataPoints())
				}
			}
		}
	}
	return md, nil
}

type slice[T point] interface {
	Len() int
	At(int) T
	RemoveIf(func(T) bool)
}

func keepLatest[T point, S slice[T]](p *stamper, prefix uint64, points S) {
	if points.Len() == 0 {
		return
	}
	// The latest point of each stream in this request (the first of equal timestamps).
	latest := map[uint64]int{}
	keys := make([]uint64, points.Len())
	for i := 0; i < points.Len(); i++ {
		key := stream(prefix, points.At(i).Attributes())
		keys[i] = key
		if j, ok := latest[key]; !ok || points.At(i).Timestamp() > points.At(j).Timestamp() {
			latest[key] = i
		}
	}
	i := -1
	points.RemoveIf(func(dp T) bool {
		i++
		key := keys[i]
		if latest[key] != i {
			return true
		}
		ms := int64(dp.Timestamp()) / 1_000_000
		if prev, ok := p.last[key]; ok && ms <= prev {
			ms = prev + 1
		}
		p.last[key] = ms
		dp.SetTimestamp(pcommon.Timestamp(ms * 1_000_000))
		return false
	})
}
