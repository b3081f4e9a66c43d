import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { register, type Telemetry } from '../../src/index.js';
import type { BuiltinCatalog } from '../../src/catalog/builtin.js';
import { tempDir, writeConsent } from '../helpers/temp.js';

let telemetry: Telemetry<BuiltinCatalog> | undefined;
const tmp = tempDir();

afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function scrape(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  return res.text();
}

it('serves granted categories for Prometheus to scrape, and hides a category at once when it is revoked', async () => {
  const port = await freePort();
  const consentFile = join(tmp.dir, 'prom-consent.json');
  writeConsent(consentFile, { feature_usage: true, engagement: true });
  telemetry = register({ serviceName: 'prom-test', exporter: 'prometheus', prometheus: { port }, consentFile, env: {}, instrumentHttp: false, anonymousId: true });
  telemetry.metrics.feature_usage.activations.add(2, { feature: 'export' });
  telemetry.metrics.engagement.session_starts.add();
  telemetry.metrics.errors.errors.add(1, { type: 'X', severity: 'error' }); // not granted

  let body = '';
  for (let i = 0; i < 50 && !body.includes('optel_feature_usage_activations'); i++) {
    body = await scrape(port).catch(() => '');
    if (!body.includes('optel_feature_usage_activations')) await new Promise((r) => setTimeout(r, 100));
  }
  expect(body).toMatch(/optel_feature_usage_activations_total\{[^}]*feature="export"[^}]*\} 2/);
  expect(body).toContain('optel_engagement_session_starts_total');
  expect(body).not.toContain('optel_errors_errors');
  expect(body).not.toMatch(/installation|target_info|host_name|process_pid/); // no id or host label, ever

  await telemetry.consent.revoke('engagement');
  body = await scrape(port);
  expect(body).toContain('optel_feature_usage_activations_total');
  expect(body).not.toContain('optel_engagement_session_starts');
});
