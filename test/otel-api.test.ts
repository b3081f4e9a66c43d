import { describe, expect, it } from 'vitest';
import * as esm from '@opentelemetry/api';
import { otelApi, SPAN_KIND_INTERNAL, SPAN_STATUS_ERROR } from '../src/otel-api.js';

describe('otelApi', () => {
  it('shares its global registry with the API the SDK imports, whichever copy loads first', () => {
    const lazy = otelApi();
    const provider = esm.trace.getTracerProvider();
    expect(lazy.trace.getTracerProvider()).toBe(provider);
    expect(lazy.context.active()).toBe(esm.context.active());
  });

  it('has the API enum values optel uses as numbers', () => {
    expect(SPAN_STATUS_ERROR).toBe(esm.SpanStatusCode.ERROR);
    expect(SPAN_KIND_INTERNAL).toBe(esm.SpanKind.INTERNAL);
  });
});
