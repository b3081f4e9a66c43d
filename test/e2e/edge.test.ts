/**
 * The edge as deployed on the internet: nginx (otel-collector/edge) terminating TLS with a
 * certificate from a private CA, limiting rate, connections and bodies, in front of a Collector
 * that requires a bearer token. An optel app and the `optel` command reach it with the standard
 * OTel variables; what arrived is read from the real Collector's outputs.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type Edge, ROOT, startCollector, startEdge, waitFor } from '../../scripts/stack.ts';
import { metricsRequest } from '../helpers/hostile-otlp.js';
import { optel, runNode } from '../helpers/run.js';
import { allGranted, tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();
const KEY = 'app-key-7f3a9c1e5b';
let collector: Collector | undefined;
let edge: Edge | undefined;
let ca = '';
let certFile = '';
let keyFile = '';

/** A private CA and a certificate for 127.0.0.1 signed by it. */
function makeCertificates(dir: string): void {
  const sh = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  sh(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=optel test CA']);
  sh(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  sh(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext']);
  ca = join(dir, 'ca.pem');
  certFile = join(dir, 'server.pem');
  keyFile = join(dir, 'server.key');
}

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** POST over https with our CA (Node's fetch takes no CA); status 0 when TLS or the connection failed. */
function post(url: string, body: string | Buffer, options: { ca?: string; auth?: string } = {}): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      ca: options.ca ? readFileSync(options.ca) : undefined,
      headers: { 'content-type': 'application/json', ...(options.auth ? { authorization: options.auth } : {}) },
      timeout: 20_000,
    }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', () => resolve({ status: 0, headers: {} }));
    req.end(body);
  });
}

const oneActivation = (feature: string) => JSON.stringify(metricsRequest([{ name: 'optel.feature_usage.activations', service: 'e2e-app', attributes: { feature } }]));

