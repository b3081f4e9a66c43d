import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/catalog/builtin.js';
import { buildCatalog, Catalog } from '../../src/catalog/catalog.js';
import { defineCatalog } from '../../src/catalog/types.js';

const strategy = defineCatalog({
  strategy: {
    description: 'Strategy editing.',
    metrics: {
      created: { kind: 'event', unit: '{strategy}', description: 'A strategy was created.', attributes: { template: { type: 'enum', values: ['ema_cross', 'custom'] } }, sensitivity: 'low', expires: '2099-12-31' },
      parameter_changed: { kind: 'counter', unit: '{change}', description: 'A parameter changed.', attributes: { parameter: { type: 'string', maxLength: 32 } }, sensitivity: 'medium', expires: '2099-12-31' },
    },
  },
  backtest: {
    description: 'Backtests.',
    metrics: {
      duration: { kind: 'histogram', unit: 'ms', description: 'Backtest duration.', attributes: { timeframes: { type: 'number', min: 1, max: 10 } }, buckets: [100, 1000, 10000], sensitivity: 'low', expires: '2099-12-31' },
    },
  },
});

describe('Catalog', () => {
  it('names every instrument optel.<category>.<metric>', () => {
    const c = new Catalog(builtinCatalog);
    expect(c.entries.map((e) => e.instrument)).toContain('optel.feature_usage.activations');
    expect(c.categories).toEqual(['feature_usage', 'performance', 'engagement', 'errors', 'satisfaction', 'resource', 'system']);
  });

  it('maps instruments to categories, HTTP metrics to performance, unknown ones to none', () => {
    const c = buildCatalog(strategy);
    expect(c.categoryOfInstrument('optel.strategy.created')).toBe('strategy');
    expect(c.categoryOfInstrument('http.server.request.duration')).toBe('performance');
    expect(c.categoryOfInstrument('db.client.operation.duration')).toBeUndefined();
  });

  it('merges app domain categories after the built-in ones', () => {
    const c = buildCatalog(strategy);
    expect(c.categories.slice(-2)).toEqual(['strategy', 'backtest']);
    expect(c.entries.filter((e) => e.category === 'backtest')[0]!.spec.buckets).toEqual([100, 1000, 10000]);
  });

  it.each([
    [{ Strategy: { description: 'x', metrics: { a: { kind: 'counter', unit: '1', description: 'd', attributes: {}, sensitivity: 'low', expires: '2099-12-31' } } } }, 'catalog.Strategy'],
    [{ s: { description: 'x', metrics: {} } }, 'catalog.s.metrics'],
    [{ s: { description: 'x', metrics: { a: { kind: 'counter', unit: '1', description: 'd', attributes: { k: { type: 'enum', values: [] } }, sensitivity: 'low', expires: '2099-12-31' } } } }, 'catalog.s.metrics.a.attributes.k.values'],
    [{ s: { description: 'x', metrics: { a: { kind: 'histogram', unit: 'ms', description: 'd', attributes: {}, buckets: [5, 1], sensitivity: 'low', expires: '2099-12-31' } } } }, 'catalog.s.metrics.a.buckets'],
    [{ s: { description: 'x', metrics: { a: { kind: 'counter', unit: '1', description: 'd', attributes: {}, sensitivity: 'secret' } } } }, 'catalog.s.metrics.a.sensitivity'],
    [{ s: { description: 'x', metrics: { a: { kind: 'counter', unit: '1', description: 'd', attributes: { k: { type: 'string', maxLength: 0 } }, sensitivity: 'low', expires: '2099-12-31' } } } }, 'catalog.s.metrics.a.attributes.k.maxLength'],
  ])('rejects a bad declaration at %#, naming %s', (spec, option) => {
    expect(() => buildCatalog(spec)).toThrow(expect.objectContaining({ option }));
  });
});
