// The raw OpenTelemetry setup a team would run instead of optel, for the side-by-side benchmarks:
// the NodeSDK with instrumentation-http and the OTLP/HTTP trace and metric exporters.
export async function startRawNodeSdk({ serviceName, endpoint, exportIntervalMillis = 5000, timeoutMillis }) {
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-http');
  const { PeriodicExportingMetricReader } = await import('@opentelemetry/sdk-metrics');
  const timeout = timeoutMillis === undefined ? {} : { timeoutMillis };
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter({ url: `${endpoint}/v1/traces`, ...timeout }),
    metricReaders: [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics`, ...timeout }), exportIntervalMillis })],
    instrumentations: [new HttpInstrumentation()],
    logRecordProcessors: [],
  });
  sdk.start();
  return sdk;
}
