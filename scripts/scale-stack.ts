// The scaled topology on one machine, for test/e2e/scale.test.ts and the capacity measurement:
// an edge Collector (every ingestion defence of the single-machine one, then load-balancing by
// metric stream), N gateway Collectors (accumulate, persistent queues, remote write), Thanos
// receive nodes in a hashring with replication, Thanos query over them, and Thanos rule. Every
// process listens on free loopback ports and can be killed (SIGKILL) and started again on the same
// ports and directories, which is what the fault tests do. Plain erasable TypeScript.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ensureCollector } from './collector-build.mjs';
import { ensureOps } from './ops-build.mjs';
import { COLLECTOR_CONFIG, COLLECTOR_GOMEMLIMIT, INGEST_POLICY, KNOWN_SERVICES, ROOT, type Proc, freePort, launch, startCollector, waitFor } from './stack.ts';

export const EDGE_OVERLAY = join(ROOT, 'otel-collector/scale/edge.yaml');
export const GATEWAY_CONFIG = join(ROOT, 'otel-collector/scale/gateway.yaml');
/** The external label that tells the replicas of a series apart; query deduplicates on it. */
export const REPLICA_LABEL = 'receive_replica';
/** The same for what Thanos rule records (an operator runs two rulers for availability). */
export const RULE_REPLICA_LABEL = 'rule_replica';

