import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type AnyValue = { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean; arrayValue?: { values?: AnyValue[] } };
type KeyValue = { key: string; value: AnyValue };

export interface ReceivedRequest {
  readonly path: string;
  readonly contentType: string;
  readonly raw: string;
  readonly body: any;
}

export interface ReceivedSpan {
  readonly name: string;
  readonly attributes: Record<string, unknown>;
  readonly events: { name: string; attributes: Record<string, unknown> }[];
  readonly status: { code?: number; message?: string };
  readonly resource: Record<string, unknown>;
}

export interface ReceivedPoint {
  readonly name: string;
  readonly kind: 'sum' | 'histogram' | 'gauge';
  readonly attributes: Record<string, unknown>;
  /** Sum or gauge value; for histograms the sum of observations. */
  readonly value: number;
  /** Histograms only. */
  readonly count?: number;
  readonly temporality?: number;
  readonly resource: Record<string, unknown>;
}

export function attrs(list: KeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list ?? []) out[kv.key] = value(kv.value);
  return out;
}

function value(v: AnyValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(value);
  return undefined;
}

/**
 * A real OTLP/HTTP endpoint on loopback that decodes what the SDK's JSON exporters send and keeps
 * every request, so tests assert on what actually crossed the wire.
 */
export class OtlpReceiver {
  readonly requests: ReceivedRequest[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          body = undefined;
        }
        this.requests.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), raw, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  clear(): void {
    this.requests.length = 0;
  }

  /** Everything received, as one string: the place to look for leaked canaries. */
  everything(): string {
    return this.requests.map((r) => r.raw).join('\n');
  }

  spans(): ReceivedSpan[] {
    const out: ReceivedSpan[] = [];
    for (const r of this.requests) {
      if (!r.path.endsWith('/v1/traces')) continue;
      for (const rs of r.body?.resourceSpans ?? []) {
        const resource = attrs(rs.resource?.attributes);
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            out.push({
              name: s.name,
              attributes: attrs(s.attributes),
              events: (s.events ?? []).map((e: { name: string; attributes?: KeyValue[] }) => ({ name: e.name, attributes: attrs(e.attributes) })),
              status: s.status ?? {},
              resource,
            });
          }
        }
      }
    }
    return out;
  }

  points(): ReceivedPoint[] {
    const out: ReceivedPoint[] = [];
    for (const r of this.requests) {
      if (!r.path.endsWith('/v1/metrics')) continue;
      for (const rm of r.body?.resourceMetrics ?? []) {
        const resource = attrs(rm.resource?.attributes);
        for (const sm of rm.scopeMetrics ?? []) {
          for (const m of sm.metrics ?? []) {
            if (m.sum) {
              for (const p of m.sum.dataPoints ?? []) out.push({ name: m.name, kind: 'sum', attributes: attrs(p.attributes), value: Number(p.asDouble ?? p.asInt ?? 0), temporality: m.sum.aggregationTemporality, resource });
            } else if (m.histogram) {
              for (const p of m.histogram.dataPoints ?? []) out.push({ name: m.name, kind: 'histogram', attributes: attrs(p.attributes), value: Number(p.sum ?? 0), count: Number(p.count ?? 0), temporality: m.histogram.aggregationTemporality, resource });
            } else if (m.gauge) {
              for (const p of m.gauge.dataPoints ?? []) out.push({ name: m.name, kind: 'gauge', attributes: attrs(p.attributes), value: Number(p.asDouble ?? p.asInt ?? 0), resource });
            }
          }
        }
      }
    }
    return out;
  }

  /** Sum of a metric's values (or histogram counts) over every request, matching attributes. */
  total(name: string, match: Record<string, unknown> = {}): number {
    let t = 0;
    for (const p of this.points()) {
      if (p.name !== name) continue;
      if (!Object.entries(match).every(([k, v]) => p.attributes[k] === v)) continue;
      t += p.kind === 'histogram' ? (p.count ?? 0) : p.value;
    }
    return t;
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until) throw new Error('timed out waiting for the receiver');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
