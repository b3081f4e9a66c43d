import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, runNode } from '../helpers/run.js';

// `npm run demo` is the README's promise: run it as a user would, read what it prints, press Ctrl-C.
it('npm run demo shows live values for the example queries, typing e makes an alert reach Slack and e-mail, and Ctrl-C stops everything', async () => {
  const child = spawn(process.execPath, ['demo/run.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = Date.now() + 240_000;
  while (!output.includes('press Ctrl-C') && child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  expect(output).toContain('press Ctrl-C');
  // The README's promise: type e and watch OptelHighErrorRate arrive.
  child.stdin.write('e\n');
  const alertBy = Date.now() + 120_000;
  const alerted = () => /\[Slack #optel-alerts\] \[FIRING:\d+\] OptelHighErrorRate \(optel-demo\)/.test(output) && /\[e-mail to optel-team@example\.org\] .*OptelHighErrorRate/.test(output);
  while (!alerted() && child.exitCode === null && Date.now() < alertBy) await new Promise((r) => setTimeout(r, 500));
  expect(alerted(), output).toBe(true);
  expect(output).toContain('demo app: failing 300 operations');
  child.kill('SIGINT');
  expect(await exited, output).toBe(0);

  expect(output).toMatch(/Prometheus: +http:\/\/127\.0\.0\.1:\d+\/graph/);
  expect(output).toMatch(/Alertmanager: +http:\/\/127\.0\.0\.1:\d+\//);
  const values = [...output.matchAll(/\n    = (.*)/g)].map((m) => m[1]!);
  expect(values).toHaveLength(7);
  expect(values.filter((v) => v === '(no data yet)'), output).toEqual([]);
  expect(output).toMatch(/Backtests run \(a domain category\)\n.*\n    = value: [1-9]/);
  expect(output).toContain('stopping the app, Alertmanager, Prometheus and the Collector');
  // Prometheus names the demo's directory in its arguments, the Collector in its environment.
  const left = execFileSync('sh', ['-c', "pgrep -af 'cache/demo/prometheus|cache/demo/alertmanager' | grep -v pgrep; grep -las 'cache/demo/collector' /proc/[0-9]*/environ; true"], { encoding: 'utf8' });
  expect(left.trim()).toBe('');
}, 420_000);

it('on a machine without Go and nothing built yet, the demo says what it needs and where to get it', async () => {
  const emptyCache = mkdtempSync(join(tmpdir(), 'optel-demo-cache-'));
  try {
    const r = await runNode(['demo/run.ts'], { env: { OPTEL_GO: '/nonexistent/go', OPTEL_CACHE_DIR: emptyCache } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no usable Go found (tried OPTEL_GO=/nonexistent/go)');
    expect(r.stderr).toContain('is needed to build the Collector, Prometheus and Alertmanager: install it from https://go.dev/dl/');
  } finally {
    rmSync(emptyCache, { recursive: true, force: true });
  }
});
