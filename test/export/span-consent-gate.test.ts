import { join } from 'node:path';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { Consent } from '../../src/consent/consent.js';
import { ConsentStore } from '../../src/consent/store.js';
import { ConsentSampler } from '../../src/export/consent-sampler.js';
import { ConsentSpanExporter, ConsentSpanProcessor, SpanConsentGate } from '../../src/export/span-consent-gate.js';
import { tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();

function setup() {
  const file = join(tmp.dir, `c${Math.random()}.json`);
  writeConsent(file, { performance: true, feature_usage: true });
  const consent = new Consent(['performance', 'feature_usage'], new ConsentStore(file), undefined);
  const gate = new SpanConsentGate(consent);
  const memory = new InMemorySpanExporter();
  const held: ReadableSpan[] = [];
  // A "queue" we control: spans wait here until we export them, like a batch processor's queue.
  const queue = { onStart() {}, onEnd: (s: ReadableSpan) => void held.push(s), forceFlush: async () => {}, shutdown: async () => {} };
  const provider = new TracerProvider({ sampler: new ConsentSampler(consent), spanProcessors: [new ConsentSpanProcessor(queue, gate)] });
  const exporter = new ConsentSpanExporter(memory, gate);
  const flush = () => new Promise<void>((r) => exporter.export(held.splice(0), () => r()));
  return { consent, provider, memory, held, flush };
}

describe('span consent gate', () => {
  it('does not record spans of a category that is not granted', () => {
    const { consent, provider, held } = setup();
    consent.revoke(['feature_usage']);
    const span = provider.getTracer('t').startSpan('x', { attributes: { 'optel.category': 'feature_usage' } });
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(held).toHaveLength(0);
  });

  it('drops queued spans when their category is revoked, even after a new grant', async () => {
    const { consent, provider, memory, held, flush } = setup();
    provider.getTracer('t').startSpan('old', { attributes: { 'optel.category': 'feature_usage' } }).end();
    provider.getTracer('t').startSpan('perf').end();
    expect(held).toHaveLength(2);
    consent.revoke(['feature_usage']);
    consent.grant(['feature_usage']);
    provider.getTracer('t').startSpan('new', { attributes: { 'optel.category': 'feature_usage' } }).end();
    await flush();
    expect(memory.getFinishedSpans().map((s) => s.name)).toEqual(['perf', 'new']);
  });

  it("a span that cannot take its stamp is not queued, and span.end() does not throw into the host", () => {
    const { held } = setup();
    const file = join(tmp.dir, `f${Math.random()}.json`);
    writeConsent(file, { performance: true });
    const consent = new Consent(['performance'], new ConsentStore(file), undefined);
    const queue = { onStart() {}, onEnd: (s: ReadableSpan) => void held.push(s), forceFlush: async () => {}, shutdown: async () => {} };
    // A processor ahead of ours that freezes the span (nothing in optel does; an app's might).
    const freezer = { onStart() {}, onEnd: (s: ReadableSpan) => void Object.freeze(s), forceFlush: async () => {}, shutdown: async () => {} };
    const provider = new TracerProvider({ spanProcessors: [freezer, new ConsentSpanProcessor(queue, new SpanConsentGate(consent))] });
    const span = provider.getTracer('t').startSpan('frozen');
    expect(() => span.end()).not.toThrow();
    expect(held).toHaveLength(0);
  });

  it('treats spans without a category as performance (HTTP instrumentation)', async () => {
    const { consent, provider, memory, flush } = setup();
    consent.revoke(['performance']);
    const s = provider.getTracer('t').startSpan('GET');
    expect(s.isRecording()).toBe(false);
    s.end();
    await flush();
    expect(memory.getFinishedSpans()).toHaveLength(0);
  });
});
