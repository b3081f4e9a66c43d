import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPanelQueries, type GeneratedDashboard } from '../../grafana/dashboards.ts';
import { query, ROOT, type Stack, startStack, waitFor } from '../../scripts/stack.ts';
import { runNode } from '../helpers/run.js';
import { allGranted, tempDir, writeConsent } from '../helpers/temp.js';

// The whole path with the real programs: app (3 processes) -> OTLP/HTTP -> optel Collector ->
// Prometheus -> recording and alert rules; the dashboards' queries run against it too.
const INSTANCES = 3;
const ROUNDS = 4;
const SAMPLE_RATIO = 0.25;
const CANARIES = {
  email: 'e2e.canary@example.com',
  token: 'ghp_E2eCanary1234567890abcdefghijklmnopq',
  card: '4111 1111 1111 1111',
  ip: '198.51.100.23',
  user: 'e2ecanaryuser',
};

const tmp = tempDir();
let stack: Stack | undefined;
let received = '';

async function runInstance(i: number): Promise<string> {
  const consentFile = join(tmp.dir, `instance-${i}`, 'consent.json');
  writeConsent(consentFile, allGranted());
  const r = await runNode([join(ROOT, 'test/fixtures/workload.mjs')], {
    env: {
      HOME: join(tmp.dir, `instance-${i}`),
      OPTEL_E2E_ENDPOINT: stack!.collector.otlpUrl,
      OPTEL_E2E_CONSENT_FILE: consentFile,
      OPTEL_E2E_ROUNDS: String(ROUNDS),
      OPTEL_E2E_CANARIES: JSON.stringify(CANARIES),
      // A quarter of the traces are exported; failures always are, and metrics are never sampled.
      OTEL_TRACES_SAMPLER_ARG: String(SAMPLE_RATIO),
    },
  });
  if (r.code !== 0) throw new Error(`instance ${i} exited ${r.code}
${r.stderr}`);
  return r.stdout;
}

async function value(expr: string): Promise<number> {
  const r = await query(stack!.prometheus.url, expr);
  return r.length === 1 ? r[0]!.value : Number.NaN;
}

/**
 * An app whose outbox overflows while its Collector is unreachable, then starts again with it
 * reachable and outruns its span queue: its counts of dropped requests and spans are real data for
 * the panels that show loss.
 */
async function runDroppingApp(): Promise<void> {
  const home = join(tmp.dir, 'dropping');
  const consentFile = join(home, 'consent.json');
  writeConsent(consentFile, allGranted());
  const env = { HOME: home, OPTEL_E2E_CONSENT_FILE: consentFile, OPTEL_E2E_FEATURE: 'overflow', OPTEL_E2E_OUTBOX_BYTES: String(64 * 1024), OPTEL_E2E_END: 'exit' };
  for (const [endpoint, count] of [['http://127.0.0.1:9', '3000'], [stack!.collector.otlpUrl, '0']] as const) {
    // The second run also outruns a 16-span queue: its dropped spans are counted and delivered.
    const burst: Record<string, string> = count === '0' ? { OPTEL_E2E_SPANS: '200', OPTEL_E2E_MAX_QUEUE: '16' } : {};
    const r = await runNode([join(ROOT, 'test/fixtures/delivery-app.mjs')], { env: { ...env, ...burst, OPTEL_E2E_ENDPOINT: endpoint, OPTEL_E2E_COUNT: count, OPTEL_E2E_DISTINCT: '300', OPTEL_E2E_ROUNDS: count === '0' ? '1' : '10', OPTEL_E2E_PAUSE: '200' } });
    if (r.code !== 0) throw new Error(`the dropping app exited ${r.code}\n${r.stderr}`);
  }
}

