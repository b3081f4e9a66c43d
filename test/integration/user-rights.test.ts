import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diag, DiagLogLevel } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { type BuiltinCatalog, type CatalogSpec, register, type RegisterOptions, type Telemetry } from '../../src/index.js';
import { defineCatalog } from '../../src/catalog/types.js';
import { resetWarnings } from '../../src/diag.js';
import { useLoopbackSession } from '../helpers/session.js';
import { runNode } from '../helpers/run.js';
import { allGranted, writeConsent } from '../helpers/temp.js';

const session = useLoopbackSession();

const consentFile = () => join(session.tmp.dir, 'consent.json');
function start<const C extends CatalogSpec = Record<never, never>>(extra: RegisterOptions<C> = {}): Telemetry<BuiltinCatalog & C> {
  const t = register<C>({ serviceName: 'rights', endpoint: session.receiver.url, consentFile: consentFile(), exportIntervalMs: 60_000, env: {}, consentWatchIntervalMs: 100, ...extra });
  session.telemetry = t;
  return t;
}
const deletionRequests = () => session.receiver.spans().filter((s) => s.name === 'optel.deletion_request');

describe('user rights in the API', () => {
  it('consent.describe() lists every category with what it collects, for a consent screen', () => {
    writeConsent(consentFile(), { performance: true });
    const t = start();
    const d = t.consent.describe();
    expect(d.map((c) => c.category)).toEqual(['feature_usage', 'performance', 'engagement', 'errors', 'satisfaction', 'resource', 'system']);
    const perf = d.find((c) => c.category === 'performance')!;
    expect(perf).toMatchObject({ granted: true, reason: 'granted', description: expect.stringContaining('millisecond') });
    expect(perf.metrics[0]).toMatchObject({ name: 'operation_duration', instrument: 'optel.performance.operation_duration', kind: 'histogram', unit: 'ms', sensitivity: 'low', attributes: ['operation', 'outcome'], expires: '2027-11-30' });
  });

  it('userData.show() holds exactly the requests the endpoint received', async () => {
    writeConsent(consentFile(), allGranted());
    const t = start();
    t.metrics.feature_usage.activations.add(1, { feature: 'a' });
    t.metrics.feature_usage.flow.emit({ from: 'a', to: 'b' });
    await t.forceFlush();
    const shown = t.userData.show();
    expect(shown.length).toBe(session.receiver.requests.length);
    expect(shown.map((e) => JSON.stringify(e.body)).sort()).toEqual(session.receiver.requests.map((r) => JSON.stringify(r.body)).sort());
  });

  it('opting out of everything sends one deletion request for an id that left, and the next id is unrelated', async () => {
    writeConsent(consentFile(), allGranted());
    const t = start({ anonymousId: true });
    t.metrics.feature_usage.activations.add(1, { feature: 'before' });
    await t.forceFlush();
    const oldId = session.receiver.points()[0]!.resource['optel.installation.id'];
    expect(oldId).toMatch(/^[0-9a-f-]{36}$/);
    t.metrics.feature_usage.activations.add(1, { feature: 'queued' });
    session.receiver.clear();
    await t.consent.revoke();
    expect(session.receiver.requests).toHaveLength(1);
    expect(deletionRequests()).toHaveLength(1);
    expect(deletionRequests()[0]!.resource['optel.installation.id']).toBe(oldId);
    expect(t.userData.show()).toEqual([]); // the audit log went with the consent
    expect(existsSync(join(session.tmp.dir, 'optel-installation-id.json'))).toBe(false);

    session.receiver.clear();
    t.consent.grant();
    t.metrics.feature_usage.activations.add(1, { feature: 'after' });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.total('optel.feature_usage.activations', { feature: 'after' }) === 1);
    const newId = session.receiver.points()[0]!.resource['optel.installation.id'];
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    expect(newId).not.toBe(oldId);
    expect(session.receiver.everything()).not.toContain('queued');
  });

  it('userData.delete() revokes, removes local data and reports the deletion request', async () => {
    writeConsent(consentFile(), allGranted());
    const t = start({ anonymousId: true });
    t.metrics.system.update_checks.add(1, { result: 'up_to_date' });
    await t.forceFlush();
    expect(await t.userData.delete()).toEqual({ deletionRequest: 'delivered' });
    expect(existsSync(consentFile())).toBe(false);
    expect(t.userData.export()).toMatchObject({ installationId: null, pendingDeletionRequest: null, audit: [] });
    expect(deletionRequests()).toHaveLength(1);
  });

  it('a pending deletion request is retried at start, and nothing else is sent until it is delivered', async () => {
    writeConsent(consentFile(), allGranted());
    writeFileSync(join(session.tmp.dir, 'optel-deletion-request.json'), JSON.stringify({ oldId: 'old-id-1', serviceName: 'rights', endpoint: 'http://127.0.0.1:9', createdAt: 'x', attempts: 1 }));
    // The endpoint in the pending request is down: the SDK stays off.
    let t = start();
    t.metrics.feature_usage.activations.add(1, { feature: 'held' });
    await new Promise((r) => setTimeout(r, 300));
    await t.forceFlush();
    expect(session.receiver.requests).toHaveLength(0);
    await t.shutdown();
    // Next start, reachable endpoint: the request is delivered first, then telemetry flows.
    writeFileSync(join(session.tmp.dir, 'optel-deletion-request.json'), JSON.stringify({ oldId: 'old-id-1', serviceName: 'rights', endpoint: session.receiver.url, createdAt: 'x', attempts: 2 }));
    t = start();
    await session.receiver.waitFor(() => deletionRequests().length === 1);
    expect(session.receiver.requests[0]!.raw).toContain('optel.deletion_request');
    t.metrics.feature_usage.activations.add(1, { feature: 'after' });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.total('optel.feature_usage.activations', { feature: 'after' }) === 1);
  });

  it('a running app picks up a grant written by another process, without a restart', async () => {
    const t = start();
    writeConsent(consentFile(), { feature_usage: true });
    await session.receiver.waitFor(() => t.consent.isGranted('feature_usage'), 5000);
    t.metrics.feature_usage.activations.add(1, { feature: 'external' });
    await t.forceFlush();
    await session.receiver.waitFor(() => session.receiver.total('optel.feature_usage.activations', { feature: 'external' }) === 1);
  });

  it('an expired metric records nothing and says so once', async () => {
    const warnings: string[] = [];
    diag.setLogger({ warn: (m) => warnings.push(m), error: () => {}, info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
    resetWarnings();
    const catalog = defineCatalog({
      legacy: { description: 'Old things.', metrics: {
        old: { kind: 'counter', unit: '1', description: 'Old.', attributes: {}, sensitivity: 'low', expires: '2020-01-01' },
        gated: { kind: 'counter', unit: '1', description: 'Until 2.0.', attributes: {}, sensitivity: 'low', expires: 'version:2.0.0' },
        fresh: { kind: 'counter', unit: '1', description: 'New.', attributes: {}, sensitivity: 'low', expires: '2099-01-01' },
      } },
    });
    writeConsent(consentFile(), { legacy: true });
    const t = start({ catalog, serviceVersion: '2.1.0' });
    t.metrics.legacy.old.add(1);
    t.metrics.legacy.old.add(1);
    t.metrics.legacy.gated.add(1);
    t.metrics.legacy.fresh.add(1);
    await t.forceFlush();
    expect(session.receiver.total('optel.legacy.fresh')).toBe(1);
    expect(session.receiver.total('optel.legacy.old')).toBe(0);
    expect(session.receiver.total('optel.legacy.gated')).toBe(0);
    expect(warnings.filter((w) => w.includes('optel.legacy.old expired'))).toHaveLength(1);
    diag.disable();
  });
});

describe('OPTEL_DEBUG=1', () => {
  it('prints what would be sent as JSON on stderr and sends nothing', async () => {
    writeConsent(consentFile(), allGranted());
    const script = "import { register } from 'optel'; const t = register({ serviceName: 'dbg' }); t.metrics.feature_usage.activations.add(2, { feature: 'debugged' }); t.metrics.feature_usage.flow.emit({ from: 'a', to: 'b' }); await t.shutdown();";
    const { stderr, code } = await runNode(['--input-type=module', '-e', script], { env: { HOME: session.tmp.dir, OPTEL_DEBUG: '1', OPTEL_CONSENT_FILE: consentFile(), OTEL_EXPORTER_OTLP_ENDPOINT: session.receiver.url } });
    expect(code).toBe(0);
    const lines = stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { optelDebug: string; wouldSendTo: string; body: unknown });
    expect(lines.map((l) => l.optelDebug).sort()).toEqual(['metrics', 'traces']);
    expect(lines[0]!.wouldSendTo).toMatch(new RegExp(`^${session.receiver.url}/v1/`));
    expect(stderr).toContain('"debugged"');
    expect(session.receiver.requests).toHaveLength(0);
  });
});
