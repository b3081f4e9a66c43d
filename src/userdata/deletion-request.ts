import { diagnostic } from '../diag.js';
import { VERSION } from '../version.js';
import { readJson, removeFile, writeJson } from '../fs/json-file.js';

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
const DELETION_SPAN_NAME = 'optel.deletion_request';

export type DeliveryOutcome = 'delivered' | 'failed' | 'abandoned' | 'none' | 'printed';

/** How one delivery attempt ended: accepted, refused for good (malformed or too large), or to be retried. */
type SendResult = 'delivered' | 'refused' | 'failed';

/**
 * The deletion request is one span, sent by the OTel OTLP exporter the app's exports use, so it
 * goes with the same transport settings: `OTEL_EXPORTER_OTLP_HEADERS` (an edge's API key),
 * `OTEL_EXPORTER_OTLP_CERTIFICATE` (a private CA), timeouts and retries of 429/503. The Collector
 * routes it to its own pipeline: a durable file and a counter, never the usage data. The SDK is
 * loaded here, on demand: the `optel` command and an app whose users opted out never load it
 * otherwise.
 */
async function deletionSpans(p: PendingDeletion) {
  const [{ TracerProvider, InMemorySpanExporter, SimpleSpanProcessor }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/resources'),
  ]);
  const memory = new InMemorySpanExporter();
  // Only these two resource attributes: not the SDK's default resource, nothing about the host.
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': p.serviceName, 'optel.installation.id': p.oldId }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });
  provider.getTracer('optel', VERSION).startSpan(DELETION_SPAN_NAME, { attributes: { 'optel.category': 'deletion', 'optel.deletion.requested_at': p.createdAt } }).end();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

async function send(p: PendingDeletion, timeoutMs: number): Promise<SendResult> {
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const exporter = new OTLPTraceExporter({ url: `${p.endpoint}/v1/traces`, timeoutMillis: timeoutMs });
  try {
    const spans = await deletionSpans(p);
    const result = await new Promise<{ code: number; error?: Error & { code?: number } }>((resolve) => exporter.export(spans, resolve));
    if (result.code === 0) return 'delivered';
    const status = result.error?.code;
    // 401/403 (a missing or revoked key) may be fixed by the next start's configuration: kept and retried.
    if (status === 400 || status === 413 || status === 415) {
      diagnostic('error', `optel: the backend refused the deletion request (HTTP ${status}): ${result.error?.message ?? ''}`);
      return 'refused';
    }
    return 'failed';
  } finally {
    await exporter.shutdown().catch(() => {});
  }
}

/** What debug mode prints instead of sending: the OTLP/JSON the exporter would send. */
async function deletionRequestJson(p: PendingDeletion): Promise<string> {
  const { JsonTraceSerializer } = await import('@opentelemetry/otlp-transformer');
  return new TextDecoder().decode(JsonTraceSerializer.serializeRequest(await deletionSpans(p)));
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
      diagnostic('error', `optel: gave up delivering a deletion request to ${p.endpoint} after ${p.attempts} attempts`);
      return 'abandoned';
    }
    if (options.debug) {
      options.debug(await deletionRequestJson(p));
      removeFile(this.file);
      return 'printed';
    }
    writeJson(this.file, { ...p, attempts: p.attempts + 1 });
    let result: SendResult;
    try {
      result = await send(p, options.timeoutMs);
    } catch (error) {
      diagnostic('warn', `optel: could not send the deletion request: ${(error as Error).message}`);
      result = 'failed';
    }
    if (result === 'failed') return 'failed';
    // Refused for good: retrying the same request would be refused again.
    removeFile(this.file);
    return result === 'delivered' ? 'delivered' : 'abandoned';
  }
}
