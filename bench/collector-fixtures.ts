/**
 * What the Collector benchmarks send and run: an optel-shaped OTLP/JSON metrics request, and the
 * configuration of a Collector without optel's processors (the baseline, or a plain router).
 */

/** Delta sums of two declared metrics, one point per feature each: `2 * features.length` points. */
export function optelMetricsRequest(features: readonly string[], times: { start: string; end: string }): string {
  const point = (attrs: Record<string, string>) => ({ attributes: Object.entries(attrs).map(([key, v]) => ({ key, value: { stringValue: v } })), startTimeUnixNano: times.start, timeUnixNano: times.end, asInt: '1' });
  const sum = (name: string, points: object[]) => ({ name, unit: '1', sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: points } });
  return JSON.stringify({
    resourceMetrics: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'optel-demo' } }] },
      scopeMetrics: [{
        scope: { name: 'optel', version: '0.1.0' },
        metrics: [
          sum('optel.feature_usage.activations', features.map((feature) => point({ feature }))),
          sum('optel.errors.errors', features.map((feature, i) => point({ type: `Error${i % 5}`, severity: ['error', 'warning'][i % 2] as string, feature }))),
        ],
      }],
    }],
  });
}

/**
 * A Collector with the OTLP/HTTP receiver and the given processors and exporter definitions, and
 * nothing else; its addresses come from the OPTEL_COLLECTOR_* variables startCollector sets.
 */
export function bareCollectorYaml(exporters: string, processors: string[] = [], processorDefinitions = ''): string {
  const ids = (yaml: string) => [...yaml.matchAll(/^ {2}([\w/]+):/gm)].map((m) => m[1]);
  return `extensions:
  health_check:
    endpoint: \${env:OPTEL_COLLECTOR_HEALTH_ENDPOINT}
receivers:
  otlp:
    protocols:
      http:
        endpoint: \${env:OPTEL_COLLECTOR_OTLP_HTTP_ENDPOINT}
${processorDefinitions ? `processors:\n${processorDefinitions}` : ''}exporters:
${exporters}service:
  extensions: [health_check]
  telemetry:
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: \${env:OPTEL_COLLECTOR_TELEMETRY_PORT}
  pipelines:
    metrics:
      receivers: [otlp]
${processors.length ? `      processors: [${processors.join(', ')}]\n` : ''}      exporters: [${ids(exporters).join(', ')}]
`;
}
