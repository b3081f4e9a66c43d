import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { reportError } from '../diag.js';
import { removeFile } from '../fs/json-file.js';

/** One export, exactly as it left the process: the OTLP/JSON request body that was sent. */
export interface AuditEntry {
  readonly at: string;
  readonly signal: 'traces' | 'metrics' | 'deletion';
  readonly url: string;
  /** `sent` when the endpoint accepted it, `failed` when it did not (the data is then lost). */
  readonly outcome: 'sent' | 'failed';
  readonly body: unknown;
}

/** What an export hands the log: the request body as the exact JSON text that was sent. */
export interface AuditRecord extends Omit<AuditEntry, 'body'> {
  readonly body: string;
}

export interface AuditLogBounds {
  /** At most this many entries; the oldest go first. */
  readonly maxEntries: number;
  /** At most this many bytes on disk; the oldest entries go first. */
  readonly maxBytes: number;
}

/**
 * Room for a history, not only the last batch: a busy app's 512-span batch is about 0.4 MB of
 * OTLP/JSON, so several of them fit, and a quiet app keeps its last 64 exports.
 */
export const DEFAULT_AUDIT_BOUNDS: AuditLogBounds = { maxEntries: 64, maxBytes: 4 * 1024 * 1024 };

/** When a bound is reached the log is cut to this share of it, so it is not rewritten on every append. */
const KEEP_SHARE = 0.75;

/** The line for one record, built around the body's own text: the body is never parsed or serialised again. */
function lineOf(r: AuditRecord): string {
  return `{"at":${JSON.stringify(r.at)},"signal":"${r.signal}","url":${JSON.stringify(r.url)},"outcome":"${r.outcome}","body":${r.body}}\n`;
}

/**
 * A small local log of what optel sent, for `optel show` and `optel export`. Kept only while
 * some consent is granted: revoking everything deletes it.
 *
 * Appends are queued and written asynchronously, one write at a time, so an export never waits
 * on the disk; `flushSync()` writes what is queued when the process exits. The log is bounded by
 * entries and by bytes, and cut back to three quarters of the bound that was reached.
 */
export class AuditLog {
  /** Lines accepted but not yet on disk. */
  private queued: string[] = [];
  /** The write in progress, if any; appends made meanwhile wait in `queued` for the next one. */
  private writing: Promise<void> | undefined;
  /** Byte sizes of the entries on disk, oldest first; read from the file on the first write. */
  private sizes: number[] | undefined;
  /** Bumped by clear(): a write that started before it must not bring the file back. */
  private generation = 0;

  constructor(
    readonly file: string,
    private readonly bounds: AuditLogBounds = DEFAULT_AUDIT_BOUNDS,
  ) {}

  append(record: AuditRecord): void {
    const line = lineOf(record);
    // One oversized batch is not worth the whole log.
    if (Buffer.byteLength(line) > this.bounds.maxBytes) return;
    this.queued.push(line);
    // The write starts on a later turn of the event loop: the exports of one turn go in one write,
    // and what is still queued when the process exits is left for flushSync().
    this.writing ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.writing = undefined;
      });
  }

  /** Resolves when everything appended so far is on disk (or given up on, with a diagnostic). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** At process exit, when no later tick will come: writes what is queued, synchronously. */
  flushSync(): void {
    const lines = this.queued.splice(0);
    if (lines.length === 0) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      appendFileSync(this.file, lines.join(''), { mode: 0o600 });
    } catch (error) {
      reportError('writing the audit log at exit', error);
    }
  }

  /** Newest first. */
  read(): AuditEntry[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    const entries: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as AuditEntry);
      } catch {
        // a torn last line after a crash
      }
    }
    return entries.reverse();
  }

  clear(): void {
    this.generation++;
    this.queued = [];
    this.sizes = undefined;
    removeFile(this.file);
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const generation = this.generation;
      const lines = this.queued.splice(0);
      try {
        await this.write(lines, generation);
      } catch (error) {
        this.sizes = undefined; // the file is in an unknown state: read it again next time
        reportError('writing the audit log', error);
      }
    }
  }

  private async write(lines: string[], generation: number): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const onDisk = this.sizes ?? (await this.readSizes());
    if (generation !== this.generation) return; // cleared meanwhile: these lines belong to the old log
    const added = lines.map((l) => Buffer.byteLength(l));
    const bytes = [...onDisk, ...added].reduce((a, b) => a + b, 0);
    if (onDisk.length + lines.length <= this.bounds.maxEntries && bytes <= this.bounds.maxBytes) {
      await appendFile(this.file, lines.join(''), { mode: 0o600 });
      if (this.clearedSince(generation)) return;
      this.sizes = [...onDisk, ...added];
      return;
    }
    // Over a bound: keep the newest entries that fit in three quarters of both, and replace the
    // file in one rename, so a crash leaves the old log or the new one, never half of one.
    const all = [...(await this.readLines()), ...lines];
    if (generation !== this.generation) return;
    const kept: string[] = [];
    let used = 0;
    for (let i = all.length - 1; i >= 0; i--) {
      const size = Buffer.byteLength(all[i]!);
      if (kept.length >= this.bounds.maxEntries * KEEP_SHARE || used + size > this.bounds.maxBytes * KEEP_SHARE) break;
      kept.push(all[i]!);
      used += size;
    }
    kept.reverse();
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, kept.join(''), { mode: 0o600 });
    if (generation !== this.generation) {
      removeFile(tmp);
      return;
    }
    await rename(tmp, this.file);
    if (this.clearedSince(generation)) return;
    this.sizes = kept.map((l) => Buffer.byteLength(l));
  }

  /**
   * clear() ran while a write was on its way to the disk: the write may have brought the file back,
   * so it goes again. Lines appended after clear() are still queued, for the next write.
   */
  private clearedSince(generation: number): boolean {
    if (generation === this.generation) return false;
    removeFile(this.file);
    return true;
  }

  private async readLines(): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    return text.split('\n').filter(Boolean).map((l) => `${l}\n`);
  }

  private async readSizes(): Promise<number[]> {
    return (await this.readLines()).map((l) => Buffer.byteLength(l));
  }
}
