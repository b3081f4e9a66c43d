import type { Context } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, Span, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import type { Consent } from '../consent/consent.js';
import { reportError } from '../diag.js';
import { spanCategory } from './consent-sampler.js';
import type { SpanBacklog } from './span-backlog.js';
import type { TraceSampling } from './trace-sampling.js';

/** Where a span carries its consent epoch and category: symbols, so no exporter or serialiser ever sees them. */
const EPOCH = Symbol('optel.consentEpoch');
const CATEGORY = Symbol('optel.category');
type Stamped = ReadableSpan & { [EPOCH]?: number; [CATEGORY]?: string };

/** The category a span was stamped with at its end (found again from its attributes otherwise). */
export function categoryOf(span: ReadableSpan): string {
  return (span as Stamped)[CATEGORY] ?? spanCategory(span.attributes);
}

/**
 * Remembers under which consent epoch each span ended. A revoke bumps the epoch, so spans still
 * waiting in the batch queue are recognised as stale and dropped at export, even if consent was
 * granted again in between. (The SDK has no public call to empty a batch queue.)
 *
 * The epoch is a symbol-keyed property on the span itself: every span gets the same one, so it is
 * one shared shape transition, where a WeakMap entry per span cost more than the span's redaction.
 */
export class SpanConsentGate {
  constructor(private readonly consent: Consent) {}

  /** Stamps a span that may be queued; false when its category is not granted now. */
  stamp(span: ReadableSpan): boolean {
    const category = spanCategory(span.attributes);
    if (!this.consent.isGranted(category)) return false;
    (span as Stamped)[EPOCH] = this.consent.epoch(category);
    (span as Stamped)[CATEGORY] = category;
    return true;
  }

  /** Picks up a consent change made by another process before anything is sent. */
  refresh(): void {
    this.consent.refresh();
  }

  admits(span: ReadableSpan): boolean {
    const category = categoryOf(span);
    return this.consent.isGranted(category) && (span as Stamped)[EPOCH] === this.consent.epoch(category);
  }
}

/**
 * Wraps the batching processor: only spans granted at their end are queued, only those the trace
 * sampling keeps, and only while the queue has room.
 */
export class ConsentSpanProcessor implements SpanProcessor {
  constructor(
    private readonly inner: SpanProcessor,
    private readonly gate: SpanConsentGate,
    private readonly backlog?: SpanBacklog,
    private readonly sampling?: TraceSampling,
  ) {}

  onStart(span: Span, parentContext: Context): void {
    this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // span.end() is the host's call: nothing may throw back into it (a span someone froze cannot
    // take its stamp, and is then not exported).
    try {
      if (this.sampling !== undefined && !this.sampling.keeps(span)) return;
      if (this.gate.stamp(span) && (this.backlog?.admit() ?? true)) this.inner.onEnd(span);
    } catch (error) {
      reportError('queueing a span', error);
    }
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

/** The last check before the network: drops every span whose consent was revoked since it ended. */
export class ConsentSpanExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly gate: SpanConsentGate,
    private readonly backlog?: SpanBacklog,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.backlog?.left(spans.length);
    this.gate.refresh();
    const admitted = spans.filter((s) => this.gate.admits(s));
    if (admitted.length === 0) {
      resultCallback({ code: ExportResultCode.SUCCESS });
      return;
    }
    this.inner.export(admitted, resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
