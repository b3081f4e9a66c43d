import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { register, type Telemetry } from '../../src/index.js';
import type { BuiltinCatalog } from '../../src/catalog/builtin.js';
import { ALLOWED_RESOURCE_KEYS } from '../../src/resource/resource.js';
import { useLoopbackSession } from '../helpers/session.js';
import { allGranted, makeUnwritable, writeConsent } from '../helpers/temp.js';

// Personal data and secrets an app might carelessly put anywhere. None may reach the session.receiver.
const CANARIES = {
  email: 'alice.canary@example.com',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkxMjM0NSJ9.c2lnbmF0dXJlY2FuYXJ5MTIz',
  awsKey: 'AKIAIOSFODNN7CANARY1',
  githubToken: 'ghp_Canary1234567890abcdefghijklmnopqrstu',
  password: 'hunter2-canary',
  card: '4111 1111 1111 1111',
  ipv4: '203.0.113.77',
  homeUser: 'alicecanary',
  queryToken: 'qtok-canary-998877',
};

const session = useLoopbackSession();

function start(granted: Record<string, boolean> | undefined, extra: Record<string, unknown> = {}): Telemetry<BuiltinCatalog> {
  const consentFile = join(session.tmp.dir, 'consent.json');
  if (granted) writeConsent(consentFile, granted);
  const t = register({
    serviceName: 'optel-test',
    serviceVersion: '1.2.3',
    endpoint: session.receiver.url,
    consentFile,
    exportIntervalMs: 60_000, // nothing leaves on a timer: the tests flush explicitly
    env: {},
    ...extra,
  });
  session.telemetry = t;
  return t;
}

/** One call for every built-in category. */
function exerciseEveryCategory(t: Telemetry<BuiltinCatalog>): void {
  const m = t.metrics;
  m.feature_usage.activations.add(3, { feature: 'export' });
  m.feature_usage.time_spent.record(42, { feature: 'export' });
  m.feature_usage.completions.add(1, { feature: 'export', outcome: 'completed', step: 'confirm' });
  m.feature_usage.completions.add(1, { feature: 'export', outcome: 'abandoned', step: 'choose_format' });
  m.feature_usage.flow.emit({ from: 'dashboard', to: 'export' });
  m.performance.operation_duration.record(125.5, { operation: 'load_data', outcome: 'success' });
  m.engagement.session_starts.add();
  m.engagement.session_ends.add();
  m.engagement.session_length.record(600);
  m.engagement.navigation.emit({ from: 'home', to: 'settings' });
  m.errors.errors.add(1, { type: 'TimeoutError', severity: 'critical', feature: 'export' });
  m.errors.recoveries.add(1, { type: 'TimeoutError', outcome: 'succeeded' });
  t.rateSatisfaction(5, { feature: 'export', type: 'overall', scale: '1..5' });
  t.rateSatisfaction(0.5, { feature: 'export', type: 'speed' });
  m.system.update_checks.add(1, { result: 'up_to_date' });
}

async function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

