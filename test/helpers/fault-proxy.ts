import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with the next requests. */
export type Fault =
  | { readonly kind: 'pass' }
  /** Answer every request with this status (and Retry-After, in seconds, if given). */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterS?: number }
  /** Cut every connection without an answer (a Collector that is gone). */
  | { readonly kind: 'down' }
  /** Forward, but only after this delay (a Collector that answers slowly). */
  | { readonly kind: 'slow'; readonly delayMs: number };

/**
 * An HTTP proxy on loopback in front of the real Collector that can refuse, cut or slow requests
 * on command, and logs when each request came and how it was answered.
 */
export class FaultProxy {
  fault: Fault = { kind: 'pass' };
  readonly log: { at: number; path: string; answered: number }[] = [];
  private server: Server | undefined;
  url = '';

  constructor(public upstream: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const fault = this.fault;
        const entry = { at: Date.now(), path: req.url ?? '', answered: 0 };
        this.log.push(entry);
        if (fault.kind === 'down') {
          req.socket.destroy();
          return;
        }
        if (fault.kind === 'status') {
          entry.answered = fault.status;
          res.writeHead(fault.status, fault.retryAfterS === undefined ? {} : { 'retry-after': String(fault.retryAfterS) }).end();
          return;
        }
        const forward = () => {
          const up = request(`${this.upstream}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(this.upstream).host } }, (upRes) => {
            entry.answered = upRes.statusCode ?? 0;
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            upRes.pipe(res);
          });
          up.on('error', () => {
            entry.answered = 502;
            res.writeHead(502).end();
          });
          up.end(Buffer.concat(chunks));
        };
        if (fault.kind === 'slow') setTimeout(forward, fault.delayMs);
        else forward();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
