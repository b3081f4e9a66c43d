import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/catalog/builtin.js';
import { buildCatalog, Catalog } from '../../src/catalog/catalog.js';
import { expiryProblem, isExpired } from '../../src/catalog/expiry.js';

describe('metric expiry', () => {
  it('no built-in metric has expired: when this fails, review the metric and move its expiry', () => {
    const expired = new Catalog(builtinCatalog).entries.filter((e) => isExpired(e.spec, new Date())).map((e) => `${e.instrument} (${e.spec.expires})`);
    expect(expired).toEqual([]);
  });

  it.each([
    [{ expires: '2027-01-31' }, undefined],
    [{ expires: 'version:2.0.0' }, undefined],
    [{ expires: 'never', expiresReason: 'Needed to prove redaction works.' }, undefined],
    [{ expires: 'never' }, /expiresReason/],
    [{ expires: '2027-02-30' }, /real calendar date/],
    [{ expires: 'soon' }, /YYYY-MM-DD/],
  ])('%j', (spec, problem) => {
    const p = expiryProblem(spec as never);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });

  it('a date expires at the end of that day (UTC)', () => {
    expect(isExpired({ expires: '2027-01-31' }, new Date('2027-01-31T23:59:59Z'))).toBe(false);
    expect(isExpired({ expires: '2027-01-31' }, new Date('2027-02-01T00:00:00Z'))).toBe(true);
  });

  it('a version expires once the app reaches it', () => {
    const spec = { expires: 'version:2.1.0' };
    expect(isExpired(spec, new Date(), '2.0.9')).toBe(false);
    expect(isExpired(spec, new Date(), '2.1.0')).toBe(true);
    expect(isExpired(spec, new Date(), '10.0.0')).toBe(true);
    expect(isExpired(spec, new Date(), undefined)).toBe(false);
  });

  it('register() rejects a declaration without a valid expiry, naming it', () => {
    const metric = { kind: 'counter', unit: '1', description: 'd', attributes: {}, sensitivity: 'low' };
    expect(() => buildCatalog({ s: { description: 'x', metrics: { a: metric } } })).toThrow(expect.objectContaining({ option: 'catalog.s.metrics.a.expires' }));
    expect(() => buildCatalog({ s: { description: 'x', metrics: { a: { ...metric, expires: 'never' } } } })).toThrow(expect.objectContaining({ option: 'catalog.s.metrics.a.expiresReason' }));
  });
});