async function withServer<T>(fn: (base: string) => Promise<T>): Promise<T> {
  const server = http.createServer((req, res) => {
    res.writeHead(req.url?.startsWith('/missing') ? 404 : 200);
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

describe('register() against a real OTLP/HTTP session.receiver', () => {
  it('sends nothing at all when no consent was given', async () => {
    const t = start(undefined);
    exerciseEveryCategory(t);
    await withServer(async (base) => get(`${base}/orders/42`));
    const work = t.withTelemetry('load', () => 1);
    work();
    await t.forceFlush();
    await t.shutdown();
    expect(session.receiver.requests).toHaveLength(0);
  });

  it('exports the expected metrics and spans for every category once granted', async () => {
    const t = start(allGranted());
    exerciseEveryCategory(t);
    const wrapped = t.withTelemetry('import_csv', async (n: number) => n * 2);
    expect(await wrapped(21)).toBe(42);
    await withServer(async (base) => {
      await get(`${base}/orders/12345?token=${CANARIES.queryToken}`);
      await get(`${base}/missing`);
    });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.spans().length > 0 && session.receiver.points().length > 0);

    expect(session.receiver.total('optel.feature_usage.activations', { feature: 'export' })).toBe(3);
    expect(session.receiver.total('optel.feature_usage.activations', { feature: 'import_csv' })).toBe(1);
    expect(session.receiver.total('optel.feature_usage.time_spent')).toBe(1);
    expect(session.receiver.total('optel.feature_usage.completions', { outcome: 'abandoned', step: 'choose_format' })).toBe(1);
    expect(session.receiver.total('optel.feature_usage.flow', { from: 'dashboard', to: 'export' })).toBe(1);
    expect(session.receiver.total('optel.performance.operation_duration', { operation: 'load_data', outcome: 'success' })).toBe(1);
    expect(session.receiver.total('optel.performance.operation_duration', { operation: 'import_csv', outcome: 'success' })).toBe(1);
    expect(session.receiver.total('optel.engagement.session_starts')).toBe(1);
    expect(session.receiver.total('optel.engagement.session_ends')).toBe(1);
    expect(session.receiver.total('optel.engagement.session_length')).toBe(1);
    expect(session.receiver.total('optel.engagement.navigation', { from: 'home', to: 'settings' })).toBe(1);
    expect(session.receiver.total('optel.errors.errors', { type: 'TimeoutError', severity: 'critical' })).toBe(1);
    expect(session.receiver.total('optel.errors.recoveries', { outcome: 'succeeded' })).toBe(1);
    expect(session.receiver.total('optel.satisfaction.score', { feature: 'export' })).toBe(2);
    const satisfaction = session.receiver.points().filter((p) => p.name === 'optel.satisfaction.score');
    expect(satisfaction.reduce((s, p) => s + p.value, 0)).toBeCloseTo(1.5); // 5 on 1..5 -> 1, plus 0.5
    expect(session.receiver.total('optel.system.update_checks', { result: 'up_to_date' })).toBe(1);
    expect(session.receiver.total('optel.system.events', { event: 'start' })).toBe(1);
    for (const gauge of ['cpu_utilization', 'memory_rss', 'heap_used']) {
      expect(session.receiver.points().some((p) => p.name === `optel.resource.${gauge}` && p.kind === 'gauge'), gauge).toBe(true);
    }
    expect(session.receiver.points().find((p) => p.name === 'optel.resource.memory_rss')!.value).toBeGreaterThan(1_000_000);

    // Counters and histograms go out as deltas (temporality 1), so the Collector can add up instances.
    expect(session.receiver.points().find((p) => p.name === 'optel.feature_usage.activations')!.temporality).toBe(1);

    const spans = session.receiver.spans();
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['feature_usage.flow', 'engagement.navigation', 'system.events', 'import_csv', 'GET /orders/:id', 'GET /missing']));
    expect(spans.find((s) => s.name === 'feature_usage.flow')!.attributes).toMatchObject({ from: 'dashboard', to: 'export', 'optel.category': 'feature_usage' });
    const server = spans.find((s) => s.name === 'GET /orders/:id' && s.attributes['url.path'] !== undefined)!;
    expect(server.attributes['url.path']).toBe('/orders/:id');
    expect(session.receiver.points().some((p) => p.name === 'http.server.request.duration')).toBe(true);
    expect(session.receiver.everything()).not.toContain(CANARIES.queryToken);
  });

  it('granting at run time starts export without a restart', async () => {
    const t = start(undefined);
    t.metrics.feature_usage.activations.add(1, { feature: 'before_grant' });
    await t.forceFlush();
    expect(session.receiver.requests).toHaveLength(0);
    t.consent.grant('feature_usage');
    t.metrics.feature_usage.activations.add(1, { feature: 'after_grant' });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.points().length > 0);
    expect(session.receiver.total('optel.feature_usage.activations', { feature: 'after_grant' })).toBe(1);
    expect(session.receiver.total('optel.feature_usage.activations', { feature: 'before_grant' })).toBe(0);
  });

  it('revoking drops queued spans and pending metric points, even if consent is granted again', async () => {
    const t = start(allGranted());
    await t.forceFlush(); // the start event
    session.receiver.clear();
    t.metrics.feature_usage.activations.add(7, { feature: 'queued' });
    t.metrics.feature_usage.flow.emit({ from: 'a', to: 'queued' });
    t.withTelemetry('queued_op', () => 0)();
    await t.consent.revoke();
    t.consent.grant();
    await t.forceFlush();
    const text = session.receiver.everything();
    expect(text).not.toContain('queued');
    expect(session.receiver.spans().map((s) => s.name)).not.toContain('feature_usage.flow');
    // ...and what is recorded after the new grant does arrive.
    t.metrics.feature_usage.activations.add(1, { feature: 'fresh' });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.total('optel.feature_usage.activations', { feature: 'fresh' }) === 1);
  });

  it('revoking one category keeps the others flowing', async () => {
    const t = start(allGranted());
    t.metrics.feature_usage.activations.add(1, { feature: 'kept' });
    t.metrics.engagement.session_starts.add(5);
    await t.forceFlush(); // the start event and first gauges
    session.receiver.clear();
    t.metrics.feature_usage.activations.add(1, { feature: 'kept' });
    t.metrics.engagement.session_starts.add(5);
    await t.consent.revoke('engagement');
    // One flush drops the revoked category and sends the rest: one metrics request per category
    // still granted (each category is its own request, so a revoke can remove it), none twice.
    const categories = session.receiver.requests
      .filter((r) => r.path.endsWith('/v1/metrics'))
      .map((r) => [...new Set((r.body.resourceMetrics as { scopeMetrics: { metrics: { name: string }[] }[] }[]).flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics.map((m) => m.name.split('.')[1]))))]);
    for (const c of categories) expect(c).toHaveLength(1);
    expect(new Set(categories.flat()).size).toBe(categories.length);
    expect(categories.flat()).toContain('feature_usage');
    expect(categories.flat()).not.toContain('engagement');
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.total('optel.feature_usage.activations', { feature: 'kept' }) === 1);
    expect(session.receiver.total('optel.engagement.session_starts')).toBe(0);
    expect(t.consent.status().categories.engagement).toEqual({ granted: false, reason: 'not-granted' });
  });

  it('a revoke the disk refuses is reported, and stops export in this process at once anyway', async () => {
    const t = start(allGranted());
    t.metrics.feature_usage.activations.add(1, { feature: 'before' });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.total('optel.feature_usage.activations', { feature: 'before' }) === 1);
    const undo = makeUnwritable(session.tmp.dir);
    let result;
    try {
      t.metrics.feature_usage.activations.add(1, { feature: 'queued_before_revoke' });
      result = await t.consent.revoke('feature_usage');
    } finally {
      undo();
    }
    expect(result).toEqual({ persisted: false, error: expect.stringMatching(/could not write the consent file .* this process only/) });
    t.metrics.feature_usage.activations.add(1, { feature: 'after' });
    t.metrics.engagement.session_starts.add(1);
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.total('optel.engagement.session_starts') >= 1);
    expect(session.receiver.total('optel.feature_usage.activations', { feature: 'queued_before_revoke' })).toBe(0);
    expect(session.receiver.total('optel.feature_usage.activations', { feature: 'after' })).toBe(0);
    expect(t.consent.isGranted('feature_usage')).toBe(false);
  });

  it('with only performance granted, nothing from any other category arrives', async () => {
    const t = start({ performance: true });
    exerciseEveryCategory(t);
    t.withTelemetry('perf_only', () => 1)();
    await withServer(async (base) => get(`${base}/ping`));
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.points().length > 0);
    const metricNames = new Set(session.receiver.points().map((p) => p.name));
    for (const name of metricNames) expect(name === 'optel.performance.operation_duration' || name.startsWith('http.'), name).toBe(true);
    for (const s of session.receiver.spans()) expect(s.attributes['optel.category'] ?? 'performance').toBe('performance');
  });

  it('an environment opt-out wins over a consent file that grants everything', async () => {
    for (const env of [{ DO_NOT_TRACK: '1' }, { OTEL_SDK_DISABLED: 'true' }, { OPTEL_TEST_TELEMETRY_OPT_OUT: 'yes' }]) {
      const t = start(allGranted(), { env, appName: 'optel-test' });
      exerciseEveryCategory(t);
      t.consent.grant();
      await t.forceFlush();
      expect(t.consent.status().forcedOff?.variable).toBe(Object.keys(env)[0]);
      await t.shutdown();
      session.telemetry = undefined;
    }
    expect(session.receiver.requests).toHaveLength(0);
  });

  it('no planted personal data or secret reaches the session.receiver: span names, attributes, events, exception stacks, status, metric attributes', async () => {
    const t = start(allGranted());
    const leak = `user ${CANARIES.email} token=${CANARIES.githubToken} key ${CANARIES.awsKey} card ${CANARIES.card} from ${CANARIES.ipv4} at /home/${CANARIES.homeUser}/app/index.js password=${CANARIES.password} Bearer ${CANARIES.jwt}`;
    // metric attributes (declared free-text attributes)
    t.metrics.feature_usage.activations.add(1, { feature: CANARIES.email });
    t.metrics.errors.errors.add(1, { type: `Err ${CANARIES.ipv4}`, severity: 'error', feature: CANARIES.awsKey });
    t.metrics.feature_usage.flow.emit({ from: CANARIES.githubToken, to: `/home/${CANARIES.homeUser}/x` });
    // an exception with a message and stack full of secrets, through withTelemetry
    const failing = t.withTelemetry('sync_account', () => {
      const e = new Error(leak);
      e.stack = `Error: ${leak}\n    at sync (/home/${CANARIES.homeUser}/project/src/sync.js:10:5)\n    at C:\\Users\\${CANARIES.homeUser}\\app\\main.js:1:1`;
      throw e;
    });
    expect(() => failing()).toThrow(CANARIES.email); // the app still sees its own error, unredacted
    // span names, attributes, events and links written directly by app code through the OTel API
    const { trace } = await import('@opentelemetry/api');
    const tracer = trace.getTracer('app');
    const span = tracer.startSpan(`checkout for ${CANARIES.email}`, { attributes: { 'app.note': leak, password: 'plain', 'http.request.header.authorization': `Basic ${Buffer.from('u:p').toString('base64')}`, 'url.full': `https://shop.example/u/${CANARIES.email}?session=${CANARIES.queryToken}` } });
    span.addEvent(`event ${CANARIES.email}`, { detail: leak });
    span.recordException(new Error(leak));
    span.setStatus({ code: 2, message: leak });
    span.end();
    // HTTP request with personal data in path and query
    await withServer(async (base) => get(`${base}/users/${encodeURIComponent(CANARIES.email)}/orders?token=${CANARIES.queryToken}`));
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.spans().some((s) => s.name.startsWith('checkout')));

    const everything = session.receiver.everything();
    const encodedEmail = encodeURIComponent(CANARIES.email);
    for (const [name, canary] of [...Object.entries(CANARIES), ['encodedEmail', encodedEmail], ['password-attr', 'plain']] as const) {
      expect(everything.includes(canary), `${name} leaked`).toBe(false);
    }
    // ...while the shape of what happened is still there.
    const checkout = session.receiver.spans().find((s) => s.name.startsWith('checkout'))!;
    expect(checkout.name).toBe('checkout for [REDACTED:email]');
    expect(checkout.attributes.password).toBe('[REDACTED]');
    expect(checkout.attributes['url.full']).toBe('https://shop.example/u/:id');
    expect(checkout.events.find((e) => e.name === 'exception')!.attributes['exception.message']).toContain('[REDACTED:email]');
    expect(session.receiver.total('optel.system.redactions')).toBeGreaterThan(10);
  });

  it('a span that would find the export queue full is not recorded, and is counted', async () => {
    const t = start(allGranted(), { maxQueueSize: 40 });
    // 300 event spans in one turn of the event loop: the batch processor cannot export in between.
    for (let i = 0; i < 300; i++) t.metrics.system.events.emit({ event: 'config_changed' });
    await t.forceFlush();
    const spans = session.receiver.spans().filter((s) => s.name === 'system.events');
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.length).toBeLessThan(150); // the queue took 40 at a time, not 300
    // Every span that did not make it is accounted for: delivered + counted = calls (+ the start event).
    const dropped = session.receiver.total('optel.system.dropped_spans', { reason: 'queue_full' });
    expect(dropped).toBeGreaterThan(0);
    expect(spans.length + dropped).toBeGreaterThanOrEqual(300);
    expect(spans.length + dropped).toBeLessThanOrEqual(301);
  });

  it('the resource carries only allow-listed keys: no host name, user, command line, pid or working directory', async () => {
    const t = start(allGranted(), {
      anonymousId: true,
      env: { OTEL_RESOURCE_ATTRIBUTES: 'host.name=leaky-host,process.owner=alice', OTEL_NODE_RESOURCE_DETECTORS: 'all' },
    });
    t.metrics.feature_usage.activations.add(1, { feature: 'x' });
    t.metrics.feature_usage.flow.emit({ from: 'a', to: 'b' });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.spans().length > 0 && session.receiver.points().length > 0);
    const resources = [...session.receiver.spans().map((s) => s.resource), ...session.receiver.points().map((p) => p.resource)];
    for (const r of resources) {
      for (const key of Object.keys(r)) expect(ALLOWED_RESOURCE_KEYS.has(key), key).toBe(true);
      expect(r['service.name']).toBe('optel-test');
      expect(r['optel.installation.id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const text = session.receiver.everything();
    for (const banned of ['host.name', 'host.id', 'process.owner', 'process.command', 'process.executable', 'process.pid', 'leaky-host', process.cwd()]) {
      expect(text.includes(banned), banned).toBe(false);
    }
  });

  it('a Collector that is down costs the app no exception and the flush still settles', async () => {
    await session.receiver.stop();
    const t = start(allGranted(), { endpoint: 'http://127.0.0.1:9', exportTimeoutMs: 500 });
    exerciseEveryCategory(t);
    await expect(t.forceFlush()).resolves.toBeUndefined();
    await expect(t.shutdown()).resolves.toBeUndefined();
  });
});
