/**
 * Capacity of the scaled topology's tiers on this machine: wrk posts optel-shaped OTLP/JSON
 * requests (40 delta points of declared metrics each, over 2,000 distinct streams) to one edge
 * Collector (the full single-machine configuration plus otel-collector/scale/edge.yaml), which
 * routes them to one gateway (otel-collector/scale/gateway.yaml), which remote-writes into one
 * Thanos receive node. Every process shares this machine's cores with wrk, so the figures that
 * carry over to other machines are per CPU-second of each tier: data points a gateway takes per
 * CPU-second, requests an edge takes per CPU-second. The run then waits for the gateway's queues to
 * drain and checks that the store holds exactly the activations the edge accepted.
 *
 *   node bench/scale-capacity.ts            (BENCH_SCALE_SECONDS=20 BENCH_SCALE_CONNECTIONS=8)
 *
 * With BENCH_SCALE_EDGE=bare the edge is a bare router instead (OTLP receiver, batch,
 * load_balancing; no defences), about ten times cheaper, so that the one gateway, not the edge, is
 * what saturates: that run says how many points per second one gateway sustains here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEdgeCollector, startGateway, startQuery, startReceivers } from '../scripts/scale-stack.ts';
import { type Proc, query as promQuery, startCollector, waitFor } from '../scripts/stack.ts';
import { bareCollectorYaml, optelMetricsRequest } from './collector-fixtures.ts';

const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 20);
const BARE = process.env.BENCH_SCALE_EDGE === 'bare';
const CONNECTIONS = Number(process.env.BENCH_SCALE_CONNECTIONS ?? 8);
const BODIES = 50;
const FEATURES_PER_BODY = 20;
const POINTS = FEATURES_PER_BODY * 2;

function body(n: number): string {
  return optelMetricsRequest(Array.from({ length: FEATURES_PER_BODY }, (_, i) => `feature_${n * FEATURES_PER_BODY + i}`), { start: '1', end: '2' });
}

/** Resident memory of a process, MiB. */
function rssMiB(p: Proc): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.child.pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) / 1024;
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(p: Proc): number {
  const fields = readFileSync(`/proc/${p.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function counter(port: number, name: string, match = ''): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) if (line.startsWith(name) && line.includes(match)) sum += Number(line.split(' ').pop());
  return sum;
}

/** A router without defences: OTLP/HTTP in, batch, load-balanced by stream to the gateway. */
async function startBareRouter(dir: string, gateway: string): Promise<Proc & { otlpUrl: string; telemetryPort: number }> {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'router.yaml');
  writeFileSync(config, bareCollectorYaml(`  load_balancing:
    routing_key: streamID
    protocol:
      otlp:
        tls:
          insecure: true
        sending_queue:
          enabled: true
          queue_size: 5000
          num_consumers: 2
    resolver:
      static:
        hostnames: ["${gateway}"]
`, ['batch'], '  batch:\n    send_batch_size: 1024\n    timeout: 1s\n'));
  const c = await startCollector(dir, { configFiles: [config], recordReceived: false });
  return { ...c, telemetryPort: Number(c.telemetryTarget.split(':')[1]) };
}

async function main(): Promise<void> {
  if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is not installed (apt-get install wrk)');
  const dir = mkdtempSync(join(tmpdir(), 'optel-bench-scale-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const [receiver] = await startReceivers(join(dir, 'thanos'), 1, 1);
    stops.push(() => receiver!.stop());
    const gateway = await startGateway(join(dir, 'gw1'), 'gw1', receiver!.writeUrl);
    stops.push(() => gateway.stop());
    const edge = BARE ? await startBareRouter(join(dir, 'router'), gateway.otlp) : await startEdgeCollector(join(dir, 'edge'), [gateway.otlp]);
    stops.push(() => edge.stop());
    const query = await startQuery(join(dir, 'query'), [receiver!.grpc]);
    stops.push(() => query.stop());
    const script = join(dir, 'post.lua');
    writeFileSync(script, `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal bodies = {${Array.from({ length: BODIES }, (_, i) => JSON.stringify(body(i))).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend\n`);

    const accumulated = () => counter(gateway.telemetryPort, 'otelcol_deltatocumulative_datapoints');
    const before = { gw: cpuSeconds(gateway.proc()), edge: cpuSeconds(edge), thanos: cpuSeconds(receiver!.proc()), gwPoints: await counter(gateway.telemetryPort, 'otelcol_receiver_accepted_metric_points', 'receiver="otlp"'), accumulated: await accumulated() };
    const t0 = Date.now();
    const r = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '-s', script, `${edge.otlpUrl}/v1/metrics`], { encoding: 'utf8' });
    const wall = (Date.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
    const requests = Number(/(\d+) requests in/.exec(r.stdout)?.[1]);
    const bad = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
    const accepted = requests - bad;
    const gwPointsAtEnd = await counter(gateway.telemetryPort, 'otelcol_receiver_accepted_metric_points', 'receiver="otlp"');
    const accumulatedAtEnd = await accumulated();
    const during = { gw: cpuSeconds(gateway.proc()) - before.gw, edge: cpuSeconds(edge) - before.edge, thanos: cpuSeconds(receiver!.proc()) - before.thanos };
    // Drain: everything the edge accepted must reach the store, exactly once. The edge's own count:
    // wrk does not count the requests still in flight when it stops.
    const expected = (await counter(edge.telemetryPort, 'otelcol_receiver_accepted_metric_points', 'receiver="otlp"')) / 2;
    const drainStart = Date.now();
    const stored = await waitFor('the gateway queues to drain into Thanos', async () => {
      const v = (await promQuery(query.url, 'sum(last_over_time(optel_feature_usage_activations_total[30m]))'))[0]?.value ?? 0;
      return v >= expected ? v : undefined;
    }, 300_000).catch(async () => (await promQuery(query.url, 'sum(last_over_time(optel_feature_usage_activations_total[30m]))'))[0]?.value ?? 0);
    const drainSeconds = (Date.now() - drainStart) / 1000;
    const after = { gw: cpuSeconds(gateway.proc()) - before.gw, edge: cpuSeconds(edge) - before.edge, thanos: cpuSeconds(receiver!.proc()) - before.thanos };
    const gwPoints = (await counter(gateway.telemetryPort, 'otelcol_receiver_accepted_metric_points', 'receiver="otlp"')) - before.gwPoints;
    const streams = (await promQuery(query.url, 'count({__name__=~"optel_.+_total"})'))[0]?.value ?? 0;
    const samplesWritten = await counter(gateway.telemetryPort, 'otelcol_exporter_sent_metric_points', 'exporter="prometheus_remote_write"');
    const rss = { gw: rssMiB(gateway.proc()), edge: rssMiB(edge), thanos: rssMiB(receiver!.proc()) };
    const out = {
      seconds: wall,
      connections: CONNECTIONS,
      edgeRequestsAccepted: accepted,
      edgeRequestsRefused: bad,
      edgeRequestsPerSecond: accepted / wall,
      pointsPerSecondIntoGateway: (gwPointsAtEnd - before.gwPoints) / wall,
      pointsPerSecondAccumulatedByGateway: (accumulatedAtEnd - before.accumulated) / wall,
      gatewayBacklogSecondsAfterLoad: drainSeconds,
      cpuSecondsDuringLoad: during,
      cpuSecondsIncludingDrain: after,
      edgeRequestsPerCpuSecond: accepted / after.edge,
      gatewayPointsPerCpuSecond: gwPoints / after.gw,
      samplesRemoteWritten: samplesWritten,
      thanosSamplesPerCpuSecond: samplesWritten / after.thanos,
      rssMiB: rss,
      storedActivations: stored,
      expectedActivations: expected,
      exact: stored === expected,
      streamsInStore: streams,
    };
    console.log(JSON.stringify(out, null, 2));
    console.log(`\nScaled topology on this machine, ${BARE ? 'bare router' : 'full edge'} (${CONNECTIONS} wrk connections, ${SECONDS} s, ${POINTS} points per request over ${BODIES * POINTS} streams):`);
    console.log(`  edge:    ${out.edgeRequestsPerSecond.toFixed(0)} req/s accepted (${bad} refused), ${out.edgeRequestsPerCpuSecond.toFixed(0)} req per edge CPU-second`);
    console.log(`  gateway: ${out.pointsPerSecondAccumulatedByGateway.toFixed(0)} points/s accumulated during the load, ${out.pointsPerSecondIntoGateway.toFixed(0)} points/s in, ${out.gatewayPointsPerCpuSecond.toFixed(0)} points per gateway CPU-second (drain included), backlog drained ${drainSeconds.toFixed(1)} s after the load`);
    console.log(`  store:   ${samplesWritten} samples remote-written (one per stream per gateway request), ${out.thanosSamplesPerCpuSecond.toFixed(0)} per receive CPU-second`);
    console.log(`  exact:   ${stored} activations stored of ${expected} the edge accepted (${out.exact ? 'exact' : 'NOT exact'})`);
    console.log(`  memory:  edge ${rss.edge.toFixed(0)} MiB, gateway ${rss.gw.toFixed(0)} MiB, receive ${rss.thanos.toFixed(0)} MiB (RSS after the run)`);
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
