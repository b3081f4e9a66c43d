import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { Scrubber } from './scrubber.js';
import { sanitizeUrl, templatePath } from './url.js';

/** Attributes that identify a person or their machine whatever their value: removed outright. */
const DROPPED_ATTRIBUTES: ReadonlySet<string> = new Set([
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
  ...[...DROPPED_ATTRIBUTES].map((k) => [k, { kind: 'drop' }] as const),
  ...[...URL_KEYS].map((k) => [k, { kind: 'url' }] as const),
  ...[...PATH_KEYS].map((k) => [k, { kind: 'path' }] as const),
  ...[...FIXED_VOCABULARY].map(([k, values]) => [k, { kind: 'vocabulary', values }] as const),
]);

const PLAIN: KeyRule = { kind: 'plain' };
const SENSITIVE: KeyRule = { kind: 'sensitive' };
/** Keys are few and repeat; values of URL and path keys often repeat too (routes, health checks). */
const KEY_LIMIT = 4096;
const URL_CACHE_LIMIT = 1024;

/**
 * The attribute policy of everything the OTel instrumentation records (span, event and link
 * attributes, and the attributes of the HTTP metrics): one rule per key, looked up once, then
 * applied to each value. Keys that identify a person or their machine are dropped; URLs and paths
 * are templated and stripped of their query; values from a fixed vocabulary skip the detectors;
 * every other value is scrubbed.
 */
export class AttributeRedactor {
  /** Each key's rule, with the scrubber's sensitive-key decision folded in. */
  private readonly rules = new Map<string, KeyRule>();
  /** Recent URLs and paths with their templated, scrubbed form; first in, first out. */
  private readonly urls = new Map<string, string>();

  constructor(private readonly scrubber: Scrubber) {}

  /**
   * The attributes with dropped keys left out and every value scrubbed, as a new object: deleting
   * keys from the span's own object would turn it into a slow dictionary for everything after.
   */
  /**
   * The attributes with dropped keys left out and every value scrubbed. The caller's own object
   * when nothing changed (most metric attribute sets: no garbage per recording); otherwise a new
   * one, since deleting keys from the caller's object would turn it into a slow dictionary.
   */
  redact(attributes: Attributes): Attributes {
    const out: Attributes = {};
    let changed = false;
    for (const key in attributes) {
      const value = attributes[key];
      if (value === undefined) continue;
      const rule = this.ruleFor(key);
      let next: AttributeValue | undefined;
      switch (rule.kind) {
        case 'drop':
          changed = true;
          continue;
        case 'plain':
          next = typeof value === 'string' ? this.scrubber.scrubText(value) : Array.isArray(value) ? (this.scrubber.scrubValue(key, value) as AttributeValue) : value;
          break;
        case 'sensitive':
          next = this.scrubber.scrubValue(key, value) as AttributeValue;
          break;
        case 'url':
        case 'path':
          next = typeof value === 'string' ? this.templated(rule.kind, value) : (this.scrubber.scrubValue(key, value) as AttributeValue);
          break;
        case 'vocabulary':
          next = typeof value === 'string' && rule.values.has(value) ? value : (this.scrubber.scrubValue(key, value) as AttributeValue);
          break;
      }
      if (next !== value) changed = true;
      out[key] = next;
    }
    return changed ? out : attributes;
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
