// An HTTP server under load for the side-by-side comparison in bench/run.mjs (section `http`):
// OPTEL_BENCH_MODE=none (no telemetry) | raw (the OpenTelemetry NodeSDK with instrumentation-http
// and the OTLP/HTTP exporters, as a team would set it up) | off (optel, nothing granted) | on
// (optel, every category granted). Telemetry goes to OPTEL_BENCH_SINK. Run with fork(): it sends
// {port} when listening; on {cmd:'mark'} it starts counting, on {cmd:'report'} it answers with the
// CPU time, requests and RSS since the mark.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mode = process.env.OPTEL_BENCH_MODE ?? 'none';
const sink = process.env.OPTEL_BENCH_SINK ?? 'http://127.0.0.1:9';
const dir = mkdtempSync(join(tmpdir(), 'optel-http-bench-'));

if (mode === 'raw') {
  const { startRawNodeSdk } = await import('./raw-sdk.mjs');
  await startRawNodeSdk({ serviceName: 'bench', endpoint: sink });
} else if (mode === 'off' || mode === 'on') {
  const { register } = await import('../dist/bundle/index.js');
  const consentFile = join(dir, 'consent.json');
  if (mode === 'on') writeFileSync(consentFile, JSON.stringify({ version: 1, categories: { performance: true, feature_usage: true, errors: true, system: true, engagement: true } }));
  register({ serviceName: 'bench', consentFile, endpoint: sink, exportIntervalMs: 5000, env: {} });
}

// http is required after the telemetry is set up, as an app preloading its telemetry would: the
// instrumentation patches it on that require (raw and optel alike).
const http = createRequire(import.meta.url)('node:http');
const items = Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item-${i}`, price: i * 3.5, tags: ['a', 'b'] }));
let requests = 0;
const server = http.createServer((req, res) => {
  requests++;
  const body = req.url?.startsWith('/users/') ? JSON.stringify({ id: req.url.slice(7), name: 'someone', plan: 'pro' }) : JSON.stringify(items);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));

let mark = { cpu: process.cpuUsage(), requests: 0 };
process.on('message', (m) => {
  if (m.cmd === 'mark') {
    mark = { cpu: process.cpuUsage(), requests };
  } else if (m.cmd === 'report') {
    const cpu = process.cpuUsage(mark.cpu);
    process.send?.({ cpuMicros: cpu.user + cpu.system, requests: requests - mark.requests, rss: process.memoryUsage().rss });
  } else if (m.cmd === 'exit') {
    server.close();
    process.exit(0);
  }
});
