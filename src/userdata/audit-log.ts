import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** The audit log's bound: at most this many bytes on disk; the oldest entries go first. */
const AUDIT_LOG_MAX_BYTES = 512 * 1024;

/**
 * A small local log of what optel sent, for `optel show` and `optel export`. Kept only while
 * some consent is granted: revoking everything deletes it.
 */
export class AuditLog {
  constructor(
    readonly file: string,
    private readonly maxBytes = AUDIT_LOG_MAX_BYTES,
  ) {}

  append(entry: AuditEntry): void {
    const line = `${JSON.stringify(entry)}\n`;
    if (line.length > this.maxBytes) return; // one oversized batch is not worth the whole log
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    let size = 0;
    try {
      size = statSync(this.file).size;
    } catch {
      // no log yet
    }
    if (size + line.length > this.maxBytes) this.trim(this.maxBytes / 2 - line.length);
    appendFileSync(this.file, line, { mode: 0o600 });
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
    removeFile(this.file);
  }

  /** Keeps the newest entries that fit in `budget` bytes. */
  private trim(budget: number): void {
    const lines = readFileSync(this.file, 'utf8').split('\n').filter(Boolean);
    const kept: string[] = [];
    let used = 0;
    for (let i = lines.length - 1; i >= 0; i--) {
      const l = lines[i] as string;
      if (used + l.length + 1 > budget) break;
      kept.push(l);
      used += l.length + 1;
    }
    writeFileSync(this.file, kept.reverse().map((l) => `${l}\n`).join(''), { mode: 0o600 });
  }
}
