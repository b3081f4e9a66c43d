// npm run demo: the whole stack on this machine, without Docker. Builds or reuses the Collector,
// starts it and Prometheus on free loopback ports, runs the demo app with consent granted, and
// prints where to look. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { type AlertReceivers, type Mail, type Posted, startAlertReceivers } from '../scripts/alert-receivers.ts';
import { COLLECTOR_CONFIG, prometheusBinary, query, ROOT, type Stack, startStack, waitFor } from '../scripts/stack.ts';
import { policyText } from '../otel-collector/generate.ts';
import { appOutput } from '../mixin/generate.ts';
import { DERIVED, RecordedCatalog } from '../mixin/recording.ts';
import { recorded } from '../mixin/series.ts';
import { loadCatalogModule } from '../dist/catalog/catalog-module.js';
import { builtinCatalog } from '../dist/index.js';
import type { CatalogSpec } from '../dist/index.js';

const dir = join(ROOT, '.cache', 'demo');
let stack: Stack | undefined;
let app: ReturnType<typeof spawn> | undefined;

const DEMO_CATALOG = join(ROOT, 'demo/catalog.ts');

/** Example queries over the recorded series of the generated rules (mixin/), as an operator would write them. */
function examples(domain: CatalogSpec): [string, string][] {
  const r = new RecordedCatalog({ ...builtinCatalog, ...domain });
  const duration = r.get('performance.operation_duration');
  return [
    ['Feature activations per second, by feature', `sum by (feature) (${recorded(r.get('feature_usage.activations'), 'short')}) / 300`],
    ['Backtests run (a domain category)', `sum(${recorded(r.get('backtest.runs'), 'short')})`],
    ['Active sessions', `sum(${DERIVED.activeSessions()})`],
    ['Errors in the last hour, by severity', `sum by (severity) (${recorded(r.get('errors.errors'), 'long')})`],
    ['p95 operation duration (ms)', `histogram_quantile(0.95, sum by (le) (${recorded(duration, 'short', 'bucket')}))`],
    ['Average satisfaction (0..1), by feature', DERIVED.satisfactionMean()],
    ['Spans by status (spanmetrics)', `sum by (status_code) (${recorded(r.spanCalls(), 'short')})`],
  ];
}

let receivers: AlertReceivers | undefined;

/** Each notification Alertmanager sends is printed as one line, so you can watch an alert fire and resolve. */
function printPost(post: Posted): void {
  if (post.path === '/slack') for (const a of post.body.attachments ?? []) console.log(`[Slack ${post.body.channel}] ${a.title}`);
  else console.log(`[pager] ${post.body.status}: ${(post.body.alerts ?? []).map((a) => `${a.labels.alertname} (${a.labels.job ?? ''})`).join(', ')}`);
}

function printMail(mail: Mail): void {
  console.log(`[e-mail to ${mail.to.join(', ')}] ${/^Subject: (.*)$/m.exec(mail.raw)?.[1] ?? '(no subject)'}`);
}

async function shutdown(code: number): Promise<never> {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app!.once('exit', r));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
  }
  await stack?.stop();
  await receivers?.stop();
  process.exit(code);
}

const startedAt = Date.now();

