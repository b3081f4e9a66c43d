import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Instruments } from '../../src/api/instruments.js';
import { createWithTelemetry, errorType } from '../../src/api/with-telemetry.js';
import { buildCatalog } from '../../src/catalog/catalog.js';
import type { BuiltinCatalog } from '../../src/catalog/builtin.js';
import type { TelemetryApi } from '../../src/catalog/types.js';
import { Consent } from '../../src/consent/consent.js';
import { ConsentStore } from '../../src/consent/store.js';
import { tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();

function setup(granted: Record<string, boolean>) {
  const file = join(tmp.dir, `c${Math.random()}.json`);
  writeConsent(file, granted);
  const catalog = buildCatalog(undefined);
  const consent = new Consent(catalog.categories, new ConsentStore(file), undefined);
  const calls: string[] = [];
  const rec = (name: string) => ({
    add: (v: number, a: object) => calls.push(`${name} ${v} ${JSON.stringify(a)}`),
    record: (v: number, a: Record<string, unknown>) => calls.push(`${name} ${typeof v} ${JSON.stringify(a)}`),
  });
  const metrics = {
    feature_usage: { activations: rec('activations') },
    performance: { operation_duration: rec('duration') },
    errors: { errors: rec('errors') },
  } as unknown as TelemetryApi<BuiltinCatalog>;
  const withTelemetry = createWithTelemetry(metrics, consent, new Instruments(catalog, () => true));
  return { withTelemetry, calls };
}

describe('withTelemetry', () => {
  it('records use, duration and success of a sync function, passing this, arguments and result through', () => {
    const { withTelemetry, calls } = setup({ feature_usage: true, performance: true, errors: true });
    const obj = { k: 2, times(this: { k: number }, n: number) { return n * this.k; } };
    obj.times = withTelemetry('times', obj.times);
    expect(obj.times(21)).toBe(42);
    expect(obj.times.name).toBe('times');
    expect(calls).toEqual(['activations 1 {"feature":"times"}', 'duration number {"operation":"times","outcome":"success"}']);
  });

  it('records failure and error type, and rethrows the very same error', async () => {
    const { withTelemetry, calls } = setup({ feature_usage: true, performance: true, errors: true });
    class QuotaError extends Error {}
    const boom = new QuotaError('over quota');
    const failing = withTelemetry('upload', async () => {
      throw boom;
    });
    await expect(failing()).rejects.toBe(boom);
    expect(calls).toContain('errors 1 {"type":"QuotaError","severity":"error","feature":"upload"}');
    expect(calls).toContain('duration number {"operation":"upload","outcome":"failure"}');
  });

  it('resolves async results unchanged', async () => {
    const { withTelemetry } = setup({ performance: true });
    expect(await withTelemetry('later', async () => 'v')()).toBe('v');
  });

  it('without consent it calls the function and records nothing', () => {
    const { withTelemetry, calls } = setup({});
    expect(withTelemetry('x', () => 7)()).toBe(7);
    expect(calls).toEqual([]);
  });

  it('returns a non-function unchanged and labels a bad name "other"', () => {
    const { withTelemetry, calls } = setup({ feature_usage: true });
    expect(withTelemetry('x', 5 as never)).toBe(5);
    withTelemetry('bad\nname with \u0000', () => 1)();
    expect(calls[0]).toBe('activations 1 {"feature":"other"}');
  });

  it('names errors by class, never by message', () => {
    expect(errorType(new RangeError('secret'))).toBe('RangeError');
    expect(errorType('secret string')).toBe('string');
    expect(errorType(null)).toBe('null');
  });
});
