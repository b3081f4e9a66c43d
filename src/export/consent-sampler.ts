import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import { type Sampler, SamplingDecision, type SamplingResult } from '@opentelemetry/sdk-trace';
import { CATEGORY_ATTRIBUTE } from '../catalog/catalog.js';
import type { Consent } from '../consent/consent.js';
import type { SpanBacklog } from './span-backlog.js';

/** Spans without a category are HTTP auto-instrumentation: they measure performance. */
const DEFAULT_SPAN_CATEGORY = 'performance';

export function spanCategory(attributes: Attributes): string {
  const c = attributes[CATEGORY_ATTRIBUTE];
  return typeof c === 'string' ? c : DEFAULT_SPAN_CATEGORY;
}

const NOT_RECORDED: SamplingResult = Object.freeze({ decision: SamplingDecision.NOT_RECORD });
const RECORDED: SamplingResult = Object.freeze({ decision: SamplingDecision.RECORD_AND_SAMPLED });

/**
 * Decides at span start: a span whose category is not granted is never recorded, so it costs
 * next to nothing and can never be queued. Nor is one that would find the export queue full at its
 * end: it is counted as dropped instead of being built, redacted and then thrown away.
 */
export class ConsentSampler implements Sampler {
  constructor(
    private readonly consent: Consent,
    private readonly backlog?: SpanBacklog,
  ) {}

  shouldSample(_context: Context, _traceId: string, _name: string, _kind: SpanKind, attributes: Attributes, _links: Link[]): SamplingResult {
    if (!this.consent.isGranted(spanCategory(attributes))) return NOT_RECORDED;
    if (this.backlog?.full) {
      this.backlog.refused();
      return NOT_RECORDED;
    }
    return RECORDED;
  }

  toString(): string {
    return 'ConsentSampler';
  }
}
