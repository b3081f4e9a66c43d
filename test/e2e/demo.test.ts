import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { runNode } from '../helpers/run.js';

// `npm run demo` is the README's promise: run it (in its report-once mode) and read what it prints.
it('npm run demo starts the stack, shows live values for the example queries, and stops everything', async () => {
  const r = await runNode(['demo/run.ts'], { timeoutMs: 300_000, env: { ...(process.env as Record<string, string>), OPTEL_DEMO_EXIT_AFTER_REPORT: '1' } });
  const { code } = r;
  const output = r.stdout + r.stderr;
  expect(code, output).toBe(0);
  expect(output).toMatch(/Prometheus: +http:\/\/127\.0\.0\.1:\d+\/graph/);
  const values = [...output.matchAll(/\n    = (.*)/g)].map((m) => m[1]!);
  expect(values).toHaveLength(7);
  expect(values.filter((v) => v === '(no data yet)'), output).toEqual([]);
  expect(output).toMatch(/Backtests run \(a domain category\)\n.*\n    = value: [1-9]/);
  const left = execFileSync('sh', ['-c', "pgrep -af 'cache/demo/(prometheus|collector)' | grep -v pgrep || true"], { encoding: 'utf8' });
  expect(left.trim()).toBe('');
}, 320_000);
