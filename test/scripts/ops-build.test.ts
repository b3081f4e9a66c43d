import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNode } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir();

describe('scripts/ops-build.mjs', () => {
  it('takes over the lock of a build that was killed half-way, instead of waiting for it', async () => {
    const cache = join(tmp.dir, 'cache');
    // A build killed with SIGKILL leaves its lock behind, naming a process that is gone.
    const gone = spawnSync('true').pid as number;
    const lock = join(cache, 'ops', 'alertmanager-v0.35.0.lock');
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'pid'), String(gone));
    // No Go (OPTEL_GO names none): once past the lock, the build stops at once and says why.
    const r = await runNode([join(ROOT, 'scripts/ops-build.mjs'), 'alertmanager'], { env: { OPTEL_CACHE_DIR: cache, OPTEL_GO: '/nonexistent/go' }, timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('removing stale lock');
    expect(r.stderr).toContain('no usable Go found (tried OPTEL_GO=/nonexistent/go)');
  });
});
