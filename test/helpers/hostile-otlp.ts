/**
 * What an attacker with nothing but an OTLP/HTTP client sends: hand-built OTLP/JSON documents that
 * no optel client would produce, and raw protobuf bytes where JSON cannot express the attack.
 */
import { randomBytes } from 'node:crypto';

export type Attrs = Record<string, string | number | boolean>;

const anyValue = (v: string | number | boolean) =>
  typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
export const kv = (attrs: Attrs) => Object.entries(attrs).map(([key, value]) => ({ key, value: anyValue(value) }));
const now = () => `${BigInt(Date.now()) * 1_000_000n}`;

export interface HostileMetric {
  readonly name: string;
  readonly attributes: Attrs;
  readonly value?: number;
  readonly service?: string;
  readonly scope?: string;
  readonly resource?: Attrs;
  /** A cumulative sum, which would overwrite the total others added to. */
  readonly cumulative?: boolean;
}

/** One OTLP/JSON metrics request with a delta counter point per entry. */
export function metricsRequest(points: readonly HostileMetric[]): object {
  return {
    resourceMetrics: points.map((p) => ({
      resource: { attributes: kv({ 'service.name': p.service ?? 'legit-app', ...p.resource }) },
      scopeMetrics: [{
        scope: { name: p.scope ?? 'optel', version: '0.1.0' },
        metrics: [{
          name: p.name,
          unit: '1',
          sum: {
            aggregationTemporality: p.cumulative ? 2 : 1,
            isMonotonic: true,
            dataPoints: [{ attributes: kv(p.attributes), startTimeUnixNano: now(), timeUnixNano: now(), asInt: String(p.value ?? 1) }],
          },
        }],
      }],
    })),
  };
}

export interface HostileSpan {
  readonly name: string;
  readonly attributes?: Attrs;
  readonly service?: string;
  readonly resource?: Attrs;
  readonly scope?: string;
}

export function tracesRequest(spans: readonly HostileSpan[]): object {
  return {
    resourceSpans: spans.map((s) => ({
      resource: { attributes: kv({ 'service.name': s.service ?? 'legit-app', ...s.resource }) },
      scopeSpans: [{
        scope: { name: s.scope ?? 'optel', version: '0.1.0' },
        spans: [{
          traceId: randomBytes(16).toString('hex'),
          spanId: randomBytes(8).toString('hex'),
          name: s.name,
          kind: 2,
          startTimeUnixNano: now(),
          endTimeUnixNano: now(),
          attributes: kv(s.attributes ?? {}),
          events: [{ name: 'exception', timeUnixNano: now(), attributes: kv({ 'exception.message': 'for alice@example.org' }) }],
          status: {},
        }],
      }],
    })),
  };
}

// ---- protobuf by hand -----------------------------------------------------------------------

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function field(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(tag << 3) | 2, ...varint(body.length)]), body]);
}

/**
 * An ExportTraceServiceRequest whose one resource attribute is an AnyValue nested `depth` levels
 * deep (AnyValue.array_value -> ArrayValue.values -> AnyValue ...). Built from the inside out in
 * one buffer, since each level's length prefix depends on everything inside it.
 */
export function deeplyNestedTraces(depth: number): Buffer {
  const leaf = Buffer.from([0x0a, 0x01, 0x78]); // AnyValue{string_value: "x"}
  // Sizes from the inside out: an ArrayValue wraps one AnyValue (tag 1), an AnyValue one ArrayValue (tag 5).
  const headers: number[][] = [];
  let size = leaf.length;
  for (let i = 0; i < depth; i++) {
    const array = [0x0a, ...varint(size)];
    size += array.length;
    const any = [0x2a, ...varint(size)];
    size += any.length;
    headers.push(array, any); // written in reverse: outermost AnyValue first
  }
  const nested = Buffer.alloc(size);
  let at = 0;
  for (let i = headers.length - 1; i >= 0; i--) {
    for (const b of headers[i] as number[]) nested[at++] = b;
  }
  leaf.copy(nested, at);
  const keyValue = Buffer.concat([field(1, Buffer.from('k')), field(2, nested)]);
  const resource = field(1, keyValue);
  const resourceSpans = field(1, resource);
  return field(1, resourceSpans);
}
