import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, ROOT, type Stack, startStack, waitFor } from '../../scripts/stack.ts';
import { optel as run } from '../helpers/run.js';
import { allGranted, tempDir, writeConsent } from '../helpers/temp.js';

// End users' rights against the real Collector: what its file exporters wrote down is the truth.
const tmp = tempDir();
let stack: Stack | undefined;
let deletionFile = '';

type Line = { raw: string; body: { resourceSpans?: unknown[]; resourceMetrics?: unknown[] } };

function received(service?: string): Line[] {
  let text = '';
  try {
    text = readFileSync(stack!.collector.receivedFile, 'utf8');
  } catch {
    return [];
  }
  // The file exporter writes through a buffer: a line still being written has no newline yet.
  return text.split('\n').slice(0, -1).filter(Boolean).map((raw) => ({ raw, body: JSON.parse(raw) })).filter((l) => service === undefined || l.raw.includes(`"stringValue":"${service}"`));
}

const isDeletion = (l: Line) => l.raw.includes('"optel.deletion_request"');

function deletionLines(): string[] {
  return existsSync(deletionFile) ? readFileSync(deletionFile, 'utf8').split('\n').filter(Boolean) : [];
}

interface App {
  readonly child: ChildProcess;
  readonly flushed: Promise<void>;
  readonly exited: Promise<number | null>;
}

