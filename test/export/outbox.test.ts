import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DropReason, Outbox, PERSIST_EVERY_MS } from '../../src/export/outbox.js';
import { backoffMs } from '../../src/export/outbox-delivery.js';
import { retryAfterMs } from '../../src/export/otlp-transport.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir();
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
afterEach(() => tmp.cleanup());

function box(limits = { maxBytes: 1000, maxAgeMs: 60_000 }) {
  const drops: DropReason[] = [];
  const dir = join(tmp.dir, `outbox-${Math.random().toString(36).slice(2)}`);
  return { outbox: new Outbox(dir, limits, (reason) => drops.push(reason)), drops, dir };
}

describe('Outbox', () => {
  it('drops the oldest entries past its byte bound, and counts each drop', () => {
    const { outbox, drops } = box({ maxBytes: 250, maxAgeMs: 60_000 });
    for (let i = 0; i < 5; i++) outbox.add('metrics', 'feature_usage', utf8('x'.repeat(100)), 1000 + i);
    expect(outbox.size).toBe(2);
    expect(outbox.totalBytes).toBe(200);
    expect(drops).toEqual(['size_limit', 'size_limit', 'size_limit']);
    expect(outbox.next(2000)?.createdAt).toBe(1003);
  });

  it('drops entries past their age, and counts them', () => {
    const { outbox, drops } = box({ maxBytes: 10_000, maxAgeMs: 1000 });
    outbox.add('traces', 'errors', utf8('{}'), 0);
    outbox.add('traces', 'errors', utf8('{}'), 500);
    expect(outbox.next(1200)?.createdAt).toBe(500);
    expect(drops).toEqual(['age_limit']);
  });

  it('keeps what waits on disk (0700 directory, 0600 files) at exit, and a new outbox loads it in order', () => {
    const { outbox, dir } = box();
    outbox.add('metrics', 'feature_usage', utf8('{"a":1}'), 1000);
    outbox.add('traces', 'performance', utf8('{"b":2}'), 1001);
    outbox.persistAllSync();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const again = new Outbox(dir, { maxBytes: 1000, maxAgeMs: 60_000 }, () => {});
    again.load(1500);
    expect(again.list().map((e) => [e.signal, e.category, Buffer.from(e.body).toString('utf8')])).toEqual([['metrics', 'feature_usage', '{"a":1}'], ['traces', 'performance', '{"b":2}']]);
  });

  it('a corrupt entry on disk is removed with a diagnostic, not sent and not thrown', () => {
    const { dir } = box();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '1000000000000-000000.json'), '{not json');
    const again = new Outbox(dir, { maxBytes: 1000, maxAgeMs: Number.MAX_SAFE_INTEGER }, () => {});
    expect(() => again.load()).not.toThrow();
    expect(again.size).toBe(0);
    expect(existsSync(join(dir, '1000000000000-000000.json'))).toBe(false);
  });

  it('purge removes a category from memory at once and from disk before it resolves', async () => {
    const { outbox, dir } = box();
    outbox.add('metrics', 'feature_usage', utf8('{}'), 1000);
    outbox.add('metrics', 'engagement', utf8('{}'), 1001);
    outbox.persistAllSync();
    await outbox.purge(['feature_usage']);
    expect(outbox.list().map((e) => e.category)).toEqual(['engagement']);
    expect(readdirSync(dir)).toHaveLength(1);
    await outbox.purge();
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('an entry that waits for a retry is written to disk at once, and entries added meanwhile soon after, together', async () => {
    const { outbox, dir } = box();
    outbox.add('metrics', 'feature_usage', utf8('{}'), 1000);
    const first = outbox.next(1000)!;
    await outbox.retryLater(first, 5000, 1000);
    expect(outbox.next(2000)).toBeUndefined();
    expect(outbox.nextAttemptAt()).toBe(6000);
    expect(readdirSync(dir)).toHaveLength(1);
    outbox.add('metrics', 'feature_usage', utf8('{}'), 1100);
    outbox.add('metrics', 'feature_usage', utf8('{}'), 1200);
    await new Promise((r) => setTimeout(r, PERSIST_EVERY_MS + 100));
    expect(readdirSync(dir)).toHaveLength(3);
  });
});

describe('retry timing', () => {
  it('Retry-After in seconds or as a date, bounded to an hour; nonsense is ignored', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('99999999')).toBe(3_600_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('backoff grows exponentially to its ceiling, with jitter in the upper half', () => {
    const b = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffMs(0, b, () => 0)).toBe(500);
    expect(backoffMs(0, b, () => 1)).toBe(1000);
    expect(backoffMs(3, b, () => 1)).toBe(8000);
    expect(backoffMs(20, b, () => 1)).toBe(60_000);
    expect(backoffMs(20, b, () => 0)).toBe(30_000);
  });
});
