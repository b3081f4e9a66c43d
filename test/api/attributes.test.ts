import { describe, expect, it } from 'vitest';
import { OTHER, sanitizeAttributes } from '../../src/api/attributes.js';
import type { MetricSpec } from '../../src/catalog/types.js';
import { Scrubber } from '../../src/redaction/scrubber.js';

const spec: MetricSpec = {
  kind: 'counter',
  unit: '1',
  description: 'd',
  sensitivity: 'low', expires: '2099-12-31',
  attributes: {
    feature: { type: 'string', maxLength: 16 },
    outcome: { type: 'enum', values: ['ok', 'failed'] },
    n: { type: 'number', min: 0, max: 10 },
    flag: { type: 'boolean' },
  },
};
const scrubber = new Scrubber();
const clean = (input: unknown) => sanitizeAttributes('optel.t.m', spec, input, scrubber);

describe('sanitizeAttributes', () => {
  it('keeps declared keys with values of the declared shape', () => {
    expect(clean({ feature: 'export', outcome: 'ok', n: 3, flag: true })).toEqual({ feature: 'export', outcome: 'ok', n: 3, flag: true });
  });

  it('drops undeclared keys', () => {
    expect(clean({ feature: 'x', user_id: 'u1', email: 'a@b.co' })).toEqual({ feature: 'x' });
  });

  it.each([
    [{ outcome: 'maybe' }, 'outcome'],
    [{ feature: 'x'.repeat(17) }, 'feature'],
    [{ feature: '' }, 'feature'],
    [{ feature: 'bin\u0000ary' }, 'feature'],
    [{ feature: 42 }, 'feature'],
    [{ n: 11 }, 'n'],
    [{ n: Number.NaN }, 'n'],
    [{ flag: 'true' }, 'flag'],
  ])('maps %j to other', (input, key) => {
    expect(clean(input)).toEqual({ [key]: OTHER });
  });

  it('scrubs free text', () => {
    expect(clean({ feature: 'me@example.com' })).toEqual({ feature: '[REDACTED:email]' });
  });

  it('survives non-objects, cyclic objects and throwing getters', () => {
    const cyclic: Record<string, unknown> = { feature: 'f' };
    cyclic.self = cyclic;
    const throwing = Object.defineProperty({}, 'feature', { get() { throw new Error('getter'); }, enumerable: true });
    expect(clean('string')).toEqual({});
    expect(clean(null)).toEqual({});
    expect(clean(cyclic)).toEqual({ feature: 'f' });
    expect(clean(throwing)).toEqual({});
  });
});
