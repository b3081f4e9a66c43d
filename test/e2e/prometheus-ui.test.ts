import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../../scripts/stack.ts';
import { tempDir } from '../helpers/temp.js';

// The demo sends people to the Prometheus UI: the binary it runs (built from the Go module, its UI
// built from the module's sources and embedded by scripts/ops-build.mjs) must serve a UI that works
// in a real browser. Debian's Chromium, headless, renders the page and runs its JavaScript.

const tmp = tempDir();
let stack: Stack;

/** The DOM after the page's scripts ran (virtual time lets the app fetch and render). */
function renderedDom(url: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'optel-chromium-'));
  return new Promise((resolve, reject) => {
    execFile(
      'chromium',
      ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, '--virtual-time-budget=15000', '--dump-dom', url],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout) => {
        rmSync(profile, { recursive: true, force: true });
        if ((error as { code?: unknown } | null)?.code === 'ENOENT') reject(new Error('chromium is not installed: `sudo apt-get install chromium` (.ci/run installs it)'));
        else if (error) reject(error);
        else resolve(stdout);
      },
    );
  });
}

beforeAll(async () => {
  stack = await startStack(tmp.dir);
}, 20 * 60_000);

afterAll(async () => {
  await stack?.stop();
  tmp.cleanup();
});

describe("Prometheus's web UI", () => {
  it('renders the query page, with the expression editor and the Execute button', async () => {
    const dom = await renderedDom(`${stack.prometheus.url}/query`);
    expect(dom).toContain('Enter expression');
    expect(dom).toContain('Execute');
    expect(dom).not.toContain('Error loading');
  }, 120_000);

  it('runs a query through the API and shows the result: the Collector is up', async () => {
    const dom = await renderedDom(`${stack.prometheus.url}/query?g0.expr=${encodeURIComponent('up{job="otel-collector"}')}&g0.tab=table&g0.range_input=1h`);
    // The table row carries the series' labels, as rendered by the UI from the API's answer.
    expect(dom).toContain('otel-collector');
    expect(dom).toContain(stack.collector.telemetryTarget);
  }, 120_000);
});
