// The demo app: a small HTTP service plus simulated users who exercise every telemetry category.
// Consent is granted for the demo by the consent file that demo/run.ts writes.
import http from 'node:http';
import { register } from 'optel';
import { catalog } from './catalog.ts';

const telemetry = register({ serviceName: 'optel-demo', serviceVersion: '1.0.0', catalog, exportIntervalMs: 2000 });
const m = telemetry.metrics;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const runBacktest = telemetry.withTelemetry('run_backtest', async (timeframe: '5m' | '15m' | '1h' | '1d') => {
  m.backtest.runs.add(1, { timeframe });
  const ms = 50 + Math.random() * 400;
  await sleep(ms);
  m.backtest.duration.record(ms);
  if (Math.random() < 0.1) throw new Error('backtest data gap for user demo.user@example.com'); // redacted before export
});

const server = http.createServer(async (req, res) => {
  const url = req.url ?? '/';
  await sleep(Math.random() * 30);
  if (url.startsWith('/api/backtests')) {
    try {
      await runBacktest(pick(['5m', '15m', '1h', '1d'] as const));
      res.writeHead(200).end('ok');
    } catch {
      res.writeHead(500).end('failed');
    }
  } else if (url.startsWith('/api/strategies')) {
    res.writeHead(200).end('[]');
  } else {
    res.writeHead(404).end('not found');
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const get = (path: string) => new Promise<void>((r) => { http.get(`${base}${path}`, (res) => res.resume().on('end', () => r())).on('error', () => r()); });

const features = ['dashboard', 'backtest', 'strategy_editor', 'export'] as const;

async function simulatedUser(id: number): Promise<void> {
  while (!stopping) {
    m.engagement.session_starts.add();
    const started = Date.now();
    let current: string = 'dashboard';
    for (let step = 0; step < 5 && !stopping; step++) {
      const next = pick(features);
      m.feature_usage.activations.add(1, { feature: next });
      m.feature_usage.flow.emit({ from: current, to: next });
      m.engagement.navigation.emit({ from: `/${current}`, to: `/${next}` });
      current = next;
      if (next === 'backtest') await get(`/api/backtests/${1000 + id}`);
      if (next === 'strategy_editor') {
        m.strategy.created.emit({ template: pick(['ema_cross', 'breakout', 'custom'] as const) });
        m.strategy.parameter_changed.add(1, { parameter: pick(['ema_period', 'stop_loss']) });
        await get('/api/strategies');
      }
      if (next === 'export') {
        const completed = Math.random() < 0.7;
        m.feature_usage.completions.add(1, { feature: 'export', outcome: completed ? 'completed' : 'abandoned', step: completed ? 'done' : 'choose_format' });
        if (!completed) m.errors.errors.add(1, { type: 'ExportError', severity: Math.random() < 0.2 ? 'critical' : 'error', feature: 'export' });
        else m.errors.recoveries.add(1, { type: 'ExportError', outcome: 'succeeded' });
      }
      m.performance.operation_duration.record(20 + Math.random() * 300, { operation: `load_${next}`, outcome: 'success' });
      m.feature_usage.time_spent.record(5 + Math.random() * 120, { feature: next });
      await sleep(300 + Math.random() * 700);
    }
    // Mostly happy users (4 or 5 of 5, now and then a 3): the demo's alerts stay quiet until you break something.
    telemetry.rateSatisfaction(Math.random() < 0.1 ? 3 : 4 + Math.floor(Math.random() * 2), { feature: current, type: 'overall', scale: '1..5' });
    m.engagement.session_ends.add();
    m.engagement.session_length.record((Date.now() - started) / 1000);
    if (Math.random() < 0.3) m.system.update_checks.add(1, { result: pick(['up_to_date', 'update_available'] as const) });
  }
}

let stopping = false;
const users = Array.from({ length: 4 }, (_, i) => simulatedUser(i));
console.log(`demo app: serving on ${base}, 4 simulated users`);

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(users);
  server.close();
  await telemetry.shutdown();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// `npm run demo` sends SIGUSR2 when you type e: a burst of failed operations (a broken release,
// say), enough to lift the failure ratio over OptelHighErrorRate's 5% for the rest of the hour.
process.on('SIGUSR2', () => {
  console.log('demo app: failing 300 operations over 10 seconds');
  let left = 300;
  const timer = setInterval(() => {
    for (let i = 0; i < 15 && left > 0; i++, left--) m.performance.operation_duration.record(800 + Math.random() * 400, { operation: 'load_backtest', outcome: 'failure' });
    if (left === 0) clearInterval(timer);
  }, 500);
});
