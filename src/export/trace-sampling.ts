import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { spanCategory } from './consent-sampler.js';

/** Whether a trace is in the sampled share: decided from its id, so every span of one trace agrees. */
export function traceInSample(traceId: string, ratio: number): boolean {
  if (ratio >= 1) return true;
  if (ratio <= 0) return false;
  // The last 8 hex digits: random bits in a W3C trace id, read as a number in [0, 1).
  const n = Number.parseInt(traceId.slice(-8), 16);
  return Number.isFinite(n) && n / 0x1_0000_0000 < ratio;
}

/**
 * Trace sampling at span end, where the outcome is known: a span that ended in error, holds an
 * exception, or reports an error or crash is always kept; any other is kept when its trace is in
 * the sampled share. Only spans are sampled: metrics (HTTP request counts and durations, error
 * counters) are recorded for every request, so the rates and ratios built on them stay exact.
 */
export class TraceSampling {
  constructor(readonly ratio: number) {}

  keeps(span: ReadableSpan): boolean {
    if (this.ratio >= 1) return true;
    if (span.status.code === SpanStatusCode.ERROR) return true;
    if (spanCategory(span.attributes) === 'errors') return true;
    for (const event of span.events) if (event.name === 'exception') return true;
    return traceInSample(span.spanContext().traceId, this.ratio);
  }
}
