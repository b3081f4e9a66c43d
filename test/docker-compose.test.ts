/**
 * docker-compose.yml agrees with the files it mounts: every mounted path exists, every image is
 * pinned, and the ports in the Collector, Prometheus and Grafana configurations line up (all
 * services share the host's network, so a port mismatch is a silent empty dashboard).
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COLLECTOR_JOB, PROMETHEUS_DATASOURCE } from '../grafana/dashboards.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));

function readYaml<T>(relative: string): T {
  const path = join(repo, relative);
  if (!existsSync(path)) throw new Error(`${relative} does not exist`);
  return parse(readFileSync(path, 'utf8')) as T;
}

// ---- Shapes of the files read here (only what the checks need) ---------------------------------

interface LongVolume {
  type?: string;
  source?: string;
  target: string;
}
interface Service {
  image?: string;
  profiles?: string[];
  command?: string | string[];
  network_mode?: string;
  ports?: unknown[];
  environment?: Record<string, string | number> | string[];
  volumes?: (string | LongVolume)[];
  tmpfs?: string | string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}
interface CollectorConfig {
  extensions?: Record<string, { endpoint?: string } | null>;
  receivers?: Record<string, { protocols?: Record<string, { endpoint?: string } | null> } | null>;
  exporters?: Record<string, { endpoint?: string; path?: string } | null>;
  service?: {
    extensions?: string[];
    telemetry?: {
      metrics?: {
        address?: string;
        level?: string;
        readers?: { pull?: { exporter?: { prometheus?: { host?: string; port?: number | string } } } }[];
      };
    };
  };
}
interface PrometheusConfig {
  global?: { scrape_interval?: string };
  rule_files?: string[];
  scrape_configs?: {
    job_name: string;
    honor_labels?: boolean;
    static_configs?: { targets?: string[] }[];
  }[];
}
interface DatasourceProvisioning {
  datasources: { uid: string; url: string; jsonData?: { timeInterval?: string } }[];
}
interface DashboardProvisioning {
  providers: { options: { path: string } }[];
}

// ---- Helpers ----------------------------------------------------------------------------------

interface Mount {
  kind: 'bind' | 'volume' | 'tmpfs';
  source: string;
  target: string;
}

function mountsOf(service: Service): Mount[] {
  const mounts: Mount[] = [];
  for (const v of service.volumes ?? []) {
    if (typeof v === 'string') {
      const [source = '', target = ''] = v.split(':');
      const kind = source.startsWith('.') || source.startsWith('/') || source.startsWith('~') ? 'bind' : 'volume';
      mounts.push({ kind, source, target });
    } else {
      mounts.push({ kind: v.type === 'bind' ? 'bind' : v.type === 'tmpfs' ? 'tmpfs' : 'volume', source: v.source ?? '', target: v.target });
    }
  }
  const tmpfs = service.tmpfs === undefined ? [] : Array.isArray(service.tmpfs) ? service.tmpfs : [service.tmpfs];
  for (const t of tmpfs) mounts.push({ kind: 'tmpfs', source: '', target: t.split(':')[0] ?? '' });
  return mounts;
}

function envOf(service: Service): Record<string, string> {
  const env = service.environment;
  if (env === undefined) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

function argsOf(service: Service): string[] {
  const c = service.command;
  return c === undefined ? [] : Array.isArray(c) ? c : c.split(/\s+/);
}

/** The value of `--name=value` or `--name value` in a command, if given. */
function flag(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
    if (a === name) return args[i + 1];
  }
  return undefined;
}

/**
 * Resolves the Collector's `${env:NAME:-default}` (and `${NAME:-default}`, `${env:NAME}`) with the
 * environment docker-compose gives the container; unset variables take their default.
 */
function resolveEnv(value: unknown, env: Readonly<Record<string, string>>, where: string): string {
  if (value === undefined || value === null) throw new Error(`${where} is not set`);
  return String(value).replace(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_whole, name: string, fallback?: string) => {
    const v = env[name] ?? fallback;
    if (v === undefined) throw new Error(`${where}: \${${name}} has no default and docker-compose does not set it`);
    return v;
  });
}

