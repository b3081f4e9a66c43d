/**
 * Throughput of the ingestion edge for legitimate traffic: what the defences cost. The same
 * optel-shaped metrics request (40 data points of declared metrics) is posted by wrk for a few
 * seconds to three targets, in interleaved rounds:
 *   - the bare Collector: OTLP receiver straight into the Prometheus exporter, no processors;
 *   - the full Collector: config.yaml with the ingest policy and bearer-token auth;
 *   - the full edge: nginx with TLS and rate limits (set high enough not to refuse) in front of it.
 * Prints the median requests/s and data points/s of each and the ratios to the bare Collector.
 * Needs wrk (Debian: apt-get install wrk), nginx and openssl. Run by `npm run bench`, or alone:
 *   node bench/edge-throughput.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector, startEdge } from '../scripts/stack.ts';
import { bareCollectorYaml, optelMetricsRequest } from './collector-fixtures.ts';

const ROUNDS = Number(process.env.BENCH_EDGE_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_EDGE_SECONDS ?? 3);
const CONNECTIONS = 16;
const KEY = 'bench-key-5d1c';
const POINTS = 40;

function request(): string {
  const now = `${BigInt(Date.now()) * 1_000_000n}`;
  return optelMetricsRequest(Array.from({ length: POINTS / 2 }, (_, i) => `feature_${i}`), { start: now, end: now });
}

function wrk(url: string, script: string): { rps: number; okRps: number } {
  const r = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '-s', script, url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(r.stdout)?.[1]);
  const bad = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
  return { rps, okRps: requests > 0 ? (rps * (requests - bad)) / requests : 0 };
}

export async function benchEdge(): Promise<void> {
  if (spawnSync('wrk', ['--version']).error) {
    console.log('\nEdge throughput: skipped (wrk is not installed: apt-get install wrk)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'optel-bench-edge-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const sh = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    sh(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
    writeFileSync(join(dir, 'keys'), `${KEY}\n`);
    const bareConfig = join(dir, 'bare.yaml');
    // The same receiver and exporter, with the Collector's default telemetry, and nothing between.
    writeFileSync(bareConfig, bareCollectorYaml('  prometheus:\n    endpoint: ${env:OPTEL_COLLECTOR_PROMETHEUS_ENDPOINT}\n'));
    const bare = await startCollector(join(dir, 'bare'), { configFiles: [bareConfig], recordReceived: false });
    stops.push(() => bare.stop());
    const full = await startCollector(join(dir, 'full'), { recordReceived: false, env: { OPTEL_COLLECTOR_AUTH: 'true', OPTEL_COLLECTOR_API_KEYS_FILE: join(dir, 'keys'), OPTEL_COLLECTOR_SERVICE_NAMES: 'optel-demo' } });
    stops.push(() => full.stop());
    const edge = await startEdge(join(dir, 'edge'), full, { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), rate: '100000r/s', burst: 100000 });
    stops.push(() => edge.stop());

    const script = (auth: boolean) => {
      const file = join(dir, `post-${auth}.lua`);
      writeFileSync(file, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(request())}\nwrk.headers["Content-Type"] = "application/json"\n${auth ? `wrk.headers["Authorization"] = "Bearer ${KEY}"\n` : ''}`);
      return file;
    };
    const targets = {
      'bare Collector (no processors)': { url: `${bare.otlpUrl}/v1/metrics`, script: script(false) },
      'full Collector (policy, caps, auth)': { url: `${full.otlpUrl}/v1/metrics`, script: script(true) },
      'full edge (nginx TLS + limits, then the full Collector)': { url: `${edge.url}/v1/metrics`, script: script(true) },
    };
    const samples = Object.fromEntries(Object.keys(targets).map((k) => [k, [] as number[]]));
    const refused = Object.fromEntries(Object.keys(targets).map((k) => [k, 0]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, t] of Object.entries(targets)) {
        const r = wrk(t.url, t.script);
        samples[name]!.push(r.okRps);
        if (r.okRps < r.rps * 0.99) refused[name]! += 1;
      }
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] as number;
    const names = Object.keys(targets);
    const base = med(samples[names[0]!]!);
    console.log(`\nEdge throughput for legitimate traffic (${POINTS} data points per request, wrk ${CONNECTIONS} connections, ${SECONDS} s x ${ROUNDS} interleaved rounds, medians)`);
    for (const n of names) {
      const m = med(samples[n]!);
      console.log(`  ${n.padEnd(58)} ${m.toFixed(0).padStart(7)} req/s ${(m * POINTS).toFixed(0).padStart(9)} points/s  ${(m / base).toFixed(2)}x${refused[n] ? `  (rounds with refusals: ${refused[n]})` : ''}`);
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEdge();
