import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, type AuditRecord } from '../../src/userdata/audit-log.js';
import { makeUnwritable, tempDir } from '../helpers/temp.js';

const tmp = tempDir();
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const record = (n: number, pad = 200): AuditRecord => ({
  at: `2026-11-22T00:00:${String(n % 60).padStart(2, '0')}Z`,
  signal: 'metrics',
  url: 'http://c/v1/metrics',
  outcome: 'sent',
  body: utf8(`{"n":${n},"pad":"${'x'.repeat(pad)}"}`),
});
const numbers = (log: AuditLog) => log.read().map((e) => (e.body as { n: number }).n);

describe('AuditLog', () => {
  it('reads newest first', async () => {
    const log = new AuditLog(join(tmp.dir, 'a', 'audit.jsonl'));
    for (let i = 0; i < 3; i++) log.append(record(i));
    await log.flush();
    expect(numbers(log)).toEqual([2, 1, 0]);
  });

  it('keeps the body exactly as it was sent, without serialising it again', async () => {
    const file = join(tmp.dir, 'raw', 'audit.jsonl');
    const log = new AuditLog(file);
    // Key order and number formatting a parse-and-stringify round trip would not keep.
    const body = '{"resourceMetrics":[],"z":1.50,"a":{"b":[1e3]}}';
    log.append({ ...record(0), body: utf8(body) });
    await log.flush();
    expect(readFileSync(file, 'utf8')).toContain(`"body":${body}}\n`);
    expect(log.read()[0]!.body).toEqual({ resourceMetrics: [], z: 1.5, a: { b: [1000] } });
  });

  it('writes asynchronously: append returns before anything touches the disk', async () => {
    const file = join(tmp.dir, 'async', 'audit.jsonl');
    const log = new AuditLog(file);
    log.append(record(1));
    expect(existsSync(file)).toBe(false);
    await log.flush();
    expect(numbers(log)).toEqual([1]);
  });

  it('writes what one interval appended together, and never what newer lines already push past the bound', async () => {
    const file = join(tmp.dir, 'batched', 'audit.jsonl');
    const log = new AuditLog(file, { maxEntries: 10, maxBytes: 1 << 20 }, 50);
    for (let i = 0; i < 100; i++) log.append(record(i));
    // Queued lines are visible to read() before they are written.
    expect(numbers(log)).toEqual(Array.from({ length: 10 }, (_, i) => 99 - i));
    expect(existsSync(file)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Only the ten newest ever reached the disk: two files of five.
    const onDisk = [file, `${file}.1`].flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    expect(onDisk.map((l) => (JSON.parse(l) as { body: { n: number } }).body.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 90 + i));
  });

  it('holds several large batches: bounded by entries and by bytes, keeping the newest', async () => {
    const big = new AuditLog(join(tmp.dir, 'big', 'audit.jsonl'));
    // Nine batches of about 370 KiB, the size of a 512-span export.
    for (let i = 0; i < 9; i++) big.append(record(i, 370 * 1024));
    await big.flush();
    expect(numbers(big)).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0]);

    const byEntries = new AuditLog(join(tmp.dir, 'entries', 'audit.jsonl'), { maxEntries: 20, maxBytes: 1 << 20 });
    for (let i = 0; i < 200; i++) byEntries.append(record(i));
    await byEntries.flush();
    const kept = numbers(byEntries);
    expect(kept[0]).toBe(199);
    expect(kept.length).toBeLessThanOrEqual(20);
    expect(kept.length).toBeGreaterThanOrEqual(10); // two files of up to half the bound each
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 199 - i));

    const file = join(tmp.dir, 'bytes', 'audit.jsonl');
    const byBytes = new AuditLog(file, { maxEntries: 1000, maxBytes: 4096 });
    for (let i = 0; i < 200; i++) {
      byBytes.append(record(i));
      if (i % 7 === 0) await byBytes.flush(); // appends that meet a write in flight, and ones that do not
    }
    await byBytes.flush();
    expect(statSync(file).size + statSync(`${file}.1`).size).toBeLessThanOrEqual(4096);
    expect(numbers(byBytes)[0]).toBe(199);
    expect(numbers(byBytes).length).toBeGreaterThan(3);
  });

  it('drops a single record larger than the whole bound instead of emptying the log for it', async () => {
    const log = new AuditLog(join(tmp.dir, 'huge', 'audit.jsonl'), { maxEntries: 10, maxBytes: 2048 });
    log.append(record(1));
    log.append(record(2, 5000));
    await log.flush();
    expect(numbers(log)).toEqual([1]);
  });

  it('clear() wins over a write in flight, and later appends start a new log', async () => {
    const file = join(tmp.dir, 'race', 'audit.jsonl');
    const log = new AuditLog(file, { maxEntries: 4, maxBytes: 1 << 20 });
    for (let i = 0; i < 6; i++) log.append(record(i));
    await log.flush();
    expect(existsSync(`${file}.1`)).toBe(true);
    log.append(record(1));
    log.clear();
    await log.flush();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.1`)).toBe(false);
    log.append(record(2));
    await log.flush();
    expect(numbers(log)).toEqual([2]);
  });

  it('a disk that refuses the write costs the app nothing: no throw, a diagnostic, and the log works again once it can', async () => {
    const dir = join(tmp.dir, 'refused');
    const file = join(dir, 'log', 'audit.jsonl');
    mkdirSync(dir, { recursive: true });
    const log = new AuditLog(file);
    const undo = makeUnwritable(dir);
    try {
      log.append(record(1));
      await expect(log.flush()).resolves.toBeUndefined();
      expect(existsSync(file)).toBe(false);
      expect(() => log.flushSync()).not.toThrow();
    } finally {
      undo();
    }
    log.append(record(2));
    await log.flush();
    expect(numbers(log)).toEqual([2]);
  });

  it('writes what is queued synchronously at exit', () => {
    const log = new AuditLog(join(tmp.dir, 'exit', 'audit.jsonl'));
    log.append(record(1));
    log.append(record(2));
    log.flushSync();
    expect(numbers(log).sort()).toEqual([1, 2]);
  });

  it('survives a torn last line and clears completely', () => {
    const file = join(tmp.dir, 'c', 'audit.jsonl');
    const log = new AuditLog(file);
    log.append(record(1));
    log.flushSync();
    writeFileSync(file, `${JSON.stringify({ ...record(1), body: { n: 1 } })}\n{"at":"torn`);
    expect(log.read()).toHaveLength(1);
    log.clear();
    expect(log.read()).toEqual([]);
  });
});
