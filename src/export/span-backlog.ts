/**
 * How many ended spans wait in the batch queue, kept beside the SDK's queue so that a span which
 * would find it full is never recorded: the sampler turns it down at start (no span object, no
 * attributes, no redaction for a span the queue would drop at its end) and counts it. The SDK's
 * own overflow drops silently, after all that work.
 */
export class SpanBacklog {
  private queued = 0;

  constructor(
    readonly capacity: number,
    private readonly onDropped: (count: number) => void,
  ) {}

  /** True while the queue is full: a new span would be dropped. */
  get full(): boolean {
    return this.queued >= this.capacity;
  }

  /** A span is turned down at start because the queue is full. */
  refused(): void {
    this.onDropped(1);
  }

  /** A span ended and wants the queue: false (and counted) when it is full. */
  admit(): boolean {
    if (this.queued >= this.capacity) {
      this.onDropped(1);
      return false;
    }
    this.queued++;
    return true;
  }

  /** The batch processor handed `count` spans to its exporter: they left the queue. */
  left(count: number): void {
    this.queued = Math.max(0, this.queued - count);
  }

  /** Spans that left the queue without an export (a revoke emptied it). */
  clear(): void {
    this.queued = 0;
  }
}
