// Whole-process start-up of a small app, with optel (consent off or on) or without it, for
// side-by-side timing of whole commands: OPTEL_BENCH_MODE=none|off|on|raw node bench/app-startup.mjs
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mode = process.env.OPTEL_BENCH_MODE ?? 'none';
const dir = mkdtempSync(join(tmpdir(), 'optel-startup-'));
let t;
let rawSdk;
if (mode === 'raw') {
  // What a team would run instead: the NodeSDK with instrumentation-http and the OTLP/HTTP exporters.
  const { startRawNodeSdk } = await import('./raw-sdk.mjs');
  rawSdk = await startRawNodeSdk({ serviceName: 'startup', endpoint: 'http://127.0.0.1:9', exportIntervalMillis: 60_000, timeoutMillis: 200 });
} else if (mode !== 'none') {
  const { register } = await import('../dist/bundle/index.js');
  if (mode === 'on') writeFileSync(join(dir, 'c.json'), JSON.stringify({ version: 1, categories: { performance: true, feature_usage: true } }));
  t = register({ serviceName: 'startup', consentFile: join(dir, 'c.json'), endpoint: 'http://127.0.0.1:9', exportTimeoutMs: 200, env: {} });
}
const server = http.createServer((_q, r) => r.end('ok'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
for (let i = 0; i < 50; i++) {
  t?.metrics.feature_usage.activations.add(1, { feature: 'x' });
  await new Promise((r) => http.get(`http://127.0.0.1:${server.address().port}/`, (res) => res.resume().on('end', r)));
}
server.close();
await t?.shutdown();
await rawSdk?.shutdown();
rmSync(dir, { recursive: true, force: true });
