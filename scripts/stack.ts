// Starts the real backend programs (the optel Collector distribution and Prometheus) as child
// processes on free loopback ports, for the end-to-end tests and `npm run demo`, and always stops
// them. Plain erasable TypeScript: Node runs it directly, vitest imports it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { ensureCollector } from './collector-build.mjs';

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

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
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

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function launch(name: string, command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv): Proc {
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
export const KNOWN_SERVICES = ['optel-demo', 'e2e-app', 'rights-app', 'delete-app', 'crash-app', 'legit-app'];
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

export function prometheusBinary(): string {
  const found = spawnSync('prometheus', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('Prometheus is not installed: on Debian or Ubuntu run `sudo apt-get update && sudo apt-get install -y prometheus` (it also provides promtool), or put a prometheus 2.x binary on PATH.');
  }
  return 'prometheus';
}

/** Our prometheus.yml, with its loopback targets pointed at this Collector's ports and faster intervals. */
export function renderPrometheusConfig(collector: Pick<Collector, 'prometheusTarget' | 'telemetryTarget'>, intervals = '1s'): string {
  const config = parse(readFileSync(join(ROOT, 'prometheus/prometheus.yml'), 'utf8'));
  config.global = { ...config.global, scrape_interval: intervals, evaluation_interval: intervals };
  config.rule_files = (config.rule_files as string[]).map((f) => join(ROOT, 'prometheus', f));
  for (const job of config.scrape_configs as { job_name: string; static_configs: { targets: string[] }[] }[]) {
    for (const sc of job.static_configs) {
      sc.targets = sc.targets.map((t) => (t.endsWith(':8889') ? collector.prometheusTarget : t.endsWith(':8888') ? collector.telemetryTarget : t));
    }
  }
  return stringify(config);
}

export async function startPrometheus(dir: string, collector: Collector, intervals = '1s'): Promise<Prometheus> {
  mkdirSync(dir, { recursive: true });
  const binary = prometheusBinary();
  const port = await freePort();
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, renderPrometheusConfig(collector, intervals));
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

export interface Sample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

export async function query(prometheusUrl: string, expr: string): Promise<Sample[]> {
  const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success') throw new Error(`query failed: ${expr}: ${body.error}`);
  if (body.data?.resultType !== 'vector') return [];
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

export interface Stack {
  readonly collector: Collector;
  readonly prometheus: Prometheus;
  stop(): Promise<void>;
}

/** The Collector and a Prometheus scraping it; if Prometheus cannot start, the Collector is stopped too. */
export async function startStack(dir: string, intervals = '1s', options: CollectorOptions = {}): Promise<Stack> {
  const collector = await startCollector(join(dir, 'collector'), options);
  try {
    const prometheus = await startPrometheus(join(dir, 'prometheus'), collector, intervals);
    return {
      collector,
      prometheus,
      async stop() {
        await prometheus.stop();
        await collector.stop();
      },
    };
  } catch (error) {
    await collector.stop();
    throw error;
  }
}
