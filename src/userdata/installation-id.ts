import { readJson, removeFile, writeJson } from '../fs/json-file.js';

interface Stored {
  readonly id: string;
  readonly createdAt: string;
  /** Set once an export carrying the id was delivered: only then does deletion need a request. */
  readonly sentAt?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A random id for this installation: created only under consent, replaced (not derived) on reset. */
export class InstallationId {
  private sent: boolean | undefined;

  constructor(readonly file: string) {}

  current(): Stored | undefined {
    const s = readJson<Stored>(this.file);
    return s && typeof s.id === 'string' && UUID.test(s.id) ? s : undefined;
  }

  getOrCreate(): string {
    const existing = this.current();
    if (existing) return existing.id;
    // The Web Crypto global, not an import of node:crypto: that module costs several milliseconds
    // to load, and an app that never grants consent never needs an id.
    const id = globalThis.crypto.randomUUID();
    writeJson(this.file, { id, createdAt: new Date().toISOString() } satisfies Stored);
    this.sent = false;
    return id;
  }

  /** Remembers that the id left the process; cheap after the first call. */
  markSent(): void {
    if (this.sent) return;
    const s = this.current();
    if (!s) return;
    if (!s.sentAt) writeJson(this.file, { ...s, sentAt: new Date().toISOString() });
    this.sent = true;
  }

  /** Forgets the id. Returns it, and whether it had ever been sent. */
  reset(): { readonly oldId: string; readonly wasSent: boolean } | undefined {
    const s = this.current();
    removeFile(this.file);
    this.sent = undefined;
    return s ? { oldId: s.id, wasSent: s.sentAt !== undefined } : undefined;
  }
}
