import { diag } from '@opentelemetry/api';
import { reportError } from '../diag.js';
import type { ExportListener, Signal } from './observed-exporters.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { OtlpTransport } from './otlp-transport.js';

export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

const DEFAULT_BACKOFF: Backoff = { baseMs: 1000, maxMs: 5 * 60 * 1000 };

/** Exponential, with full jitter in its upper half, so many apps coming back do not retry in step. */
export function backoffMs(attempts: number, b: Backoff, random = Math.random): number {
  const ceiling = Math.min(b.maxMs, b.baseMs * 2 ** Math.min(attempts, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Sends the outbox's entries in order, one at a time. A refused or unreachable Collector pauses
 * delivery (for its Retry-After, or an exponential backoff) and keeps the entry; a request it
 * rejects for good is dropped and counted. Nothing is sent for a category that is not granted
 * at send time. The timer never keeps the host process alive.
 */
export class OutboxDelivery {
  private draining: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;
  private stopped = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly transports: Readonly<Record<Signal, OtlpTransport>>,
    private readonly admits: (category: string) => boolean,
    private readonly listener: ExportListener,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
  ) {}

  /** Something was added: send it now unless delivery is paused. */
  kick(): void {
    if (this.stopped || this.draining) return;
    this.draining = this.drain(Date.now() >= this.pausedUntil ? Infinity : 0)
      .catch((error) => reportError('delivering telemetry', error))
      .finally(() => {
        this.draining = undefined;
        this.schedule();
      });
  }

  /** Waits for what is being sent; sends what is due. For forceFlush(). */
  async flushDue(): Promise<void> {
    this.kick();
    await this.draining;
  }

  /**
   * Before the process goes: one attempt for every entry, paused or not, until `deadlineMs`
   * passes; what is left stays in the outbox for the next start.
   */
  async flushAll(deadlineMs: number): Promise<void> {
    await this.draining;
    this.pausedUntil = 0;
    const until = Date.now() + deadlineMs;
    this.draining = this.drain(until).finally(() => {
      this.draining = undefined;
    });
    await this.draining;
  }

  /** The process is ending: requests in flight are abandoned (their entries stay). */
  abortInFlight(): void {
    for (const t of Object.values(this.transports)) t.abortAll();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Sends until the outbox is empty, delivery has to pause, or `until` (ms since epoch; 0: nothing) passes. */
  private async drain(until: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (this.stopped && until === Infinity) return;
      if (now >= until || now < this.pausedUntil) return;
      const entry = this.outbox.next(now);
      if (!entry) return;
      if (!this.admits(entry.category)) {
        await this.outbox.remove(entry); // revoked while it waited: it never leaves
        continue;
      }
      const outcome = await this.transports[entry.signal].send(entry.body);
      if (outcome.status === 'delivered') {
        this.notify(entry, true);
        await this.outbox.remove(entry);
      } else if (outcome.status === 'rejected') {
        diag.warn(`optel: the Collector rejected a ${entry.signal} request (${outcome.reason}); it is dropped and counted`);
        this.notify(entry, false);
        await this.outbox.remove(entry, 'rejected');
      } else {
        const delay = outcome.retryAfterMs ?? backoffMs(entry.attempts, this.backoff);
        this.pausedUntil = Date.now() + delay;
        diag.debug(`optel: delivery paused for ${delay} ms (${outcome.reason})`);
        await this.outbox.retryLater(entry, delay);
        return;
      }
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped || this.outbox.size === 0) return;
    const wait = Math.max(0, this.pausedUntil - Date.now());
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref();
  }

  private notify(entry: OutboxEntry, delivered: boolean): void {
    try {
      this.listener(entry.signal, this.transports[entry.signal].url, delivered, entry.body);
    } catch (error) {
      reportError('recording an export', error);
    }
  }
}
