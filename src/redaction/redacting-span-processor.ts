import type { Attributes, AttributeValue, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { reportError } from '../diag.js';
import type { Scrubber } from './scrubber.js';
import { sanitizeUrl, templatePath } from './url.js';

/** Attributes that identify a person or their machine whatever their value: removed outright. */
const DROPPED_SPAN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'client.address',
  'client.port',
  'network.peer.address',
  'network.peer.port',
  'network.local.address',
  'net.peer.ip',
  'net.sock.peer.addr',
  'net.sock.host.addr',
  'net.host.ip',
  'http.client_ip',
  'user_agent.original',
  'http.user_agent',
  'url.query',
  'url.fragment',
  'enduser.id',
  'enduser.role',
  'enduser.scope',
  'user.id',
  'user.email',
  'user.name',
  'user.full_name',
  'host.name',
  'host.id',
  'process.owner',
  'process.command_line',
  'process.command_args',
  'process.executable.path',
  'process.pid',
]);

/**
 * Attributes whose values come from a fixed vocabulary (semantic conventions): a value in it holds
 * nothing a detector could find, so it skips the detectors. Any other value is scrubbed as usual.
 */
const FIXED_VOCABULARY: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['http.request.method', new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'QUERY', '_OTHER'])],
  ['http.method', new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'QUERY', '_OTHER'])],
  ['url.scheme', new Set(['http', 'https'])],
  ['http.scheme', new Set(['http', 'https'])],
  ['network.protocol.name', new Set(['http', 'spdy', 'quic'])],
  ['network.protocol.version', new Set(['1.0', '1.1', '2', '3'])],
  ['http.flavor', new Set(['1.0', '1.1', '2.0', '3.0', 'SPDY', 'QUIC'])],
  ['network.transport', new Set(['tcp', 'udp', 'pipe', 'unix', 'quic'])],
  ['network.type', new Set(['ipv4', 'ipv6'])],
]);

const URL_KEYS = new Set(['url.full', 'http.url']);
const PATH_KEYS = new Set(['url.path', 'http.target']);

/** What to do with an attribute, by key: one map lookup per attribute on the hot path. */
type KeyRule =
  | { readonly kind: 'drop' | 'url' | 'path' | 'plain' | 'sensitive' }
  | { readonly kind: 'vocabulary'; readonly values: ReadonlySet<string> };
const KEY_RULES: ReadonlyMap<string, KeyRule> = new Map<string, KeyRule>([
  ...[...DROPPED_SPAN_ATTRIBUTES].map((k) => [k, { kind: 'drop' }] as const),
  ...[...URL_KEYS].map((k) => [k, { kind: 'url' }] as const),
  ...[...PATH_KEYS].map((k) => [k, { kind: 'path' }] as const),
  ...[...FIXED_VOCABULARY].map(([k, values]) => [k, { kind: 'vocabulary', values }] as const),
]);

type MutableSpan = {
  name: string;
  attributes: Attributes;
  status: { code: number; message?: string };
  events: { name: string; attributes?: Attributes }[];
  links: { attributes?: Attributes }[];
};

/**
 * Scrubs a span before any exporting processor sees it: name, attributes, events (exception
 * messages and stack traces included), status message and link attributes.
 *
 * It works in `onEnding`, while the span is still writable; it must come first in the
 * provider's list of processors so that later ones only ever see the scrubbed span.
 */
const PLAIN: KeyRule = { kind: 'plain' };
const SENSITIVE: KeyRule = { kind: 'sensitive' };
/** Keys are few and repeat; values of URL and path keys often repeat too (routes, health checks). */
const KEY_LIMIT = 4096;
const URL_CACHE_LIMIT = 1024;

export class RedactingSpanProcessor implements SpanProcessor {
  /** Each key's rule, with the scrubber's sensitive-key decision folded in. */
  private readonly rules = new Map<string, KeyRule>();
  /** Recent URLs and paths with their templated, scrubbed form; first in, first out. */
  private readonly urls = new Map<string, string>();

  constructor(private readonly scrubber: Scrubber) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnding(span: Span): void {
    try {
      const s = span as unknown as MutableSpan;
      s.name = this.scrubber.scrubText(s.name);
      s.attributes = this.scrubAttributes(s.attributes);
      if (s.status.message !== undefined) s.status = { ...s.status, message: this.scrubber.scrubText(s.status.message) };
      for (const event of s.events) {
        event.name = this.scrubber.scrubText(event.name);
        if (event.attributes) event.attributes = this.scrubAttributes(event.attributes);
      }
      for (const link of s.links) if (link.attributes) link.attributes = this.scrubAttributes(link.attributes);
    } catch (error) {
      // A span we could not scrub must not leave: empty it rather than risk exporting it raw.
      reportError('redacting a span', error);
      const s = span as unknown as MutableSpan;
      s.name = '[REDACTED:error]';
      for (const key of Object.keys(s.attributes)) delete s.attributes[key];
      s.events.length = 0;
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * The attributes with dropped keys left out and every value scrubbed, as a new object: deleting
   * keys from the span's own object would turn it into a slow dictionary for everything after.
   */
  private scrubAttributes(attributes: Attributes): Attributes {
    const out: Attributes = {};
    for (const key in attributes) {
      const value = attributes[key];
      if (value === undefined) continue;
      const rule = this.ruleFor(key);
      switch (rule.kind) {
        case 'drop':
          break;
        case 'plain':
          out[key] = typeof value === 'string' ? this.scrubber.scrubText(value) : Array.isArray(value) ? (this.scrubber.scrubValue(key, value) as AttributeValue) : value;
          break;
        case 'sensitive':
          out[key] = this.scrubber.scrubValue(key, value) as AttributeValue;
          break;
        case 'url':
        case 'path':
          out[key] = typeof value === 'string' ? this.templated(rule.kind, value) : (this.scrubber.scrubValue(key, value) as AttributeValue);
          break;
        case 'vocabulary':
          out[key] = typeof value === 'string' && rule.values.has(value) ? value : (this.scrubber.scrubValue(key, value) as AttributeValue);
          break;
      }
    }
    return out;
  }

  private ruleFor(key: string): KeyRule {
    let rule = this.rules.get(key);
    if (rule === undefined) {
      rule = KEY_RULES.get(key) ?? (this.scrubber.isSensitiveKey(key) ? SENSITIVE : PLAIN);
      if (this.rules.size >= KEY_LIMIT) this.rules.clear();
      this.rules.set(key, rule);
    }
    return rule;
  }

  private templated(kind: 'url' | 'path', value: string): string {
    const cached = this.urls.get(value);
    if (cached !== undefined) return cached;
    const templated = kind === 'url' ? sanitizeUrl(value) : templatePath(value);
    const out = this.scrubber.scrubText(templated);
    // Only results the detectors left alone are remembered, so every redaction is still counted.
    if (out === templated) {
      if (this.urls.size >= URL_CACHE_LIMIT) this.urls.delete(this.urls.keys().next().value as string);
      this.urls.set(value, out);
    }
    return out;
  }
}
