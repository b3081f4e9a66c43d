import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { register } from '../../src/index.js';
import { ROOT } from '../helpers/run.js';
import { useLoopbackSession } from '../helpers/session.js';
import { allGranted, writeConsent } from '../helpers/temp.js';

// The Collector's body limit (otel-collector/config.yaml) is sized from what optel sends: these
// are the largest requests an app makes in ordinary use, measured on the wire.
const session = useLoopbackSession();
const limit = (): number => parse(readFileSync(join(ROOT, 'otel-collector/config.yaml'), 'utf8')).receivers.otlp.protocols.http.max_request_body_size as number;

describe("optel's largest requests and the Collector's body limit", () => {
  it('a full 512-span batch and an export of 4,000 metric streams leave at least 3x headroom', async () => {
    const consentFile = join(session.tmp.dir, 'consent.json');
    writeConsent(consentFile, allGranted());
    const t = register({ serviceName: 'size-app', endpoint: session.receiver.url, consentFile, exportIntervalMs: 3_600_000, env: {}, instrumentHttp: false, resourceMetrics: false });
    session.telemetry = t;
    for (let i = 0; i < 512; i++) t.withTelemetry(`load_report_${i % 20}`, () => 1)();
    for (let i = 0; i < 2000; i++) t.metrics.feature_usage.activations.add(1, { feature: `feature_name_${i}` });
    for (let i = 0; i < 2000; i++) t.metrics.performance.operation_duration.record(i, { operation: `operation_${i}`, outcome: 'success' });
    await t.forceFlush();
    await t.shutdown();
    session.telemetry = undefined;
    const largest = (path: string) => Math.max(0, ...session.receiver.requests.filter((r) => r.path === path).map((r) => Buffer.byteLength(r.raw)));
    const spans = largest('/v1/traces');
    const metrics = largest('/v1/metrics');
    expect(spans).toBeGreaterThan(100_000); // a real batch was measured
    expect(metrics).toBeGreaterThan(500_000);
    expect(spans * 3).toBeLessThan(limit());
    expect(metrics * 3).toBeLessThan(limit());
  });
});
