import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import { type Sampler, SamplingDecision, type SamplingResult } from '@opentelemetry/sdk-trace';
import { CATEGORY_ATTRIBUTE } from '../catalog/catalog.js';
import type { Consent } from '../consent/consent.js';

/** Spans without a category are HTTP auto-instrumentation: they measure performance. */
const DEFAULT_SPAN_CATEGORY = 'performance';

export function spanCategory(attributes: Attributes): string {
  const c = attributes[CATEGORY_ATTRIBUTE];
  return typeof c === 'string' ? c : DEFAULT_SPAN_CATEGORY;
}

/**
 * Decides at span start: a span whose category is not granted is never recorded, so it costs
 * next to nothing and can never be queued.
 */
export class ConsentSampler implements Sampler {
  constructor(private readonly consent: Consent) {}

  shouldSample(_context: Context, _traceId: string, _name: string, _kind: SpanKind, attributes: Attributes, _links: Link[]): SamplingResult {
    return { decision: this.consent.isGranted(spanCategory(attributes)) ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return 'ConsentSampler';
  }
}
