import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeCollector, type Gateway, type Query, type ReceiveNode, REPLICA_LABEL, type Rule, startEdgeCollector, startGateway, startQuery, startReceivers, startRule } from '../../scripts/scale-stack.ts';
import { type Alertmanager, freePort, query as promQuery, startAlertmanager, waitFor } from '../../scripts/stack.ts';
import { type AlertReceivers, startAlertReceivers } from '../../scripts/alert-receivers.ts';
import { allPanelQueries, buildDashboards } from '../../grafana/dashboards.ts';
import { runNode, type RunResult } from '../helpers/run.ts';
import { allGranted, tempDir, writeConsent } from '../helpers/temp.js';

// The scaled topology, proven by killing nodes mid-run: apps -> edge Collector (every ingestion
// defence, then load balancing by metric stream) -> 3 gateways (accumulate, persistent queues) ->
// 3 Thanos receive nodes (hashring, replication factor 2) <- Thanos query. Mid-run one gateway and
// one receive node are killed with SIGKILL and started again, and a fourth gateway joins. The totals
// read from the query layer must equal what the apps recorded, with no duplicate series.

const APPS = 4;
const FEATURES = 40;
const SECONDS = 24;
const ACTIVATIONS = 'optel_feature_usage_activations_total{job="scale-app"}';
const OPERATIONS = 'optel_performance_operation_duration_milliseconds_count{job="scale-app"}';

interface Recorded {
  activations: Record<string, number>;
  operations: number;
}

let dir: string;
let receivers: ReceiveNode[] = [];
let gateways: Gateway[] = [];
let edge: EdgeCollector | undefined;
let query: Query | undefined;
let rule: Rule | undefined;
let alertSinks: AlertReceivers | undefined;
let alertmanager: Alertmanager | undefined;
const recorded: Recorded[] = [];
const events: string[] = [];

/** Every run of every series, summed: each gateway run writes its own series, whose last value is its total. */
async function total(selector: string, by = ''): Promise<Map<string, number>> {
  const rows = await promQuery(query!.url, `sum${by ? ` by (${by})` : ''} (last_over_time(${selector}[30m]))`);
  return new Map(rows.map((r) => [by ? (r.metric[by] ?? '') : '', r.value]));
}

/** What each Collector counted as dropped or failed: printed when a total is off. */
async function diagnostics(): Promise<string> {
  const lines: string[] = [];
  const ports = [...gateways.map((g) => [g.name, g.telemetryPort] as const), ['edge', edge?.telemetryPort ?? 0] as const];
  for (const [name, port] of ports) {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text()).catch((e: Error) => `unreachable: ${e.message}`);
    for (const l of text.split('\n')) if (/deltatocumulative_datapoints|failed|refused|dropped/.test(l) && !l.startsWith('#') && !/ 0$/.test(l)) lines.push(`${name}: ${l}`);
  }
  return `Collectors' non-zero drop and failure counters:\n${lines.join('\n')}`;
}

