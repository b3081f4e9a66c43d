import { readFileSync, renameSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SpanStatusCode } from '@opentelemetry/api';
import { CATEGORY_ATTRIBUTE } from '../catalog/catalog.js';
import type { Consent } from '../consent/consent.js';
import { describe, reportError } from '../diag.js';
import type { Scrubber } from '../redaction/scrubber.js';
import type { Instruments } from './instruments.js';
import { errorType } from './with-telemetry.js';

type CrashKind = 'uncaught_exception' | 'unhandled_rejection';

interface CrashRecord {
  readonly at: number;
  readonly type: string;
  readonly kind: CrashKind;
  readonly message: string;
  readonly stack: string;
}

/** A crashing app may crash in a loop: keep the newest few, not all. */
const SPOOL_LIMIT = 20;

/**
 * Records uncaught exceptions and unhandled rejections as crash events. It listens on
 * `uncaughtExceptionMonitor`, which observes without changing what Node does next: the app still
 * crashes (or is handled by its own `uncaughtException` handler) exactly as it would without
 * optel. A process about to die cannot finish an export, so its crash is written (already
 * redacted, only while `errors` is granted) to a small spool file and sent at the next start.
 */
export class CrashRecorder {
  private readonly listener = (error: unknown, origin: string): void => this.onCrash(error, origin);

  constructor(
    private readonly consent: Consent,
    private readonly instruments: Instruments,
    private readonly scrubber: Scrubber,
    readonly spoolFile: string,
  ) {}

  install(): void {
    process.on('uncaughtExceptionMonitor', this.listener);
  }

  uninstall(): void {
    process.off('uncaughtExceptionMonitor', this.listener);
  }

  /** Sends the crashes a previous run spooled, then forgets them. */
  sendSpooled(): void {
    if (!this.consent.isGranted('errors')) return;
    let records: CrashRecord[];
    try {
      records = JSON.parse(readFileSync(this.spoolFile, 'utf8')) as CrashRecord[];
      unlinkSync(this.spoolFile);
    } catch {
      return;
    }
    if (!Array.isArray(records)) return;
    for (const r of records.slice(-SPOOL_LIMIT)) {
      if (r && typeof r.type === 'string' && (r.kind === 'uncaught_exception' || r.kind === 'unhandled_rejection')) this.emit(r);
    }
  }

  private onCrash(error: unknown, origin: string): void {
    try {
      if (!this.consent.isGranted('errors')) return;
      const record: CrashRecord = {
        at: Date.now(),
        type: errorType(error),
        kind: origin === 'unhandledRejection' ? 'unhandled_rejection' : 'uncaught_exception',
        message: this.scrubber.scrubText(error instanceof Error ? describe(error.message, 4096) : describe(error, 4096)),
        stack: this.scrubber.scrubText(error instanceof Error ? (error.stack ?? '') : '').slice(0, 16384),
      };
      // With no uncaughtException handler Node exits right after this monitor returns.
      if (process.listenerCount('uncaughtException') === 0) this.spool(record);
      else this.emit(record);
    } catch (e) {
      reportError('recording a crash', e);
    }
  }

  private emit(r: CrashRecord): void {
    const attributes = { type: r.type.slice(0, 64), kind: r.kind };
    (this.instruments.get('optel.errors.crashes') as { add(v: number, a: object): void } | undefined)?.add(1, attributes);
    const span = this.instruments.tracer?.startSpan('errors.crashes', { startTime: r.at, attributes: { ...attributes, [CATEGORY_ATTRIBUTE]: 'errors' } });
    if (!span) return;
    span.addEvent('exception', { 'exception.type': r.type, 'exception.message': r.message, 'exception.stacktrace': r.stack }, r.at);
    span.setStatus({ code: SpanStatusCode.ERROR, message: r.message });
    span.end(r.at);
  }

  private spool(record: CrashRecord): void {
    let records: CrashRecord[] = [];
    try {
      const previous = JSON.parse(readFileSync(this.spoolFile, 'utf8'));
      if (Array.isArray(previous)) records = previous;
    } catch {
      // no spool yet
    }
    records.push(record);
    mkdirSync(dirname(this.spoolFile), { recursive: true, mode: 0o700 });
    const tmp = `${this.spoolFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(records.slice(-SPOOL_LIMIT)), { mode: 0o600 });
    renameSync(tmp, this.spoolFile);
  }
}