/** A process that can be killed and started again with the same ports and data directory. */
export interface Restartable {
  readonly name: string;
  proc(): Proc;
  /** SIGKILL, as the OS or an operator's `kill -9` does: no shutdown, nothing flushed. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function killHard(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => p.child.once('exit', () => r()));
  p.child.kill('SIGKILL');
  await exited;
}

function restartable(name: string, starter: () => Promise<Proc>): Restartable {
  let current: Proc | undefined;
  const self = {
    name,
    proc: () => {
      if (!current) throw new Error(`${name} was never started`);
      return current;
    },
    async kill() {
      if (current) await killHard(current);
    },
    async start() {
      current = await starter();
    },
    async stop() {
      await current?.stop();
    },
  };
  return self;
}

/** Waits until `url` answers; a process that never gets there is stopped, not left behind. */
async function ready(url: string, proc: Proc, what: string, timeoutMs = 60_000): Promise<void> {
  try {
    await waitFor(what, async () => ((await fetch(url)).ok ? true : undefined), timeoutMs, proc);
  } catch (e) {
    await proc.stop();
    throw e;
  }
}

// ---- Thanos ----------------------------------------------------------------------------------

export interface ReceiveNode extends Restartable {
  readonly grpc: string;
  readonly http: string;
  /** Remote-write URL (any node takes any series and forwards it along the hashring). */
  readonly writeUrl: string;
}

export async function startReceivers(dir: string, count: number, replicationFactor: number): Promise<ReceiveNode[]> {
  const binary = join(await ensureOps('thanos'), 'thanos');
  const ports = await Promise.all(Array.from({ length: count }, async () => ({ grpc: await freePort(), http: await freePort(), write: await freePort(), capnp: await freePort() })));
  const hashrings = join(dir, 'hashrings.json');
  mkdirSync(dir, { recursive: true });
  writeFileSync(hashrings, JSON.stringify([{ hashring: 'default', endpoints: ports.map((p) => ({ address: `127.0.0.1:${p.grpc}`, capnproto_address: `127.0.0.1:${p.capnp}` })) }], null, 2));
  const nodes = ports.map((p, i) => {
    const nodeDir = join(dir, `receive-${i + 1}`);
    const r = restartable(`thanos receive ${i + 1}`, async () => {
      mkdirSync(nodeDir, { recursive: true });
      const proc = launch(`thanos receive ${i + 1}`, binary, [
        'receive',
        `--grpc-address=127.0.0.1:${p.grpc}`,
        `--http-address=127.0.0.1:${p.http}`,
        `--remote-write.address=127.0.0.1:${p.write}`,
        `--receive.capnproto-address=127.0.0.1:${p.capnp}`,
        `--tsdb.path=${join(nodeDir, 'tsdb')}`,
        `--label=${REPLICA_LABEL}="r${i + 1}"`,
        `--receive.local-endpoint=127.0.0.1:${p.grpc}`,
        `--receive.hashrings-file=${hashrings}`,
        `--receive.replication-factor=${replicationFactor}`,
        '--tsdb.retention=1d',
        '--log.level=warn',
      ], join(dir, `receive-${i + 1}.log`), process.env);
      await ready(`http://127.0.0.1:${p.http}/-/ready`, proc, `thanos receive ${i + 1} to be ready`);
      return proc;
    });
    return Object.assign(r, { grpc: `127.0.0.1:${p.grpc}`, http: `http://127.0.0.1:${p.http}`, writeUrl: `http://127.0.0.1:${p.write}/api/v1/receive` });
  });
  // In turn, and all stopped if one fails: a test whose set-up throws has nothing to stop them with.
  try {
    for (const n of nodes) await n.start();
  } catch (e) {
    for (const n of nodes) await n.stop().catch(() => undefined);
    throw e;
  }
  return nodes;
}

export interface Query extends Proc {
  readonly url: string;
}

/** Thanos query over the given StoreAPI endpoints, deduplicating the receive and rule replicas. */
export async function startQuery(dir: string, endpoints: readonly string[], ports?: { http: number; grpc: number }): Promise<Query> {
  const binary = join(await ensureOps('thanos'), 'thanos');
  const { http, grpc } = ports ?? { http: await freePort(), grpc: await freePort() };
  mkdirSync(dir, { recursive: true });
  const sd = join(dir, 'endpoints.yaml');
  writeFileSync(sd, stringify({ endpoints: endpoints.map((address) => ({ address })) }));
  const proc = launch('thanos query', binary, [
    'query',
    `--http-address=127.0.0.1:${http}`,
    `--grpc-address=127.0.0.1:${grpc}`,
    `--endpoint.sd-config-file=${sd}`,
    `--query.replica-label=${REPLICA_LABEL}`,
    `--query.replica-label=${RULE_REPLICA_LABEL}`,
    '--log.level=warn',
  ], join(dir, 'query.log'), process.env);
  const url = `http://127.0.0.1:${http}`;
  await ready(`${url}/-/ready`, proc, 'thanos query to be ready');
  return { ...proc, url };
}

export interface Rule extends Proc {
  readonly url: string;
  /** Its StoreAPI: what it recorded is read through query. */
  readonly grpc: string;
}

/**
 * Thanos rule: evaluates optel's recording rules and app alerts (prometheus/rules/recording.yml,
 * thanos/rules/alerts.yml) against the query layer, keeps what it records in its own TSDB (served to query over its StoreAPI), and sends
 * alerts to Alertmanager.
 */
export async function startRule(dir: string, queryUrl: string, options: { grpcPort?: number; evalInterval?: string; alertmanagerUrl?: string } = {}): Promise<Rule> {
  const binary = join(await ensureOps('thanos'), 'thanos');
  const http = await freePort();
  const grpc = options.grpcPort ?? (await freePort());
  mkdirSync(dir, { recursive: true });
  const proc = launch('thanos rule', binary, [
    'rule',
    `--http-address=127.0.0.1:${http}`,
    `--grpc-address=127.0.0.1:${grpc}`,
    `--data-dir=${join(dir, 'data')}`,
    `--query=${queryUrl}`,
    `--rule-file=${join(ROOT, 'prometheus/rules/recording.yml')}`,
    `--rule-file=${join(ROOT, 'thanos/rules/alerts.yml')}`,
    `--eval-interval=${options.evalInterval ?? '15s'}`,
    `--label=${RULE_REPLICA_LABEL}="1"`,
    ...(options.alertmanagerUrl ? [`--alertmanagers.url=${options.alertmanagerUrl}`] : []),
    '--log.level=warn',
  ], join(dir, 'rule.log'), process.env);
  const url = `http://127.0.0.1:${http}`;
  await ready(`${url}/-/ready`, proc, 'thanos rule to be ready');
  return { ...proc, url, grpc: `127.0.0.1:${grpc}` };
}

// ---- Collectors --------------------------------------------------------------------------------

export interface Gateway extends Restartable {
  /** host:port of its OTLP/gRPC receiver, as the edge's resolver lists it. */
  readonly otlp: string;
  /** `instance` label of the current run's series. */
  run(): string;
  /** Port of its own metrics (otelcol_*), on 127.0.0.1. */
  readonly telemetryPort: number;
}

export async function startGateway(dir: string, name: string, remoteWriteUrl: string): Promise<Gateway> {
  const binary = await ensureCollector();
  const [otlp, ordered, accumulated, health, telemetry] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  let runId = '';
  let runs = 0;
  const r = restartable(`gateway ${name}`, async () => {
    runs += 1;
    // Differs on every start: each run's totals start at 0 and are series of their own.
    runId = `${name}-${Date.now()}-${runs}`;
    mkdirSync(dir, { recursive: true });
    const proc = launch(`gateway ${name}`, binary, ['--config', GATEWAY_CONFIG], join(dir, `gateway-${runs}.log`), {
      ...process.env,
      GOMEMLIMIT: COLLECTOR_GOMEMLIMIT,
      OPTEL_GATEWAY_RUN: runId,
      OPTEL_GATEWAY_OTLP_ENDPOINT: `127.0.0.1:${otlp}`,
      OPTEL_GATEWAY_ORDERED_ENDPOINT: `127.0.0.1:${ordered}`,
      OPTEL_GATEWAY_ACCUMULATED_ENDPOINT: `127.0.0.1:${accumulated}`,
      OPTEL_GATEWAY_HEALTH_ENDPOINT: `127.0.0.1:${health}`,
      OPTEL_GATEWAY_TELEMETRY_PORT: String(telemetry),
      OPTEL_GATEWAY_STATE_DIR: join(dir, 'state'),
      OPTEL_GATEWAY_REMOTE_WRITE_URL: remoteWriteUrl,
    });
    await ready(`http://127.0.0.1:${health}/`, proc, `gateway ${name} health check`);
    return proc;
  });
  await r.start();
  return Object.assign(r, { otlp: `127.0.0.1:${otlp}`, telemetryPort: telemetry, run: () => runId });
}

export interface EdgeCollector extends Proc {
  readonly otlpUrl: string;
  /** Port of its own metrics (otelcol_*), on 127.0.0.1. */
  readonly telemetryPort: number;
  /** Rewrites the gateway list and makes the running edge re-read its configuration (SIGHUP). */
  setGateways(gateways: readonly string[]): Promise<void>;
}

function gatewaysOverlay(gateways: readonly string[]): string {
  return stringify({ exporters: { load_balancing: { resolver: { static: { hostnames: [...gateways] } } } } });
}

export async function startEdgeCollector(dir: string, gateways: readonly string[], services: readonly string[] = KNOWN_SERVICES): Promise<EdgeCollector> {
  mkdirSync(dir, { recursive: true });
  const overlay = join(dir, 'gateways.yaml');
  writeFileSync(overlay, gatewaysOverlay(gateways));
  // The single-machine Collector's configuration, with the scaled topology's overlay on top.
  const edge = await startCollector(dir, {
    configFiles: [COLLECTOR_CONFIG, INGEST_POLICY, EDGE_OVERLAY, overlay],
    recordReceived: false,
    env: { OPTEL_COLLECTOR_SERVICE_NAMES: services.join('|'), OPTEL_EDGE_INSTANCE: 'edge-1' },
  });
  return {
    ...edge,
    telemetryPort: Number(edge.telemetryTarget.split(':')[1]),
    async setGateways(list) {
      writeFileSync(overlay, gatewaysOverlay(list));
      edge.child.kill('SIGHUP');
      // The reload shuts the pipelines down and builds them again: wait until it serves again.
      await new Promise((r) => setTimeout(r, 500));
      await ready(edge.healthUrl, edge, 'the edge Collector to reload');
    },
  };
}
