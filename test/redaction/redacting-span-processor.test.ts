import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { RedactingSpanProcessor } from '../../src/redaction/redacting-span-processor.js';
import { Scrubber } from '../../src/redaction/scrubber.js';

function setup(order: 'redactor-first' | 'exporter-first' = 'redactor-first') {
  const memory = new InMemorySpanExporter();
  const redactor = new RedactingSpanProcessor(new Scrubber());
  const exporting = new SimpleSpanProcessor({ exporter: memory });
  const provider = new TracerProvider({ spanProcessors: order === 'redactor-first' ? [redactor, exporting] : [exporting, redactor] });
  return { tracer: provider.getTracer('t'), memory };
}

describe('RedactingSpanProcessor', () => {
  it('scrubs name, attributes, events, exception, status and links before the exporter sees them', () => {
    const { tracer, memory } = setup();
    const link = tracer.startSpan('linked').spanContext();
    const span = tracer.startSpan('login bob@example.com', {
      attributes: { 'app.note': 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'db.password': 'pw', count: 3, list: ['ok', 'carol@example.com'] },
      links: [{ context: link, attributes: { who: 'dave@example.com' } }],
    });
    span.addEvent('mail to erin@example.com', { to: 'erin@example.com' });
    span.recordException(new Error('failed for frank@example.com at /Users/frank/app.js'));
    span.setStatus({ code: 2, message: 'grace@example.com not found' });
    span.end();
    const s = memory.getFinishedSpans().find((x) => x.name.startsWith('login'))!;
    const text = JSON.stringify({ name: s.name, a: s.attributes, e: s.events, st: s.status, l: s.links.map((l) => l.attributes) });
    for (const who of ['bob', 'ghp_', 'carol', 'dave', 'erin', 'frank', 'grace', '"pw"']) expect(text, who).not.toContain(who);
    expect(s.name).toBe('login [REDACTED:email]');
    expect(s.attributes['db.password']).toBe('[REDACTED]');
    expect(s.attributes.count).toBe(3);
    expect(s.attributes.list).toEqual(['ok', '[REDACTED:email]']);
    expect(s.events[1]!.attributes!['exception.stacktrace']).toContain('/Users/<user>/');
  });

  it('removes client addresses and user agents, strips URL queries and templates paths', () => {
    const { tracer, memory } = setup();
    tracer.startSpan('GET', {
      attributes: { 'client.address': '198.51.100.7', 'user_agent.original': 'Mozilla/5.0', 'url.full': 'http://h:8080/orders/981273?token=abc', 'url.path': '/orders/981273', 'url.query': 'token=abc', 'http.request.method': 'GET' },
    }).end();
    expect(memory.getFinishedSpans()[0]!.attributes).toEqual({ 'url.full': 'http://h:8080/orders/:id', 'url.path': '/orders/:id', 'http.request.method': 'GET' });
  });

  it("scrubs in onEnding, before any processor's onEnd, whatever the processor order", () => {
    const { tracer, memory } = setup('exporter-first');
    tracer.startSpan('x', { attributes: { email: 'late@example.com' } }).end();
    // SimpleSpanProcessor exports in onEnd, after every onEnding: so even second, the span is scrubbed.
    expect(memory.getFinishedSpans()[0]!.attributes.email).toBe('[REDACTED]');
  });

  it('skips the detectors for a fixed-vocabulary value, and scrubs one outside the vocabulary', () => {
    const { tracer, memory } = setup();
    tracer.startSpan('GET', { attributes: { 'http.request.method': 'GET', 'url.scheme': 'https', 'network.protocol.version': '1.1' } }).end();
    // A method no server sends is free text again: a planted address is caught.
    tracer.startSpan('X', { attributes: { 'http.request.method': 'x bob@example.com', 'url.scheme': 'https://bob@example.com' } }).end();
    const [ordinary, planted] = memory.getFinishedSpans();
    expect(ordinary!.attributes).toEqual({ 'http.request.method': 'GET', 'url.scheme': 'https', 'network.protocol.version': '1.1' });
    expect(JSON.stringify(planted!.attributes)).not.toContain('bob@example.com');
  });

  it('leaves ordinary spans untouched', () => {
    const { tracer, memory } = setup();
    tracer.startSpan('load_data', { attributes: { operation: 'load_data', 'http.response.status_code': 200, version: '1.2.3' } }).end();
    expect(memory.getFinishedSpans()[0]!.attributes).toEqual({ operation: 'load_data', 'http.response.status_code': 200, version: '1.2.3' });
  });
});
