// Heap while the Collector is down: the SDK's span queue (2048 spans) and the outbox (8 MiB of
// request bodies, by default) are bounded, so 20x more work into a dead endpoint leaves the heap
// about where 1x left it, and the outbox on disk at its bound.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from '../dist/bundle/index.js';

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
  return [heapMb(), process.memoryUsage().rss / 1e6];
}
const base = heapMb();
const [at10k, rss10k] = await run(10_000);
const [at200k, rss200k] = await run(190_000);
await t.shutdown();
const outbox = join(dir, 'optel-outbox');
let disk = 0;
try {
  for (const f of readdirSync(outbox)) disk += statSync(join(outbox, f)).size;
} catch {}
console.log(`Collector down (span queue 2048, outbox 8 MiB): heap ${base.toFixed(1)} MB at start, ${at10k.toFixed(1)} MB after 10,000 wrapped calls, ${at200k.toFixed(1)} MB after 200,000 (ratio 200k/10k: ${(at200k / at10k).toFixed(2)}x); RSS ${rss10k.toFixed(0)} MB after 10,000, ${rss200k.toFixed(0)} MB after 200,000; outbox on disk after shutdown ${(disk / 1e6).toFixed(1)} MB`);
rmSync(dir, { recursive: true, force: true });
