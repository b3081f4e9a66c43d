import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportError } from '../diag.js';
import type { Signal } from './observed-exporters.js';

/** Why an entry left the outbox without being delivered; counted, so loss is never silent. */
export type DropReason = 'size_limit' | 'age_limit' | 'rejected';

/**
 * One OTLP request waiting to be delivered: the body exactly as it will be sent, for one category.
 * Kept as the serialiser's bytes, which go to the socket, the disk and the audit log as they are.
 */
export interface OutboxEntry {
  readonly id: string;
  readonly signal: Signal;
  readonly category: string;
  readonly createdAt: number;
  readonly body: Uint8Array;
  attempts: number;
  /** Not to be sent before this time (backoff, Retry-After). */
  notBefore: number;
  /** Written to the outbox directory. */
  persisted: boolean;
}

export interface OutboxLimits {
  /** Bytes of request bodies kept, in memory and on disk alike. */
  readonly maxBytes: number;
  /** Entries older than this are dropped. */
  readonly maxAgeMs: number;
}


const FILE = /^\d{13}-\d{6,}\.json$/;
/** How often entries added during an outage are written to disk together. */
export const PERSIST_EVERY_MS = 2000;

/**
 * The requests an app recorded and could not deliver yet, oldest first. Held in memory, bounded by
 * bytes and age, and written to a directory of its own (0700, files 0600) once delivery falters
 * or the process exits, so the next start delivers them. Entries are per category, so a revoke
 * removes exactly what it covers.
 */