/** The standard OTel variables an app's operator sets: the edge's URL, its key, its CA. */
const transportEnv = () => ({ OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer%20${KEY}`, OTEL_EXPORTER_OTLP_CERTIFICATE: ca });

async function exposition(): Promise<string> {
  return (await fetch(`http://${collector!.prometheusTarget}/metrics`)).text();
}

beforeAll(async () => {
  makeCertificates(tmp.dir);
  const keys = join(tmp.dir, 'api-keys');
  writeFileSync(keys, `${KEY}\nanother-app-key-2b8d\n`);
  collector = await startCollector(join(tmp.dir, 'collector'), { env: { OPTEL_COLLECTOR_AUTH: 'true', OPTEL_COLLECTOR_API_KEYS_FILE: keys } });
  edge = await startEdge(join(tmp.dir, 'edge'), collector, { certFile, keyFile, rate: '20r/s', burst: 60 });
}, 120_000);

afterAll(async () => {
  await edge?.stop();
  await collector?.stop();
  tmp.cleanup();
});

describe('the edge: TLS with a private CA, bearer tokens, rate and body limits', () => {
  it("an optel app with the edge's key and CA sends through it, and all its data arrives", async () => {
    const home = join(tmp.dir, 'app');
    const consentFile = join(home, 'consent.json');
    writeConsent(consentFile, allGranted());
    const r = await runNode([join(ROOT, 'test/fixtures/workload.mjs')], {
      env: { HOME: home, OPTEL_E2E_ENDPOINT: edge!.url, OPTEL_E2E_CONSENT_FILE: consentFile, OPTEL_E2E_ROUNDS: '3', ...transportEnv() },
      timeoutMs: 60_000,
    });
    expect(r.stdout).toContain('workload done');
    await waitFor('the app\'s activations at the Collector', async () => (/optel_feature_usage_activations_total\{[^}]*feature="export"[^}]*job="e2e-app"[^}]*\} 3\n/.test(await exposition()) ? true : undefined), 20_000);
  }, 90_000);

  it('`optel delete` sends the deletion request with the same key and CA, and the Collector keeps it', async () => {
    const home = join(tmp.dir, 'delete');
    const consentFile = join(home, 'consent.json');
    writeConsent(consentFile, allGranted());
    const env = { PATH: process.env.PATH ?? '', HOME: home, OPTEL_E2E_SERVICE: 'delete-app', OPTEL_E2E_ENDPOINT: edge!.url, OPTEL_E2E_CONSENT_FILE: consentFile, ...transportEnv() };
    const app: ChildProcess = spawn(process.execPath, [join(ROOT, 'test/fixtures/running-app.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      app.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('flushed')) resolve();
      });
      app.once('exit', (code) => reject(new Error(`the app exited early (${code}): ${out}`)));
    });
    const idFile = join(home, 'optel-installation-id.json');
    const id = await waitFor('the id to have left the process', async () => {
      const s = JSON.parse(readFileSync(idFile, 'utf8')) as { id: string; sentAt?: string };
      return s.sentAt ? s.id : undefined;
    }, 10_000);
    const exited = new Promise((r) => app.once('exit', r));
    app.kill('SIGTERM');
    await exited;

    const r = await optel(['delete', '--consent-file', consentFile, '--json'], { env: { HOME: home, ...transportEnv() } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ deleted: true, deletionRequest: 'delivered' });
    const records = readFileSync(collector!.deletionRequestsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { installation_id: string; service_name: string });
    expect(records).toContainEqual(expect.objectContaining({ installation_id: id, service_name: 'delete-app' }));
  }, 60_000);

  it('without the key, or with a wrong one, the Collector answers 401; without the CA there is no connection; clear text is refused', async () => {
    const body = oneActivation('unauthorised');
    expect((await post(`${edge!.url}/v1/metrics`, body, { ca })).status).toBe(401);
    expect((await post(`${edge!.url}/v1/metrics`, body, { ca, auth: 'Bearer not-a-key' })).status).toBe(401);
    expect((await post(`${edge!.url}/v1/metrics`, body, { ca, auth: `Bearer ${KEY}` })).status).toBe(200);
    expect((await post(`${edge!.url}/v1/metrics`, body, { auth: `Bearer ${KEY}` })).status).toBe(0);
    const clear = await fetch(`${edge!.url.replace('https:', 'http:')}/v1/metrics`, { method: 'POST', body }).then((res) => res.status, () => 0);
    expect(clear).toBe(400);
    expect((await post(`${edge!.url}/admin`, body, { ca, auth: `Bearer ${KEY}` })).status).toBe(404);
    expect(await exposition()).not.toContain('feature="unauthorised"} 2');
  });

  it('a flood from one client gets 429 with Retry-After, a body over 4 MiB gets 413, and the Collector stays healthy', async () => {
    const body = oneActivation('flood');
    const replies = await Promise.all(Array.from({ length: 300 }, () => post(`${edge!.url}/v1/metrics`, body, { ca, auth: `Bearer ${KEY}` })));
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(100);
    expect(limited.every((r) => r.headers['retry-after'] === '5')).toBe(true);
    expect(replies.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    expect((await post(`${edge!.url}/v1/metrics`, Buffer.alloc(5 * 1024 * 1024, 0x20), { ca, auth: `Bearer ${KEY}` })).status).toBe(413);
    expect((await fetch(collector!.healthUrl)).status).toBe(200);
    // The rate refills: a second later the client is served again.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await post(`${edge!.url}/v1/metrics`, body, { ca, auth: `Bearer ${KEY}` })).status).toBe(200);
  });

  it('auth switched on without a keys file refuses everyone, and the Collector logs no error', async () => {
    const locked = await startCollector(join(tmp.dir, 'locked'), { recordReceived: false, env: { OPTEL_COLLECTOR_AUTH: 'true' } });
    try {
      for (const authorization of [undefined, 'Bearer ', `Bearer ${KEY}`]) {
        const res = await fetch(`${locked.otlpUrl}/v1/metrics`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: oneActivation('locked') });
        expect(res.status, String(authorization)).toBe(401);
      }
    } finally {
      await locked.stop();
    }
    expect(readFileSync(locked.logFile, 'utf8')).not.toMatch(/\berror\b/);
  });

  it("the Collector's own TLS listener, for a deployment without a proxy, serves only clients that trust its CA", async () => {
    const direct = await startCollector(join(tmp.dir, 'direct'), { scheme: 'https', env: { OPTEL_COLLECTOR_TLS: 'true', OPTEL_COLLECTOR_TLS_CERT_FILE: certFile, OPTEL_COLLECTOR_TLS_KEY_FILE: keyFile } });
    try {
      expect(direct.otlpUrl).toMatch(/^https:/);
      expect((await post(`${direct.otlpUrl}/v1/metrics`, oneActivation('direct'), { ca })).status).toBe(200);
      expect((await post(`${direct.otlpUrl}/v1/metrics`, oneActivation('direct'))).status).toBe(0);
    } finally {
      await direct.stop();
    }
  }, 60_000);
});
