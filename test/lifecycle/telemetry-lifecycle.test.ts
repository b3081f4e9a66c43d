import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Consent } from '../../src/consent/consent.js';
import { ConsentStore } from '../../src/consent/store.js';
import type { OptOut } from '../../src/lifecycle/opt-out.js';
import { type RunningTelemetry, TelemetryLifecycle } from '../../src/lifecycle/telemetry-lifecycle.js';
import type { DeliveryOutcome } from '../../src/userdata/deletion-request.js';
import { tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();
let n = 0;

/** A lifecycle over a real Consent, with an SDK and an opt-out that record what was asked of them. */
function setup(options: { pendingDeletion?: boolean; deliver?: () => Promise<DeliveryOutcome>; shutdownMs?: number; grantedAtStart?: boolean } = {}) {
  const file = join(tmp.dir, `c${n++}.json`);
  if (options.grantedAtStart) writeConsent(file, { a: true, b: true });
  const consent = new Consent(['a', 'b'], new ConsentStore(file), undefined);
  const log: string[] = [];
  let pending = options.pendingDeletion ?? false;
  const optOut = {
    pending: () => pending,
    forget: () => {
      log.push('forget');
      pending = true;
      return true;
    },
    deliver: async () => {
      log.push('deliver');
      const outcome = await (options.deliver?.() ?? Promise.resolve<DeliveryOutcome>('delivered'));
      if (outcome !== 'failed') pending = false;
      return outcome;
    },
  } as unknown as OptOut;
  let starts = 0;
  const start = (): RunningTelemetry => {
    const id = ++starts;
    log.push(`start ${id}`);
    return {
      flushAfterRevoke: async () => void log.push(`flush ${id}`),
      forceFlush: async () => {},
      shutdown: async () => {
        await new Promise((r) => setTimeout(r, options.shutdownMs ?? 0));
        log.push(`stopped ${id}`);
      },
    };
  };
  const lifecycle = new TelemetryLifecycle(consent, optOut, start);
  consent.onChange((c) => lifecycle.onConsentChange(c));
  return { consent, lifecycle, log };
}

describe('TelemetryLifecycle', () => {
  it('stays off until something is granted, and runs from the first grant', () => {
    const { consent, lifecycle, log } = setup();
    lifecycle.begin();
    expect(lifecycle.current).toBe('off');
    consent.grant(['a']);
    expect(lifecycle.current).toBe('running');
    consent.grant(['b']);
    expect(log).toEqual(['start 1']);
  });

  it('a partial revoke drops what was revoked and keeps running; a full one stops, forgets and asks for deletion', async () => {
    const { consent, lifecycle, log } = setup();
    consent.grant();
    consent.revoke(['a']);
    await lifecycle.revokeSettled();
    expect(lifecycle.current).toBe('running');
    consent.revoke();
    expect(lifecycle.current).toBe('stopping');
    expect(await lifecycle.optOutSettled()).toBe('delivered');
    expect(log).toEqual(['start 1', 'flush 1', 'flush 1', 'stopped 1', 'forget', 'deliver']);
    expect(lifecycle.current).toBe('off');
  });

  it('a grant while the SDK stops starts a new one only after the old one is gone, and after the deletion request', async () => {
    const { consent, lifecycle, log } = setup({ shutdownMs: 30 });
    consent.grant();
    consent.revoke();
    consent.grant();
    expect(lifecycle.current).toBe('stopping');
    await lifecycle.optOutSettled();
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['start 1', 'flush 1', 'stopped 1', 'forget', 'deliver', 'start 2']);
    expect(lifecycle.current).toBe('running');
  });

  it('a pending deletion request holds everything back until it is delivered; a failed attempt keeps holding', async () => {
    let answer: DeliveryOutcome = 'failed';
    const { consent, lifecycle, log } = setup({ pendingDeletion: true, deliver: async () => answer, grantedAtStart: true });
    lifecycle.begin();
    consent.grant(['a']); // a grant meanwhile does not start anything either
    expect(lifecycle.current).toBe('awaiting_deletion');
    await new Promise((r) => setTimeout(r, 5));
    expect(lifecycle.current).toBe('awaiting_deletion');
    expect(log).toEqual(['deliver']);
    // The next start tries again; delivered, what is granted flows.
    answer = 'delivered';
    const next = setup({ pendingDeletion: true, deliver: async () => answer, grantedAtStart: true });
    next.lifecycle.begin();
    await new Promise((r) => setTimeout(r, 5));
    expect(next.log).toEqual(['deliver', 'start 1']);
    expect(next.lifecycle.current).toBe('running');
  });

  it('after shutdown nothing starts again', async () => {
    const { consent, lifecycle, log } = setup();
    consent.grant();
    await lifecycle.shutdown();
    expect(lifecycle.current).toBe('closed');
    consent.revoke();
    consent.grant();
    expect(log).toEqual(['start 1', 'stopped 1']);
  });
});
