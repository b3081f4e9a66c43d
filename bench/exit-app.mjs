// A short-lived app that records and then just ends (no shutdown()), for timing how much optel
// adds to the end of a process: OPTEL_BENCH_MODE=none|optel, OPTEL_BENCH_ENDPOINT=<OTLP base URL>.
// With optel, what it recorded is delivered or written to the outbox before the process ends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'optel-exit-'));
let t;
if (process.env.OPTEL_BENCH_MODE === 'optel') {
  const { register } = await import('../dist/bundle/index.js');
  writeFileSync(join(dir, 'c.json'), JSON.stringify({ version: 1, categories: { performance: true, feature_usage: true } }));
  t = register({ serviceName: 'exit-bench', consentFile: join(dir, 'c.json'), endpoint: process.env.OPTEL_BENCH_ENDPOINT, env: {}, instrumentHttp: false, resourceMetrics: false });
}
// Registered after optel's own exit handler, so it runs after the outbox was written.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let x = 0;
for (let i = 0; i < 1000; i++) {
  t?.metrics.feature_usage.activations.add(1, { feature: `f${i % 20}` });
  x += i;
}
for (let i = 0; i < 100; i++) t?.withTelemetry('op', () => x)();
