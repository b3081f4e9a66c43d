import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/catalog/builtin.js';
import { optel as run } from '../helpers/run.js';
import { makeUnwritable, tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();
const optel = (args: string[], env: Record<string, string> = {}) => run(args, { env: { HOME: tmp.dir, ...env } });

let n = 0;
function app(): string {
  const file = join(tmp.dir, `app${n++}`, 'consent.json');
  mkdirSync(join(file, '..'), { recursive: true });
  return file;
}

describe('optel consent', () => {
  it('status shows every category off by default, and why', async () => {
    const r = await optel(['consent', 'status', '--consent-file', app()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/feature_usage\s+off\s+not granted \(telemetry is opt-in\)/);
    expect(r.stdout.split('\n').filter((l) => /^\w/.test(l))).toHaveLength(8); // header + 7 categories
  });

  it('a corrupt consent file: status, show and export exit 1 and say what to do; revoke writes a new one', async () => {
    const file = app();
    writeFileSync(file, '{"version": 1, "categ');
    for (const args of [['consent', 'status'], ['show'], ['export']]) {
      const r = await optel([...args, '--consent-file', file]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/consent file .* is not valid .* treats every category as not granted/);
    }
    const r = await optel(['consent', 'revoke', '--consent-file', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/was not valid .* writing a new one/);
    expect((await optel(['consent', 'status', '--consent-file', file])).code).toBe(0);
  });

  it('a revoke that cannot be written exits 1 and says it did not take effect', async () => {
    const file = app();
    writeConsent(file, { performance: true });
    const undo = makeUnwritable(join(file, '..'));
    try {
      const r = await optel(['consent', 'revoke', 'performance', '--consent-file', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/could not write the consent file .* the revoke did not take effect/);
      expect(r.stdout).not.toContain('revoked');
      const d = await optel(['delete', '--consent-file', file]);
      expect(d.code).toBe(1);
      expect(d.stderr).toMatch(/could not delete .*consent\.json/);
    } finally {
      undo();
    }
    // The file still says what it said: the CLI did not pretend otherwise.
    expect(JSON.parse(readFileSync(file, 'utf8')).categories).toEqual({ performance: true });
  });

  it('grant and revoke change the file register() reads, with history', async () => {
    const file = app();
    expect((await optel(['consent', 'grant', 'performance', 'errors', '--consent-file', file])).stdout).toContain('granted: performance, errors');
    await optel(['consent', 'revoke', 'errors', '--consent-file', file]);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    expect(record.categories).toEqual({ performance: true, errors: false });
    expect(record.history.map((h: { action: string }) => h.action)).toEqual(['grant', 'revoke']);
    const status = JSON.parse((await optel(['consent', 'status', '--consent-file', file, '--json'])).stdout);
    expect(status.categories.performance).toEqual({ granted: true, reason: 'granted' });
  });

  it('says when an environment variable keeps everything off', async () => {
    const file = app();
    writeConsent(file, { performance: true });
    const r = await optel(['consent', 'status', '--consent-file', file, '--json'], { DO_NOT_TRACK: '1' });
    expect(JSON.parse(r.stdout).categories.performance).toEqual({ granted: false, reason: 'forced-off', forcedBy: 'DO_NOT_TRACK' });
  });

  it("knows the app's own opt-out variable from optel-app.json, not a guess from its name", async () => {
    const file = app();
    writeConsent(file, { performance: true });
    writeFileSync(join(file, '..', 'optel-app.json'), JSON.stringify({ serviceName: 'svc', exporter: 'otlp', endpoint: 'http://127.0.0.1:9', catalog: builtinCatalog, optOutVariable: 'ACME_STUDIO_NO_TELEMETRY', exportTimeoutMs: 500 }));
    const r = await optel(['consent', 'status', '--consent-file', file, '--json'], { ACME_STUDIO_NO_TELEMETRY: '1' });
    expect(JSON.parse(r.stdout).categories.performance).toEqual({ granted: false, reason: 'forced-off', forcedBy: 'ACME_STUDIO_NO_TELEMETRY' });
  });

  it('finds the app by name in the OS config directory', async () => {
    await optel(['consent', 'grant', 'system', '--app', 'my-cli-app'], { XDG_CONFIG_HOME: join(tmp.dir, 'xdg') });
    expect(JSON.parse(readFileSync(join(tmp.dir, 'xdg', 'my-cli-app', 'optel-consent.json'), 'utf8')).categories).toEqual({ system: true });
  });

  it('uses the categories the app declared (from optel-app.json)', async () => {
    const file = app();
    writeFileSync(join(file, '..', 'optel-app.json'), JSON.stringify({ serviceName: 's', exporter: 'otlp', endpoint: 'http://127.0.0.1:9', catalog: { strategy: { description: 'Strategies.', metrics: { created: { kind: 'event', unit: '1', description: 'Created.', attributes: {}, sensitivity: 'low', expires: 'never', expiresReason: 'kept for the tests' } } } } }));
    expect((await optel(['consent', 'grant', 'strategy', '--consent-file', file])).code).toBe(0);
  });

  it.each([
    [['consent', 'grant', 'nope', '--consent-file', '/tmp/x.json'], 2, /unknown category "nope"; the categories are: feature_usage, performance/],
    [['consent', 'frobnicate', '--consent-file', '/tmp/x.json'], 2, /needs status, grant or revoke/],
    [['consent', 'status'], 2, /say which app: --app <name>/],
    [['consent', 'status', '--consent-file'], 2, /--consent-file needs a value/],
    [['consent', 'status', '--colour', '--consent-file', '/tmp/x.json'], 2, /unknown option --colour/],
    [['show', '--limit', '0', '--consent-file', '/tmp/x.json'], 2, /--limit must be a whole number/],
    [['consent', 'status', '--consent-file', '/'], 1, /is a directory/],
    [['nonsense'], 2, /unknown command "nonsense"/],
  ])('%j exits %i with a clear message', async (args, code, message) => {
    const r = await optel(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('every command has --help', async () => {
    for (const c of ['consent', 'show', 'export', 'delete', 'catalog', 'redact']) {
      const r = await optel([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain(`Usage: optel ${c}`);
    }
  });
});

describe('optel show, export, delete, catalog', () => {
  it('export prints one JSON document with the consent record, id, pending deletion and audit log', async () => {
    const file = app();
    writeConsent(file, { performance: true });
    writeFileSync(join(file, '..', 'optel-installation-id.json'), JSON.stringify({ id: '11111111-2222-4333-8444-555555555555', createdAt: '2026-11-22T00:00:00Z' }));
    writeFileSync(join(file, '..', 'optel-audit.jsonl'), `${JSON.stringify({ at: 'x', signal: 'traces', url: 'u', outcome: 'sent', body: { a: 1 } })}\n`);
    const doc = JSON.parse((await optel(['export', '--consent-file', file])).stdout);
    expect(Object.keys(doc).sort()).toEqual(['audit', 'consent', 'exportedAt', 'installationId', 'outbox', 'pendingDeletionRequest']);
    expect(doc.outbox).toEqual([]);
    expect(doc.consent.categories).toEqual({ performance: true });
    expect(doc.installationId.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(doc.audit).toHaveLength(1);
    expect(doc.pendingDeletionRequest).toBeNull();
  });

  it('show prints the audit log newest first, or says it is empty', async () => {
    const file = app();
    expect((await optel(['show', '--consent-file', file])).stdout).toContain('nothing was sent');
    writeFileSync(join(file, '..', 'optel-audit.jsonl'), [1, 2].map((i) => JSON.stringify({ at: `t${i}`, signal: 'metrics', url: 'u', outcome: 'sent', body: { i } })).join('\n'));
    const entries = JSON.parse((await optel(['show', '--consent-file', file, '--json'])).stdout);
    expect(entries.map((e: { at: string }) => e.at)).toEqual(['t2', 't1']);
  });

  it('delete removes local data and, with an id that never left, needs no deletion request', async () => {
    const file = app();
    writeConsent(file, { performance: true });
    writeFileSync(join(file, '..', 'optel-installation-id.json'), JSON.stringify({ id: '11111111-2222-4333-8444-555555555555', createdAt: 'x' }));
    const r = await optel(['delete', '--consent-file', file, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ deleted: true, deletionRequest: 'not-needed' });
    for (const f of ['consent.json', 'optel-installation-id.json', 'optel-audit.jsonl']) expect(existsSync(join(file, '..', f)), f).toBe(false);
  });

  it('delete keeps a deletion request it cannot deliver, for the app to retry at its next start', async () => {
    const file = app();
    writeConsent(file, { performance: true });
    writeFileSync(join(file, '..', 'optel-app.json'), JSON.stringify({ serviceName: 's', exporter: 'otlp', endpoint: 'http://127.0.0.1:9', catalog: {} }));
    writeFileSync(join(file, '..', 'optel-installation-id.json'), JSON.stringify({ id: '11111111-2222-4333-8444-555555555555', createdAt: 'x', sentAt: 'y' }));
    const r = await optel(['delete', '--consent-file', file]);
    expect(r.stdout).toContain('deletion request: pending (sent when the app next starts)');
    expect(JSON.parse(readFileSync(join(file, '..', 'optel-deletion-request.json'), 'utf8')).oldId).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('catalog prints every metric with sensitivity and expiry, as a table or JSON', async () => {
    const table = (await optel(['catalog'])).stdout;
    expect(table).toMatch(/feature_usage\s+optel\.feature_usage\.activations\s+counter\s+\{activation\}\s+feature\s+low\s+2027-11-30/);
    const json = JSON.parse((await optel(['catalog', '--json'])).stdout);
    expect(json.map((c: { category: string }) => c.category)).toEqual(['feature_usage', 'performance', 'engagement', 'errors', 'satisfaction', 'resource', 'system']);
    expect(json[6].metrics.find((m: { name: string }) => m.name === 'redactions')).toMatchObject({ expires: 'never', expiresReason: expect.any(String) });
  });
});
