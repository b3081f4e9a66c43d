import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/userdata/audit-log.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir();
const entry = (n: number) => ({ at: `2026-11-22T00:00:${String(n % 60).padStart(2, '0')}Z`, signal: 'metrics' as const, url: 'http://c/v1/metrics', outcome: 'sent' as const, body: { n, pad: 'x'.repeat(200) } });

describe('AuditLog', () => {
  it('reads newest first', () => {
    const log = new AuditLog(join(tmp.dir, 'a', 'audit.jsonl'));
    for (let i = 0; i < 3; i++) log.append(entry(i));
    expect(log.read().map((e) => (e.body as { n: number }).n)).toEqual([2, 1, 0]);
  });

  it('stays within its byte bound, keeping the newest entries', () => {
    const file = join(tmp.dir, 'b', 'audit.jsonl');
    const log = new AuditLog(file, 4096);
    for (let i = 0; i < 200; i++) log.append(entry(i));
    expect(statSync(file).size).toBeLessThanOrEqual(4096);
    const kept = log.read().map((e) => (e.body as { n: number }).n);
    expect(kept[0]).toBe(199);
    expect(kept.length).toBeGreaterThan(3);
  });

  it('survives a torn last line and clears completely', () => {
    const file = join(tmp.dir, 'c', 'audit.jsonl');
    const log = new AuditLog(file);
    log.append(entry(1));
    writeFileSync(file, `${JSON.stringify(entry(1))}\n{"at":"torn`);
    expect(log.read()).toHaveLength(1);
    log.clear();
    expect(log.read()).toEqual([]);
  });
});
