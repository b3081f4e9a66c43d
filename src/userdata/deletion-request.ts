import { randomBytes } from 'node:crypto';
import { diag } from '@opentelemetry/api';
import { VERSION } from '../version.js';
import { readJson, removeFile, writeJson } from './json-file.js';

/** A request to delete everything recorded under an installation id that has left the process. */
export interface PendingDeletion {
  readonly oldId: string;
  readonly serviceName: string;
  /** OTLP/HTTP base URL it goes to. */
  readonly endpoint: string;
  readonly createdAt: string;
  readonly attempts: number;
}

/** Tries at delivery across starts; after that the request is given up, with a diagnostic. */
export const MAX_DELETION_ATTEMPTS = 5;
export const DELETION_SPAN_NAME = 'optel.deletion_request';

export type DeliveryOutcome = 'delivered' | 'failed' | 'abandoned' | 'none' | 'printed';

/**
 * The deletion request is one OTLP/JSON span, posted directly (not through the SDK, which is off
 * by then), that the Collector routes to its own pipeline: a durable file and a counter, never
 * the usage data.
 */
export function deletionRequestBody(p: PendingDeletion, now = Date.now()): object {
  const nanos = `${BigInt(now) * 1_000_000n}`;
  const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
  return {
    resourceSpans: [{
      resource: { attributes: [str('service.name', p.serviceName), str('optel.installation.id', p.oldId)] },
      scopeSpans: [{
        scope: { name: 'optel', version: VERSION },
        spans: [{
          traceId: randomBytes(16).toString('hex'),
          spanId: randomBytes(8).toString('hex'),
          name: DELETION_SPAN_NAME,
          kind: 1,
          startTimeUnixNano: nanos,
          endTimeUnixNano: nanos,
          attributes: [str('optel.category', 'deletion'), str('optel.deletion.requested_at', p.createdAt)],
          status: {},
        }],
      }],
    }],
  };
}

export class DeletionRequests {
  constructor(readonly file: string) {}

  pending(): PendingDeletion | undefined {
    const p = readJson<PendingDeletion>(this.file);
    return p && typeof p.oldId === 'string' && typeof p.endpoint === 'string' ? p : undefined;
  }

  create(oldId: string, serviceName: string, endpoint: string): PendingDeletion {
    const p: PendingDeletion = { oldId, serviceName, endpoint, createdAt: new Date().toISOString(), attempts: 0 };
    writeJson(this.file, p);
    return p;
  }

  /**
   * One delivery attempt. The attempt is counted before it is made, so a crash mid-attempt still
   * counts; the request is removed once delivered or given up.
   */
  async deliver(options: { timeoutMs: number; debug?: (line: string) => void }): Promise<DeliveryOutcome> {
    const p = this.pending();
    if (!p) return 'none';
    if (p.attempts >= MAX_DELETION_ATTEMPTS) {
      removeFile(this.file);
      diag.error(`optel: gave up delivering a deletion request to ${p.endpoint} after ${p.attempts} attempts`);
      return 'abandoned';
    }
    const body = JSON.stringify(deletionRequestBody(p));
    if (options.debug) {
      options.debug(body);
      removeFile(this.file);
      return 'printed';
    }
    writeJson(this.file, { ...p, attempts: p.attempts + 1 });
    try {
      const res = await fetch(`${p.endpoint}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!res.ok) return 'failed';
      removeFile(this.file);
      return 'delivered';
    } catch {
      return 'failed';
    }
  }
}
