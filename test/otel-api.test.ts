import * as esm from '@opentelemetry/api';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { otelApi, SPAN_KIND_INTERNAL, SPAN_STATUS_ERROR } from '../src/otel-api.js';

describe('otelApi', () => {
  afterEach(() => esm.trace.disable());

  it('sees the providers the SDK registers through its own copy of the API', () => {
    expect(otelApi().trace.getTracer('t').startSpan('before').isRecording()).toBe(false);
    esm.trace.setGlobalTracerProvider(new TracerProvider());
    const span = otelApi().trace.getTracer('t').startSpan('after');
    expect(span.isRecording()).toBe(true);
    span.end();
  });

  it('puts a span into a context the other copy reads back', () => {
    esm.trace.setGlobalTracerProvider(new TracerProvider());
    const span = esm.trace.getTracer('t').startSpan('s');
    const ctx = otelApi().trace.setSpan(esm.context.active(), span);
    expect(esm.trace.getSpan(ctx)).toBe(span);
    span.end();
  });

  it('has the API enum values optel uses as numbers', () => {
    expect(SPAN_STATUS_ERROR).toBe(esm.SpanStatusCode.ERROR);
    expect(SPAN_KIND_INTERNAL).toBe(esm.SpanKind.INTERNAL);
  });
});
