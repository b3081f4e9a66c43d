/**
 * Delivery that loses nothing, in the field's faults: a fault proxy in front of the real Collector
 * refuses (503, 429 with Retry-After), cuts and slows requests, the Collector is killed and
 * restarted, and apps exit without shutdown(). Each test counts what arrived in the Collector's
 * own record of what it received and compares it with what the app recorded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, ROOT, startCollector, waitFor } from '../../scripts/stack.ts';
import { FaultProxy } from '../helpers/fault-proxy.js';
import { runNode } from '../helpers/run.js';
import { allGranted, tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();
let collector: Collector | undefined;
let proxy: FaultProxy | undefined;
/** Received files of every Collector this file started (a killed one's record counts too). */
const receivedFiles: string[] = [];

type Line = { resourceMetrics?: { scopeMetrics?: { metrics?: { name: string; sum?: { dataPoints?: { asInt?: string; asDouble?: number; attributes?: { key: string; value: { stringValue?: string } }[] }[] } }[] }[] }[]; resourceSpans?: { scopeSpans?: { spans?: { name: string }[] }[] }[] };

function received(): Line[] {
  return receivedFiles.flatMap((f) => (existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(0, -1).filter(Boolean).map((l) => JSON.parse(l) as Line) : []));
}

/** The sum of a counter's points with attribute `key` = `value` that reached a Collector. */
function arrivedSum(metric: string, key: string, value: string): number {
  let n = 0;
  for (const line of received()) {
    for (const rm of line.resourceMetrics ?? []) for (const sm of rm.scopeMetrics ?? []) for (const m of sm.metrics ?? []) {
      if (m.name !== metric) continue;
      for (const dp of m.sum?.dataPoints ?? []) if (dp.attributes?.some((a) => a.key === key && a.value.stringValue === value)) n += Number(dp.asInt ?? dp.asDouble ?? 0);
    }
  }
  return n;
}

/** Counter increments of activations{feature} that reached a Collector. */
const arrivedCount = (feature: string): number => arrivedSum('optel.feature_usage.activations', 'feature', feature);
/** Increments of optel.system.dropped_requests{reason} that reached a Collector. */
const arrivedDrops = (reason: string): number => arrivedSum('optel.system.dropped_requests', 'reason', reason);

function arrivedSpans(name: string): number {
  let n = 0;
  for (const line of received()) for (const rs of line.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) n += (ss.spans ?? []).filter((s) => s.name === name).length;
  return n;
}

interface AppRun {
  readonly home: string;
  readonly env: Record<string, string>;
}

function app(name: string, env: Record<string, string> = {}): AppRun {
  const home = join(tmp.dir, name);
  const consentFile = join(home, 'consent.json');
  writeConsent(consentFile, allGranted());
  return { home, env: { HOME: home, OPTEL_E2E_ENDPOINT: proxy!.url, OPTEL_E2E_CONSENT_FILE: consentFile, OPTEL_E2E_FEATURE: name, ...env } };
}

async function run(a: AppRun, env: Record<string, string> = {}): Promise<void> {
  const r = await runNode([join(ROOT, 'test/fixtures/delivery-app.mjs')], { env: { ...a.env, ...env }, timeoutMs: 60_000 });
  if (r.code !== 0 || !r.stdout.includes('recorded')) throw new Error(`the app exited ${r.code}: ${r.stdout}\n${r.stderr}`);
}

