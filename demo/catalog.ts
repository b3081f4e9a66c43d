// The demo app's own domain categories. The app registers with them, and demo/run.ts generates
// the Collector's ingest policy from this module, as an operator does for their app
// (`node otel-collector/generate.ts --catalog demo/catalog.ts`).
import { defineCatalog } from 'optel';

export const catalog = defineCatalog({
  strategy: {
    description: 'Trading strategies created and tuned (a domain category declared by the app).',
    metrics: {
      created: { kind: 'event', unit: '{strategy}', description: 'A strategy was created.', sensitivity: 'low', expires: '2099-12-31', attributes: { template: { type: 'enum', values: ['ema_cross', 'breakout', 'custom'] } } },
      parameter_changed: { kind: 'counter', unit: '{change}', description: 'A strategy parameter was changed.', sensitivity: 'medium', expires: '2099-12-31', attributes: { parameter: { type: 'string', maxLength: 32 } } },
    },
  },
  backtest: {
    description: 'Backtests run (a domain category declared by the app).',
    metrics: {
      runs: { kind: 'counter', unit: '{run}', description: 'Backtests started.', sensitivity: 'low', expires: '2099-12-31', attributes: { timeframe: { type: 'enum', values: ['5m', '15m', '1h', '1d'] } } },
      duration: { kind: 'histogram', unit: 'ms', description: 'Backtest duration.', sensitivity: 'low', expires: '2099-12-31', attributes: {}, buckets: [50, 100, 250, 500, 1000, 2500] },
    },
  },
});
