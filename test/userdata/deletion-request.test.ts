import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeletionRequests, MAX_DELETION_ATTEMPTS } from '../../src/userdata/deletion-request.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir();
const bodies: string[] = [];
const authorizations: (string | undefined)[] = [];
let status = 200;
const server = createServer((req, res) => {
  let b = '';
  req.on('data', (c) => (b += c));
  req.on('end', () => {
    bodies.push(`${req.url} ${b}`);
    authorizations.push(req.headers.authorization);
    res.writeHead(status, { 'content-type': 'application/json' }).end(status === 400 ? '{"code":3,"message":"deletion request refused"}' : '{}');
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('DeletionRequests', () => {
  it('posts one OTLP/JSON span carrying the old id to /v1/traces, then forgets the request', async () => {
    const d = new DeletionRequests(join(tmp.dir, 'a.json'));
    d.create('11111111-2222-4333-8444-555555555555', 'svc', url);
    bodies.length = 0;
    expect(await d.deliver({ timeoutMs: 2000 })).toBe('delivered');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(/^\/v1\/traces /);
    const body = JSON.parse(bodies[0]!.slice('/v1/traces '.length));
    const span = body.resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.name).toBe('optel.deletion_request');
    expect(body.resourceSpans[0].resource.attributes).toContainEqual({ key: 'optel.installation.id', value: { stringValue: '11111111-2222-4333-8444-555555555555' } });
    // The resource says which id to delete and for which service, and nothing about the host.
    expect(body.resourceSpans[0].resource.attributes.map((a: { key: string }) => a.key).sort()).toEqual(['optel.installation.id', 'service.name']);
    expect(d.pending()).toBeUndefined();
    expect(await d.deliver({ timeoutMs: 2000 })).toBe('none');
  });

  it("goes with the exports' transport settings: OTEL_EXPORTER_OTLP_HEADERS reaches the endpoint", async () => {
    const d = new DeletionRequests(join(tmp.dir, 'h.json'));
    d.create('11111111-2222-4333-8444-555555555556', 'svc', url);
    authorizations.length = 0;
    process.env.OTEL_EXPORTER_OTLP_HEADERS = 'Authorization=Bearer%20app-key-1';
    try {
      expect(await d.deliver({ timeoutMs: 2000 })).toBe('delivered');
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
    }
    expect(authorizations).toEqual(['Bearer app-key-1']);
  });

  it('gives up at once on a request the backend refuses for good (400), with a diagnostic', async () => {
    const d = new DeletionRequests(join(tmp.dir, 'r.json'));
    d.create('not-a-uuid', 'svc', url);
    status = 400;
    bodies.length = 0;
    try {
      expect(await d.deliver({ timeoutMs: 2000 })).toBe('abandoned');
    } finally {
      status = 200;
    }
    expect(bodies).toHaveLength(1);
    expect(d.pending()).toBeUndefined();
  });

  it('keeps a request the endpoint refused or could not take, and gives up after a bounded number of attempts', async () => {
    const d = new DeletionRequests(join(tmp.dir, 'b.json'));
    d.create('id', 'svc', 'http://127.0.0.1:9');
    for (let i = 0; i < MAX_DELETION_ATTEMPTS; i++) expect(await d.deliver({ timeoutMs: 500 })).toBe('failed');
    expect(d.pending()?.attempts).toBe(MAX_DELETION_ATTEMPTS);
    expect(await d.deliver({ timeoutMs: 500 })).toBe('abandoned');
    expect(d.pending()).toBeUndefined();

    status = 503;
    d.create('id2', 'svc', url);
    expect(await d.deliver({ timeoutMs: 2000 })).toBe('failed');
    status = 200;
    expect(await d.deliver({ timeoutMs: 2000 })).toBe('delivered');
  });
});
