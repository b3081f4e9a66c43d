/**
 * The names of every Prometheus series optel's rules and dashboards read: exported names of catalog
 * metrics (`promName`), the other series (`SERIES`), and the recorded series derived from both
 * (`RecordedMetric`, `recorded`). Nothing else in mixin/ or grafana/ spells a metric name.
 *
 * Recorded names follow `level:metric:operations` (https://prometheus.io/docs/practices/rules/).
 * `job` (the app's service name) is kept at every level and left out of it: a level lists the
 * labels kept besides `job` (`feature:` = by job and feature), and `job:` means by job only.
 *
 * This file runs under Node's type stripping: erasable TypeScript only.
 */
import { mixinConfig } from './config.ts';
import type { CatalogSpec, MetricSpec } from '../dist/index.js';

/** The Prometheus scrape job of the Collector's own metrics (prometheus/prometheus.yml). */
export const COLLECTOR_JOB = 'otel-collector';
/** The Prometheus scrape job of the Collector's prometheus exporter: the apps' series. */
export const APPS_JOB = 'optel';

/**
 * Every series read that is not a catalog metric. Histograms are named by their base name;
 * `_bucket`, `_sum` and `_count` are added where they are used.
 */
export const SERIES = {
  /** spanmetrics connector (Collector): calls by service_name, span_name, span_kind, status_code. */
  spanCalls: 'traces_span_metrics_calls_total',
  /** spanmetrics connector (Collector): span duration histogram in milliseconds. */
  spanDuration: 'traces_span_metrics_duration_milliseconds',
  /** HTTP instrumentation (stable semconv): by http_request_method, http_response_status_code. */
  httpServerDuration: 'http_server_request_duration_seconds',
  /**
   * Collector self-metrics (counters). The Collector exposes them WITHOUT `_total` (checked by
   * running it: `otelcol_receiver_accepted_spans`, `otelcol_process_uptime`, ...). Failure counters
   * appear only after the first failure, so their queries fall back to 0.
   */
  collectorAcceptedSpans: 'otelcol_receiver_accepted_spans',
  collectorRefusedSpans: 'otelcol_receiver_refused_spans',
  /** Receiver-side failures that are not the client's fault. */
  collectorFailedSpans: 'otelcol_receiver_failed_spans',
  collectorAcceptedMetricPoints: 'otelcol_receiver_accepted_metric_points',
  collectorRefusedMetricPoints: 'otelcol_receiver_refused_metric_points',
  collectorFailedMetricPoints: 'otelcol_receiver_failed_metric_points',
  collectorExportFailedMetricPoints: 'otelcol_exporter_send_failed_metric_points',
  collectorExportFailedSpans: 'otelcol_exporter_send_failed_spans',
  /** deltatocumulative: points it could not accumulate, by `error` (`limit`: the stream cap is full). */
  collectorDeltaDatapoints: 'otelcol_deltatocumulative_datapoints',
  /** Prometheus scrape health. */
  up: 'up',
} as const;

/** `status_code` value of failed spans in the spanmetrics series. */
export const SPAN_ERROR_STATUS = 'STATUS_CODE_ERROR';

const UNIT_SUFFIXES: Readonly<Record<string, string>> = {
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  '%': 'percent',
};

const PER_UNIT: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };

/**
 * The Prometheus name of a catalog metric as the Collector's `prometheus` exporter writes it
 * (UnderscoreEscapingWithSuffixes, the OTel-to-Prometheus compatibility rules):
 * `optel_<category>_<metric>`, then the unit suffix (`ms` -> `_milliseconds`, `s` -> `_seconds`,
 * `By` -> `_bytes`; annotations in braces such as `{activation}` add nothing; skipped when the name
 * already has that word), then `_ratio` for gauges with unit `1` and `_total` for counters and events.
 * A histogram with unit `1` (satisfaction.score) gets no suffix: the translator adds `_ratio` to
 * gauges only. Histograms are further exposed as `<name>_bucket`, `<name>_sum`, `<name>_count`.
 */
export function promName(category: string, metric: string, spec: Pick<MetricSpec, 'kind' | 'unit'>): string {
  let tokens = `optel_${category}_${metric}`.split(/[^a-zA-Z0-9:]+/).filter((t) => t !== '');
  const unit = spec.unit.replace(/\{[^}]*\}/g, '').trim();
  const [main = '', per] = unit.split('/');
  const mainSuffix = UNIT_SUFFIXES[main] ?? (main === '1' ? '' : main.replace(/[^a-zA-Z0-9]+/g, '_'));
  if (mainSuffix !== '' && !tokens.includes(mainSuffix)) tokens.push(mainSuffix);
  if (per !== undefined && per !== '') {
    const perSuffix = `per_${PER_UNIT[per] ?? per}`;
    if (!tokens.includes(perSuffix)) tokens.push(perSuffix);
  }
  const isCounter = spec.kind === 'counter' || spec.kind === 'event';
  const isGauge = spec.kind === 'gauge' || spec.kind === 'observable_gauge';
  if (isCounter) tokens = [...tokens.filter((t) => t !== 'total'), 'total'];
  if (isGauge && spec.unit === '1') tokens = [...tokens.filter((t) => t !== 'ratio'), 'ratio'];
  return tokens.join('_');
}