beforeAll(async () => {
  stack = await startStack(tmp.dir);
  const outputs = await Promise.all([...Array.from({ length: INSTANCES }, (_, i) => runInstance(i)), runDroppingApp().then(() => 'workload done')]);
  for (const o of outputs) expect(o).toContain('workload done');
  await waitFor('the dropped requests in Prometheus', async () => ((await value('sum(optel_system_dropped_requests_total)')) > 0 ? true : undefined), 30_000);
  await waitFor('the dropped spans in Prometheus', async () => ((await value('sum(optel_system_dropped_spans_total)')) > 0 ? true : undefined), 30_000);
  const expected = INSTANCES * ROUNDS;
  await waitFor("every instance's activations to add up in Prometheus", async () => ((await value('sum(optel_feature_usage_activations_total{feature="export"})')) === expected ? true : undefined), 60_000);
  await waitFor('spanmetrics in Prometheus', async () => ((await value('sum(traces_span_metrics_calls_total)')) > 0 ? true : undefined), 30_000);
  // Let the rules evaluate over a few scrapes.
  await new Promise((r) => setTimeout(r, 3000));
  received = readFileSync(stack.collector.receivedFile, 'utf8');
}, 900_000);

afterAll(async () => {
  await stack?.stop();
  tmp.cleanup();
});

