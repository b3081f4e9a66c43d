/**
 * The ingestion edge under attack: clients with nothing but an OTLP/HTTP client send what no optel
 * client would, while a legitimate optel app keeps sending. Asserts on what the real Collector
 * kept (its Prometheus exporter, its deletion-request file) and what the real Prometheus holds.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCatalog } from '../../src/catalog/catalog.js';
import { ingestPolicy, seriesBudget } from '../../src/catalog/ingest-policy.js';
import { KNOWN_SERVICES, query, ROOT, type Stack, startStack, waitFor } from '../../scripts/stack.ts';
import { DETECTOR_SAMPLES } from '../helpers/detector-samples.js';
import { deeplyNestedTraces, type HostileMetric, type HostileSpan, metricsRequest, tracesRequest } from '../helpers/hostile-otlp.js';
import { runNode } from '../helpers/run.js';
import { allGranted, tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();
let stack: Stack | undefined;
const ROUNDS = 12;
const statuses = new Map<string, number[]>();

/** Personal data and secrets a non-redacting client plants everywhere a string can go. */
const PLANTED = {
  email: 'mallory.victim@example.org',
  ipv4: '203.0.113.77',
  home: '/home/victimuser/secret.txt',
  phone: '+44 7700 900123',
  ssn: '078-05-1120',
  iban: 'DE89370400440532013000',
  enduser: 'enduser-4242-victim',
  userName: 'victim_login_name',
  clientAddress: '198.51.100.23',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2aWN0aW0ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
};