/** The Prometheus label of a catalog attribute key. */
export function promLabel(key: string): string {
  const label = key.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(label) ? `key_${label}` : label;
}

// ---- Recorded series ----------------------------------------------------------------------------

/**
 * A series the mixin records over both windows of mixinConfig.windows: every catalog counter, event
 * and histogram, and the HTTP and span histograms and counters apps produce through instrumentation.
 * Gauges are read as they are: there is nothing to add up over time.
 */
export interface RecordedMetric {
  /** The rule group that records it (`optel.<category>`, `optel.http`, `optel.spanmetrics`). */
  readonly group: string;
  /** Where it comes from, for comments: `feature_usage.activations`. */
  readonly source: string;
  readonly kind: 'counter' | 'histogram';
  /** Exported name: with `_total` for counters, the base name for histograms. */
  readonly name: string;
  /** Labels kept besides `job`, in declaration order. */
  readonly labels: readonly string[];
}

export type Window = 'short' | 'long';
export type HistogramPart = 'bucket' | 'sum' | 'count';

/** The catalog metrics that get recording rules, with their Prometheus names and labels. */
export function recordedCatalogMetrics(catalog: CatalogSpec, categories: readonly string[], groupPrefix = 'optel'): RecordedMetric[] {
  const out: RecordedMetric[] = [];
  for (const category of categories) {
    const cat = catalog[category];
    if (cat === undefined) throw new Error(`the catalog has no category ${category}`);
    for (const [metric, spec] of Object.entries(cat.metrics)) {
      if (spec.kind === 'gauge' || spec.kind === 'observable_gauge') continue;
      out.push({
        group: `${groupPrefix}.${category}`,
        source: `${category}.${metric}`,
        kind: spec.kind === 'histogram' ? 'histogram' : 'counter',
        name: promName(category, metric, spec),
        labels: Object.keys(spec.attributes).map(promLabel),
      });
    }
  }
  return out;
}

/** Instrumentation series recorded like catalog metrics (the labels the dashboards group by). */
export const INSTRUMENTATION_METRICS: readonly RecordedMetric[] = [
  {
    group: 'optel.http',
    source: 'HTTP server instrumentation',
    kind: 'histogram',
    name: SERIES.httpServerDuration,
    labels: ['http_request_method', 'http_response_status_code'],
  },
  {
    group: 'optel.spanmetrics',
    source: 'spanmetrics connector (Collector)',
    kind: 'counter',
    name: SERIES.spanCalls,
    labels: ['service_name', 'span_name', 'status_code'],
  },
  {
    group: 'optel.spanmetrics',
    source: 'spanmetrics connector (Collector)',
    kind: 'histogram',
    name: SERIES.spanDuration,
    labels: ['service_name', 'span_name'],
  },
];

/** The level of a recorded series: the labels kept besides job, joined (`job` when none). */
export function level(labels: readonly string[]): string {
  return labels.length === 0 ? 'job' : labels.join('_');
}

/** `optel_x_total` -> `optel_x`: recorded names drop the counter suffix (the operation says what it is). */
function baseName(m: RecordedMetric): string {
  return m.kind === 'counter' ? m.name.replace(/_total$/, '') : m.name;
}

/** The exported series a recording reads: the counter itself, or one part of a histogram. */
export function exported(m: RecordedMetric, part?: HistogramPart): string {
  if (m.kind === 'counter') return m.name;
  if (part === undefined) throw new Error(`${m.name} is a histogram: name the part (bucket, sum or count)`);
  return `${m.name}_${part}`;
}

/**
 * The recorded increase of a metric over a window: `feature:optel_feature_usage_activations:increase5m`,
 * `operation_outcome_le:optel_performance_operation_duration_milliseconds_bucket:increase1h`.
 */
export function recorded(m: RecordedMetric, window: Window, part?: HistogramPart): string {
  const w = mixinConfig.windows[window];
  if (m.kind === 'counter') return `${level(m.labels)}:${baseName(m)}:increase${w}`;
  if (part === undefined) throw new Error(`${m.name} is a histogram: name the part (bucket, sum or count)`);
  const lvl = part === 'bucket' ? `${level(m.labels)}_le` : level(m.labels);
  return `${lvl}:${baseName(m)}_${part}:increase${w}`;
}
