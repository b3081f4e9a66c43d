/**
 * Every threshold and window of optel's recording rules, alerts and dashboards, in one place (like
 * `config.libsonnet` in the Prometheus mixins). `npm run mixin` (mixin/generate.ts) turns it, with the
 * catalog, into prometheus/rules/*.yml, grafana/dashboards/*.json and the "Meaning" paragraphs of
 * prometheus/runbooks.md; a test fails when those files are not what this config produces.
 *
 * Durations are Prometheus durations (`5m`, `1h`, `1d`, `1w`): they are written into PromQL as they
 * are, and converted to seconds only where a rate is derived from an increase.
 *
 * This file runs under Node's type stripping: erasable TypeScript only.
 */
export const mixinConfig = {
  /**
   * Every counter, event and histogram of the catalog is recorded over both windows: `short` for
   * dashboards' time series and rates, `long` for hourly counts, sparse data (ratings) and alerts.
   */
  windows: { short: '5m', long: '1h' },

  alerts: {
    /** Failed requests and operations / all of them over the long window (source: "error rate over 5% in 1 h"). */
    highErrorRate: { ratio: 0.05, minCalls: 20, for: '5m' },
    /** Errors of severity `critical` in the long window (source: "more than 10 critical errors in 1 h"). */
    criticalErrors: { count: 10 },
    /** Mean operation duration over the short window. */
    slowOperations: { meanMs: 1000, for: '15m' },
    /** p95 over the long window against the same window `baseline` earlier. */
    latencyRegression: { factor: 1.5, baseline: '1w', minOperations: 20, for: '15m' },
    /** Crashes in `window`: at least `min`, and more than `factor` times the average over `baseline`. */
    crashSpike: { window: '15m', min: 3, factor: 3, baseline: '1d' },
    /** A crash type seen in `window` and not in the `history` before it. */
    newCrashType: { window: '1h', history: '7d' },
    /** Mean rating (0..1) over the long window, with enough ratings to mean something. */
    lowSatisfaction: { below: 0.7, minRatings: 5, for: '15m' },
    /** Activations over the long window against the same window `baseline` earlier. */
    featureUsageDrop: { factor: 0.5, baseline: '1d', minBaseline: 20, for: '30m' },
    /** Silent after `after` without data, having sent data within `lookback`. */
    serviceSilent: { after: '15m', lookback: '1d' },
    collectorDown: { for: '2m' },
    collectorRefusing: { for: '5m' },
    collectorExportFailing: { for: '5m' },
    ingestStreamCap: { for: '5m' },
  },
} as const;

export type MixinConfig = typeof mixinConfig;

const SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Seconds in a simple Prometheus duration (`5m` -> 300). */
export function seconds(duration: string): number {
  const m = /^(\d+)(s|m|h|d|w)$/.exec(duration);
  if (m === null) throw new Error(`not a simple Prometheus duration: ${duration}`);
  return Number(m[1]) * (SECONDS[m[2] as string] as number);
}

/** `15m` -> `15 minutes`, `1h` -> `hour` (with `one`: `an hour`), for prose in annotations and runbooks. */
export function prose(duration: string, one = false): string {
  const m = /^(\d+)(s|m|h|d|w)$/.exec(duration);
  if (m === null) throw new Error(`not a simple Prometheus duration: ${duration}`);
  const n = Number(m[1]);
  const unit = ({ s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' } as const)[m[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  if (n === 1) return one ? `${unit === 'hour' ? 'an' : 'a'} ${unit}` : unit;
  return `${n} ${unit}s`;
}

/** `0.5` -> `half`, `0.25` -> `0.25 times`: "less than half as often". */
export function fraction(factor: number): string {
  return factor === 0.5 ? 'half' : `${factor} times`;
}
