// Heap while the Collector is down: if the span queue is bounded, 20x more work into a dead
// endpoint leaves the heap where 1x left it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from '../dist/index.js';

const dir = mkdtempSync(join(tmpdir(), 'optel-bench-mem-'));
writeFileSync(join(dir, 'c.json'), JSON.stringify({ version: 1, categories: { performance: true, feature_usage: true } }));
const t = register({ serviceName: 'bench', consentFile: join(dir, 'c.json'), endpoint: 'http://127.0.0.1:9', exportTimeoutMs: 1000, maxQueueSize: 2048, env: {}, instrumentHttp: false, resourceMetrics: false });
const work = t.withTelemetry('dead_endpoint_op', () => 1);

const heapMb = () => {
  global.gc();
  return process.memoryUsage().heapUsed / 1e6;
};
async function run(n) {
  for (let i = 0; i < n; i++) {
    work();
    if (i % 5_000 === 0) await new Promise((r) => setImmediate(r)); // let exports fail and the queue turn over
  }
  await new Promise((r) => setTimeout(r, 200));
  return heapMb();
}
const base = heapMb();
const at10k = await run(10_000);
const at200k = await run(190_000);
console.log(`Collector down (queue bound 2048 spans): heap ${base.toFixed(1)} MB at start, ${at10k.toFixed(1)} MB after 10,000 wrapped calls, ${at200k.toFixed(1)} MB after 200,000 (ratio 200k/10k: ${(at200k / at10k).toFixed(2)}x)`);
await t.shutdown();
rmSync(dir, { recursive: true, force: true });
