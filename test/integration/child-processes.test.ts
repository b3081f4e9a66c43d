import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../helpers/fault-proxy.js';
import { OtlpReceiver } from '../helpers/otlp-receiver.js';
import { ROOT, runNode } from '../helpers/run.js';
import { tempDir, writeConsent } from '../helpers/temp.js';

// These run the built package (dist/, built by `npm test`'s pretest) as a real app would.
const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);
const receiver = new OtlpReceiver();
const tmp = tempDir();

beforeAll(() => receiver.start());
afterAll(async () => {
  await receiver.stop();
  tmp.cleanup();
});

const run = (args: string[], env: Record<string, string>) => runNode(args, { env: { HOME: tmp.dir, ...env }, timeoutMs: 20_000 });

describe('consent toggled in a running app', () => {
  it.each([
    ['a Collector that answers at once', 0],
    ['a Collector that answers after 300 ms (exports in flight while consent changes)', 300],
  ])('revoking everything and granting again, awaited or not, brings every signal back, HTTP included: %s', async (_what, delayMs) => {
    const consentFile = join(tmp.dir, `toggle-${delayMs}`, 'consent.json');
    writeConsent(consentFile, { feature_usage: true, performance: true });
    receiver.clear();
    const proxy = new FaultProxy(receiver.url);
    await proxy.start();
    proxy.fault = delayMs > 0 ? { kind: 'slow', delayMs } : { kind: 'pass' };
    const r = await run([fixture('toggle-app.mjs')], { OPTEL_E2E_ENDPOINT: proxy.url, OPTEL_E2E_CONSENT_FILE: consentFile }).finally(() => proxy.stop());
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('toggle-app done, granted=true');
    await receiver.waitFor(() => receiver.spans().some((s) => s.name === 'GET /after'));
    expect(receiver.spans().map((s) => s.name)).toEqual(expect.arrayContaining(['GET /before', 'GET /after']));
    expect(receiver.points().filter((p) => p.name === 'http.server.request.duration').reduce((n, p) => n + (p.count ?? 0), 0)).toBe(2);
    expect(receiver.total('optel.feature_usage.activations', { feature: 'after_toggle' })).toBe(1);
  });
});

describe('broken local state, with OTEL_LOG_LEVEL=warn', () => {
  it('a corrupt consent file is reported from register() on, and nothing is sent', async () => {
    const consentFile = join(tmp.dir, 'corrupt', 'consent.json');
    mkdirSync(join(consentFile, '..'), { recursive: true });
    writeFileSync(consentFile, '{"version": 1, "categories": ');
    receiver.clear();
    const r = await run([fixture('local-state-app.mjs')], { OPTEL_E2E_ENDPOINT: receiver.url, OPTEL_E2E_CONSENT_FILE: consentFile, OTEL_LOG_LEVEL: 'warn' });
    expect(r.stdout).toContain('local-state-app done');
    expect(r.stderr).toMatch(/consent file .*consent\.json is not valid/);
    expect(receiver.requests).toEqual([]);
  });

  it('an id file that cannot be written is reported, and telemetry goes without an id rather than not at all', async () => {
    const consentFile = join(tmp.dir, 'no-id', 'consent.json');
    writeConsent(consentFile, { feature_usage: true });
    mkdirSync(join(tmp.dir, 'no-id', 'optel-installation-id.json'));
    receiver.clear();
    const r = await run([fixture('local-state-app.mjs')], { OPTEL_E2E_ENDPOINT: receiver.url, OPTEL_E2E_CONSENT_FILE: consentFile, OTEL_LOG_LEVEL: 'warn' });
    expect(r.stdout).toContain('local-state-app done');
    expect(r.stderr).toMatch(/keeping the installation id in .* \(telemetry is sent without one\)/);
    await receiver.waitFor(() => receiver.total('optel.feature_usage.activations', { feature: 'local_state' }) === 1);
    expect(receiver.everything()).not.toContain('optel.installation.id');
  });
});

describe('node --import optel/register', () => {
  it('registers from OTEL_* and OPTEL_* variables before the app runs, HTTP included', async () => {
    const consentFile = join(tmp.dir, 'hook', 'consent.json');
    writeConsent(consentFile, { feature_usage: true, performance: true });
    receiver.clear();
    const r = await run(['--import', 'optel/register', fixture('hook-app.mjs')], {
      OTEL_SERVICE_NAME: 'hooked-app',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OPTEL_CONSENT_FILE: consentFile,
      OTEL_METRIC_EXPORT_INTERVAL: '60000',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('hook-app done');
    await receiver.waitFor(() => receiver.spans().length > 0);
    expect(receiver.total('optel.feature_usage.activations', { feature: 'hook' })).toBe(1);
    expect(receiver.spans().map((s) => s.name)).toEqual(expect.arrayContaining(['GET /items/:id']));
    expect(receiver.spans()[0]!.resource['service.name']).toBe('hooked-app');
  });

  it('fails fast with one message naming the variable when the environment is invalid', async () => {
    const r = await run(['--import', 'optel/register', fixture('hook-app.mjs')], { OTEL_SERVICE_NAME: 'x', OPTEL_EXPORTER: 'zipkin' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('optel: invalid option "OPTEL_EXPORTER": got "zipkin"; expected "otlp" or "prometheus"');
  });
});

describe('crash capture', () => {
  for (const mode of ['exception', 'rejection'] as const) {
    it(`an uncaught ${mode} crashes the app exactly as without optel, and is sent, redacted, at the next start`, async () => {
      const home = join(tmp.dir, `crash-${mode}`);
      const consentFile = join(home, 'consent.json');
      writeConsent(consentFile, { errors: true });
      const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OPTEL_CONSENT_FILE: consentFile };
      const without = await run([fixture('crash-app.mjs'), mode], { ...env, OPTEL_FIXTURE_WITHOUT_OPTEL: '1' });
      const withOptel = await run([fixture('crash-app.mjs'), mode], env);
      expect(without.code).not.toBe(0);
      expect(withOptel.code).toBe(without.code);
      expect(withOptel.stderr.replace(/\n\s+at .*/g, '')).toBe(without.stderr.replace(/\n\s+at .*/g, ''));

      receiver.clear();
      const next = await run([fixture('start-app.mjs')], env);
      expect(next.code).toBe(0);
      await receiver.waitFor(() => receiver.spans().some((s) => s.name === 'errors.crashes'));
      const crash = receiver.spans().find((s) => s.name === 'errors.crashes')!;
      const kind = mode === 'exception' ? 'uncaught_exception' : 'unhandled_rejection';
      expect(crash.attributes).toMatchObject({ kind, type: mode === 'exception' ? 'TypeError' : 'Error' });
      const exception = crash.events.find((e) => e.name === 'exception')!;
      expect(exception.attributes['exception.message']).toBe('boom for [REDACTED:email] at /home/<user>/app.js');
      expect(receiver.total('optel.errors.crashes', { kind })).toBe(1);
      expect(receiver.everything()).not.toContain('alice');
    });
  }
});