async function post(label: string, path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<number> {
  let status: number;
  try {
    const res = await fetch(`${stack!.collector.otlpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(20_000) });
    await res.arrayBuffer();
    status = res.status;
  } catch {
    status = 0; // the connection was refused or reset: as good as a rejection, as long as the Collector lives
  }
  statuses.set(label, [...(statuses.get(label) ?? []), status]);
  return status;
}
const json = (label: string, path: string, doc: object) => post(label, path, JSON.stringify(doc));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function attack(): Promise<void> {
  const m = (n: number, f: (i: number) => HostileMetric) => Array.from({ length: n }, (_, i) => f(i));
  // Fresh names, values, keys and services by the thousand, ten requests each.
  for (const batch of chunks(m(2000, (i) => ({ name: `optel.feature_usage.fresh_${i}`, attributes: {} })), 200)) await json('fresh metric names', '/v1/metrics', metricsRequest(batch));
  for (const batch of chunks(m(FRESH_VALUES, (i) => ({ name: 'optel.feature_usage.activations', attributes: { feature: `fresh-value-${i}` } })), 500)) await json('fresh free-text values', '/v1/metrics', metricsRequest(batch));
  for (const batch of chunks(m(2000, (i) => ({ name: 'optel.feature_usage.activations', attributes: { feature: 'export', [`undeclared_${i}`]: 'x' } })), 200)) await json('undeclared keys', '/v1/metrics', metricsRequest(batch));
  for (const batch of chunks(m(1000, (i) => ({ name: 'optel.errors.errors', service: `svc-${i}`, attributes: { type: 'E', severity: `sev-${i}` } })), 100)) await json('fresh services and enum values', '/v1/metrics', metricsRequest(batch));
  const spans = Array.from({ length: 3000 }, (_, i): HostileSpan => ({ name: `GET /fresh/route${i}x`, attributes: { 'optel.category': `cat-${i % 50}` } }));
  for (const batch of chunks(spans, 300)) await json('fresh span names', '/v1/traces', tracesRequest(batch));

  // A client that does not redact: personal data in values, keys, names and scopes.
  const p = PLANTED;
  await json('personal data in metrics', '/v1/metrics', metricsRequest([
    { name: 'optel.feature_usage.activations', attributes: { feature: `export for ${p.email} at ${p.ipv4}`, 'enduser.id': p.enduser, 'user.name': p.userName, 'client.address': p.clientAddress } },
    { name: 'optel.errors.errors', attributes: { type: `ENOENT ${p.home}`, severity: 'error', feature: `call ${p.phone} ssn ${p.ssn}` } },
    { name: 'optel.performance.operation_duration', attributes: { operation: `pay ${p.iban}` } },
    { name: `optel.${p.email}`, attributes: {} },
    { name: 'optel.feature_usage.activations', scope: `scope-of-${p.email}`, attributes: { feature: `token ${p.jwt}` } },
    { name: 'optel.feature_usage.activations', service: p.email, resource: { 'host.name': p.userName, 'enduser.id': p.enduser }, attributes: { feature: `key ${p.awsKey}` } },
  ]));
  await json('personal data in spans', '/v1/traces', tracesRequest([
    { name: `GET /users/${p.email}/orders`, attributes: { 'enduser.id': p.enduser, 'optel.category': 'performance' } },
    { name: `login ${p.userName} from ${p.clientAddress}`, attributes: { 'client.address': p.clientAddress } },
    { name: 'GET /x', scope: `scope ${p.email}`, resource: { 'user.name': p.userName } },
  ]));

  // Every detector's sample as free text: the Collector's generated redaction must catch each one.
  await json('detector samples', '/v1/metrics', metricsRequest(Object.values(DETECTOR_SAMPLES).map((d) => ({ name: 'optel.feature_usage.activations', attributes: { feature: d.text } }))));

  // Forging optel's own operational metrics, and a cumulative point that would overwrite a total.
  await json('forged operational metrics', '/v1/metrics', metricsRequest([
    { name: 'optel.deletion.requests', attributes: {}, value: 1_000_000 },
    { name: 'optel.deletion_requests.calls', attributes: {}, value: 1_000_000 },
    { name: 'traces.span.metrics.calls', attributes: {}, value: 1_000_000 },
    { name: 'optel.feature_usage.activations', attributes: { feature: 'export' }, value: 1_000_000, cumulative: true },
    { name: 'optel.system.redactions', attributes: { detector: `forged ${p.email}` }, value: 5 },
  ]));

  // Deletion requests: malformed ids land nowhere; the well-formed one is kept.
  const deletion = (id: string, service = 'legit-app') => ({
    resourceSpans: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }, { key: 'optel.installation.id', value: { stringValue: id } }] },
      scopeSpans: [{ scope: { name: 'optel' }, spans: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', name: 'optel.deletion_request', kind: 1, startTimeUnixNano: '1', endTimeUnixNano: '1', attributes: [{ key: 'note', value: { stringValue: p.email } }] }] }],
    }],
  });
  for (const id of ['*', '', '$(rm -rf /)', 'x'.repeat(10_000), `${randomUUID()}\n{"forged":true}`, randomUUID().toUpperCase(), p.email]) await json('malformed deletion requests', '/v1/traces', deletion(id));
  await json('malformed deletion requests', '/v1/traces', deletion(randomUUID(), `svc ${p.email}`));
  await json('well-formed deletion request', '/v1/traces', deletion(WELL_FORMED_ID));
  await json('well-formed deletion request', '/v1/traces', deletion(WELL_FORMED_ID)); // a retry
  // A flood of well-formed requests from anyone: rate-limited, and each id written once.
  for (let i = 0; i < FLOOD; i++) await json('deletion flood', '/v1/traces', deletion(randomUUID()));

  // Bodies that must be refused without hurting the Collector.
  await post('nested 2 million levels', '/v1/traces', deeplyNestedTraces(2_000_000), { 'content-type': 'application/x-protobuf' });
  await post('nested to the body limit', '/v1/traces', deeplyNestedTraces(260_000), { 'content-type': 'application/x-protobuf' });
  await post('gzip bomb', '/v1/metrics', gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' });
  await post('zstd bomb', '/v1/metrics', zstdCompressSync(Buffer.alloc(200 * 1024 * 1024, 0x20)), { 'content-encoding': 'zstd' });
  await post('oversized body', '/v1/metrics', JSON.stringify(metricsRequest(m(40_000, (i) => ({ name: 'optel.feature_usage.activations', attributes: { feature: `big-${i}` } })))));
  await post('malformed protobuf', '/v1/metrics', Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), { 'content-type': 'application/x-protobuf' });
  await post('malformed json', '/v1/metrics', '{"resourceMetrics": [{"resource": ');
  await post('unknown encoding', '/v1/metrics', 'x', { 'content-encoding': 'br' });
}

const WELL_FORMED_ID = randomUUID();
/** More fresh values of one free-text attribute than the Collector's counter-stream cap holds. */
const FRESH_VALUES = 10_000;
/** More well-formed deletion requests than the Collector's burst (50) accepts at once. */
const FLOOD = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function legitimateApp(): Promise<string> {
  const home = join(tmp.dir, 'legit');
  const consentFile = join(home, 'consent.json');
  writeConsent(consentFile, allGranted());
  const r = await runNode([join(ROOT, 'test/fixtures/workload.mjs')], {
    env: { HOME: home, OPTEL_E2E_ENDPOINT: stack!.collector.otlpUrl, OPTEL_E2E_CONSENT_FILE: consentFile, OPTEL_E2E_ROUNDS: String(ROUNDS) },
    timeoutMs: 120_000,
  });
  if (r.code !== 0) throw new Error(`the legitimate app exited ${r.code}\n${r.stderr}`);
  return r.stdout;
}

let exposition = '';
function deletionRecords(): Record<string, string>[] {
  return readFileSync(stack!.collector.deletionRequestsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
}
let seriesJson = '';

beforeAll(async () => {
  // No raw record of what arrived: that is how a deployment runs.
  stack = await startStack(tmp.dir, '1s', { recordReceived: false });
  // The legitimate app's series exist before the attack starts, as in the field, where an attack
  // meets apps that are already sending: the stream caps refuse new streams, never existing ones.
  const legit = legitimateApp();
  await waitFor('the legitimate app to be seen', async () => ((await query(stack!.prometheus.url, 'sum(optel_feature_usage_completions_total{job="e2e-app"})'))[0]?.value ? true : undefined), 60_000);
  await attack();
  expect(await legit).toContain('workload done');
  await waitFor('the legitimate activations in Prometheus', async () => ((await query(stack!.prometheus.url, 'sum(optel_feature_usage_activations_total{job="e2e-app",feature="export"})'))[0]?.value === ROUNDS ? true : undefined), 60_000);
  await waitFor('the deletion request to be counted', async () => ((await query(stack!.prometheus.url, 'sum(optel_deletion_requests_total)'))[0]?.value ? true : undefined), 30_000);
  await new Promise((r) => setTimeout(r, 2500)); // a few more scrapes
  exposition = await (await fetch(`http://${stack.collector.prometheusTarget}/metrics`)).text();
  const series = await fetch(`${stack.prometheus.url}/api/v1/series?match[]=${encodeURIComponent('{__name__=~".+"}')}`);
  seriesJson = await series.text();
}, 600_000);

afterAll(async () => {
  await stack?.stop();
  tmp.cleanup();
});

describe('the ingestion edge under attack', () => {
  it('the Collector is alive and healthy at the end, and refused every hostile body', async () => {
    expect(stack!.collector.child.exitCode).toBeNull();
    expect((await fetch(stack!.collector.healthUrl)).status).toBe(200);
    for (const label of ['nested 2 million levels', 'gzip bomb', 'zstd bomb', 'oversized body', 'malformed protobuf', 'malformed json', 'unknown encoding']) {
      const got = statuses.get(label) ?? [];
      expect(got.length, label).toBeGreaterThan(0);
      for (const s of got) expect([0, 400, 413, 415], `${label}: status ${s}`).toContain(s);
    }
    // The whole attack, the deepest request the body limit lets through included, stayed within
    // the process's memory budget (memory_limiter's 512 MiB, GOMEMLIMIT below it).
    const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${stack!.collector.child.pid}/status`, 'utf8'))?.[1]) * 1024;
    console.log(`Collector peak RSS during the attack: ${(peak / 2 ** 20).toFixed(0)} MiB`);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(512 * 2 ** 20);
    // The deepest request the body limit lets through is decoded without taking the Collector down.
    expect((await query(stack!.prometheus.url, 'up{job="otel-collector"}'))[0]?.value).toBe(1);
  });

  it("the legitimate app's data arrived complete, and no cumulative point overwrote it", async () => {
    const v = async (e: string) => (await query(stack!.prometheus.url, e))[0]?.value;
    expect(await v('sum(optel_feature_usage_activations_total{job="e2e-app",feature="export"})')).toBe(ROUNDS);
    expect(await v('sum(optel_feature_usage_completions_total{job="e2e-app",outcome="completed"})')).toBe(ROUNDS);
    expect((await v('sum(optel_feature_usage_activations_total{job="legit-app",feature="export"})')) ?? 0).toBeLessThan(1_000_000);
    expect((await query(stack!.prometheus.url, 'up{job="optel"}'))[0]?.value).toBe(1);
  });

  it('the series stay within the documented budget', async () => {
    const budget = seriesBudget(buildCatalog(undefined));
    const samples = (await query(stack!.prometheus.url, 'scrape_samples_scraped{job="optel"}'))[0]?.value ?? Number.POSITIVE_INFINITY;
    // Each service (the known ones and unknown_service) has its budget, target_info one series each.
    const services = new Set([...exposition.matchAll(/job="([^"]+)"/g)].map((x) => x[1]));
    expect([...services].every((s) => KNOWN_SERVICES.includes(s as string) || s === 'unknown_service'), [...services].join(', ')).toBe(true);
    expect(samples).toBeLessThanOrEqual(services.size * (budget.total + 1));
    // Undeclared names never became series; fresh values of a free-text attribute stopped at the cap.
    expect(exposition).not.toMatch(/fresh_\d+/);
    expect(exposition).not.toMatch(/undeclared_\d+/);
    expect(exposition).not.toMatch(/sev-\d+/);
    expect(exposition).not.toMatch(/cat-\d+/);
    // Fresh free-text values stop at the counter-stream cap, and what was dropped is counted.
    const caps = ingestPolicy(buildCatalog(undefined));
    const countCap = (caps.processors['delta_to_cumulative/counts'] as { max_streams: number }).max_streams;
    const freshValues = (exposition.match(/feature="fresh-value-\d+"/g) ?? []).length;
    expect(freshValues).toBeGreaterThan(0);
    expect(freshValues).toBeLessThan(Math.min(FRESH_VALUES, countCap));
    const telemetry = await (await fetch(`http://${stack!.collector.telemetryTarget}/metrics`)).text();
    expect(telemetry).toMatch(/otelcol_deltatocumulative_datapoints[^\n]*error="limit"[^\n]* [1-9]/);
    // ...and the alert that pages an operator reads that very series: its expression is true now.
    const rules = parse(readFileSync(join(ROOT, 'prometheus/rules/alerts.yml'), 'utf8')) as { groups: { rules: { alert?: string; expr: string }[] }[] };
    const capAlert = rules.groups.flatMap((g) => g.rules).find((r) => r.alert === 'OptelIngestStreamCapReached');
    await waitFor('the stream-cap alert expression to hold in Prometheus', async () => ((await query(stack!.prometheus.url, capAlert!.expr)).length > 0 ? true : undefined), 20_000);
    const spanNames = new Set([...exposition.matchAll(/span_name="([^"]*)"/g)].map((x) => x[1])).size;
    expect(spanNames).toBeLessThanOrEqual(201 + 20);
  });

  it('the Collector redacts every detector\'s sample that a client did not', () => {
    for (const [name, sample] of Object.entries(DETECTOR_SAMPLES)) {
      expect(exposition.includes(sample.secret), name).toBe(false);
      expect(seriesJson.includes(sample.secret), name).toBe(false);
    }
  });

  it('no planted personal data or secret reaches Prometheus or any Collector output', () => {
    const outputs = { exposition, prometheus: seriesJson, deletions: readFileSync(stack!.collector.deletionRequestsFile, 'utf8') };
    for (const [where, text] of Object.entries(outputs)) {
      for (const [kind, value] of Object.entries(PLANTED)) expect(text.includes(value), `${kind} in ${where}`).toBe(false);
    }
    expect(exposition).not.toMatch(/enduser_id|user_name|client_address|host_name/);
  });

  it('incoming telemetry cannot forge the deletion counter or add redaction detectors', async () => {
    // The counter counts exactly the requests written to the file, whatever clients send.
    const written = deletionRecords().length;
    await waitFor('every written deletion request to be counted', async () => ((await query(stack!.prometheus.url, 'sum(optel_deletion_requests_total)'))[0]?.value === written ? true : undefined), 30_000);
    const detectors = await query(stack!.prometheus.url, 'count by (detector) (optel_system_redactions_total)');
    for (const d of detectors) expect(d.metric.detector).toMatch(/^(?:[a-z0-9_]+)$/);
    expect(exposition).not.toMatch(/traces_span_metrics_calls_total\{[^}]*job="legit-app"[^}]*\} 1e\+06/);
  });

  it('malformed deletion requests are refused with 400 and a flood with 429; the file holds each well-formed id once, 0600', () => {
    for (const s of statuses.get('malformed deletion requests') ?? []) expect(s).toBe(400);
    expect(statuses.get('well-formed deletion request')).toEqual([200, 200]);
    const flood = statuses.get('deletion flood') ?? [];
    expect(flood.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(flood.every((s) => s === 200 || s === 429)).toBe(true);
    const records = deletionRecords();
    for (const r of records) {
      expect(r.installation_id).toMatch(UUID);
      expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(['installation_id', 'received_at', 'service_name']));
    }
    expect(records.filter((r) => r.installation_id === WELL_FORMED_ID)).toHaveLength(1);
    // The retry was acknowledged but not written again; at most the burst of the flood got in.
    expect(records.length).toBe(1 + flood.filter((s) => s === 200).length);
    expect(statSync(stack!.collector.deletionRequestsFile).mode & 0o077).toBe(0);
  });
});
