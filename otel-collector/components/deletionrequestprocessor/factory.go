package deletionrequestprocessor // import "github.com/optel/optel-otelcol/deletionrequestprocessor"

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"
)

// Type is the component type in the Collector's configuration.
var Type = component.MustNewType("optel_deletion_requests")

// NewFactory creates the processor's factory.
func NewFactory() processor.Factory {
	return processor.NewFactory(Type, createDefaultConfig, processor.WithTraces(createTraces, component.StabilityLevelAlpha))
}

func createDefaultConfig() component.Config {
	return &Config{MaxPending: 100_000, RatePerSecond: 5, Burst: 50}
}

func createTraces(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	p := newProcessor(cfg.(*Config), set.Logger)
	return processorhelper.NewTraces(ctx, set, cfg, next, p.processTraces,
		processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: false}),
		processorhelper.WithShutdown(p.shutdown))
}