beforeAll(async () => {
  dir = tempDir().dir;
  receivers = await startReceivers(join(dir, 'thanos'), 3, 2);
  for (const n of [1, 2, 3]) gateways.push(await startGateway(join(dir, `gw${n}`), `gw${n}`, receivers[(n - 1) % receivers.length]!.writeUrl));
  edge = await startEdgeCollector(join(dir, 'edge'), gateways.map((g) => g.otlp));
  // Query reads the receive nodes and what Thanos rule records; rule evaluates optel's rules through query.
  const ports = { http: await freePort(), grpc: await freePort() };
  const ruleGrpc = await freePort();
  query = await startQuery(join(dir, 'query'), [...receivers.map((r) => r.grpc), `127.0.0.1:${ruleGrpc}`], ports);
  alertSinks = await startAlertReceivers();
  alertmanager = await startAlertmanager(join(dir, 'alertmanager'), { ...alertSinks.destinations, fast: true });
  rule = await startRule(join(dir, 'rule'), query.url, { grpcPort: ruleGrpc, evalInterval: '2s', alertmanagerUrl: alertmanager.url });

  const consentFile = join(dir, 'consent.json');
  writeConsent(consentFile, allGranted());
  const apps: Promise<RunResult>[] = [];
  for (let i = 0; i < APPS; i++) {
    apps.push(runNode(['test/fixtures/scale-app.mjs'], {
      env: { HOME: join(dir, `home-${i}`), OPTEL_E2E_ENDPOINT: edge.otlpUrl, OPTEL_E2E_CONSENT_FILE: consentFile, OPTEL_E2E_FEATURES: String(FEATURES), OPTEL_E2E_SECONDS: String(SECONDS) },
      timeoutMs: (SECONDS + 60) * 1000,
    }));
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // Mid-run: a gateway and a receive node die without warning, and come back.
  await sleep(6000);
  await Promise.all([gateways[1]!.kill(), receivers[2]!.kill()]);
  events.push('killed gw2 and receive-3 (SIGKILL)');
  await sleep(4000);
  await Promise.all([gateways[1]!.start(), receivers[2]!.start()]);
  events.push('restarted gw2 and receive-3');
  // A fourth gateway joins at run time. The edge is reloaded only once every gateway is back and
  // its retries have had their interval (1 s): a reload drops a request waiting for a retry.
  await sleep(3000);
  const gw4 = await startGateway(join(dir, 'gw4'), 'gw4', receivers[0]!.writeUrl);
  gateways.push(gw4);
  await edge.setGateways(gateways.map((g) => g.otlp));
  events.push('added gw4');

  for (const r of await Promise.all(apps)) {
    if (r.code !== 0) throw new Error(`a scale app failed (${r.code}): ${r.stderr}`);
    recorded.push(JSON.parse(r.stdout.trim().split('\n').pop() as string) as Recorded);
  }
}, 240_000);

afterAll(async () => {
  await rule?.stop();
  await alertmanager?.stop();
  await alertSinks?.stop();
  await edge?.stop();
  for (const g of gateways) await g.stop();
  await query?.stop();
  for (const r of receivers) await r.stop();
  // OPTEL_KEEP_TEST_DIRS=1 keeps every process's log for a look after a failure.
  if (dir && process.env.OPTEL_KEEP_TEST_DIRS !== '1') rmSync(dir, { recursive: true, force: true });
  else if (dir) console.log(`scale: logs kept in ${dir}`);
});

describe('beyond one machine: edge -> gateways -> replicated store', () => {
  it('the totals in the query layer equal what the apps recorded, after a gateway and a receive node were killed', async () => {
    const expected = new Map<string, number>();
    for (const r of recorded) for (const [f, n] of Object.entries(r.activations)) expected.set(f, (expected.get(f) ?? 0) + n);
    const expectedOperations = recorded.reduce((s, r) => s + r.operations, 0);
    expect(expected.size).toBe(FEATURES);
    // Queues drain at their own pace (retries back off up to 5 s): wait until everything arrived.
    const got = await waitFor('every activation in Thanos', async () => {
      const byFeature = await total(ACTIVATIONS, 'feature');
      const sum = [...byFeature.values()].reduce((a, b) => a + b, 0);
      return sum >= [...expected.values()].reduce((a, b) => a + b, 0) ? byFeature : undefined;
    }, 90_000).catch(async () => total(ACTIVATIONS, 'feature'));
    expect(Object.fromEntries([...got].sort()), await diagnostics()).toEqual(Object.fromEntries([...expected].sort()));
    const operations = await waitFor('every operation in Thanos', async () => {
      const v = (await total(OPERATIONS)).get('') ?? 0;
      return v >= expectedOperations ? v : undefined;
    }, 30_000).catch(async () => (await total(OPERATIONS)).get('') ?? 0);
    expect(operations, await diagnostics()).toBe(expectedOperations);
    console.log(`scale: ${APPS} apps recorded ${[...expected.values()].reduce((a, b) => a + b, 0)} activations and ${expectedOperations} operations; ${events.join('; ')}; all arrived`);
  }, 150_000);

  it('has no duplicate series: each is stored twice (replication factor 2) and deduplicated by query', async () => {
    const deduped = await promQuery(query!.url, `count by (feature, instance) (last_over_time(${ACTIVATIONS}[30m]))`);
    expect(deduped.length).toBeGreaterThanOrEqual(FEATURES);
    expect(deduped.filter((r) => r.value !== 1)).toEqual([]);
    const raw = await promQuery(query!.url, `count by (feature, instance) (last_over_time(${ACTIVATIONS}[30m]))`, { dedup: 'false' });
    // Without deduplication every series shows up once per replica that holds it.
    expect(raw.some((r) => r.value === 2)).toBe(true);
    const replicas = await promQuery(query!.url, `count by (${REPLICA_LABEL}) (last_over_time(${ACTIVATIONS}[30m]))`, { dedup: 'false' });
    expect(replicas.length).toBe(3);
  });

  it('routes each stream to one gateway run, restarts included, and the added gateway took a share', async () => {
    const runs = await promQuery(query!.url, `count by (instance) (last_over_time(${ACTIVATIONS}[30m]))`);
    const byGateway = new Map<string, number>();
    for (const r of runs) {
      const gw = (r.metric.instance ?? '').split('-')[0] as string;
      byGateway.set(gw, (byGateway.get(gw) ?? 0) + r.value);
    }
    for (const gw of ['gw1', 'gw2', 'gw3', 'gw4']) expect(byGateway.get(gw) ?? 0, gw).toBeGreaterThan(0);
    // gw2 ran twice: a series for each of its runs.
    expect(runs.filter((r) => (r.metric.instance ?? '').startsWith('gw2-')).length).toBe(2);
    // A stream's points all went to the gateway its hash named: at any moment one writer per stream.
    const shares = Object.fromEntries([...byGateway].sort());
    console.log(`scale: series per gateway (a stream that moved counts on both): ${JSON.stringify(shares)}`);
  });

  it("Thanos rule evaluates optel's rules against the cluster: recorded series are read back through query", async () => {
    const rules = (await (await fetch(`${rule!.url}/api/v1/rules`)).json()) as { data: { groups: { name: string; rules: { name: string; health: string }[] }[] } };
    const names = rules.data.groups.flatMap((g) => g.rules.map((r) => r.name));
    expect(names).toContain('OptelHighErrorRate');
    expect(names).toContain('feature:optel_feature_usage_activations:increase1h');
    expect(rules.data.groups.flatMap((g) => g.rules).filter((r) => r.health === 'err')).toEqual([]);
    // The hourly activations the ruler recorded equal the apps' totals (all of them fall in the hour).
    const expected = recorded.reduce((s, r) => s + Object.values(r.activations).reduce((a, b) => a + b, 0), 0);
    const recordedNow = async (): Promise<number> => (await promQuery(query!.url, 'sum(feature:optel_feature_usage_activations:increase1h{job="scale-app"})'))[0]?.value ?? 0;
    // The ruler evaluates every 2 s: wait for an evaluation after the last data arrived.
    const recordedTotal = await waitFor('the ruler to record every activation', async () => {
      const v = await recordedNow();
      return v === expected ? v : undefined;
    }, 30_000).catch(recordedNow);
    expect(recordedTotal).toBe(expected);
  }, 60_000);

  it('the ruler pages through the same Alertmanager: the apps\' critical errors reach the pager as OptelCriticalErrors', async () => {
    const paged = await waitFor('OptelCriticalErrors at the pager', async () =>
      alertSinks!.posts.find((p) => p.path === '/pager' && (p.body.alerts ?? []).some((a) => a.labels.alertname === 'OptelCriticalErrors' && a.labels.job === 'scale-app')), 60_000);
    expect(paged.body.status).toBe('firing');
  }, 70_000);

  it("every dashboard panel's query runs on the query layer (the datasource of the scaled topology), the activation panels with data", async () => {
    const queries = allPanelQueries(buildDashboards(), { variables: { feature: 'f1' }, rateInterval: '1m', range: '1h' });
    const withData: string[] = [];
    for (const q of queries) if ((await promQuery(query!.url, q.expr)).length > 0) withData.push(`${q.dashboard} / ${q.panel}`);
    expect(withData).toContain('optel-product / Feature activations');
    expect(withData).toContain('optel-feature / Activations');
  }, 60_000);
});

describe('the scaled topology keeps the edge\'s defences', () => {
  it('an undeclared metric and a client\'s personal data never reach the replicated store', async () => {
    const email = 'jane.doe.scale@example.com';
    const point = (feature: string) => ({ attributes: [{ key: 'feature', value: { stringValue: feature } }], startTimeUnixNano: '1', timeUnixNano: '2', asInt: '1' });
    const sum = (name: string, feature: string) => ({ name, unit: '1', sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [point(feature)] } });
    // A client that does not redact and sends what the catalog does not declare, straight to the edge.
    const res = await fetch(`${edge!.otlpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceMetrics: [{
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'legit-app' } }, { key: 'host.name', value: { stringValue: 'janes-laptop' } }] },
          scopeMetrics: [{ scope: { name: 'rogue' }, metrics: [sum('optel.feature_usage.activations', `export for ${email}`), sum('rogue.secret_metric', 'x')] }],
        }],
      }),
    });
    expect(res.ok).toBe(true);
    const values = async (label: string): Promise<string[]> => ((await (await fetch(`${query!.url}/api/v1/label/${label}/values`)).json()) as { data: string[] }).data;
    // The declared point arrives, masked by the edge's redaction: the absence checks below look at
    // data that got through.
    const features = await waitFor('the rogue client\'s declared point in Thanos', async () => {
      const v = await values('feature');
      return v.some((f) => f.startsWith('export for ')) ? v : undefined;
    }, 30_000);
    expect(features.some((f) => f.includes(email))).toBe(false);
    expect((await values('__name__')).filter((n) => n.startsWith('rogue'))).toEqual([]);
    const labels = ((await (await fetch(`${query!.url}/api/v1/labels`)).json()) as { data: string[] }).data;
    for (const l of labels) expect(l, l).not.toMatch(/host|user|installation|client|device/i);
  }, 40_000);
});
