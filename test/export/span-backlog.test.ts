import { describe, expect, it } from 'vitest';
import { SpanBacklog } from '../../src/export/span-backlog.js';

describe('SpanBacklog', () => {
  it('admits up to its capacity, counts what it turns away, and makes room as spans leave', () => {
    let dropped = 0;
    const backlog = new SpanBacklog(3, (n) => (dropped += n));
    expect([backlog.admit(), backlog.admit(), backlog.admit()]).toEqual([true, true, true]);
    expect(backlog.full).toBe(true);
    expect(backlog.admit()).toBe(false);
    backlog.refused();
    expect(dropped).toBe(2);
    backlog.left(2);
    expect(backlog.full).toBe(false);
    expect(backlog.admit()).toBe(true);
    backlog.left(10);
    expect(backlog.admit()).toBe(true);
  });
});
