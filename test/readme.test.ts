import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OtlpReceiver } from './helpers/otlp-receiver.js';
import { ROOT, runNode } from './helpers/run.js';
import { tempDir } from './helpers/temp.js';

// The README's examples are run as they are written: each block is saved as a script inside the
// package (so `import 'optel'` resolves to it) and run against a loopback receiver.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)].map((m) => m[1]!);
const receiver = new OtlpReceiver();
const tmp = tempDir();
const scratch = join(ROOT, 'test', '.readme-examples');

beforeAll(async () => {
  await receiver.start();
  mkdirSync(scratch, { recursive: true });
});
afterAll(async () => {
  await receiver.stop();
  rmSync(scratch, { recursive: true, force: true });
  tmp.cleanup();
});

async function runExample(name: string, code: string): Promise<void> {
  const file = join(scratch, `${name}.mjs`);
  writeFileSync(file, code);
  const r = await runNode([file], { env: { HOME: tmp.dir, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OPTEL_CONSENT_FILE: join(tmp.dir, name, 'consent.json') } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

it('the quick start runs and its telemetry arrives', async () => {
  const quickStart = blocks.find((b) => b.includes("telemetry.consent.grant('feature_usage', 'performance')"));
  expect(quickStart).toBeDefined();
  receiver.clear();
  await runExample('quick-start', quickStart!);
  expect(receiver.total('optel.feature_usage.activations', { feature: 'export_csv' })).toBe(1);
  expect(receiver.total('optel.feature_usage.activations', { feature: 'run_backtest' })).toBe(1);
  expect(receiver.total('optel.performance.operation_duration', { operation: 'load_data' })).toBe(1);
  expect(receiver.total('optel.satisfaction.score')).toBe(0); // satisfaction was not granted in the example
});

it('the domain-catalog example runs once consent is given', async () => {
  const example = blocks.find((b) => b.includes('defineCatalog({'));
  expect(example).toBeDefined();
  receiver.clear();
  // The example leaves consent to the app's settings screen; grant it as a user would, beforehand.
  const consentFile = join(tmp.dir, 'catalog', 'consent.json');
  mkdirSync(join(tmp.dir, 'catalog'), { recursive: true });
  writeFileSync(consentFile, JSON.stringify({ version: 1, categories: { strategy: true, backtest: true } }));
  await runExample('catalog', `${example!}\nawait telemetry.shutdown();\n`);
  expect(receiver.total('optel.strategy.created', { template: 'ema_cross' })).toBe(1);
  expect(receiver.total('optel.backtest.duration')).toBe(1);
});