describe('end to end: app -> Collector -> Prometheus', () => {
  it('counts from several instances add up in one series, with no per-instance label', async () => {
    const n = INSTANCES * ROUNDS;
    expect(await value('sum(optel_feature_usage_activations_total{feature="export"})')).toBe(n);
    const series = await query(stack!.prometheus.url, 'optel_feature_usage_activations_total{feature="export"}');
    expect(series).toHaveLength(1);
    expect(Object.keys(series[0]!.metric).sort()).toEqual(['__name__', 'feature', 'instance', 'job', 'otel_scope_name', 'otel_scope_version']);
    expect(series[0]!.metric.instance).toBe(stack!.collector.prometheusTarget); // the scrape target: the Collector, not an app
  });

  it('every category arrives with the expected values', async () => {
    const n = INSTANCES * ROUNDS;
    const expectations: [string, number][] = [
      ['sum(optel_feature_usage_completions_total{outcome="abandoned",step="choose_format"})', n],
      ['sum(optel_feature_usage_time_spent_seconds_count)', n],
      ['sum(optel_feature_usage_flow_total{from="dashboard",to="export"})', n],
      ['sum(optel_performance_operation_duration_milliseconds_count{operation="load_data"})', 2 * n],
      ['sum(optel_engagement_session_starts_total)', n],
      ['sum(optel_engagement_session_ends_total)', n / 2],
      ['sum(optel_engagement_session_length_seconds_count)', n / 2],
      ['sum(optel_engagement_navigation_total{from="home"})', n],
      ['sum(optel_errors_errors_total{severity="critical",type="TimeoutError"})', n],
      ['sum(optel_errors_errors_total{type="Error",feature="sync_account"})', 5 * n],
      ['sum(optel_errors_recoveries_total{outcome="succeeded"})', n],
      ['sum(optel_errors_crashes_total{kind="uncaught_exception",type="TypeError"})', INSTANCES],
      ['sum(optel_satisfaction_score_count{feature="export"})', n],
      ['sum(optel_satisfaction_score_sum{feature="export"})', n * 0.625], // ratings 5 and 2 on 1..5: 1.0 and 0.25
      ['sum(optel_system_update_checks_total{result="up_to_date"})', n],
      ['sum(optel_system_events_total{job="e2e-app",event="start"})', INSTANCES],
      ['sum(optel_system_events_total{job="e2e-app",event="stop"})', INSTANCES],
      ['sum(http_server_request_duration_seconds_count)', 2 * n],
    ];
    for (const [expr, expected] of expectations) expect(await value(expr), expr).toBeCloseTo(expected, 6);
    expect(await value('sum(optel_system_redactions_total)')).toBeGreaterThan(0);
    for (const gauge of ['optel_resource_cpu_utilization_ratio', 'optel_resource_memory_rss_bytes', 'optel_resource_heap_used_bytes']) {
      expect((await query(stack!.prometheus.url, gauge)).length, gauge).toBeGreaterThan(0);
    }
    expect(await value('sum(traces_span_metrics_calls_total{span_name="sync_account",status_code="STATUS_CODE_ERROR"})')).toBe(5 * n);
  });

  it('under trace sampling, request and failure counts stay exact while spans are sampled, failures all kept', async () => {
    const n = INSTANCES * ROUNDS; // each round: one GET /orders/<id> (200) and one GET /fail (500)
    expect(await value('sum(http_server_request_duration_seconds_count)')).toBe(2 * n);
    expect(await value('sum(http_server_request_duration_seconds_count{http_response_status_code="500"})')).toBe(n);
    expect(await value('sum(optel_performance_operation_duration_milliseconds_count{outcome="failure",operation="sync_account"})')).toBe(5 * n);
    // Spans: every failed server span arrived, and only a share of the successful ones.
    expect(await value('sum(traces_span_metrics_calls_total{span_kind="SPAN_KIND_SERVER",status_code="STATUS_CODE_ERROR"})')).toBe(n);
    const okServerSpans = await value('sum(traces_span_metrics_calls_total{span_kind="SPAN_KIND_SERVER",status_code!="STATUS_CODE_ERROR"}) or vector(0)');
    expect(okServerSpans).toBeLessThan(n);
    // The failure ratio the alert reads is built from those exact counts.
    expect((await query(stack!.prometheus.url, 'job:optel_failures:ratio_rate5m{job="e2e-app"}')).length).toBe(1);
  });

  it('the recording rules produce series', async () => {
    const rules = parse(readFileSync(join(ROOT, 'prometheus/rules/recording.yml'), 'utf8')) as { groups: { rules: { record: string }[] }[] };
    const names = rules.groups.flatMap((g) => g.rules.map((r) => r.record));
    expect(names.length).toBeGreaterThan(5);
    const empty: string[] = [];
    for (const name of names) if ((await query(stack!.prometheus.url, name)).length === 0) empty.push(name);
    expect(empty, 'recording rules without data').toEqual([]);
  });

  it('every panel query of the committed dashboards returns data', async () => {
    const dir = join(ROOT, 'grafana/dashboards');
    const dashboards = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ fileName: f.replace(/\.json$/, ''), dashboard: JSON.parse(readFileSync(join(dir, f), 'utf8')) })) as GeneratedDashboard[];
    expect(dashboards.length).toBe(4);
    const queries = allPanelQueries(dashboards, { variables: { feature: 'export' }, rateInterval: '1m', range: '1h' });
    expect(queries.length).toBeGreaterThan(40);
    const empty: string[] = [];
    for (const q of queries) if ((await query(stack!.prometheus.url, q.expr)).length === 0) empty.push(`${q.dashboard} / ${q.panel}: ${q.expr}`);
    expect(empty, 'panels without data').toEqual([]);
  });

  it('the error burst drives the error-rate alert to pending or firing', async () => {
    const alert = await waitFor('OptelHighErrorRate to be pending or firing', async () => {
      const body = (await (await fetch(`${stack!.prometheus.url}/api/v1/alerts`)).json()) as { data: { alerts: { labels: Record<string, string>; state: string }[] } };
      return body.data.alerts.find((a) => a.labels.alertname === 'OptelHighErrorRate');
    }, 20_000);
    expect(['pending', 'firing']).toContain(alert.state);
    expect(alert.labels.severity).toBeTruthy();
  });

  it('what the Collector received holds no planted personal data or secret and no banned resource attribute', () => {
    expect(received.length).toBeGreaterThan(1000);
    for (const [name, canary] of Object.entries(CANARIES)) expect(received.includes(canary), `${name} reached the Collector`).toBe(false);
    for (const key of ['"host.name"', '"host.id"', '"process.owner"', '"process.command_line"', '"process.pid"', '"process.executable.path"', '"process.cwd"', '"user.name"']) {
      expect(received.includes(key), key).toBe(false);
    }
    expect(received).toContain('[REDACTED:email]'); // the canaries were sent, and redacted in the app
  });

  it('no series in Prometheus carries an installation or user id', async () => {
    const labels = ((await (await fetch(`${stack!.prometheus.url}/api/v1/labels`)).json()) as { data: string[] }).data;
    for (const l of labels) expect(l, l).not.toMatch(/installation|user|client|host|session_id|instance_id|device/i);
    const ids = [...received.matchAll(/"optel\.installation\.id","value":\{"stringValue":"([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(INSTANCES); // each instance had one, and it reached the Collector...
    const series = await (await fetch(`${stack!.prometheus.url}/api/v1/series?match[]=${encodeURIComponent('{__name__=~".+"}')}`)).text();
    for (const id of ids) expect(series.includes(id), id).toBe(false); // ...but never a Prometheus label
  });
});