/** `host:port`, `:port` or `[v6]:port` (a URL's authority too). */
function hostPort(endpoint: string, where: string): { host: string; port: number } {
  const match = /^(?:[a-z]+:\/\/)?(\[[^\]]*\]|[^:/]*):(\d+)(?:\/.*)?$/.exec(endpoint);
  if (match === null) throw new Error(`${where}: no port in "${endpoint}"`);
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port: Number(match[2]) };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Where a container path comes from on the host, through the service's bind mounts. */
function hostPathOf(service: Service, containerPath: string): string | undefined {
  for (const m of mountsOf(service)) {
    if (m.kind !== 'bind') continue;
    if (containerPath === m.target) return join(repo, m.source);
    if (containerPath.startsWith(`${m.target}/`)) return join(repo, m.source, containerPath.slice(m.target.length + 1));
  }
  return undefined;
}

// ---- The files --------------------------------------------------------------------------------

const compose = readYaml<Compose>('docker-compose.yml');
const services = compose.services;
const collector = services['otel-collector'] as Service;
const prometheus = services.prometheus as Service;
const grafana = services.grafana as Service;
const alertmanager = services.alertmanager as Service;

/** The Collector's configuration, as the container sees it. */
function collectorConfig(): CollectorConfig {
  const path = flag(argsOf(collector), '--config');
  if (path === undefined) throw new Error('otel-collector has no --config');
  const host = hostPathOf(collector, path);
  if (host === undefined) throw new Error(`otel-collector: ${path} is not mounted from the repo`);
  return readYaml<CollectorConfig>(host.slice(repo.length));
}

function prometheusConfigPath(): string {
  return flag(argsOf(prometheus), '--config.file') ?? '/etc/prometheus/prometheus.yml';
}

function prometheusConfig(): PrometheusConfig {
  const host = hostPathOf(prometheus, prometheusConfigPath());
  if (host === undefined) throw new Error(`prometheus: ${prometheusConfigPath()} is not mounted from the repo`);
  return readYaml<PrometheusConfig>(host.slice(repo.length));
}

function collectorPorts(): { exporter: { host: string; port: number }; telemetry: { host: string; port: number } } {
  const config = collectorConfig();
  const env = envOf(collector);
  const exporters = Object.entries(config.exporters ?? {}).filter(([id]) => id === 'prometheus' || id.startsWith('prometheus/'));
  expect(exporters, 'the Collector has one prometheus exporter').toHaveLength(1);
  const [id, exporter] = exporters[0] as [string, { endpoint?: string } | null];
  const exporterEndpoint = hostPort(resolveEnv(exporter?.endpoint, env, `exporters.${id}.endpoint`), `exporters.${id}.endpoint`);

  const metrics = config.service?.telemetry?.metrics;
  let telemetry = { host: '127.0.0.1', port: 8888 }; // the Collector's default
  const pull = metrics?.readers?.map((r) => r.pull?.exporter?.prometheus).find((p) => p !== undefined);
  if (pull !== undefined) {
    telemetry = {
      host: resolveEnv(pull.host ?? 'localhost', env, 'service.telemetry.metrics.readers[].pull.exporter.prometheus.host'),
      port: Number(resolveEnv(pull.port, env, 'service.telemetry.metrics.readers[].pull.exporter.prometheus.port')),
    };
  } else if (metrics?.address !== undefined) {
    telemetry = hostPort(resolveEnv(metrics.address, env, 'service.telemetry.metrics.address'), 'service.telemetry.metrics.address');
  }
  return { exporter: exporterEndpoint, telemetry };
}

function prometheusListen(): { host: string; port: number } {
  const address = flag(argsOf(prometheus), '--web.listen-address') ?? '0.0.0.0:9090';
  return hostPort(address, 'prometheus --web.listen-address');
}

function alertmanagerListen(name: '--web.listen-address' | '--cluster.listen-address'): { host: string; port: number } {
  const address = flag(argsOf(alertmanager), name);
  if (address === undefined) throw new Error(`alertmanager sets no ${name}: its default listens on every interface`);
  return hostPort(address, `alertmanager ${name}`);
}

function scrapeTargets(): { job: string; honorLabels: boolean; host: string; port: number }[] {
  return (prometheusConfig().scrape_configs ?? []).flatMap((sc) =>
    (sc.static_configs ?? []).flatMap((s) =>
      (s.targets ?? []).map((t) => ({ job: sc.job_name, honorLabels: sc.honor_labels === true, ...hostPort(t, `scrape target ${t}`) })),
    ),
  );
}