function outboxFiles(a: AppRun): string[] {
  const dir = join(a.home, 'optel-outbox');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The categories of what waits in an app's outbox on disk. */
function waitingCategories(a: AppRun): string[] {
  return outboxFiles(a).map((f) => (JSON.parse(readFileSync(join(a.home, 'optel-outbox', f), 'utf8').split('\n')[0] as string) as { category: string }).category);
}

beforeAll(async () => {
  collector = await startCollector(join(tmp.dir, 'collector-1'));
  receivedFiles.push(collector.receivedFile);
  proxy = new FaultProxy(collector.otlpUrl);
  await proxy.start();
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await collector?.stop();
  tmp.cleanup();
});

describe('delivery through faults, counted at the real Collector', () => {
  it('a Collector answering 503 for 2 s: every increment and span arrives once it recovers', async () => {
    proxy!.fault = { kind: 'status', status: 503 };
    setTimeout(() => (proxy!.fault = { kind: 'pass' }), 2000);
    // The app records for about 4 s: the first half into a refusing Collector.
    await run(app('after_503', { OPTEL_E2E_COUNT: '500', OPTEL_E2E_SPANS: '50', OPTEL_E2E_ROUNDS: '10', OPTEL_E2E_PAUSE: '400' }));
    await waitFor('every increment at the Collector', async () => (arrivedCount('after_503') === 500 ? true : undefined), 20_000);
    expect(arrivedSpans('after_503_op')).toBe(50);
    expect(proxy!.log.some((l) => l.answered === 503)).toBe(true);
  }, 60_000);

  it('429 with Retry-After: 2 is honoured (no request for the next 2 s), and nothing is lost', async () => {
    proxy!.log.length = 0;
    proxy!.fault = { kind: 'status', status: 429, retryAfterS: 2 };
    const a = app('after_429', { OPTEL_E2E_COUNT: '300', OPTEL_E2E_ROUNDS: '6', OPTEL_E2E_END: 'sigterm' });
    const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'test/fixtures/delivery-app.mjs')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...a.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    await waitFor('the first 429', async () => (proxy!.log.some((l) => l.answered === 429) ? true : undefined), 10_000);
    const first = proxy!.log.find((l) => l.answered === 429)!.at;
    await new Promise((r) => setTimeout(r, 2500));
    proxy!.fault = { kind: 'pass' };
    const next = proxy!.log.find((l) => l.at > first);
    expect(next, 'a request after the 429').toBeDefined();
    expect(next!.at - first).toBeGreaterThanOrEqual(1900);
    await waitFor('every increment at the Collector', async () => (arrivedCount('after_429') === 300 ? true : undefined), 20_000);
    // SIGTERM still ends an app that has no handler of its own, as Node's default would.
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
  }, 60_000);

  it('429 with Retry-After: 20 is honoured too: the next request comes 20 s later, and everything arrives', async () => {
    proxy!.log.length = 0;
    proxy!.fault = { kind: 'status', status: 429, retryAfterS: 20 };
    const a = app('after_429_long', { OPTEL_E2E_COUNT: '100', OPTEL_E2E_ROUNDS: '2', OPTEL_E2E_END: 'sigterm' });
    const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'test/fixtures/delivery-app.mjs')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...a.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await waitFor('the first 429', async () => (proxy!.log.some((l) => l.answered === 429) ? true : undefined), 10_000);
      const first = proxy!.log.find((l) => l.answered === 429)!.at;
      proxy!.fault = { kind: 'pass' }; // the Collector is fine again at once, but it asked for 20 s
      await waitFor('every increment at the Collector', async () => (arrivedCount('after_429_long') === 100 ? true : undefined), 40_000);
      const next = proxy!.log.find((l) => l.at > first)!;
      expect(next.at - first).toBeGreaterThanOrEqual(19_500);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('a Collector that answers only after 5 s for 6 s: everything arrives, once (no retry of what it accepted)', async () => {
    proxy!.fault = { kind: 'slow', delayMs: 5000 };
    setTimeout(() => (proxy!.fault = { kind: 'pass' }), 6000);
    // Records for about 12 s, exporting every second, with the default 10 s export timeout.
    await run(app('slow_collector', { OPTEL_E2E_COUNT: '300', OPTEL_E2E_ROUNDS: '12', OPTEL_E2E_PAUSE: '1000', OPTEL_E2E_INTERVAL: '1000', OPTEL_E2E_TIMEOUT: '10000' }));
    await waitFor('every increment at the Collector', async () => (arrivedCount('slow_collector') >= 300 ? true : undefined), 30_000);
    expect(arrivedCount('slow_collector')).toBe(300);
  }, 90_000);

  it('the Collector killed and restarted mid-run: every increment arrives, at one or the other', async () => {
    const a = app('across_restart', { OPTEL_E2E_COUNT: '400', OPTEL_E2E_ROUNDS: '10', OPTEL_E2E_PAUSE: '600' });
    const running = run(a);
    await new Promise((r) => setTimeout(r, 700));
    await collector!.stop(); // killed: the proxy now finds nobody upstream
    proxy!.fault = { kind: 'down' };
    await new Promise((r) => setTimeout(r, 1500));
    collector = await startCollector(join(tmp.dir, 'collector-2'));
    receivedFiles.push(collector.receivedFile);
    proxy!.upstream = collector.otlpUrl;
    proxy!.fault = { kind: 'pass' };
    await running;
    await waitFor('every increment at one Collector or the other', async () => (arrivedCount('across_restart') === 400 ? true : undefined), 20_000);
  }, 90_000);

  it('an app that exits without shutdown() while the Collector is down keeps its records on disk (0600); the next start delivers them', async () => {
    proxy!.fault = { kind: 'down' };
    const a = app('exit_without_shutdown', { OPTEL_E2E_COUNT: '200', OPTEL_E2E_ROUNDS: '4', OPTEL_E2E_END: 'exit' });
    const t0 = Date.now();
    await run(a);
    const took = Date.now() - t0;
    const files = outboxFiles(a);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(statSync(join(a.home, 'optel-outbox', f)).mode & 0o077).toBe(0);
    expect(arrivedCount('exit_without_shutdown')).toBe(0);
    proxy!.fault = { kind: 'pass' };
    await run(a, { OPTEL_E2E_COUNT: '0', OPTEL_E2E_ROUNDS: '1' });
    await waitFor('the first run\'s increments, delivered by the second', async () => (arrivedCount('exit_without_shutdown') === 200 ? true : undefined), 20_000);
    expect(waitingCategories(a)).not.toContain('feature_usage');
    expect(took).toBeLessThan(10_000);
  }, 60_000);

  it('an app that exits without shutdown() with the Collector up delivers everything before it ends', async () => {
    proxy!.fault = { kind: 'pass' };
    const a = app('exit_delivered', { OPTEL_E2E_COUNT: '200', OPTEL_E2E_SPANS: '40', OPTEL_E2E_ROUNDS: '4', OPTEL_E2E_END: 'exit', OPTEL_E2E_INTERVAL: '60000' });
    await run(a);
    await waitFor('everything at the Collector', async () => (arrivedCount('exit_delivered') === 200 ? true : undefined), 10_000);
    expect(arrivedSpans('exit_delivered_op')).toBe(40);
    // What `optel show` will list was written before the process ended (the audit log's writes
    // are asynchronous; the exit hook writes what is still queued): the same 200 increments.
    const audit = readFileSync(join(a.home, 'optel-audit.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { outcome: string; body: Line });
    expect(audit.every((e) => e.outcome === 'sent')).toBe(true);
    let shown = 0;
    for (const { body } of audit) for (const rm of body.resourceMetrics ?? []) for (const sm of rm.scopeMetrics ?? []) for (const m of sm.metrics ?? []) {
      if (m.name !== 'optel.feature_usage.activations') continue;
      for (const dp of m.sum?.dataPoints ?? []) if (dp.attributes?.some((x) => x.key === 'feature' && x.value.stringValue === 'exit_delivered')) shown += Number(dp.asInt ?? dp.asDouble ?? 0);
    }
    expect(shown).toBe(200);
  }, 60_000);

  it('revoking while requests wait in the outbox: none of them ever arrives, and they are gone from disk', async () => {
    proxy!.fault = { kind: 'down' };
    const a = app('revoked_while_waiting', { OPTEL_E2E_COUNT: '200', OPTEL_E2E_ROUNDS: '4', OPTEL_E2E_END: 'revoke' });
    await run(a);
    // What waits is only what is still granted (the start event of `system`), never the revoked categories.
    expect(waitingCategories(a).filter((c) => c === 'feature_usage' || c === 'performance')).toEqual([]);
    proxy!.fault = { kind: 'pass' };
    // A later start with consent granted again sends nothing of what was revoked.
    writeConsent(a.env.OPTEL_E2E_CONSENT_FILE as string, allGranted());
    await run(a, { OPTEL_E2E_COUNT: '0', OPTEL_E2E_ROUNDS: '1' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(arrivedCount('revoked_while_waiting')).toBe(0);
  }, 60_000);

  it('the Collector down past the outbox bound: the disk holds no more than the bound, and the drops arrive as a count', async () => {
    proxy!.fault = { kind: 'down' };
    const bound = 64 * 1024;
    const a = app('bounded', { OPTEL_E2E_COUNT: '3000', OPTEL_E2E_DISTINCT: '300', OPTEL_E2E_ROUNDS: '10', OPTEL_E2E_PAUSE: '250', OPTEL_E2E_OUTBOX_BYTES: String(bound), OPTEL_E2E_END: 'exit' });
    await run(a);
    const onDisk = outboxFiles(a).reduce((n, f) => n + statSync(join(a.home, 'optel-outbox', f)).size, 0);
    expect(onDisk).toBeGreaterThan(0);
    // The bound is on request bodies; each file adds one line of metadata.
    expect(onDisk).toBeLessThanOrEqual(bound + outboxFiles(a).length * 200);
    proxy!.fault = { kind: 'pass' };
    await run(a, { OPTEL_E2E_COUNT: '0', OPTEL_E2E_ROUNDS: '1' });
    await waitFor('the count of what was dropped', async () => (arrivedDrops('size_limit') > 0 ? true : undefined), 20_000);
  }, 60_000);

  it('an app killed with SIGKILL loses at most about one export interval of what it recorded', async () => {
    proxy!.fault = { kind: 'pass' };
    const a = app('killed', { OPTEL_E2E_END: 'loop', OPTEL_E2E_INTERVAL: '200' });
    const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'test/fixtures/delivery-app.mjs')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...a.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let recorded = 0;
    child.stdout!.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/count (\d+)/g)) recorded = Number(m[1]);
    });
    await waitFor('the app to record for a while', async () => (recorded >= 300 ? true : undefined), 20_000);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    await new Promise((r) => setTimeout(r, 1000));
    const arrived = arrivedCount('killed');
    // 200 ms of recording is 40 increments; one more interval for the export in flight.
    expect(arrived).toBeLessThanOrEqual(recorded + 10);
    expect(arrived).toBeGreaterThanOrEqual(recorded - 80);
  }, 60_000);

  it('a burst of 1,500 spans followed by shutdown(): all of them arrive', async () => {
    proxy!.fault = { kind: 'pass' };
    await run(app('burst', { OPTEL_E2E_COUNT: '0', OPTEL_E2E_SPANS: '1500', OPTEL_E2E_ROUNDS: '1', OPTEL_E2E_PAUSE: '0' }));
    await waitFor('every span at the Collector', async () => (arrivedSpans('burst_op') === 1500 ? true : undefined), 20_000);
  }, 60_000);
});
