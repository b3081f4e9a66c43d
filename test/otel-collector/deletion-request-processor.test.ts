import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

// optel's own Collector component is Go: its table tests (validation, 400/429/503, dedup, bound,
// restart, 0600) run with `go test`, from here so that `npm test` runs them too.
describe('otel-collector/components/deletionrequestprocessor', () => {
  it('passes its Go tests', async () => {
    const dir = join(ROOT, 'otel-collector/components/deletionrequestprocessor');
    const go = process.env.OPTEL_GO ?? '/usr/local/go/bin/go';
    const r = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(go, ['test', '-count=1', './...'], { cwd: dir, encoding: 'utf8', timeout: 600_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
      });
    });
    expect(r.out).toMatch(/^ok\s+github\.com\/optel\/optel-otelcol\/deletionrequestprocessor/m);
    expect(r.code).toBe(0);
  }, 620_000);
});
