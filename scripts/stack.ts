// Starts the real backend programs (the optel Collector distribution, Prometheus 3 and
// Alertmanager) as child processes on free loopback ports, for the end-to-end tests and
// `npm run demo`, and always stops them. Plain erasable TypeScript: Node runs it directly, vitest
// imports it. The programs are built from the Go module proxy on first use and cached
// (scripts/collector-build.mjs, scripts/ops-build.mjs).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { ensureCollector } from './collector-build.mjs';
import { ensureOps, opsBinary } from './ops-build.mjs';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface Collector extends Proc {
  readonly otlpUrl: string;
  readonly prometheusTarget: string;
  readonly telemetryTarget: string;
  readonly healthUrl: string;
  readonly receivedFile: string;
  readonly deletionRequestsFile: string;
}

export interface Prometheus extends Proc {
  readonly url: string;
}

const running = new Set<Proc>();
process.once('exit', () => {
  for (const p of running) p.child.kill('SIGKILL');
});

/** Ports handed out in this process: the OS may offer a port again once its probe socket closed. */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((res, rej) => {
      const s = createServer();
      s.once('error', rej);
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => res(p));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, proc?: Proc): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited with code ${proc.child.exitCode} while waiting for ${what}. Its log (${proc.logFile}):\n${tail(proc.logFile)}`);
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}${proc ? `. ${proc.name} log:\n${tail(proc.logFile)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function launch(name: string, command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv): Proc {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Two sources into one log: neither may end it; the child's 'close' (both pipes drained) does.
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('close', () => log.end());
  child.once('error', (e) => {
    if (!log.writableEnded) log.write(`failed to start: ${e.message}\n`);
  });
  const proc: Proc = {
    name,
    child,
    logFile,
    async stop() {
      running.delete(proc);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(proc);
  return proc;
}

/** The Collector's configuration: config.yaml and the ingest policy generated from the catalog. */
export const COLLECTOR_CONFIG = join(ROOT, 'otel-collector/config.yaml');
export const INGEST_POLICY = join(ROOT, 'otel-collector/ingest-policy.yaml');
/** The services the tests and the demo run as: the Collector keeps these names (OPTEL_COLLECTOR_SERVICE_NAMES). */
export const KNOWN_SERVICES = ['optel-demo', 'e2e-app', 'rights-app', 'delete-app', 'crash-app', 'legit-app', 'alert-app', 'scale-app'];
/** A soft limit for the Go runtime below memory_limiter's 512 MiB, so it collects before refusing. */
export const COLLECTOR_GOMEMLIMIT = '400MiB';

export interface CollectorOptions {
  /** Extra environment, e.g. OPTEL_COLLECTOR_AUTH. */
  readonly env?: Record<string, string>;
  /** Configuration files, in order (later ones are merged over earlier ones). */
  readonly configFiles?: readonly string[];
  /** Keep the raw record of what arrived (a test aid; off in a deployment). Default true. */
  readonly recordReceived?: boolean;
  /** URL scheme the OTLP endpoint is reached with (https when OPTEL_COLLECTOR_TLS is on). */
  readonly scheme?: 'http' | 'https';
}

/** Builds or reuses the Collector, then runs it with config.yaml and the ingest policy on free ports. */
export async function startCollector(dir: string, options: CollectorOptions = {}): Promise<Collector> {
  mkdirSync(dir, { recursive: true });
  let binary: string;
  try {
    binary = await ensureCollector();
  } catch (e) {
    throw new Error(`the OpenTelemetry Collector could not be built: ${(e as Error).message}. Run \`npm run collector:build\` to see why (it needs Go >= 1.25 at /usr/local/go or on PATH).`);
  }
  const [otlp, prom, telemetry, health] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const receivedFile = join(dir, 'received.jsonl');
  const deletionRequestsFile = join(dir, 'deletion-requests.jsonl');
  const env = {
    ...process.env,
    GOMEMLIMIT: COLLECTOR_GOMEMLIMIT,
    OPTEL_COLLECTOR_OTLP_HTTP_ENDPOINT: `127.0.0.1:${otlp}`,
    OPTEL_COLLECTOR_PROMETHEUS_ENDPOINT: `127.0.0.1:${prom}`,
    OPTEL_COLLECTOR_TELEMETRY_PORT: String(telemetry),
    OPTEL_COLLECTOR_HEALTH_ENDPOINT: `127.0.0.1:${health}`,
    ...(options.recordReceived === false ? {} : { OPTEL_COLLECTOR_RECEIVED_FILE: receivedFile }),
    OPTEL_COLLECTOR_DELETION_REQUESTS_FILE: deletionRequestsFile,
    OPTEL_COLLECTOR_SPANMETRICS_FLUSH_INTERVAL: '1s',
    OPTEL_COLLECTOR_SERVICE_NAMES: KNOWN_SERVICES.join('|'),
    ...options.env,
  };
  const configs = (options.configFiles ?? [COLLECTOR_CONFIG, INGEST_POLICY]).flatMap((f) => ['--config', f]);
  const proc = launch('otel collector', binary, configs, join(dir, 'collector.log'), env);
  await waitFor('the Collector health check', async () => ((await fetch(`http://127.0.0.1:${health}/`)).ok ? true : undefined), 30_000, proc);
  return { ...proc, otlpUrl: `${options.scheme ?? 'http'}://127.0.0.1:${otlp}`, prometheusTarget: `127.0.0.1:${prom}`, telemetryTarget: `127.0.0.1:${telemetry}`, healthUrl: `http://127.0.0.1:${health}/`, receivedFile, deletionRequestsFile };
}

export interface Edge extends Proc {
  /** https:// URL apps send to. */
  readonly url: string;
}

export interface EdgeOptions {
  readonly certFile: string;
  readonly keyFile: string;
  /** nginx `limit_req` rate per client address. Default `10r/s`. */
  readonly rate?: string;
  /** Requests a client may send at once beyond the rate. Default 50. */
  readonly burst?: number;
}

export function nginxBinary(): string {
  const found = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('nginx is not installed: on Debian or Ubuntu run `sudo apt-get update && sudo apt-get install -y nginx-light`.');
  }
  return 'nginx';
}

/** otel-collector/edge/nginx.conf.template with its OPTEL_EDGE_* placeholders filled in, and nothing else. */
export function renderEdgeConfig(values: Record<string, string>): string {
  const template = readFileSync(join(ROOT, 'otel-collector/edge/nginx.conf.template'), 'utf8');
  return template.replace(/\$\{(OPTEL_EDGE_[A-Z_]+)\}/g, (m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for ${m} in the edge template`);
    return v;
  });
}

/** nginx from otel-collector/edge in front of a Collector, with TLS on a free loopback port. */
export async function startEdge(dir: string, collector: Collector, options: EdgeOptions): Promise<Edge> {
  const binary = nginxBinary();
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const configFile = join(dir, 'nginx.conf');
  writeFileSync(configFile, renderEdgeConfig({
    OPTEL_EDGE_PREFIX: dir,
    OPTEL_EDGE_LISTEN: `127.0.0.1:${port}`,
    OPTEL_EDGE_CERT_FILE: options.certFile,
    OPTEL_EDGE_KEY_FILE: options.keyFile,
    OPTEL_EDGE_UPSTREAM: new URL(collector.otlpUrl).host,
    OPTEL_EDGE_RATE: options.rate ?? '10r/s',
    OPTEL_EDGE_BURST: String(options.burst ?? 50),
  }));
  // In the foreground, so that stopping the child stops nginx; the error log goes to the log file.
  const proc = launch('nginx edge', binary, ['-p', dir, '-c', configFile, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], join(dir, 'nginx.log'), process.env);
  const url = `https://127.0.0.1:${port}`;
  await waitFor('the edge to listen', async () => {
    const open = await new Promise<boolean>((res) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        res(true);
      });
      socket.once('error', () => res(false));
    });
    return open ? true : undefined;
  }, 15_000, proc);
  return { ...proc, url };
}

/** Prometheus 3 (and promtool beside it), built from the Go module proxy on first use and cached. */
export async function prometheusBinary(): Promise<string> {
  await ensureOps('prometheus');
  return opsBinary('prometheus');
}

/** Our prometheus.yml, with its loopback targets pointed at this Collector's ports and faster intervals. */
export interface PrometheusOptions {
  /** Scrape and rule evaluation interval. Default 1s. */
  readonly intervals?: string;
  /** Where to send alerts; none by default. */
  readonly alertmanager?: Pick<Alertmanager, 'target'>;
  /**
   * Every alert's `for` replaced by this duration, in a copy of the rule files written to the run's
   * directory: a test of alert delivery waits seconds, not the minutes an operator wants.
   */
  readonly alertFor?: string;
  /** More rule files to load, e.g. the recording rules `npm run mixin -- --catalog` generates for an app's own categories. */
  readonly ruleFiles?: readonly string[];
}

export function renderPrometheusConfig(collector: Pick<Collector, 'prometheusTarget' | 'telemetryTarget'>, intervals = '1s', alertmanager?: Pick<Alertmanager, 'target'>, ruleDir?: string, ruleFiles: readonly string[] = []): string {
  const config = parse(readFileSync(join(ROOT, 'prometheus/prometheus.yml'), 'utf8'));
  if (alertmanager) config.alerting = { alertmanagers: [{ static_configs: [{ targets: [alertmanager.target] }] }] };
  else delete config.alerting;
  config.global = { ...config.global, scrape_interval: intervals, evaluation_interval: intervals };
  config.rule_files = [...(config.rule_files as string[]).map((f) => (ruleDir && existsSync(join(ruleDir, f)) ? join(ruleDir, f) : join(ROOT, 'prometheus', f))), ...ruleFiles];
  for (const job of config.scrape_configs as { job_name: string; static_configs: { targets: string[] }[] }[]) {
    for (const sc of job.static_configs) {
      sc.targets = sc.targets.map((t) => (t.endsWith(':8889') ? collector.prometheusTarget : t.endsWith(':8888') ? collector.telemetryTarget : t));
    }
  }
  return stringify(config);
}

/** alerts.yml with every `for` set to `duration`, written to `dir/rules/alerts.yml`. */
function writeFastAlerts(dir: string, duration: string): void {
  const rules = parse(readFileSync(join(ROOT, 'prometheus/rules/alerts.yml'), 'utf8')) as { groups: { rules: { for?: string }[] }[] };
  for (const g of rules.groups) for (const r of g.rules) if (r.for !== undefined) r.for = duration;
  mkdirSync(join(dir, 'rules'), { recursive: true });
  writeFileSync(join(dir, 'rules/alerts.yml'), stringify(rules));
}

export async function startPrometheus(dir: string, collector: Collector, options: PrometheusOptions = {}): Promise<Prometheus> {
  mkdirSync(dir, { recursive: true });
  const intervals = options.intervals ?? '1s';
  const binary = await prometheusBinary();
  const port = await freePort();
  const configFile = join(dir, 'prometheus.yml');
  if (options.alertFor) writeFastAlerts(dir, options.alertFor);
  writeFileSync(configFile, renderPrometheusConfig(collector, intervals, options.alertmanager, options.alertFor ? dir : undefined, options.ruleFiles));
  const proc = launch('prometheus', binary, [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ], join(dir, 'prometheus.log'), process.env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('Prometheus to be ready', async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined), 30_000, proc);
  // Static targets are applied only after the discovery reload interval (5 s): until both jobs
  // have been scraped, a workload's counters would look flat and every rate() would be 0.
  await waitFor('Prometheus to scrape the Collector', async () => ((await query(url, 'up == 1')).length >= 2 ? true : undefined), 30_000, proc);
  return { ...proc, url };
}

export interface Alertmanager extends Proc {
  readonly url: string;
  /** host:port, for Prometheus' alerting configuration. */
  readonly target: string;
}

/** Where the rendered Alertmanager configuration sends notifications (loopback receivers in tests and the demo). */
export interface AlertDestinations {
  /** The Slack incoming-webhook URL (Slack's payload format). */
  readonly slackUrl: string;
  /** The pager webhook URL (Alertmanager's webhook payload). */
  readonly pagerUrl: string;
  /** host:port of an SMTP relay without TLS or auth. */
  readonly smtp: string;
  /** Shorter waits and repeats, for tests and the demo. */
  readonly fast?: boolean;
}

/**
 * alertmanager/alertmanager.yml with its secrets written to files in `dir` and its addresses
 * pointed at the given receivers; everything else (routes, receivers, inhibition) as committed.
 */
export function renderAlertmanagerConfig(dir: string, to: AlertDestinations): string {
  const config = parse(readFileSync(join(ROOT, 'alertmanager/alertmanager.yml'), 'utf8'));
  const secrets = join(dir, 'secrets');
  mkdirSync(secrets, { recursive: true, mode: 0o700 });
  const secret = (name: string, value: string): string => {
    const file = join(secrets, name);
    writeFileSync(file, value, { mode: 0o600 });
    return file;
  };
  config.global = {
    ...config.global,
    smtp_smarthost: to.smtp,
    smtp_require_tls: false,
    slack_api_url_file: secret('slack-webhook-url', to.slackUrl),
  };
  // A relay on loopback takes no authentication.
  delete config.global.smtp_auth_username;
  delete config.global.smtp_auth_password_file;
  for (const r of config.receivers as { webhook_configs?: { url_file?: string }[] }[]) {
    for (const w of r.webhook_configs ?? []) w.url_file = secret('pager-webhook-url', to.pagerUrl);
  }
  config.templates = (config.templates as string[]).map((t) => join(ROOT, 'alertmanager', t));
  if (to.fast) {
    const speedUp = (route: Record<string, unknown>): void => {
      if ('group_wait' in route) route.group_wait = '1s';
      if ('group_interval' in route) route.group_interval = '5s';
      for (const child of (route.routes as Record<string, unknown>[] | undefined) ?? []) speedUp(child);
    };
    speedUp(config.route);
  }
  return stringify(config);
}

/** Alertmanager (built from the Go module proxy on first use) with the rendered configuration, on free loopback ports. */
export async function startAlertmanager(dir: string, to: AlertDestinations): Promise<Alertmanager> {
  mkdirSync(dir, { recursive: true });
  await ensureOps('alertmanager');
  const [port, cluster] = await Promise.all([freePort(), freePort()]);
  const configFile = join(dir, 'alertmanager.yml');
  writeFileSync(configFile, renderAlertmanagerConfig(dir, to));
  const proc = launch('alertmanager', opsBinary('alertmanager'), [
    `--config.file=${configFile}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    // A single instance: gossip on loopback only, so nothing listens on a public address.
    `--cluster.listen-address=127.0.0.1:${cluster}`,
  ], join(dir, 'alertmanager.log'), process.env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('Alertmanager to be ready', async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined), 30_000, proc);
  return { ...proc, url, target: `127.0.0.1:${port}` };
}

export interface Sample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

/**
 * An instant query against a Prometheus API (Prometheus, or Thanos query). `params` adds query
 * parameters, e.g. `{ dedup: 'false' }` for Thanos query to return every replica.
 */
export async function query(prometheusUrl: string, expr: string, params: Readonly<Record<string, string>> = {}): Promise<Sample[]> {
  const extra = Object.entries(params).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
  const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}${extra}`);
  const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success') throw new Error(`query failed: ${expr}: ${body.error}`);
  if (body.data?.resultType !== 'vector') return [];
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

export interface Stack {
  readonly collector: Collector;
  readonly prometheus: Prometheus;
  /** Present when the stack was started with alert destinations. */
  readonly alertmanager?: Alertmanager;
  stop(): Promise<void>;
}

export interface StackOptions extends CollectorOptions {
  /** Start Alertmanager too, sending to these receivers, and point Prometheus at it. */
  readonly alerts?: AlertDestinations;
  /** Every alert's `for` shortened to this (see PrometheusOptions.alertFor). */
  readonly alertFor?: string;
  /** More rule files for Prometheus (see PrometheusOptions.ruleFiles). */
  readonly ruleFiles?: readonly string[];
}

/** The Collector, a Prometheus scraping it and, when asked, an Alertmanager; whatever started is stopped if a later part fails. */
export async function startStack(dir: string, intervals = '1s', options: StackOptions = {}): Promise<Stack> {
  const started: Proc[] = [];
  const stopAll = async (): Promise<void> => {
    for (const p of [...started].reverse()) await p.stop();
  };
  try {
    const collector = await startCollector(join(dir, 'collector'), options);
    started.push(collector);
    const alertmanager = options.alerts ? await startAlertmanager(join(dir, 'alertmanager'), options.alerts) : undefined;
    if (alertmanager) started.push(alertmanager);
    const prometheus = await startPrometheus(join(dir, 'prometheus'), collector, { intervals, ...(alertmanager ? { alertmanager } : {}), ...(options.alertFor ? { alertFor: options.alertFor } : {}), ...(options.ruleFiles ? { ruleFiles: options.ruleFiles } : {}) });
    started.push(prometheus);
    return { collector, prometheus, ...(alertmanager ? { alertmanager } : {}), stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
