import { diag, DiagLogLevel } from '@opentelemetry/api';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { register, type Telemetry } from '../../src/index.js';
import { resetWarnings } from '../../src/diag.js';
import type { BuiltinCatalog } from '../../src/catalog/builtin.js';
import { OtlpReceiver } from '../helpers/otlp-receiver.js';
import { allGranted, tempDir, writeConsent } from '../helpers/temp.js';

const warnings: string[] = [];
const receiver = new OtlpReceiver();
const tmp = tempDir();
let t: Telemetry<BuiltinCatalog>;

beforeAll(async () => {
  diag.setLogger({ error: (m) => warnings.push(m), warn: (m) => warnings.push(m), info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
  await receiver.start();
  const consentFile = join(tmp.dir, 'consent.json');
  writeConsent(consentFile, allGranted());
  t = register({ serviceName: 'fuzz', endpoint: receiver.url, consentFile, exportIntervalMs: 60_000, env: {} });
});

afterAll(async () => {
  await t.shutdown();
  await receiver.stop();
  diag.disable();
  tmp.cleanup();
});

function cyclic(): unknown {
  const o: Record<string, unknown> = { feature: 'x' };
  o.self = o;
  return o;
}

const weird = fc.oneof(
  fc.anything(),
  fc.constantFrom(undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -1, 1e308, -0, cyclic(), Symbol('s'), () => 1, 10n, new Date(), 'x'.repeat(1_000_000), '\u0000\u0001\ud800binary\uffff'),
  fc.string({ unit: 'binary' }),
  fc.array(fc.integer()),
);

it('10,000 random calls with wrong types never throw into the app', () => {
  const api = t.metrics as unknown as Record<string, Record<string, Record<string, (...a: unknown[]) => unknown>>>;
  const categories = [...Object.keys(t.config.catalog.spec), 'nope', '__proto__', 'constructor'];
  const metricsOf = (c: string): string[] => [...Object.keys(t.config.catalog.spec[c]?.metrics ?? {}), 'missing', 'toString'];
  const methods = ['add', 'record', 'emit', 'observe', 'bogus'];
  const call = fc.record({
    category: fc.oneof(fc.constantFrom(...categories), fc.string()),
    metric: fc.string(),
    pick: fc.nat(),
    method: fc.constantFrom(...methods),
    a: weird,
    b: weird,
  });
  fc.assert(
    fc.property(call, ({ category, metric, pick, method, a, b }) => {
      const names = metricsOf(category);
      const m = names[pick % names.length] ?? metric;
      const instrument = api[category]?.[m];
      const fn = instrument?.[method];
      if (typeof fn === 'function') fn.call(instrument, a, b);
      t.rateSatisfaction(a as number, b as never);
      t.withTelemetry(a as string, b as never);
      t.consent.grant(a as never);
      t.consent.isGranted(a as never);
    }),
    { numRuns: 10_000 },
  );
  expect(warnings.length).toBeGreaterThan(0);
});

it('bad input is dropped with a diag warning that names the instrument', () => {
  warnings.length = 0;
  resetWarnings();
  t.metrics.feature_usage.activations.add(Number.NaN, { feature: 'x' });
  (t.metrics.feature_usage.activations.add as (v: unknown, a: unknown) => void)(1, { feature: 'x', undeclared_key: 'y' });
  t.metrics.feature_usage.completions.add(1, { feature: 'x', outcome: 'exploded' as never });
  (t.metrics as unknown as Record<string, Record<string, { add(): void }>>).nonexistent!.metric!.add();
  expect(warnings.join('\n')).toMatch(/optel\.feature_usage\.activations: value must be a finite number/);
  expect(warnings.join('\n')).toMatch(/attribute "undeclared_key" is not declared/);
  expect(warnings.join('\n')).toMatch(/value of attribute "outcome" is outside its declared shape; recorded as "other"/);
  expect(warnings.join('\n')).toMatch(/no "nonexistent"/);
});

it('values outside the declared shape arrive as "other" and undeclared keys do not arrive at all', async () => {
  receiver.clear();
  t.metrics.feature_usage.completions.add(1, { feature: 'y'.repeat(500), outcome: 'weird' as never, step: 'ok' });
  (t.metrics.feature_usage.activations.add as (v: unknown, a: unknown) => void)(1, { feature: 'z', user_id: 'u-123' });
  await t.forceFlush();
  await receiver.waitFor(() => receiver.points().some((p) => p.name === 'optel.feature_usage.completions'));
  expect(receiver.total('optel.feature_usage.completions', { feature: 'other', outcome: 'other', step: 'ok' })).toBe(1);
  expect(receiver.everything()).not.toContain('u-123');
  expect(receiver.everything()).not.toContain('user_id');
});

it('values whose string conversion throws are dropped, not thrown (found by the property test)', () => {
  const hostile = [{ toString: 0 }, { toString() { throw new Error('no'); } }, Object.create(null), Symbol('s')];
  for (const h of hostile) {
    expect(() => t.consent.isGranted(h as never)).not.toThrow();
    expect(() => t.consent.grant(h as never)).not.toThrow();
    expect(() => t.withTelemetry(h as never, () => 1)()).not.toThrow();
    expect(() => t.metrics.feature_usage.activations.add(1, { feature: h as never })).not.toThrow();
    expect(() => t.withTelemetry('x', () => { throw h; })()).toThrow(); // the app's own throw passes through untouched
  }
});

/** Values built to break whoever inspects them: every trap throws, `then` is a throwing getter, thenables. */
function hostileValue(kind: number): unknown {
  const boom = () => {
    throw new Error('trap');
  };
  switch (kind % 7) {
    case 0:
      return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom });
    case 1:
      return Object.defineProperty({}, 'then', { get: boom });
    case 2:
      return { then: () => 'not what was returned' };
    case 3:
      return { then: (resolve: (v: unknown) => void) => resolve('a thenable') };
    case 4:
      return new Proxy(Promise.resolve(1), { get: boom, getPrototypeOf: () => Promise.prototype });
    case 5:
      return new Proxy(() => 1, { get: boom, apply: () => 'proxied call' });
    default:
      return Object.create(null);
  }
}

it('100,000 calls with hostile JavaScript: withTelemetry and the API never throw and never change what the host gets back', () => {
  const results = fc.record({ kind: fc.nat(), asName: fc.boolean(), asAttr: fc.boolean() });
  let compared = 0;
  fc.assert(
    fc.property(results, ({ kind, asName, asAttr }) => {
      const value = hostileValue(kind);
      const fn = () => value;
      let got: unknown;
      // The wrapped function did not throw, so the wrapper must not either...
      expect(() => {
        got = t.withTelemetry((asName ? value : 'hostile') as string, fn)();
      }).not.toThrow();
      // ...and the host gets back exactly what the function returned (a native Promise is followed, so only it may differ).
      if (!(kind % 7 === 4)) {
        expect(got).toBe(value);
        compared++;
      }
      expect(() => t.metrics.feature_usage.activations.add(1, { feature: (asAttr ? value : 'x') as string })).not.toThrow();
      expect(() => t.metrics.errors.errors.add(1, value as never)).not.toThrow();
      expect(() => t.consent.isGranted(value as never)).not.toThrow();
    }),
    { numRuns: 100_000 },
  );
  expect(compared).toBeGreaterThan(80_000);
  // A function that throws a hostile value: that exact value reaches the host.
  const thrown = hostileValue(0);
  let caught: unknown;
  try {
    t.withTelemetry('throws', () => {
      throw thrown;
    })();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBe(thrown);
}, 120_000);
