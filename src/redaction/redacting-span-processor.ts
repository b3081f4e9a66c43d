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
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly scrubber: Scrubber) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnding(span: Span): void {
    try {
      const s = span as unknown as MutableSpan;
      s.name = this.scrubber.scrubText(s.name);
      this.scrubAttributes(s.attributes);
      if (s.status.message !== undefined) s.status = { ...s.status, message: this.scrubber.scrubText(s.status.message) };
      for (const event of s.events) {
        event.name = this.scrubber.scrubText(event.name);
        if (event.attributes) this.scrubAttributes(event.attributes);
      }
      for (const link of s.links) if (link.attributes) this.scrubAttributes(link.attributes);
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

  /** Scrubs in place; exported so tests and other processors can apply the same rules. */
  private scrubAttributes(attributes: Attributes): void {
    for (const key of Object.keys(attributes)) {
      if (DROPPED_SPAN_ATTRIBUTES.has(key)) {
        delete attributes[key];
        continue;
      }
      const value = attributes[key];
      if (typeof value === 'string') {
        if (FIXED_VOCABULARY.get(key)?.has(value)) continue;
        if (URL_KEYS.has(key)) attributes[key] = this.scrubber.scrubText(sanitizeUrl(value));
        else if (PATH_KEYS.has(key)) attributes[key] = this.scrubber.scrubText(templatePath(value));
        else attributes[key] = this.scrubber.scrubValue(key, value) as AttributeValue;
      } else if (value !== undefined) {
        attributes[key] = this.scrubber.scrubValue(key, value) as AttributeValue;
      }
    }
  }
}
