import { SPAN_STATUS_ERROR } from '../otel-api.js';
import { builtinCatalog } from '../catalog/builtin.js';
import { CATEGORY_ATTRIBUTE } from '../catalog/catalog.js';
import type { Consent } from '../consent/consent.js';
import { describe, reportError } from '../diag.js';
import type { Scrubber } from '../redaction/scrubber.js';
import { readJson, removeFile, writeJson } from '../fs/json-file.js';
import { sanitizeAttributes } from '../api/attributes.js';
import type { Instruments } from '../api/instruments.js';
import { errorType } from '../api/with-telemetry.js';

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
    const records = readJson<CrashRecord[]>(this.spoolFile);
    if (!removeFile(this.spoolFile) || !Array.isArray(records)) return;
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
    // The same attribute rules as every other metric: declared shape, scrubbed free text.
    const attributes = sanitizeAttributes('optel.errors.crashes', builtinCatalog.errors.metrics.crashes, { type: r.type, kind: r.kind }, this.scrubber);
    (this.instruments.get('optel.errors.crashes') as { add(v: number, a: object): void } | undefined)?.add(1, attributes);
    const span = this.instruments.tracer?.startSpan('errors.crashes', { startTime: r.at, attributes: { ...attributes, [CATEGORY_ATTRIBUTE]: 'errors' } });
    if (!span) return;
    span.addEvent('exception', { 'exception.type': r.type, 'exception.message': r.message, 'exception.stacktrace': r.stack }, r.at);
    span.setStatus({ code: SPAN_STATUS_ERROR, message: r.message });
    span.end(r.at);
  }

  private spool(record: CrashRecord): void {
    const previous = readJson<CrashRecord[]>(this.spoolFile);
    writeJson(this.spoolFile, [...(Array.isArray(previous) ? previous : []), record].slice(-SPOOL_LIMIT));
  }
}
