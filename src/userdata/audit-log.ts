import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename } from 'node:fs/promises';
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

/** What an export hands the log: the request body as the exact JSON bytes (UTF-8) that were sent. */
export interface AuditRecord extends Omit<AuditEntry, 'body'> {
  readonly body: Uint8Array;
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


const LINE_END = Buffer.from('}\n');

/** One record's line, kept in its parts until it is written: a line dropped before then costs no copy. */
interface QueuedLine {
  readonly head: Buffer;
  readonly body: Uint8Array;
  readonly length: number;
}

/**
 * The line for one record, built around the body's own bytes: the body is never parsed,
 * serialised, decoded or encoded again.
 */
function lineOf(r: AuditRecord): QueuedLine {
  const head = Buffer.from(`{"at":${JSON.stringify(r.at)},"signal":"${r.signal}","url":${JSON.stringify(r.url)},"outcome":"${r.outcome}","body":`);
  return { head, body: r.body, length: head.length + r.body.byteLength + LINE_END.length };
}

function bytesOf(lines: readonly QueuedLine[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const l of lines) parts.push(l.head, l.body, LINE_END);
  return Buffer.concat(parts);
}

/**
 * How long appended lines wait before they are written together. A busy app exports a batch
 * every few milliseconds; writing each would put megabytes a second on the disk only for the
 * bound to rotate them away (at 1 s intervals the writes still cost a busy HTTP server about a
 * tenth of its CPU on the benchmark machine). Waiting lets the newest ones alone be written, at
 * most a bound's worth per interval. Nothing waits at exit (flushSync) or when asked (flush, and
 * read() shows what is queued); a process killed outright loses at most this much of its history
 * of what was sent, not the data itself.
 */
export const AUDIT_WRITE_DELAY_MS = 5000;

/**
 * A small local log of what optel sent, for `optel show` and `optel export`. Kept only while
 * some consent is granted: revoking everything deletes it.
 *
 * Appends are queued and written asynchronously, together, one write at a time, so an export
 * never waits on the disk; `flushSync()` writes what is queued when the process exits. Queued
 * lines that newer ones already push past the bound are dropped before they are written. The
 * log is two files, rotated like any log: when the current one holds half the bound (entries or
 * bytes) it becomes the previous one, replacing the old previous, in one rename. Nothing is ever
 * read back or rewritten on the export path, and the two together stay within the bounds.
 */
export class AuditLog {
  /** Lines accepted but not yet on disk, oldest first, within the bounds. */
  private queued: QueuedLine[] = [];
  private queuedBytes = 0;
  /** The delayed start of the next write. */
  private timer: NodeJS.Timeout | undefined;
  /** The write in progress, if any; appends made meanwhile wait in `queued` for the next one. */
  private writing: Promise<void> | undefined;
  /** Entries and bytes in the current file; read from it on the first write. */
  private current: { entries: number; bytes: number } | undefined;
  /** Bumped by clear(): a write that started before it must not bring the files back. */
  private generation = 0;
  /** The rotated-out half of the log. */
  readonly previousFile: string;

  constructor(
    readonly file: string,
    private readonly bounds: AuditLogBounds = DEFAULT_AUDIT_BOUNDS,
    private readonly writeDelayMs = AUDIT_WRITE_DELAY_MS,
  ) {
    this.previousFile = `${file}.1`;
  }

  append(record: AuditRecord): void {
    // One oversized batch is not worth the whole log.
    if (record.body.byteLength > this.bounds.maxBytes / 2) return;
    const line = lineOf(record);
    if (line.length > this.bounds.maxBytes / 2) return;
    this.queued.push(line);
    this.queuedBytes += line.length;
    // The newer lines alone fill the log: the oldest would be written only to be rotated away.
    while (this.queued.length > this.bounds.maxEntries || this.queuedBytes > this.bounds.maxBytes) {
      this.queuedBytes -= (this.queued.shift() as QueuedLine).length;
    }
    this.schedule();
  }