// ---- Checks -----------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('has the Collector, Prometheus and Grafana by default, the scaled topology behind profile scale, all on the host network', () => {
    const byDefault = Object.entries(services).filter(([, s]) => s.profiles === undefined).map(([n]) => n);
    expect(byDefault.sort()).toEqual(['alertmanager', 'grafana', 'otel-collector', 'prometheus']);
    const scale = Object.entries(services).filter(([, s]) => s.profiles?.includes('scale')).map(([n]) => n);
    expect(scale.sort()).toEqual(['otel-edge', 'otel-gateway-1', 'otel-gateway-2', 'otel-gateway-3', 'thanos-query', 'thanos-receive-1', 'thanos-receive-2', 'thanos-receive-3', 'thanos-rule']);
    for (const [name, service] of Object.entries(services)) {
      expect(service.network_mode, name).toBe('host');
      // Published ports are ignored (and misleading) with host networking.
      expect(service.ports, name).toBeUndefined();
    }
  });

  it('pins every image to a version or digest (no latest)', () => {
    for (const [name, service] of Object.entries(services)) {
      const image = service.image ?? '';
      const match = /^([^:@\s]+)(?::([^:@\s]+))?(?:@sha256:[a-f0-9]{64})?$/.exec(image);
      expect(match, `${name}: ${image}`).not.toBeNull();
      const tag = match?.[2];
      const digest = image.includes('@sha256:');
      expect(digest || (tag !== undefined && tag !== 'latest' && /\d/.test(tag)), `${name}: ${image} is not pinned`).toBe(true);
    }
    expect(collector.image).toMatch(/^optel-otelcol:\d+\.\d+\.\d+-optel\.\d+$/);
    expect(prometheus.image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
    expect(grafana.image).toMatch(/^grafana\/grafana:\d+\.\d+\.\d+$/);
  });

  it('builds the Collector from otel-collector/builder-config.yaml with the builder npm uses', () => {
    const manifest = readFileSync(join(repo, 'otel-collector/builder-config.yaml'), 'utf8');
    const contrib = [...manifest.matchAll(/opentelemetry-collector-contrib\/\S+ v(\d+\.\d+\.\d+)/g)].map((m) => m[1]);
    expect(contrib.length).toBeGreaterThan(0);
    expect(new Set(contrib).size).toBe(1);
    const version = /^\s+version:\s*(\S+)/m.exec(manifest)?.[1];
    expect(collector.image).toBe(`optel-otelcol:${version}`);
    expect((collector as { build?: { context?: string } }).build?.context).toBe('./otel-collector');
    const dockerfile = readFileSync(join(repo, 'otel-collector/Dockerfile'), 'utf8');
    const script = readFileSync(join(repo, 'scripts/collector-build.mjs'), 'utf8');
    const builder = /BUILDER_VERSION = '(v[\d.]+)'/.exec(script)?.[1];
    expect(dockerfile).toContain(`ARG BUILDER_VERSION=${builder}`);
    expect(builder).toBe(`v${contrib[0]}`);
    expect(dockerfile).toContain('COPY components ./components');
  });

  it('mounts only paths that exist in the repo, and declares its named volumes', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const m of mountsOf(service)) {
        if (m.kind === 'bind') {
          expect(m.source.startsWith('./'), `${name}: ${m.source} should be relative to the repo`).toBe(true);
          expect(existsSync(join(repo, m.source)), `${name}: ${m.source} does not exist`).toBe(true);
        } else if (m.kind === 'volume') {
          expect(Object.keys(compose.volumes ?? {}), `${name}: volume ${m.source}`).toContain(m.source);
        }
        expect(m.target.startsWith('/'), `${name}: ${m.target}`).toBe(true);
      }
    }
  });

  it('mounts the configuration files where the commands look for them', () => {
    expect(hostPathOf(collector, flag(argsOf(collector), '--config') ?? '')).toBe(join(repo, 'otel-collector/config.yaml'));
    expect(hostPathOf(prometheus, prometheusConfigPath())).toBe(join(repo, 'prometheus/prometheus.yml'));
    expect(hostPathOf(grafana, '/etc/grafana/provisioning/datasources/prometheus.yml')).toBe(
      join(repo, 'grafana/provisioning/datasources/prometheus.yml'),
    );
    const provider = readYaml<DashboardProvisioning>('grafana/provisioning/dashboards/optel.yml').providers[0];
    expect(hostPathOf(grafana, provider?.options.path ?? '')).toBe(join(repo, 'grafana/dashboards'));
  });

  it("mounts Prometheus's rule files", () => {
    const config = prometheusConfig();
    const configDir = posix.dirname(prometheusConfigPath());
    for (const pattern of config.rule_files ?? []) {
      const inContainer = posix.isAbsolute(pattern) ? pattern : posix.join(configDir, pattern);
      const onHost = hostPathOf(prometheus, inContainer);
      expect(onHost, `rule_files ${pattern} (${inContainer}) is not mounted`).toBeDefined();
      expect(globSync(onHost as string).length, `rule_files ${pattern} matches no file in ${dirname(onHost as string)}`).toBeGreaterThan(0);
    }
  });

  it("gives the Collector's file exporters a writable place (tmpfs or volume)", () => {
    const config = collectorConfig();
    const env = envOf(collector);
    const writable = mountsOf(collector).filter((m) => m.kind !== 'bind');
    for (const [id, exporter] of Object.entries(config.exporters ?? {})) {
      if (!(id === 'file' || id.startsWith('file/'))) continue;
      const path = resolveEnv(exporter?.path, env, `exporters.${id}.path`);
      // The raw record of what arrived is off in a deployment: it writes to /dev/null.
      if (path === '/dev/null') continue;
      expect(posix.isAbsolute(path), `exporters.${id}.path resolves to ${path}: set it in docker-compose.yml`).toBe(true);
      expect(writable.some((m) => path.startsWith(`${m.target}/`)), `exporters.${id}.path ${path} is not on a tmpfs or volume`).toBe(true);
    }
  });
});

