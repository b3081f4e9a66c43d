import { join } from 'node:path';
import { ExportResultCode } from '@opentelemetry/core';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/catalog.js';
import { Consent } from '../../src/consent/consent.js';
import { ConsentStore } from '../../src/consent/store.js';
import { ConsentMetricExporter, filterByConsent } from '../../src/export/metric-consent-filter.js';
import { tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();

async function collected(names: string[]): Promise<ResourceMetrics> {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.DELTA);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
  const provider = new MeterProvider({ readers: [reader] });
  const meter = provider.getMeter('t');
  for (const n of names) meter.createCounter(n).add(1);
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  return resourceMetrics;
}

describe('consent filter for metrics', () => {
  const catalog = buildCatalog(undefined);
  const file = join(tmp.dir, 'c.json');
  writeConsent(file, { feature_usage: true });
  const consent = new Consent(catalog.categories, new ConsentStore(file), undefined);

  it('keeps granted categories and drops the rest, including uncategorised instruments', async () => {
    const rm = await collected(['optel.feature_usage.activations', 'optel.engagement.session_starts', 'http.server.request.duration', 'some.library.metric']);
    const kept = filterByConsent(rm, catalog, consent)!;
    expect(kept.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.descriptor.name))).toEqual(['optel.feature_usage.activations']);
  });

  it('the exporter wrapper never calls the real exporter when nothing is granted', async () => {
    const rm = await collected(['optel.engagement.session_starts']);
    let called = 0;
    const inner = { export: () => void called++, forceFlush: async () => {}, shutdown: async () => {} };
    const wrapped = new ConsentMetricExporter(inner, catalog, consent);
    const code = await new Promise((r) => wrapped.export(rm, (res) => r(res.code)));
    expect(code).toBe(ExportResultCode.SUCCESS);
    expect(called).toBe(0);
  });
});
