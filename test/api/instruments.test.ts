import { trace } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type SumMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { Instruments } from '../../src/api/instruments.js';
import { buildCatalog } from '../../src/catalog/catalog.js';

function setup() {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.DELTA);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  let granted = true;
  const instruments = new Instruments(buildCatalog(undefined), () => granted);
  const count = instruments.tally('optel.system.redactions', 'detector');
  instruments.attach(provider.getMeter('t'), trace.getTracer('t'));
  const collect = async (): Promise<Record<string, number>> => {
    exporter.reset();
    await reader.forceFlush();
    const metric = exporter.getMetrics().flatMap((m) => m.scopeMetrics.flatMap((s) => s.metrics)).find((m) => m.descriptor.name === 'optel.system.redactions') as SumMetricData | undefined;
    if (!metric) return {};
    expect(metric.dataPointType).toBe(DataPointType.SUM);
    expect(metric.isMonotonic).toBe(true);
    return Object.fromEntries(metric.dataPoints.map((p) => [String(p.attributes.detector), p.value]));
  };
  return { count, collect, setGranted: (g: boolean) => (granted = g), provider };
}

describe('Instruments.tally', () => {
  it('reports what was counted since the last export, by attribute value, as a monotonic delta sum', async () => {
    const { count, collect, provider } = setup();
    count('email', 2);
    count('email', 1);
    count('ipv4', 1);
    expect(await collect()).toEqual({ email: 3, ipv4: 1 });
    count('email', 4);
    expect((await collect()).email).toBe(4);
    await provider.shutdown();
  });

  it('counts nothing while its category is not granted', async () => {
    const { count, collect, setGranted, provider } = setup();
    setGranted(false);
    count('email', 5);
    expect(await collect()).toEqual({});
    setGranted(true);
    count('email', 1);
    expect(await collect()).toEqual({ email: 1 });
    await provider.shutdown();
  });

  it('is only for catalog counters', () => {
    const instruments = new Instruments(buildCatalog(undefined), () => true);
    expect(() => instruments.tally('optel.no.such', 'x')).toThrow(/not a catalog counter/);
  });
});