describe('ports', () => {
  it("Prometheus scrapes the Collector's exporter (keeping the apps' job label) and its own metrics (job otel-collector)", () => {
    const { exporter, telemetry } = collectorPorts();
    const targets = scrapeTargets();
    const toExporter = targets.filter((t) => t.port === exporter.port && LOOPBACK.has(t.host));
    const toTelemetry = targets.filter((t) => t.port === telemetry.port && LOOPBACK.has(t.host));
    expect(toExporter.length, `no scrape target on port ${exporter.port} (the Collector's prometheus exporter)`).toBeGreaterThan(0);
    expect(toTelemetry.length, `no scrape target on port ${telemetry.port} (the Collector's own metrics)`).toBeGreaterThan(0);
    // job = the app's service name comes from the exporter; without honor_labels it becomes exported_job.
    for (const t of toExporter) expect(t.honorLabels, `job ${t.job} must set honor_labels: true`).toBe(true);
    // The dashboards read up{job="otel-collector"}.
    expect(toTelemetry.map((t) => t.job)).toContain(COLLECTOR_JOB);
    expect(LOOPBACK.has(exporter.host), `exporter listens on ${exporter.host}`).toBe(true);
    expect(LOOPBACK.has(telemetry.host), `telemetry listens on ${telemetry.host}`).toBe(true);
  });

  it('Prometheus sends its alerts to the Alertmanager of the stack, and Alertmanager listens on loopback only', () => {
    const web = alertmanagerListen('--web.listen-address');
    const cluster = alertmanagerListen('--cluster.listen-address');
    expect(LOOPBACK.has(web.host) && LOOPBACK.has(cluster.host), `${web.host}, ${cluster.host}`).toBe(true);
    const config = prometheusConfig() as { alerting?: { alertmanagers?: { static_configs?: { targets?: string[] }[] }[] } };
    const targets = (config.alerting?.alertmanagers ?? []).flatMap((a) => (a.static_configs ?? []).flatMap((s) => s.targets ?? []));
    expect(targets.map((t) => hostPort(t, 'alertmanager target'))).toContainEqual(web);
  });

  it("Grafana's datasource points at Prometheus's listen port", () => {
    const ds = readYaml<DatasourceProvisioning>('grafana/provisioning/datasources/prometheus.yml').datasources.find(
      (d) => d.uid === PROMETHEUS_DATASOURCE.uid,
    );
    expect(ds).toBeDefined();
    // The URL comes from Grafana's environment: Prometheus by default, Thanos query with profile scale.
    const variable = /^\$\{?([A-Z_]+)\}?$/.exec(ds?.url ?? '')?.[1];
    expect(variable, ds?.url).toBeDefined();
    const byDefault = resolveEnv(envOf(grafana)[variable as string], {}, `grafana ${variable}`);
    const url = hostPort(byDefault, 'datasource url');
    expect(LOOPBACK.has(url.host), byDefault).toBe(true);
    expect(url.port).toBe(prometheusListen().port);
    const query = hostPort(flag(argsOf(services['thanos-query'] as Service), '--http-address') ?? '', 'thanos-query --http-address');
    expect(readFileSync(join(repo, 'docker-compose.yml'), 'utf8')).toContain(`OPTEL_DATASOURCE_URL=http://127.0.0.1:${query.port}`);
  });

  it("Grafana's timeInterval is Prometheus's scrape interval ($__rate_interval depends on it)", () => {
    const ds = readYaml<DatasourceProvisioning>('grafana/provisioning/datasources/prometheus.yml').datasources.find(
      (d) => d.uid === PROMETHEUS_DATASOURCE.uid,
    );
    expect(ds?.jsonData?.timeInterval).toBe(prometheusConfig().global?.scrape_interval ?? '1m');
  });

  it('no two listeners share a port (they all share the host network)', () => {
    const config = collectorConfig();
    const env = envOf(collector);
    const { exporter, telemetry } = collectorPorts();
    const listeners: [string, number][] = [
      ['collector prometheus exporter', exporter.port],
      ['collector telemetry', telemetry.port],
      ['prometheus', prometheusListen().port],
      ['alertmanager', alertmanagerListen('--web.listen-address').port],
      ['alertmanager cluster', alertmanagerListen('--cluster.listen-address').port],
      ['grafana', Number(envOf(grafana).GF_SERVER_HTTP_PORT ?? 3000)],
    ];
    for (const [id, receiver] of Object.entries(config.receivers ?? {})) {
      for (const [protocol, p] of Object.entries(receiver?.protocols ?? {})) {
        const fallback = protocol === 'grpc' ? '127.0.0.1:4317' : '127.0.0.1:4318';
        listeners.push([`collector ${id} ${protocol}`, hostPort(resolveEnv(p?.endpoint ?? fallback, env, `receivers.${id}`), id).port]);
      }
    }
    for (const id of config.service?.extensions ?? []) {
      const endpoint = config.extensions?.[id]?.endpoint;
      if (endpoint !== undefined) listeners.push([`collector ${id}`, hostPort(resolveEnv(endpoint, env, `extensions.${id}`), id).port]);
    }
    const ports = listeners.map(([, port]) => port);
    expect(new Set(ports).size, JSON.stringify(listeners)).toBe(ports.length);
    expect(listeners).toContainEqual(['collector otlp http', 4318]);
  });
});