export class Outbox {
  private readonly entries: OutboxEntry[] = [];
  private bytes = 0;
  private seq = 0;
  /** Set while an entry waits for a retry: new entries go to disk soon after they arrive. */
  private backlogged = false;
  private persistTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    private readonly limits: OutboxLimits,
    private readonly onDrop: (reason: DropReason, entry: OutboxEntry) => void,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** What a previous run left behind; called once, when the SDK starts. */
  load(now = Date.now()): void {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => FILE.test(n)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') reportError('reading the outbox', error);
      return;
    }
    for (const name of names) {
      const file = join(this.dir, name);
      try {
        const data = readFileSync(file);
        const nl = data.indexOf(NEWLINE);
        if (nl < 0) throw new Error('not an outbox entry');
        const e = JSON.parse(data.toString('utf8', 0, nl)) as Partial<OutboxEntry>;
        if ((e.signal !== 'traces' && e.signal !== 'metrics') || typeof e.category !== 'string' || typeof e.createdAt !== 'number') throw new Error('not an outbox entry');
        const body = data.subarray(nl + 1);
        this.entries.push({ id: name, signal: e.signal, category: e.category, createdAt: e.createdAt, body, attempts: Number(e.attempts) || 0, notBefore: 0, persisted: true });
        this.bytes += body.byteLength;
      } catch (error) {
        reportError(`reading outbox entry ${name}`, error);
        safeUnlinkSync(file);
      }
    }
    this.seq = this.entries.length;
    this.enforce(now);
  }

  add(signal: Signal, category: string, body: Uint8Array, now = Date.now()): void {
    // Zero-padded, so that names sort as the entries were recorded.
    const id = `${String(now).padStart(13, '0')}-${String(this.seq++).padStart(6, '0')}.json`;
    const entry: OutboxEntry = { id, signal, category, createdAt: now, body, attempts: 0, notBefore: 0, persisted: false };
    this.entries.push(entry);
    this.bytes += body.byteLength;
    this.enforce(now);
    if (this.backlogged) this.persistSoon();
  }

  /**
   * While delivery is backlogged, new entries go to disk together, at most every PERSIST_EVERY_MS:
   * under a long outage with a busy app, most entries would otherwise be written only to be
   * dropped at the bound moments later. Exit writes whatever is left.
   */
  private persistSoon(): void {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      for (const e of this.entries) if (!e.persisted) void this.persist(e);
    }, PERSIST_EVERY_MS);
    this.persistTimer.unref();
  }

  /** The oldest entry that may be sent now, dropping those that got too old. */
  next(now = Date.now()): OutboxEntry | undefined {
    this.enforce(now);
    return this.entries.find((e) => e.notBefore <= now);
  }

  /** The earliest time an entry may be sent, for the delivery timer. */
  nextAttemptAt(): number | undefined {
    let at: number | undefined;
    for (const e of this.entries) at = at === undefined ? e.notBefore : Math.min(at, e.notBefore);
    return at;
  }

  /** Delivery failed for now: try again after `delayMs`, and keep it on disk meanwhile. */
  retryLater(entry: OutboxEntry, delayMs: number, now = Date.now()): Promise<void> {
    entry.attempts += 1;
    entry.notBefore = now + delayMs;
    this.backlogged = true;
    return this.persist(entry, true);
  }

  /** Delivered, or refused for good (`reason`, counted). */
  async remove(entry: OutboxEntry, reason?: DropReason): Promise<void> {
    const i = this.entries.indexOf(entry);
    if (i < 0) return;
    this.entries.splice(i, 1);
    this.bytes -= entry.body.byteLength;
    if (reason) this.onDrop(reason, entry);
    if (!this.entries.some((e) => e.attempts > 0)) this.backlogged = false;
    if (entry.persisted) await safeUnlink(join(this.dir, entry.id));
  }

  /** Removes every entry of these categories (all when omitted), from memory at once and from disk before resolving. */
  async purge(categories?: readonly string[]): Promise<void> {
    const gone = this.entries.filter((e) => categories === undefined || categories.includes(e.category));
    for (const e of gone) {
      this.entries.splice(this.entries.indexOf(e), 1);
      this.bytes -= e.body.byteLength;
    }
    if (!this.entries.some((e) => e.attempts > 0)) this.backlogged = false;
    await Promise.all(gone.filter((e) => e.persisted).map((e) => safeUnlink(join(this.dir, e.id))));
  }

  /** At exit, synchronously: everything still waiting goes to disk for the next start. */
  persistAllSync(): void {
    const pending = this.entries.filter((e) => !e.persisted);
    if (pending.length === 0) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      for (const e of pending) {
        writeFileSync(join(this.dir, e.id), serialise(e), { mode: 0o600 });
        e.persisted = true;
      }
    } catch (error) {
      reportError('writing the outbox at exit', error);
    }
  }

  /** What is waiting, for `optel show` and `optel export`. */
  list(): readonly Pick<OutboxEntry, 'signal' | 'category' | 'createdAt' | 'attempts' | 'body'>[] {
    return this.entries.map(({ signal, category, createdAt, attempts, body }) => ({ signal, category, createdAt, attempts, body }));
  }

  private async persist(entry: OutboxEntry, rewrite = false): Promise<void> {
    if (entry.persisted && !rewrite) return;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      // Removed (delivered, revoked) while the directory was being made: nothing to keep.
      if (!this.entries.includes(entry)) return;
      await writeFile(join(this.dir, entry.id), serialise(entry), { mode: 0o600 });
      entry.persisted = true;
      // Removed while it was written: take the file back.
      if (!this.entries.includes(entry)) await safeUnlink(join(this.dir, entry.id));
    } catch (error) {
      reportError('writing the outbox', error);
    }
  }

  /** Oldest first: past the age limit, then past the size limit. */
  private enforce(now: number): void {
    while (this.entries.length > 0 && now - (this.entries[0] as OutboxEntry).createdAt > this.limits.maxAgeMs) this.drop(0, 'age_limit');
    while (this.bytes > this.limits.maxBytes && this.entries.length > 0) this.drop(0, 'size_limit');
  }

  private drop(index: number, reason: DropReason): void {
    const [entry] = this.entries.splice(index, 1);
    if (!entry) return;
    this.bytes -= entry.body.byteLength;
    this.onDrop(reason, entry);
    if (entry.persisted) void safeUnlink(join(this.dir, entry.id));
  }
}

const NEWLINE = 0x0a;

/** One line of metadata, then the request body exactly as it will be sent (no escaping, no growth). */
function serialise(e: OutboxEntry): Buffer {
  const meta = Buffer.from(`${JSON.stringify({ signal: e.signal, category: e.category, createdAt: e.createdAt, attempts: e.attempts })}\n`);
  return Buffer.concat([meta, e.body]);
}

async function safeUnlink(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') reportError('removing an outbox entry', error);
  }
}

function safeUnlinkSync(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Reads an outbox directory without an app running, for the `optel` command. */
export function readOutbox(dir: string): Outbox {
  const box = new Outbox(dir, { maxBytes: Number.MAX_SAFE_INTEGER, maxAgeMs: Number.MAX_SAFE_INTEGER }, () => {});
  box.load();
  return box;
}
