import { Catalog } from '../catalog/catalog.js';
import type { CatalogSpec, InstrumentKind, Sensitivity } from '../catalog/types.js';
import type { ConsentReason, ConsentStatus } from '../consent/consent.js';
import type { ConsentRecord } from '../consent/store.js';
import { AuditLog, type AuditEntry } from './audit-log.js';
import { DeletionRequests, type PendingDeletion } from './deletion-request.js';
import type { DataFiles } from './files.js';
import { InstallationId } from './installation-id.js';
import { removeFile } from '../fs/json-file.js';
import { rmSync } from 'node:fs';
import { reportError } from '../diag.js';
import { readOutbox } from '../export/outbox.js';

/** One category as a consent screen shows it. */
export interface CategoryDescription {
  readonly category: string;
  readonly description: string;
  readonly granted: boolean;
  readonly reason: ConsentReason;
  readonly forcedBy?: string;
  readonly metrics: readonly {
    readonly name: string;
    readonly instrument: string;
    readonly kind: InstrumentKind;
    readonly unit: string;
    readonly description: string;
    readonly attributes: readonly string[];
    readonly sensitivity: Sensitivity;
    readonly expires: string;
    readonly expiresReason?: string;
  }[];
}

/** Everything optel keeps locally about this user, as `optel export` prints it. */
export interface UserDataExport {
  readonly exportedAt: string;
  readonly consent: ConsentRecord & { readonly file: string };
  readonly installationId: { readonly id: string; readonly createdAt: string; readonly sentAt?: string } | null;
  readonly pendingDeletionRequest: PendingDeletion | null;
  readonly audit: readonly AuditEntry[];
  /** Requests waiting in the outbox to be delivered, with the bodies that will be sent. */
  readonly outbox: readonly WaitingRequest[];
}

/** A request in the outbox, as `optel show` and `optel export` list it. */
export interface WaitingRequest {
  readonly signal: 'traces' | 'metrics';
  readonly category: string;
  readonly recordedAt: string;
  readonly attempts: number;
  readonly body: unknown;
}

export function describeCategories(spec: CatalogSpec, status: ConsentStatus): CategoryDescription[] {
  const catalog = new Catalog(spec);
  return catalog.categories.map((category) => {
    const state = status.categories[category] ?? { granted: false, reason: 'not-granted' as const };
    return {
      category,
      description: (spec[category] as CatalogSpec[string]).description,
      granted: state.granted,
      reason: state.reason,
      ...(state.forcedBy ? { forcedBy: state.forcedBy } : {}),
      metrics: catalog.entries.filter((e) => e.category === category).map((e) => ({
        name: e.metric,
        instrument: e.instrument,
        kind: e.spec.kind,
        unit: e.spec.unit,
        description: e.spec.description,
        attributes: Object.keys(e.spec.attributes),
        sensitivity: e.spec.sensitivity,
        expires: e.spec.expires,
        ...(e.spec.expiresReason ? { expiresReason: e.spec.expiresReason } : {}),
      })),
    };
  });
}

/** The user's local data: read by `show`/`export`, removed by opt-out and `delete`. */
function parseOrText(body: Uint8Array): unknown {
  const text = new TextDecoder().decode(body);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    reportError(`removing ${dir}`, error);
  }
}

export class UserData {
  readonly audit: AuditLog;
  readonly installationId: InstallationId;
  readonly deletions: DeletionRequests;

  constructor(readonly files: DataFiles) {
    this.audit = new AuditLog(files.audit);
    this.installationId = new InstallationId(files.installationId);
    this.deletions = new DeletionRequests(files.deletionRequest);
  }

  show(): AuditEntry[] {
    return this.audit.read();
  }

  /** What waits on disk for delivery (an app writes it there when delivery falters or it exits). */
  waiting(): WaitingRequest[] {
    return readOutbox(this.files.outbox).list().map((e) => ({ signal: e.signal, category: e.category, recordedAt: new Date(e.createdAt).toISOString(), attempts: e.attempts, body: parseOrText(e.body) }));
  }

  /** Removes what waits for these categories (all when omitted), so it is never sent. */
  discardWaiting(categories?: readonly string[]): Promise<void> {
    return readOutbox(this.files.outbox).purge(categories);
  }

  exportAll(consent: ConsentRecord): UserDataExport {
    return {
      exportedAt: new Date().toISOString(),
      consent: { ...consent, file: this.files.consent },
      installationId: this.installationId.current() ?? null,
      pendingDeletionRequest: this.deletions.pending() ?? null,
      audit: this.audit.read(),
      outbox: this.waiting(),
    };
  }

  /**
   * After the user opted out of everything: the audit log goes, the id is forgotten (the next
   * one shares nothing with it) and, if the id ever left the process, a deletion request for it
   * is queued. Returns the request when this call queued one (another process may have already).
   */
  forgetAfterOptOut(serviceName: string, endpoint: string | undefined): PendingDeletion | undefined {
    this.audit.clear();
    removeDir(this.files.outbox);
    const reset = this.installationId.reset();
    if (!reset?.wasSent || endpoint === undefined) return undefined;
    return this.deletions.create(reset.oldId, serviceName, endpoint);
  }

  /** Opt-out plus the consent record and any spooled crash: nothing about the user stays but a pending deletion request. */
  deleteAll(serviceName: string, endpoint: string | undefined): void {
    this.forgetAfterOptOut(serviceName, endpoint);
    removeFile(this.files.consent);
    removeFile(this.files.crashes);
  }
}