async function main(): Promise<void> {
  try {
    console.log('optel demo: building or reusing Prometheus 3 (the first build takes about 10 minutes)...');
    await prometheusBinary();
  } catch (e) {
    console.error(`optel demo: ${(e as Error).message}`);
    process.exit(1);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log('optel demo: building or reusing the OpenTelemetry Collector (the first build takes a few minutes)...');
  // The Collector accepts only what the catalog declares: generate its policy from the demo's catalog.
  const policy = join(dir, 'ingest-policy.yaml');
  writeFileSync(policy, await policyText(DEMO_CATALOG));
  // Recording rules and a dashboard for the demo's own categories, as `npm run mixin -- --catalog` makes them.
  const domain = (await loadCatalogModule(DEMO_CATALOG)) as CatalogSpec;
  const monitoring = appOutput(domain, join(dir, 'monitoring'));
  for (const [file, text] of monitoring.files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const EXAMPLES = examples(domain);
  console.log('optel demo: building or reusing Alertmanager...');
  // Alerts wait 10 s instead of their minutes (`for`), so a burst shows up while you watch.
  receivers = await startAlertReceivers({ onPost: printPost, onMail: printMail });
  stack = await startStack(dir, '5s', {
    configFiles: [COLLECTOR_CONFIG, policy],
    alerts: { ...receivers.destinations, fast: true },
    alertFor: '10s',
    ruleFiles: [join(dir, 'monitoring/rules/optel-domain.yml')],
  });
  const { collector, prometheus, alertmanager } = stack;

  const consentFile = join(dir, 'consent.json');
  const all = ['feature_usage', 'performance', 'engagement', 'errors', 'satisfaction', 'resource', 'system', 'strategy', 'backtest'];
  writeFileSync(consentFile, JSON.stringify({ version: 1, categories: Object.fromEntries(all.map((c) => [c, true])), updatedAt: new Date().toISOString(), history: [] }));
  app = spawn(process.execPath, [join(ROOT, 'demo/app.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: collector.otlpUrl, OPTEL_CONSENT_FILE: consentFile },
  });
  app.once('exit', (code) => {
    if (!stoppingAll) {
      console.error(`optel demo: the demo app exited (code ${code}); stopping`);
      void shutdown(1);
    }
  });

  console.log('optel demo: waiting for the first data in Prometheus...');
  await waitFor('demo data in Prometheus', async () => ((await query(prometheus.url, 'sum(optel_feature_usage_activations_total)')).length > 0 ? true : undefined), 60_000);
  console.log(`optel demo: first data in Prometheus ${((Date.now() - startedAt) / 1000).toFixed(0)} s after start`);
  // The simulated users are random: wait (bounded) until every example has something to show.
  await waitFor('data for every example query', async () => {
    for (const [, expr] of EXAMPLES) if ((await query(prometheus.url, expr)).length === 0) return undefined;
    return true;
  }, 60_000).catch(() => undefined);
  console.log(`\nPrometheus:   ${prometheus.url}/graph   (alerts: ${prometheus.url}/alerts, rules: ${prometheus.url}/rules)`);
  console.log(`Alertmanager: ${alertmanager?.url}/   (API: ${alertmanager?.url}/api/v2/alerts; notifications are printed here as [Slack ...], [e-mail ...], [pager])`);
  console.log(`Collector:    OTLP/HTTP ${collector.otlpUrl}, what it received: ${collector.receivedFile}`);
  console.log(`Rules and Grafana dashboards for the demo's own categories (npm run mixin -- --catalog demo/catalog.ts): ${join(dir, 'monitoring')}`);
  console.log('\nExample queries and their current values:');
  for (const [what, expr] of EXAMPLES) {
    const result = await query(prometheus.url, expr);
    const shown = result.length === 0 ? '(no data yet)' : result.map((r) => `${Object.entries(r.metric).map(([k, v]) => `${k}=${v}`).join(',') || 'value'}: ${Number(r.value.toFixed(3))}`).join('; ');
    console.log(`  ${what}\n    ${expr}\n    = ${shown}`);
  }
  console.log('\nType e and Enter to make the demo app fail a burst of operations: OptelHighErrorRate fires about');
  console.log('half a minute later, and its Slack message and e-mail appear here.');
  console.log('\nThe demo keeps running; press Ctrl-C to stop everything.');
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'e' && app && app.exitCode === null) app.kill('SIGUSR2');
  });
}

let stoppingAll = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppingAll) return;
    stoppingAll = true;
    console.log('\noptel demo: stopping the app, Alertmanager, Prometheus and the Collector...');
    void shutdown(0);
  });
}
main().catch(async (e: unknown) => {
  console.error(`optel demo: ${(e as Error).message}`);
  stoppingAll = true;
  await shutdown(1);
});
