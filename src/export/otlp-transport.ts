import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { convertLegacyHttpOptions } from '@opentelemetry/otlp-exporter-base/node-http';
import type { Signal } from './observed-exporters.js';

/** How one POST of an OTLP request ended, as the outbox needs to know it. */
export type SendOutcome =
  | { readonly status: 'delivered' }
  /** 429, 502, 503, 504, a timeout or no connection: keep it and try again (after `retryAfterMs`, if the server said). */
  | { readonly status: 'retry'; readonly retryAfterMs?: number; readonly reason: string }
  /** Any other answer: sending it again would be refused again. */
  | { readonly status: 'rejected'; readonly reason: string };

const RETRYABLE = new Set([408, 429, 502, 503, 504]);

/** `Retry-After` in seconds or as an HTTP date; bounded, so a hostile header cannot park data for a year. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), 60 * 60 * 1000);
}

/**
 * POSTs stored OTLP/JSON bodies with the transport settings the OTel OTLP exporters would use:
 * the same resolution of `OTEL_EXPORTER_OTLP_*` (endpoint per signal, headers, certificate,
 * client key, compression is left off), so an edge's key and private CA apply to everything
 * optel sends.
 */
export class OtlpTransport {
  private readonly settings: ReturnType<typeof convertLegacyHttpOptions>;
  private agent: Promise<Agent> | undefined;
  private readonly inFlight = new Set<ReturnType<typeof httpRequest>>();

  constructor(
    readonly signal: Signal,
    readonly url: string,
    private readonly timeoutMs: number,
  ) {
    const id = signal === 'traces' ? 'TRACES' : 'METRICS';
    this.settings = convertLegacyHttpOptions({ url, timeoutMillis: timeoutMs }, id, `v1/${signal}`, { 'Content-Type': 'application/json' });
  }

  async send(body: Uint8Array): Promise<SendOutcome> {
    const url = new URL(this.settings.url);
    this.agent ??= Promise.resolve(this.settings.agentFactory(url.protocol) as Agent | Promise<Agent>);
    const agent = await this.agent;
    const headers = { ...(await this.headers()), 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength) };
    return new Promise<SendOutcome>((resolve) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'POST', headers, agent, timeout: this.timeoutMs }, (res: IncomingMessage) => {
        res.resume();
        res.once('end', () => {
          const code = res.statusCode ?? 0;
          if (code >= 200 && code < 300) resolve({ status: 'delivered' });
          else if (RETRYABLE.has(code)) resolve({ status: 'retry', retryAfterMs: retryAfterMs(res.headers['retry-after']), reason: `HTTP ${code}` });
          else resolve({ status: 'rejected', reason: `HTTP ${code}` });
        });
        res.once('error', (e) => resolve({ status: 'retry', reason: e.message }));
      });
      this.inFlight.add(req);
      req.once('close', () => this.inFlight.delete(req));
      req.once('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.once('error', (e) => resolve({ status: 'retry', reason: e.message }));
      req.end(body);
    });
  }

  /**
   * Gives up on requests in flight (the process is ending): they count as not delivered, so their
   * entries stay in the outbox and go to disk, and no open socket holds the process.
   */
  abortAll(): void {
    for (const req of this.inFlight) req.destroy(new Error('the process is ending'));
  }

  private async headers(): Promise<Record<string, string>> {
    const h = this.settings.headers as unknown;
    const value = typeof h === 'function' ? await (h as () => Record<string, string> | Promise<Record<string, string>>)() : h;
    return { ...(value as Record<string, string> | undefined) };
  }
}
