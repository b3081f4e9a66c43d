import { randomBytes } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { TraceSampling, traceInSample } from '../../src/export/trace-sampling.js';

describe('traceInSample', () => {
  it('takes about the ratio of random trace ids, the same answer for the same id', () => {
    const ids = Array.from({ length: 20_000 }, () => randomBytes(16).toString('hex'));
    const share = ids.filter((id) => traceInSample(id, 0.1)).length / ids.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
    for (const id of ids.slice(0, 100)) expect(traceInSample(id, 0.1)).toBe(traceInSample(id, 0.1));
    expect(ids.every((id) => traceInSample(id, 1))).toBe(true);
    expect(ids.some((id) => traceInSample(id, 0))).toBe(false);
  });
});

describe('TraceSampling', () => {
  const spans = () => {
    const memory = new InMemorySpanExporter();
    const tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: memory })] }).getTracer('t');
    return { tracer, memory };
  };

  it('keeps every span that failed, holds an exception or reports an error, whatever the ratio', () => {
    const { tracer, memory } = spans();
    tracer.startSpan('failed').setStatus({ code: SpanStatusCode.ERROR }).end();
    const withException = tracer.startSpan('threw');
    withException.recordException(new Error('boom'));
    withException.end();
    tracer.startSpan('errors.crashes', { attributes: { 'optel.category': 'errors' } }).end();
    const none = new TraceSampling(0);
    expect(memory.getFinishedSpans().map((s) => none.keeps(s))).toEqual([true, true, true]);
  });

  it('keeps ordinary spans by their trace: all of a trace or none of it', () => {
    const { tracer, memory } = spans();
    for (let i = 0; i < 2000; i++) tracer.startSpan(`GET /${i}`).end();
    const sampling = new TraceSampling(0.25);
    const kept = memory.getFinishedSpans().filter((s) => sampling.keeps(s)).length;
    expect(kept).toBeGreaterThan(400);
    expect(kept).toBeLessThan(600);
    expect(memory.getFinishedSpans().every((s) => new TraceSampling(1).keeps(s))).toBe(true);
  });
});