  /** Resolves when everything appended so far is on disk (or given up on, with a diagnostic). */
  async flush(): Promise<void> {
    if (this.timer) this.startWriting();
    while (this.writing) await this.writing;
  }

  /** At process exit, when no later tick will come: writes what is queued, synchronously. */
  flushSync(): void {
    this.cancelTimer();
    const lines = this.takeQueued();
    if (lines.length === 0) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      appendFileSync(this.file, bytesOf(lines), { mode: 0o600 });
    } catch (error) {
      reportError('writing the audit log at exit', error);
    }
  }

  /** Newest first, what still waits to be written included. */
  read(): AuditEntry[] {
    const entries: AuditEntry[] = [];
    const queued = this.queued.map((l) => bytesOf([l]).toString('utf8'));
    for (const file of [this.previousFile, this.file]) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          entries.push(JSON.parse(line) as AuditEntry);
        } catch {
          // a torn last line after a crash
        }
      }
    }
    for (const line of queued) entries.push(JSON.parse(line) as AuditEntry);
    return entries.reverse();
  }

  clear(): void {
    this.generation++;
    this.cancelTimer();
    this.takeQueued();
    this.current = undefined;
    removeFile(this.file);
    removeFile(this.previousFile);
  }

  private schedule(): void {
    if (this.timer || this.writing) return;
    this.timer = setTimeout(() => this.startWriting(), this.writeDelayMs);
    this.timer.unref();
  }

  private cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private startWriting(): void {
    this.cancelTimer();
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
      if (this.queued.length > 0) this.schedule();
    });
  }

  private takeQueued(): QueuedLine[] {
    const lines = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    return lines;
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const generation = this.generation;
      const lines = this.takeQueued();
      try {
        await this.write(lines, generation);
      } catch (error) {
        this.current = undefined; // the file is in an unknown state: measure it again next time
        reportError('writing the audit log', error);
      }
    }
  }

  private async write(lines: QueuedLine[], generation: number): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const current = this.current ?? (await this.measure());
    if (generation !== this.generation) return; // cleared meanwhile: these lines belong to the old log
    const halfEntries = Math.max(1, Math.floor(this.bounds.maxEntries / 2));
    const halfBytes = Math.floor(this.bounds.maxBytes / 2);
    // Lines go to the current file until it holds half the bound; then it is rotated out.
    let chunk: QueuedLine[] = [];
    let chunkBytes = 0;
    for (const line of lines) {
      if (current.entries + chunk.length + 1 > halfEntries || current.bytes + chunkBytes + line.length > halfBytes) {
        if (chunk.length > 0) await appendFile(this.file, bytesOf(chunk), { mode: 0o600 });
        if (current.entries + chunk.length > 0) await rename(this.file, this.previousFile);
        if (this.clearedSince(generation)) return;
        current.entries = 0;
        current.bytes = 0;
        chunk = [];
        chunkBytes = 0;
      }
      chunk.push(line);
      chunkBytes += line.length;
    }
    if (chunk.length > 0) await appendFile(this.file, bytesOf(chunk), { mode: 0o600 });
    if (this.clearedSince(generation)) return;
    current.entries += chunk.length;
    current.bytes += chunkBytes;
    this.current = current;
  }

  /**
   * clear() ran while a write was on its way to the disk: the write may have brought a file back,
   * so it goes again. Lines appended after clear() are still queued, for the next write.
   */
  private clearedSince(generation: number): boolean {
    if (generation === this.generation) return false;
    removeFile(this.file);
    removeFile(this.previousFile);
    return true;
  }

  /** The current file's entries and size, read once (at the first write after start or an error). */
  private async measure(): Promise<{ entries: number; bytes: number }> {
    let data: Buffer;
    try {
      data = await readFile(this.file);
    } catch {
      return { entries: 0, bytes: 0 };
    }
    let entries = 0;
    for (let i = data.indexOf(0x0a); i >= 0; i = data.indexOf(0x0a, i + 1)) entries++;
    return { entries, bytes: data.length };
  }
}
