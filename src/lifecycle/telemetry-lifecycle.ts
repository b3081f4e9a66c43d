import type { Consent, ConsentChange } from '../consent/consent.js';
import { reportError } from '../diag.js';
import type { DeliveryOutcome } from '../userdata/deletion-request.js';
import type { OptOut } from './opt-out.js';

/** The running SDK as the lifecycle drives it (src/sdk.ts, with what runs beside it). */
export interface RunningTelemetry {
  /** Pushes out what the still-granted categories have pending; drops (and purges) the revoked. */
  flushAfterRevoke(): Promise<void>;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * - `off`: nothing granted, or granted but not started yet: no SDK, no patched module, no socket.
 * - `awaiting_deletion`: a deletion request must reach the backend before anything else is sent.
 * - `running`: the SDK exports what is granted.
 * - `stopping`: everything was revoked; the SDK drops what is pending and shuts down. A grant
 *   meanwhile starts a new SDK only once this one is gone (one set of OTel globals at a time).
 * - `closed`: shutdown() was called; nothing starts again.
 */
export type LifecycleState =
  | { readonly kind: 'off' }
  | { readonly kind: 'awaiting_deletion'; readonly attempt: Promise<DeliveryOutcome> }
  | { readonly kind: 'running'; readonly telemetry: RunningTelemetry }
  | { readonly kind: 'stopping'; readonly done: Promise<void> }
  | { readonly kind: 'closed' };

/**
 * What happens when consent changes, in one place, used by register(): start the SDK on a grant,
 * drop what a revoke removed, stop and forget the id on a full opt-out, send and retry the deletion
 * request (through OptOut, which the `optel` command uses too).
 */
export class TelemetryLifecycle {
  private state: LifecycleState = { kind: 'off' };
  private lastRevoke: Promise<unknown> = Promise.resolve();
  private lastOptOut: Promise<DeliveryOutcome> = Promise.resolve('none');

  constructor(
    private readonly consent: Consent,
    private readonly optOut: OptOut,
    /** Builds and starts the SDK; may throw (reported, and the state stays `off`). */
    private readonly start: () => RunningTelemetry,
  ) {}

  get current(): LifecycleState['kind'] {
    return this.state.kind;
  }

  /** At register(): a pending deletion request goes first; otherwise start if anything is granted. */
  begin(): void {
    if (this.optOut.pending()) void this.attemptDeletion();
    else this.startIfGranted();
  }

  onConsentChange(change: ConsentChange): void {
    if (this.state.kind === 'closed') return;
    if (change.granted.length > 0) this.startIfGranted();
    if (change.revoked.length === 0) return;
    if (this.consent.anyGranted()) {
      const running = this.state.kind === 'running' ? this.state.telemetry : undefined;
      this.lastRevoke = (running?.flushAfterRevoke() ?? Promise.resolve()).catch((e) => reportError('dropping revoked data', e));
    } else {
      this.lastRevoke = this.lastOptOut = this.optOutNow().catch((e) => (reportError('opting out', e), 'failed' as const));
    }
  }

  /** Resolves once what the latest revoke set in motion is done (its data dropped, from disk too). */
  revokeSettled(): Promise<unknown> {
    return this.lastRevoke;
  }

  /** Resolves with how the latest full opt-out's deletion request went. */
  optOutSettled(): Promise<DeliveryOutcome> {
    return this.lastOptOut;
  }

  forceFlush(): Promise<void> {
    return this.state.kind === 'running' ? this.state.telemetry.forceFlush() : Promise.resolve();
  }

  async shutdown(): Promise<void> {
    const before = this.state;
    this.state = { kind: 'closed' };
    await this.lastOptOut;
    if (before.kind === 'running') await before.telemetry.shutdown();
    if (before.kind === 'stopping') await before.done;
  }

  private startIfGranted(): void {
    switch (this.state.kind) {
      case 'off':
        if (!this.consent.anyGranted()) return;
        try {
          this.state = { kind: 'running', telemetry: this.start() };
        } catch (error) {
          reportError('starting the OpenTelemetry SDK', error);
        }
        return;
      case 'stopping':
        void this.state.done.then(() => this.startIfGranted());
        return;
      case 'awaiting_deletion': // starts once the request is delivered or given up
      case 'running':
      case 'closed':
        return;
    }
  }

  private async optOutNow(): Promise<DeliveryOutcome> {
    if (this.state.kind === 'running') {
      const telemetry = this.state.telemetry;
      const done = (async () => {
        await telemetry.flushAfterRevoke();
        await telemetry.shutdown();
      })();
      const stopping: LifecycleState = { kind: 'stopping', done: done.catch((e) => reportError('stopping the SDK', e)) };
      this.state = stopping;
      try {
        await done;
      } finally {
        if (this.state === stopping) this.state = { kind: 'off' };
      }
    } else if (this.state.kind === 'stopping') {
      await this.state.done;
    }
    if (!this.optOut.forget()) return 'none';
    return this.attemptDeletion();
  }

  private attemptDeletion(): Promise<DeliveryOutcome> {
    const attempt: Promise<DeliveryOutcome> = this.optOut.deliver().then(
      (outcome) => {
        // Delivered or given up: what is granted may flow again. Failed: it waits for the next start.
        if (outcome !== 'failed' && this.state.kind === 'awaiting_deletion' && this.state.attempt === attempt) {
          this.state = { kind: 'off' };
          this.startIfGranted();
        }
        return outcome;
      },
      (error: unknown) => {
        reportError('delivering a deletion request', error);
        return 'failed' as const;
      },
    );
    if (this.state.kind === 'off' || this.state.kind === 'awaiting_deletion') this.state = { kind: 'awaiting_deletion', attempt };
    return attempt;
  }
}