function startApp(service: string, consentFile: string, env: Record<string, string> = {}): App {
  const child = spawn(process.execPath, [join(ROOT, 'test/fixtures/running-app.mjs')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, OPTEL_E2E_SERVICE: service, OPTEL_E2E_ENDPOINT: stack!.collector.otlpUrl, OPTEL_E2E_CONSENT_FILE: consentFile, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const flushed = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('flushed')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${service} exited early (${code}): ${out}`)));
  });
  flushed.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, flushed, exited };
}

async function stopApp(app: App): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exited).toBe(0);
}

const optel = (args: string[]) => run(args, { env: { HOME: tmp.dir } });

function idFile(consentFile: string): string {
  return join(consentFile, '..', 'optel-installation-id.json');
}

async function deliveredId(consentFile: string): Promise<string> {
  return waitFor('the anonymous id to have left the process', async () => {
    const s = JSON.parse(readFileSync(idFile(consentFile), 'utf8')) as { id: string; sentAt?: string };
    return s.sentAt ? s.id : undefined;
  }, 10_000);
}

beforeAll(async () => {
  stack = await startStack(tmp.dir);
  deletionFile = stack.collector.deletionRequestsFile;
}, 900_000);

afterAll(async () => {
  await stack?.stop();
  tmp.cleanup();
});

describe('end users\' rights against the real Collector', () => {
  it('after `optel consent revoke` on a running app, nothing more arrives, queued data included, except one deletion request', async () => {
    const consentFile = join(tmp.dir, 'revoke', 'consent.json');
    writeConsent(consentFile, allGranted());
    const app = startApp('revoke-app', consentFile);
    await app.flushed;
    const oldId = await deliveredId(consentFile);
    await new Promise((r) => setTimeout(r, 500)); // let the app queue more spans and metric points
    const before = received('revoke-app').length;
    expect(before).toBeGreaterThan(0);

    const r = await optel(['consent', 'revoke', '--consent-file', consentFile, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).deletionRequest).toBe('delivered');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the app notices within its watch interval
    await stopApp(app); // its shutdown flushes: revoked data must still not leave
    await waitFor('the deletion request in its own file', async () => (deletionLines().some((l) => l.includes(oldId)) ? true : undefined), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the file exporter flushes every second

    const after = received('revoke-app').slice(before);
    expect(after.filter((l) => !isDeletion(l)).map((l) => l.raw.slice(0, 300))).toEqual([]);
    expect(after.filter(isDeletion)).toHaveLength(1);
    expect(deletionLines().filter((l) => l.includes(oldId))).toHaveLength(1);
    expect(received('revoke-app').some((l) => l.raw.includes('queued'))).toBe(false);
    expect(existsSync(idFile(consentFile))).toBe(false);
    expect(existsSync(join(consentFile, '..', 'optel-audit.jsonl'))).toBe(false);
  }, 60_000);

  it('`optel delete` sends the old id to the deletion pipeline, removes local files, and the next id differs', async () => {
    const consentFile = join(tmp.dir, 'delete', 'consent.json');
    writeConsent(consentFile, allGranted());
    const app = startApp('delete-app', consentFile);
    await app.flushed;
    const oldId = await deliveredId(consentFile);
    await stopApp(app);

    const r = await optel(['delete', '--consent-file', consentFile, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ deleted: true, deletionRequest: 'delivered' });
    await waitFor('the deletion request in its own file', async () => (deletionLines().some((l) => l.includes(oldId)) ? true : undefined), 10_000);
    for (const f of ['consent.json', 'optel-audit.jsonl', 'optel-installation-id.json', 'optel-crashes.json', 'optel-deletion-request.json']) {
      expect(existsSync(join(consentFile, '..', f)), f).toBe(false);
    }
    // Counted in Prometheus, by service, and never by id.
    await waitFor('optel_deletion_requests_total in Prometheus', async () => ((await query(stack!.prometheus.url, 'sum(optel_deletion_requests_total{job="delete-app"})'))[0]?.value ? true : undefined), 30_000);
    const series = await (await fetch(`${stack!.prometheus.url}/api/v1/series?match[]=optel_deletion_requests_total`)).text();
    expect(series).not.toContain(oldId);
    // ...and the deletion request never entered the usage data.
    expect((await query(stack!.prometheus.url, 'traces_span_metrics_calls_total{span_name="optel.deletion_request"}'))).toEqual([]);

    writeConsent(consentFile, allGranted());
    const again = startApp('delete-app', consentFile);
    await again.flushed;
    const newId = await deliveredId(consentFile);
    await stopApp(again);
    expect(newId).not.toBe(oldId);
  }, 60_000);

  it('`optel show` lists exactly what the Collector received, batch for batch', async () => {
    const consentFile = join(tmp.dir, 'show', 'consent.json');
    writeConsent(consentFile, allGranted());
    const app = startApp('show-app', consentFile, { OPTEL_E2E_INTERVAL: '300', OPTEL_E2E_FLUSH_ON_EXIT: '1' });
    await app.flushed;
    await new Promise((r) => setTimeout(r, 1200));
    await stopApp(app);
    await new Promise((r) => setTimeout(r, 1500));

    const r = await optel(['show', '--consent-file', consentFile, '--json', '--limit', '1000']);
    expect(r.code).toBe(0);
    const audit = JSON.parse(r.stdout) as { outcome: string; body: unknown }[];
    expect(audit.length).toBeGreaterThan(2);
    expect(audit.every((e) => e.outcome === 'sent')).toBe(true);
    const fingerprint = (body: unknown): string => {
      const text = JSON.stringify(body);
      const spans = [...text.matchAll(/"spanId":"([0-9a-fA-F]+)"/g)].map((m) => m[1]!.toLowerCase()).sort();
      const metrics = [...text.matchAll(/"name":"((?:optel|http)\.[a-z_.]+)"/g)].map((m) => m[1]!).sort();
      return `${spans.join(',')}|${metrics.join(',')}`;
    };
    const fromAudit = audit.map((e) => fingerprint(e.body)).sort();
    const fromCollector = received('show-app').map((l) => fingerprint(l.body)).sort();
    expect(fromCollector).toEqual(fromAudit);
  }, 60_000);

  it('with only performance granted, nothing from any other category reaches the Collector', async () => {
    const consentFile = join(tmp.dir, 'perf', 'consent.json');
    writeConsent(consentFile, { performance: true });
    const app = startApp('perf-app', consentFile, { OPTEL_E2E_INTERVAL: '300', OPTEL_E2E_FLUSH_ON_EXIT: '1' });
    await app.flushed;
    await new Promise((r) => setTimeout(r, 800));
    await stopApp(app);
    await new Promise((r) => setTimeout(r, 1500));
    const lines = received('perf-app');
    expect(lines.length).toBeGreaterThan(0);
    const text = lines.map((l) => l.raw).join('\n');
    const metricNames = new Set([...text.matchAll(/"name":"(optel\.[a-z_.]+)"/g)].map((m) => m[1]!));
    expect([...metricNames].filter((n) => !n.startsWith('optel.performance.'))).toEqual([]);
    expect(metricNames.has('optel.performance.operation_duration')).toBe(true);
    const categories = new Set([...text.matchAll(/"key":"optel\.category","value":\{"stringValue":"([a-z_]+)"/g)].map((m) => m[1]!));
    expect([...categories].filter((c) => c !== 'performance')).toEqual([]);
  }, 60_000);
});
