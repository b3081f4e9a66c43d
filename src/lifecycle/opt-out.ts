import type { DeliveryOutcome } from '../userdata/deletion-request.js';
import type { UserData } from '../userdata/user-data.js';

/** How an app reaches its backend, as register() resolved it and optel-app.json records it. */
export interface OptOutTarget {
  readonly serviceName: string;
  /** OTLP base URL; undefined in Prometheus mode (no id ever left, nothing to ask the backend). */
  readonly endpoint: string | undefined;
  readonly timeoutMs: number;
}

/**
 * What leaving means, for the library and the `optel` command alike, so the two never disagree:
 * local traces of the user go (audit log, outbox, installation id), and if the id ever left the
 * process a deletion request is queued and sent, with the same transport settings as exports.
 */
export class OptOut {
  constructor(
    private readonly userData: UserData,
    private readonly target: OptOutTarget,
    private readonly debug?: (line: string) => void,
  ) {}

  /**
   * Forgets what is local; returns whether this call queued a deletion request. Not whether one is
   * pending: another process (the `optel` command, while this app watches the consent file) may
   * have queued the same one and be delivering it.
   */
  forget(): boolean {
    return this.userData.forgetAfterOptOut(this.target.serviceName, this.target.endpoint) !== undefined;
  }

  /** `optel delete` / `userData.delete()`: everything, the consent record and crash spool included. */
  deleteAll(): void {
    this.userData.deleteAll(this.target.serviceName, this.target.endpoint);
  }

  pending(): boolean {
    return this.userData.deletions.pending() !== undefined;
  }

  /** One attempt at delivering the pending deletion request (bounded retries across starts). */
  deliver(): Promise<DeliveryOutcome> {
    return this.userData.deletions.deliver({ timeoutMs: this.target.timeoutMs, ...(this.debug ? { debug: this.debug } : {}) });
  }

  /** What to tell the user about the deletion request after an attempt. */
  static summary(outcome: DeliveryOutcome, stillPending: boolean): 'delivered' | 'pending' | 'not-needed' {
    if (outcome === 'delivered' || outcome === 'printed') return 'delivered';
    return stillPending ? 'pending' : 'not-needed';
  }
}