describe('docker-compose.yml, profile scale', () => {
  const receivers = [1, 2, 3].map((n) => services[`thanos-receive-${n}`] as Service);
  const gateways = [1, 2, 3].map((n) => services[`otel-gateway-${n}`] as Service);
  const query = services['thanos-query'] as Service;
  const rule = services['thanos-rule'] as Service;
  const edge = services['otel-edge'] as Service;
  const addr = (s: Service, name: string): string => {
    const v = flag(argsOf(s), name);
    if (v === undefined) throw new Error(`no ${name}`);
    return v;
  };

  it('runs the Thanos release that ops-build builds for the tests', async () => {
    const { OPS } = await import('../scripts/ops-build.mjs');
    for (const s of [...receivers, query, rule]) expect(s.image).toBe(`quay.io/thanos/thanos:v${OPS.thanos.release}`);
  });

  it('the hashring lists every receive node by its gRPC and Cap\'n Proto addresses, replication factor 2', () => {
    const ring = readYaml<{ endpoints: { address: string; capnproto_address: string }[] }[]>('thanos/hashrings.json');
    expect(ring).toHaveLength(1);
    expect(ring[0]!.endpoints.map((e) => e.address)).toEqual(receivers.map((r) => addr(r, '--grpc-address')));
    expect(ring[0]!.endpoints.map((e) => e.capnproto_address)).toEqual(receivers.map((r) => addr(r, '--receive.capnproto-address')));
    for (const r of receivers) {
      expect(addr(r, '--receive.local-endpoint')).toBe(addr(r, '--grpc-address'));
      expect(addr(r, '--receive.replication-factor')).toBe('2');
      expect(addr(r, '--label')).toMatch(/^receive_replica="r\d"$/);
      expect(hostPathOf(r, addr(r, '--receive.hashrings-file'))).toBe(join(repo, 'thanos/hashrings.json'));
    }
  });

  it('query reads every receive node and the ruler and deduplicates their replicas; the ruler reads query and alerts the stack\'s Alertmanager', () => {
    const eps = readYaml<{ endpoints: { address: string }[] }>('thanos/endpoints.yaml').endpoints.map((e) => e.address);
    expect(eps.sort()).toEqual([...receivers.map((r) => addr(r, '--grpc-address')), addr(rule, '--grpc-address')].sort());
    const replicaLabels = argsOf(query).filter((a) => a.startsWith('--query.replica-label=')).map((a) => a.split('=')[1]);
    expect(replicaLabels.sort()).toEqual(['receive_replica', 'rule_replica']);
    expect(hostPort(addr(rule, '--query'), 'rule --query').port).toBe(hostPort(addr(query, '--http-address'), 'query').port);
    expect(hostPort(addr(rule, '--alertmanagers.url'), 'rule').port).toBe(alertmanagerListen('--web.listen-address').port);
    for (const f of argsOf(rule).filter((a) => a.startsWith('--rule-file=')).map((a) => a.split('=')[1] as string)) {
      expect(existsSync(hostPathOf(rule, f) ?? ''), f).toBe(true);
    }
  });

  it('the edge routes to exactly the gateways, and each gateway writes to a receive node', () => {
    const list = readYaml<{ exporters: { load_balancing: { resolver: { static: { hostnames: string[] } } } } }>('otel-collector/scale/gateways.compose.yaml');
    expect(list.exporters.load_balancing.resolver.static.hostnames).toEqual(gateways.map((g) => envOf(g).OPTEL_GATEWAY_OTLP_ENDPOINT));
    const writes = new Set(receivers.map((r) => hostPort(addr(r, '--remote-write.address'), 'rw').port));
    for (const g of gateways) expect(writes.has(hostPort(envOf(g).OPTEL_GATEWAY_REMOTE_WRITE_URL ?? '', 'gateway').port)).toBe(true);
    expect(argsOf(edge).map((a) => hostPathOf(edge, a.replace('--config=', '')))).toEqual(
      ['otel-collector/config.yaml', 'otel-collector/ingest-policy.yaml', 'otel-collector/scale/edge.yaml', 'otel-collector/scale/gateways.compose.yaml'].map((f) => join(repo, f)),
    );
  });

  it('no two listeners of either profile share a port, and all listen on loopback', () => {
    const listeners: [string, string][] = [];
    for (const [name, s] of Object.entries(services)) {
      for (const a of argsOf(s)) {
        const m = /^--(?:[a-z-.]*address|web\.listen-address|cluster\.listen-address)=(.+)$/.exec(a);
        if (m && !a.startsWith('--receive.local-endpoint')) listeners.push([`${name} ${a.split('=')[0]}`, m[1] as string]);
      }
      for (const [k, v] of Object.entries(envOf(s))) {
        if (/^OPTEL_(COLLECTOR|GATEWAY)_.*(ENDPOINT)$/.test(k) && !k.includes('REMOTE_WRITE')) listeners.push([`${name} ${k}`, v]);
        if (/_TELEMETRY_PORT$/.test(k)) listeners.push([`${name} ${k}`, `127.0.0.1:${v}`]);
      }
    }
    const scaleListeners = listeners.filter(([n]) => !n.startsWith('otel-collector') && !n.startsWith('prometheus') && !n.startsWith('grafana'));
    expect(scaleListeners.length).toBeGreaterThan(30);
    const parsed = listeners.map(([n, v]) => [n, hostPort(v, n)] as const);
    for (const [n, hp] of parsed) expect(LOOPBACK.has(hp.host), n).toBe(true);
    const ports = parsed.map(([, hp]) => hp.port).concat([collectorPorts().exporter.port, collectorPorts().telemetry.port, 4318, 13133, 3000]);
    const dupes = ports.filter((p, i) => ports.indexOf(p) !== i);
    expect(dupes, JSON.stringify(parsed)).toEqual([]);
  });
});
